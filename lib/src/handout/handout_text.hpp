// Text pieces shared by the handout stages: the professional lead paragraph, first sentences, terms.
#pragma once

#include <katlas/handout.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail::handout {

/// A piece of running text; `strong` when the Markdown set it in bold.
struct TextRun {
  std::string text;
  bool strong = false;
};

/// Words of professional evidence text shown per concept: a one-page brief has room for little.
inline constexpr std::size_t pro_lead_words = 45;

/// The first paragraph of a concept's Markdown `details` as plain runs (md4c parses; links
/// keep their text, code keeps its text, everything else is dropped), cut after the last
/// whole sentence that fits in `max_words`. Empty for no paragraph.
std::vector<TextRun> details_lead(std::string_view details, std::size_t max_words);

/// The runs joined as plain text.
std::string plain(const std::vector<TextRun>& runs);

/// The first sentence of a text (see split_sentences()); the text itself when it has one sentence.
std::string first_sentence(std::string_view text);

/// Whether concepts of this kind name medical terms worth a glossary entry.
bool is_technical_kind(std::string_view kind);

/// The names a concept is known by in running text: title and aliases (questions left out).
std::vector<std::string> concept_terms(const Concept& entry);

/// General medical words that need a definition when a lay handout uses them.
const std::vector<std::string>& common_medical_terms();

/// The sentence printed under the help box's summary.
inline constexpr std::string_view help_box_note = "Not sure? Call anyway, and say that you use kratom.";

/// The text shown for a concept: the lay summary, or for professionals the start of the
/// evidence (followed by the summary when that start is one short sentence or nothing).
std::vector<TextRun> entry_runs(const Concept& entry, Audience audience);

/// entry_runs() as plain text.
std::string entry_text(const Concept& entry, Audience audience);

}  // namespace katlas::detail::handout
