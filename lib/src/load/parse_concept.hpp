// Parsing one concept file (concepts/<kind>/<id>.yaml), through the parse cache when there is one.
#pragma once

#include "load/parse_cache.hpp"

#include <katlas/atlas.hpp>
#include <katlas/content.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace katlas::detail {

/// What one concept file gave: the concept (when it has an id) and its own diagnostics.
struct ParsedConcept {
  std::optional<Concept> entry;
  Diagnostics diagnostics;
  bool unreadable = false;  ///< Not valid YAML (or failed the prescan).
  cache::Hash key;          ///< The file's parse-cache key (with a cache only).
  bool cached = false;      ///< Taken from the cache rather than parsed.
  std::string cache_bytes;  ///< The entry as the cache stores it, when parsed clean now.
};

/// Parses one concept file, or takes it from `cache` when the cache knows its bytes; a file
/// parsed clean now is made ready for the cache (ParsedConcept::cache_bytes).
ParsedConcept parse_concept_file(const ContentFile& file, std::string_view display_root, const ParseCache* cache);

}  // namespace katlas::detail
