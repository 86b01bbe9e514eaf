/// @file site.hpp
/// @brief The reader's static site: render an Atlas to HTML pages through an output sink.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>
#include <katlas/diagnostic.hpp>
#include <katlas/urls.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// How the site is rendered.
struct SiteOptions {
  /// Absolute URL the site will be served from (for example `https://atlas.example.org/`), used in
  /// sitemap.xml and the JSON-LD `url`. Empty: the sitemap lists relative URLs.
  std::string base_url;
  /// The site's name, shown in the header and in every `<title>`. Empty (the default): the
  /// `title` of the content's `site.yaml`.
  std::string site_title{};
  /// The licence and attribution line in every page's footer. The default names the
  /// built-in content's licence; a site built from other content should say its own.
  std::string attribution =
      "Text: Kratom Atlas contributors, licensed under CC BY 4.0. You may share and adapt it if you give credit.";
  /// The day review dates are judged against (YYYY-MM-DD; `katlas build` gives today's):
  /// a page past its review date says so. Empty (the default): no page is judged, and
  /// the output does not depend on the day.
  std::string today{};
  /// Where the content's licence can be read (linked after `attribution`).
  std::string licence_url = "https://creativecommons.org/licenses/by/4.0/";
  /// Called now and then while pages are rendered, with the files done and the files in all,
  /// always on the thread that called render_site() (the CLI draws its progress line here).
  /// Empty: no calls.
  std::function<void(std::size_t done, std::size_t total)> progress{};
  /// A folder for the page cache (`pages.bin`, and `words.bin`: each concept's words in the
  /// search index), for incremental rebuilds into a sink that
  /// can reuse its previous files (DiskSink): a concept page whose inputs did not change
  /// since the last build with this folder is taken from the previous site instead of
  /// being rendered, and a file whose bytes did not change is kept rather than written
  /// again (it keeps its time stamp). The output is the same bytes either way. Empty (the
  /// default): every page is rendered and written. See docs/performance.md.
  std::filesystem::path cache_dir{};
};

/// One version of a file, told without reading it: the file system's device and inode
/// numbers, its size and its modification time. A rebuild takes a file it wrote before as it
/// is, unread, only when the stamp it recorded then is the file's stamp now (see
/// docs/performance.md for when a stamp is not trusted).
struct FileStamp {
  std::uint64_t device = 0;      ///< The file system's device number.
  std::uint64_t inode = 0;       ///< The file's inode number.
  std::uint64_t size = 0;        ///< Bytes.
  std::int64_t modified_ns = 0;  ///< Last modified, in nanoseconds since 1970 (UTC).
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
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
  /// The bytes of `path` in the output this sink replaces (the previous build), for
  /// incremental rebuilds; nothing when there is no such file. Safe to call from many threads.
  virtual std::optional<std::string> previous(std::string_view path) const {
    (void)path;
    return std::nullopt;
  }
  /// Stores `path` with the previous output's bytes without writing them again. False when
  /// it cannot; then the caller writes the bytes.
  virtual bool keep(std::string_view path) {
    (void)path;
    return false;
  }
  /// The stamp of `path` in the output this sink replaces (a regular file, not a link);
  /// nothing when there is none or the sink cannot tell. Safe to call from many threads.
  virtual std::optional<FileStamp> previous_stamp(std::string_view path) const {
    (void)path;
    return std::nullopt;
  }
  /// The stamp of `path` as this sink holds it after write() or keep(); nothing when it
  /// cannot tell.
  virtual std::optional<FileStamp> stamp(std::string_view path) const {
    (void)path;
    return std::nullopt;
  }
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
/// One writer at a time: from construction until it is destroyed, a DiskSink holds a lock
/// (flock) on the folder that holds `target`. Another DiskSink for a site in the same folder,
/// in this process or another, waits in its constructor until the lock is free, so builds
/// into one site take turns and each leaves a whole site. Do not keep two sinks for sites in
/// one folder alive on one thread: the second would wait for ever.
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
  /// Not copyable: one sink owns its staging folder.
  DiskSink(const DiskSink&) = delete;
  /// Not copyable: one sink owns its staging folder.
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
  /// The file at `path` in the site this sink replaces (a regular file, not a link).
  std::optional<std::string> previous(std::string_view path) const override;
  /// Hard-links the previous site's file into the staging folder: no bytes are written and
  /// the file keeps its time stamp. Thread-safe.
  bool keep(std::string_view path) override;
  /// The stamp of `path` in the site this sink replaces (a regular file, not a link).
  std::optional<FileStamp> previous_stamp(std::string_view path) const override;
  /// The stamp of `path` in the staging folder (a regular file, not a link).
  std::optional<FileStamp> stamp(std::string_view path) const override;

 private:
  /// Creates the folder that will hold `file` in the staging folder, once.
  void make_folder_for(const std::filesystem::path& file);
  std::filesystem::path target_;
  bool has_previous_ = false;  // target_ is a site a DiskSink wrote
  std::filesystem::path staging_;
  std::mutex folders_mutex_;
  std::set<std::filesystem::path> folders_;  // folders made in the staging folder so far
  bool committed_ = false;
  int lock_fd_ = -1;  // the locked folder that holds target_ (one writer at a time)
};

/// What render_site() did: the files it wrote and the problems it found.
struct SiteResult {
  std::vector<std::string> files;  ///< Paths written, sorted.
  /// With SiteOptions::cache_dir: the paths of `files` that are new or whose bytes changed
  /// since the previous build into the sink; the others were kept as they were. Without:
  /// every path of `files`.
  std::vector<std::string> changed;
  /// Files taken from the previous build, not rendered: each concept page whose inputs did not
  /// change, and each of the other files (index pages, assets, search index, sitemap) when
  /// nothing it is made from changed (an edit to a concept's details changes the search
  /// index's inputs, not the index pages').
  std::size_t pages_reused = 0;
  /// Of `pages_reused`, the files taken without reading them: their stamp in the previous
  /// output is the one recorded when they were last checked (see FileStamp).
  std::size_t files_unread = 0;
  Diagnostics diagnostics;  ///< Errors (such as a broken internal link) and warnings.
  /// A failure that is not the content's: the sink could not write, Graphviz could not start.
  Status status;
  /// True when there is no error and no failure; the caller must not commit otherwise.
  bool ok() const { return status.ok() && !diagnostics.has_errors(); }
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
/// options. Never throws: a failure of the sink or of a library it uses is SiteResult::status.
[[nodiscard]] SiteResult render_site(const Atlas& atlas, OutputSink& sink, const SiteOptions& options = {});

/// Checks that every internal `href`/`src` in the HTML and SVG files of `files` names a file
/// of `files` and, when it has a `#fragment`, an element with that id. One error per broken link,
/// located at the page (`file` = page path).
[[nodiscard]] Diagnostics check_links(const std::map<std::string, std::string, std::less<>>& files);

}  // namespace katlas

KATLAS_API_END
