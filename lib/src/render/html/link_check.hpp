// The internal link check, page by page, so a site can be checked while it is written.
#pragma once

#include <katlas/diagnostic.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail::html {

/// Checks every internal `href`/`src` of the pages handed to add_page(): the file must be
/// one of the site's files and a `#fragment` must name an element id on that page. Keeps
/// only the ids of each page and the links it cannot check yet, not the pages themselves.
class LinkChecker {
 public:
  /// `exists(path)` says whether the site has a file at `path` (every file, not only HTML).
  explicit LinkChecker(std::function<bool(std::string_view)> exists) : exists_(std::move(exists)) {}

  /// A link that scan() could not settle on its own page.
  struct Pending {
    std::string url;
    std::string target;    // resolved file, when it exists
    std::string fragment;  // checked against the target's ids in finish()
    std::string error;     // set when the link is already known to be broken
  };
  /// What the check keeps of one page: its element ids and the links left to check.
  struct PageLinks {
    std::set<std::string> ids;
    std::vector<Pending> pending;
  };

  /// Reads the links and ids of one HTML page. Safe to call from many threads at once (it
  /// only reads, and calls `exists`), so pages can be scanned where they are rendered.
  PageLinks scan(const std::string& path, std::string_view html) const;
  /// Takes in one page's scan (once per page, in any order, from one thread at a time).
  void add(const std::string& path, PageLinks links);
  /// scan() then add().
  void add_page(const std::string& path, std::string_view html) { add(path, scan(path, html)); }

  /// One error per broken link, by page path, then in the order the links appear on the
  /// page (`href`s first, then `src`s).
  Diagnostics finish() const;

 private:
  std::function<bool(std::string_view)> exists_;
  std::map<std::string, std::set<std::string>, std::less<>> ids_;     // HTML page -> element ids
  std::map<std::string, std::vector<Pending>, std::less<>> pending_;  // page -> links left to check
};

}  // namespace katlas::detail::html
