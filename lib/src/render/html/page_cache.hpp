// Incremental rebuilds: what each page was rendered from, so an unchanged page is taken
// from the previous build instead of being rendered and written again.
#pragma once

#include "cache/binary.hpp"

#include <katlas/atlas.hpp>
#include <katlas/site.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace katlas::detail::html {

/// The fingerprint of everything a concept's page is rendered from: the concept itself,
/// every concept it links with (either way), and what any page may show of any concept
/// (titles, aliases, summaries, kinds, evidence), the vocabularies, the sources, the site
/// options and the code that runs (cache::build_id()). Two pages with one fingerprint are the
/// same bytes.
class PageInputs {
 public:
  PageInputs(const Atlas& atlas, const SiteOptions& options);
  /// Safe to call from many threads at once.
  cache::Hash of(const Concept& entry) const;

 private:
  const Atlas& atlas_;
  std::string today_;   // review dates are judged against it
  cache::Hash shared_;  // what every page may show
  cache::Hash all_;     // every concept whole: the tolerance page draws a cycle through many
  std::unordered_map<const Concept*, cache::Hash> own_;
};

/// What one build wrote, kept in `<dir>/pages.bin`: per file, the fingerprint of its inputs
/// (concept pages; zero for the rest) and the hash of its bytes. A page is reused only when
/// both its fingerprint and the previous file's bytes match, so a damaged cache or a
/// hand-edited site costs a render, never a stale page.
class PageCache {
 public:
  struct Entry {
    cache::Hash inputs, bytes;
  };
  explicit PageCache(std::filesystem::path dir);
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  const Entry* find(std::string_view path) const;
  /// Records a file of this build (one thread at a time).
  void record(std::string path, Entry entry) { next_.emplace_back(std::move(path), entry); }
  /// Writes this build's records; the reason when it could not.
  std::optional<std::string> save() const;
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::unordered_map<std::string, Entry> previous_;
  std::vector<std::pair<std::string, Entry>> next_;
};

}  // namespace katlas::detail::html
