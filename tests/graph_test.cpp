// Graph tests: relations both ways, derived inverses, sentences.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

namespace {

const katlas::Atlas& base() {
  static const katlas::Atlas atlas = katlas::Atlas::load(katlas::test::fixture_path("base")).atlas();
  return atlas;
}

std::vector<std::string> sentences(const std::vector<katlas::Link>& links) {
  std::vector<std::string> out;
  for (const katlas::Link& link : links) out.emplace_back(link.sentence);
  return out;
}

}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("a relation is written once and read from both ends") {
    const katlas::Concept& cyp = *base().find("cyp3a4");
    const katlas::Concept& seven = *base().find("seven-hydroxymitragynine");
    const auto out = base().related(cyp, {.type = "forms", .direction = katlas::Direction::out});
    REQUIRE(out.size() == 1);
    CHECK(out[0].sentence == "CYP3A4 forms 7-hydroxymitragynine.");
    CHECK(out[0].other == &seven);
    const auto in = base().related(seven, {.type = "forms", .direction = katlas::Direction::in});
    REQUIRE(in.size() == 1);
    CHECK(in[0].sentence == "7-hydroxymitragynine is formed by CYP3A4.");
    CHECK(in[0].heading == "What forms it");
    CHECK(in[0].other == &cyp);
  }

  TEST_CASE("outgoing relations come first, in the order they are written") {
    const katlas::Concept& mitragynine = *base().find("mitragynine");
    CHECK(sentences(base().related(mitragynine)) ==
          std::vector<std::string>{"Mitragynine is broken down by CYP3A4.",
                                   "Mitragynine is converted into 7-hydroxymitragynine.",
                                   "Mitragynine acts on mu-opioid receptor.", "Mitragynine is found in kratom."});
  }

  TEST_CASE("direction and type filter relations") {
    const katlas::Concept& withdrawal = *base().find("withdrawal");
    CHECK(sentences(base().related(withdrawal, {.direction = katlas::Direction::out})) ==
          std::vector<std::string>{"For withdrawal, read when to get medical help now."});
    CHECK(sentences(base().related(withdrawal, {.type = "symptom-of"})) ==
          std::vector<std::string>{"Some reports say withdrawal can include chills."});
    CHECK(base().related(withdrawal, {.type = "contains"}).empty());
  }

  TEST_CASE("the relation as written keeps its note and sources") {
    const auto links = base().related(*base().find("kratom"), {.type = "inhibits"});
    REQUIRE(links.size() == 1);
    CHECK(links[0].relation->sources == std::vector<std::string>{"kamble-2019"});
    const auto converted = base().related(*base().find("mitragynine"), {.type = "converted-into"});
    REQUIRE(converted.size() == 1);
    CHECK(converted[0].relation->note == "by CYP3A4.");
  }

  TEST_CASE("sentence names: acronyms keep their case, ordinary words are lowercased, overrides win") {
    CHECK(katlas::sentence_name(*base().find("cyp3a4")) == "CYP3A4");
    CHECK(katlas::sentence_name(*base().find("tolerance")) == "tolerance");
    CHECK(katlas::sentence_name(*base().find("extracts")) == "extract use");
  }

  TEST_CASE("each source knows the concepts that cite it") {
    std::vector<std::string> ids;
    for (const katlas::Concept* c : base().citing("kamble-2019")) ids.push_back(c->id);
    CHECK(ids == std::vector<std::string>{"seven-hydroxymitragynine", "cyp3a4", "kratom", "mitragynine"});
  }
}
