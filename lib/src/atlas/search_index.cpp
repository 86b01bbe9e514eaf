// Ranked search: exact and partial name matches first, then weighted word matches.
#include "atlas/search_index.hpp"

#include "text/fold.hpp"

#include <algorithm>
#include <map>

namespace katlas::detail {
namespace {

constexpr float title_weight = 12, alias_weight = 10, summary_weight = 4, details_weight = 1.5f;

void add_words(std::map<std::string, float>& weights, std::string_view text, float weight) {
  for (const std::string& word : words(fold(text))) {
    if (is_stop_word(word)) continue;
    float& w = weights[stem(word)];
    w = std::max(w, weight);
  }
}

}  // namespace

void SearchIndex::build(const std::vector<Concept>& concepts) {
  concepts_ = &concepts;
  names_.reserve(concepts.size());
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const Concept& c = concepts[i];
    Names names{fold_compact(c.title), {}};
    for (const std::string& alias : c.aliases) names.aliases.push_back(fold_compact(alias));
    // Earlier concepts (sorted by id) win a shared name, so lookups are deterministic.
    exact_.emplace(fold_compact(c.id), i);
    exact_.emplace(names.title, i);
    for (const std::string& alias : names.aliases) exact_.emplace(alias, i);
    // A phrase finds the concept in a search, but is not a name to look it up by.
    for (const std::string& phrase : c.search_phrases) names.aliases.push_back(fold_compact(phrase));
    names_.push_back(std::move(names));
  }
}

void SearchIndex::build_words() const {
  const std::vector<Concept>& concepts = *concepts_;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const Concept& c = concepts[i];
    std::map<std::string, float> weights;
    add_words(weights, c.details, details_weight);
    add_words(weights, c.summary, summary_weight);
    for (const std::string& alias : c.aliases) add_words(weights, alias, alias_weight);
    for (const std::string& phrase : c.search_phrases) add_words(weights, phrase, alias_weight);
    add_words(weights, c.title, title_weight);
    for (const auto& [term, weight] : weights) postings_[term].push_back({static_cast<std::uint32_t>(i), weight});
  }
  sorted_terms_.reserve(postings_.size());
  for (const auto& [term, list] : postings_) sorted_terms_.push_back(term);
  std::sort(sorted_terms_.begin(), sorted_terms_.end());
}

std::optional<std::size_t> SearchIndex::exact_name(std::string_view text) const {
  const auto it = exact_.find(fold_compact(text));
  if (it == exact_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::pair<std::size_t, double>> SearchIndex::search(std::string_view text, std::size_t limit,
                                                                const std::vector<Concept>& concepts) const {
  const std::string compact = fold_compact(text);
  if (compact.empty() || limit == 0) return {};
  std::call_once(words_built_, [this] { build_words(); });
  std::vector<double> score(names_.size(), 0.0);
  std::vector<std::uint16_t> matched(names_.size(), 0);

  // Names: whole-name matches dominate, then names that start with or contain the query.
  for (std::size_t i = 0; i < names_.size(); ++i) {
    const auto name_score = [&](const std::string& name, double exact, double prefix, double contains) {
      if (name == compact) return exact;
      if (compact.size() >= 2 && name.starts_with(compact)) return prefix;
      if (compact.size() >= 3 && name.find(compact) != std::string::npos) return contains;
      return 0.0;
    };
    double best = name_score(names_[i].title, 100, 60, 40);
    for (const std::string& alias : names_[i].aliases) best = std::max(best, name_score(alias, 90, 50, 35));
    score[i] += best;
  }

  // Words: each query word adds its best weight per concept; prefix matches count half.
  std::vector<std::string> query_terms;
  for (const std::string& word : words(fold(text)))
    if (!is_stop_word(word)) query_terms.push_back(stem(word));
  std::sort(query_terms.begin(), query_terms.end());
  query_terms.erase(std::unique(query_terms.begin(), query_terms.end()), query_terms.end());
  std::vector<float> best_for_term(names_.size());
  for (const std::string& term : query_terms) {
    std::fill(best_for_term.begin(), best_for_term.end(), 0.0f);
    if (const auto it = postings_.find(term); it != postings_.end())
      for (const Posting& p : it->second) best_for_term[p.entry] = std::max(best_for_term[p.entry], p.weight);
    if (term.size() >= 4) {
      for (auto it = std::lower_bound(sorted_terms_.begin(), sorted_terms_.end(), term);
           it != sorted_terms_.end() && it->starts_with(term); ++it) {
        if (*it == term) continue;
        for (const Posting& p : postings_.at(*it))
          best_for_term[p.entry] = std::max(best_for_term[p.entry], p.weight / 2);
      }
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (best_for_term[i] > 0) {
        score[i] += best_for_term[i];
        ++matched[i];
      }
    }
  }
  // Concepts that match more of the query's words rank higher than ones that match one word often.
  if (query_terms.size() > 1)
    for (std::size_t i = 0; i < names_.size(); ++i)
      score[i] *= 1.0 + static_cast<double>(matched[i]) / static_cast<double>(query_terms.size());

  std::vector<std::pair<std::size_t, double>> hits;
  for (std::size_t i = 0; i < score.size(); ++i)
    if (score[i] > 0) hits.emplace_back(i, score[i]);
  const auto better = [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    if (concepts[a.first].title != concepts[b.first].title) return concepts[a.first].title < concepts[b.first].title;
    return concepts[a.first].id < concepts[b.first].id;
  };
  if (hits.size() > limit) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(), better);
    hits.resize(limit);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace katlas::detail
