// Hash containers keyed by std::string that are looked up by std::string_view, without
// making a string for each lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace katlas::detail {

/// Hashes a text the same way as a std::string or a std::string_view (transparent lookup).
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// A map from texts, looked up by std::string_view.
template <class Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

/// A set of texts, looked up by std::string_view.
using TextSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

}  // namespace katlas::detail
