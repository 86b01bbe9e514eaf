// Edit distance and "did you mean" suggestions for misspelled ids and keys.
#pragma once

#include <katlas/core_export.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates closest to `word`, best first (ties by name), at most `limit`, only those
/// close enough to be a plausible typo or a name that contains the word.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

/// `did you mean 'x'?` or `did you mean 'x' or 'y'?`, or an empty string when there is nothing close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// Candidates prepared once for many questions (thousands of broken links into one list of
/// ids): each one's characters are counted, so that most candidates are ruled out by comparing
/// counts, without an edit distance. Gives what closest() and did_you_mean() give.
class CandidateSet {
 public:
  /// Keeps a reference: `candidates` must outlive the set.
  explicit CandidateSet(const std::vector<std::string>& candidates);
  std::vector<std::string> closest(std::string_view word, std::size_t limit = 3) const;
  std::string did_you_mean(std::string_view word) const;

  /// How often each character occurs, by its low five bits: characters that share a bucket
  /// only make the bound below smaller, never wrong.
  using Counts = std::array<std::uint8_t, 32>;

 private:
  const std::vector<std::string>* candidates_;
  std::vector<Counts> counts_;
};

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
