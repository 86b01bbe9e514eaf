// Recipe + atlas -> Handout: sections, glossary of the terms used, numbered references, date, help box.
#include "render/handout/handout_text.hpp"

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
  return std::any_of(entry.relations.begin(), entry.relations.end(),
                     [&](const Relation& r) { return r.type == "get-help" && r.target == atlas.content().site.help; });
}

// A handout cites the first sources of each concept (authors list the key ones first); the site lists all.
std::vector<std::size_t> cite(const Atlas& atlas, const Concept& entry, Audience audience,
                              std::vector<const Source*>& refs) {
  const std::size_t limit = audience == Audience::lay ? 2 : 3;
  std::vector<std::size_t> numbers;
  for (const std::string& id : entry.sources) {
    if (numbers.size() == limit) break;
    const Source* source = atlas.source(id);
    if (!source) continue;
    auto it = std::find(refs.begin(), refs.end(), source);
    if (it == refs.end()) it = refs.insert(refs.end(), source);
    numbers.push_back(static_cast<std::size_t>(it - refs.begin()) + 1);
  }
  return numbers;
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
  return text;
}

void add_glossary(const Atlas& atlas, const HandoutRecipe& recipe, Handout& h) {
  std::set<const Concept*> shown;
  for (const HandoutSection& s : h.sections)
    for (const HandoutEntry& e : s.entries) shown.insert(e.entry);
  if (h.help) shown.insert(h.help);
  // A short glossary: clinicians need few terms explained; lay readers need more.
  const std::size_t limit = h.audience == Audience::lay ? 8 : 4;
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
    return std::lexicographical_compare(a.term.begin(), a.term.end(), b.term.begin(), b.term.end(),
                                        [](unsigned char x, unsigned char y) { return std::tolower(x) < std::tolower(y); });
  });
}

}  // namespace

Handout compose_handout(const Atlas& atlas, const HandoutRecipe& recipe, const HandoutOptions& options) {
  Handout h;
  h.id = recipe.id;
  h.title = recipe.title;
  h.audience = options.audience.value_or(recipe.audience);
  h.purpose = recipe.purpose;
  h.key_points = recipe.key_points;
  h.actions = recipe.actions;
  h.teach_back = recipe.teach_back;
  h.site_url = options.site_url;
  std::set<const Concept*> used;
  bool help_relevant = recipe.help_box == HelpBox::always;
  for (const HandoutSectionRecipe& section : recipe.sections) {
    HandoutSection out{section.heading, section.intro, {}};
    std::size_t limit = section.query ? section.query->limit : section.concepts.size();
    for (const Concept* c : resolve(atlas, section)) {
      if (out.entries.size() == limit || !used.insert(c).second) continue;
      out.entries.push_back({c, cite(atlas, *c, h.audience, h.references)});
      help_relevant |= recipe.help_box == HelpBox::automatic && needs_help(atlas, *c);
      h.reviewed = std::max(h.reviewed, c->reviewed);
    }
    h.sections.push_back(std::move(out));
  }
  const std::string& help_id = atlas.content().site.help;
  const Concept* help = help_id.empty() ? nullptr : atlas.find(help_id);
  if (help && help_relevant && recipe.help_box != HelpBox::never && !used.contains(help)) {
    h.help = help;
    cite(atlas, *help, h.audience, h.references);
    h.reviewed = std::max(h.reviewed, help->reviewed);
  }
  add_glossary(atlas, recipe, h);
  return h;
}

std::string handout_reader_text(const Handout& handout) {
  std::string text = body_text(handout);
  for (const GlossaryEntry& entry : handout.glossary) text += entry.definition + "\n";
  return text;
}

HandoutRecipe recipe_for_concepts(const std::vector<const Concept*>& concepts, Audience audience) {
  HandoutRecipe recipe;
  recipe.audience = audience;
  std::string names, titles;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const Concept& c = *concepts[i];
    const std::string_view glue = i == 0 ? "" : i + 1 == concepts.size() ? " and " : ", ";
    recipe.id += (i ? "+" : "") + c.id;
    names += std::string(glue) + sentence_name(c);
    titles += std::string(glue) + (i ? sentence_name(c) : c.title);
    recipe.sections.push_back({c.title, {}, {c.id}, {SourceLoc{}}, std::nullopt, {}});
    recipe.key_points.push_back(detail::handout::first_sentence(c.summary));
  }
  recipe.title = concepts.empty() ? "Kratom Atlas" : concepts.front()->title;
  if (concepts.size() > 1) recipe.title = titles;
  recipe.purpose = "This handout explains " + names + " in plain words.";
  return recipe;
}

}  // namespace katlas
