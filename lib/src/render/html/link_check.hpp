// The internal link check, page by page, so a site can be checked while it is written.
#pragma once

#include <katlas/diagnostic.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail::html {

/// Checks every internal `href`/`src` of the pages handed to add_page(): the file must be
/// one of the site's files and a `#fragment` must name an element id on that page. Keeps
/// only the ids of each page and the links it cannot check yet, not the pages themselves.
///
/// A rebuild hands over the pages it kept unread from the previous build with
/// add_unchanged(): the previous build checked their links against the same files, so only
/// their links into pages that changed are checked again, and their ids are read (through
/// `previous`) only when a page that changed links into them.
class LinkChecker {
 public:
  /// `exists(path)` says whether the site has a file at `path` (every file, not only HTML);
  /// `previous(path)` gives the bytes of a page added with add_unchanged().
  explicit LinkChecker(std::function<bool(std::string_view)> exists,
                       std::function<std::optional<std::string>(std::string_view)> previous = {})
      : exists_(std::move(exists)), previous_(std::move(previous)) {}

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
  /// The links of a scan that finish() checks against other pages (each with a `#fragment`):
  /// what add_unchanged() takes for the page in a later build.
  static std::vector<std::string> fragment_links(const PageLinks& links);
  /// Takes in a page kept unread from a build whose check passed, for a site with the same
  /// files: its fragment_links() then, checked again only when they point into a page that
  /// was added with add() (once per page, from one thread at a time).
  void add_unchanged(const std::string& path, const std::vector<std::string>& fragment_links);
  /// scan() then add().
  void add_page(const std::string& path, std::string_view html) { add(path, scan(path, html)); }

  /// One error per broken link, by page path, then in the order the links appear on the
  /// page (`href`s first, then `src`s).
  Diagnostics finish();

 private:
  /// The ids of `page`, read from the previous build when it was added unchanged; nullptr
  /// when it is no HTML page the check has seen.
  const std::set<std::string>* ids_of(const std::string& page);
  std::function<bool(std::string_view)> exists_;
  std::function<std::optional<std::string>(std::string_view)> previous_;
  std::map<std::string, std::set<std::string>, std::less<>> ids_;     // HTML page -> element ids
  std::map<std::string, std::vector<Pending>, std::less<>> pending_;  // page -> links left to check
  std::set<std::string, std::less<>> unchanged_;                      // pages added unchanged
};

}  // namespace katlas::detail::html
