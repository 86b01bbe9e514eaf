/// @file site.hpp
/// @brief The reader's static site: render an Atlas to HTML pages through an output sink.
#pragma once

#include <katlas/atlas.hpp>
#include <katlas/diagnostic.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace katlas {

/// How the site is rendered.
struct SiteOptions {
  /// Absolute URL the site will be served from (e.g. `https://atlas.example.org/`), used in
  /// sitemap.xml and the JSON-LD `url`. Empty: the sitemap lists relative URLs.
  std::string base_url;
  /// The site's name, shown in the header and in every `<title>`.
  std::string site_title = "Kratom Atlas";
  /// Called now and then while pages are rendered, with the files done and the files in all,
  /// always on the thread that called render_site() (the CLI draws its progress line here).
  /// Empty: no calls.
  std::function<void(std::size_t done, std::size_t total)> progress{};
};

/// Where rendered files go. Paths are relative, use `/`, and never contain `..`.
///
/// render_site() writes each file exactly once, in sorted path order, one file at a time
/// (for a staged sink, from a writer thread of its own).
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Stores one file. Throws std::runtime_error (or std::filesystem::filesystem_error) when it cannot.
  virtual void write(std::string_view path, std::string_view bytes) = 0;
  /// True when nothing written becomes visible until the owner commits it (DiskSink). Then
  /// render_site() hands over each file as soon as it is rendered, instead of holding the
  /// whole site in memory, and a failed render is discarded by not committing.
  virtual bool staged() const { return false; }
};

/// Keeps the files in memory, sorted by path (for tests and for embedding the site elsewhere).
class MemorySink final : public OutputSink {
 public:
  void write(std::string_view path, std::string_view bytes) override;
  /// Every file written so far, path → bytes.
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

/// Writes into a staging folder next to `target` and swaps it into place on commit().
///
/// The previous site stays untouched until the swap; when the sink is destroyed without a
/// commit (a failed render, an exception) the staging folder is removed and `target` is
/// left as it was. An existing `target` is replaced only when it is empty or was written by
/// a DiskSink (it holds `.katlas-site`), so a mistyped `--out $HOME` cannot delete a folder.
///
/// @code
/// katlas::DiskSink sink("site");
/// if (katlas::render_site(atlas, sink).ok()) sink.commit();
/// @endcode
class DiskSink final : public OutputSink {
 public:
  /// Creates the staging folder. Throws std::filesystem::filesystem_error when it cannot.
  explicit DiskSink(std::filesystem::path target);
  ~DiskSink() override;
  DiskSink(const DiskSink&) = delete;
  DiskSink& operator=(const DiskSink&) = delete;

  /// Writes one file into the staging folder. Thread-safe.
  void write(std::string_view path, std::string_view bytes) override;
  /// True: files stay in the staging folder until commit().
  bool staged() const override { return true; }
  /// Moves the staged files into place (an atomic exchange where the system offers one).
  /// Throws std::runtime_error when `target` is not a site folder, or on a file system error.
  void commit();
  /// The staging folder (exists until commit() or destruction).
  const std::filesystem::path& staging() const { return staging_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::mutex folders_mutex_;
  std::set<std::filesystem::path> folders_;  // folders made in the staging folder so far
  bool committed_ = false;
};

/// What render_site() did: the files it wrote and the problems it found.
struct SiteResult {
  std::vector<std::string> files;       ///< Paths written, sorted.
  std::vector<Diagnostic> diagnostics;  ///< Errors (e.g. a broken internal link) and warnings.
  /// True when there is no error; nothing is written to the sink otherwise.
  bool ok() const { return count(diagnostics, Severity::error) == 0; }
};

/// Renders the whole site: one page per concept, index pages (home, one per kind, A–Z
/// glossary, bibliography, contested claims, search), assets, a search index and sitemap.xml.
///
/// Every internal link and `#anchor` is checked. For a sink that is not staged (MemorySink),
/// every page is rendered in memory first and the files are handed to `sink` only when all
/// links resolve. A staged sink (DiskSink) receives each file as soon as it is rendered, so
/// memory stays small at any site size; when a link is broken the result is not ok() and
/// the caller must not commit. Concept pages are rendered on several threads (see
/// `KATLAS_THREADS` in docs/performance.md); output is byte-identical for the same atlas and
/// options. Exceptions from the sink propagate.
SiteResult render_site(const Atlas& atlas, OutputSink& sink, const SiteOptions& options = {});

/// Checks that every internal `href`/`src` in the HTML and SVG files of `files` names a file
/// of `files` and, when it has a `#fragment`, an element with that id. One error per broken link,
/// located at the page (`file` = page path).
std::vector<Diagnostic> check_links(const std::map<std::string, std::string, std::less<>>& files);

}  // namespace katlas
