// The built-in content: compiled in byte for byte, and clean under the strict rules.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

TEST_SUITE("builtin") {
  TEST_CASE("the compiled-in files are the content folder's files, byte for byte") {
    std::vector<katlas::ContentFile> on_disk = katlas::test::read_tree(KATLAS_CONTENT);
    std::erase_if(on_disk, [](const katlas::ContentFile& f) { return !f.path.ends_with(".yaml"); });
    std::sort(on_disk.begin(), on_disk.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    const std::vector<katlas::ContentFile> built_in = katlas::Atlas::builtin_files();
    REQUIRE(built_in.size() == on_disk.size());
    for (std::size_t i = 0; i < on_disk.size(); ++i) {
      CHECK(built_in[i].path == on_disk[i].path);
      CHECK(built_in[i].text == on_disk[i].text);
    }
  }

  TEST_CASE("the built-in content passes the strict check") {
    const katlas::LoadResult result =
        katlas::Atlas::load_files(katlas::Atlas::builtin_files(), {.display_root = "content", .strict = true});
    INFO(katlas::test::formatted(result));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
    const std::vector<katlas::Diagnostic> grade = katlas::summary_readability_warnings(result.atlas());
    std::string lines;
    for (const katlas::Diagnostic& d : grade) lines += katlas::format(d) + "\n";
    INFO(lines);
    CHECK(grade.empty());
  }

  TEST_CASE("every relation carries its evidence in JSON and is told in the words of that level, never firmer") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const auto fill = [](std::string templ, const katlas::Concept& from, const katlas::Concept& to) {
      for (const auto& [key, c] : {std::pair{std::string("{from}"), &from}, std::pair{std::string("{to}"), &to}})
        for (std::size_t at = templ.find(key); at != std::string::npos; at = templ.find(key))
          templ.replace(at, key.size(), katlas::sentence_name(*c));
      if (!templ.empty() && templ[0] >= 'a' && templ[0] <= 'z') templ[0] = static_cast<char>(templ[0] - 'a' + 'A');
      return templ;
    };
    std::size_t links = 0, hedged = 0;
    for (const katlas::Concept& c : atlas.content().concepts) {
      const auto shown = nlohmann::json::parse(katlas::concept_json(atlas, c))["relations"];
      const std::vector<katlas::Link> related = atlas.related(c);
      REQUIRE(shown.size() == related.size());
      for (std::size_t i = 0; i < related.size(); ++i) {
        const katlas::Link& l = related[i];
        const bool out = l.direction == katlas::Direction::out;
        const katlas::Concept& from = out ? *l.self : *l.other;
        const katlas::Concept& to = out ? *l.other : *l.self;
        INFO(c.id, " ", l.type->id, " ", l.other->id);
        CHECK(shown[i]["evidence"] == std::string(katlas::to_string(l.evidence)));
        CHECK(l.evidence == katlas::relation_evidence(*l.relation, from, to).first);
        const auto& templates = out ? l.type->sentences : l.type->inverse_sentences;
        const std::string own = templates[static_cast<std::size_t>(l.evidence)];
        REQUIRE_FALSE(own.empty());  // the strict check guarantees a template for every level used
        CHECK(std::string(l.sentence) == fill(own, from, to));
        if (l.evidence != katlas::Evidence::established && !l.type->structural) {
          const std::string firm = templates[static_cast<std::size_t>(katlas::Evidence::established)];
          CHECK(std::string(l.sentence) != fill(firm, from, to));
          ++hedged;
        }
        ++links;
      }
    }
    CHECK(links > 400);
    CHECK(hedged > 50);
  }

  TEST_CASE(
      "a reader's question on each topic finds its lay answer, with its evidence, among the first three results") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    std::ifstream list(std::string(KATLAS_FIXTURES) + "/../reader-questions.tsv");
    REQUIRE(list.good());
    std::size_t asked = 0;
    for (std::string line; std::getline(list, line);) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab = line.find('\t');
      REQUIRE(tab != std::string::npos);
      const std::string question = line.substr(0, tab), expected = line.substr(tab + 1);
      CAPTURE(question);
      REQUIRE(atlas.find(expected) != nullptr);
      std::vector<std::string> top;
      for (const katlas::SearchHit& hit : atlas.search(question, 3)) top.push_back(hit.entry->id);
      CHECK_MESSAGE(std::find(top.begin(), top.end(), expected) != top.end(), expected);
      const auto answer = katlas::explain(atlas, {.query = expected});
      REQUIRE(answer.has_value());
      CHECK_FALSE(answer->summary.empty());
      CHECK(katlas::to_text(*answer).find("\nEvidence: ") != std::string::npos);
      ++asked;
    }
    CHECK(asked >= 25);
  }

  TEST_CASE("Atlas::builtin() needs no files and answers lookups") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    CHECK(atlas.content().concepts.size() >= 80);
    for (const char* id : {"kratom", "mitragynine", "seven-hydroxymitragynine", "cyp3a4", "cyp2d6",
                           "mu-opioid-receptor", "tolerance", "withdrawal", "when-to-get-help"})
      CHECK_MESSAGE(atlas.find(id) != nullptr, id);
    CHECK(atlas.find("7-OH") == atlas.find("seven-hydroxymitragynine"));
    // Greek letters are read as their names, not dropped: each receptor by its own letter.
    CHECK(atlas.find("κ-opioid receptor") == atlas.find("kappa-opioid-receptor"));
    CHECK(atlas.find("δ-opioid receptor") == atlas.find("delta-opioid-receptor"));
    CHECK(atlas.find("μ-opioid receptor") == atlas.find("mu-opioid-receptor"));
    CHECK(atlas.find("opioid receptor") == nullptr);  // names no receptor in particular
  }

  TEST_CASE("CYP3A4 turns mitragynine into 7-OH, read from both ends") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const auto forms = atlas.related(*atlas.find("cyp3a4"), {.type = "forms", .direction = katlas::Direction::out});
    const bool forms_seven = std::any_of(
        forms.begin(), forms.end(), [](const katlas::Link& l) { return l.other->id == "seven-hydroxymitragynine"; });
    CHECK(forms_seven);
    const auto from = atlas.related(*atlas.find("seven-hydroxymitragynine"),
                                    {.type = "converted-into", .direction = katlas::Direction::in});
    REQUIRE_FALSE(from.empty());
    CHECK(from[0].other->id == "mitragynine");
  }

  TEST_CASE("every contested concept shows both sides, each with a source") {
    for (const katlas::Concept& c : katlas::Atlas::builtin().content().concepts) {
      if (c.evidence != katlas::Evidence::contested) continue;
      INFO(c.id);
      CHECK(c.sides.size() >= 2);
      for (const katlas::Side& side : c.sides) CHECK_FALSE(side.sources.empty());
    }
  }

  TEST_CASE("extract use leads, through the graph, to withdrawal") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const katlas::Concept* extracts = atlas.find("extracts-and-concentrates");
    REQUIRE(extracts != nullptr);
    const auto steps = atlas.path(*extracts, *atlas.find("withdrawal"));
    REQUIRE(steps.has_value());
    CHECK_FALSE(steps->empty());
  }
}
