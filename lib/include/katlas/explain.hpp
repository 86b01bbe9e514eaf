/// @file explain.hpp
/// @brief One call for an explanation, in the spirit of an HL7 Infobutton request, rendered
/// as plain text, Markdown, an HTML fragment or JSON.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>
#include <katlas/json.hpp>
#include <katlas/readability.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// How much an explanation holds.
enum class Depth {
  summary,     ///< The lay summary only.
  details,     ///< The summary and, for Audience::pro, the professional details.
  neighbours,  ///< As `details`, plus the typed relations both ways.
};

/// `summary`, `details` or `neighbours`.
[[nodiscard]] std::string_view to_string(Depth depth);

/// The depth a word names (`summary`, `details` or `neighbours`); nothing for any other word.
[[nodiscard]] std::optional<Depth> parse_depth(std::string_view word);

/// What the caller asks for. Holds its own copy of the query, so it may outlive the text it was made from.
struct ExplainRequest {
  std::string query{};                ///< An id, alias, title or free text ("why does my dose stop working").
  Audience audience = Audience::lay;  ///< Lay text only (the default, as everywhere), or with professional details.
  Depth depth = Depth::neighbours;    ///< How much to include.
  std::size_t max_neighbours = 12;    ///< Cap on relations returned (outgoing first).
};

/// An explanation as C++ values. Views point into the Atlas and live as long as it does.
struct Explanation {
  const Concept* entry = nullptr;           ///< The concept explained.
  bool exact = true;                        ///< False when the query was free text and the best search hit was taken.
  std::string_view title;                   ///< The concept's title.
  std::string_view summary;                 ///< Lay summary.
  std::string_view details;                 ///< Professional details (empty for lay or Depth::summary).
  Evidence evidence = Evidence::anecdotal;  ///< Evidence level of the text.
  std::string_view evidence_explained;      ///< That level in plain words.
  std::vector<const Source*> citations;     ///< The concept's sources, numbered from 1 in this order.
  std::vector<Link> neighbours;             ///< Typed relations (empty below Depth::neighbours).
  Audience audience = Audience::lay;        ///< Who it is for: picks the relation notes' wording.
  std::string_view reviewed;                ///< Date the text was last reviewed (YYYY-MM-DD).
  ReadabilityStats reading_level;  ///< Of the lay summary: Flesch–Kincaid grade, reading ease, sentence length.
};

/// Explains the concept the query names: an exact id, alias or title first, else the best
/// search hit (`exact` is then false). Empty when nothing matches, and when free text has no
/// word but stop words ("the", "and", "why does my", blanks): never a topic taken at random.
[[nodiscard]] std::optional<Explanation> explain(const Atlas& atlas, const ExplainRequest& request);

/// Explains one concept of `atlas` (`request.query` is not used; `exact` is true). Throws
/// std::invalid_argument when `entry` is not one of `atlas`'s concepts (see Atlas::owns()).
[[nodiscard]] Explanation explain(const Atlas& atlas, const Concept& entry, const ExplainRequest& request);

/// Refused on a temporary Atlas: the explanation's views would point into an atlas gone at
/// the end of the statement.
std::optional<Explanation> explain(const Atlas&& atlas, const ExplainRequest& request) = delete;
/// Refused on a temporary Atlas (see above).
Explanation explain(const Atlas&& atlas, const Concept& entry, const ExplainRequest& request) = delete;

/// Plain text for terminals, SMS or speech, the one text layout of a concept (`katlas show`
/// and `katlas explain` print it): title with id and kind, other names, verdict, evidence,
/// the text (and professional details), both sides of a contested claim, the timing of a
/// phase, the relations under their headings, numbered sources and the review date.
/// Relations of one type and evidence read as one sentence, in the wording of their
/// evidence level, with their notes, tagged `[level: ids]`; every renderer below tells them alike.
[[nodiscard]] std::string to_text(const Explanation& explanation);

/// Markdown, with relation targets and sources as links when `base_url` is given
/// (concept pages at `<base_url>/concepts/<id>.html`, as `katlas build` writes them).
[[nodiscard]] std::string to_markdown(const Explanation& explanation, std::string_view base_url = {});

/// An HTML fragment (no `<html>`/`<body>`) for embedding in an app's page; every content
/// string is escaped and only http(s) or relative links are written.
[[nodiscard]] std::string to_html_fragment(const Explanation& explanation, std::string_view base_url = {});

/// JSON with the fields of Explanation, the citations as `{id, text, link}`, as
/// `katlas explain --format json` prints it (docs/json.md, "Explanation"). It is meant for
/// display: `details` is Markdown written as to_markdown() writes it (no raw HTML, images as
/// their alt text, no link but http(s) and relative ones); every other string is plain text.
[[nodiscard]] std::string to_json(const Explanation& explanation);

}  // namespace katlas

KATLAS_API_END
