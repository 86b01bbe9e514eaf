// One page per concept: lay summary first, help box, relations as sentences, then the professional details.
#include "render/html/figures.hpp"
#include "render/html/pages.hpp"
#include "text/number.hpp"
#include "text/relation_prose.hpp"

#include <nlohmann/json.hpp>

namespace katlas::detail::html {
namespace {

std::string aliases_html(const Concept& c) {
  if (c.aliases.empty()) return {};
  std::string out = "<p class=\"aliases\">Also called: ";
  for (std::size_t i = 0; i < c.aliases.size(); ++i) out += (i ? ", " : "") + escape_html(c.aliases[i]);
  return out + "</p>\n";
}

std::string timing_html(const Site& site, const Concept& c, Citations& cites, std::string_view root) {
  if (!c.timing) return {};
  const Timing& t = *c.timing;
  std::string out = "<section aria-labelledby=\"timing\">\n<h2 id=\"timing\">When it happens</h2>\n<p>Starts " +
                    time_span(t.start_min, t.start_max) + " after the last dose";
  out +=
      t.has_end ? ", and ends " + time_span(t.end_min, t.end_max) + " after it." : ". How long it lasts is not known.";
  out += cites.markers(t.sources) + "</p>\n";
  if (!t.note.empty()) out += "<p>" + escape_html(t.note) + "</p>\n";
  out += evidence_badge(t.evidence, "Evidence for the timing");
  return out + timeline_figure(site, root, &c) + "</section>\n";
}

std::string sides_html(const Concept& c, Citations& cites) {
  if (c.sides.empty()) return {};
  std::string out =
      "<section aria-labelledby=\"both-sides\">\n<h2 id=\"both-sides\">Both sides</h2>\n<div class=\"sides\">\n";
  for (const bool for_claim : {true, false}) {
    out += std::string("<div class=\"side side-") + (for_claim ? "for" : "against") + "\">\n<h3>" +
           (for_claim ? "What supports the claim" : "What speaks against it") + "</h3>\n<ul>\n";
    for (const Side& s : c.sides)
      if ((s.position == Side::Position::for_claim) == for_claim)
        out += "<li>" + escape_html(s.text) + cites.markers(s.sources) + "</li>\n";
    out += "</ul>\n</div>\n";
  }
  return out + "</div>\n</section>\n";
}

std::string relations_html(const Site& site, const Concept& c, Citations& cites, std::string_view root) {
  const std::vector<Link> links = site.atlas.related(c);
  if (links.empty()) return {};
  std::string out = "<section aria-labelledby=\"connections\">\n<h2 id=\"connections\">How it connects</h2>\n";
  std::string_view heading;
  for (const std::vector<const Link*>& group : group_links(links)) {
    const Link& l = *group.front();
    if (l.heading != heading || heading.empty()) {
      append(out, heading.empty() ? "" : "</ul>\n", "<h3>", escape_html(l.heading),
             "</h3>\n<ul class=\"relations\">\n");
      heading = l.heading;
    }
    // One link: its sources after the sentence. A list: each one's sources after its name.
    const auto markers = [&](const Link& one) { return cites.markers(one.relation->sources); };
    append(out, "<li>",
           sentence_html(group, root, false, group.size() > 1 ? markers : std::function<std::string(const Link&)>{}));
    if (l.relation->basis)
      append(out, " <span class=\"basis\">(", escape_html(plain_label(*l.relation->basis)), ")</span>");
    if (!l.relation->note.empty()) append(out, " ", escape_html(l.relation->note));
    if (l.evidence != Evidence::established && !l.type->structural) {
      const std::string_view evidence = to_string(l.evidence);
      append(out, " <span class=\"badge badge-", evidence, "\">", evidence, "</span>");
    }
    if (group.size() == 1) out += markers(l);
    out += "</li>\n";
  }
  append(out, "</ul>\n", neighbourhood_figure(site, c, root), "</section>\n");
  return out;
}

// The professional wording of relation notes, where the content gives one.
std::string pro_notes_html(const Site& site, const Concept& c, std::string_view root) {
  std::string items;
  for (const Link& l : site.atlas.related(c))
    if (!l.relation->pro_note.empty())
      append(items, "<li>", sentence_html(l, root), " ", escape_html(l.relation->pro_note), "</li>\n");
  if (items.empty()) return {};
  return "<h3>About these connections</h3>\n<ul class=\"relations\">\n" + items + "</ul>\n";
}

std::string verdict_badge(const Concept& c) {
  if (!c.verdict) return {};
  const std::string word(to_string(*c.verdict));
  return "<p class=\"verdict\"><span class=\"badge verdict-" + word +
         "\">Verdict: " + escape_html(plain_label(*c.verdict)) + "</span></p>\n";
}

std::string json_ld(const Site& site, const Concept& c) {
  const auto& types = site.atlas.content().site.schema_types;
  const auto type = std::find_if(types.begin(), types.end(), [&](const auto& t) { return t.first == c.kind; });
  // Member by member rather than from nested braces: nlohmann builds a temporary array for each
  // braced pair and copies nested values, and this runs once per page. Keys keep this order.
  nlohmann::ordered_json about;
  about["@type"] = type == types.end() ? std::string("MedicalEntity") : type->second;
  about["name"] = c.title;
  about["description"] = c.summary;
  if (!c.aliases.empty()) about["alternateName"] = c.aliases;
  nlohmann::ordered_json page;
  page["@context"] = "https://schema.org";
  page["@type"] = "MedicalWebPage";
  page["name"] = c.title;
  page["lastReviewed"] = c.reviewed;
  page["about"] = std::move(about);
  if (!site.options.base_url.empty()) page["url"] = site.options.base_url + concept_url(c.id);
  for (const std::string& id : c.sources)
    if (const Source* s = site.atlas.source(id))
      page["citation"].push_back({{"@type", "CreativeWork"}, {"name", s->title}, {"url", s->link()}});
  return "<script type=\"application/ld+json\">" + escape_script_json(page.dump()) + "</script>\n";
}

// A long page starts with links to its sections, so a reader on a phone can go straight to one.
struct Section {
  const std::string& html;
  std::string_view id, heading;
};
std::string on_this_page(const std::vector<Section>& sections) {
  std::string items;
  std::size_t present = 0;
  for (const Section& s : sections) {
    if (s.html.empty()) continue;
    ++present;
    append(items, "<li><a href=\"#", s.id, "\">", s.heading, "</a></li>");
  }
  if (present < 3) return {};
  return "<nav class=\"on-this-page\" aria-label=\"On this page\"><ul>" + items + "</ul></nav>\n";
}

}  // namespace

bool needs_help_box(const Site& site, const Concept& c) {
  if (site.is_help(c)) return false;
  if (const Kind* k = site.atlas.kind(c.kind); k && (k->needs_help_link || k->help_box)) return true;
  const RelationType* help_type = help_relation_type(site.atlas.content());
  return help_type && !site.atlas.related(c, {.type = help_type->id, .direction = Direction::out}).empty();
}

Page concept_page(const Site& site, const Concept& c) {
  Page page(concept_url(c.id), c.title, "");
  page.description = c.summary;
  const std::string root = root_of(page.path);
  Citations cites(site.atlas, root);
  const std::string main_markers = cites.markers(c.sources);  // the concept's own sources are numbered first
  const Kind* kind = site.atlas.kind(c.kind);
  std::string& m = page.main;
  m += "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><a href=\"" + root + "index.html\">Start</a> › ";
  if (kind) m += link(root + kind_url(kind->id), kind->plural);
  m += "</nav>\n<article>\n<h1>" + escape_html(c.title) + "</h1>\n";
  if (kind) m += "<p class=\"kind-label\">" + escape_html(kind->title) + "</p>\n";
  m += aliases_html(c) + verdict_badge(c) + evidence_badge(c.evidence) + "<p class=\"summary\">" +
       escape_html(c.summary) + "</p>\n";
  if (needs_help_box(site, c)) m += help_box(site, root);
  m += reading_paths(site, c, root);
  // Rendered in reading order, which numbers the citations in order of first use.
  const std::string sides = sides_html(c, cites), timing = timing_html(site, c, cites, root);
  const std::string cycle = site.starts_cycle(c) ? cycle_figure(site, root) : std::string();
  const std::string relations = relations_html(site, c, cites, root);
  std::string professional =
      "<section class=\"professional\" aria-labelledby=\"for-professionals\">\n<h2 id=\"for-professionals\">For "
      "professionals</h2>\n" +
      markdown(c.details, root, site.mentions, &c) + pro_notes_html(site, c, root);
  if (!c.sources.empty()) professional += "<p class=\"concept-sources\">Main sources: " + main_markers + "</p>\n";
  professional += "</section>\n";
  const std::string sources =
      cites.empty()
          ? std::string()
          : "<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n" + cites.list() + "</section>\n";
  m += on_this_page({{sides, "both-sides", "Both sides"},
                     {timing, "timing", "When it happens"},
                     {relations, "connections", "How it connects"},
                     {professional, "for-professionals", "For professionals"},
                     {sources, "sources", "Sources"}});
  m += sides + timing + cycle + relations + professional + sources;
  m += "<p class=\"reviewed\">Last reviewed: <time datetime=\"" + escape_attribute(c.reviewed) + "\">" +
       escape_html(c.reviewed) + "</time>";
  if (const std::string due = site.overdue(c); !due.empty())
    m += ". <strong class=\"review-overdue\">This page was due for review on <time datetime=\"" +
         escape_attribute(due) + "\">" + escape_html(due) + "</time>. Some of it may be out of date.</strong>";
  m += "</p>\n</article>\n";
  page.head = json_ld(site, c);
  if (m.find("class=\"term-hint\"") != std::string::npos)
    page.scripts = "<script src=\"" + root + "assets/terms.js\"></script>\n";
  return page;
}

}  // namespace katlas::detail::html
