// Markdown in `details` to safe HTML, with links at the first mention of a concept: used by
// the site's pages and by explanations' HTML fragments (katlas::to_html_fragment).
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/content.hpp>

#include "text/text_hash.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail::html {

/// Appends every piece (anything a std::string_view can view) to `out`, growing it at most once.
/// For the builders every page runs many times, where `a + b + c` would reallocate at each `+`.
template <class... Pieces>
void append(std::string& out, const Pieces&... pieces) {
  const std::string_view views[] = {std::string_view(pieces)...};
  std::size_t size = out.size();
  for (const std::string_view v : views) size += v.size();
  if (size > out.capacity()) out.reserve(std::max(size, 2 * out.capacity()));  // keep growth geometric
  for (const std::string_view v : views) out += v;
}

/// The pieces joined into a new string, allocated once: `concat("<p>", text, "</p>")`.
template <class... Pieces>
std::string concat(const Pieces&... pieces) {
  std::string out;
  append(out, pieces...);
  return out;
}

/// Concept titles to link at their first mention in running text, indexed once per site
/// by lowercased title, so that finding a mention costs the same at 100 or 100,000 concepts.
class MentionIndex {
 public:
  /// Names shorter than this are not linked: "MOR" or "pain" would link too often.
  static constexpr std::size_t min_size = 4;
  /// Indexes the titles of `concepts`, and each alias that belongs to one concept only and is
  /// no concept's title, when at least `min_size` bytes long.
  explicit MentionIndex(const std::vector<const Concept*>& concepts);
  MentionIndex() = default;

  /// A mention: where it starts in the text, how long it is and the concept it names.
  struct Mention {
    std::size_t at = 0, size = 0;
    const Concept* entry = nullptr;
  };
  /// The earliest whole-word, ASCII-case-insensitive mention in `text` of a concept not in
  /// `skip`; at one position the longest name wins, then the smallest id.
  std::optional<Mention> first(std::string_view text, const std::set<const Concept*>& skip) const;
  bool empty() const { return by_text_.empty(); }

 private:
  TextMap<std::vector<const Concept*>> by_text_;  // lowercased title or alias -> concepts, by id
  // A title that starts with a word can only match where the text has that same word, so
  // candidates are found by the text's word: lowercased first word -> title sizes, longest first.
  TextMap<std::vector<std::size_t>> sizes_by_first_word_;
  std::vector<std::size_t> other_sizes_;  // sizes of titles that start with a non-word character
};

/// Markdown (CommonMark, raw HTML refused) to safe HTML. Links keep only allowed URLs; the
/// first mention of another concept's title becomes a link when `mentions` is given.
std::string markdown(std::string_view text, std::string_view root, const MentionIndex* mentions = nullptr,
                     const Concept* self = nullptr);

}  // namespace katlas::detail::html

KATLAS_CORE_INTERNAL_END
