// A small inverted index for ranked, case- and accent-insensitive concept search.
#pragma once

#include <katlas/atlas.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace katlas::detail {

class SearchIndex {
 public:
  /// Indexes titles, aliases, summaries and details of `concepts` (position = concept index).
  explicit SearchIndex(const std::vector<Concept>& concepts);
  SearchIndex() = default;

  /// Concept indexes with scores, best first; ties broken by title then id.
  std::vector<std::pair<std::size_t, double>> search(std::string_view text, std::size_t limit,
                                                     const std::vector<Concept>& concepts) const;

  /// The concept whose folded title or alias equals the folded text, if any.
  std::optional<std::size_t> exact_name(std::string_view text) const;

 private:
  struct Posting {
    std::uint32_t entry;
    float weight;
  };
  struct Names {
    std::string title;                  // fold_compact(title)
    std::vector<std::string> aliases;   // fold_compact(alias)
  };
  std::unordered_map<std::string, std::vector<Posting>> postings_;  // stem -> postings
  std::vector<std::string> sorted_terms_;                          // for prefix matches
  std::vector<Names> names_;
  std::unordered_map<std::string, std::size_t> exact_;              // compact title/alias/id -> concept
};

}  // namespace katlas::detail
