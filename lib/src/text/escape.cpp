// Escaping for HTML text and attributes, the URL allowlist, JSON in <script> and DOT strings.
#include "text/escape.hpp"

#include <algorithm>
#include <cstdint>

namespace katlas::detail {
namespace {

std::string_view entity(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return {};
  }
}

// The characters entity() replaces all lie below '@', so one compare passes over most text.
constexpr std::uint64_t special = (1ull << '&') | (1ull << '<') | (1ull << '>') | (1ull << '"') | (1ull << '\'');
bool is_special(char c) { return static_cast<unsigned char>(c) < 64 && ((special >> c) & 1) != 0; }

void append_markup(std::string& out, std::string_view text) {
  std::size_t plain = 0;  // start of the run of characters that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_special(text[i])) continue;
    out.append(text.substr(plain, i - plain)).append(entity(text[i]));
    plain = i + 1;
  }
  out.append(text.substr(plain));
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());  // no more: short text then stays in the string itself, off the heap
  append_markup(out, text);
  return out;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string escape_html(std::string_view text) { return escape_markup(text); }

std::string escape_attribute(std::string_view text) { return escape_markup(text); }

void append_escaped_html(std::string& out, std::string_view text) { append_markup(out, text); }

std::string_view url_host(std::string_view url) {
  const std::size_t start = url.find("://");
  if (start == std::string_view::npos) return {};
  const std::string_view rest = url.substr(start + 3);
  return rest.substr(0, rest.find_first_of("/?#"));
}

std::optional<std::string> safe_url(std::string_view url) {
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"), and read '\' as '/':
  // refusing them outright is simpler than modelling either rule.
  const bool has_control = std::any_of(url.begin(), url.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || c == '\\';
  });
  if (has_control || url.empty()) return std::nullopt;
  const std::size_t colon = url.find(':');
  const std::size_t delimiter = url.find_first_of("/?#");
  if (colon == std::string_view::npos || (delimiter != std::string_view::npos && delimiter < colon))
    return std::string(url);  // relative: no scheme at all
  std::string scheme;
  for (const char c : url.substr(0, colon)) scheme += lower(c);
  if (scheme == "http" || scheme == "https") return std::string(url);
  return std::nullopt;
}

std::string escape_script_json(std::string_view json) {
  // '<' only occurs inside JSON strings, where \u003c means the same character; this
  // covers both "</script" and "<!--". U+2028/2029 end a line in older JavaScript parsers.
  std::string out;
  out.reserve(json.size());
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; (i = json.find_first_of("<\xE2", i)) != std::string_view::npos; ++i) {
    const std::string_view rest = json.substr(i);
    std::string_view replacement;
    if (json[i] == '<')
      replacement = "\\u003c";
    else if (rest.starts_with("\xE2\x80\xA8"))
      replacement = "\\u2028";
    else if (rest.starts_with("\xE2\x80\xA9"))
      replacement = "\\u2029";
    else
      continue;
    out.append(json.substr(plain, i - plain)).append(replacement);
    i += json[i] == '<' ? 0 : 2;  // the line separators are three bytes long
    plain = i + 1;
  }
  return out.append(json.substr(plain));
}

std::string quote_dot(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

namespace {

/// The length of the UTF-8 sequence at `text[i]` and the code point it holds; 0 when the
/// bytes there are not a well-formed, shortest-form sequence.
std::size_t utf8_at(std::string_view text, std::size_t i, char32_t& c) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char b = byte(0);
  std::size_t length = b < 0x80                 ? 1
                       : b >= 0xC2 && b <= 0xDF ? 2
                       : b >= 0xE0 && b <= 0xEF ? 3
                       : b >= 0xF0 && b <= 0xF4 ? 4
                                                : 0;
  if (length == 0 || i + length > text.size()) return 0;
  c = length == 1 ? b : length == 2 ? b & 0x1Fu : length == 3 ? b & 0x0Fu : b & 0x07u;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    c = c << 6 | (byte(k) & 0x3Fu);
  }
  const bool shortest = length == 1 || (length == 3 && c >= 0x800) || (length == 4 && c >= 0x10000) || length == 2;
  if (!shortest || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return 0;
  return length;
}

bool hidden_from_the_eye(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

}  // namespace

std::string printable_text(std::string_view text) {
  constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8_at(text, i, c);
    if (length == 0) {  // not UTF-8: the byte, as a byte
      const auto b = static_cast<unsigned char>(text[i++]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
    } else if (c == '\n') {
      out += "\\n", i += length;
    } else if (c == '\t') {
      out += "\\t", i += length;
    } else if (hidden_from_the_eye(c)) {
      out += c < 0x80 ? "\\x" : "\\u";
      for (int shift = c < 0x80 ? 4 : 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xF];
      i += length;
    } else {
      out.append(text.substr(i, length)), i += length;
    }
  }
  return out;
}

}  // namespace katlas::detail
