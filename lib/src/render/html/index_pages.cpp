// The pages that lead into the concepts: home with start-here paths, topics, one page per kind, A–Z.
#include "render/html/figures.hpp"
#include "render/html/pages.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace katlas::detail::html {

const std::array<StartPath, 4>& start_paths() {
  static const std::array<StartPath, 4> paths{{
      {"I use kratom daily", "Why the same amount seems to do less, and how to lower your risk.",
       {"tolerance", "dose-escalation", "physical-dependence", "withdrawal", "frequent-use", "setting-limits",
        "avoiding-mixing"},
       {}, {}},
      {"I am stopping", "What withdrawal feels like, how long it may last, and when to get help.",
       {"withdrawal", "gradual-taper", "self-care-during-withdrawal", "when-to-get-help"},
       "kinds/phase.html", "The withdrawal phases and timeline"},
      {"I am an educator", "The basics, the common myths, and how strong the evidence is.",
       {"kratom", "tolerance", "withdrawal", "kratom-use-disorder"}, "contested.html", "Contested claims, both sides"},
      {"I am a clinician", "Diagnosis, interactions and treatment options, with sources.",
       {"kratom-use-disorder", "cyp3a4", "drug-interactions", "buprenorphine", "when-to-get-help"},
       "sources.html", "The bibliography"},
  }};
  return paths;
}

std::string reading_paths(const Site& site, const Concept& entry, std::string_view root) {
  std::string out;
  for (const StartPath& p : start_paths()) {
    if (std::find(p.concepts.begin(), p.concepts.end(), entry.id) == p.concepts.end()) continue;
    std::string items;
    for (const std::string_view id : p.concepts) {
      const Concept* c = site.atlas.find(id);
      if (!c || c->id != id) continue;
      items += c == &entry ? "<li><span aria-current=\"page\">" + escape_html(c->title) + "</span></li>\n"
                           : "<li>" + concept_link(root, *c) + "</li>\n";
    }
    out += "<nav class=\"reading-path\" aria-label=\"Reading path: " + escape_attribute(p.heading) + "\">\n<p>Reading path: <strong>" +
           escape_html(p.heading) + "</strong></p>\n<ol>\n" + items + "</ol>\n</nav>\n";
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
  std::string out = "<section aria-labelledby=\"start-here\">\n<h2 id=\"start-here\">Start here</h2>\n<div class=\"paths\">\n";
  for (const StartPath& p : start_paths()) {
    std::string items;
    for (const std::string_view id : p.concepts)
      if (const Concept* c = site.atlas.find(id); c && c->id == id) items += "<li>" + concept_link("", *c) + "</li>\n";
    const bool extra = !p.extra_url.empty() && (p.extra_url != "kinds/phase.html" || site.atlas.kind("phase"));
    if (extra) items += "<li>" + link(p.extra_url, p.extra_text) + "</li>\n";
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
  std::string out = "<section aria-labelledby=\"evidence-key\">\n<h2 id=\"evidence-key\">How sure are we?</h2>\n"
                    "<p>Every page shows how strong the evidence is:</p>\n<dl class=\"evidence-key\">\n";
  for (const Evidence e : {Evidence::established, Evidence::limited, Evidence::contested, Evidence::anecdotal})
    out += "<dt><span class=\"badge badge-" + std::string(to_string(e)) + "\">" + std::string(to_string(e)) +
           "</span></dt><dd>" + escape_html(plain_explanation(e)) + "</dd>\n";
  return out + "</dl>\n</section>\n";
}

std::string cycle_section(const Site& site) {
  const std::string figure = cycle_figure(site, "");
  if (figure.empty()) return {};
  return "<section aria-labelledby=\"cycle-heading\">\n<h2 id=\"cycle-heading\">The tolerance cycle</h2>\n<p>Why "
         "regular use tends to need more and more: tolerance and higher doses feed each other.</p>\n" + figure +
         "</section>\n";
}

}  // namespace

Page home_page(const Site& site) {
  Page page("index.html", site.options.site_title, "home");
  page.description = "Plain-language, evidence-graded information about kratom tolerance, dependence and withdrawal.";
  page.main = "<h1>" + escape_html(site.options.site_title) + "</h1>\n<p class=\"lead\">What is known about kratom "
              "tolerance, dependence and withdrawal, in plain words, with how sure the evidence is and where it "
              "comes from.</p>\n" + help_box(site, "") + start_here(site) + cycle_section(site) +
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
  const std::vector<const Concept*> concepts = site.atlas.list(kind.id);
  page.main = "<h1>" + escape_html(kind.plural) + "</h1>\n<p class=\"lead\">" + escape_html(kind.description) + "</p>\n";
  if (kind.id == "phase" || kind.needs_help_link) page.main += help_box(site, root);
  if (kind.id == "phase") page.main += timeline_figure(site, root);
  if (kind.id == "claim") page.main += "<p>" + link(root + "contested.html", "See every contested claim with both sides") + "</p>\n";
  page.main += concepts.empty() ? "<p>No topics of this kind yet.</p>\n" : concept_list(concepts, root);
  return page;
}

Page glossary_page(const Site& site) {
  Page page("glossary.html", "A–Z", "glossary");
  page.description = "Every topic in the atlas from A to Z, each with a one-line summary.";
  std::string letters, body;
  char current = 0;
  std::vector<const Concept*> concepts = site.atlas.list();
  // Case-insensitive, so each letter forms one group even when a title starts in lower case.
  const auto folded = [](const Concept* c) {
    std::string t = c->title;
    for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return t;
  };
  std::stable_sort(concepts.begin(), concepts.end(), [&](const Concept* a, const Concept* b) { return folded(a) < folded(b); });
  for (const Concept* c : concepts) {
    const char first = static_cast<char>(std::toupper(static_cast<unsigned char>(c->title.empty() ? '#' : c->title[0])));
    const char letter = std::isalpha(static_cast<unsigned char>(first)) ? first : '#';
    if (letter != current) {
      const std::string id = letter == '#' ? "letter-other" : std::string("letter-") + static_cast<char>(std::tolower(letter));
      letters += "<li><a href=\"#" + id + "\">" + std::string(1, letter) + "</a></li>";
      body += std::string(current ? "</dl>\n" : "") + "<h2 id=\"" + id + "\">" + std::string(1, letter) + "</h2>\n<dl class=\"glossary\">\n";
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
