// The parse cache: what each unchanged concept file gave the last time it was loaded, so a
// rebuild after an edit parses the edited file only.
#pragma once

#include "cache/binary.hpp"

#include <katlas/atlas.hpp>
#include <katlas/content.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace katlas::detail {

/// Concepts by the hash of their file's path and bytes, kept in `<dir>/concepts.bin`. Only
/// files that loaded without a single diagnostic are kept, so a cached file never hides a
/// problem. The file is read whole when it is valid (see cache::load_file) and ignored
/// otherwise: a damaged or foreign cache costs a full parse, never a wrong result.
class ParseCache {
 public:
  ParseCache(std::filesystem::path dir, std::string_view display_root);
  ParseCache(const ParseCache&) = delete;  // holds views into its own buffer
  ParseCache& operator=(const ParseCache&) = delete;

  /// The key of one content file.
  static cache::Hash key(const ContentFile& file);
  /// The concept this key gave last time; safe to call from many threads at once.
  std::optional<Concept> find(const cache::Hash& key) const;
  /// Keeps a concept for the next load: `bytes` as cache::write() wrote it (empty: the
  /// entry found under `key`). Call from one thread.
  void keep(const cache::Hash& key, std::string bytes);
  /// Writes the cache when it changed; the reason when it could not.
  Status save() const;
  const std::filesystem::path& file() const { return file_; }

 private:
  struct KeyHash {
    std::size_t operator()(const cache::Hash& h) const { return static_cast<std::size_t>(h.low); }
  };
  std::filesystem::path file_;
  std::string display_root_;
  std::string old_body_;  // the loaded file; old_ points into it
  std::unordered_map<cache::Hash, std::string_view, KeyHash> old_;
  std::vector<std::pair<cache::Hash, std::string>> kept_;  // empty bytes: same as in old_
  bool changed_ = false;
};

}  // namespace katlas::detail
