// A small sorted set of ids kept as one block of text: the element ids of a page for the link
// check, and the concept ids a page read for the page cache.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail::html {

/// Ids, sorted and each once, in one block of text. Builds keep one of these for every page
/// until they end, so it is kept small: a set or vector of strings costs 60-80 bytes an id.
class IdSet {
 public:
  IdSet() = default;
  /// Keeps each of `ids` once (the views need to live only through the call).
  explicit IdSet(std::vector<std::string_view> ids);
  explicit IdSet(const std::vector<std::string>& ids) : IdSet(std::vector<std::string_view>(ids.begin(), ids.end())) {}
  /// Whether `id` is one of the ids.
  [[nodiscard]] bool contains(std::string_view id) const;
  [[nodiscard]] std::size_t size() const { return ends_.size(); }
  /// Calls `f(id)` for each id, in sorted order.
  template <class F>
  void each(F&& f) const {
    for (std::size_t i = 0; i < ends_.size(); ++i) f(at(i));
  }
  friend bool operator==(const IdSet&, const IdSet&) = default;

 private:
  [[nodiscard]] std::string_view at(std::size_t i) const {
    const std::size_t start = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(start, ends_[i] - start);
  }
  std::string text_;               // the ids, sorted, one after another
  std::vector<std::size_t> ends_;  // where each id ends in text_
};

}  // namespace katlas::detail::html
