// Edit distance and "did you mean" suggestions for misspelled ids and keys.
#pragma once

#include <katlas/core_export.hpp>

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

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
