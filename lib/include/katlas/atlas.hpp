/// @file atlas.hpp
/// @brief The Atlas: loaded content, its typed concept graph and the query API.
#pragma once

#include <katlas/content.hpp>
#include <katlas/diagnostic.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace katlas {

namespace detail {
struct AtlasData;
}

/// Which way a relation is read from a concept: written on it (`out`) or pointing at it (`in`).
enum class Direction { out, in, both };

/// `out`, `in` or `both`.
std::string_view to_string(Direction direction);

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
std::vector<LinkSentence> tell_links(const std::vector<Link>& links);

/// The note on a relation for a reader: lay readers get `note`; professionals get
/// `pro_note` when there is one, else `note`. Empty when there is none for them.
std::string_view relation_note(const Relation& relation, bool professional);

/// Filter for Atlas::related().
struct RelatedQuery {
  std::string_view type{};                ///< Relation type id; empty means every type.
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

struct LoadResult;

/// An immutable, loaded content folder with its concept graph and indexes.
///
/// Copies are cheap (they share the data) and every const member is safe to call from many
/// threads at once. No member throws for bad content: loading returns diagnostics instead.
///
/// @code
/// const katlas::Atlas& atlas = katlas::Atlas::builtin();
/// if (const katlas::Concept* c = atlas.find("CYP 3A4")) std::cout << c->summary;
/// @endcode
class Atlas {
 public:
  /// The content compiled into the library. Loaded once, on first use; never fails
  /// (the build's tests check the built-in content).
  static const Atlas& builtin();

  /// The files of the built-in content, as compiled into the library: to check them with
  /// different options, or to export them.
  static std::vector<ContentFile> builtin_files();

  /// Reads and checks a content folder (see docs/content-schema.md).
  static LoadResult load(const std::filesystem::path& folder, LoadOptions options = {});

  /// Checks content given as files in memory (the same rules as load()).
  static LoadResult load_files(std::vector<ContentFile> files, LoadOptions options = {});

  /// The loaded content, with every list sorted by id.
  const Content& content() const;

  /// A concept by id, by alias, or by title; case-, accent- and spacing-insensitive for
  /// aliases and titles ("CYP 3A4", "7-OH"). nullptr when there is none.
  const Concept* find(std::string_view id_or_alias) const;

  /// Up to `limit` concept ids that are closest to a misspelled id or name.
  std::vector<std::string> suggest(std::string_view text, std::size_t limit = 3) const;

  /// The kind with this id, or nullptr.
  const Kind* kind(std::string_view id) const;
  /// The relation type with this id, or nullptr.
  const RelationType* relation_type(std::string_view id) const;
  /// The source with this id, or nullptr.
  const Source* source(std::string_view id) const;

  /// Relations of a concept, outgoing first, each group in content order. Empty for an unknown id.
  std::vector<Link> related(const Concept& entry, RelatedQuery query = {}) const;

  /// The best-supported explanation chain from one concept to another. A chain is as sure
  /// as its weakest step, so chains are compared by that first (an all-established chain
  /// beats a shorter one with a contested step), then by following relations as written
  /// over walking some backwards, then by length. A popular claim (a concept with a
  /// verdict) may start or end a chain but is never a step inside one. Empty optional when
  /// no chain of links at least `query.min_evidence` connects them.
  std::optional<std::vector<PathStep>> path(const Concept& from, const Concept& to, PathQuery query = {}) const;

  /// The shortest cycle from `start` back to itself that follows relations of the given
  /// types as written, over links of `min_evidence` or stronger (established only by default:
  /// a figure says "each step feeds the next"; whoever draws a weaker one names each link's
  /// level). The concepts in order, `start` first; the link back to it is implied. Empty when
  /// there is none.
  std::vector<const Concept*> cycle_through(const Concept& start, const std::vector<std::string>& types,
                                            Evidence min_evidence = Evidence::established) const;

  /// Ranked matches over titles, aliases, summaries and details.
  std::vector<SearchHit> search(std::string_view text, std::size_t limit = 10) const;

  /// The index search() ranks with, as data (see SearchIndexData).
  SearchIndexData search_index() const;

  /// Concepts of one kind (every concept when `kind` is empty), sorted by title.
  std::vector<const Concept*> list(std::string_view kind = {}) const;

  /// The concepts that cite a source (in a concept, relation, side or timing), sorted by title.
  std::vector<const Concept*> citing(std::string_view source_id) const;

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
std::vector<ReviewItem> review_schedule(const Atlas& atlas, std::string_view today, int within_days = 0);

/// A warning for every concept whose review is past due on `today`, at its file, saying
/// when it was due and how to clear it. `katlas check` adds these; `--strict` fails on them.
Diagnostics overdue_review_warnings(const Atlas& atlas, std::string_view today);

/// What a load returns: the atlas when the content had no errors, and every diagnostic either way.
struct LoadResult {
  std::optional<Atlas> atlas;  ///< Set when the content had no errors.
  Diagnostics diagnostics;     ///< Every error and warning, sorted by file, line and column.
  /// True when the atlas was built.
  bool ok() const { return atlas.has_value(); }
};

}  // namespace katlas
