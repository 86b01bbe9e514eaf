// Ranked search: exact and partial name matches first, then weighted word matches.
#include "atlas/search_index.hpp"

#include "parallel.hpp"
#include "text/edit_distance.hpp"
#include "text/fold.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace katlas::detail {
namespace {

constexpr float title_weight = 12, alias_weight = 10, summary_weight = 4, details_weight = 1.5f;

// How many typos a word of this many letters may hold and still match: none in short words,
// where one letter makes another word ("pain", "gain").
std::size_t typos_allowed(std::size_t letters) { return letters >= 8 ? 2 : letters >= 5 ? 1 : 0; }

/// A concept's words as they are gathered, before duplicates go: the stems, and for each an
/// entry that sorts. `prefix` holds a stem's first 8 bytes big-endian (0 after its end), so
/// comparing two prefixes as numbers orders most pairs of words as comparing their text would
/// (a folded word holds no '\0'), and the text is compared only when the prefixes are equal.
struct Gathered {
  struct Entry {
    std::uint64_t prefix;
    std::uint32_t stem;
    float weight;
  };
  std::vector<std::string> stems;
  std::vector<Entry> entries;
};

std::uint64_t prefix_of(std::string_view word) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i)
    prefix = (prefix << 8) | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0u);
  return prefix;
}

void add_words(Gathered& gathered, std::string_view text, float weight) {
  const std::string folded = fold(text);
  std::string_view rest = folded;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(' '), rest.size());
    const std::string_view word = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (word.empty() || is_stop_word(word)) continue;
    std::string& term = gathered.stems.emplace_back(stem(word));
    gathered.entries.push_back({prefix_of(term), static_cast<std::uint32_t>(gathered.stems.size() - 1), weight});
  }
}

}  // namespace

TermWeights concept_terms(const Concept& c) {
  Gathered gathered;
  const std::size_t guess = (c.details.size() + c.summary.size()) / 6 + 16;  // words are 6 bytes or more apart
  gathered.stems.reserve(guess);
  gathered.entries.reserve(guess);
  add_words(gathered, c.details, details_weight);
  add_words(gathered, c.summary, summary_weight);
  for (const std::string& alias : c.aliases) add_words(gathered, alias, alias_weight);
  for (const std::string& phrase : c.search_phrases) add_words(gathered, phrase, alias_weight);
  add_words(gathered, c.title, title_weight);
  const std::vector<std::string>& stems = gathered.stems;
  // By term, and of one term the highest weight first.
  std::sort(gathered.entries.begin(), gathered.entries.end(), [&](const auto& a, const auto& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (const int order = stems[a.stem].compare(stems[b.stem]); order != 0) return order < 0;
    return a.weight > b.weight;
  });
  TermWeights terms;
  for (const Gathered::Entry& e : gathered.entries)
    if (terms.empty() || terms.back().first != stems[e.stem])
      terms.emplace_back(std::move(gathered.stems[e.stem]), e.weight);
  return terms;
}

std::vector<std::string> concept_names(const Concept& c) {
  std::vector<std::string> names;
  names.reserve(1 + c.aliases.size() + c.search_phrases.size());
  names.push_back(fold_compact(c.title));
  for (const std::string& alias : c.aliases) names.push_back(fold_compact(alias));
  for (const std::string& phrase : c.search_phrases) names.push_back(fold_compact(phrase));
  return names;
}

std::uint32_t WordList::number(std::string_view word) {
  if (const auto it = numbers_.find(word); it != numbers_.end()) return it->second;
  const auto n = static_cast<std::uint32_t>(words_.size());
  numbers_.emplace(words_.emplace_back(word), n);
  postings_.emplace_back();
  return n;
}

std::vector<std::pair<std::uint32_t, float>> WordList::add(std::uint32_t entry, const TermWeights& terms) {
  std::vector<std::pair<std::uint32_t, float>> numbered;
  numbered.reserve(terms.size());
  for (const auto& [term, weight] : terms) {
    const std::uint32_t n = number(term);
    add(n, entry, weight);
    numbered.emplace_back(n, weight);
  }
  return numbered;
}

std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, float>>>> WordList::take() {
  std::vector<std::uint32_t> held;
  for (std::uint32_t n = 0; n < words_.size(); ++n)
    if (!postings_[n].empty()) held.push_back(n);
  std::sort(held.begin(), held.end(), [this](std::uint32_t a, std::uint32_t b) { return words_[a] < words_[b]; });
  std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, float>>>> out;
  out.reserve(held.size());
  for (const std::uint32_t n : held) out.emplace_back(std::move(words_[n]), std::move(postings_[n]));
  numbers_.clear();
  words_.clear();
  postings_.clear();
  return out;
}

void SearchIndex::build(const std::vector<Concept>& concepts) { concepts_ = &concepts; }

void SearchIndex::build_names() const {
  const std::vector<Concept>& concepts = *concepts_;
  names_.reserve(concepts.size());
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const Concept& c = concepts[i];
    std::vector<std::string> folded = concept_names(c);  // the title, the aliases, the search phrases
    // Earlier concepts (sorted by id) win a shared name, so lookups are deterministic. A search
    // phrase finds the concept in a search, but is not a name to look it up by.
    exact_.emplace(fold_compact(c.id), i);
    for (std::size_t n = 0; n <= c.aliases.size(); ++n) exact_.emplace(folded[n], i);
    Names names{std::move(folded.front()), {}};
    names.aliases.assign(std::make_move_iterator(folded.begin() + 1), std::make_move_iterator(folded.end()));
    names_.push_back(std::move(names));
  }
  // One text to search for a part of a name in, instead of every name in turn.
  for (std::size_t i = 0; i < names_.size(); ++i) {
    const auto add = [&](const std::string& name, bool title) {
      name_at_.push_back({names_text_.size(), name.size(), static_cast<std::uint32_t>(i), title});
      names_text_ += name;
      names_text_ += '\n';
    };
    add(names_[i].title, true);
    for (const std::string& alias : names_[i].aliases) add(alias, false);
  }
}

void SearchIndex::build_words() const {
  const std::vector<Concept>& concepts = *concepts_;
  // Each concept's words on any thread, then the postings in concept order on this one.
  std::vector<TermWeights> terms(concepts.size());
  parallel_for(
      concepts.size(), [&](std::size_t i) { terms[i] = concept_terms(concepts[i]); }, 64);
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    for (auto& [term, weight] : terms[i]) postings_[std::move(term)].push_back({static_cast<std::uint32_t>(i), weight});
    TermWeights().swap(terms[i]);
  }
  sorted_terms_.reserve(postings_.size());
  for (auto& [term, list] : postings_) {
    list.shrink_to_fit();  // the index lives as long as the atlas: no room to grow into
    sorted_terms_.push_back(term);
  }
  std::sort(sorted_terms_.begin(), sorted_terms_.end());
}

SearchIndexData SearchIndex::data() const {
  std::call_once(names_built_, [this] { build_names(); });
  std::call_once(words_built_, [this] { build_words(); });
  SearchIndexData out;
  out.names.reserve(names_.size());
  for (const Names& n : names_) {
    std::vector<std::string>& names = out.names.emplace_back();
    names.push_back(n.title);
    names.insert(names.end(), n.aliases.begin(), n.aliases.end());
  }
  out.words.reserve(sorted_terms_.size());
  for (const std::string& term : sorted_terms_) {
    auto& postings = out.words.emplace_back(term, std::vector<std::pair<std::uint32_t, float>>()).second;
    for (const Posting& p : postings_.at(term)) postings.emplace_back(p.entry, p.weight);
  }
  return out;
}

std::optional<std::size_t> SearchIndex::exact_name(std::string_view text) const {
  std::call_once(names_built_, [this] { build_names(); });
  const auto it = exact_.find(fold_compact(text));
  if (it == exact_.end()) return std::nullopt;
  return it->second;
}

bool SearchIndex::known(const std::string& term) const {
  if (postings_.contains(term)) return true;
  if (term.size() < 4) return false;
  const auto it = std::lower_bound(sorted_terms_.begin(), sorted_terms_.end(), term);
  return it != sorted_terms_.end() && it->starts_with(term);
}

std::string SearchIndex::corrected(std::string_view text) const {
  std::string out;
  bool changed = false;
  for (std::string word : words(fold(text))) {
    const std::string term = stem(word);
    if (const std::size_t allowed = typos_allowed(term.size()); !is_stop_word(word) && allowed > 0 && !known(term)) {
      // The closest word of the index; at one distance the one in most concepts, then the first.
      const std::string* best = nullptr;
      std::size_t best_distance = allowed + 1;
      for (const std::string& candidate : sorted_terms_) {
        if (candidate.size() + allowed < term.size() || candidate.size() > term.size() + allowed) continue;
        const std::size_t d = edit_distance(term, candidate);
        if (d < best_distance ||
            (d == best_distance && best && postings_.at(candidate).size() > postings_.at(*best).size())) {
          best = &candidate;
          best_distance = d;
        }
      }
      if (best) {
        word = *best;
        changed = true;
      }
    }
    if (!out.empty()) out += ' ';
    out += word;
  }
  return changed ? out : std::string(text);
}

std::vector<double> SearchIndex::name_scores(std::string_view compact) const {
  std::call_once(names_built_, [this] { build_names(); });
  std::vector<double> best(names_.size(), 0.0);
  if (compact.size() < 2) {  // only a whole name counts: a letter occurs in most names
    for (const NameAt& name : name_at_)
      if (std::string_view(names_text_).substr(name.start, name.length) == compact)
        best[name.entry] = std::max(best[name.entry], name.title ? 100.0 : 90.0);
    return best;
  }
  // Every place the query occurs in the text of all names (a '\n' ends each name, and the
  // query holds none, so a place is inside one name); each name scores its best place.
  const char* const begin = names_text_.data();
  const char* const end = begin + names_text_.size();
  for (const char* at = begin; at < end;) {
    const void* found = ::memmem(at, static_cast<std::size_t>(end - at), compact.data(), compact.size());
    if (!found) break;
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(found) - begin);
    const NameAt& name = *std::prev(std::upper_bound(name_at_.begin(), name_at_.end(), offset,
                                                     [](std::size_t o, const NameAt& n) { return o < n.start; }));
    const bool starts = offset == name.start;
    const double s = starts && name.length == compact.size() ? (name.title ? 100 : 90)
                     : starts                                ? (name.title ? 60 : 50)
                     : compact.size() >= 3                   ? (name.title ? 40 : 35)
                                                             : 0;
    best[name.entry] = std::max(best[name.entry], s);
    at = static_cast<const char*>(found) + 1;
  }
  return best;
}

std::vector<std::pair<std::size_t, double>> SearchIndex::search(std::string_view typed, std::size_t limit,
                                                                const std::vector<Concept>& concepts) const {
  // No word but stop words ("the", "why does my"): nothing is asked. Its letters would still
  // match inside names ("the" in "methadone") and make a topic out of nothing.
  const std::vector<std::string> typed_words = words(fold(typed));
  if (limit == 0 || std::all_of(typed_words.begin(), typed_words.end(), is_stop_word)) return {};
  std::call_once(names_built_, [this] { build_names(); });
  std::call_once(words_built_, [this] { build_words(); });
  // A word found nowhere is taken for a typo of the closest word that is ("withdrawl").
  const std::string text = corrected(typed);
  const std::string compact = fold_compact(text);
  std::vector<double> score(names_.size(), 0.0);
  std::vector<std::uint16_t> matched(names_.size(), 0);

  // Names: whole-name matches dominate, then names that start with or contain the query.
  const std::vector<double> names = name_scores(compact);
  for (std::size_t i = 0; i < names_.size(); ++i) score[i] += names[i];

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
