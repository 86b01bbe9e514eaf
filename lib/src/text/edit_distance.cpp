// Typo distance for "did you mean" hints.
#include "text/edit_distance.hpp"

#include <algorithm>
#include <numeric>

namespace katlas::detail {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {

/// edit_distance() when it is at most `limit`, else `limit + 1`, found without filling the
/// whole table: a length gap beyond the limit answers at once, and the rows stop as soon as
/// none of their cells can come back under it.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_best = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_best = std::min(row_best, cur[j]);
    }
    // A cell is never less than the best of the row above it, less one for a transposition
    // two rows up: two rows over the limit end the search.
    if (row_best > limit && i > 1 && *std::min_element(prev.begin(), prev.end()) > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

}  // namespace

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit) {
  if (word.empty()) return {};
  const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (const std::string& candidate : candidates) {
    std::size_t d = edit_distance_within(word, candidate, allowed);
    // A candidate that contains the word ("cyp" in "cyp3a4") is a good suggestion too.
    if (word.size() >= 3 && candidate.find(word) != std::string::npos) d = std::min(d, allowed);
    if (d <= allowed && d < std::max(word.size(), candidate.size())) scored.emplace_back(d, candidate);
  }
  std::sort(scored.begin(), scored.end());
  scored.erase(
      std::unique(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.second == y.second; }),
      scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.emplace_back(scored[i].second);
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string> best = closest(word, candidates, 2);
  if (best.empty()) return {};
  std::string out = "did you mean '" + best[0] + "'";
  if (best.size() > 1) out += " or '" + best[1] + "'";
  return out + "?";
}

}  // namespace katlas::detail
