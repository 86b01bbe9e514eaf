// Sentences, words and the Flesch formulas over plain text.
#include <katlas/readability.hpp>

#include "text/fold.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace katlas {
namespace {

bool is_word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Abbreviations whose period does not end a sentence (compared in lowercase, without the period).
constexpr std::array<std::string_view, 9> abbreviations{"e.g", "i.e", "dr", "mr", "mrs", "ms", "vs", "etc", "approx"};

bool ends_abbreviation(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) --start;
  std::string word(text.substr(start, dot - start));
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end();
}

bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  const bool at_end = i + 1 == text.size();
  const bool before_space = !at_end && std::isspace(static_cast<unsigned char>(text[i + 1]));
  const bool before_quote = !at_end && (text[i + 1] == '"' || text[i + 1] == ')');
  if (!at_end && !before_space && !before_quote) return false;  // "1.5", "e.g.x"
  return c != '.' || !ends_abbreviation(text, i);
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!ends_sentence(text, i)) continue;
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == ')')) ++end;
    std::string sentence(detail::trim(text.substr(start, end - start)));
    if (!split_words(sentence).empty()) out.push_back(std::move(sentence));
    start = end;
    i = end - 1;
  }
  std::string rest(detail::trim(text.substr(std::min(start, text.size()))));
  if (!split_words(rest).empty()) out.push_back(std::move(rest));
  return out;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    const bool inner = (c == '-' || c == '\'' || c == '.') && !word.empty() && i + 1 < text.size() &&
                       std::isalnum(static_cast<unsigned char>(text[i + 1]));
    if (is_word_char(c) || inner) {
      word += static_cast<char>(c);
      continue;
    }
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  }
  return out;
}

double flesch_kincaid_grade(double words, double sentences, double syllables) {
  if (words <= 0 || sentences <= 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

double flesch_reading_ease(double words, double sentences, double syllables) {
  if (words <= 0 || sentences <= 0) return 0;
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

ReadabilityStats measure_readability(std::string_view text) {
  ReadabilityStats stats;
  for (const std::string& sentence : split_sentences(text)) {
    const std::vector<std::string> words = split_words(sentence);
    ++stats.sentences;
    stats.words += words.size();
    stats.longest_sentence_words = std::max(stats.longest_sentence_words, words.size());
    for (const std::string& word : words) stats.syllables += count_syllables(word);
  }
  if (stats.words == 0) return stats;
  const auto w = static_cast<double>(stats.words), s = static_cast<double>(stats.sentences),
             y = static_cast<double>(stats.syllables);
  stats.words_per_sentence = w / s;
  stats.syllables_per_word = y / w;
  stats.grade = flesch_kincaid_grade(w, s, y);
  stats.reading_ease = flesch_reading_ease(w, s, y);
  return stats;
}

std::vector<std::string> find_terms(std::string_view text, const std::vector<std::string>& terms) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto boundary = [&](std::size_t i) { return i >= lower.size() || !is_word_char(lower[i]); };
  std::vector<std::string> found;
  for (const std::string& term : terms) {
    std::string needle(term);
    std::transform(needle.begin(), needle.end(), needle.begin(), [](unsigned char c) { return std::tolower(c); });
    if (needle.empty() || std::find(found.begin(), found.end(), term) != found.end()) continue;
    for (std::size_t at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) {
      if (at > 0 && is_word_char(lower[at - 1])) continue;
      std::size_t end = at + needle.size();
      if (!boundary(end) && lower[end] == 's')
        ++end;
      else if (!boundary(end) && lower.compare(end, 2, "es") == 0)
        end += 2;
      if (boundary(end)) {
        found.push_back(term);
        break;
      }
    }
  }
  return found;
}

}  // namespace katlas
