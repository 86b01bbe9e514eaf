// Markdown in `details` to safe HTML: md4c parses (raw HTML refused), we write every tag ourselves.
#include "render/html/html.hpp"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace katlas::detail::html {
namespace {

/// One concept name to look for in running text.
struct Needle {
  std::string text;
  const Concept* entry;
};

struct Writer {
  std::string out;
  std::string_view root;
  std::vector<Needle> needles;
  std::set<const Concept*> linked;  // first mention only
  std::vector<bool> link_open;      // per <a> span: did we open a real link?
  int in_link = 0;
  int in_code = 0;
  int in_image = 0;
};

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// The earliest whole-word mention of a not-yet-linked concept in `text`, longest name first.
std::pair<std::size_t, const Needle*> first_mention(const Writer& w, std::string_view text) {
  std::pair<std::size_t, const Needle*> best{std::string_view::npos, nullptr};
  for (const Needle& n : w.needles) {
    if (w.linked.count(n.entry) != 0 || n.text.size() > text.size()) continue;
    for (std::size_t i = 0; i + n.text.size() <= text.size() && i < best.first; ++i) {
      const bool starts = i == 0 || !is_word(text[i - 1]);
      const std::size_t end = i + n.text.size();
      if (starts && (end == text.size() || !is_word(text[end])) && iequals(text.substr(i, n.text.size()), n.text)) {
        best = {i, &n};
        break;
      }
    }
  }
  return best;
}

void write_text(Writer& w, std::string_view text) {
  while (!w.needles.empty() && w.in_link == 0 && w.in_code == 0 && w.in_image == 0) {
    const auto [at, needle] = first_mention(w, text);
    if (!needle) break;
    w.out += escape_html(text.substr(0, at));
    w.out += concept_link(w.root, *needle->entry, text.substr(at, needle->text.size()));
    w.linked.insert(needle->entry);
    text.remove_prefix(at + needle->text.size());
  }
  w.out += escape_html(text);
}

std::string_view block_tag(MD_BLOCKTYPE type, void* detail) {
  switch (type) {
    case MD_BLOCK_QUOTE: return "blockquote";
    case MD_BLOCK_UL: return "ul";
    case MD_BLOCK_OL: return "ol";
    case MD_BLOCK_LI: return "li";
    case MD_BLOCK_P: return "p";
    case MD_BLOCK_CODE: return "pre";
    case MD_BLOCK_TABLE: return "table";
    case MD_BLOCK_THEAD: return "thead";
    case MD_BLOCK_TBODY: return "tbody";
    case MD_BLOCK_TR: return "tr";
    case MD_BLOCK_TH: return "th";
    case MD_BLOCK_TD: return "td";
    case MD_BLOCK_H: {
      // The page has h1 (title) and h2 (section): details' own headings start at h3.
      static constexpr std::string_view levels[] = {"h3", "h4", "h5", "h6", "h6", "h6"};
      return levels[std::clamp<unsigned>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level, 1, 6) - 1];
    }
    default: return {};
  }
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* data) {
  auto& w = *static_cast<Writer*>(data);
  if (type == MD_BLOCK_HR) w.out += "<hr>\n";
  if (const std::string_view tag = block_tag(type, detail); !tag.empty()) w.out += "<" + std::string(tag) + ">";
  if (type == MD_BLOCK_CODE) w.out += "<code>", ++w.in_code;
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void* detail, void* data) {
  auto& w = *static_cast<Writer*>(data);
  if (type == MD_BLOCK_CODE) w.out += "</code>", --w.in_code;
  if (const std::string_view tag = block_tag(type, detail); !tag.empty()) w.out += "</" + std::string(tag) + ">\n";
  return 0;
}

std::string attribute_text(const MD_ATTRIBUTE& a) { return std::string(a.text, a.size); }

int enter_span(MD_SPANTYPE type, void* detail, void* data) {
  auto& w = *static_cast<Writer*>(data);
  switch (type) {
    case MD_SPAN_EM: w.out += "<em>"; break;
    case MD_SPAN_STRONG: w.out += "<strong>"; break;
    case MD_SPAN_CODE: w.out += "<code>", ++w.in_code; break;
    case MD_SPAN_DEL: w.out += "<del>"; break;
    case MD_SPAN_IMG: ++w.in_image; break;  // images are not shown: their alt text is
    case MD_SPAN_A: {
      const auto href = safe_url(attribute_text(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
      w.link_open.push_back(href.has_value());
      if (href) w.out += "<a href=\"" + escape_attribute(*href) + "\">";
      ++w.in_link;
      break;
    }
    default: break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* data) {
  auto& w = *static_cast<Writer*>(data);
  switch (type) {
    case MD_SPAN_EM: w.out += "</em>"; break;
    case MD_SPAN_STRONG: w.out += "</strong>"; break;
    case MD_SPAN_CODE: w.out += "</code>", --w.in_code; break;
    case MD_SPAN_DEL: w.out += "</del>"; break;
    case MD_SPAN_IMG: --w.in_image; break;
    case MD_SPAN_A:
      if (w.link_open.back()) w.out += "</a>";
      w.link_open.pop_back();
      --w.in_link;
      break;
    default: break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  auto& w = *static_cast<Writer*>(data);
  const std::string_view t(text, size);
  switch (type) {
    case MD_TEXT_BR: w.out += "<br>\n"; break;
    case MD_TEXT_SOFTBR: w.out += "\n"; break;
    case MD_TEXT_NULLCHAR: w.out += "\xEF\xBF\xBD"; break;
    // md4c hands over well-formed entities only ("&amp;", "&#60;"): a browser shows them as text.
    case MD_TEXT_ENTITY: w.out += t.find_first_of("<>\"'") == std::string_view::npos ? std::string(t) : escape_html(t); break;
    case MD_TEXT_NORMAL: write_text(w, t); break;
    default: w.out += escape_html(t); break;  // code, and HTML that MD_FLAG_NOHTML turned into text
  }
  return 0;
}

}  // namespace

std::string markdown(std::string_view text, std::string_view root, const std::vector<const Concept*>& concepts,
                     const Concept* self) {
  Writer w;
  w.root = root;
  for (const Concept* c : concepts)
    if (c != self && c->title.size() >= 4) w.needles.push_back({c->title, c});
  // Longest names first, so "Kratom use disorder" wins over "Kratom"; ties by id.
  std::sort(w.needles.begin(), w.needles.end(), [](const Needle& a, const Needle& b) {
    return a.text.size() != b.text.size() ? a.text.size() > b.text.size() : a.entry->id < b.entry->id;
  });
  if (self) w.linked.insert(self);
  MD_PARSER parser{};
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &w);
  return w.out;
}

}  // namespace katlas::detail::html
