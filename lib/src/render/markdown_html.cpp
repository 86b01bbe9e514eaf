// Markdown in `details` to safe HTML: md4c parses (raw HTML refused), we write every tag ourselves.
#include "render/markdown_html.hpp"

#include <katlas/urls.hpp>

#include "atlas/read_log.hpp"
#include "text/escape.hpp"
#include "text/markdown_walk.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace katlas::detail::html {
namespace {

struct Writer {
  std::string out;
  std::string_view root;
  const MentionIndex* mentions = nullptr;
  std::set<const Concept*> linked;  // first mention only
  struct OpenLink {
    std::optional<std::string> href;  // none: the URL was refused and only the text is written
    std::size_t text_at = 0;          // where the link's text starts in `out`
  };
  std::vector<OpenLink> links;  // the <a> spans we are inside: no mention is linked in them
  int in_code = 0;
  int in_image = 0;
};

// ASCII only, like the C locale the renderer runs in: other bytes are never word characters.
bool is_word(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// A concept named in running text: a link plus its summary as a hint that CSS shows on hover
/// and on keyboard focus (no script needed); the link names the hint as its description.
void append_term_link(std::string& out, std::string_view root, const Concept& entry, std::string_view text) {
  const std::string hint_id = escape_attribute("term-" + entry.id);
  append(out, "<span class=\"term\"><a href=\"", escape_attribute(std::string(root) + concept_page_path(entry.id)),
         "\" aria-describedby=\"", hint_id, "\">");
  append_escaped_html(out, text);
  append(out, "</a><span class=\"term-hint\" id=\"", hint_id, "\" role=\"tooltip\">");
  append_escaped_html(out, entry.summary);
  out += "</span></span>";
}

void write_text(Writer& w, std::string_view text) {
  while (w.mentions && !w.mentions->empty() && w.links.empty() && w.in_code == 0 && w.in_image == 0) {
    const auto mention = w.mentions->first(text, w.linked);
    if (!mention) break;
    append_escaped_html(w.out, text.substr(0, mention->at));
    append_term_link(w.out, w.root, *mention->entry, text.substr(mention->at, mention->size));
    w.linked.insert(mention->entry);
    text.remove_prefix(mention->at + mention->size);
  }
  append_escaped_html(w.out, text);
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
  if (const std::string_view tag = block_tag(type, detail); !tag.empty()) append(w.out, "<", tag, ">");
  if (type == MD_BLOCK_CODE) w.out += "<code>", ++w.in_code;
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void* detail, void* data) {
  auto& w = *static_cast<Writer*>(data);
  if (type == MD_BLOCK_CODE) w.out += "</code>", --w.in_code;
  if (const std::string_view tag = block_tag(type, detail); !tag.empty()) append(w.out, "</", tag, ">\n");
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
      auto href = safe_url(attribute_text(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
      if (href) w.out += "<a href=\"" + escape_attribute(*href) + "\">";
      w.links.push_back({std::move(href), w.out.size()});
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
      if (const Writer::OpenLink& open = w.links.back(); open.href) {
        // A bare address (<https://…>) is marked so that print does not repeat it after itself.
        if (std::string_view(w.out).substr(open.text_at) == escape_html(*open.href))
          w.out.insert(open.text_at - 1, " class=\"shows-address\"");
        w.out += "</a>";
      }
      w.links.pop_back();
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
    case MD_TEXT_ENTITY:
      w.out += t.find_first_of("<>\"'") == std::string_view::npos ? std::string(t) : escape_html(t);
      break;
    case MD_TEXT_NORMAL: write_text(w, t); break;
    default: append_escaped_html(w.out, t); break;  // code, and HTML that MD_FLAG_NOHTML turned into text
  }
  return 0;
}

}  // namespace

MentionIndex::MentionIndex(const std::vector<const Concept*>& concepts) {
  const auto lowered = [](std::string key) {
    for (char& ch : key) ch = lower(ch);
    return key;
  };
  const auto add = [&](const std::string& key, const Concept* c) {
    const std::size_t word_end =
        std::find_if(key.begin(), key.end(), [](char ch) { return !is_word(ch); }) - key.begin();
    (word_end == 0 ? other_sizes_ : sizes_by_first_word_[key.substr(0, word_end)]).push_back(key.size());
    by_text_[key].push_back(c);
  };
  for (const Concept* c : concepts)
    if (c->title.size() >= min_size) add(lowered(c->title), c);
  // An alias links only where it names one concept and is no concept's title: "PAWS" does,
  // an alias two concepts share would have to guess.
  std::map<std::string, std::set<const Concept*>> alias_owners;
  for (const Concept* c : concepts)
    for (const std::string& alias : c->aliases)
      if (alias.size() >= min_size) alias_owners[lowered(alias)].insert(c);
  for (const auto& [key, owners] : alias_owners)
    if (owners.size() == 1 && !by_text_.contains(key)) add(key, *owners.begin());
  for (auto& [text, list] : by_text_)
    std::sort(list.begin(), list.end(), [](const Concept* a, const Concept* b) { return a->id < b->id; });
  const auto longest_first = [](std::vector<std::size_t>& sizes) {
    std::sort(sizes.begin(), sizes.end(), std::greater<>());
    sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  };
  for (auto& [word, sizes] : sizes_by_first_word_) longest_first(sizes);
  longest_first(other_sizes_);
}

std::optional<MentionIndex::Mention> MentionIndex::first(std::string_view text,
                                                         const std::set<const Concept*>& skip) const {
  note_names();  // whether a stretch of text names a concept depends on every concept's names
  static const std::vector<std::size_t> none;
  // Lowercased once, so every candidate below is looked up as a view into it, without a copy.
  std::string lowered(text);
  for (char& ch : lowered) ch = lower(ch);
  const std::string_view folded = lowered;
  std::vector<std::size_t> merged;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && is_word(text[i - 1])) continue;  // a mention starts a word
    std::size_t word_end = i;
    while (word_end < text.size() && is_word(text[word_end])) ++word_end;
    const std::vector<std::size_t>* sizes = &none;
    if (word_end > i)
      if (const auto it = sizes_by_first_word_.find(folded.substr(i, word_end - i)); it != sizes_by_first_word_.end())
        sizes = &it->second;
    if (!other_sizes_.empty()) {  // rare: titles like "(S)-x" that start with punctuation
      merged = *sizes;
      merged.insert(merged.end(), other_sizes_.begin(), other_sizes_.end());
      std::sort(merged.begin(), merged.end(), std::greater<>());
      sizes = &merged;
    }
    for (const std::size_t size : *sizes) {
      const std::size_t end = i + size;
      if (end > text.size() || (end < text.size() && is_word(text[end]))) continue;
      const auto it = by_text_.find(folded.substr(i, size));
      if (it == by_text_.end()) continue;
      for (const Concept* c : it->second)
        if (!skip.contains(c)) {
          note_concept(c);
          return Mention{i, size, c};
        }
    }
  }
  return std::nullopt;
}

std::string markdown(std::string_view text, std::string_view root, const MentionIndex* mentions, const Concept* self) {
  Writer w;
  w.root = root;
  w.mentions = mentions;
  if (self) w.linked.insert(self);
  walk_markdown(text, {enter_block, leave_block, enter_span, leave_span, on_text}, &w);
  return w.out;
}

}  // namespace katlas::detail::html
