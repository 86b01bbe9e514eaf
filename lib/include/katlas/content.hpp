/// @file content.hpp
/// @brief The content model: plain values loaded from a content folder (see docs/content-schema.md).
#pragma once

#include <katlas/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace katlas {

/// How well a claim is supported, from strongest to weakest.
enum class Evidence { established, limited, contested, anecdotal };

/// The schema word for an evidence level: `established`, `limited`, `contested` or `anecdotal`.
std::string_view to_string(Evidence evidence);

/// One sentence that says what an evidence level means to a lay reader.
std::string_view plain_explanation(Evidence evidence);

/// A concept kind from `kinds.yaml` (e.g. `enzyme`, `phase`).
struct Kind {
  std::string id;
  std::string title;        ///< Singular, e.g. "Withdrawal phase".
  std::string plural;       ///< Index heading, e.g. "Withdrawal phases".
  std::string description;  ///< One lay sentence.
  bool needs_help_link = false;  ///< Strict check: members must link to `guidance` with `get-help`.
  SourceLoc loc;
};

/// A relation type from `relations.yaml`. Inverses are derived, never written.
struct RelationType {
  std::string id;
  std::string label;             ///< "inhibits"
  std::string inverse_label;     ///< "is inhibited by"
  std::string heading;           ///< Section heading on the source concept's page.
  std::string inverse_heading;   ///< Section heading on the target concept's page.
  std::string sentence;          ///< Template with `{from}` and `{to}`.
  std::string inverse_sentence;  ///< Template read from the target's side.
  std::vector<std::string> from_kinds;  ///< Allowed source kinds; empty means any.
  std::vector<std::string> to_kinds;    ///< Allowed target kinds; empty means any.
  bool acyclic = false;          ///< A chain of this type may not loop back.
  SourceLoc loc;
};

/// A bibliography entry from `sources.yaml`.
struct Source {
  std::string id;
  std::string authors;
  int year = 0;
  std::string title;
  std::string venue;
  std::string doi;   ///< Bare DOI, e.g. `10.1021/jacs.6b00360`; may be empty when `url` is set.
  std::string url;   ///< http(s) URL; may be empty when `doi` is set.
  std::string pmid;
  std::string note;
  SourceLoc loc;
  /// The best link for a reader: `https://doi.org/<doi>` when there is a DOI, else `url`.
  std::string link() const;
};

/// A typed edge written on the concept it starts from.
struct Relation {
  std::string type;    ///< Relation type id.
  std::string target;  ///< Target concept id.
  std::optional<Evidence> evidence;  ///< Set when it differs from the concept's.
  std::vector<std::string> sources;
  std::vector<SourceLoc> source_locs;  ///< Position of each entry of `sources`.
  std::string note;
  SourceLoc loc;
  SourceLoc type_loc;
  SourceLoc target_loc;
};

/// One side of a contested claim.
struct Side {
  enum class Position { for_claim, against_claim };
  Position position = Position::for_claim;
  std::string text;
  std::vector<std::string> sources;
  std::vector<SourceLoc> source_locs;  ///< Position of each entry of `sources`.
  SourceLoc loc;
};

/// When a withdrawal phase starts and ends, in hours after the last dose, as reported ranges.
struct Timing {
  double start_min = 0, start_max = 0;
  double end_min = 0, end_max = 0;
  Evidence evidence = Evidence::anecdotal;
  std::vector<std::string> sources;
  std::vector<SourceLoc> source_locs;  ///< Position of each entry of `sources`.
  std::string note;
  SourceLoc loc;
};

/// One concept: one file under `concepts/<kind>/<id>.yaml`.
struct Concept {
  std::string id;
  std::string title;
  std::string kind;
  std::string sentence_name;  ///< Name used inside sentences; see display_name_in_sentence().
  std::vector<std::string> aliases;
  std::string summary;  ///< Lay text.
  std::string details;  ///< Professional text (Markdown).
  Evidence evidence = Evidence::anecdotal;
  std::vector<std::string> sources;
  std::vector<SourceLoc> source_locs;  ///< Position of each entry of `sources`.
  std::string reviewed;  ///< YYYY-MM-DD.
  std::vector<Relation> relations;
  std::vector<Side> sides;
  std::optional<Timing> timing;
  SourceLoc loc;  ///< The file (line 1).
  SourceLoc id_loc;
  SourceLoc summary_loc;
  SourceLoc kind_loc;
};

/// Everything in a content folder, sorted by id.
struct Content {
  std::vector<Kind> kinds;
  std::vector<RelationType> relation_types;
  std::vector<Source> sources;
  std::vector<Concept> concepts;
};

/// The name of a concept as written inside a sentence: `sentence-name` when set, else the
/// title with its first letter lowercased unless the first word looks like an acronym
/// ("CYP3A4", "DSM-5", "7-OH" stay as they are).
std::string sentence_name(const Concept& entry);

}  // namespace katlas
