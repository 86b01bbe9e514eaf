// A small inverted index for ranked, case- and accent-insensitive concept search.
#pragma once

#include <katlas/atlas.hpp>
#include <katlas/core_export.hpp>

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// A concept's indexed words: folded, stemmed and sorted, each once with the highest weight of
/// a field it is in (12 title, 10 alias or search phrase, 4 summary, 1.5 details).
using TermWeights = std::vector<std::pair<std::string, float>>;
TermWeights concept_terms(const Concept& c);

/// A concept's names as SearchIndexData::names holds them: its title, aliases and search
/// phrases, each folded and without spaces.
std::vector<std::string> concept_names(const Concept& c);

/// SearchIndexData::words, gathered one concept after another in concept order, with each
/// word numbered once: what the site's search index is written from, and what the build
/// cache keeps of each concept (its words' numbers) so that a rebuild gathers only the words
/// of concepts that changed.
class WordList {
 public:
  WordList() = default;
  // Not copied: numbers_ views words_, and a copy would view the original's words.
  WordList(const WordList&) = delete;
  WordList& operator=(const WordList&) = delete;
  WordList(WordList&&) = default;  // a moved deque keeps its strings where they are
  WordList& operator=(WordList&&) = default;
  /// The number of `word`, the next one when it is new.
  std::uint32_t number(std::string_view word);
  /// The word numbered `n`.
  const std::string& word(std::uint32_t n) const { return words_[n]; }
  /// How many words are numbered.
  std::size_t size() const { return words_.size(); }
  /// Adds that concept `entry` holds word `n` with `weight`; `entry` never decreases from one call to the next.
  void add(std::uint32_t n, std::uint32_t entry, float weight) { postings_[n].emplace_back(entry, weight); }
  /// Adds concept `entry`'s terms, and gives their numbers.
  std::vector<std::pair<std::uint32_t, float>> add(std::uint32_t entry, const TermWeights& terms);
  /// The words any concept holds, in byte order, each with its concepts: SearchIndexData::words.
  /// Leaves the list empty.
  std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, float>>>> take();

 private:
  std::deque<std::string> words_;  // a deque: numbers_ holds views of these, which must not move
  std::unordered_map<std::string_view, std::uint32_t> numbers_;
  std::vector<std::vector<std::pair<std::uint32_t, float>>> postings_;
};

class SearchIndex {
 public:
  SearchIndex() = default;
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  /// Indexes `concepts` (position = concept index) when first asked: the names (titles,
  /// aliases, ids) on the first lookup by name or search, the words (titles, aliases,
  /// summaries, details) on the first search. Loading, `katlas build` and a lookup by id need
  /// neither, and the first Atlas::builtin() call stays short. `concepts` must outlive the
  /// index and not move.
  void build(const std::vector<Concept>& concepts);

  /// Concept indexes with scores, best first; ties broken by title then id.
  std::vector<std::pair<std::size_t, double>> search(std::string_view text, std::size_t limit,
                                                     const std::vector<Concept>& concepts) const;

  /// The index as data (see katlas::SearchIndexData).
  SearchIndexData data() const;

  /// Per concept, how well its names match `compact` (a query folded without spaces): 100 when
  /// it is the whole title, 60 when the title starts with it (2 letters or more), 40 when the
  /// title holds it (3 or more); an alias or search phrase 90, 50, 35; the best of its names.
  std::vector<double> name_scores(std::string_view compact) const;

  /// The concept whose folded id, title or alias (not search phrase) equals the folded text, if any.
  std::optional<std::size_t> exact_name(std::string_view text) const;

 private:
  struct Posting {
    std::uint32_t entry;
    float weight;
  };
  struct Names {
    std::string title;                 // fold_compact(title)
    std::vector<std::string> aliases;  // fold_compact(alias), then fold_compact(search phrase)
  };
  void build_names() const;
  void build_words() const;
  /// Whether a stemmed word is in the index, or begins one of its words (at 4 letters or more).
  bool known(const std::string& term) const;
  /// The text with each word the index does not know replaced by its closest known word, when
  /// one is within typos_allowed() edits; the text itself when no word is replaced.
  std::string corrected(std::string_view text) const;

  const std::vector<Concept>* concepts_ = nullptr;
  // The word index, built once on first use (call_once makes that safe from many threads).
  mutable std::once_flag words_built_;
  mutable std::unordered_map<std::string, std::vector<Posting>> postings_;  // stem -> postings
  mutable std::vector<std::string> sorted_terms_;                           // for prefix matches
  // The names, built once on first use, as the words are.
  mutable std::once_flag names_built_;
  mutable std::vector<Names> names_;
  /// Where each name sits in names_text_: every title and alias of names_, in order.
  struct NameAt {
    std::size_t start, length;
    std::uint32_t entry;
    bool title;
  };
  mutable std::string names_text_;  // every name, each followed by '\n' (a name never holds one)
  mutable std::vector<NameAt> name_at_;
  mutable std::unordered_map<std::string, std::size_t> exact_;  // compact title/alias/id -> concept
};

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
