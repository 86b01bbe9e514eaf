// The handout's text pieces: lead paragraph of the details (via md4c), first sentences, glossary terms.
#include "handout/handout_text.hpp"

#include "text/markdown_walk.hpp"

#include <algorithm>
#include <array>

namespace katlas::detail::handout {
namespace {

struct LeadCollector {
  std::vector<TextRun> runs;
  int strong = 0;
  bool in_paragraph = false;
  bool done = false;
};

int enter_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& c = *static_cast<LeadCollector*>(data);
  if (type == MD_BLOCK_P && !c.done) c.in_paragraph = true;
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& c = *static_cast<LeadCollector*>(data);
  if (type != MD_BLOCK_P || !c.in_paragraph) return 0;
  c.in_paragraph = false;
  c.done = true;
  return 1;  // stop: only the first paragraph is wanted
}

int enter_span(MD_SPANTYPE type, void*, void* data) {
  if (type == MD_SPAN_STRONG) ++static_cast<LeadCollector*>(data)->strong;
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* data) {
  if (type == MD_SPAN_STRONG) --static_cast<LeadCollector*>(data)->strong;
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  auto& c = *static_cast<LeadCollector*>(data);
  if (!c.in_paragraph) return 0;
  // Chosen up front rather than assigned after: GCC 12 reports a false -Wrestrict on the assignment.
  const bool line_break = type == MD_TEXT_SOFTBR || type == MD_TEXT_BR;
  std::string piece = type == MD_TEXT_NULLCHAR ? std::string()
                      : line_break             ? std::string(" ")
                                               : std::string(text, size);
  const bool strong = c.strong > 0;
  if (!c.runs.empty() && c.runs.back().strong == strong)
    c.runs.back().text += piece;
  else
    c.runs.push_back({std::move(piece), strong});
  return 0;
}

// Keeps whole sentences while the total stays within `max_words` (always at least one sentence).
void clip(std::vector<TextRun>& runs, std::size_t max_words) {
  const std::string text = plain(runs);
  std::size_t end = 0, words = 0;
  for (const std::string& sentence : split_sentences(text)) {
    words += split_words(sentence).size();
    if (end > 0 && words > max_words) break;
    end = text.find(sentence, end) + sentence.size();
  }
  std::vector<TextRun> kept;
  for (std::size_t at = 0; TextRun & run : runs) {
    if (at >= end) break;
    if (at + run.text.size() > end) run.text.resize(end - at);
    at += run.text.size();
    kept.push_back(std::move(run));
  }
  runs = std::move(kept);
}

}  // namespace

std::vector<TextRun> details_lead(std::string_view details, std::size_t max_words) {
  LeadCollector collector;
  walk_markdown(details, {enter_block, leave_block, enter_span, leave_span, on_text}, &collector);
  clip(collector.runs, max_words);
  return collector.runs;
}

std::string plain(const std::vector<TextRun>& runs) {
  std::string out;
  for (const TextRun& run : runs) out += run.text;
  return out;
}

std::string first_sentence(std::string_view text) {
  const std::vector<std::string> sentences = split_sentences(text);
  return sentences.empty() ? std::string(text) : sentences.front();
}

bool is_technical_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 8> kinds{"alkaloid",  "condition", "enzyme", "measure",
                                                         "mechanism", "medicine",  "phase",  "receptor"};
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::vector<std::string> concept_terms(const Concept& entry) {
  std::vector<std::string> terms{entry.title};
  for (const std::string& alias : entry.aliases)
    if (alias.find('?') == std::string::npos && alias.size() > 2) terms.push_back(alias);
  return terms;
}

const std::vector<std::string>& common_medical_terms() {
  static const std::vector<std::string> terms{
      "agonist",    "alkaloid", "dehydration", "dependence", "enzyme",   "inhibitor", "interaction", "metabolism",
      "metabolise", "opioid",   "overdose",    "receptor",   "sedative", "taper",     "tolerance",   "withdrawal"};
  return terms;
}

std::vector<TextRun> entry_runs(const Concept& entry, Audience audience) {
  if (audience == Audience::lay) return {{entry.summary, false}};
  std::vector<TextRun> runs = details_lead(entry.details, pro_lead_words);
  std::size_t words = 0;
  for (const TextRun& run : runs) words += static_cast<std::size_t>(std::count(run.text.begin(), run.text.end(), ' '));
  // A lead cut to one short sentence ("Evidence: limited (case series).") says too little alone.
  if (words < 12) runs.push_back({runs.empty() ? entry.summary : " " + entry.summary, false});
  return runs;
}

std::string entry_text(const Concept& entry, Audience audience) { return plain(entry_runs(entry, audience)); }

}  // namespace katlas::detail::handout
