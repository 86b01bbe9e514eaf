// English syllable counting by rule (vowel groups, silent endings, suffixes) with a table of irregular words.
#include <katlas/readability.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace katlas {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool ends_with(std::string_view word, std::string_view tail) { return word.ends_with(tail); }

// Words the rules get wrong; each count checked by hand against a dictionary.
constexpr std::array<std::pair<std::string_view, std::size_t>, 23> irregular{{
    {"aches", 1},    {"ancient", 2},    {"area", 3},    {"being", 2},    {"client", 2},    {"clients", 2},
    {"create", 2},   {"created", 3},    {"creates", 2}, {"creating", 3}, {"diarrhoea", 4}, {"every", 2},
    {"everyone", 3}, {"everything", 3}, {"idea", 3},    {"ideas", 3},    {"naive", 2},     {"react", 2},
    {"recipe", 3},   {"rhythm", 2},     {"science", 2}, {"simile", 3},   {"poem", 2},
}};

// Stems that end in a silent e and start compounds or take a consonant suffix ("sometimes", "safely").
constexpr std::array<std::string_view, 20> silent_e_stems{"some",  "care", "home", "life", "time",  "safe", "where",
                                                          "there", "name", "hope", "like", "make",  "take", "more",
                                                          "sure",  "base", "side", "late", "whole", "use"};
constexpr std::array<std::string_view, 5> consonant_suffixes{"ment", "ness", "less", "ful", "ly"};

std::size_t vowel_groups(std::string_view w) {
  std::size_t groups = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    // "qu" and "gu" before a vowel: the u is heard as a consonant ("queue", "guide").
    const bool glide =
        w[i] == 'u' && i > 0 && (w[i - 1] == 'q' || w[i - 1] == 'g') && i + 1 < w.size() && is_vowel(w[i + 1]);
    const bool vowel = is_vowel(w[i]) && !glide && !(w[i] == 'y' && i == 0);  // initial y: "yes", "you"
    if (vowel && !in_group) ++groups;
    in_group = vowel;
  }
  return groups;
}

// Vowel pairs heard as two syllables ("li-on", "o-pi-oid", "u-su-al", "anx-i-e-ty"), except after
// t, c, s, g or x, where they make one sound ("-tion", "-cian", "-sion", "-gious").
std::size_t split_pairs(std::string_view w) {
  std::size_t extra = 0;
  for (std::size_t i = 1; i + 1 < w.size(); ++i) {
    const char before = w[i - 1], next = w[i + 1];
    const bool after_glide = before == 'q' || before == 'g';
    if (w[i] == 'u' && next == 'a' && !after_glide) ++extra;
    if (w[i] != 'i') continue;
    const bool palatal = before == 't' || before == 'c' || before == 's' || before == 'g' || before == 'x';
    if ((next == 'a' || next == 'o' || next == 'u') && !palatal) ++extra;
    if (next == 'e' && i + 2 < w.size() && w[i + 2] == 't') ++extra;  // "di-et", "qui-et", "anx-i-e-ty"
  }
  if (ends_with(w, "ism")) ++extra;
  return extra;
}

std::size_t count_rules(std::string_view w) {
  std::size_t n = vowel_groups(w);
  if (n == 0) return w.empty() ? 0 : 1;
  n += split_pairs(w);
  const std::size_t len = w.size();
  const auto consonant_at = [&](std::size_t from_end) { return len > from_end && !is_vowel(w[len - 1 - from_end]); };
  if (len > 2 && w.back() == 'e' && n > 1) {
    const bool syllabic_le = ends_with(w, "le") && consonant_at(2);
    if (!syllabic_le && w[len - 2] != 'e') --n;
  } else if (ends_with(w, "es") && n > 1 && len > 3) {
    const std::string_view stem = w.substr(0, len - 2);
    const bool sounded = stem.ends_with("s") || stem.ends_with("x") || stem.ends_with("z") || stem.ends_with("ch") ||
                         stem.ends_with("sh") || stem.ends_with("c") || stem.ends_with("g");
    if (!sounded && consonant_at(2) && !stem.ends_with("l"))
      --n;
    else if (!sounded && stem.ends_with("l") && !consonant_at(3))
      --n;  // "miles", but not "tables"
  } else if (ends_with(w, "ed") && n > 1 && len > 3 && w[len - 3] != 't' && w[len - 3] != 'd') {
    --n;
  }
  if (ends_with(w, "ing") && len > 4 && is_vowel(w[len - 4]) && w[len - 4] != 'e') ++n;  // "do-ing", "play-ing"
  if (ends_with(w, "eing")) ++n;                                                         // "be-ing", "see-ing"
  return n;
}

std::size_t count_lower(std::string_view w);

// A known silent-e stem joined to a consonant suffix or to another word counts as its parts.
std::size_t count_compound(std::string_view w) {
  for (std::string_view suffix : consonant_suffixes)
    if (w.size() > suffix.size() + 3 && w.ends_with(suffix)) {
      const std::string_view stem = w.substr(0, w.size() - suffix.size());
      if (stem.back() == 'e' && !is_vowel(stem[stem.size() - 2])) return count_lower(stem) + 1;
    }
  for (std::string_view stem : silent_e_stems)
    if (w.size() >= stem.size() + 3 && w.starts_with(stem) && !is_vowel(w[stem.size()]))
      return 1 + count_lower(w.substr(stem.size()));
  return 0;
}

std::size_t count_lower(std::string_view w) {
  const auto it = std::find_if(irregular.begin(), irregular.end(), [&](const auto& p) { return p.first == w; });
  if (it != irregular.end()) return it->second;
  if (const std::size_t parts = count_compound(w)) return parts;
  return count_rules(w);
}

}  // namespace

std::size_t count_syllables(std::string_view word) {
  // Hyphenated words and words with digits ("7-OH", "CYP3A4") count as the sum of their parts;
  // a digit counts one syllable.
  std::size_t total = 0;
  std::string run;
  const auto flush = [&] {
    total += count_lower(run);
    run.clear();
  };
  for (char c : word) {
    if (c >= 'A' && c <= 'Z')
      run += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z')
      run += c;
    else if (c == '\'')
      continue;  // "don't" is one word
    else {
      flush();
      if (c >= '0' && c <= '9') ++total;
    }
  }
  flush();
  return total;
}

}  // namespace katlas
