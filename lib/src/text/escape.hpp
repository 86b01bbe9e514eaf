// The one escaping module: every string from content passes through here on its way into HTML, SVG or JSON.
#pragma once

#include <katlas/core_export.hpp>

#include <optional>
#include <string>
#include <string_view>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Text between tags: escapes `& < > " '` so no content can open a tag or an entity.
std::string escape_html(std::string_view text);

/// escape_html() appended to `out`, for text written straight into a page being built.
void append_escaped_html(std::string& out, std::string_view text);

/// A value inside a double-quoted attribute. Same set as escape_html(); kept separate so
/// every call site says which context it writes into.
std::string escape_attribute(std::string_view text);

/// The URL when it may appear in `href`/`src`: `http:` or `https:` (any case), or relative
/// (no scheme, e.g. `../concepts/tolerance.html#sources`). Everything else (`javascript:`,
/// `data:`, `vbscript:`, control characters, backslashes) gives nullopt. Not escaped:
/// pass the result through escape_attribute().
std::optional<std::string> safe_url(std::string_view url);

/// The host of an absolute URL: what stands between `://` and the first `/`, `?` or `#`
/// ("https://www.samhsa.gov/find-help" gives "www.samhsa.gov"). Empty when there is no `://`.
std::string_view url_host(std::string_view url);

/// JSON text made safe inside `<script>`: every `<` becomes `\u003c` (so neither `</script>`
/// nor `<!--` can appear) and U+2028/U+2029 become `\u2028`/`\u2029`. A JSON parser reads
/// the same value.
std::string escape_script_json(std::string_view json);

/// Text safe to print on a terminal or in a log, one line: control characters (C0, DEL, C1),
/// invisible and bidirectional characters (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069,
/// U+FEFF) and bytes that are not UTF-8 become visible escapes (`\x1B`, `\u202E`), so a file
/// name or a quoted value can neither move the cursor, recolour the screen, reorder the text
/// nor start a new line. Everything else, and every valid non-ASCII letter, is kept.
std::string printable_text(std::string_view text);

/// A quoted string in the DOT language (Graphviz): `"` and `\` escaped, newlines as spaces.
std::string quote_dot(std::string_view text);

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
