#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

// Handouts: recipes and their errors, composition, HTML, the real PDF (Chromium + poppler) and the CLI.
#include <katlas/handout.hpp>

#include "support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace katlas;
namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("katlas-handout-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

Run shell(const std::string& command) {
  const fs::path out = scratch("cmd.out"), err = scratch("cmd.err");
  const int status = std::system((command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

std::string squeeze(const std::string& text) {  // one space for every run of white space
  return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

RecipeLoadResult load_recipe_text(const std::string& name, const std::string& yaml) {
  return load_handout_recipes({{"handouts/" + name + ".yaml", yaml}}, Atlas::builtin(), "content");
}

std::string first_error(const RecipeLoadResult& result) {
  return result.diagnostics.empty() ? "" : format(result.diagnostics.front());
}

const char* good_recipe = R"(id: mine
title: Mine
audience: lay
purpose: A test.
sections:
  - heading: One
    concepts: [tolerance]
)";

}  // namespace

TEST_SUITE("handout recipes") {
  TEST_CASE("the built-in recipes load and cover the six handouts") {
    const RecipeLoadResult result = builtin_handout_recipes(Atlas::builtin());
    REQUIRE(result.ok());
    std::vector<std::string> ids;
    for (const HandoutRecipe& r : result.recipes) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"clinician-one-pager", "kratom-and-other-medicines", "lowering-your-risk",
                                          "staying-safe", "understanding-tolerance", "withdrawal-and-getting-help"});
  }

  TEST_CASE("recipe errors name file, line and column") {
    SUBCASE("an unknown concept id, with a suggestion") {
      std::string yaml = good_recipe;
      yaml.replace(yaml.find("[tolerance]"), 11, "[tolernce]");
      CHECK(first_error(load_recipe_text("mine", yaml)) ==
            "content/handouts/mine.yaml:7:16: error: unknown concept 'tolernce' (did you mean 'tolerance'?)");
    }
    SUBCASE("an unknown key") {
      CHECK(first_error(load_recipe_text("mine", std::string(good_recipe) + "teachback: [a]\n")) ==
            "content/handouts/mine.yaml:8:1: error: unknown key 'teachback' in handout recipe (did you mean 'teach-back'?)");
    }
    SUBCASE("broken YAML") {
      const std::string error = first_error(load_recipe_text("mine", "id: mine\ntitle: [unclosed\n"));
      CHECK(error.starts_with("content/handouts/mine.yaml:3:1: error: invalid YAML"));
    }
    SUBCASE("an unknown audience") {
      std::string yaml = good_recipe;
      yaml.replace(yaml.find("lay"), 3, "lai");
      CHECK(first_error(load_recipe_text("mine", yaml)) ==
            "content/handouts/mine.yaml:3:11: error: unknown audience 'lai' (did you mean 'lay'?)");
    }
    SUBCASE("a section with neither concepts nor query") {
      std::string yaml = good_recipe;
      yaml.replace(yaml.find("    concepts: [tolerance]\n"), 26, "");
      CHECK(first_error(load_recipe_text("mine", yaml)) ==
            "content/handouts/mine.yaml:6:5: error: a section needs either 'concepts' or 'query' (not both) "
            "(list concept ids, e.g. 'concepts: [tolerance]', or pick them with 'query: {related-to: ...}')");
    }
    SUBCASE("a file name that differs from the id") {
      CHECK(first_error(load_recipe_text("other", good_recipe)) ==
            "content/handouts/other.yaml:1:5: error: file name 'other.yaml' does not match id 'mine' "
            "(rename the file to 'mine.yaml' or change the id)");
    }
    SUBCASE("a query with an unknown kind") {
      std::string yaml = good_recipe;
      yaml.replace(yaml.find("concepts: [tolerance]"), 21, "query: {related-to: tolerance, kind: stratgy}");
      CHECK(first_error(load_recipe_text("mine", yaml)) ==
            "content/handouts/mine.yaml:7:12: error: unknown kind 'stratgy' (did you mean 'strategy'?)");
    }
  }

  TEST_CASE("a query picks related concepts of one kind") {
    std::string yaml = good_recipe;
    yaml.replace(yaml.find("concepts: [tolerance]"), 21, "query: {related-to: withdrawal, relation: symptom-of, limit: 2}");
    const RecipeLoadResult result = load_recipe_text("mine", yaml);
    REQUIRE(result.ok());
    const Handout h = compose_handout(Atlas::builtin(), result.recipes.front());
    REQUIRE(h.sections.front().entries.size() == 2);
    for (const HandoutEntry& e : h.sections.front().entries) CHECK(e.entry->kind == "symptom");
  }
}

TEST_SUITE("handout composition") {
  TEST_CASE("every built-in handout is plain, cited, dated from the content and self-contained") {
    const Atlas& atlas = Atlas::builtin();
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes) {
      CAPTURE(recipe.id);
      const Handout h = compose_handout(atlas, recipe);
      const HandoutReview review = review_handout(atlas, h);
      if (h.audience == Audience::lay) CHECK(review.readability.grade <= 8.0);
      CHECK(review.score == 100);
      // Dated from the content: the newest review date of what the handout shows.
      std::string newest;
      for (const HandoutSection& section : h.sections)
        for (const HandoutEntry& e : section.entries) newest = std::max(newest, e.entry->reviewed);
      if (h.help) newest = std::max(newest, h.help->reviewed);
      CHECK(h.reviewed == newest);
      CHECK(newest.size() == 10);
      CHECK(!h.references.empty());
      const std::string html = render_handout_html(h);
      CHECK(html == render_handout_html(h));  // deterministic
      CHECK(html.find("<script") == std::string::npos);
      CHECK(html.find("<link") == std::string::npos);
      CHECK(html.find("src=") == std::string::npos);
      CHECK(html.find("@page") != std::string::npos);
      CHECK(html.find("not medical advice") != std::string::npos);
      const std::string text = handout_reader_text(h);
      for (const GlossaryEntry& g : h.glossary) {  // only terms used: the term, or one of its concept's names
        std::vector<std::string> names{g.term};
        if (const Concept* c = atlas.find(g.term)) names.insert(names.end(), c->aliases.begin(), c->aliases.end());
        CHECK_MESSAGE(!find_terms(text, names).empty(), g.term);
      }
    }
  }

  TEST_CASE("the help box appears for withdrawal and not for a strategy alone") {
    const Atlas& atlas = Atlas::builtin();
    CHECK(compose_handout(atlas, recipe_for_concepts({atlas.find("withdrawal-peak")}, Audience::lay)).help != nullptr);
    CHECK(compose_handout(atlas, recipe_for_concepts({atlas.find("tracking-use")}, Audience::lay)).help == nullptr);
  }

  TEST_CASE("the checklist reports missing actions, summary and undefined terms") {
    const Atlas& atlas = Atlas::builtin();
    HandoutRecipe recipe = recipe_for_concepts({atlas.find("cyp3a4")}, Audience::lay);
    recipe.key_points.clear();
    recipe.purpose += " Mixing with a sedative or an opioid is risky: 39% more.";
    const Handout h = compose_handout(atlas, recipe);
    const HandoutReview review = review_handout(atlas, h);
    const auto item = [&](const std::string& id) {
      for (const ChecklistItem& i : review.automatic)
        if (i.id == id) return i;
      FAIL("no checklist item " << id);
      return ChecklistItem{};
    };
    CHECK_FALSE(item("action").passed);
    CHECK_FALSE(item("summary").passed);
    CHECK(item("no-calculation").detail == "found: 39%");
    CHECK(item("defined-terms").detail == "not defined: enzyme, opioid, sedative");
    CHECK(review.score < 100);
    CHECK(review_json(h, review).find("\"id\": \"defined-terms\"") != std::string::npos);
  }

  TEST_CASE("the readability rule warns at summaries above grade 8, and only there") {
    const LoadResult hard = katlas::test::load_case("hard-summary");
    REQUIRE(hard.ok());
    const std::vector<Diagnostic> warnings = summary_readability_warnings(*hard.atlas);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].loc.file == "content/concepts/condition/tolerance.yaml");
    CHECK(warnings[0].loc.line == 4);
    CHECK(summary_readability_warnings(*hard.atlas, 30).empty());
    CHECK(summary_readability_warnings(Atlas::builtin()).empty());  // the built-in content meets the rule
  }
}

TEST_SUITE("handout pdf") {
  TEST_CASE("a missing chromium is a clear error") {
    const std::string problem = print_pdf("<p>x</p>", scratch("x.pdf"), {.chromium = "/nonexistent/chromium"});
    CHECK(problem.starts_with("chromium not found at /nonexistent/chromium"));
  }

  TEST_CASE("printed handouts fit their pages and show every title and reference") {
    if (access("/usr/bin/chromium", X_OK) != 0) {
      MESSAGE("skipped: /usr/bin/chromium is not installed");
      return;
    }
    const Atlas& atlas = Atlas::builtin();
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes)
      for (const Paper paper : {Paper::a4, Paper::letter}) {
        CAPTURE(recipe.id);
        CAPTURE(paper == Paper::a4 ? "a4" : "letter");
        HandoutOptions options;
        options.paper = paper;
        const Handout h = compose_handout(atlas, recipe, options);
        const fs::path pdf = scratch(recipe.id + ".pdf");
        REQUIRE(print_pdf(render_handout_html(h, options), pdf) == "");

        const fs::path pages = scratch(recipe.id + "-page");
        REQUIRE(shell("pdftoppm -r 40 -png '" + pdf.string() + "' '" + pages.string() + "'").code == 0);
        int page_count = 0;
        while (fs::exists(pages.string() + "-" + std::to_string(page_count + 1) + ".png")) ++page_count;
        CHECK(page_count >= 1);
        CHECK(page_count <= 2);

        const std::string text = squeeze(shell("pdftotext '" + pdf.string() + "' -").out);
        for (const HandoutSection& s : h.sections)
          for (const HandoutEntry& e : s.entries) CHECK_MESSAGE(text.find(squeeze(e.entry->title)) != std::string::npos, e.entry->title);
        // Two-column references come out of pdftotext with their lines interleaved, so each
        // reference is found by its numbered first line and by every word of its title.
        const std::string raw = shell("pdftotext '" + pdf.string() + "' -").out;
        for (std::size_t i = 0; i < h.references.size(); ++i) {
          const Source& source = *h.references[i];
          CAPTURE(source.id);
          const std::string opening = std::to_string(i + 1) + ". " + source.authors.substr(0, 12);
          CHECK(raw.find(opening) != std::string::npos);
          // A line may break after a dash: compare the parts between spaces and dashes.
          const std::string title = std::regex_replace(source.title, std::regex("\u2013|\u2014|-"), " ");
          std::istringstream parts(title);
          for (std::string part; parts >> part;) CHECK_MESSAGE(raw.find(part) != std::string::npos, part);
        }

        // Nothing may reach into the 10 mm next to any page edge (the @page margins are 12–14 mm).
        const std::string boxes = shell("pdftotext -bbox '" + pdf.string() + "' -").out;
        const std::regex page_re(R"re(<page width="([\d.]+)" height="([\d.]+)")re");
        const std::regex word_re(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<)re");
        std::smatch page;
        REQUIRE(std::regex_search(boxes, page, page_re));
        const double width = std::stod(page[1]), height = std::stod(page[2]), margin = 10 / 25.4 * 72;
        for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word_re); it != std::sregex_iterator(); ++it) {
          const std::smatch& w = *it;
          CHECK(std::stod(w[1]) >= margin);
          CHECK(std::stod(w[2]) >= margin);
          CHECK(std::stod(w[3]) <= width - margin);
          const bool page_number = w[5] == "Page" || w[5] == "of" || std::regex_match(w[5].str(), std::regex(R"(\d+)"));
          if (!page_number) CHECK(std::stod(w[4]) <= height - margin);  // "Page 1 of 2" sits in the margin on purpose
          else CHECK(std::stod(w[4]) <= height - 3 / 25.4 * 72);
        }
      }
  }
}

TEST_SUITE("handout cli") {
  TEST_CASE("an unknown recipe or concept is a lookup failure with a suggestion") {
    const Run run = shell("'" KATLAS_BINARY "' handout understandin-tolerance");
    CHECK(run.code == 1);
    CHECK(run.err == "katlas: no handout recipe or concept 'understandin-tolerance' (did you mean "
                     "'understanding-tolerance'?)\n");
  }

  TEST_CASE("a bad recipe file is reported at its position") {
    const fs::path file = scratch("broken.yaml");
    std::ofstream(file) << "id: broken\ntitle: Broken\naudience: lay\npurpose: x\nsections:\n  - heading: A\n    concepts: [tolerence]\n";
    const Run run = shell("'" KATLAS_BINARY "' handout '" + file.string() + "'");
    CHECK(run.code == 1);
    CHECK(run.err.starts_with(file.string() + ":7:16: error: unknown concept 'tolerence' (did you mean 'tolerance'?)"));
  }

  TEST_CASE("html goes to stdout and the report to stderr; with --out the report goes to stdout") {
    const Run to_stdout = shell("'" KATLAS_BINARY "' handout tolerance,withdrawal");
    CHECK(to_stdout.code == 0);
    CHECK(to_stdout.out.starts_with("<!DOCTYPE html>"));
    CHECK(to_stdout.err.find("Flesch-Kincaid grade") != std::string::npos);
    const Run to_file = shell("'" KATLAS_BINARY "' handout understanding-tolerance --json --out '" +
                              scratch("t.html").string() + "'");
    CHECK(to_file.code == 0);
    CHECK(to_file.out.find("\"reading_ease\"") != std::string::npos);
    CHECK(slurp(scratch("t.html")).starts_with("<!DOCTYPE html>"));
  }

  TEST_CASE("pdf without --out is a usage error") {
    CHECK(shell("'" KATLAS_BINARY "' handout understanding-tolerance --format pdf").code == 2);
  }
}
