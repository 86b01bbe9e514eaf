// The page shell and the small HTML builders every page uses: links, badges, sentences, the help box.
#include "render/html/assets.hpp"
#include "render/html/html.hpp"
#include "text/relation_prose.hpp"

#include <algorithm>
#include <array>

namespace katlas::detail::html {

std::string root_of(std::string_view page_path) {
  std::string root;
  for (const char c : page_path)
    if (c == '/') root += "../";
  return root;
}

std::string concept_url(std::string_view id) { return concept_page_path(id); }
std::string kind_url(std::string_view id) { return "kinds/" + std::string(id) + ".html"; }
std::string source_url(std::string_view id) { return "sources.html#" + anchor("source", id); }

std::string anchor(std::string_view prefix, std::string_view id) { return std::string(prefix) + "-" + std::string(id); }

namespace {

using Values = std::vector<std::pair<std::string_view, std::string_view>>;

/// Hands `write` the text of `templ` piece by piece, each `{{name}}` replaced by its value.
template <class Write>
void each_piece(std::string_view templ, const Values& values, const Write& write) {
  std::size_t i = 0;
  while (i < templ.size()) {
    const std::size_t open = templ.find("{{", i);
    if (open == std::string_view::npos) break;
    const std::size_t close = templ.find("}}", open);
    if (close == std::string_view::npos) break;
    write(templ.substr(i, open - i));
    const std::string_view name = templ.substr(open + 2, close - open - 2);
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
    if (it != values.end()) write(it->second);
    i = close + 2;
  }
  write(templ.substr(i));
}

/// fill() over views, sized before it is written: a page's main part, most of its bytes, is
/// then copied once, straight into the result.
std::string fill_views(std::string_view templ, const Values& values) {
  std::size_t size = 0;
  each_piece(templ, values, [&](std::string_view piece) { size += piece.size(); });
  std::string out;
  out.reserve(size);
  each_piece(templ, values, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace

std::string fill(std::string_view templ, const std::vector<std::pair<std::string_view, std::string>>& values) {
  return fill_views(templ, Values(values.begin(), values.end()));
}

namespace {

std::string nav_html(const Page& page) {
  static constexpr std::array<std::array<std::string_view, 3>, 5> entries{{
      {"home", "index.html", "Start"},
      {"glossary", "glossary.html", "A–Z"},
      {"topics", "topics.html", "Topics"},
      {"contested", "contested.html", "Contested claims"},
      {"sources", "sources.html", "Sources"},
  }};
  const std::string root = root_of(page.path);
  std::string out;
  for (const auto& [key, url, label] : entries) {
    out += "<li><a href=\"" + escape_attribute(root + std::string(url)) + "\"";
    if (page.nav == key) out += " aria-current=\"page\"";
    out += ">" + escape_html(label) + "</a></li>\n";
  }
  return out;
}

}  // namespace

std::string layout(const Site& site, const Page& page) {
  const std::string root = root_of(page.path);
  const std::string& name = site.title;
  const std::string title = page.title == name ? name : page.title + " – " + name;
  std::string help = "In an emergency, call your local emergency number.";
  if (const Concept* page = site.help()) help += " " + concept_link(root, *page, "When to get medical help now") + ".";
  const std::string escaped_title = escape_html(title), description = escape_attribute(page.description),
                    escaped_root = escape_attribute(root), site_name = escape_html(name), nav = nav_html(page);
  // The search page has its own box: one in the header too would be two boxes doing the same
  // thing, and two search landmarks.
  const std::string header_search =
      page.nav == "search" ? std::string() : fill_views(asset("header-search.html"), {{"root", escaped_root}});
  return fill_views(asset("page.html"),
                    {{"title", escaped_title},
                     {"description", description},
                     {"root", escaped_root},
                     {"site", site_name},
                     {"attribution", escape_html(site.options.attribution)},
                     {"licence_url", escape_attribute(safe_url(site.options.licence_url).value_or("#"))},
                     {"head", page.head},
                     {"header_search", header_search},
                     {"nav", nav},
                     {"help_link", help},
                     {"main", page.main},
                     {"scripts", page.scripts}});
}

std::string link(std::string_view href, std::string_view text, std::string_view title) {
  std::string out = concat("<a href=\"", escape_attribute(safe_url(href).value_or("#")), "\"");
  if (!title.empty()) append(out, " title=\"", escape_attribute(title), "\"");
  out += ">";
  append_escaped_html(out, text);
  out += "</a>";
  return out;
}

std::string concept_link(std::string_view root, const Concept& entry) { return concept_link(root, entry, entry.title); }

// No `title` tooltip: it reaches neither keyboards nor touch screens, and the summary of every
// linked concept made a page a third longer. Mentions in running text get a real hint instead
// (term_link in markdown.cpp); lists and the A–Z page show summaries as text.
std::string concept_link(std::string_view root, const Concept& entry, std::string_view text) {
  return link(concat(root, concept_url(entry.id)), text);
}

std::string evidence_badge(Evidence evidence, std::string_view label) {
  const std::string word(to_string(evidence));
  return "<p class=\"evidence\"><span class=\"badge badge-" + word + "\">" + escape_html(label) + ": " + word +
         "</span> <span class=\"evidence-plain\">" + escape_html(plain_explanation(evidence)) + "</span></p>\n";
}

std::string Site::overdue(const Concept& entry) const {
  if (options.today.empty()) return {};
  note_reviewed(entry);
  std::string due = review_due(entry, atlas.kind(entry.kind));
  return !due.empty() && due < options.today ? due : std::string();
}

std::string help_box(const Site& site, std::string_view root) {
  std::string out =
      "<aside class=\"get-help\" aria-labelledby=\"get-help-title\">\n"
      "<h2 id=\"get-help-title\">When to get medical help now</h2>\n";
  if (const Concept* page = site.help()) {
    out += "<p>" + escape_html(page->summary) + "</p>\n<p>" +
           concept_link(root, *page, "Read when to get medical help now") + "</p>\n";
  } else {
    out +=
        "<p>Call your local emergency number now if someone has a seizure, has trouble breathing, "
        "cannot stay awake, or cannot keep fluids down.</p>\n";
  }
  return out + "</aside>\n";
}

std::string sentence_html(const std::vector<const Link*>& group, std::string_view root, bool link_self,
                          const std::function<std::string(const Link&)>& after_other) {
  const Concept* self = group.front()->self;
  return tell(
      group,
      [&](const Concept& c, bool at_start) {
        const std::string text = at_start ? capitalised(sentence_name(c)) : sentence_name(c);
        if (&c == self && !link_self) return concat("<strong>", escape_html(text), "</strong>");
        std::string out = concept_link(root, c, text);
        if (after_other)
          for (const Link* l : group)
            if (l->other == &c) out += after_other(*l);
        return out;
      },
      [](std::string_view piece, bool at_start) {
        return escape_html(at_start ? capitalised(std::string(piece)) : std::string(piece));
      });
}

std::string sentence_html(const Link& link, std::string_view root, bool link_self) {
  return sentence_html(std::vector<const Link*>{&link}, root, link_self);
}

}  // namespace katlas::detail::html
