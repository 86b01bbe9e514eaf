// Markdown out: content text written as Markdown that any renderer shows as the text it is,
// with no raw HTML and no link but http(s) and relative ones (explain --format markdown).
#pragma once

#include <string>
#include <string_view>

namespace katlas::detail {

/// Plain text as Markdown that renders as exactly that text: every character Markdown could
/// read as syntax (emphasis, links, images, raw HTML, code, entities, tables, and a heading,
/// list or quote at the start of a line) is backslash-escaped.
std::string escape_markdown(std::string_view text);

/// A link's address for `[text](<address>)`: `<` and `>` percent-encoded, so it cannot end
/// the address early. Pass only what safe_url() accepted.
std::string markdown_link_address(std::string_view url);

/// Content Markdown (`details`), parsed as the site parses it, written back as Markdown:
/// paragraphs, headings, lists, quotes, code, tables, emphasis and links keep their form; text
/// is escaped as escape_markdown() does, so raw HTML stays visible text; a link whose address
/// safe_url() refuses keeps only its text; an image keeps only its alt text, as on the site.
/// Ends with one newline.
std::string safe_markdown(std::string_view markdown);

}  // namespace katlas::detail
