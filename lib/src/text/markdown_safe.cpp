// Content Markdown re-written from md4c's parse: every character is written by us, so what
// reaches a chat window or a Markdown view is what the site would show, never raw HTML.
#include "text/markdown_safe.hpp"

#include "text/escape.hpp"
#include "text/markdown_walk.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace katlas::detail {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// The longest run of `c` in `text`.
std::size_t longest_run(std::string_view text, char c) {
  std::size_t longest = 0, run = 0;
  for (const char ch : text) {
    run = ch == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

/// One container a line is inside: a quote ("> ") or a list item ("- " on its first line,
/// spaces of the same width on the next ones).
struct Container {
  std::string first, rest;
  bool used = false;
};

struct List {
  bool ordered = false;
  unsigned next = 1;
};

struct Writer {
  std::string out;
  std::vector<Container> containers;
  std::vector<List> lists;
  bool at_line_start = true;
  bool pending_blank = false;  // a blank line is owed before the next line of text
  std::vector<bool> links;     // per open link: written as a link (its address was safe)
  std::vector<std::string> link_addresses;
  int in_image = 0;
  std::optional<std::string> code;  // the text of the code block or code span being read
  std::size_t table_columns = 0, row_cells = 0;
  bool in_head = false;

  void line_prefix() {
    if (!at_line_start) return;
    if (pending_blank) {
      // The blank line between two blocks, inside the containers both are in: a list item
      // not yet begun belongs to the next block, not to this line.
      std::string prefix;
      for (const Container& c : containers)
        if (c.used) prefix += c.rest;
      while (!prefix.empty() && prefix.back() == ' ') prefix.pop_back();
      out += prefix + '\n';
      pending_blank = false;
    }
    for (Container& c : containers) {
      out += c.used ? c.rest : c.first;
      c.used = true;
    }
    at_line_start = false;
  }
  void end_line() {
    if (at_line_start) return;
    out += '\n';
    at_line_start = true;
  }
  /// Ends the block: the next block starts after a blank line (written when it starts, with
  /// the prefix of the containers it is in, so no container ends on a blank line of its own).
  void blank_line() {
    end_line();
    pending_blank = !out.empty();
  }
  void text(std::string_view escaped) {
    line_prefix();
    out += escaped;
  }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  switch (type) {
    case MD_BLOCK_QUOTE: w.end_line(), w.containers.push_back({"> ", "> "}); break;
    case MD_BLOCK_UL: w.lists.push_back({false, 1}); break;
    case MD_BLOCK_OL: w.lists.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start}); break;
    case MD_BLOCK_LI: {
      w.end_line();
      std::string marker = "- ";
      if (!w.lists.empty() && w.lists.back().ordered) marker = std::to_string(w.lists.back().next++) + ". ";
      w.containers.push_back({marker, std::string(marker.size(), ' ')});
      break;
    }
    case MD_BLOCK_HR: w.blank_line(), w.text("* * *"), w.blank_line(); break;
    case MD_BLOCK_H:
      w.end_line();
      w.text(std::string(std::clamp<unsigned>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level, 1, 6), '#') + " ");
      break;
    case MD_BLOCK_CODE: w.end_line(), w.code.emplace(); break;
    case MD_BLOCK_TABLE: w.end_line(), w.table_columns = 0; break;
    case MD_BLOCK_THEAD: w.in_head = true; break;
    case MD_BLOCK_TR: w.end_line(), w.row_cells = 0, w.text("|"); break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: w.text(" "), ++w.row_cells; break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void* /*detail*/, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H: w.blank_line(); break;
    case MD_BLOCK_CODE: {
      const std::string body = w.code.value_or("");
      w.code.reset();
      const std::string fence(std::max<std::size_t>(3, longest_run(body, '`') + 1), '`');
      w.text(fence);
      w.end_line();
      std::size_t start = 0;
      while (start < body.size()) {
        const std::size_t end = std::min(body.find('\n', start), body.size());
        w.text(std::string_view(body).substr(start, end - start));
        w.end_line();
        start = end + 1;
      }
      w.text(fence);
      w.blank_line();
      break;
    }
    case MD_BLOCK_LI:
      w.end_line();
      w.containers.pop_back();
      break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if (!w.lists.empty()) w.lists.pop_back();
      if (w.lists.empty()) w.blank_line();
      break;
    case MD_BLOCK_QUOTE:
      w.blank_line();
      w.containers.pop_back();
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: w.text(" |"); break;
    case MD_BLOCK_TR:
      w.end_line();
      if (w.in_head) {
        w.table_columns = w.row_cells;
        w.text("|");
        for (std::size_t i = 0; i < w.table_columns; ++i) w.text(" --- |");
        w.end_line();
      }
      break;
    case MD_BLOCK_THEAD: w.in_head = false; break;
    case MD_BLOCK_TABLE: w.blank_line(); break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  if (w.in_image > 0 && type != MD_SPAN_IMG) return 0;  // an image's alt text is written plain
  switch (type) {
    case MD_SPAN_EM: w.text("*"); break;
    case MD_SPAN_STRONG: w.text("**"); break;
    case MD_SPAN_DEL: w.text("~~"); break;
    case MD_SPAN_CODE: w.code.emplace(); break;
    case MD_SPAN_IMG: ++w.in_image; break;
    case MD_SPAN_A: {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      std::string address;
      // The address as md4c resolved it: text pieces and entities (kept as written, which a
      // renderer decodes to the same characters; safe_url() refuses any that hide a scheme).
      for (unsigned i = 0; href.substr_offsets && href.substr_offsets[i] < href.size; ++i)
        address.append(href.text + href.substr_offsets[i], href.substr_offsets[i + 1] - href.substr_offsets[i]);
      const bool has_entity = address.find('&') != std::string::npos;
      const std::optional<std::string> safe = has_entity ? std::nullopt : safe_url(address);
      w.links.push_back(safe.has_value());
      w.link_addresses.push_back(safe.value_or(""));
      if (safe) w.text("[");
      break;
    }
    default: break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void* /*detail*/, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  if (w.in_image > 0 && type != MD_SPAN_IMG) return 0;
  switch (type) {
    case MD_SPAN_EM: w.text("*"); break;
    case MD_SPAN_STRONG: w.text("**"); break;
    case MD_SPAN_DEL: w.text("~~"); break;
    case MD_SPAN_CODE: {
      const std::string body = w.code.value_or("");
      w.code.reset();
      const std::string fence(longest_run(body, '`') + 1, '`');
      const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' || body.front() == ' ');
      w.text(fence + (pad ? " " : "") + body + (pad ? " " : "") + fence);
      break;
    }
    case MD_SPAN_IMG: --w.in_image; break;
    case MD_SPAN_A:
      if (!w.links.empty()) {
        if (w.links.back()) w.text("](<" + markdown_link_address(w.link_addresses.back()) + ">)");
        w.links.pop_back();
        w.link_addresses.pop_back();
      }
      break;
    default: break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  const std::string_view piece(text, size);
  if (w.code) {
    // Code is written between fences, as it is: nothing inside a fence is read as Markdown.
    // Inside a code span a line break is a space.
    w.code->append(type == MD_TEXT_NULLCHAR ? replacement_character : piece);
    return 0;
  }
  switch (type) {
    case MD_TEXT_NULLCHAR: w.text(replacement_character); break;
    case MD_TEXT_BR: w.text("\\"), w.end_line(); break;
    case MD_TEXT_SOFTBR: w.text(" "); break;
    case MD_TEXT_ENTITY: w.text(escape_markdown(piece)); break;  // as text: "&amp;" shows as written
    default: {
      // At the start of a line, escape_markdown() also escapes what would open a block.
      const bool line_start = w.at_line_start;
      std::string escaped = escape_markdown(piece);
      if (!line_start && !escaped.empty() && escaped.front() == '\\' && piece.size() > 0 &&
          (piece.front() == '#' || piece.front() == '-' || piece.front() == '+' || piece.front() == '='))
        escaped.erase(0, 1);  // mid-line, these are plain characters
      w.text(escaped);
      break;
    }
  }
  return 0;
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool syntax = std::string_view("\\`*_[]<>!&~|").find(c) != std::string_view::npos;
    // What opens a heading, list, quote or setext underline when it starts a line; a run of
    // digits then `.` or `)` opens an ordered list.
    bool opens_block = line_start && std::string_view("#-+=").find(c) != std::string_view::npos;
    if (line_start && c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
        out.append(text.substr(i, j - i));
        out += '\\';
        out += text[j];
        i = j;
        line_start = false;
        continue;
      }
    }
    if (syntax || opens_block) out += '\\';
    if (c == '\n') {
      out += "\\\n";  // a line break stays one, and the next line cannot open a block
      line_start = true;
      continue;
    }
    out += c;
    line_start = line_start && (c == ' ');
  }
  return out;
}

std::string markdown_link_address(std::string_view url) {
  std::string out;
  for (const char c : url) {
    if (c == '<')
      out += "%3C";
    else if (c == '>')
      out += "%3E";
    else
      out += c;
  }
  return out;
}

std::string safe_markdown(std::string_view markdown) {
  Writer w;
  walk_markdown(markdown, {enter_block, leave_block, enter_span, leave_span, on_text}, &w);
  w.end_line();  // a blank line still owed at the end is not written
  return w.out;
}

}  // namespace katlas::detail
