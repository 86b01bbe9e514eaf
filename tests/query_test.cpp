// Query tests: lookup by id and alias, suggestions, paths and ranked search.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "atlas/search_index.hpp"
#include "support.hpp"
#include "text/edit_distance.hpp"
#include "text/fold.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <random>

namespace {

const katlas::Atlas& base() {
  static const katlas::Atlas atlas = katlas::Atlas::load(katlas::test::fixture_path("base")).atlas();
  return atlas;
}

std::vector<std::string> ids(const std::vector<katlas::SearchHit>& hits) {
  std::vector<std::string> out;
  for (const katlas::SearchHit& hit : hits) out.push_back(hit.entry->id);
  return out;
}

const katlas::Atlas& chain() {
  static const katlas::Atlas atlas = katlas::Atlas::load(katlas::test::fixture_path("evidence-chain")).atlas();
  return atlas;
}

std::vector<std::string> walked(const std::vector<katlas::PathStep>& steps) {
  std::vector<std::string> out;
  for (const katlas::PathStep& s : steps) out.push_back(s.to->id);
  return out;
}

/// Words of random length from a few letters, the same ones on every run.
class RandomWords {
 public:
  RandomWords(unsigned seed, std::string letters) : random_(seed), letters_(std::move(letters)) {}
  std::string operator()(std::size_t min, std::size_t max) const {
    std::string w(std::uniform_int_distribution<std::size_t>(min, max)(random_), 'a');
    for (char& c : w) c = letters_[std::uniform_int_distribution<std::size_t>(0, letters_.size() - 1)(random_)];
    return w;
  }
  /// A number in [0, n).
  std::size_t below(std::size_t n) const { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

 private:
  mutable std::mt19937 random_;
  std::string letters_;
};

}  // namespace

TEST_SUITE("query.evidence") {
  TEST_CASE("a path prefers a longer chain that is established all the way to a shorter one with a contested step") {
    const auto steps = chain().path(*chain().find("begin"), *chain().find("goal"));
    REQUIRE(steps.has_value());
    CHECK(walked(*steps) == std::vector<std::string>{"p1", "p2", "p3", "goal"});
    CHECK(katlas::weakest_evidence(*steps) == katlas::Evidence::established);
  }

  TEST_CASE("a chain that rests on a contested step says so, in that step's words") {
    const auto steps = chain().path(*chain().find("start"), *chain().find("far"));
    REQUIRE(steps.has_value());
    // Not through the refuted claim, although x <- myth -> far is as short and all established.
    CHECK(walked(*steps) == std::vector<std::string>{"x", "y", "far"});
    CHECK(katlas::weakest_evidence(*steps) == katlas::Evidence::contested);
    CHECK((*steps)[0].evidence == katlas::Evidence::established);
    CHECK((*steps)[1].evidence == katlas::Evidence::contested);
    CHECK((*steps)[1].evidence_written);
    CHECK_FALSE((*steps)[0].evidence_written);
    CHECK((*steps)[1].sentence == "Whether x leads to y is disputed.");
    CHECK((*steps)[2].sentence == "Y leads to far.");
  }

  TEST_CASE("--min-evidence established refuses the weak chain: a claim may still end a chain") {
    CHECK_FALSE(
        chain().path(*chain().find("start"), *chain().find("far"), {.min_evidence = katlas::Evidence::established}));
    CHECK(chain().path(*chain().find("start"), *chain().find("far"), {.min_evidence = katlas::Evidence::contested}));
    const auto from_claim = chain().path(*chain().find("myth"), *chain().find("far"));
    REQUIRE(from_claim.has_value());
    CHECK(walked(*from_claim) == std::vector<std::string>{"far"});
  }
}

TEST_SUITE("query") {
  TEST_CASE("find takes an id, an alias or a title, ignoring case, accents and spacing") {
    CHECK(base().find("cyp3a4")->id == "cyp3a4");
    CHECK(base().find("CYP 3A4")->id == "cyp3a4");
    CHECK(base().find("cytochrome p450 3a4")->id == "cyp3a4");
    CHECK(base().find("7-OH")->id == "seven-hydroxymitragynine");
    CHECK(base().find("Mitragyna speciosa")->id == "kratom");
    CHECK(base().find("MITRAGYNÍNE")->id == "mitragynine");
    CHECK(base().find("μ receptor")->id == "mu-opioid-receptor");
    CHECK(base().find("nothing like it") == nullptr);
  }

  TEST_CASE("suggestions for a misspelled id") {
    CHECK(base().suggest("cyp3a") == std::vector<std::string>{"cyp3a4"});
    CHECK(base().suggest("withdrawl").front() == "withdrawal");
    CHECK(base().suggest("zzzzzz").empty());
  }

  TEST_CASE("a path follows relations as written when it can") {
    const auto steps = base().path(*base().find("extracts"), *base().find("withdrawal"));
    REQUIRE(steps.has_value());
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[0].sentence == "Some reports say extract use leads to tolerance.");
    CHECK((*steps)[1].sentence == "Tolerance leads to withdrawal.");
    CHECK((*steps)[1].direction == katlas::Direction::out);
  }

  TEST_CASE("a path walks a relation backwards when no forward chain exists, and says it that way") {
    const auto steps = base().path(*base().find("withdrawal"), *base().find("extracts"));
    REQUIRE(steps.has_value());
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[0].sentence == "Withdrawal can result from tolerance.");
    CHECK((*steps)[0].direction == katlas::Direction::in);
    CHECK((*steps)[1].sentence == "Some reports say tolerance can result from extract use.");
    CHECK((*steps)[1].from->id == "tolerance");
    CHECK((*steps)[1].to->id == "extracts");
  }

  TEST_CASE("every path over the built-in content is the best-supported chain, then as written, then shortest") {
    const katlas::Atlas atlas = katlas::Atlas::builtin();
    const std::vector<const katlas::Concept*> all = atlas.list();
    const auto is_claim = [&](const katlas::Concept* c) {
      const katlas::Kind* kind = atlas.kind(c->kind);
      return c->verdict.has_value() || (kind && kind->needs_verdict);
    };
    // Distances by plain breadth-first search over the public related() call, walking only
    // links at least `level` strong and never through a claim other than `goal`.
    const auto distances = [&](const katlas::Concept& start, const katlas::Concept& goal, bool either,
                               katlas::Evidence level) {
      std::map<const katlas::Concept*, std::size_t> dist{{&start, 0}};
      std::vector<const katlas::Concept*> frontier{&start};
      while (!frontier.empty()) {
        std::vector<const katlas::Concept*> next;
        for (const katlas::Concept* c : frontier) {
          if (c != &start && is_claim(c)) continue;  // a claim ends a chain; it is never walked through
          for (const katlas::Link& l :
               atlas.related(*c, {.direction = either ? katlas::Direction::both : katlas::Direction::out}))
            if (l.evidence <= level && (!is_claim(l.other) || l.other == &goal) &&
                dist.emplace(l.other, dist.at(c) + 1).second)
              next.push_back(l.other);
        }
        frontier.swap(next);
      }
      return dist;
    };
    std::size_t checked = 0, backwards = 0, weak = 0;
    for (std::size_t i = 0; i < all.size(); i += 7) {
      for (std::size_t j = 0; j < all.size(); j += 5) {
        if (i == j) continue;
        const auto steps = atlas.path(*all[i], *all[j]);
        std::optional<katlas::Evidence> best;
        std::size_t length = 0;
        bool as_written = false;
        for (const katlas::Evidence level : katlas::evidence_levels) {
          const auto forward = distances(*all[i], *all[j], false, level);
          const auto either = distances(*all[i], *all[j], true, level);
          if (!either.count(all[j])) continue;
          best = level;
          as_written = forward.count(all[j]) != 0;
          length = as_written ? forward.at(all[j]) : either.at(all[j]);
          break;
        }
        REQUIRE(steps.has_value() == best.has_value());
        if (!best) continue;
        CHECK(katlas::weakest_evidence(*steps) == *best);
        CHECK(steps->size() == length);
        const katlas::Concept* at = all[i];
        for (const katlas::PathStep& step : *steps) {
          CHECK(step.from == at);
          if (as_written) CHECK(step.direction == katlas::Direction::out);
          backwards += step.direction == katlas::Direction::in;
          if (step.to != all[j]) CHECK_FALSE(is_claim(step.to));
          at = step.to;
        }
        CHECK(at == all[j]);
        weak += *best != katlas::Evidence::established;
        ++checked;
      }
    }
    CHECK(checked > 300);
    CHECK(backwards > 0);  // some pairs are joined only by walking a relation backwards
    CHECK(weak > 0);       // and some only through links weaker than established
  }

  TEST_CASE("a path from a concept to itself is empty, and unconnected concepts have none") {
    CHECK(base().path(*base().find("kratom"), *base().find("kratom"))->empty());
    const katlas::LoadResult split = katlas::test::load_case("split");
    REQUIRE(split.ok());
    CHECK_FALSE(split.atlas().path(*split.atlas().find("kratom"), *split.atlas().find("island")).has_value());
  }

  TEST_CASE("search ranks a whole-name match first") {
    CHECK(ids(base().search("CYP3A4", 1)) == std::vector<std::string>{"cyp3a4"});
    CHECK(ids(base().search("cyp 3a4", 1)) == std::vector<std::string>{"cyp3a4"});
    CHECK(ids(base().search("goosebumps", 1)) == std::vector<std::string>{"chills"});
    CHECK(ids(base().search("7-OH", 1)) == std::vector<std::string>{"seven-hydroxymitragynine"});
  }

  TEST_CASE("search finds words in the text, stemmed, and respects the limit") {
    const auto hits = base().search("stopping after regular use", 3);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().entry->id == "withdrawal");
    CHECK(hits.size() <= 3);
    CHECK(base().search("", 5).empty());
    CHECK(base().search("qqqqq", 5).empty());
  }

  TEST_CASE("list by kind is sorted by title") {
    std::vector<std::string> names;
    for (const katlas::Concept* c : base().list("condition")) names.push_back(c->title);
    CHECK(names == std::vector<std::string>{"Tolerance", "Withdrawal"});
    CHECK(base().list().size() == 11);
    CHECK(base().list("no-such-kind").empty());
  }
}

TEST_SUITE("query.misuse") {
  TEST_CASE("a concept of another atlas is refused, even one loaded from the same folder with the same id") {
    const katlas::Atlas other = katlas::Atlas::load(katlas::test::fixture_path("base")).atlas();
    const katlas::Concept& foreign = *other.find("cyp3a4");
    REQUIRE(base().find("cyp3a4")->id == foreign.id);
    CHECK_FALSE(base().owns(foreign));
    CHECK(other.owns(foreign));
    CHECK_THROWS_WITH_AS(base().related(foreign),
                         "katlas::Atlas::related(): concept 'cyp3a4' is not one of this atlas's concepts (it belongs "
                         "to another atlas, or is a copy); look it up in this atlas with find()",
                         std::invalid_argument);
    CHECK_THROWS_AS(base().path(foreign, *base().find("tolerance")), std::invalid_argument);
    CHECK_THROWS_AS(base().path(*base().find("tolerance"), foreign), std::invalid_argument);
    CHECK_THROWS_AS(base().cycle_through(foreign, {"inhibits"}), std::invalid_argument);
    CHECK_THROWS_WITH_AS(katlas::explain(base(), foreign, {}),
                         doctest::Contains("katlas::explain(): concept 'cyp3a4' is not one of this atlas's concepts"),
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(katlas::concept_json(base(), foreign),
                         doctest::Contains("katlas::concept_json(): concept 'cyp3a4'"), std::invalid_argument);
    // A concept copied out of the atlas is not the atlas's either.
    const katlas::Concept copy = *base().find("cyp3a4");
    CHECK_FALSE(base().owns(copy));
    CHECK_THROWS_AS(base().related(copy), std::invalid_argument);
  }

  TEST_CASE("a copy of an atlas shares its concepts, and a moved-from atlas is still the same atlas") {
    katlas::Atlas copy = base();
    const katlas::Concept& entry = *base().find("cyp3a4");
    CHECK(copy.owns(entry));
    CHECK(copy.related(entry).size() == base().related(entry).size());
    const katlas::Atlas moved = std::move(copy);
    CHECK(moved.owns(entry));
    CHECK(copy.find("cyp3a4") == &entry);  // a move shares the data: `copy` is still the atlas
  }

  TEST_CASE("related and path take exact ids: an unknown id, an alias or a title gives an empty result") {
    const std::vector<katlas::Link> by_concept = base().related(*base().find("cyp3a4"));
    const std::vector<katlas::Link> by_id = base().related("cyp3a4");
    REQUIRE(by_id.size() == by_concept.size());
    for (std::size_t i = 0; i < by_id.size(); ++i) {
      CHECK(by_id[i].self == by_concept[i].self);
      CHECK(by_id[i].other == by_concept[i].other);
      CHECK(by_id[i].relation == by_concept[i].relation);
    }
    CHECK(base().related("cyp3a4", {.direction = katlas::Direction::in}).size() ==
          base().related(*base().find("cyp3a4"), {.direction = katlas::Direction::in}).size());
    CHECK(base().related("CYP 3A4").empty());  // an alias: find() resolves names
    CHECK(base().related("no-such-concept").empty());
    const auto steps = base().path("tolerance", "withdrawal");
    REQUIRE(steps.has_value());
    CHECK(walked(*steps) == walked(*base().path(*base().find("tolerance"), *base().find("withdrawal"))));
    CHECK_FALSE(base().path("no-such-concept", "withdrawal").has_value());
    CHECK_FALSE(base().path("tolerance", "Withdrawal").has_value());
  }

  TEST_CASE("a load result gives its atlas only when the content loaded, in place or taken out") {
    katlas::LoadResult good = katlas::Atlas::load(katlas::test::fixture_path("base"));
    REQUIRE(good.ok());
    const katlas::Concept* found = good.atlas().find("cyp3a4");
    CHECK(good.atlas().owns(*found));
    const katlas::Atlas kept = std::move(good).atlas();
    CHECK(kept.owns(*found));  // the same atlas, taken out of the result

    const katlas::LoadResult bad = katlas::test::load_case("bad-help-lines");
    REQUIRE_FALSE(bad.ok());
    CHECK_FALSE(bad.diagnostics.empty());
    CHECK_THROWS_WITH_AS(bad.atlas(),
                         "katlas::LoadResult::atlas(): the content did not load (ok() is false); read the "
                         "diagnostics instead",
                         std::logic_error);
  }

  TEST_CASE("a query keeps its own copy of the text it was made from") {
    katlas::RelatedQuery query;
    query.type = std::string("metabolised-") + "by";  // a temporary, gone after this line
    CHECK(base().related("mitragynine", query).size() == 1);
  }

  TEST_CASE("a search of stop words only finds nothing, though its letters occur in a name") {
    CHECK_FALSE(base().search("extracts and concentrates", 1).empty());
    CHECK(base().search("and", 5).empty());  // not "Extracts and concentrates"
    CHECK(base().search("why does my", 5).empty());
    CHECK(base().search("  ", 5).empty());
    CHECK(katlas::Atlas::builtin().search("the", 5).empty());
  }

  TEST_CASE("the words of directions and evidence levels read back") {
    for (const katlas::Direction d : {katlas::Direction::out, katlas::Direction::in, katlas::Direction::both})
      CHECK(katlas::parse_direction(katlas::to_string(d)) == d);
    for (const katlas::Evidence level : katlas::evidence_levels)
      CHECK(katlas::parse_evidence(katlas::to_string(level)) == level);
    for (const katlas::Audience a : {katlas::Audience::lay, katlas::Audience::pro})
      CHECK(katlas::parse_audience(katlas::to_string(a)) == a);
    CHECK_FALSE(katlas::parse_direction("sideways").has_value());
    CHECK_FALSE(katlas::parse_evidence("Established").has_value());
    CHECK_FALSE(katlas::parse_audience("").has_value());
  }
}

TEST_SUITE("query.suggest") {
  // The plain rule the counted candidates must give: every candidate within the allowed
  // distance (or containing the word), nearest first, ties by name.
  std::vector<std::string> closest_by_hand(const std::string& word, const std::vector<std::string>& candidates,
                                           std::size_t limit) {
    const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& c : candidates) {
      std::size_t d = std::min(katlas::detail::edit_distance(word, c), allowed + 1);
      if (word.size() >= 3 && c.find(word) != std::string::npos) d = std::min(d, allowed);
      if (d <= allowed && d < std::max(word.size(), c.size())) scored.emplace_back(d, c);
    }
    std::sort(scored.begin(), scored.end());
    scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(scored[i].second);
    return out;
  }

  TEST_CASE("hints from counted candidates are the hints of the full edit distance, for typos and strangers alike") {
    const RandomWords word(20261202, "abcdeimnorst-0123");
    std::vector<std::string> ids;
    for (int i = 0; i < 400; ++i) ids.push_back(word(2, 24));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const katlas::detail::CandidateSet set(ids);
    std::size_t with_hint = 0;
    for (int i = 0; i < 600; ++i) {
      // Half are an id with a few edits (a typo), half a word of their own.
      std::string w = i % 2 ? ids[static_cast<std::size_t>(i) % ids.size()] : word(1, 30);
      for (int edits = i % 4; edits > 0 && !w.empty(); --edits)
        w[word.below(w.size())] = "abcdeimnorst-0123"[static_cast<std::size_t>(i) % 7];
      const std::vector<std::string> expected = closest_by_hand(w, ids, 3);
      CHECK_MESSAGE(set.closest(w) == expected, w);
      CHECK(katlas::detail::closest(w, ids) == expected);
      with_hint += !expected.empty();
    }
    CHECK(with_hint > 200);  // the typos found their ids: the comparison was not of empty lists
    CHECK(set.did_you_mean("") == "");
  }

  TEST_CASE("name scores found in the text of all names are the scores of each name tried in turn") {
    const RandomWords word(20261203, "abcab01 -");
    std::vector<katlas::Concept> concepts(300);
    for (std::size_t i = 0; i < concepts.size(); ++i) {
      concepts[i].id = "c" + std::to_string(i);
      concepts[i].title = word(0, 9);
      for (int n = static_cast<int>(i % 3); n > 0; --n) concepts[i].aliases.push_back(word(1, 7));
      if (i % 5 == 0) concepts[i].search_phrases.push_back(word(3, 12));
    }
    katlas::detail::SearchIndex index;
    index.build(concepts);
    // The rule, name by name: the whole name, its start (2 letters or more), inside it (3 or more).
    const auto by_hand = [&](const std::string& compact) {
      std::vector<double> out;
      for (const katlas::Concept& c : concepts) {
        const auto score = [&](const std::string& text, double whole, double start, double inside) {
          const std::string name = katlas::detail::fold_compact(text);
          if (name == compact) return whole;
          if (compact.size() >= 2 && name.starts_with(compact)) return start;
          if (compact.size() >= 3 && name.find(compact) != std::string::npos) return inside;
          return 0.0;
        };
        double best = score(c.title, 100, 60, 40);
        for (const std::string& alias : c.aliases) best = std::max(best, score(alias, 90, 50, 35));
        for (const std::string& phrase : c.search_phrases) best = std::max(best, score(phrase, 90, 50, 35));
        out.push_back(best);
      }
      return out;
    };
    std::size_t scored = 0;
    for (int i = 0; i < 400; ++i) {
      const std::string compact = katlas::detail::fold_compact(word(0, 6));
      const std::vector<double> expected = by_hand(compact);
      CHECK_MESSAGE(index.name_scores(compact) == expected, '"' << compact << '"');
      scored +=
          static_cast<std::size_t>(std::count_if(expected.begin(), expected.end(), [](double s) { return s > 0; }));
    }
    CHECK(scored > 1000);  // the queries matched names: the comparison was not of zeros
  }
}
