// Text folding for matching: case, accents and punctuation do not count.
#pragma once

#include <katlas/core_export.hpp>

#include <string>
#include <string_view>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Lowercases ASCII, maps common accented Latin letters to their base letter, and turns
/// every other non-alphanumeric character into a single space. "Mitragynine Pseudo-Indoxyl"
/// becomes "mitragynine pseudo indoxyl".
std::string fold(std::string_view text);

/// fold() without the spaces: "CYP 3A4" and "cyp3a4" both become "cyp3a4".
std::string fold_compact(std::string_view text);

/// `text` without the spaces, tabs and line breaks at either end.
std::string_view trim(std::string_view text);

/// The words of folded text.
std::vector<std::string> words(std::string_view folded);

/// A light English stem for matching ("stopping" -> "stop", "symptoms" -> "symptom").
std::string stem(std::string_view word);

/// True for short function words that carry no meaning in a search ("why", "does", "my").
bool is_stop_word(std::string_view word);

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
