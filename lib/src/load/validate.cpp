// Cross-reference checks and strict content rules over parsed content.
#include "load/validate.hpp"

#include "text/edit_distance.hpp"
#include "text/escape.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace katlas::detail {
namespace {

std::string where(const SourceLoc& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

class Validator {
 public:
  Validator(const Content& content, const ParseGaps& gaps, Diagnostics& out)
      : content_(content), gaps_(gaps), out_(out) {
    for (const Kind& kind : content.kinds) kinds_.emplace(kind.id, &kind);
    for (const RelationType& type : content.relation_types) types_.emplace(type.id, &type);
    for (const Source& source : content.sources) sources_.emplace(source.id, &source);
    for (const Concept& entry : content.concepts) concepts_.emplace(entry.id, &entry);
  }

  void check_duplicates() {
    duplicates(content_.kinds, "kind", [](const Kind& k) { return k.loc; });
    duplicates(content_.relation_types, "relation type", [](const RelationType& t) { return t.loc; });
    duplicates(content_.sources, "source", [](const Source& s) { return s.loc; });
    duplicates(content_.concepts, "concept", [](const Concept& c) { return c.id_loc; });
  }

  void check_relation_types() {
    const RelationType* help_type = help_relation_type(content_);
    for (const RelationType& type : content_.relation_types)
      if (type.help_link && &type != help_type)
        error(type.loc, "relation type '" + type.id + "' is a second help link (the first is '" + help_type->id + "')",
              "only one relation type may have 'help-link: true'");
    for (const RelationType& type : content_.relation_types)
      for (const auto* list : {&type.from_kinds, &type.to_kinds})
        for (const std::string& kind : *list)
          if (!gaps_.kinds && !kinds_.contains(kind))
            error(type.loc, "relation type '" + type.id + "' names unknown kind '" + shown(kind) + "'",
                  hint_or(suggest(kind, kinds_), "kinds are listed in kinds.yaml"));
  }

  // site.yaml names concepts, relation types and kinds: each must exist.
  void check_site() {
    const SiteConfig& site = content_.site;
    const auto concept_ref = [&](const std::string& id, const SourceLoc& loc, std::string_view what) {
      if (!id.empty() && !concepts_.contains(id) && !gaps_.concepts &&
          std::find(gaps_.concept_ids.begin(), gaps_.concept_ids.end(), id) == gaps_.concept_ids.end())
        error(loc, std::string(what) + " '" + shown(id) + "' is not a concept",
              hint_or(suggest(id, concepts_), "write the id of an existing concept"));
    };
    concept_ref(site.help, site.help_loc, "help concept");
    for (const StartPath& path : site.start_paths) {
      // A link to a kind's index page needs the kind.
      if (path.more_url.starts_with("kinds/") && path.more_url.ends_with(".html")) {
        const std::string kind = path.more_url.substr(6, path.more_url.size() - 11);
        if (!gaps_.kinds && !kinds_.contains(kind))
          error(path.loc, "start path links to the page of unknown kind '" + shown(kind) + "'",
                hint_or(suggest(kind, kinds_), "kinds are listed in kinds.yaml"));
      }
      for (std::size_t i = 0; i < path.concepts.size(); ++i)
        concept_ref(path.concepts[i], i < path.concept_locs.size() ? path.concept_locs[i] : path.loc,
                    "start path concept");
    }
    if (site.cycle) {
      concept_ref(site.cycle->through, site.cycle->loc, "cycle concept");
      for (const std::string& type : site.cycle->types)
        if (!gaps_.relation_types && !types_.contains(type))
          error(site.cycle->loc, "cycle relation type '" + shown(type) + "' is not in relations.yaml",
                hint_or(suggest(type, types_), "relation types are listed in relations.yaml"));
    }
    for (std::size_t i = 0; i < site.schema_types.size(); ++i)
      if (!gaps_.kinds && !kinds_.contains(site.schema_types[i].first))
        error(site.schema_type_locs[i], "schema type for unknown kind '" + shown(site.schema_types[i].first) + "'",
              hint_or(suggest(site.schema_types[i].first, kinds_), "kinds are listed in kinds.yaml"));
  }

  // help-lines.yaml: unique region ids, and every concept and source it names exists.
  void check_help_lines() {
    duplicates(content_.help_regions, "help-line region", [](const HelpRegion& r) { return r.loc; });
    for (const HelpRegion& region : content_.help_regions) {
      if (!region.concept_id.empty() && !concepts_.contains(region.concept_id) && !gaps_.concepts &&
          std::find(gaps_.concept_ids.begin(), gaps_.concept_ids.end(), region.concept_id) == gaps_.concept_ids.end())
        error(region.concept_loc, "help-line concept '" + shown(region.concept_id) + "' is not a concept",
              hint_or(suggest(region.concept_id, concepts_), "write the id of an existing concept"));
      for (const HelpLine& line : region.lines)
        if (!line.source.empty()) check_sources({line.source}, {line.source_loc});
    }
  }

  void check_concept(const Concept& entry) {
    if (!gaps_.kinds && !entry.kind.empty() && !kinds_.contains(entry.kind))
      error(entry.kind_loc, "unknown kind '" + shown(entry.kind) + "'",
            hint_or(suggest(entry.kind, kinds_), "kinds are listed in kinds.yaml"));
    check_sources(entry.sources, entry.source_locs);
    for (const Relation& relation : entry.relations) check_relation(entry, relation);
    // The same link twice would be drawn and told twice (and could disagree on its evidence).
    std::map<std::pair<std::string_view, std::string_view>, const Relation*> written;
    for (const Relation& again : entry.relations) {
      if (again.type.empty() || again.target.empty()) continue;
      const auto [it, first_time] =
          written.emplace(std::pair{std::string_view(again.type), std::string_view(again.target)}, &again);
      if (!first_time)
        error(again.loc,
              "relation '" + shown(again.type) + "' to '" + shown(again.target) + "' is written twice (first at line " +
                  std::to_string(it->second->loc.line) + ")",
              "keep one of them, with every source and note the link needs");
    }
    for (const Side& side : entry.sides) check_sources(side.sources, side.source_locs);
    if (entry.timing) check_sources(entry.timing->sources, entry.timing->source_locs);
    if (entry.evidence == Evidence::contested) {
      const auto has = [&](Side::Position p) {
        return std::any_of(entry.sides.begin(), entry.sides.end(), [&](const Side& s) { return s.position == p; });
      };
      if (!has(Side::Position::for_claim) || !has(Side::Position::against_claim))
        error(entry.id_loc, "concept '" + entry.id + "' is contested but does not show both sides",
              "add 'sides:' with at least one 'position: for' and one 'position: against', each with sources");
    }
  }

  void check_strict() {
    std::set<std::string, std::less<>> cited, linked;
    for (const Concept& entry : content_.concepts) {
      cited.insert(entry.sources.begin(), entry.sources.end());
      for (const Relation& r : entry.relations) {
        cited.insert(r.sources.begin(), r.sources.end());
        linked.insert(entry.id);
        linked.insert(r.target);
      }
      for (const Side& s : entry.sides) cited.insert(s.sources.begin(), s.sources.end());
      if (entry.timing) cited.insert(entry.timing->sources.begin(), entry.timing->sources.end());
    }
    for (const HelpRegion& region : content_.help_regions)
      for (const HelpLine& line : region.lines) cited.insert(line.source);
    for (const Concept& entry : content_.concepts) {
      if (entry.sources.empty())
        warning(entry.id_loc, "concept '" + entry.id + "' cites no source", "add at least one id from sources.yaml");
      for (const Relation& r : entry.relations)
        if (r.sources.empty() && entry.sources.empty())
          warning(r.loc, "relation '" + shown(r.type) + "' to '" + shown(r.target) + "' has no source",
                  "add 'sources:' to the relation or to the concept");
      if (!linked.contains(entry.id))
        warning(entry.id_loc, "concept '" + entry.id + "' has no relation in or out (an orphan)",
                "relate it to at least one other concept");
      check_summary_length(entry);
      check_help_link(entry);
      check_verdict(entry);
    }
    check_templates();
    for (const Source& source : content_.sources) {
      check_main_link(source);
      if (!source.type)
        warning(source.loc, "source '" + source.id + "' does not say what kind of work it is",
                "add 'type:' peer-reviewed, official, grey or user-report; lay handouts number only the first two");
    }
    for (const Source& source : content_.sources)
      if (!cited.contains(source.id))
        warning(source.loc, "source '" + source.id + "' is not cited by any concept",
                "cite it where it supports a claim, or remove it");
  }

 private:
  template <class T, class Loc>
  void duplicates(const std::vector<T>& items, std::string_view what, Loc loc_of) {
    std::map<std::string_view, const T*> first;
    for (const T& item : items) {
      const auto [it, inserted] = first.emplace(item.id, &item);
      if (!inserted)
        error(loc_of(item),
              "duplicate " + std::string(what) + " id '" + item.id + "' (first defined at " +
                  where(loc_of(*it->second)) + ")",
              "ids must be unique; rename one of them");
    }
  }

  void check_sources(const std::vector<std::string>& ids, const std::vector<SourceLoc>& locs) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (!gaps_.sources && !sources_.contains(ids[i]))
        error(i < locs.size() ? locs[i] : SourceLoc{}, "unknown source '" + shown(ids[i]) + "'",
              hint_or(suggest(ids[i], sources_), "add it to sources.yaml first"));
  }

  void check_relation(const Concept& entry, const Relation& relation) {
    const auto type_it = types_.find(relation.type);
    if (!gaps_.relation_types && !relation.type.empty() && type_it == types_.end())
      error(relation.type_loc, "unknown relation type '" + shown(relation.type) + "'",
            hint_or(suggest(relation.type, types_), "relation types are listed in relations.yaml"));
    const auto target_it = concepts_.find(relation.target);
    const bool target_unreadable =
        std::find(gaps_.concept_ids.begin(), gaps_.concept_ids.end(), relation.target) != gaps_.concept_ids.end();
    if (!relation.target.empty() && target_it == concepts_.end() && !target_unreadable)
      error(relation.target_loc, "relation target '" + shown(relation.target) + "' is not a concept",
            hint_or(suggest(relation.target, concepts_), "write the id of an existing concept"));
    if (relation.target == entry.id)
      error(relation.target_loc, "concept '" + entry.id + "' relates to itself",
            "point the relation at another concept");
    check_sources(relation.sources, relation.source_locs);
    if (type_it == types_.end() || target_it == concepts_.end()) return;
    const RelationType& type = *type_it->second;
    const auto allowed = [](const std::vector<std::string>& kinds, const std::string& kind) {
      return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    };
    if (!allowed(type.from_kinds, entry.kind))
      error(relation.type_loc, "relation '" + type.id + "' cannot start from a concept of kind '" + entry.kind + "'",
            "it may start from: " + join(type.from_kinds));
    if (!allowed(type.to_kinds, target_it->second->kind))
      error(relation.target_loc,
            "relation '" + type.id + "' cannot point to '" + shown(relation.target) + "' of kind '" +
                target_it->second->kind + "'",
            "it may point to: " + join(type.to_kinds));
  }

  void check_summary_length(const Concept& entry) {
    std::size_t words = 0, sentences = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < entry.summary.size(); ++i) {
      const char c = entry.summary[i];
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (!space && !in_word) ++words;
      in_word = !space;
      const bool end = i + 1 == entry.summary.size() || entry.summary[i + 1] == ' ' || entry.summary[i + 1] == '\n';
      if ((c == '.' || c == '?' || c == '!') && end) ++sentences;
    }
    if (words > 60 || sentences > 3)
      warning(entry.summary_loc,
              "lay summary of '" + entry.id + "' is too long (" + std::to_string(sentences) + " sentences, " +
                  std::to_string(words) + " words)",
              "keep it to 1-3 short sentences and at most 60 words; move the rest to 'details'");
  }

  // "Says when to get help": a link of the help relation type (`help-link: true`) to the help
  // concept of site.yaml, or to another concept of its kind (guidance, when there is no site.yaml).
  void check_help_link(const Concept& entry) {
    const auto kind = kinds_.find(entry.kind);
    if (kind == kinds_.end() || !kind->second->needs_help_link) return;
    const RelationType* help_type = help_relation_type(content_);
    if (!help_type) {
      if (warned_kinds_.insert(kind->first).second)
        warning(kind->second->loc,
                "kind '" + kind->first + "' needs a help link, but no relation type is the help link",
                "add 'help-link: true' to the relation type that points to guidance on getting help");
      return;
    }
    const auto help = concepts_.find(content_.site.help);
    const std::string help_kind = help != concepts_.end() ? help->second->kind : "guidance";
    const bool linked = std::any_of(entry.relations.begin(), entry.relations.end(), [&](const Relation& r) {
      const auto target = concepts_.find(r.target);
      return r.type == help_type->id && target != concepts_.end() && target->second->kind == help_kind;
    });
    if (!linked)
      warning(entry.id_loc, "concept '" + entry.id + "' of kind '" + entry.kind + "' does not say when to get help",
              "add a relation 'type: " + help_type->id + "' to a " + help_kind + " concept" +
                  (help != concepts_.end() ? " such as '" + help->first + "'" : std::string()));
  }

  void check_verdict(const Concept& entry) {
    const auto kind = kinds_.find(entry.kind);
    if (kind == kinds_.end() || !kind->second->needs_verdict || entry.verdict) return;
    warning(entry.id_loc, "concept '" + entry.id + "' of kind '" + entry.kind + "' has no verdict",
            "add 'verdict:' after 'evidence:': supported, partly-supported, unsupported, refuted or unresolved");
  }

  // Every evidence level a relation type is used at needs its own wording, both ways round:
  // a weak link must never be told with the established sentence.
  void check_templates() {
    std::set<std::pair<std::string_view, Evidence>> reported;
    for (const Concept& entry : content_.concepts)
      for (const Relation& r : entry.relations) {
        const auto type = types_.find(r.type);
        const auto target = concepts_.find(r.target);
        if (type == types_.end() || target == concepts_.end() || type->second->structural) continue;
        const Evidence level = relation_evidence(r, entry, *target->second).first;
        const auto i = static_cast<std::size_t>(level);
        if ((!type->second->sentences[i].empty() && !type->second->inverse_sentences[i].empty()) ||
            !reported.emplace(type->second->id, level).second)
          continue;
        const std::string word(to_string(level));
        warning(type->second->loc,
                "relation type '" + type->second->id + "' has no " + word + " wording, but the relation at " +
                    where(r.loc) + " is " + word + (r.evidence ? "" : " (inherited from its concepts)"),
                "under 'sentence:' and 'inverse-sentence:', add a line '" + word +
                    ": ...' worded for how sure the link is");
      }
  }

  // A copy on a mirror or an aggregator is not the work itself: readers follow the main link.
  void check_main_link(const Source& source) {
    static constexpr std::string_view copies[] = {"speciosa.org",     "kri.org",          "semanticscholar.org",
                                                  "ouci.dntb.gov.ua", "researchgate.net", "reddit.com",
                                                  "scribd.com",       "academia.edu"};
    const std::string_view host = url_host(source.url);
    if (host.empty()) return;
    for (const std::string_view copy : copies)
      if (host == copy ||
          (host.size() > copy.size() && host.ends_with(copy) && host[host.size() - copy.size() - 1] == '.'))
        warning(source.loc, "source '" + source.id + "' links to a copy on " + std::string(copy) + ", not to the work",
                "give the DOI or the publisher's page in 'url', and move the copy to 'copy-url'");
  }

  template <class Map>
  std::string suggest(std::string_view word, const Map& map) {
    // Suggestions only for words of id size: the distance is quadratic in the length. One
    // answer per word and list: a folder of thousands of broken links to a few missing ids
    // asks the same question thousands of times.
    if (word.size() > 64) return {};
    const auto key = std::pair{static_cast<const void*>(&map), std::string(word)};
    if (const auto it = hints_.find(key); it != hints_.end()) return it->second;
    auto set = candidate_sets_.find(&map);
    if (set == candidate_sets_.end()) {
      std::vector<std::string>& candidates = candidates_[&map];
      for (const auto& [id, value] : map) candidates.emplace_back(id);
      set = candidate_sets_.emplace(&map, detail::CandidateSet(candidates)).first;
    }
    return hints_.emplace(key, set->second.did_you_mean(word)).first->second;
  }
  static std::string hint_or(std::string hint, std::string fallback) { return hint.empty() ? fallback : hint; }
  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  }
  void error(SourceLoc loc, std::string message, std::string hint) {
    out_.push_back({Severity::error, std::move(loc), std::move(message), std::move(hint)});
  }
  void warning(SourceLoc loc, std::string message, std::string hint) {
    out_.push_back({Severity::warning, std::move(loc), std::move(message), std::move(hint)});
  }

  const Content& content_;
  const ParseGaps& gaps_;
  Diagnostics& out_;
  std::map<std::string, const Kind*, std::less<>> kinds_;
  std::map<std::string, const RelationType*, std::less<>> types_;
  std::map<std::string, const Source*, std::less<>> sources_;
  std::map<std::string, const Concept*, std::less<>> concepts_;
  std::set<std::string, std::less<>> warned_kinds_;
  std::map<const void*, std::vector<std::string>> candidates_;        // per map, its ids (suggest())
  std::map<const void*, detail::CandidateSet> candidate_sets_;        // per map, its ids counted
  std::map<std::pair<const void*, std::string>, std::string> hints_;  // per map and word, the hint
};

}  // namespace

void validate(const Content& content, const ParseGaps& gaps, bool strict, Diagnostics& out) {
  Validator validator(content, gaps, out);
  validator.check_duplicates();
  validator.check_relation_types();
  validator.check_site();
  validator.check_help_lines();
  for (const Concept& entry : content.concepts) validator.check_concept(entry);
  if (strict) validator.check_strict();
}

}  // namespace katlas::detail
