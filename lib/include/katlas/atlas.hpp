/// @file atlas.hpp
/// @brief The Atlas: loaded content, its typed concept graph and the query API.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/content.hpp>
#include <katlas/diagnostic.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// What copies of an Atlas share: internal, declared before the API's region so it stays hidden.
namespace katlas::detail {
struct AtlasData;
}

KATLAS_API_BEGIN

namespace katlas {

/// Which way a relation is read from a concept: written on it (`out`) or pointing at it (`in`).
enum class Direction { out, in, both };

/// `out`, `in` or `both`.
std::string_view to_string(Direction direction);

/// The direction a word names (`out`, `in` or `both`); nothing for any other word.
[[nodiscard]] std::optional<Direction> parse_direction(std::string_view word);

/// The sentence template a relation of this type, evidence and direction is told with
/// (relations.yaml gives one per evidence level). When the content gives none for that
/// level, a weaker level's template, or a stronger one's with a hedge in front ("Limited
/// evidence suggests that …"): a sentence never speaks more firmly than its evidence.
std::string sentence_template(const RelationType& type, Evidence evidence, Direction direction);

/// A relation seen from one concept. Pointers stay valid while any copy of the Atlas lives.
struct Link {
  const RelationType* type = nullptr;    ///< The relation's type.
  Direction direction = Direction::out;  ///< `out` when `self` holds the relation, else `in`.
  const Concept* self = nullptr;         ///< The concept the link was asked about.
  const Concept* other = nullptr;        ///< The concept at the other end.
  const Relation* relation = nullptr;    ///< As written (note, sources, evidence).
  /// Read from `self`'s side, in the words of the link's evidence level. For example:
  /// "Enzyme induction may help explain pharmacokinetic tolerance."
  std::string_view sentence;
  std::string_view heading;                 ///< The section heading for this type and direction.
  Evidence evidence = Evidence::anecdotal;  ///< As written on the relation, else inherited (see relation_evidence()).
  bool evidence_written = false;            ///< True when `evidence` was written on the relation, false when inherited.
};

/// Links told as prose: one sentence and the links it tells.
struct LinkSentence {
  std::string text;                ///< E.g. "Withdrawal can include anxiety, craving and diarrhoea."
  std::vector<const Link*> links;  ///< One or more; point into the vector given to tell_links().
};

/// Links (as Atlas::related() returns them) as sentences, in order: links of one type,
/// direction, evidence and basis, none with a note, whose sentence ends with the other
/// concept, read as one sentence; every other link as a sentence of its own. Each sentence
/// is worded for its evidence level (see sentence_template()).
[[nodiscard]] std::vector<LinkSentence> tell_links(const std::vector<Link>& links);
/// Refused: the sentences would point into a vector that is gone at the end of the statement.
/// Keep the links in a variable first.
std::vector<LinkSentence> tell_links(const std::vector<Link>&& links) = delete;

/// The note on a relation for a reader: lay readers get `note`; professionals get
/// `pro_note` when there is one, else `note`. Empty when there is none for them.
std::string_view relation_note(const Relation& relation, bool professional);

/// Filter for Atlas::related().
struct RelatedQuery {
  std::string type{};                     ///< Relation type id; empty means every type.
  Direction direction = Direction::both;  ///< Which way round; `both` means every relation.
};

/// One step of an explanation path.
struct PathStep {
  const Concept* from = nullptr;            ///< Where the step starts.
  const Concept* to = nullptr;              ///< Where the step ends.
  const RelationType* type = nullptr;       ///< The relation walked.
  Direction direction = Direction::out;     ///< `in` when the step walks a relation backwards.
  std::string_view sentence;                ///< The step as a sentence, read from `from`, hedged by its evidence.
  const Relation* relation = nullptr;       ///< As written (note, sources).
  Evidence evidence = Evidence::anecdotal;  ///< The step's evidence (see Link::evidence).
  bool evidence_written = false;            ///< True when written on the relation, false when inherited.
};

/// How Atlas::path() searches.
struct PathQuery {
  /// Only links at least this well supported may be walked (`--min-evidence`). The default
  /// allows every link.
  Evidence min_evidence = Evidence::anecdotal;
};

/// A chain is as sure as its weakest step: the weakest evidence among `steps`
/// (Evidence::established for an empty chain).
Evidence weakest_evidence(const std::vector<PathStep>& steps);

/// A scored search result.
struct SearchHit {
  const Concept* entry = nullptr;  ///< The matching concept.
  double score = 0;                ///< Higher is better; whole-name matches score 90 or more.
};

/// The index Atlas::search() ranks with, as plain data: for a search that runs elsewhere (the
/// site's search page, lib/assets/search.js) and must rank as Atlas::search() does.
struct SearchIndexData {
  /// Per concept, in the order of Content::concepts: its title folded and without spaces,
  /// then its aliases and search phrases the same way.
  std::vector<std::vector<std::string>> names;
  /// Per word (folded and stemmed), in byte order: the concepts it occurs in (their positions in
  /// Content::concepts) with its weight there (12 title, 10 alias or phrase, 4 summary, 1.5 details).
  std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, float>>>> words;
};

/// A file handed to Atlas::load_files(): its path relative to the content root and its bytes.
struct ContentFile {
  std::string path;  ///< Relative, with `/`, e.g. `concepts/enzyme/cyp3a4.yaml`.
  std::string text;  ///< The file's bytes (UTF-8).
};

/// Options for loading content.
struct LoadOptions {
  /// Prefix shown before relative paths in diagnostics (e.g. `content`). Atlas::load() sets it to the folder.
  std::string display_root;
  /// Also run the content rules of `katlas check --strict` (as warnings).
  bool strict = false;
  /// A folder for the parse cache (`concepts.bin`): concept files whose path and bytes are
  /// unchanged since the last load with the same folder are not parsed again. Only files
  /// that loaded without a diagnostic are kept, and a damaged or foreign cache is ignored.
  /// Empty (the default): no cache. See docs/performance.md, "Incremental rebuilds".
  std::filesystem::path cache_dir{};
};

class LoadResult;

/// An immutable, loaded content folder with its concept graph and indexes.
///
/// Copies are cheap (they share the data) and every const member is safe to call from many
/// threads at once. A moved-from Atlas is still the same atlas: a move copies the shared
/// handle, so no Atlas is ever empty.
///
/// Errors: no member throws for bad content (loading returns diagnostics instead) or for an
/// unknown id or name (it finds nothing). A member given a `const Concept&` that is not one of
/// this atlas's concepts (see owns()) throws std::invalid_argument: a concept of another
/// atlas, even one loaded from the same folder with the same id, is a bug in the caller,
/// never quietly mixed in.
///
/// Lifetimes: pointers, references and views it returns (`Concept*`, `Link`, `PathStep`,
/// `SearchHit`, content()) point into the shared data and stay valid while any copy of the
/// Atlas lives. Those members cannot be called on a temporary Atlas (the call does not
/// compile), because what they return would dangle at the end of the statement:
///
/// @code
/// const katlas::Atlas& atlas = katlas::Atlas::builtin();
/// if (const katlas::Concept* c = atlas.find("CYP 3A4")) std::cout << c->summary;
///
/// katlas::LoadResult result = katlas::Atlas::load("content");
/// if (result.ok()) use(result.atlas().find("tolerance"));    // the atlas lives in `result`
/// katlas::Atlas kept = std::move(result).atlas();               // or take it out to keep it
/// // katlas::Atlas::load("content").atlas().find("tolerance"); // does not compile
/// @endcode
class Atlas {
 public:
  /// Copies share the data.
  Atlas(const Atlas&) = default;
  /// Shares `other`'s data. A move is a copy: a moved-from Atlas stays usable.
  Atlas& operator=(const Atlas& other) = default;
  ~Atlas() = default;

  /// The content compiled into the library. Loaded once, on first use; never fails
  /// (the build's tests check the built-in content). The library's build loads and checks
  /// it and compiles it in pre-parsed, so the first call decodes it without parsing YAML.
  static const Atlas& builtin();

  /// The files of the built-in content, as compiled into the library: to check them with
  /// different options, or to export them.
  [[nodiscard]] static std::vector<ContentFile> builtin_files();

  /// Reads and checks a content folder (see docs/content-schema.md). Never throws for bad
  /// content: see LoadResult.
  [[nodiscard]] static LoadResult load(const std::filesystem::path& folder, LoadOptions options = {});

  /// Checks content given as files in memory (the same rules as load()).
  [[nodiscard]] static LoadResult load_files(std::vector<ContentFile> files, LoadOptions options = {});

  /// The loaded content, with every list sorted by id.
  [[nodiscard]] const Content& content() const&;

  /// True when `entry` is one of this atlas's concepts (an element of content().concepts,
  /// shared by every copy), not merely a concept with the same id. O(1).
  [[nodiscard]] bool owns(const Concept& entry) const;

  /// A concept by id, by alias, or by title; case-, accent- and spacing-insensitive for
  /// aliases and titles ("CYP 3A4", "7-OH"). nullptr when there is none.
  [[nodiscard]] const Concept* find(std::string_view id_or_alias) const&;

  /// Up to `limit` concept ids that are closest to a misspelled id or name.
  [[nodiscard]] std::vector<std::string> suggest(std::string_view text, std::size_t limit = 3) const;

  /// The kind with this id, or nullptr.
  [[nodiscard]] const Kind* kind(std::string_view id) const&;
  /// The relation type with this id, or nullptr.
  [[nodiscard]] const RelationType* relation_type(std::string_view id) const&;
  /// The source with this id, or nullptr.
  [[nodiscard]] const Source* source(std::string_view id) const&;

  /// Relations of a concept, outgoing first, each group in content order.
  /// Throws std::invalid_argument when `entry` is not one of this atlas's concepts (owns()).
  [[nodiscard]] std::vector<Link> related(const Concept& entry, RelatedQuery query = {}) const&;
  /// The same for the concept with this exact id (not an alias or title: find() resolves
  /// those). Empty for an unknown id; never throws.
  [[nodiscard]] std::vector<Link> related(std::string_view id, RelatedQuery query = {}) const&;

  /// The best-supported explanation chain from one concept to another. A chain is as sure
  /// as its weakest step, so chains are compared by that first (an all-established chain
  /// beats a shorter one with a contested step), then by following relations as written
  /// over walking some backwards, then by length. A popular claim (a concept with a
  /// verdict) may start or end a chain but is never a step inside one. Empty optional when
  /// no chain of links at least `query.min_evidence` connects them; no steps when `from` is `to`.
  /// Throws std::invalid_argument when `from` or `to` is not one of this atlas's concepts (owns()).
  [[nodiscard]] std::optional<std::vector<PathStep>> path(const Concept& from, const Concept& to,
                                                          PathQuery query = {}) const&;
  /// The same between the concepts with these exact ids (not aliases or titles: find()
  /// resolves those). Empty optional also when either id is unknown; never throws.
  [[nodiscard]] std::optional<std::vector<PathStep>> path(std::string_view from_id, std::string_view to_id,
                                                          PathQuery query = {}) const&;

  /// The shortest cycle from `start` back to itself that follows relations of the given
  /// types as written, over links of `min_evidence` or stronger (established only by default:
  /// a figure says "each step feeds the next"; whoever draws a weaker one names each link's
  /// level). The concepts in order, `start` first; the link back to it is implied. Empty when
  /// there is none. Throws std::invalid_argument when `start` is not one of this atlas's concepts.
  [[nodiscard]] std::vector<const Concept*> cycle_through(const Concept& start, const std::vector<std::string>& types,
                                                          Evidence min_evidence = Evidence::established) const&;

  /// Ranked matches over titles, aliases, summaries and details. Empty when the text has no
  /// word but stop words ("the", "why does my"), or when nothing matches.
  [[nodiscard]] std::vector<SearchHit> search(std::string_view text, std::size_t limit = 10) const&;

  /// The index search() ranks with, as data (see SearchIndexData).
  [[nodiscard]] SearchIndexData search_index() const;

  /// Concepts of one kind (every concept when `kind` is empty), sorted by title.
  [[nodiscard]] std::vector<const Concept*> list(std::string_view kind = {}) const&;

  /// The concepts that cite a source (in a concept, relation, side or timing), sorted by title.
  [[nodiscard]] std::vector<const Concept*> citing(std::string_view source_id) const&;

  /// @name Refused on a temporary Atlas
  /// What these members return points into the atlas, which is gone at the end of the
  /// statement, so calling them on a temporary does not compile. Keep the Atlas in a variable
  /// (or call them on LoadResult::atlas() of a result kept in one).
  /// @{
  const Content& content() const&& = delete;
  const Concept* find(std::string_view id_or_alias) const&& = delete;
  const Kind* kind(std::string_view id) const&& = delete;
  const RelationType* relation_type(std::string_view id) const&& = delete;
  const Source* source(std::string_view id) const&& = delete;
  std::vector<Link> related(const Concept&, RelatedQuery = {}) const&& = delete;
  std::vector<Link> related(std::string_view, RelatedQuery = {}) const&& = delete;
  std::optional<std::vector<PathStep>> path(const Concept&, const Concept&, PathQuery = {}) const&& = delete;
  std::optional<std::vector<PathStep>> path(std::string_view, std::string_view, PathQuery = {}) const&& = delete;
  std::vector<const Concept*> cycle_through(const Concept&, const std::vector<std::string>&,
                                            Evidence = Evidence::established) const&& = delete;
  std::vector<SearchHit> search(std::string_view, std::size_t = 10) const&& = delete;
  std::vector<const Concept*> list(std::string_view = {}) const&& = delete;
  std::vector<const Concept*> citing(std::string_view) const&& = delete;
  /// @}

 private:
  explicit Atlas(std::shared_ptr<const detail::AtlasData> data);
  friend struct detail::AtlasData;
  std::shared_ptr<const detail::AtlasData> data_;
};

/// A concept's place in the review schedule (see `katlas review`).
struct ReviewItem {
  const Concept* entry = nullptr;  ///< The concept.
  std::string due;                 ///< YYYY-MM-DD it is next due for review.
  int every_months = 0;            ///< Its review interval.
  bool overdue = false;            ///< `due` is before the day asked about.
};

/// The concepts due for review on or before `today` plus `within_days`, soonest first (ties
/// by id). `today` is YYYY-MM-DD (see today_utc()).
[[nodiscard]] std::vector<ReviewItem> review_schedule(const Atlas& atlas, std::string_view today, int within_days = 0);
/// Refused on a temporary Atlas: the items would point into an atlas gone at the end of the statement.
std::vector<ReviewItem> review_schedule(const Atlas&& atlas, std::string_view today, int within_days = 0) = delete;

/// A warning for every concept whose review is past due on `today`, at its file, saying
/// when it was due and how to clear it. `katlas check` adds these; `--strict` fails on them.
[[nodiscard]] Diagnostics overdue_review_warnings(const Atlas& atlas, std::string_view today);

/// What a load returns: the atlas when the content had no errors, and every diagnostic either way.
///
/// The atlas lives inside the result. Use it in place through an lvalue (`result.atlas()`),
/// or take it out to keep (`std::move(result).atlas()`, or `Atlas::load(folder).atlas()`,
/// which returns the Atlas by value). `Atlas::load(folder).atlas().find("x")` does not compile:
/// the pointer would outlive the atlas.
///
/// @code
/// katlas::LoadResult result = katlas::Atlas::load("content");
/// std::cerr << result.diagnostics.format();
/// if (!result.ok()) return 1;
/// const katlas::Atlas& atlas = result.atlas();
/// @endcode
class LoadResult {
 public:
  Diagnostics diagnostics;  ///< Every error and warning, sorted by file, line and column.

  /// True when the content had no errors and the atlas was built.
  [[nodiscard]] bool ok() const { return atlas_.has_value(); }

  /// The atlas, which lives as long as this result. Precondition: ok(); throws
  /// std::logic_error otherwise.
  [[nodiscard]] const Atlas& atlas() const& { return checked(); }
  /// The atlas by value (a copy of the shared handle), from a result about to go away.
  /// Precondition: ok(); throws std::logic_error otherwise.
  [[nodiscard]] Atlas atlas() const&& { return checked(); }

 private:
  friend class Atlas;
  LoadResult(std::optional<Atlas> atlas, Diagnostics diagnostics)
      : diagnostics(std::move(diagnostics)), atlas_(std::move(atlas)) {}
  const Atlas& checked() const {
    if (!atlas_)
      throw std::logic_error(
          "katlas::LoadResult::atlas(): the content did not load (ok() is false); "
          "read the diagnostics instead");
    return *atlas_;
  }
  std::optional<Atlas> atlas_;
};

}  // namespace katlas

KATLAS_API_END
