// Every page of the site, one function each, plus the numbered citations they share.
#pragma once

#include "render/html/html.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail::html {

/// Numbers the sources a page cites in order of first use and writes the markers and the list.
class Citations {
 public:
  Citations(const Atlas& atlas, std::string_view root) : atlas_(&atlas), root_(root) {}
  /// `<sup>` markers like [1][2] linking to the page's source list; empty for no ids.
  std::string markers(const std::vector<std::string>& source_ids);
  /// The numbered list (`<ol>` with ids `cite-N`), each entry linked to the bibliography.
  std::string list() const;
  bool empty() const { return ids_.empty(); }

 private:
  std::size_t number(const std::string& id);
  const Atlas* atlas_;
  std::string root_;
  std::vector<std::string> ids_;
};

/// "Authors (year). Title. Venue." with the DOI or URL as a link (allowlisted), escaped.
std::string source_entry(const Source& source);

/// On a page that lies on a start-here path, the whole path as navigation with this page
/// marked, so every other step is one click away. Empty for pages on no path.
std::string reading_paths(const Site& site, const Concept& entry, std::string_view root);

/// True when a concept's page carries the "When to get medical help now" box.
bool needs_help_box(const Site& site, const Concept& entry);

Page concept_page(const Site& site, const Concept& entry);
Page home_page(const Site& site);
Page topics_page(const Site& site);
Page kind_page(const Site& site, const Kind& kind);
Page glossary_page(const Site& site);
Page sources_page(const Site& site);
Page contested_page(const Site& site);
Page search_page(const Site& site);

}  // namespace katlas::detail::html
