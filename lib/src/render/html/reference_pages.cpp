// The bibliography, the contested-claims page and the search page.
#include "render/html/pages.hpp"

namespace katlas::detail::html {

Page sources_page(const Site& site) {
  Page page("sources.html", "Sources", "sources");
  page.description = "Every study, review and report the atlas cites, with the topics that cite it.";
  std::vector<const Source*> sources;
  for (const Source& s : site.atlas.content().sources) sources.push_back(&s);
  // A bibliography reads by author, then year; the id breaks ties so the order is stable.
  std::sort(sources.begin(), sources.end(), [](const Source* a, const Source* b) {
    return std::tie(a->authors, a->year, a->id) < std::tie(b->authors, b->year, b->id);
  });
  std::string& m = page.main;
  m = "<h1>Sources</h1>\n<p class=\"lead\">Every source the atlas cites, with the topics that cite it.</p>\n"
      "<ol class=\"bibliography\">\n";
  for (const Source* s : sources) {
    m += "<li id=\"" + anchor("source", s->id) + "\">" + source_entry(*s);
    const std::vector<const Concept*> citing = site.atlas.citing(s->id);
    if (!citing.empty()) {
      m += "<br><span class=\"cited-by\">Cited on: ";
      for (std::size_t i = 0; i < citing.size(); ++i) m += (i ? ", " : "") + concept_link("", *citing[i]);
      m += "</span>";
    }
    m += "</li>\n";
  }
  m += "</ol>\n";
  return page;
}

namespace {

std::string claim_html(const Concept& c) {
  std::string m = "<section class=\"claim\" aria-labelledby=\"" + anchor("claim", c.id) + "\">\n<h3 id=\"" +
                  anchor("claim", c.id) + "\">" + concept_link("", c) + "</h3>\n<p>" + escape_html(c.summary) +
                  "</p>\n";
  if (!c.sides.empty()) {
    m += "<div class=\"sides\">\n";
    for (const bool for_claim : {true, false}) {
      m += std::string("<div class=\"side side-") + (for_claim ? "for" : "against") + "\">\n<h4>" +
           (for_claim ? "For" : "Against") + "</h4>\n<ul>\n";
      for (const Side& s : c.sides)
        if ((s.position == Side::Position::for_claim) == for_claim) m += "<li>" + escape_html(s.text) + "</li>\n";
      m += "</ul>\n</div>\n";
    }
    m += "</div>\n";
  }
  return m + "</section>\n";
}

}  // namespace

Page contested_page(const Site& site) {
  Page page("contested.html", "Contested claims", "contested");
  page.description = "Popular claims about kratom, what the evidence says of each, and both sides.";
  std::string& m = page.main;
  m = "<h1>Contested claims</h1>\n<p class=\"lead\">Popular claims, grouped by what the evidence says of them. Each "
      "shows what supports it and what speaks against it; follow the link for the sources.</p>\n";
  // Ideas that do not hold up come first: they are what readers most need corrected.
  constexpr Verdict order[] = {Verdict::refuted, Verdict::unsupported, Verdict::unresolved, Verdict::partly_supported,
                               Verdict::supported};
  std::vector<const Concept*> claims;
  for (const Concept* c : site.atlas.list())
    if (!c->sides.empty() || c->evidence == Evidence::contested || c->verdict) claims.push_back(c);
  const auto group = [&](std::optional<Verdict> verdict, std::string_view heading) {
    std::string items;
    for (const Concept* c : claims)
      if (c->verdict == verdict) items += claim_html(*c);
    if (items.empty()) return;
    const std::string id = anchor("verdict", verdict ? to_string(*verdict) : "none");
    m += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + escape_html(heading) + "</h2>\n" + items +
         "</section>\n";
  };
  for (const Verdict v : order) group(v, plain_label(v));
  group(std::nullopt, "No verdict given");
  if (claims.empty()) m += "<p>No contested claims yet.</p>\n";
  return page;
}

Page search_page(const Site& site) {
  Page page("search.html", "Search", "search");
  page.description = "Search every topic of the atlas.";
  // The arrow-key hint is hidden on touch screens (site.css): it names keys a phone has not got.
  // The result list is labelled by the status line and takes focus after a search, so one Tab
  // from there reaches the first result.
  page.main =
      "<h1>Search</h1>\n<form class=\"search-form\" role=\"search\" aria-label=\"Search the atlas\" "
      "action=\"search.html\" method=\"get\">\n"
      "<label for=\"search-input\">Search for a topic, a symptom or a medicine</label>\n"
      "<input id=\"search-input\" name=\"q\" type=\"search\" autocomplete=\"off\" aria-describedby=\"search-help\""
      " aria-controls=\"search-results\">\n<button type=\"submit\">Search</button>\n</form>\n"
      "<p id=\"search-help\" class=\"hint\">Results appear as you type.<span class=\"keys-hint\"> Press the down "
      "arrow to move into them.</span></p>\n<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n"
      "<ol id=\"search-results\" class=\"search-results\" aria-labelledby=\"search-status\" tabindex=\"-1\"></ol>\n"
      "<noscript><p>Search needs JavaScript. Without it, use the <a href=\"glossary.html\">A–Z list</a> "
      "or the <a href=\"topics.html\">topics</a>.</p></noscript>\n";
  page.scripts = "<script src=\"assets/search-index.js\"></script>\n<script src=\"assets/search.js\"></script>\n";
  (void)site;
  return page;
}

}  // namespace katlas::detail::html
