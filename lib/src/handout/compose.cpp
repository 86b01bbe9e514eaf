// Recipe + atlas -> Handout: sections, glossary of the terms used, numbered references, date, help box, link.
#include "handout/handout_text.hpp"
#include "text/escape.hpp"
#include "text/fold.hpp"
#include "text/relation_prose.hpp"

#include <katlas/site.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace katlas {
namespace {

using detail::handout::concept_terms;

std::vector<const Concept*> resolve(const Atlas& atlas, const HandoutSectionRecipe& section) {
  std::vector<const Concept*> out;
  for (const std::string& id : section.concepts)
    if (const Concept* c = atlas.find(id)) out.push_back(c);
  if (!section.query) return out;
  const Concept* anchor = atlas.find(section.query->related_to);
  if (!anchor) return out;
  for (const Link& link : atlas.related(*anchor, {section.query->relation, Direction::both})) {
    if (!section.query->kind.empty() && link.other->kind != section.query->kind) continue;
    if (std::find(out.begin(), out.end(), link.other) == out.end()) out.push_back(link.other);
  }
  return out;
}

bool needs_help(const Atlas& atlas, const Concept& entry) {
  if (const Kind* kind = atlas.kind(entry.kind); kind && kind->needs_help_link) return true;
  const RelationType* help_type = help_relation_type(atlas.content());
  return help_type && std::any_of(entry.relations.begin(), entry.relations.end(), [&](const Relation& r) {
           return r.type == help_type->id && r.target == atlas.content().site.help;
         });
}

// A handout cites one source per concept, the first it lists (authors list the key one first):
// a printed page has room for few references, and the site lists every source. A lay handout
// numbers only peer-reviewed and official sources: when the key source is grey literature or a
// user report, the text gets no number and the source is named under "What people report", so
// a paper never seems to back what only websites say.
std::vector<std::size_t> cite(const Atlas& atlas, const std::vector<std::string>& sources, Handout& h) {
  const Source* first = sources.empty() ? nullptr : atlas.source(sources.front());
  if (!first) return {};
  if (h.audience == Audience::lay && !first->is_reference()) {
    if (std::find(h.reports.begin(), h.reports.end(), first) == h.reports.end()) h.reports.push_back(first);
    return {};
  }
  auto it = std::find(h.references.begin(), h.references.end(), first);
  if (it == h.references.end()) it = h.references.insert(h.references.end(), first);
  return {static_cast<std::size_t>(it - h.references.begin()) + 1};
}

std::string join_terms(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& t : terms) out += t + "\n";
  return out;
}

// Concepts of technical kinds not shown on the handout whose names occur in its text, first mention first.
std::vector<GlossaryEntry> glossary_from_concepts(const Atlas& atlas, const std::string& text,
                                                  const std::set<const Concept*>& shown,
                                                  const std::vector<std::string>& recipe_terms, std::size_t limit) {
  std::vector<std::pair<std::size_t, GlossaryEntry>> found;
  const std::string lower = [&] {
    std::string s = text;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }();
  for (const Concept& c : atlas.content().concepts) {
    if (shown.contains(&c) || !detail::handout::is_technical_kind(c.kind)) continue;
    const std::vector<std::string> used = find_terms(text, concept_terms(c));
    // A term the recipe defines itself ("dependence") is not defined a second time by a concept.
    if (used.empty() || !find_terms(join_terms(used), recipe_terms).empty()) continue;
    std::string first = used.front();
    std::transform(first.begin(), first.end(), first.begin(), [](unsigned char ch) { return std::tolower(ch); });
    found.push_back({lower.find(first), {c.title, detail::handout::first_sentence(c.summary)}});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<GlossaryEntry> out;
  for (auto& [at, entry] : found)
    if (out.size() < limit) out.push_back(std::move(entry));
  return out;
}

std::string body_text(const Handout& h) {
  std::string text = h.purpose + "\n";
  for (const HandoutSection& s : h.sections) {
    if (!s.intro.empty()) text += s.intro + "\n";
    for (const HandoutEntry& e : s.entries) text += detail::handout::entry_text(*e.entry, h.audience) + "\n";
  }
  for (const auto* list : {&h.key_points, &h.actions, &h.teach_back})
    for (const std::string& line : *list) text += line + "\n";
  if (h.help) text += h.help->summary + "\n" + std::string(detail::handout::help_box_note) + "\n";
  for (const HandoutHelpLine& line : h.help_lines)
    if (!line.when.empty()) text += line.when + "\n";
  return text;
}

void add_glossary(const Atlas& atlas, const HandoutRecipe& recipe, Handout& h) {
  std::set<const Concept*> shown;
  for (const HandoutSection& s : h.sections)
    for (const HandoutEntry& e : s.entries) shown.insert(e.entry);
  if (h.help) shown.insert(h.help);
  // Lay readers get the terms explained (fewer beside many topics, which define terms
  // themselves); clinicians get only the terms the recipe defines.
  const std::size_t limit = h.audience == Audience::pro ? 0 : shown.size() > 7 ? 4 : 6;
  std::vector<std::string> recipe_terms;
  for (const GlossaryTerm& term : recipe.glossary) recipe_terms.push_back(term.term);
  // Definitions use words too ("7-OH is made from mitragynine"): add their terms, a few rounds deep.
  std::string text = body_text(h);
  for (int round = 0; round < 3; ++round) {
    h.glossary.clear();
    for (const GlossaryTerm& term : recipe.glossary)
      if (!find_terms(text, {term.term}).empty()) h.glossary.push_back({term.term, term.definition});
    for (GlossaryEntry& entry : glossary_from_concepts(atlas, text, shown, recipe_terms, limit))
      h.glossary.push_back(std::move(entry));
    text = handout_reader_text(h);
  }
  std::sort(h.glossary.begin(), h.glossary.end(), [](const GlossaryEntry& a, const GlossaryEntry& b) {
    return std::lexicographical_compare(
        a.term.begin(), a.term.end(), b.term.begin(), b.term.end(),
        [](unsigned char x, unsigned char y) { return std::tolower(x) < std::tolower(y); });
  });
}

void add_help_lines(const Atlas& atlas, const HandoutOptions& options, Handout& h) {
  h.region = find_help_region(atlas, options.region);
  if (h.region)
    for (const HelpLine& line : h.region->lines) {
      // Where each number was checked is printed in the box itself, beside the numbers.
      const Source* source = atlas.source(line.source);
      const std::string_view page = source ? detail::url_host(source->url) : std::string_view();
      h.help_lines.push_back({line.service, line.number, line.when, std::string(page)});
    }
  for (const std::string& text : options.help_lines) {
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos) {
      h.help_lines.push_back({{}, text, {}, {}});
      continue;
    }
    h.help_lines.push_back({std::string(detail::trim(std::string_view(text).substr(0, colon))),
                            std::string(detail::trim(std::string_view(text).substr(colon + 1))),
                            {},
                            {}});
  }
}

}  // namespace

Handout compose_handout(const Atlas& atlas, const HandoutRecipe& recipe, const HandoutOptions& options) {
  Handout h;
  h.id = recipe.id;
  h.title = recipe.title;
  h.audience = recipe.any_audience ? options.audience.value_or(recipe.audience) : recipe.audience;
  h.purpose = recipe.purpose;
  h.key_points = recipe.key_points;
  h.actions = recipe.actions;
  h.teach_back = recipe.teach_back;
  std::set<const Concept*> used;
  bool help_relevant = recipe.help_box == HelpBox::always;
  for (const HandoutSectionRecipe& section : recipe.sections) {
    HandoutSection out{section.heading, section.intro, {}};
    std::size_t limit = section.query ? section.query->limit : section.concepts.size();
    for (const Concept* c : resolve(atlas, section)) {
      if (out.entries.size() == limit || !used.insert(c).second) continue;
      out.entries.push_back({c, cite(atlas, c->sources, h)});
      help_relevant |= recipe.help_box == HelpBox::automatic && needs_help(atlas, *c);
      h.reviewed = std::max(h.reviewed, c->reviewed);
      if (!h.topic) h.topic = c;
    }
    h.sections.push_back(std::move(out));
  }
  if (!recipe.topic.empty())
    if (const Concept* topic = atlas.find(recipe.topic)) h.topic = topic;
  const std::string& help_id = atlas.content().site.help;
  const Concept* help = help_id.empty() ? nullptr : atlas.find(help_id);
  if (help && help_relevant && recipe.help_box != HelpBox::never && !used.contains(help)) {
    h.help = help;
    cite(atlas, help->sources, h);
    h.reviewed = std::max(h.reviewed, help->reviewed);
    add_help_lines(atlas, options, h);
  }
  h.brand = atlas.content().site.name();
  const std::string& site = options.site_url.empty() ? recipe.site_url : options.site_url;
  if (h.topic && !site.empty() && check_site_url(site)) h.link = concept_page_url(site, h.topic->id);
  add_glossary(atlas, recipe, h);
  return h;
}

bool supports(const HandoutRecipe& recipe, Audience audience) {
  return recipe.any_audience || recipe.audience == audience;
}

const HelpRegion* find_help_region(const Atlas& atlas, std::string_view id) {
  for (const HelpRegion& region : atlas.content().help_regions)
    if (region.id == id) return &region;
  return nullptr;
}

std::string handout_reader_text(const Handout& handout) {
  std::string text = body_text(handout);
  for (const GlossaryEntry& entry : handout.glossary) text += entry.definition + "\n";
  return text;
}

HandoutRecipe recipe_for_concepts(const std::vector<const Concept*>& concepts, Audience audience) {
  HandoutRecipe recipe;
  recipe.audience = audience;
  recipe.any_audience = true;
  // Named in full up to three topics; past that the title and purpose stay short.
  constexpr std::size_t named = 3;
  std::string names;
  HandoutSectionRecipe section;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const Concept& c = *concepts[i];
    recipe.id += (i ? "+" : "") + c.id;
    section.concepts.push_back(c.id);
    section.concept_locs.push_back({});
    if (i < named && concepts.size() <= named) {
      names += std::string(detail::series_separator(i, concepts.size())) + sentence_name(c);
    }
    // The main points of a few topics are their first sentences; for many topics that would
    // only repeat text the page prints anyway, so there are none (the review says so).
    if (concepts.size() <= named) recipe.key_points.push_back(detail::handout::first_sentence(c.summary));
  }
  if (concepts.size() > named)
    names = sentence_name(*concepts[0]) + ", " + sentence_name(*concepts[1]) + " and " +
            std::to_string(concepts.size() - 2) + " related topics";
  if (concepts.empty())
    recipe.title = "Kratom Atlas";
  else if (concepts.size() == 1)
    recipe.title = concepts[0]->title;
  else if (concepts.size() == 2)
    recipe.title = concepts[0]->title + " and " + sentence_name(*concepts[1]);
  else
    recipe.title = concepts[0]->title + " and " + std::to_string(concepts.size() - 1) + " related topics";
  recipe.purpose =
      "This handout explains " + names + (audience == Audience::lay ? " in plain words." : ", with the evidence.");
  recipe.sections.push_back(std::move(section));
  return recipe;
}

}  // namespace katlas
