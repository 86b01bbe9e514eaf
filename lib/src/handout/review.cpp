// Handout review: readability, undefined terms and a PEMAT-style checklist (automatic items scored, the rest listed).
#include "handout/handout_text.hpp"
#include "text/number.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

namespace katlas {
namespace {

using detail::one_decimal;
using detail::handout::concept_terms;

bool shown_or_glossary(const Handout& h, const std::string& term) {
  const auto names = [&](const Concept& c) { return !find_terms(term, concept_terms(c)).empty(); };
  for (const HandoutSection& s : h.sections)
    for (const HandoutEntry& e : s.entries)
      if (names(*e.entry) || !find_terms(e.entry->title, {term}).empty()) return true;
  if (h.help && names(*h.help)) return true;
  return std::any_of(h.glossary.begin(), h.glossary.end(), [&](const GlossaryEntry& g) {
    return !find_terms(g.term, {term}).empty() || !find_terms(term, {g.term}).empty();
  });
}

std::vector<std::string> undefined_terms(const Atlas& atlas, const Handout& h, const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& term : find_terms(text, detail::handout::common_medical_terms()))
    if (!shown_or_glossary(h, term)) out.push_back(term);
  for (const Concept& c : atlas.content().concepts) {
    if (!detail::handout::is_technical_kind(c.kind)) continue;
    const std::vector<std::string> used = find_terms(text, concept_terms(c));
    if (!used.empty() && !shown_or_glossary(h, c.title) && std::find(out.begin(), out.end(), used[0]) == out.end())
      out.push_back(used[0]);
  }
  return out;
}

// Numbers a reader would have to work with: percentages, decimals, fractions, ratios.
std::vector<std::string> calculations(const std::string& text) {
  static const std::regex pattern(R"(\d+(\.\d+)?\s*%|\b\d+\.\d+\b|\b\d+\s*/\s*\d+\b|\b\d+\s*:\s*\d+\b)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

void add_lay_checks(const HandoutReview& r, const std::string& text, std::vector<ChecklistItem>& out) {
  const double grade = r.readability.grade;
  out.push_back({"plain-language", "The text reads at grade 8 or below (Flesch-Kincaid).", grade <= 8.0,
                 "grade " + one_decimal(grade) + ", reading ease " + one_decimal(r.readability.reading_ease)});
  const std::vector<std::string> numbers = calculations(text);
  out.push_back({"no-calculation", "The reader does not have to calculate (no percentages, decimals or fractions).",
                 numbers.empty(), numbers.empty() ? "none found" : "found: " + joined(numbers)});
}

std::vector<ChecklistItem> automatic_checks(const Handout& h, const HandoutReview& r, const std::string& text) {
  std::vector<ChecklistItem> out;
  const std::size_t purpose_sentences = split_sentences(h.purpose).size();
  out.push_back({"purpose", "The purpose is stated at the top, in one or two sentences.",
                 purpose_sentences >= 1 && purpose_sentences <= 2, std::to_string(purpose_sentences) + " sentence(s)"});
  if (h.audience == Audience::lay) add_lay_checks(r, text, out);
  const double limit = h.audience == Audience::lay ? 15 : 22;
  out.push_back({"short-sentences", "Sentences are short (on average at most " + one_decimal(limit) + " words).",
                 r.readability.words_per_sentence <= limit,
                 "average " + one_decimal(r.readability.words_per_sentence) + ", longest " +
                     std::to_string(r.readability.longest_sentence_words)});
  if (h.audience == Audience::lay)  // clinicians know the terms; their glossary is a courtesy
    out.push_back({"defined-terms", "Medical terms are defined where they are used.", r.undefined_terms.empty(),
                   r.undefined_terms.empty() ? std::to_string(h.glossary.size()) + " glossary entries"
                                             : "not defined: " + joined(r.undefined_terms)});
  const bool chunked = std::all_of(h.sections.begin(), h.sections.end(), [](const HandoutSection& s) {
    return !s.heading.empty() && !s.entries.empty() && s.entries.size() <= 4;
  });
  out.push_back({"chunked", "The text is in short sections (at most 4 topics) with headings.", chunked,
                 std::to_string(h.sections.size()) + " section(s)"});
  out.push_back({"summary", "There is a summary of the main points.", !h.key_points.empty(),
                 std::to_string(h.key_points.size()) + " key point(s)"});
  out.push_back({"action", "At least one action the reader can take is named.", !h.actions.empty(),
                 std::to_string(h.actions.size()) + " action(s)"});
  return out;
}

}  // namespace

HandoutReview review_handout(const Atlas& atlas, const Handout& handout) {
  HandoutReview review;
  const std::string text = handout_reader_text(handout);
  review.readability = measure_readability(text);
  review.undefined_terms = undefined_terms(atlas, handout, text);
  review.automatic = automatic_checks(handout, review, text);
  const auto passed =
      std::count_if(review.automatic.begin(), review.automatic.end(), [](const auto& i) { return i.passed; });
  review.score =
      static_cast<int>(std::lround(100.0 * static_cast<double>(passed) / static_cast<double>(review.automatic.size())));
  review.for_reviewer = {
      "The language is everyday and in the active voice (read it aloud).",
      "The information is in a logical order and nothing distracts from the purpose.",
      "The actions are explicit steps addressed to the reader.",
      "The text agrees with the cited sources and gives no dosing instructions.",
      "The tone is calm, respectful and free of judgement.",
      "The printed pages are easy to read: layout, contrast, page breaks (look at the PDF).",
  };
  return review;
}

std::string review_text(const Handout& handout, const HandoutReview& r) {
  std::string out = handout.id + ": Flesch-Kincaid grade " + one_decimal(r.readability.grade) + ", reading ease " +
                    one_decimal(r.readability.reading_ease) + " (" + std::to_string(r.readability.words) + " words, " +
                    std::to_string(r.readability.sentences) + " sentences)\n";
  out += "Checklist (PEMAT-style, automatic items): " + std::to_string(r.score) + "%\n";
  for (const ChecklistItem& item : r.automatic)
    out += std::string("  [") + (item.passed ? "x" : " ") + "] " + item.question + " (" + item.detail + ")\n";
  out += "For a human reviewer:\n";
  for (const std::string& item : r.for_reviewer) out += "  [?] " + item + "\n";
  return out;
}

std::string review_json(const Handout& handout, const HandoutReview& r) {
  nlohmann::ordered_json checklist = nlohmann::ordered_json::array();
  for (const ChecklistItem& item : r.automatic)
    checklist.push_back(
        {{"id", item.id}, {"question", item.question}, {"passed", item.passed}, {"detail", item.detail}});
  const auto round1 = [](double v) { return std::round(v * 10) / 10; };
  nlohmann::ordered_json out{{"id", handout.id},
                             {"audience", handout.audience == Audience::lay ? "lay" : "pro"},
                             {"reviewed", handout.reviewed},
                             {"grade", round1(r.readability.grade)},
                             {"reading_ease", round1(r.readability.reading_ease)},
                             {"words", r.readability.words},
                             {"sentences", r.readability.sentences},
                             {"words_per_sentence", round1(r.readability.words_per_sentence)},
                             {"longest_sentence_words", r.readability.longest_sentence_words},
                             {"undefined_terms", r.undefined_terms},
                             {"score", r.score},
                             {"checklist", checklist},
                             {"for_reviewer", r.for_reviewer}};
  return out.dump(2);
}

Diagnostics summary_readability_warnings(const Atlas& atlas, double max_grade) {
  Diagnostics out;
  for (const Concept& c : atlas.content().concepts) {
    const ReadabilityStats stats = measure_readability(c.summary);
    if (stats.grade <= max_grade) continue;
    out.push_back({Severity::warning, c.summary_loc,
                   "lay summary of '" + c.id + "' reads at grade " + one_decimal(stats.grade) +
                       " (Flesch-Kincaid), above " + one_decimal(max_grade),
                   "use shorter sentences and everyday words; see docs/content-guide.md"});
  }
  return out;
}

}  // namespace katlas
