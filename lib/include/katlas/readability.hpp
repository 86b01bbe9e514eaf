/// @file readability.hpp
/// @brief Plain-language measures: syllables, sentences, Flesch–Kincaid grade, Flesch reading ease.
#pragma once

#include <katlas/core_export.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// Counts and scores of one text, from the published Flesch formulas.
///
/// Words are runs of letters, digits, apostrophes and inner hyphens ("7-OH" is one word);
/// a digit counts one syllable. Sentences end at `.`, `!` or `?` followed by a space or the
/// end of the text, except after common abbreviations ("e.g.", "Dr.") and inside numbers
/// ("1.5"); a line break also ends a sentence. Text after the last mark is a sentence too.
struct ReadabilityStats {
  std::size_t sentences = 0;               ///< Sentences counted.
  std::size_t words = 0;                   ///< Words counted.
  std::size_t syllables = 0;               ///< Syllables over all words.
  std::size_t longest_sentence_words = 0;  ///< Words in the longest sentence.
  double words_per_sentence = 0;           ///< Average sentence length.
  double syllables_per_word = 0;           ///< Average word length in syllables.
  double grade = 0;                        ///< Flesch–Kincaid grade level (US school grade).
  double reading_ease = 0;                 ///< Flesch reading ease, 0–100 (higher is easier).
};

/// Syllables in one English word, by rules for vowel groups, silent endings and common
/// suffixes, plus a short table of irregular words. Parts split by hyphens or digits are
/// counted separately and summed; each digit counts one syllable ("7-OH" is 2). A word with
/// letters has at least one syllable. Example: `count_syllables("tolerance") == 3`.
std::size_t count_syllables(std::string_view word);

/// The sentences of a text, trimmed, in order (see ReadabilityStats for the rules).
std::vector<std::string> split_sentences(std::string_view text);

/// The words of a text, in order (see ReadabilityStats for what a word is).
std::vector<std::string> split_words(std::string_view text);

/// Flesch–Kincaid grade: 0.39·words/sentences + 11.8·syllables/words − 15.59.
/// Returns 0 when `words` or `sentences` is 0.
double flesch_kincaid_grade(double words, double sentences, double syllables);

/// Flesch reading ease: 206.835 − 1.015·words/sentences − 84.6·syllables/words.
/// Returns 0 when `words` or `sentences` is 0.
double flesch_reading_ease(double words, double sentences, double syllables);

/// Counts and scores for a text. An empty text gives all zeros.
ReadabilityStats measure_readability(std::string_view text);

/// The entries of `terms` that occur in `text` as whole words, case-insensitively, also
/// with a plural `s`/`es` ("opioids" matches "opioid"); in the order of `terms`, each once.
std::vector<std::string> find_terms(std::string_view text, const std::vector<std::string>& terms);

}  // namespace katlas

KATLAS_API_END
