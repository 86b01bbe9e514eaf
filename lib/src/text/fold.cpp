// Case and accent folding, word splitting and a light stemmer used by search and lookup.
#include "text/fold.hpp"

#include <algorithm>
#include <array>

namespace katlas::detail {
namespace {

// Base letters for U+00C0..U+00FF; '\0' where the code point is not a letter we fold.
constexpr std::string_view latin1_base =
    "aaaaaaaceeeeiiii"    // C0-CF
    "dnooooo\0ouuuuyts"   // D0-DF (D7 multiplication sign, DE thorn -> t, DF sharp s -> s)
    "aaaaaaaceeeeiiii"    // E0-EF
    "dnooooo\0ouuuuyty";  // F0-FF

// Decodes one UTF-8 code point at `pos`, advancing it; returns U+FFFD for malformed input.
char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || pos + extra >= s.size() + (extra == 0 ? 1 : 0)) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

char base_letter(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
    return '\0';
  }
  if (cp >= 0xC0 && cp <= 0xFF) return latin1_base[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs letters in upper/lower order; this table gives each pair's base.
    static constexpr std::string_view ext_a =
        "aaaaaaccccccccdddd"
        "eeeeeeeeee"
        "gggggggg"
        "hhhh"
        "iiiiiiiiii"
        "jj"
        "jj"
        "kkk"
        "llllllllll"
        "nnnnnnnnn"
        "oooooo"
        "oo"
        "rrrrrr"
        "ssssssss"
        "tttttt"
        "uuuuuuuuuuuu"
        "ww"
        "yyy"
        "zzzzzz"
        "s";
    const std::size_t i = cp - 0x100;
    return i < ext_a.size() ? ext_a[i] : '\0';
  }
  return '\0';
}

// Greek letters that name receptors and subunits, spelled out: "μ-opioid" finds "mu-opioid",
// and "κ-opioid" is not "δ-opioid" with the letter dropped. The micro sign counts as mu.
std::string_view greek_name(char32_t cp) {
  switch (cp) {
    case 0x3B1:
    case 0x391: return "alpha";
    case 0x3B2:
    case 0x392: return "beta";
    case 0x3B3:
    case 0x393: return "gamma";
    case 0x3B4:
    case 0x394: return "delta";
    case 0x3BA:
    case 0x39A: return "kappa";
    case 0x3BC:
    case 0x39C:
    case 0xB5: return "mu";
    default: return {};
  }
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (const auto byte = static_cast<unsigned char>(text[pos]); byte < 0x80) {  // ASCII: most text
      ++pos;
      const char c = base_letter(byte);
      if (c == '\0') {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
      continue;
    }
    const char32_t cp = next_code_point(text, pos);
    const std::string_view greek = greek_name(cp);
    const char c = greek.empty() ? base_letter(cp) : greek.front();
    if (c == '\0') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (!greek.empty()) {
      out += greek;
      continue;
    }
    out.push_back(c);
    if (cp == 0xDF) out.push_back('s');
  }
  return out;
}

std::string fold_compact(std::string_view text) {
  std::string out = fold(text);
  std::erase(out, ' ');
  return out;
}

std::vector<std::string> words(std::string_view folded) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) out.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string stem(std::string_view word) {
  static constexpr std::array<std::string_view, 6> suffixes = {"ing", "ies", "ed", "es", "ly", "s"};
  for (std::string_view suffix : suffixes) {
    if (word.size() >= suffix.size() + 3 && word.ends_with(suffix)) {
      std::string out(word.substr(0, word.size() - suffix.size()));
      if (suffix == "ies") out += 'y';
      // "stopping" -> "stopp" -> "stop": undo the doubled consonant.
      if (suffix == "ing" || suffix == "ed") {
        if (out.size() >= 2 && out.back() == out[out.size() - 2] && out.back() != 's' && out.back() != 'l')
          out.pop_back();
      }
      if (suffix == "s" && (out.ends_with("s") || out.ends_with("u"))) return std::string(word);  // "cross", "status"
      return out;
    }
  }
  return std::string(word);
}

bool is_stop_word(std::string_view word) {
  // Sorted, for a binary search; none is longer than 6 letters.
  static constexpr std::array<std::string_view, 40> stop = {
      "a",    "about", "an",    "and",  "are", "as",   "at",   "be",  "by",   "can",  "do",  "does", "for",    "from",
      "how",  "i",     "if",    "in",   "is",  "it",   "its",  "me",  "my",   "of",   "on",  "or",   "should", "so",
      "that", "the",   "there", "this", "to",  "what", "when", "why", "will", "with", "you", "your"};
  static_assert(std::is_sorted(stop.begin(), stop.end()));
  return word.size() <= 6 && std::binary_search(stop.begin(), stop.end(), word);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace katlas::detail
