// The built-in content: compiled in byte for byte, and clean under the strict rules.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

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
    const std::vector<katlas::Diagnostic> grade = katlas::summary_readability_warnings(*result.atlas);
    std::string lines;
    for (const katlas::Diagnostic& d : grade) lines += katlas::format(d) + "\n";
    INFO(lines);
    CHECK(grade.empty());
  }

  TEST_CASE("Atlas::builtin() needs no files and answers lookups") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    CHECK(atlas.content().concepts.size() >= 80);
    for (const char* id : {"kratom", "mitragynine", "seven-hydroxymitragynine", "cyp3a4", "cyp2d6",
                           "mu-opioid-receptor", "tolerance", "withdrawal", "when-to-get-help"})
      CHECK_MESSAGE(atlas.find(id) != nullptr, id);
    CHECK(atlas.find("7-OH") == atlas.find("seven-hydroxymitragynine"));
  }

  TEST_CASE("CYP3A4 turns mitragynine into 7-OH, read from both ends") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const auto forms = atlas.related(*atlas.find("cyp3a4"), {.type = "forms", .direction = katlas::Direction::out});
    const bool forms_seven = std::any_of(forms.begin(), forms.end(),
                                         [](const katlas::Link& l) { return l.other->id == "seven-hydroxymitragynine"; });
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
