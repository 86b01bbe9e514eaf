// Shared pieces of the HTML renderer: the site context, URLs, the page shell and small builders.
#pragma once

#include "atlas/read_log.hpp"
#include "render/markdown_html.hpp"
#include "text/escape.hpp"

#include <katlas/site.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace katlas::detail::html {

class GraphLayout;

/// What every page renderer reads: the atlas, the options and a few concepts looked up once.
/// The concepts are handed out through members that record the read (atlas/read_log.hpp), as
/// the atlas's own members do, so the page cache knows what each page was made from.
struct Site {
  const Atlas& atlas;
  const SiteOptions& options;
  const Concept* help_concept = nullptr;   ///< Read it through help().
  GraphLayout* graphs = nullptr;           ///< Lays out the diagrams (safe to call from many threads).
  const MentionIndex* mentions = nullptr;  ///< Every concept title, for links in `details`.
  const Concept* cycle_start = nullptr;    ///< Read it through cycle().
  std::string title;                       ///< The site's name: SiteOptions::site_title, else `site.yaml`'s title.

  /// The help concept `site.yaml` names, when there is one.
  const Concept* help() const {
    note_concept(help_concept);
    return help_concept;
  }
  /// Whether `entry` is the help concept: a question about `site.yaml`, not a read of the concept.
  bool is_help(const Concept& entry) const { return &entry == help_concept; }
  /// Where the featured cycle of `site.yaml` starts, when there is one.
  const Concept* cycle() const {
    note_concept(cycle_start);
    return cycle_start;
  }
  bool starts_cycle(const Concept& entry) const { return &entry == cycle_start; }
  /// The day `entry` was due for review when that is before SiteOptions::today; else empty.
  std::string overdue(const Concept& entry) const;
};

/// One rendered page before the shell is put around it.
struct Page {
  Page(std::string path_, std::string title_, std::string nav_)
      : path(std::move(path_)), title(std::move(title_)), nav(std::move(nav_)) {}
  std::string path;         ///< Output path, e.g. `concepts/tolerance.html`.
  std::string title;        ///< Plain text; the site title is appended.
  std::string description;  ///< Plain text for `<meta name="description">`.
  std::string main;         ///< HTML inside `<main>`.
  std::string nav;          ///< Which main-nav entry is current: `home`, `glossary`, ...
  std::string head;         ///< Extra HTML in `<head>` (JSON-LD).
  std::string scripts;      ///< HTML before `</body>`.
};

/// Output files by path; std::map keeps them sorted for deterministic output.
using Files = std::map<std::string, std::string, std::less<>>;

/// `""` for a page at the top, `"../"` for one folder down, and so on.
std::string root_of(std::string_view page_path);

/// Site-relative URLs (prefix them with root_of() of the page that links).
std::string concept_url(std::string_view id);
std::string kind_url(std::string_view id);
std::string source_url(std::string_view id);  ///< The entry on the bibliography page.

/// Replaces each `{{name}}` in `templ` with its value (already escaped by the caller).
std::string fill(std::string_view templ, const std::vector<std::pair<std::string_view, std::string>>& values);

/// The full HTML document for a page: shell from lib/assets/page.html around `page.main`.
std::string layout(const Site& site, const Page& page);

/// `<a href="root+url">name</a>` with the text escaped; `title` (optional) becomes a tooltip.
std::string link(std::string_view href, std::string_view text, std::string_view title = {});

/// A concept's title as a link from the page at `root`, its summary as tooltip.
std::string concept_link(std::string_view root, const Concept& entry);
/// The same, showing `text` instead of the title (e.g. a sentence name).
std::string concept_link(std::string_view root, const Concept& entry, std::string_view text);

/// The evidence badge with its plain-words explanation.
std::string evidence_badge(Evidence evidence, std::string_view label = "Evidence");

/// The "When to get medical help now" box (content of the guidance concept when present).
std::string help_box(const Site& site, std::string_view root);

/// A relation sentence with both names linked (the page's own concept in bold, not linked,
/// unless `link_self`).
std::string sentence_html(const Link& link, std::string_view root, bool link_self = false);
/// The sentence of links told together (see group_links()), worded for their evidence;
/// `after_other` adds markup after each other concept's name (e.g. its citation markers).
std::string sentence_html(const std::vector<const Link*>& group, std::string_view root, bool link_self = false,
                          const std::function<std::string(const Link&)>& after_other = {});

/// An id usable as an HTML fragment (`#...`) made from kebab-case parts.
std::string anchor(std::string_view prefix, std::string_view id);

}  // namespace katlas::detail::html
