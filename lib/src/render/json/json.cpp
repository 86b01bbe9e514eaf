// JSON shapes of the public API (documented in docs/json.md); built with nlohmann-json.
#include "render/json/objects.hpp"

#include <katlas/json.hpp>

namespace katlas {

using nlohmann::ordered_json;

namespace detail {

ordered_json source_json(const Source& s) {
  ordered_json j{{"id", s.id}, {"title", s.title}, {"authors", s.authors}, {"year", s.year}};
  if (!s.venue.empty()) j["venue"] = s.venue;
  if (!s.doi.empty()) j["doi"] = s.doi;
  if (!s.url.empty()) j["url"] = s.url;
  if (!s.pmid.empty()) j["pmid"] = s.pmid;
  if (!s.note.empty()) j["note"] = s.note;
  return j;
}

ordered_json link_json(const Link& link) {
  ordered_json j{{"type", link.type->id},
                 {"direction", to_string(link.direction)},
                 {"target", link.other->id},
                 {"title", link.other->title},
                 {"sentence", link.sentence}};
  if (link.relation->evidence) j["evidence"] = to_string(*link.relation->evidence);
  if (!link.relation->sources.empty()) j["sources"] = link.relation->sources;
  if (!link.relation->note.empty()) j["note"] = link.relation->note;
  return j;
}

std::string dump(const ordered_json& j) {
  // Invalid UTF-8 in content is replaced rather than thrown on: output must never fail.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

ordered_json concept_object(const Atlas& atlas, const Concept& c, Audience audience) {
  ordered_json j{{"id", c.id}, {"title", c.title}, {"kind", c.kind}, {"aliases", c.aliases}, {"summary", c.summary}};
  if (audience == Audience::pro) j["details"] = c.details;
  j["evidence"] = to_string(c.evidence);
  j["evidence_explained"] = plain_explanation(c.evidence);
  j["reviewed"] = c.reviewed;
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
    j["timing"] = {{"start_hours", {c.timing->start_min, c.timing->start_max}},
                   {"end_hours", c.timing->has_end ? ordered_json{c.timing->end_min, c.timing->end_max} : ordered_json()},
                   {"evidence", to_string(c.timing->evidence)},
                   {"sources", c.timing->sources}};
    if (!c.timing->note.empty()) j["timing"]["note"] = c.timing->note;
  }
  ordered_json relations = ordered_json::array();
  for (const Link& link : atlas.related(c)) relations.push_back(link_json(link));
  j["relations"] = std::move(relations);
  return j;
}

}  // namespace detail

using detail::dump;
using detail::link_json;

std::string concept_json(const Atlas& atlas, const Concept& c, Audience audience) {
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

std::string links_json(const std::vector<Link>& links) {
  ordered_json j = ordered_json::array();
  for (const Link& link : links) j.push_back(link_json(link));
  return dump(j);
}

std::string path_json(const Concept& from, const Concept& to, const std::vector<PathStep>& steps) {
  ordered_json list = ordered_json::array();
  for (const PathStep& s : steps)
    list.push_back({{"from", s.from->id},
                    {"type", s.type->id},
                    {"direction", to_string(s.direction)},
                    {"to", s.to->id},
                    {"sentence", s.sentence}});
  return dump(ordered_json{{"from", from.id}, {"to", to.id}, {"steps", std::move(list)}});
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
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
