// Byte-level checks that keep hostile files away from yaml-cpp's recursive parser.
#include "load/prescan.hpp"

namespace katlas::detail {
namespace {

// Length of the valid UTF-8 sequence at `pos`, or 0 when it is not valid (overlongs,
// surrogates and code points past U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t pos) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(pos);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  char32_t min = 0, cp = 0;
  if ((c & 0xE0) == 0xC0) n = 2, min = 0x80, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) n = 3, min = 0x800, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) n = 4, min = 0x10000, cp = c & 0x07;
  else return 0;
  if (pos + n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(pos + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::optional<Diagnostic> prescan(std::string_view text, const std::string& file) {
  int line = 1, column = 1;
  int flow_depth = 0;
  char quote = 0;
  bool comment = false, line_start = true;
  int indent = 0;
  char prev = ' ';  // last character that was not a space: a quote opens a scalar only after ": [ { , -"
  const auto problem = [&](std::string message, std::string hint) {
    return Diagnostic{Severity::error, {file, line, column}, std::move(message), std::move(hint)};
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    if (c == '\0') return problem("file contains a NUL byte", "content files are plain UTF-8 text");
    const std::size_t len = utf8_length(text, pos);
    if (len == 0) return problem("file is not valid UTF-8", "save the file as UTF-8");
    if (c == '\n') {
      ++line, column = 1, pos += 1;
      comment = false, line_start = true, indent = 0, prev = ' ';
      continue;
    }
    if (line_start && c == ' ') {
      if (++indent > 4 * max_nesting)
        return problem("indentation is deeper than " + std::to_string(4 * max_nesting) + " spaces",
                       "content files need only a few levels of nesting");
    } else if (line_start && c == '-' && indent >= 0) {
      // "- - - - x" nests one level per dash on a single line: count it like indentation.
      indent += 2;
      if (indent > 4 * max_nesting)
        return problem("nesting is deeper than " + std::to_string(max_nesting) + " levels",
                       "content files need only a few levels of nesting");
    } else {
      line_start = false;
    }
    if (!comment) {
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"' && pos + 1 < text.size()) ++pos, ++column;
      } else if ((c == '"' || c == '\'') && (prev == ' ' || prev == ':' || prev == '[' || prev == '{' ||
                                             prev == ',' || prev == '-' || prev == '?')) {
        quote = c;
      } else if (c == '#' && (prev == ' ' || column == 1 || text[pos - 1] == ' ')) {
        comment = true;
      } else if (c == '[' || c == '{') {
        if (++flow_depth > max_nesting)
          return problem("nesting is deeper than " + std::to_string(max_nesting) + " levels",
                         "content files need only a few levels of nesting");
      } else if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
      }
    }
    if (c != ' ') prev = c;
    if (c == '\n') prev = ' ';
    pos += len;
    ++column;
  }
  return std::nullopt;
}

}  // namespace katlas::detail
