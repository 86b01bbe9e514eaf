// The internal link check, page by page, so a site can be checked while it is written.
#pragma once

#include "render/html/id_set.hpp"
#include "text/text_hash.hpp"

#include <katlas/diagnostic.hpp>

#include <functional>
#include <optional>
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
    std::string target;  // resolved file, when it exists; its #fragment is checked against the target's ids
    std::string error;   // set when the link is already known to be broken
    /// The part of `url` after its `#`.
    [[nodiscard]] std::string_view fragment() const;
  };
  /// What the check keeps of one page: its element ids and the links left to check.
  struct PageLinks {
    IdSet ids;
    std::vector<Pending> pending;
  };

  /// Reads the links and ids of one HTML page. Safe to call from many threads at once (it
  /// only reads, and calls `exists`), so pages can be scanned where they are rendered.
  PageLinks scan(const std::string& path, std::string_view html) const;
  /// Takes in one page's scan (once per page, in any order, from one thread at a time).
  void add(const std::string& path, PageLinks links);
  /// The links of a scan that are checked against other pages (each with a `#fragment`):
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
  /// A link into a page not added yet, checked when that page comes (or in finish()).
  struct Waiting {
    std::size_t page;   // index into pages_
    std::size_t order;  // its place among the page's links
    std::string url;
  };
  /// A broken link, sorted into place by finish().
  struct Broken {
    std::size_t page, order;
    std::string url, why;
  };
  /// Checks the link `url` (into `target`, which has been added) from `page` now.
  void settle(std::size_t page, std::size_t order, std::string url, const std::string& target);
  /// Takes in a link from `page` to another page.
  void link(std::size_t page, std::size_t order, std::string url, std::string target);
  /// Checks the links that waited for `page`, which has just been added.
  void arrived(const std::string& page);
  /// The ids of `page`, read from the previous build when it was added unchanged; nullptr
  /// when it is no HTML page the check has seen.
  const IdSet* ids_of(const std::string& page);
  /// Adds `page` to pages_ (`unchanged`: with add_unchanged()), and gives its index.
  std::size_t page_index(const std::string& page, bool unchanged);
  std::function<bool(std::string_view)> exists_;
  std::function<std::optional<std::string>(std::string_view)> previous_;
  std::vector<std::string> pages_;         // every page added, in order
  std::vector<bool> page_unchanged_;       // by index into pages_: added with add_unchanged()
  TextMap<IdSet> ids_;                     // HTML page -> element ids
  TextMap<std::vector<Waiting>> waiting_;  // page not added yet -> links into it
  TextSet unchanged_;                      // pages added unchanged
  std::vector<Broken> broken_;
};

}  // namespace katlas::detail::html
