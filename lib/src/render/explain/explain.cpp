// The explanation call and its four renderings (text, Markdown, HTML fragment, JSON).
#include <katlas/explain.hpp>
#include <katlas/urls.hpp>

#include "atlas/foreign_concept.hpp"
#include "render/markdown_html.hpp"
#include "text/escape.hpp"
#include "text/markdown_safe.hpp"
#include "text/number.hpp"
#include "text/relation_prose.hpp"

#include "render/json/objects.hpp"

#include <nlohmann/json.hpp>

namespace katlas {
namespace {

std::string concept_url(std::string_view base_url, const Concept& c) { return concept_page_url(base_url, c.id); }

// What follows a relation sentence in every rendering: how the link is known, and its note
// (a sentence that lists several links has no single note).
std::string how_known(const Explanation& e, const std::vector<const Link*>& group) {
  const Link& first = *group.front();
  std::string out;
  if (first.relation->basis) out += " (" + std::string(plain_label(*first.relation->basis)) + ")";
  if (group.size() == 1)
    if (const std::string_view note = detail::note_for(*first.relation, e.audience == Audience::pro); !note.empty())
      out += " " + std::string(note);
  return out;
}

// how_known(), and the evidence word when the link is not established (the sentence's wording
// already hedges; the word names the level).
std::string sentence_tail(const Explanation& e, const std::vector<const Link*>& group) {
  const Link& first = *group.front();
  std::string out = how_known(e, group);
  if (first.evidence != Evidence::established && !first.type->structural)
    out += " [evidence: " + std::string(to_string(first.evidence)) + "]";
  return out;
}

std::string source_line(const Source& s) {
  std::string line = s.authors + " (" + std::to_string(s.year) + "). " + s.title + ".";
  if (!s.venue.empty()) line += " " + s.venue + ".";
  return line;
}

std::string timing_line(const Timing& t) {
  return "Timing (after the last dose, " + std::string(to_string(t.evidence)) + "): starts " +
         detail::time_span(t.start_min, t.start_max) + ", ends " +
         (t.has_end ? detail::time_span(t.end_min, t.end_max) : std::string("not known"));
}

// Each sentence under its relation's heading, with how it is known, its note, and a tag of its
// evidence level and the concepts it names.
std::string relations_text(const Explanation& e) {
  std::string out, heading;
  if (!e.neighbours.empty()) out += "\nRelations:\n";
  for (const auto& group : detail::group_links(e.neighbours)) {
    const Link& first = *group.front();
    if (first.heading != heading) out += "  " + (heading = std::string(first.heading)) + ":\n";
    out += "    - " + detail::tell(group) + how_known(e, group) + "  [";
    if (!first.type->structural) out += std::string(to_string(first.evidence)) + ": ";
    for (std::size_t i = 0; i < group.size(); ++i) out += (i ? ", " : "") + group[i]->other->id;
    out += "]\n";
  }
  return out;
}

}  // namespace

std::string_view to_string(Depth depth) {
  switch (depth) {
    case Depth::summary: return "summary";
    case Depth::details: return "details";
    case Depth::neighbours: return "neighbours";
  }
  return "neighbours";
}

std::optional<Depth> parse_depth(std::string_view word) {
  for (const Depth depth : {Depth::summary, Depth::details, Depth::neighbours})
    if (word == to_string(depth)) return depth;
  return std::nullopt;
}

std::optional<Explanation> explain(const Atlas& atlas, const ExplainRequest& request) {
  const Concept* entry = atlas.find(request.query);
  const bool exact = entry != nullptr;
  if (!entry) {
    const std::vector<SearchHit> hits = atlas.search(request.query, 1);
    if (hits.empty()) return std::nullopt;
    entry = hits.front().entry;
  }
  Explanation e = explain(atlas, *entry, request);
  e.exact = exact;
  return e;
}

Explanation explain(const Atlas& atlas, const Concept& entry, const ExplainRequest& request) {
  detail::require_concept_of(atlas, entry, "katlas::explain()");
  Explanation e;
  e.entry = &entry;
  e.title = entry.title;
  e.summary = entry.summary;
  if (request.audience == Audience::pro && request.depth != Depth::summary) e.details = entry.details;
  e.evidence = entry.evidence;
  e.evidence_explained = plain_explanation(entry.evidence);
  for (const std::string& id : entry.sources)
    if (const Source* s = atlas.source(id)) e.citations.push_back(s);
  if (request.depth == Depth::neighbours) {
    e.neighbours = atlas.related(entry);
    if (e.neighbours.size() > request.max_neighbours) e.neighbours.resize(request.max_neighbours);
  }
  e.reviewed = entry.reviewed;
  e.audience = request.audience;
  e.reading_level = measure_readability(entry.summary);
  return e;
}

std::string to_text(const Explanation& e) {
  const Concept& c = *e.entry;
  std::string out = std::string(e.title) + "  [" + c.id + ", " + c.kind + "]\n";
  for (std::size_t i = 0; i < c.aliases.size(); ++i) out += (i ? ", " : "Also called: ") + c.aliases[i];
  if (!c.aliases.empty()) out += "\n";
  if (c.verdict) out += "Verdict: " + std::string(plain_label(*c.verdict)) + ".\n";
  out += "Evidence: " + std::string(to_string(e.evidence)) + ". " + std::string(e.evidence_explained) + "\n\n";
  out += std::string(e.summary) + "\n";
  if (!e.details.empty()) out += "\nFor professionals:\n" + std::string(e.details) + "\n";
  for (const Side& side : c.sides)
    out += std::string("\n") +
           (side.position == Side::Position::for_claim ? "For the claim: " : "Against the claim: ") + side.text + "\n";
  if (c.timing) out += "\n" + timing_line(*c.timing) + "\n";
  out += relations_text(e);
  if (!e.citations.empty()) out += "\nSources:\n";
  for (std::size_t i = 0; i < e.citations.size(); ++i)
    out += "  [" + std::to_string(i + 1) + "] " + source_line(*e.citations[i]) + " " + e.citations[i]->link() + "\n";
  return out + "\nLast reviewed: " + std::string(e.reviewed) + "\n";
}

std::string to_markdown(const Explanation& e, std::string_view base_url) {
  // Every content string is escaped and the details are written back from their parse, so the
  // output holds no raw HTML and no link but http(s) and relative ones, whatever renders it.
  using detail::escape_markdown;
  const auto link_to = [](const std::string& url, const std::string& text) {
    const std::optional<std::string> safe = detail::safe_url(url);
    if (!safe) return escape_markdown(text);
    return "[" + escape_markdown(text) + "](<" + detail::markdown_link_address(*safe) + ">)";
  };
  std::string out = "## " + escape_markdown(e.title) + "\n\n" + escape_markdown(e.summary) + "\n";
  if (!e.details.empty()) out += "\n**For professionals.**\n\n" + detail::safe_markdown(e.details);
  if (e.entry->verdict) out += "\n**Verdict: " + escape_markdown(plain_label(*e.entry->verdict)) + ".**\n";
  out += "\n*Evidence: " + std::string(to_string(e.evidence)) + ".* " + escape_markdown(e.evidence_explained) + "\n";
  if (!e.neighbours.empty()) out += "\n";
  for (const auto& group : detail::group_links(e.neighbours)) {
    out += "- " + escape_markdown(detail::tell(group) + sentence_tail(e, group));
    if (!base_url.empty())
      for (const Link* link : group)
        out += " (" + link_to(concept_url(base_url, *link->other), link->other->title) + ")";
    out += "\n";
  }
  if (!e.citations.empty()) out += "\n";
  for (std::size_t i = 0; i < e.citations.size(); ++i) {
    const std::string link = e.citations[i]->link();
    const std::optional<std::string> safe = detail::safe_url(link);
    // An autolink (<https://...>) only when the address is absolute http(s) and has nothing that ends one.
    const bool autolink = safe && (link.starts_with("https://") || link.starts_with("http://")) &&
                          link.find_first_of("<> ") == std::string::npos;
    out += std::to_string(i + 1) + ". " + escape_markdown(source_line(*e.citations[i])) + " " +
           (autolink ? "<" + link + ">" : escape_markdown(link)) + "\n";
  }
  return out + "\n*Last reviewed " + escape_markdown(e.reviewed) + ".*\n";
}

std::string to_html_fragment(const Explanation& e, std::string_view base_url) {
  using detail::escape_attribute;
  using detail::escape_html;
  const auto link_to = [](const std::string& url, const std::string& text) {
    const std::optional<std::string> safe = detail::safe_url(url);
    if (!safe) return escape_html(text);
    return "<a href=\"" + escape_attribute(*safe) + "\">" + escape_html(text) + "</a>";
  };
  std::string out = "<section class=\"katlas-explanation\">\n<h2>" + escape_html(e.title) + "</h2>\n<p>" +
                    escape_html(e.summary) + "</p>\n";
  // The details are Markdown: rendered by the site's renderer (md4c, raw HTML refused, only
  // http(s) and relative links kept), not shown as escaped Markdown source.
  if (!e.details.empty())
    out += "<h3>For professionals</h3>\n<div class=\"katlas-details\">" + detail::html::markdown(e.details, "") +
           "</div>\n";
  if (e.entry->verdict)
    out += "<p class=\"katlas-verdict\"><strong>Verdict: " + escape_html(plain_label(*e.entry->verdict)) +
           ".</strong></p>\n";
  out += "<p class=\"katlas-evidence\"><strong>Evidence: " + escape_html(to_string(e.evidence)) + ".</strong> " +
         escape_html(e.evidence_explained) + "</p>\n";
  if (!e.neighbours.empty()) {
    out += "<ul class=\"katlas-relations\">\n";
    for (const auto& group : detail::group_links(e.neighbours)) {
      out += "<li>" + escape_html(detail::tell(group) + sentence_tail(e, group));
      if (!base_url.empty())
        for (const Link* link : group) out += " " + link_to(concept_url(base_url, *link->other), link->other->title);
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!e.citations.empty()) {
    out += "<ol class=\"katlas-sources\">\n";
    for (const Source* s : e.citations)
      out += "<li>" + escape_html(source_line(*s)) + " " + link_to(s->link(), s->link()) + "</li>\n";
    out += "</ol>\n";
  }
  return out + "<p class=\"katlas-reviewed\">Last reviewed " + escape_html(e.reviewed) + ".</p>\n</section>\n";
}

std::string to_json(const Explanation& e) {
  nlohmann::ordered_json j{{"id", e.entry->id},
                           {"exact", e.exact},
                           {"title", e.title},
                           {"summary", e.summary},
                           {"evidence", to_string(e.evidence)},
                           {"evidence_explained", e.evidence_explained},
                           {"reviewed", e.reviewed},
                           {"reading_grade", e.reading_level.grade},
                           {"reading_ease", e.reading_level.reading_ease}};
  detail::add_verdict_keys(j, *e.entry);
  // The details are Markdown for a reader, as in the Markdown rendering: written back from their
  // parse, so no renderer that shows them meets raw HTML or a link but http(s) and relative ones.
  // Every other string is plain text, for the reader to show as text.
  if (!e.details.empty()) j["details"] = detail::safe_markdown(e.details);
  nlohmann::ordered_json citations = nlohmann::ordered_json::array();
  for (const Source* s : e.citations)
    citations.push_back({{"id", s->id}, {"text", source_line(*s)}, {"link", s->link()}});
  j["citations"] = std::move(citations);
  nlohmann::ordered_json neighbours = nlohmann::ordered_json::array();
  for (const Link& link : e.neighbours) {
    nlohmann::ordered_json n{{"type", link.type->id},
                             {"direction", to_string(link.direction)},
                             {"target", link.other->id},
                             {"sentence", link.sentence}};
    detail::add_relation_keys(n, *link.relation, link.evidence, link.evidence_written, e.audience);
    neighbours.push_back(std::move(n));
  }
  j["neighbours"] = std::move(neighbours);
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace katlas
