// Incremental rebuilds: what each page was rendered from, so an unchanged page is taken
// from the previous build instead of being rendered and written again.
#pragma once

#include "atlas/read_log.hpp"
#include "atlas/search_index.hpp"
#include "cache/binary.hpp"
#include "render/html/link_check.hpp"

#include <katlas/atlas.hpp>
#include <katlas/site.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace katlas::detail::html {

/// What a concept's page read while it was rendered (see atlas/read_log.hpp), by id, sorted
/// and without repeats: what the page cache keeps so that the next build can check the page
/// against its own content without rendering it.
struct PageReads {
  IdSet concepts, links_of, reviewed;
  bool all = false, names = false;
  static PageReads of(const ReadLog& log);
};

/// Fingerprints of what pages read. What every page reads (the vocabularies, the sources,
/// `site.yaml`, the site options and the code that runs, cache::build_id()) is in every
/// fingerprint; the rest comes from the page's own PageReads, measured against this build's
/// content: a concept read is hashed whole, a list of links by what it links. Nothing here
/// lists which fields a concept page shows, so a renderer that starts to read something new
/// cannot leave a stale page behind. Two pages with one fingerprint are the same bytes. The
/// one list is listed(), for the index pages: the details are all they leave out, and
/// tests/incremental_test.cpp fails when one of those pages starts to show them.
class PageInputs {
 public:
  PageInputs(const Atlas& atlas, const SiteOptions& options);
  /// Safe to call from many threads at once.
  cache::Hash of(const PageReads& reads) const;
  /// The fingerprint of everything a page can read: what every page reads, every concept
  /// whole, and which concepts are past their review date on the build's day. What the
  /// search index is made from (it holds every word of every concept).
  cache::Hash everything() const;
  /// The fingerprint of what lists of concepts show (the index pages, the sitemap): what every
  /// page reads, every concept but its details and its positions in its file
  /// (cache::ConceptPart::listed), and which concepts are past their review date. An edit to
  /// a concept's details changes everything() but not this.
  cache::Hash listed() const;

 private:
  cache::Hash shared_;         // what every page reads
  cache::Hash all_;            // every concept whole
  cache::Hash listed_;         // every concept as lists show it
  std::vector<bool> overdue_;  // by concept, in content order: past its review date
  cache::Hash names_;          // every concept's id, title and aliases
  /// What a page can read of one concept.
  struct Known {
    cache::Hash whole;     ///< the hash of its bytes
    cache::Hash links;     ///< the hash of which links it has (type, other concept, direction)
    bool overdue = false;  ///< whether it is past its review date on the build's day
  };
  std::unordered_map<std::string_view, Known> known_;  // concept id -> what a page can read of it
};

/// What the page cache keeps of a page's link scan (LinkChecker::fragment_links()), as bytes,
/// and back (nothing when the bytes are not such a list).
std::string encode_links(const LinkChecker::PageLinks& links);
std::optional<std::vector<std::string>> decode_links(std::string_view bytes);

/// What one build wrote, kept in `<dir>/pages.bin`: per file, the fingerprint of what it was
/// made from, what it read (concept pages; nothing for the rest), the hash of its bytes, its stamp in
/// the site and its link scan. A page is reused only when both its fingerprint and the
/// previous file's bytes match, so a damaged cache or a hand-edited site costs a render, never
/// a stale page. The bytes are known to match either by reading and hashing the file, or,
/// without reading it, when its stamp is the one recorded (see trusted()).
class PageCache {
 public:
  /// What one build recorded of one file it wrote.
  struct Entry {
    cache::Hash inputs, bytes;       ///< The fingerprint of what it was made from; the hash of its bytes.
    PageReads reads;                 ///< What it read (concept pages).
    std::optional<FileStamp> stamp;  ///< The file in the site, when the sink could tell.
    std::int64_t stamped_ns = 0;     ///< When that stamp was taken (at most: taken before the look).
    std::string links;               ///< What its link scan left to check (encode_links()); empty: not kept.
  };
  explicit PageCache(std::filesystem::path dir);
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  /// What the previous build recorded of its file at `path`; nothing when it recorded none.
  const Entry* find(std::string_view path) const;
  /// The hash of every path of the previous build's site (paths_hash()): a link scan depends
  /// on which files the site has, so a recorded scan counts only when this is unchanged.
  const cache::Hash& previous_paths() const { return previous_paths_; }
  /// Whether `known`'s file still has the bytes recorded, told by its stamp `now` alone: the
  /// same device, inode, size and modification time, and that time at least two seconds
  /// before the stamp was taken. A file changed within the same tick of the clock as the
  /// write before it can keep its time stamp; two seconds also cover file systems that keep
  /// times to the second or two.
  static bool trusted(const Entry& known, const std::optional<FileStamp>& now);
  /// Records a file of this build (one thread at a time).
  void record(std::string path, Entry entry) { next_.emplace_back(std::move(path), std::move(entry)); }
  /// Records the hash of every path of this build's site.
  void record_paths(const cache::Hash& paths) { next_paths_ = paths; }
  /// Takes the stamp, in `sink`, of every recorded file that has none yet (the files written
  /// by this build), once they are all written.
  void stamp_written(const OutputSink& sink);
  /// Writes this build's records, by path.
  Status save() const;
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::unordered_map<std::string, Entry> previous_;
  cache::Hash previous_paths_;
  std::vector<std::pair<std::string, Entry>> next_;
  cache::Hash next_paths_;
};

/// Each concept's words in the site's search index (WordList), from the previous build, in
/// `<dir>/words.bin`: keyed by a hash of the fields they come from (title, aliases, search
/// phrases, summary, details), so a rebuild gathers the words of changed concepts only. The
/// cache file names the code that wrote it (cache::build_id()), so a change to how words are
/// folded or stemmed leaves it unused.
class WordsCache {
 public:
  using Numbered = std::vector<std::pair<std::uint32_t, float>>;  ///< word number, weight
  /// Reads the previous build's file; an unreadable or damaged one counts as none.
  explicit WordsCache(std::filesystem::path dir);
  WordsCache(const WordsCache&) = delete;
  WordsCache& operator=(const WordsCache&) = delete;
  /// The key of a concept's words.
  static cache::Hash key(const Concept& c);
  /// The previous build's words, numbered as its entries number them.
  const std::vector<std::string>& words() const { return words_; }
  /// The previous build's words of a concept with this key, by number; nothing when it had none.
  const Numbered* find(const cache::Hash& key) const;
  /// Records a concept of this build (one thread at a time), its words numbered as `list` numbers them.
  void record(const cache::Hash& key, Numbered words) { next_.emplace_back(key, std::move(words)); }
  /// Writes this build's records, with the words of `list` they use, then lets go of all the
  /// cache holds (at 10,000 concepts, megabytes the search index's text is written without).
  Status save(const WordList& list);

 private:
  struct KeyHash {
    std::size_t operator()(const cache::Hash& h) const { return static_cast<std::size_t>(h.low); }
  };
  std::filesystem::path file_;
  std::vector<std::string> words_;
  std::unordered_map<cache::Hash, Numbered, KeyHash> previous_;
  std::vector<std::pair<cache::Hash, Numbered>> next_;
};

/// The time now, as file stamps count it (nanoseconds since 1970, UTC).
std::int64_t now_ns();

/// The hash of a site's paths, in order.
cache::Hash paths_hash(const std::vector<std::string_view>& sorted_paths);

}  // namespace katlas::detail::html
