// Byte-level checks that keep hostile files away from yaml-cpp's recursive parser.
#include "load/prescan.hpp"

#include <algorithm>

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
  if ((c & 0xE0) == 0xC0)
    n = 2, min = 0x80, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0)
    n = 3, min = 0x800, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0)
    n = 4, min = 0x10000, cp = c & 0x07;
  else
    return 0;
  if (pos + n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(pos + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// True when a quote at `pos` opens a quoted scalar rather than sitting inside a plain one
// ("it's", "a-'b"): it must follow white space, a line start or a flow indicator.
bool starts_token(std::string_view text, std::size_t pos, int flow_depth) {
  if (pos == 0) return true;
  const char before = text[pos - 1];
  return before == ' ' || before == '\t' || before == '\n' || before == '\r' || before == '[' || before == '{' ||
         before == ',' || (before == ':' && flow_depth > 0);
}

// A document marker at `pos` (at a line start) that is followed by more content: "---", or
// "..." with something after it.
bool starts_document(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  if (rest.size() < 3) return false;
  const bool marker_end = rest.size() == 3 || rest[3] == ' ' || rest[3] == '\n' || rest[3] == '\r' || rest[3] == '\t';
  if (!marker_end) return false;
  if (rest.starts_with("---")) return true;
  if (!rest.starts_with("...")) return false;
  bool comment = false;
  for (const char c : rest.substr(3)) {
    if (c == '\n')
      comment = false;
    else if (c == '#')
      comment = true;
    else if (!comment && c != ' ' && c != '\t' && c != '\r')
      return true;
  }
  return false;
}

// True when `line` (without its comment and trailing blanks) ends in a block scalar header
// such as `details: |`, `- >-` or `key: |2`: the lines after it, indented deeper, are text.
bool opens_block_scalar(std::string_view line) {
  const std::size_t space = line.find_last_of(' ');
  const std::string_view token = space == std::string_view::npos ? line : line.substr(space + 1);
  if (token.empty() || (token[0] != '|' && token[0] != '>')) return false;
  for (const char c : token.substr(1))
    if (c != '+' && c != '-' && !(c >= '1' && c <= '9')) return false;
  if (space == std::string_view::npos) return true;
  std::string_view before = line.substr(0, space);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.ends_with(':') || before.ends_with('-') || before.ends_with("---");
}

}  // namespace

int nesting_bound(std::string_view text) {
  long flow = 0, block = 0, line_bound = 0, indent = 0;
  bool leading = true;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '[' || c == '{') ++flow;
    if (c == '\n') {
      block = std::max(block, 2 * (indent + line_bound + 1));
      indent = line_bound = 0, leading = true;
      continue;
    }
    if (leading && (c == ' ' || c == '\t')) {
      ++indent;
      continue;
    }
    leading = false;
    // "- ", "? " and ": " are the only ways to open another block level on the same line.
    const bool separated = pos + 1 == text.size() || text[pos + 1] == ' ' || text[pos + 1] == '\t' ||
                           text[pos + 1] == '\n' || text[pos + 1] == '\r';
    if ((c == '-' || c == '?' || c == ':') && separated) ++line_bound;
  }
  block = std::max(block, 2 * (indent + line_bound + 1));
  const long bound = 2 * flow + block;
  return bound > 1'000'000'000 ? 1'000'000'000 : static_cast<int>(bound);
}

std::optional<Diagnostic> prescan(std::string_view text, const std::string& file, SourceLoc* open_quote) {
  int line = 1, column = 1, quote_line = 0, quote_column = 0;
  int flow_depth = 0;
  char quote = 0;
  bool comment = false, line_start = true, seen_content = false;
  int indent = 0;
  char prev = ' ';  // last character that was not a space: a quote opens a scalar only after ": [ { , -"
  // A block scalar (`details: |`): its lines are text, whatever brackets or dashes they hold,
  // as long as they are indented deeper than the line that opened it (`block_parent` spaces).
  std::size_t line_begin = 0, content_end = 0;
  int spaces = 0, block_parent = -1;
  const auto problem = [&](std::string message, std::string hint) {
    return Diagnostic{Severity::error, {file, line, column}, std::move(message), std::move(hint)};
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    if (pos == line_begin && block_parent >= 0) {
      std::size_t first = pos;
      while (first < text.size() && text[first] == ' ') ++first;
      const bool blank = first == text.size() || text[first] == '\n' || text[first] == '\r';
      if (blank || static_cast<int>(first - pos) > block_parent) {
        // A line of the block's text: only the byte rules apply.
        for (; pos < text.size() && text[pos] != '\n';) {
          if (text[pos] == '\0') return problem("file contains a NUL byte", "content files are plain UTF-8 text");
          const std::size_t n = utf8_length(text, pos);
          if (n == 0) return problem("file is not valid UTF-8", "save the file as UTF-8");
          pos += n, ++column;
        }
        if (pos < text.size()) ++pos, ++line, column = 1;  // the line feed
        line_begin = content_end = pos;
        continue;
      }
      block_parent = -1;
    }
    // A byte order mark is legitimate UTF-8 at the very start; yaml-cpp skips it. Anywhere
    // else it is an invisible character inside a key or value.
    if (pos == 0 && text.starts_with("\xEF\xBB\xBF")) {
      pos += 3;
      continue;
    }
    if (c == '\0') return problem("file contains a NUL byte", "content files are plain UTF-8 text");
    const std::size_t len = utf8_length(text, pos);
    if (len == 0) return problem("file is not valid UTF-8", "save the file as UTF-8");
    if (c == '\n') {
      if (!quote && flow_depth == 0 && content_end > line_begin &&
          opens_block_scalar(text.substr(line_begin, content_end - line_begin)))
        block_parent = spaces;
      ++line, column = 1, pos += 1;
      comment = false, line_start = true, indent = 0, spaces = 0, prev = ' ';
      line_begin = content_end = pos;
      continue;
    }
    // A directive (`%YAML 1.1`) before the document is not the document's content.
    if (column == 1 && c == '%' && !seen_content) comment = true;
    // yaml-cpp's Load() reads the first document only: a second one would vanish without a word.
    if (column == 1 && !quote && seen_content && starts_document(text, pos))
      return problem(
          "a second YAML document starts here",
          "a content file holds one document; remove this line and what follows, or move that to its own file");
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && !comment && c != '#') seen_content = true;
    if (line_start && c == ' ') ++spaces;
    if (!comment && c != ' ' && c != '\t' && c != '\r' && c != '#') content_end = pos + len;
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
        if (c == quote)
          quote = 0;
        else if (c == '\\' && quote == '"' && pos + 1 < text.size())
          ++pos, ++column;
      } else if ((c == '"' || c == '\'') && starts_token(text, pos, flow_depth) &&
                 (prev == ' ' || prev == ':' || prev == '[' || prev == '{' || prev == ',' || prev == '-' ||
                  prev == '?')) {
        quote = c, quote_line = line, quote_column = column;
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
    if (c != ' ' && c != '\t') prev = c;
    if (c == '\n') prev = ' ';
    pos += len;
    ++column;
  }
  if (quote && open_quote) *open_quote = {file, quote_line, quote_column};
  return std::nullopt;
}

}  // namespace katlas::detail
