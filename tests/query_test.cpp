// Query tests: lookup by id and alias, suggestions, paths and ranked search.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <map>

namespace {

const katlas::Atlas& base() {
  static const katlas::Atlas atlas = *katlas::Atlas::load(katlas::test::fixture_path("base")).atlas;
  return atlas;
}

std::vector<std::string> ids(const std::vector<katlas::SearchHit>& hits) {
  std::vector<std::string> out;
  for (const katlas::SearchHit& hit : hits) out.push_back(hit.entry->id);
  return out;
}

}  // namespace

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
    CHECK((*steps)[0].sentence == "Extract use leads to tolerance.");
    CHECK((*steps)[1].sentence == "Tolerance leads to withdrawal.");
    CHECK((*steps)[1].direction == katlas::Direction::out);
  }

  TEST_CASE("a path walks a relation backwards when no forward chain exists, and says it that way") {
    const auto steps = base().path(*base().find("withdrawal"), *base().find("extracts"));
    REQUIRE(steps.has_value());
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[0].sentence == "Withdrawal can result from tolerance.");
    CHECK((*steps)[0].direction == katlas::Direction::in);
    CHECK((*steps)[1].sentence == "Tolerance can result from extract use.");
    CHECK((*steps)[1].from->id == "tolerance");
    CHECK((*steps)[1].to->id == "extracts");
  }

  TEST_CASE("every path over the built-in content is a shortest chain, prefers relations as written, and joins up") {
    const katlas::Atlas atlas = katlas::Atlas::builtin();
    const std::vector<const katlas::Concept*> all = atlas.list();
    // Distances from one concept by plain breadth-first search over the public related() call.
    const auto distances = [&](const katlas::Concept& start, bool either) {
      std::map<const katlas::Concept*, std::size_t> dist{{&start, 0}};
      std::vector<const katlas::Concept*> level{&start};
      while (!level.empty()) {
        std::vector<const katlas::Concept*> next;
        for (const katlas::Concept* c : level)
          for (const katlas::Link& l : atlas.related(*c, {.direction = either ? katlas::Direction::both : katlas::Direction::out}))
            if (dist.emplace(l.other, dist.at(c) + 1).second) next.push_back(l.other);
        level.swap(next);
      }
      return dist;
    };
    std::size_t checked = 0, backwards = 0;
    for (std::size_t i = 0; i < all.size(); i += 7) {
      const auto forward = distances(*all[i], false), either = distances(*all[i], true);
      for (std::size_t j = 0; j < all.size(); j += 5) {
        const auto steps = atlas.path(*all[i], *all[j]);
        const bool connected = either.count(all[j]) != 0;
        REQUIRE(steps.has_value() == connected);
        if (!connected) continue;
        const bool as_written = forward.count(all[j]) != 0;
        CHECK(steps->size() == (as_written ? forward.at(all[j]) : either.at(all[j])));
        const katlas::Concept* at = all[i];
        for (const katlas::PathStep& step : *steps) {
          CHECK(step.from == at);
          if (as_written) CHECK(step.direction == katlas::Direction::out);
          backwards += step.direction == katlas::Direction::in;
          at = step.to;
        }
        CHECK(at == all[j]);
        ++checked;
      }
    }
    CHECK(checked > 300);
    CHECK(backwards > 0);  // some pairs are joined only by walking a relation backwards
  }

  TEST_CASE("a path from a concept to itself is empty, and unconnected concepts have none") {
    CHECK(base().path(*base().find("kratom"), *base().find("kratom"))->empty());
    const katlas::LoadResult split = katlas::test::load_case("split");
    REQUIRE(split.ok());
    CHECK_FALSE(split.atlas->path(*split.atlas->find("kratom"), *split.atlas->find("island")).has_value());
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
