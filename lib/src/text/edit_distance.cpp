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
/// none of their cells can come back under it. The rows live in buffers kept per thread.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  thread_local std::vector<std::size_t> prev2, prev, cur;
  prev2.assign(m + 1, 0);
  prev.resize(m + 1);
  cur.assign(m + 1, 0);
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

CandidateSet::Counts count(std::string_view text) {
  CandidateSet::Counts counts{};
  for (const char c : text) {
    std::uint8_t& n = counts[static_cast<unsigned char>(c) & 31u];
    if (n < 255) ++n;
  }
  return counts;
}

}  // namespace

CandidateSet::CandidateSet(const std::vector<std::string>& candidates) : candidates_(&candidates) {
  counts_.reserve(candidates.size());
  for (const std::string& candidate : candidates) counts_.push_back(count(candidate));
}

std::vector<std::string> CandidateSet::closest(std::string_view word, std::size_t limit) const {
  if (word.empty()) return {};
  const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
  const Counts mine = count(word);
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (std::size_t k = 0; k < candidates_->size(); ++k) {
    const std::string& candidate = (*candidates_)[k];
    // Each edit changes the counts by at most two (a substitution: one out, one in), so half
    // their difference is a lower bound of the distance. A word the candidate contains has no
    // count above the candidate's.
    unsigned difference = 0;
    bool fits_inside = candidate.size() >= word.size();
    for (std::size_t b = 0; b < mine.size(); ++b) {
      const int d = int{mine[b]} - int{counts_[k][b]};
      difference += static_cast<unsigned>(d < 0 ? -d : d);
      fits_inside &= d <= 0;
    }
    const bool contains = word.size() >= 3 && fits_inside && candidate.find(word) != std::string::npos;
    std::size_t d = (difference + 1) / 2 > allowed ? allowed + 1 : edit_distance_within(word, candidate, allowed);
    // A candidate that contains the word ("cyp" in "cyp3a4") is a good suggestion too.
    if (contains) d = std::min(d, allowed);
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

std::string CandidateSet::did_you_mean(std::string_view word) const {
  const std::vector<std::string> best = closest(word, 2);
  if (best.empty()) return {};
  std::string out = "did you mean '" + best[0] + "'";
  if (best.size() > 1) out += " or '" + best[1] + "'";
  return out + "?";
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit) {
  return CandidateSet(candidates).closest(word, limit);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  return CandidateSet(candidates).did_you_mean(word);
}

}  // namespace katlas::detail
