// The pages that lead into the concepts: home with start-here paths, topics, one page per kind, A–Z.
#include "render/html/figures.hpp"
#include "render/html/pages.hpp"
#include "text/fold.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <tuple>

namespace katlas::detail::html {

std::string reading_paths(const Site& site, const Concept& entry, std::string_view root) {
  std::string out;
  for (const StartPath& p : site.atlas.content().site.start_paths) {
    if (std::find(p.concepts.begin(), p.concepts.end(), entry.id) == p.concepts.end()) continue;
    std::string items;
    for (const std::string& id : p.concepts) {
      const Concept* c = site.atlas.find(id);
      if (!c || c->id != id) continue;
      items += c == &entry ? "<li><span aria-current=\"page\">" + escape_html(c->title) + "</span></li>\n"
                           : "<li>" + concept_link(root, *c) + "</li>\n";
    }
    out += "<nav class=\"reading-path\" aria-label=\"Reading path: " + escape_attribute(p.heading) +
           "\">\n<p>Reading path: <strong>" + escape_html(p.heading) + "</strong></p>\n<ol>\n" + items +
           "</ol>\n</nav>\n";
  }
  return out;
}

namespace {

std::string concept_list(const std::vector<const Concept*>& concepts, std::string_view root) {
  std::string out = "<ul class=\"concept-list\">\n";
  for (const Concept* c : concepts)
    out += "<li><span class=\"concept-title\">" + concept_link(root, *c) + "</span> <span class=\"badge badge-" +
           std::string(to_string(c->evidence)) + "\">" + std::string(to_string(c->evidence)) + "</span><br>" +
           escape_html(c->summary) + "</li>\n";
  return out + "</ul>\n";
}

std::string start_here(const Site& site) {
  std::string out =
      "<section aria-labelledby=\"start-here\">\n<h2 id=\"start-here\">Start here</h2>\n<div class=\"paths\">\n";
  for (const StartPath& p : site.atlas.content().site.start_paths) {
    std::string items;
    for (const std::string& id : p.concepts)
      if (const Concept* c = site.atlas.find(id); c && c->id == id) items += "<li>" + concept_link("", *c) + "</li>\n";
    if (!p.more_url.empty()) items += "<li>" + link(p.more_url, p.more_text) + "</li>\n";
    if (items.empty()) continue;
    out += "<div class=\"path\">\n<h3>" + escape_html(p.heading) + "</h3>\n<p>" + escape_html(p.intro) +
           "</p>\n<ol>\n" + items + "</ol>\n</div>\n";
  }
  return out + "</div>\n</section>\n";
}

std::string kinds_list(const Site& site, std::string_view root) {
  std::string out = "<ul class=\"kind-list\">\n";
  for (const Kind& k : site.atlas.content().kinds) {
    const std::size_t n = site.atlas.list(k.id).size();
    if (n == 0) continue;
    out += "<li>" + link(std::string(root) + kind_url(k.id), k.plural) + " <span class=\"count\">(" +
           std::to_string(n) + ")</span><br>" + escape_html(k.description) + "</li>\n";
  }
  return out + "</ul>\n";
}

std::string evidence_key() {
  std::string out =
      "<section aria-labelledby=\"evidence-key\">\n<h2 id=\"evidence-key\">How sure are we?</h2>\n"
      "<p>Every page shows how strong the evidence is:</p>\n<dl class=\"evidence-key\">\n";
  for (const Evidence e : {Evidence::established, Evidence::limited, Evidence::contested, Evidence::anecdotal})
    out += "<dt><span class=\"badge badge-" + std::string(to_string(e)) + "\">" + std::string(to_string(e)) +
           "</span></dt><dd>" + escape_html(plain_explanation(e)) + "</dd>\n";
  return out + "</dl>\n</section>\n";
}

std::string cycle_section(const Site& site) {
  const std::string figure = cycle_figure(site, "");
  if (figure.empty()) return {};
  const FeaturedCycle& cycle = *site.atlas.content().site.cycle;
  return "<section aria-labelledby=\"cycle-heading\">\n<h2 id=\"cycle-heading\">" + escape_html(cycle.heading) +
         "</h2>\n<p>" + escape_html(cycle.intro) + "</p>\n" + figure + "</section>\n";
}

}  // namespace

Page home_page(const Site& site) {
  const SiteConfig& config = site.atlas.content().site;
  Page page("index.html", site.title, "home");
  page.description = config.description;
  page.main = "<h1>" + escape_html(site.title) + "</h1>\n";
  if (!config.lead.empty()) page.main += "<p class=\"lead\">" + escape_html(config.lead) + "</p>\n";
  page.main += help_box(site, "") + start_here(site) + cycle_section(site) +
               "<section aria-labelledby=\"topics\">\n<h2 id=\"topics\">Browse by topic</h2>\n" + kinds_list(site, "") +
               "</section>\n" + evidence_key();
  return page;
}

Page topics_page(const Site& site) {
  Page page("topics.html", "Topics", "topics");
  page.description = "Every kind of topic in the atlas.";
  page.main = "<h1>Topics</h1>\n" + kinds_list(site, "");
  return page;
}

Page kind_page(const Site& site, const Kind& kind) {
  Page page(kind_url(kind.id), kind.plural, "topics");
  page.description = kind.description;
  const std::string root = root_of(page.path);
  std::vector<const Concept*> concepts = site.atlas.list(kind.id);
  page.main =
      "<h1>" + escape_html(kind.plural) + "</h1>\n<p class=\"lead\">" + escape_html(kind.description) + "</p>\n";
  // A kind whose concepts have timings is drawn as a timeline; popular claims link to their page.
  const bool timed =
      std::any_of(concepts.begin(), concepts.end(), [](const Concept* c) { return c->timing.has_value(); });
  if (timed || kind.needs_help_link) page.main += help_box(site, root);
  if (timed) page.main += timeline_figure(site, root);
  // Phases are listed in the order they come: by when they start, then end; untimed ones last.
  if (timed)
    std::stable_sort(concepts.begin(), concepts.end(), [](const Concept* a, const Concept* b) {
      const auto when = [](const Concept* c) {
        constexpr double never = std::numeric_limits<double>::infinity();
        if (!c->timing) return std::tuple{never, never, never};
        const Timing& t = *c->timing;
        return std::tuple{t.start_min, t.start_max, t.has_end ? t.end_max : never};
      };
      return when(a) < when(b);
    });
  if (kind.needs_verdict)
    page.main += "<p>" + link(root + "contested.html", "See every contested claim with both sides") + "</p>\n";
  page.main += concepts.empty() ? "<p>No topics of this kind yet.</p>\n" : concept_list(concepts, root);
  return page;
}

Page glossary_page(const Site& site) {
  Page page("glossary.html", "A–Z", "glossary");
  page.description = "Every topic in the atlas from A to Z, each with a one-line summary.";
  std::string letters, body;
  char current = 0;
  // By the words of the title: case, accents, quotes and punctuation do not count, so a claim
  // titled "Rotating strains…" is filed under R, next to the topics it is about. Each key is
  // made once, not at every comparison.
  std::vector<std::pair<std::string, const Concept*>> concepts;
  for (const Concept* c : site.atlas.list()) {
    const std::string folded = detail::fold(c->title);
    concepts.emplace_back(folded.substr(std::min(folded.find_first_not_of(' '), folded.size())), c);
  }
  std::stable_sort(concepts.begin(), concepts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [k, c] : concepts) {
    const char first = static_cast<char>(std::toupper(static_cast<unsigned char>(k.empty() ? '#' : k[0])));
    const char letter = std::isalpha(static_cast<unsigned char>(first)) ? first : '#';
    if (letter != current) {
      const std::string id =
          letter == '#' ? "letter-other" : std::string("letter-") + static_cast<char>(std::tolower(letter));
      letters += "<li><a href=\"#" + id + "\">" + std::string(1, letter) + "</a></li>";
      body += std::string(current ? "</dl>\n" : "") + "<h2 id=\"" + id + "\">" + std::string(1, letter) +
              "</h2>\n<dl class=\"glossary\">\n";
      current = letter;
    }
    body += "<dt>" + concept_link("", *c) + "</dt><dd>" + escape_html(c->summary);
    if (!c->aliases.empty()) {
      body += " <span class=\"aliases\">Also called: ";
      for (std::size_t i = 0; i < c->aliases.size(); ++i) body += (i ? ", " : "") + escape_html(c->aliases[i]);
      body += ".</span>";
    }
    body += "</dd>\n";
  }
  if (current) body += "</dl>\n";
  page.main = "<h1>A–Z</h1>\n<nav aria-label=\"Letters\"><ul class=\"letters\">" + letters + "</ul></nav>\n" + body;
  return page;
}

}  // namespace katlas::detail::html
