// Query tests: lookup by id and alias, suggestions, paths and ranked search.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

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
