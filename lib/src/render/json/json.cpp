// JSON shapes of the public API (documented in docs/json.md); built with nlohmann-json.
#include "atlas/foreign_concept.hpp"
#include "render/json/objects.hpp"
#include "text/relation_prose.hpp"

#include <katlas/json.hpp>

namespace katlas {

using nlohmann::ordered_json;

namespace detail {

ordered_json source_json(const Source& s) {
  ordered_json j{{"id", s.id}, {"title", s.title}, {"authors", s.authors}, {"year", s.year}};
  if (!s.venue.empty()) j["venue"] = s.venue;
  if (!s.doi.empty()) j["doi"] = s.doi;
  if (!s.url.empty()) j["url"] = s.url;
  if (!s.copy_url.empty()) j["copy_url"] = s.copy_url;
  if (!s.pmid.empty()) j["pmid"] = s.pmid;
  if (s.type) j["type"] = to_string(*s.type);
  if (!s.note.empty()) j["note"] = s.note;
  return j;
}

ordered_json templates_json(const std::array<std::string, 4>& templates) {
  ordered_json j = ordered_json::object();
  for (const Evidence level : evidence_levels)
    if (const std::string& t = templates[static_cast<std::size_t>(level)]; !t.empty())
      j[std::string(to_string(level))] = t;
  return j;
}

void add_relation_keys(ordered_json& j, const Relation& relation, Evidence evidence, bool written, Audience audience) {
  j["evidence"] = to_string(evidence);
  j["evidence_from"] = written ? "relation" : "concepts";
  if (relation.basis) {
    j["basis"] = to_string(*relation.basis);
    j["basis_explained"] = plain_label(*relation.basis);
  }
  if (const std::string_view note = note_for(relation, audience == Audience::pro); !note.empty()) j["note"] = note;
  if (!relation.sources.empty()) j["sources"] = relation.sources;
}

void add_verdict_keys(ordered_json& j, const Concept& entry) {
  if (!entry.verdict) return;
  j["verdict"] = to_string(*entry.verdict);
  j["verdict_label"] = plain_label(*entry.verdict);
}

ordered_json link_json(const Link& link, Audience audience) {
  ordered_json j{{"type", link.type->id},
                 {"direction", to_string(link.direction)},
                 {"target", link.other->id},
                 {"title", link.other->title},
                 {"sentence", link.sentence}};
  add_relation_keys(j, *link.relation, link.evidence, link.evidence_written, audience);
  if (link.other->verdict) j["target_verdict"] = to_string(*link.other->verdict);
  return j;
}

std::string dump(const ordered_json& j) {
  // Invalid UTF-8 in content is replaced rather than thrown on: output must never fail.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

ordered_json concept_object(const Atlas& atlas, const Concept& c, Audience audience) {
  ordered_json j{{"id", c.id},
                 {"title", c.title},
                 {"kind", c.kind},
                 {"aliases", c.aliases},
                 {"search_phrases", c.search_phrases},
                 {"summary", c.summary}};
  if (audience == Audience::pro) j["details"] = c.details;
  j["evidence"] = to_string(c.evidence);
  j["evidence_explained"] = plain_explanation(c.evidence);
  add_verdict_keys(j, c);
  j["reviewed"] = c.reviewed;
  j["review_due"] = review_due(c, atlas.kind(c.kind));
  ordered_json sources = ordered_json::array();
  for (const std::string& id : c.sources)
    if (const Source* s = atlas.source(id)) sources.push_back(source_json(*s));
  j["sources"] = std::move(sources);
  if (!c.sides.empty()) {
    ordered_json sides = ordered_json::array();
    for (const Side& s : c.sides)
      sides.push_back({{"position", s.position == Side::Position::for_claim ? "for" : "against"},
                       {"text", s.text},
                       {"sources", s.sources}});
    j["sides"] = std::move(sides);
  }
  if (c.timing) {
    j["timing"] = {
        {"start_hours", {c.timing->start_min, c.timing->start_max}},
        {"end_hours", c.timing->has_end ? ordered_json{c.timing->end_min, c.timing->end_max} : ordered_json()},
        {"evidence", to_string(c.timing->evidence)},
        {"sources", c.timing->sources}};
    if (!c.timing->note.empty()) j["timing"]["note"] = c.timing->note;
  }
  ordered_json relations = ordered_json::array();
  for (const Link& link : atlas.related(c)) relations.push_back(link_json(link, audience));
  j["relations"] = std::move(relations);
  return j;
}

}  // namespace detail

using detail::add_relation_keys;
using detail::dump;
using detail::link_json;

std::string concept_json(const Atlas& atlas, const Concept& c, Audience audience) {
  detail::require_concept_of(atlas, c, "katlas::concept_json()");
  return dump(detail::concept_object(atlas, c, audience));
}

std::string concepts_json(const std::vector<const Concept*>& concepts) {
  ordered_json j = ordered_json::array();
  for (const Concept* c : concepts)
    j.push_back({{"id", c->id}, {"title", c->title}, {"kind", c->kind}, {"summary", c->summary}});
  return dump(j);
}

std::string search_json(const std::vector<SearchHit>& hits) {
  ordered_json j = ordered_json::array();
  for (const SearchHit& hit : hits)
    j.push_back({{"id", hit.entry->id},
                 {"title", hit.entry->title},
                 {"kind", hit.entry->kind},
                 {"score", hit.score},
                 {"summary", hit.entry->summary}});
  return dump(j);
}

std::string links_json(const std::vector<Link>& links, Audience audience) {
  ordered_json j = ordered_json::array();
  for (const Link& link : links) j.push_back(link_json(link, audience));
  return dump(j);
}

std::string path_json(const Concept& from, const Concept& to, const std::vector<PathStep>& steps, Audience audience) {
  ordered_json list = ordered_json::array();
  for (const PathStep& s : steps) {
    ordered_json step{{"from", s.from->id},
                      {"type", s.type->id},
                      {"direction", to_string(s.direction)},
                      {"to", s.to->id},
                      {"sentence", s.sentence}};
    add_relation_keys(step, *s.relation, s.evidence, s.evidence_written, audience);
    list.push_back(std::move(step));
  }
  const Evidence weakest = weakest_evidence(steps);
  return dump(ordered_json{{"from", from.id},
                           {"to", to.id},
                           {"evidence", to_string(weakest)},
                           {"evidence_explained", plain_explanation(weakest)},
                           {"steps", std::move(list)}});
}

std::string diagnostics_json(const Diagnostics& diagnostics) {
  ordered_json j = ordered_json::array();
  for (const Diagnostic& d : diagnostics)
    j.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                 {"file", d.loc.file},
                 {"line", d.loc.line},
                 {"column", d.loc.column},
                 {"message", d.message},
                 {"hint", d.hint}});
  return dump(j);
}

}  // namespace katlas
