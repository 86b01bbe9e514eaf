// A small sorted set of ids kept as one block of text.
#include "render/html/id_set.hpp"

#include <algorithm>

namespace katlas::detail::html {

IdSet::IdSet(std::vector<std::string_view> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::size_t size = 0;
  for (const std::string_view id : ids) size += id.size();
  text_.reserve(size);
  ends_.reserve(ids.size());
  for (const std::string_view id : ids) ends_.push_back(text_.append(id).size());
}

bool IdSet::contains(std::string_view id) const {
  std::size_t low = 0, high = ends_.size();
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    const int order = at(mid).compare(id);
    if (order == 0) return true;
    if (order < 0)
      low = mid + 1;
    else
      high = mid;
  }
  return false;
}

}  // namespace katlas::detail::html
