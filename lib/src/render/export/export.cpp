// Whole-atlas exports: versioned JSON and Graphviz DOT.
#include <katlas/export.hpp>
#include <katlas/version.hpp>

#include "render/json/objects.hpp"
#include "text/escape.hpp"

namespace katlas {

using nlohmann::ordered_json;

std::string export_json(const Atlas& atlas) {
  const Content& content = atlas.content();
  ordered_json kinds = ordered_json::array();
  for (const Kind& k : content.kinds)
    kinds.push_back(
        {{"id", k.id},
         {"title", k.title},
         {"plural", k.plural},
         {"description", k.description},
         {"needs_help_link", k.needs_help_link},
         {"needs_verdict", k.needs_verdict},
         {"review_every_months", k.review_every_months > 0 ? k.review_every_months : default_review_months}});
  ordered_json types = ordered_json::array();
  for (const RelationType& t : content.relation_types)
    types.push_back({{"id", t.id},
                     {"label", t.label},
                     {"inverse_label", t.inverse_label},
                     {"heading", t.heading},
                     {"inverse_heading", t.inverse_heading},
                     {"sentences", detail::templates_json(t.sentences)},
                     {"inverse_sentences", detail::templates_json(t.inverse_sentences)},
                     {"structural", t.structural},
                     {"from", t.from_kinds},
                     {"to", t.to_kinds},
                     {"acyclic", t.acyclic}});
  ordered_json sources = ordered_json::array();
  for (const Source& s : content.sources) sources.push_back(detail::source_json(s));
  ordered_json concepts = ordered_json::array();
  for (const Concept& c : content.concepts) {
    ordered_json object = detail::concept_object(atlas, c, Audience::pro);
    object["sources"] = c.sources;  // ids here: the full entries are in the top-level "sources"
    concepts.push_back(std::move(object));
  }
  // The content's date: its most recent review (every concept carries one).
  std::string last_reviewed;
  for (const Concept& c : content.concepts) last_reviewed = std::max(last_reviewed, c.reviewed);
  return detail::dump(
             ordered_json{{"format", "katlas-atlas"},
                          {"schema_version", export_schema_version},
                          {"generator", {{"name", "katlas"}, {"version", std::string(version())}}},
                          {"content", {{"title", std::string(content.site.name())}, {"last_reviewed", last_reviewed}}},
                          {"kinds", std::move(kinds)},
                          {"relation_types", std::move(types)},
                          {"sources", std::move(sources)},
                          {"concepts", std::move(concepts)}}) +
         "\n";
}

std::string export_dot(const Atlas& atlas) {
  using detail::quote_dot;
  std::string out = "digraph katlas {\n  node [shape=box];\n";
  for (const Concept& c : atlas.content().concepts)
    out += "  " + quote_dot(c.id) + " [label=" + quote_dot(c.title) + ", kind=" + quote_dot(c.kind) + "];\n";
  for (const Concept& c : atlas.content().concepts)
    for (const Link& link : atlas.related(c, {.type = {}, .direction = Direction::out})) {
      // Weaker links are drawn fainter: dashed when limited, dotted when contested or anecdotal.
      const std::string_view style = link.evidence == Evidence::established ? "solid"
                                     : link.evidence == Evidence::limited   ? "dashed"
                                                                            : "dotted";
      out += "  " + quote_dot(c.id) + " -> " + quote_dot(link.other->id) + " [label=" + quote_dot(link.type->id) +
             ", evidence=" + quote_dot(to_string(link.evidence)) + ", style=" + std::string(style) + "];\n";
    }
  return out + "}\n";
}

}  // namespace katlas
