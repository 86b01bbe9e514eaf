/// @file content.hpp
/// @brief The content model: plain values loaded from a content folder (see docs/content-schema.md).
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/diagnostic.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// How well a claim is supported, from strongest to weakest.
enum class Evidence { established, limited, contested, anecdotal };

/// The schema word for an evidence level: `established`, `limited`, `contested` or `anecdotal`.
std::string_view to_string(Evidence evidence);

/// The evidence level a schema word names (see to_string(Evidence)); nothing for any other word.
[[nodiscard]] std::optional<Evidence> parse_evidence(std::string_view word);

/// One sentence that says what an evidence level means to a lay reader.
std::string_view plain_explanation(Evidence evidence);

/// The weaker of two evidence levels (established is the strongest, anecdotal the weakest).
constexpr Evidence weaker(Evidence a, Evidence b) { return a > b ? a : b; }

/// Every evidence level, strongest first.
inline constexpr std::array<Evidence, 4> evidence_levels{Evidence::established, Evidence::limited, Evidence::contested,
                                                         Evidence::anecdotal};

/// What the evidence says of a popular claim, all things weighed (`verdict:` in a claim file).
enum class Verdict { supported, partly_supported, unsupported, refuted, unresolved };

/// The schema word for a verdict: `supported`, `partly-supported`, `unsupported`, `refuted`
/// or `unresolved`.
std::string_view to_string(Verdict verdict);

/// The verdict as a reader's label, such as "Not supported by the evidence". One table for the
/// site, handouts, CLI text and JSON (`verdict_label`).
std::string_view plain_label(Verdict verdict);

/// Where a relation's support comes from, when the content says (`basis:` on a relation).
enum class Basis {
  observed,   ///< Seen in people (clinical studies, case reports).
  predicted,  ///< Predicted from lab or animal data or from drug labels; not seen in people.
};

/// `observed` or `predicted`.
std::string_view to_string(Basis basis);

/// The basis in a reader's words: "seen in people" or "predicted from lab data, not seen in people".
std::string_view plain_label(Basis basis);

/// Which text a reader gets: the lay summary only, or the professional details as well.
/// Every default in the library is `lay`: text for the public unless pro is asked for.
enum class Audience { lay, pro };

/// `lay` or `pro`.
std::string_view to_string(Audience audience);

/// The audience a word names (`lay` or `pro`); nothing for any other word.
[[nodiscard]] std::optional<Audience> parse_audience(std::string_view word);

/// A concept kind from `kinds.yaml` (e.g. `enzyme`, `phase`).
struct Kind {
  std::string id;           ///< Kebab-case id used in concept files, e.g. `enzyme`.
  std::string title;        ///< Singular, e.g. "Withdrawal phase".
  std::string plural;       ///< Index heading, e.g. "Withdrawal phases".
  std::string description;  ///< One lay sentence.
  /// Strict check: members must link to the help concept's kind with the help relation type
  /// (the one with `help-link: true` in `relations.yaml`). Their pages show the help box.
  bool needs_help_link = false;
  bool help_box = false;        ///< Pages of members show the help box (`help-box: true`).
  bool needs_verdict = false;   ///< Strict check: members must have a `verdict` (popular claims).
  int review_every_months = 0;  ///< How often members are reviewed (`review-every`); 0: the default, 24.
  SourceLoc loc;                ///< Where the entry starts in `kinds.yaml`.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Kind&) const = default;
};

/// A relation type from `relations.yaml`. Inverses are derived, never written.
struct RelationType {
  std::string id;               ///< Kebab-case id used in `relations: - type:`.
  std::string label;            ///< "inhibits"
  std::string inverse_label;    ///< "is inhibited by"
  std::string heading;          ///< Section heading on the source concept's page.
  std::string inverse_heading;  ///< Section heading on the target concept's page.
  /// Sentence templates with `{from}` and `{to}`, one per evidence level (indexed by
  /// Evidence). Established: "{from} helps explain {to}."; limited: "{from} may help explain
  /// {to}."; and so on. Empty where relations.yaml writes none for that level.
  std::array<std::string, 4> sentences;
  std::array<std::string, 4> inverse_sentences;  ///< The same, read from the target's side.
  /// The sentence says how the content is organised ("The claim X is about Y"), not a
  /// finding: one template serves every evidence level.
  bool structural = false;
  std::vector<std::string> from_kinds;  ///< Allowed source kinds; empty means any.
  std::vector<std::string> to_kinds;    ///< Allowed target kinds; empty means any.
  bool acyclic = false;                 ///< A chain of this type may not loop back.
  /// This type links a concept to guidance on getting help (`help-link: true`; at most one
  /// type). A concept with such a link gets the help box on its page and handouts.
  bool help_link = false;
  SourceLoc loc;  ///< Where the entry starts in `relations.yaml`.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const RelationType&) const = default;
};

struct Content;

/// The relation type marked `help-link: true`, or nullptr when the content has none.
const RelationType* help_relation_type(const Content& content);

/// What kind of work a source is: how far a reader may lean on it alone (`type:` in `sources.yaml`).
enum class SourceType {
  peer_reviewed,  ///< A peer-reviewed journal article or chapter.
  official,       ///< A government, regulator or public-health page, a drug label, a registry, a guideline.
  grey,           ///< Not peer reviewed: reports, preprints, news, books, encyclopedias, decision-support sites.
  user_report,    ///< What users or sellers say: forums, personal accounts, vendor and advocacy pages.
};

/// The schema word: `peer-reviewed`, `official`, `grey` or `user-report`.
std::string_view to_string(SourceType type);

/// The type a schema word names; nothing for any other word.
std::optional<SourceType> parse_source_type(std::string_view word);

/// A bibliography entry from `sources.yaml`.
struct Source {
  std::string id;        ///< Kebab-case id, usually `firstauthor-year`.
  std::string authors;   ///< As written, e.g. "Kruegel AC, Gassaway MM, et al.".
  int year = 0;          ///< Year of publication (or of consultation, for undated pages; see `note`).
  std::string title;     ///< Title of the work.
  std::string venue;     ///< Journal, volume and pages, or publisher; may be empty.
  std::string doi;       ///< Bare DOI, e.g. `10.1021/jacs.6b00360`; may be empty when `url` is set.
  std::string url;       ///< http(s) URL; may be empty when `doi` is set.
  std::string pmid;      ///< PubMed id; may be empty.
  std::string copy_url;  ///< A third party's copy (mirror, aggregator); never the main link. May be empty.
  std::string note;      ///< What a reader should know (design, size, funding); may be empty.
  std::string curation;  ///< How the source was read or checked; for maintainers, never rendered.
  /// What kind of work it is; unset when `sources.yaml` does not say (`check --strict` warns).
  std::optional<SourceType> type;
  SourceLoc loc;  ///< Where the entry starts in `sources.yaml`.
  /// True for peer-reviewed and official sources: the ones a lay handout numbers as
  /// references. Grey literature and user reports are listed apart ("What people report").
  /// A source of unknown type counts as a reference, as before types were written.
  bool is_reference() const { return !type || *type == SourceType::peer_reviewed || *type == SourceType::official; }
  /// The best link for a reader: `https://doi.org/<doi>` when there is a DOI, else `url`
  /// (the publisher's or official page). Empty when only a copy is known (see `copy_url`).
  std::string link() const;
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Source&) const = default;
};

/// A typed edge written on the concept it starts from.
struct Relation {
  std::string type;    ///< Relation type id.
  std::string target;  ///< Target concept id.
  /// How well the link itself is supported, as written. When left out, the link takes the
  /// weaker of its two concepts' levels (see relation_evidence()).
  std::optional<Evidence> evidence;
  std::optional<Basis> basis;          ///< Seen in people, or predicted only; unset when not said.
  std::vector<std::string> sources;    ///< Source ids for this relation; may be empty.
  std::vector<SourceLoc> source_locs;  ///< Position of each entry of `sources`.
  std::string note;                    ///< Plain words shown after the sentence to every reader; may be empty.
  std::string pro_note;  ///< The professional wording, shown instead of `note` to professionals; may be empty.
  SourceLoc loc;         ///< Where the relation starts.
  SourceLoc type_loc;    ///< Where its `type` value is.
  SourceLoc target_loc;  ///< Where its `target` value is.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Relation&) const = default;
};

/// One side of a contested claim.
struct Side {
  /// Which side of the claim: `for` or `against` in the schema.
  enum class Position { for_claim, against_claim };
  Position position = Position::for_claim;  ///< The side this text argues.
  std::string text;                         ///< What the evidence on this side says.
  std::vector<std::string> sources;         ///< Source ids; at least one.
  std::vector<SourceLoc> source_locs;       ///< Position of each entry of `sources`.
  SourceLoc loc;                            ///< Where the side starts.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Side&) const = default;
};

/// When a withdrawal phase starts and ends, in hours after the last dose, as reported ranges.
struct Timing {
  double start_min = 0;                     ///< Earliest reported start, hours after the last dose.
  double start_max = 0;                     ///< Latest reported start.
  double end_min = 0;                       ///< Earliest reported end (0 when `has_end` is false).
  double end_max = 0;                       ///< Latest reported end (0 when `has_end` is false).
  bool has_end = true;                      ///< False when no end is known (`end-hours` left out): an open-ended phase.
  Evidence evidence = Evidence::anecdotal;  ///< How well the timing is supported.
  std::vector<std::string> sources;         ///< Source ids for the timing.
  std::vector<SourceLoc> source_locs;       ///< Position of each entry of `sources`.
  std::string note;                         ///< What is and is not known about the timing; may be empty.
  SourceLoc loc;                            ///< Where `timing:` starts.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Timing&) const = default;
};

/// One concept: one file under `concepts/<kind>/<id>.yaml`.
struct Concept {
  std::string id;                    ///< Kebab-case id; equals the file name; never changes.
  std::string title;                 ///< How the concept is named.
  std::string kind;                  ///< A kind id from `kinds.yaml`.
  std::string sentence_name;         ///< Name used inside sentences; see display_name_in_sentence().
  std::vector<std::string> aliases;  ///< Other names of the same thing ("CYP 3A4", "Suboxone"); shown as such.
  /// What readers type to find it ("why does my dose stop working"): searched, never shown as a name.
  std::vector<std::string> search_phrases;
  std::string summary;                      ///< Lay text.
  std::string details;                      ///< Professional text (Markdown).
  Evidence evidence = Evidence::anecdotal;  ///< How well the concept's text is supported.
  std::optional<Verdict> verdict;           ///< For a popular claim: what the evidence says of it.
  std::vector<std::string> sources;         ///< Source ids for the concept's text.
  std::vector<SourceLoc> source_locs;       ///< Position of each entry of `sources`.
  std::string reviewed;                     ///< YYYY-MM-DD: when the text was last checked against its sources.
  int review_every_months = 0;              ///< `review-every`; 0: the kind's interval, else 24 months.
  std::vector<Relation> relations;          ///< Relations written on this concept (outgoing).
  std::vector<Side> sides;                  ///< Both sides, for a contested concept.
  std::optional<Timing> timing;             ///< When a withdrawal phase starts and ends.
  SourceLoc loc;                            ///< The file (line 1).
  SourceLoc id_loc;                         ///< Where the `id` value is.
  SourceLoc summary_loc;                    ///< Where the `summary` value is.
  SourceLoc kind_loc;                       ///< Where the `kind` value is.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Concept&) const = default;
};

/// A reading path on the site's home page (`start-paths:` in `site.yaml`).
struct StartPath {
  std::string heading;                  ///< E.g. "I use kratom daily".
  std::string intro;                    ///< One lay sentence under the heading.
  std::vector<std::string> concepts;    ///< Concept ids, in reading order.
  std::vector<SourceLoc> concept_locs;  ///< Position of each entry of `concepts`.
  std::string more_url;   ///< A page of the site to end the path with (e.g. `contested.html`); may be empty.
  std::string more_text;  ///< Its link text.
  SourceLoc loc;          ///< Where the path starts.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const StartPath&) const = default;
};

/// The cycle drawn on the home page and its concept's page (`cycle:` in `site.yaml`).
struct FeaturedCycle {
  std::string through;             ///< The concept the cycle starts and ends at.
  std::vector<std::string> types;  ///< Relation types it may follow, as written.
  std::string heading;             ///< Section heading on the home page.
  std::string intro;               ///< One lay sentence under the heading.
  std::string caption;             ///< The figure's caption.
  /// The weakest link the cycle may use (`min-evidence`; default established). A weaker link
  /// is drawn and told with its level, like every other link.
  Evidence min_evidence = Evidence::established;
  SourceLoc loc;  ///< Where `cycle:` starts.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const FeaturedCycle&) const = default;
};

/// How the site presents the content (`site.yaml`, optional): everything a renderer would
/// otherwise have to know about one content folder's ids and words.
struct SiteConfig {
  std::string title;                   ///< The site's name; may be empty (see name()).
  std::string lead;                    ///< The home page's opening sentence.
  std::string description;             ///< The home page's meta description.
  std::string help;                    ///< Id of the "when to get medical help" guidance concept; may be empty.
  SourceLoc help_loc;                  ///< Where `help` is.
  std::vector<StartPath> start_paths;  ///< In file order.
  std::optional<FeaturedCycle> cycle;  ///< The featured cycle, when the site has one.
  /// Kind id -> schema.org type of its pages, such as `symptom: MedicalSignOrSymptom`; kinds
  /// left out are `MedicalEntity`.
  std::vector<std::pair<std::string, std::string>> schema_types;
  std::vector<SourceLoc> schema_type_locs;  ///< Position of each entry of `schema_types`.
  SourceLoc loc;                            ///< The file (line 1); empty file name when there is no `site.yaml`.
  /// The site's name as shown: `title`, or "Content atlas" when the content gives none.
  std::string_view name() const { return title.empty() ? std::string_view("Content atlas") : std::string_view(title); }
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const SiteConfig&) const = default;
};

/// One phone line of a region's help box on printed handouts (`help-lines.yaml`).
struct HelpLine {
  std::string service;   ///< "Poison Help"
  std::string number;    ///< As dialled, e.g. "1-800-222-1222" or "call or text 988".
  std::string when;      ///< When to call, in plain words; may be empty.
  std::string source;    ///< Id of the source where the number was checked.
  SourceLoc loc;         ///< The line's mapping.
  SourceLoc source_loc;  ///< Where `source` is.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const HelpLine&) const = default;
};

/// The help lines of one country or region (`katlas handout --region ID`).
struct HelpRegion {
  std::string id;               ///< Short kebab-case id typed on the command line, e.g. `us`.
  std::string name;             ///< "United States"
  std::string concept_id;       ///< The concept with the full list (`concept:`); may be empty.
  std::string reviewed;         ///< YYYY-MM-DD: when the numbers were last checked.
  std::vector<HelpLine> lines;  ///< In the order printed.
  SourceLoc loc;                ///< The region's mapping.
  SourceLoc concept_loc;        ///< Where `concept` is.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const HelpRegion&) const = default;
};

/// Picks the concepts of a section from the graph: those related to one concept.
struct HandoutQuery {
  std::string related_to;    ///< Concept id the picked concepts are related to (either direction).
  std::string relation;      ///< Relation type id; empty means any type.
  std::string kind;          ///< Kind id of the picked concepts; empty means any kind.
  std::size_t limit = 4;     ///< At most this many, in the order Atlas::related() gives.
  SourceLoc loc;             ///< The `query:` mapping in the recipe file.
  SourceLoc related_to_loc;  ///< Where `related-to` is (its value).
  SourceLoc relation_loc;    ///< Where `relation` is; the mapping's place when it is not written.
  SourceLoc kind_loc;        ///< Where `kind` is; the mapping's place when it is not written.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const HandoutQuery&) const = default;
};

/// One section of a recipe: a heading and its concepts, named or queried.
struct HandoutSectionRecipe {
  std::string heading;                  ///< The section's heading on the page.
  std::string intro;                    ///< Optional text before the concepts.
  std::vector<std::string> concepts;    ///< Concept ids, in the order shown.
  std::vector<SourceLoc> concept_locs;  ///< Position of each entry of `concepts`.
  std::optional<HandoutQuery> query;    ///< Used when `concepts` is empty.
  SourceLoc loc;                        ///< The section's mapping in the recipe file.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const HandoutSectionRecipe&) const = default;
};

/// A glossary entry written in a recipe, for a term that is not a concept ("sedative").
struct GlossaryTerm {
  std::string term;        ///< As printed, e.g. "Sedative"; matched in the text case-insensitively.
  std::string definition;  ///< One or two plain sentences.
  SourceLoc loc;           ///< The entry in the recipe file.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const GlossaryTerm&) const = default;
};

/// Whether the "when to get help" box is printed.
enum class HelpBox {
  automatic,  ///< When a shown concept links to the help concept (`help:` in `site.yaml`) or is of a kind that must.
  always,
  never
};

/// A handout recipe as read from `handouts/<id>.yaml`.
struct HandoutRecipe {
  std::string id;                              ///< Kebab-case; equals the file name.
  std::string title;                           ///< The handout's heading.
  Audience audience = Audience::lay;           ///< lay: summaries only; pro: with the start of the evidence.
  std::string purpose;                         ///< One or two sentences: who it is for and what it covers.
  std::vector<HandoutSectionRecipe> sections;  ///< In the order printed.
  std::vector<std::string> key_points;         ///< The summary box.
  std::vector<std::string> actions;            ///< "What you can do".
  std::vector<std::string> teach_back;         ///< Questions the educator asks to check understanding.
  std::vector<GlossaryTerm> glossary;          ///< Extra terms; concepts' terms are added automatically.
  HelpBox help_box = HelpBox::automatic;       ///< Whether the "when to get help" box is printed.
  /// The concept whose site page the handout's link and QR code open (`topic:`); empty: the
  /// first concept of the first section.
  std::string topic;
  SourceLoc topic_loc;  ///< Where `topic` is.
  /// The reader's site this recipe links to (`site-url:`, an absolute http(s) URL); empty:
  /// the one given with `katlas handout --site-url`, else no link.
  std::string site_url;
  SourceLoc site_url_loc;  ///< Where `site-url` is.
  /// True for a recipe made on the spot (recipe_for_concepts()): its text suits either
  /// audience. A written recipe is for its `audience` only.
  bool any_audience = false;
  SourceLoc loc;  ///< The recipe's top-level mapping.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const HandoutRecipe&) const = default;
};

/// Everything in a content folder.
struct Content {
  std::vector<Kind> kinds;                   ///< In file order (the order of index pages).
  std::vector<RelationType> relation_types;  ///< In file order (the order of page sections).
  std::vector<Source> sources;               ///< Sorted by id.
  std::vector<Concept> concepts;             ///< Sorted by id.
  SiteConfig site;                           ///< From `site.yaml`; defaults when there is none.
  std::vector<HandoutRecipe> handouts;       ///< From `handouts/*.yaml`, sorted by id.
  std::vector<HelpRegion> help_regions;      ///< From `help-lines.yaml`, in file order.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const Content&) const = default;
};

/// The evidence of a relation: as written on it, else the weaker of its two concepts'.
/// The second member is true when the level was written on the relation.
std::pair<Evidence, bool> relation_evidence(const Relation& relation, const Concept& from, const Concept& to);

/// Months between reviews when neither the concept nor its kind sets `review-every`.
inline constexpr int default_review_months = 24;

/// Months between a concept's reviews: its `review-every`, else its kind's, else
/// default_review_months.
int review_interval_months(const Concept& entry, const Kind* kind);

/// The date a concept is next due for review (YYYY-MM-DD): `reviewed` plus
/// review_interval_months(). Empty when `reviewed` is not a date.
std::string review_due(const Concept& entry, const Kind* kind);

/// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

/// `date` (YYYY-MM-DD) plus a number of days; empty when `date` is not a date.
std::string add_days(std::string_view date, int days);

/// The name of a concept as written inside a sentence: `sentence-name` when set, else the
/// title with its first letter lowercased unless the first word looks like an acronym
/// ("CYP3A4", "DSM-5", "7-OH" stay as they are).
std::string sentence_name(const Concept& entry);

}  // namespace katlas

KATLAS_API_END
