#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

// Handouts: recipes and their errors, composition, HTML, the real PDF (Chromium + poppler) and the CLI.
#include <katlas/handout.hpp>
#include <katlas/site.hpp>

#include "support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
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

/// This process's scratch folder, made on first use and removed when the tests end.
fs::path scratch(const std::string& name) {
  struct Folder {
    fs::path dir = fs::temp_directory_path() / ("katlas-handout-test-" + std::to_string(::getpid()));
    Folder() { fs::create_directories(dir); }
    ~Folder() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  };
  static const Folder folder;
  return folder.dir / name;
}

Run shell(const std::string& command) {
  const fs::path out = scratch("cmd.out"), err = scratch("cmd.err");
  const int status = std::system((command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

// The few characters a concept title may hold that HTML escapes.
std::string escape_for_test(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '\'')
      out += "&#39;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
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
      CHECK(
          first_error(load_recipe_text("mine", std::string(good_recipe) + "teachback: [a]\n")) ==
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
            "content/handouts/mine.yaml:6:5: error: a section needs 'concepts' or 'query' "
            "(list concept ids, e.g. 'concepts: [tolerance]', or pick them with 'query: {related-to: ...}')");
    }
    SUBCASE("a section whose list of concepts is empty") {
      std::string yaml = good_recipe;
      yaml.replace(yaml.find("concepts: [tolerance]"), 21, "concepts: []");
      CHECK(first_error(load_recipe_text("mine", yaml)) ==
            "content/handouts/mine.yaml:7:15: error: 'concepts' is empty "
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
            "content/handouts/mine.yaml:7:42: error: unknown kind 'stratgy' (did you mean 'strategy'?)");
    }
    SUBCASE("a query with an unknown relation type, pointed at where it is written") {
      std::string yaml = good_recipe;
      yaml.replace(yaml.find("concepts: [tolerance]"), 21,
                   "query:\n      related-to: tolerance\n      relation: leeds-to");
      CHECK(first_error(load_recipe_text("mine", yaml)) ==
            "content/handouts/mine.yaml:9:17: error: unknown relation type 'leeds-to' (did you mean 'leads-to'?)");
    }
  }

  TEST_CASE("a recipe's topic and site address are checked where they are written") {
    SUBCASE("an unknown topic") {
      CHECK(first_error(load_recipe_text("mine", std::string(good_recipe) + "topic: tolerence\n")) ==
            "content/handouts/mine.yaml:8:8: error: unknown topic concept 'tolerence' (did you mean 'tolerance'?)");
    }
    for (const std::string url :
         {"not a url", "javascript:alert(1)", "ftp://example.org/", "https://", "https://a b.org/"}) {
      CAPTURE(url);
      const std::string error =
          first_error(load_recipe_text("mine", std::string(good_recipe) + "site-url: \"" + url + "\"\n"));
      CHECK(error.starts_with("content/handouts/mine.yaml:8:11: error: the site address '" + url + "'"));
    }
    const RecipeLoadResult good =
        load_recipe_text("mine", std::string(good_recipe) + "site-url: https://example.org/atlas\n");
    REQUIRE(good.ok());
    CHECK(compose_handout(Atlas::builtin(), good.recipes.front()).link ==
          "https://example.org/atlas/concepts/tolerance.html");
  }

  TEST_CASE("a query picks related concepts of one kind") {
    std::string yaml = good_recipe;
    yaml.replace(yaml.find("concepts: [tolerance]"), 21,
                 "query: {related-to: withdrawal, relation: symptom-of, limit: 2}");
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
    const Diagnostics warnings = summary_readability_warnings(hard.atlas());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].loc.file == "content/concepts/condition/tolerance.yaml");
    CHECK(warnings[0].loc.line == 4);
    CHECK(summary_readability_warnings(hard.atlas(), 30).empty());
    CHECK(summary_readability_warnings(Atlas::builtin()).empty());  // the built-in content meets the rule
  }
}

TEST_SUITE("handout links, help lines and references") {
  TEST_CASE("a handout links to its topic's page only when it knows the site's address") {
    const Atlas& atlas = Atlas::builtin();
    const HandoutRecipe recipe = builtin_handout_recipes(atlas).recipes.back();  // withdrawal-and-getting-help
    const Handout none = compose_handout(atlas, recipe);
    CHECK(none.link.empty());
    const std::string html = render_handout_html(none);
    CHECK(html.find("class=\"qr\"") == std::string::npos);
    CHECK(html.find("Read more") == std::string::npos);
    CHECK(html.find("example") == std::string::npos);  // no placeholder address anywhere

    HandoutOptions options;
    options.site_url = "https://educator.example.net/atlas";
    const Handout linked = compose_handout(atlas, recipe, options);
    REQUIRE(linked.topic != nullptr);
    CHECK(linked.topic->id == recipe.sections.front().concepts.front());
    CHECK(linked.link == "https://educator.example.net/atlas/" + concept_page_path(linked.topic->id));
    CHECK(render_handout_html(linked, options).find("href=\"" + linked.link + "\"") != std::string::npos);
    options.site_url = "javascript:alert(1)";  // refused, never printed
    CHECK(compose_handout(atlas, recipe, options).link.empty());
  }

  TEST_CASE("the help box lists a region's lines, lines given by hand, or blanks to write on") {
    const Atlas& atlas = Atlas::builtin();
    const HandoutRecipe recipe = recipe_for_concepts({atlas.find("withdrawal")}, Audience::lay);
    const Handout blank = compose_handout(atlas, recipe);
    REQUIRE(blank.help != nullptr);
    CHECK(blank.help_lines.empty());
    CHECK(render_handout_html(blank).find("Emergency number:") != std::string::npos);

    HandoutOptions options;
    options.region = "us";
    options.help_lines = {"Local clinic: 555 0100", "Ask at the front desk"};
    const Handout h = compose_handout(atlas, recipe, options);
    const HelpRegion* us = find_help_region(atlas, "us");
    REQUIRE(us != nullptr);
    REQUIRE(h.help_lines.size() == us->lines.size() + 2);
    CHECK(h.help_lines.front().number == us->lines.front().number);
    CHECK(h.help_lines.front().checked_at == "www.poisonhelp.hrsa.gov");
    CHECK(h.help_lines[us->lines.size()].service == "Local clinic");
    CHECK(h.help_lines[us->lines.size()].number == "555 0100");
    CHECK(h.help_lines.back().service.empty());
    const std::string html = render_handout_html(h, options);
    for (const HelpLine& line : us->lines) CHECK(html.find(line.number) != std::string::npos);
    CHECK(html.find("Emergency number:") == std::string::npos);
    // The box comes before the main points and every topic: it is on the first page.
    CHECK(html.find("class=\"box help\"") < html.find("class=\"box summary\""));
    CHECK(find_help_region(atlas, "xx") == nullptr);
  }

  TEST_CASE("the built-in help lines cite real pages and agree with their region's concept") {
    const Atlas& atlas = Atlas::builtin();
    REQUIRE(atlas.content().help_regions.size() == 4);
    for (const HelpRegion& region : atlas.content().help_regions) {
      CAPTURE(region.id);
      const Concept* page = atlas.find(region.concept_id);
      REQUIRE(page != nullptr);
      CHECK(region.reviewed == page->reviewed);
      std::string text = page->summary + page->details;
      std::erase(text, '*');
      for (const HelpLine& line : region.lines) {
        CAPTURE(line.number);
        const Source* source = atlas.source(line.source);
        REQUIRE(source != nullptr);
        CHECK(std::find(page->sources.begin(), page->sources.end(), line.source) != page->sources.end());
        // Every digit group of the number is written on the region's page too.
        const std::regex digits(R"(\d[\d -]*\d|\d)");
        for (auto it = std::sregex_iterator(line.number.begin(), line.number.end(), digits);
             it != std::sregex_iterator(); ++it)
          CHECK_MESSAGE(text.find(it->str()) != std::string::npos, it->str());
      }
    }
  }

  TEST_CASE("help-line errors name file, line and column, all in one run") {
    const LoadResult result = katlas::test::load_case("bad-help-lines");
    CHECK_FALSE(result.ok());
    const std::string file = "content/help-lines.yaml:";
    CHECK(
        katlas::test::formatted(result) ==
        file + "6:14: error: help-line concept 'tolerence' is not a concept (did you mean 'tolerance'?)\n" + file +
            "11:17: error: unknown source 'singh-2041' (did you mean 'singh-2014'?)\n" + file +
            "12:9: error: missing required key 'number' in help line (add a line 'number: ...'; see docs/content-schema.md)\n" +
            file + "13:9: error: unknown key 'numbr' in help line (did you mean 'number'?)\n" + file +
            "15:5: error: duplicate help-line region id 'us' (first defined at content/help-lines.yaml:4:5) "
            "(ids must be unique; rename one of them)\n" +
            file +
            "17:15: error: 'reviewed' must be a date written YYYY-MM-DD, found '2026-12-1' (for example 2026-11-23)\n" +
            file +
            "18:12: error: 'lines' must be a non-empty list (start each line with '- service: ...' and give its "
            "number and source)\n");
  }

  TEST_CASE("a source's type is one of four words, and the strict check asks for it") {
    const LoadResult bad = katlas::test::load_case("bad-source-type");
    CHECK(katlas::test::has_line(
        bad, "content/sources.yaml:5:9: error: unknown source type 'peer reviewed' (did you mean 'peer-reviewed'?)"));
    CHECK(katlas::test::has_line(
        bad,
        "content/sources.yaml:12:9: error: unknown source type 'blog' (use peer-reviewed, official, grey or user-report)"));
    // The strict check's warning for a source without a type is tested with the other strict rules (load_test.cpp).
    for (const Source& source : Atlas::builtin().content().sources) CHECK_MESSAGE(source.type.has_value(), source.id);
  }

  TEST_CASE("a lay handout numbers papers and official pages, and lists what people report apart") {
    const Atlas& atlas = Atlas::builtin();
    std::size_t reports = 0;
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes) {
      CAPTURE(recipe.id);
      HandoutOptions options;
      options.region = "us";
      const Handout h = compose_handout(atlas, recipe, options);
      for (const Source* s : h.references)
        if (h.audience == Audience::lay) CHECK_MESSAGE(s->is_reference(), s->id);
      for (const Source* s : h.reports) CHECK_FALSE(s->is_reference());
      if (h.audience == Audience::pro) CHECK(h.reports.empty());
      reports += h.reports.size();
      if (!h.reports.empty()) CHECK(render_handout_html(h).find("What people report") != std::string::npos);
    }
    CHECK(reports > 0);  // the built-in recipes do lean on some grey literature: it must show, apart
  }

  TEST_CASE("handouts use the site's evidence and verdict words") {
    const Atlas& atlas = Atlas::builtin();
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes) {
      const Handout h = compose_handout(atlas, recipe);
      const std::string html = render_handout_html(h);
      // The print-only labels of before ("the site says contested, the handout experts disagree") are gone.
      for (const std::string old : {"strong evidence", "personal accounts", "experts disagree"})
        CHECK_MESSAGE(html.find("class=\"evidence\">" + old) == std::string::npos, recipe.id, ": ", old);
      for (const HandoutSection& s : h.sections)
        for (const HandoutEntry& e : s.entries) {
          const std::string label = e.entry->verdict ? std::string(plain_label(*e.entry->verdict))
                                                     : std::string(to_string(e.entry->evidence));
          CHECK(html.find("<span class=\"evidence\">" + label) != std::string::npos);
        }
    }
  }

  TEST_CASE("a written recipe keeps its audience: one made on the spot suits both") {
    const Atlas& atlas = Atlas::builtin();
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes) {
      CHECK(supports(recipe, recipe.audience));
      CHECK_FALSE(supports(recipe, recipe.audience == Audience::lay ? Audience::pro : Audience::lay));
      CHECK(compose_handout(atlas, recipe, {.audience = Audience::pro}).audience == recipe.audience);
    }
    const HandoutRecipe spot = recipe_for_concepts({atlas.find("tolerance")}, Audience::lay);
    CHECK(supports(spot, Audience::pro));
    CHECK(compose_handout(atlas, spot, {.audience = Audience::pro}).audience == Audience::pro);
  }

  TEST_CASE("an ad-hoc handout of many topics has a short title and no repeated headings") {
    const Atlas& atlas = Atlas::builtin();
    std::vector<const Concept*> concepts;
    for (const std::string id : {"tolerance", "withdrawal", "dose-escalation", "physical-dependence", "cyp3a4",
                                 "mu-opioid-receptor", "setting-limits", "tracking-use", "frequent-use", "low-mood"})
      concepts.push_back(atlas.find(id));
    const HandoutRecipe recipe = recipe_for_concepts(concepts, Audience::lay);
    CHECK(recipe.title == "Tolerance and 9 related topics");
    CHECK(recipe.key_points.empty());  // first sentences of ten topics would repeat the page
    const Handout h = compose_handout(atlas, recipe);
    REQUIRE(h.sections.size() == 1);
    CHECK(h.sections.front().heading.empty());
    CHECK(h.references.size() <= concepts.size() + 1);  // one source a topic (and the help box's)
    const std::string html = render_handout_html(h);
    for (const Concept* c : concepts) {
      const std::string heading = escape_for_test(c->title);
      const std::size_t first = html.find(">" + heading + "<");
      CHECK_MESSAGE(first != std::string::npos, c->id);
      CHECK_MESSAGE(html.find(">" + heading + "<", first + 1) == std::string::npos, c->id);
    }
    CHECK(recipe_for_concepts({atlas.find("tolerance"), atlas.find("withdrawal")}, Audience::lay).title ==
          "Tolerance and kratom withdrawal");
  }
}

TEST_SUITE("handout pdf") {
  TEST_CASE("a missing chromium is a clear error") {
    const Status status = print_pdf("<p>x</p>", scratch("x.pdf"), {.chromium = "/nonexistent/chromium"});
    CHECK_FALSE(status.ok());
    CHECK(status.message().starts_with("chromium not found at /nonexistent/chromium"));
  }

  TEST_CASE("printing a handout PDF leaves nothing in the user's home folder") {
    // The browser writes crash reports, dconf and caches under HOME and the XDG folders.
    const fs::path home = scratch("home");
    fs::create_directories(home);
    const std::string saved = std::getenv("HOME") ? std::getenv("HOME") : "";
    setenv("HOME", home.c_str(), 1);
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"}) unsetenv(name);
    const Status status = print_pdf("<p>Hello</p>", scratch("home.pdf"));
    setenv("HOME", saved.c_str(), 1);
    REQUIRE(status.ok());
    std::vector<std::string> left;
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(home)) left.push_back(e.path().string());
    CHECK_MESSAGE(left.empty(),
                  "written into HOME: " << left.size() << " paths, first " << (left.empty() ? "" : left[0]));
  }

  // One printed handout, read back from the PDF.
  struct Printed {
    int pages = 0;
    std::string page1;  // pdftotext of page 1, white space squeezed
    std::string text;   // pdftotext of every page
    std::string boxes;  // pdftotext -bbox of every page
  };

  Printed print_and_read(const Handout& h, const HandoutOptions& options, const std::string& name) {
    const fs::path pdf = scratch(name + ".pdf");
    REQUIRE(print_pdf(render_handout_html(h, options), pdf).ok());
    Printed out;
    const std::string info = shell("pdfinfo '" + pdf.string() + "'").out;
    std::smatch pages;
    REQUIRE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))")));
    out.pages = std::stoi(pages[1]);
    out.page1 = squeeze(shell("pdftotext -f 1 -l 1 '" + pdf.string() + "' -").out);
    out.text = shell("pdftotext '" + pdf.string() + "' -").out;
    out.boxes = shell("pdftotext -bbox '" + pdf.string() + "' -").out;
    return out;
  }

  // Font sizes of the words, from their boxes: DejaVu Sans boxes are 1.164 em high.
  std::map<double, std::size_t> word_sizes(const std::string& boxes) {
    const std::regex word_re(R"re(<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">)re");
    std::map<double, std::size_t> sizes;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word_re); it != std::sregex_iterator(); ++it)
      ++sizes[std::round((std::stod((*it)[2]) - std::stod((*it)[1])) / 1.164 * 4) / 4];
    return sizes;
  }

  void check_margins(const std::string& boxes) {
    // Nothing may reach into the 10 mm next to any page edge (the @page margins are 12–14 mm).
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
      if (!page_number)
        CHECK(std::stod(w[4]) <= height - margin);  // "Page 1 of 2" sits in the margin on purpose
      else
        CHECK(std::stod(w[4]) <= height - 3 / 25.4 * 72);
    }
  }

  bool have_chromium() {
    if (access("/usr/bin/chromium", X_OK) == 0) return true;
    MESSAGE("skipped: /usr/bin/chromium is not installed");
    return false;
  }

  TEST_CASE("every recipe prints on its pages at readable sizes, with help and a local number on page 1") {
    if (!have_chromium()) return;
    const Atlas& atlas = Atlas::builtin();
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes)
      for (const Audience audience : {Audience::lay, Audience::pro}) {
        if (!supports(recipe, audience)) continue;
        for (const Paper paper : {Paper::a4, Paper::letter})
          for (const std::string region : {"", "us", "au"}) {
            CAPTURE(recipe.id);
            CAPTURE(paper == Paper::a4 ? "a4" : "letter");
            CAPTURE(region);
            const HandoutOptions options{.audience = audience,
                                         .paper = paper,
                                         .site_url = "https://educator.example.net/atlas/",
                                         .qr_code = true,
                                         .region = region,
                                         .help_lines = {}};
            const Handout h = compose_handout(atlas, recipe, options);
            const Printed printed = print_and_read(h, options, recipe.id);
            // Lay handouts at most two pages; a professional brief exactly one.
            if (audience == Audience::lay)
              CHECK(printed.pages <= 2);
            else
              CHECK(printed.pages == 1);
            // The help box, found by its title, with a number or a line to write one on, on page 1.
            if (h.help) {
              CHECK(printed.page1.find(squeeze(h.help->title)) != std::string::npos);
              if (region.empty())
                CHECK(printed.page1.find("Emergency number:") != std::string::npos);
              else
                for (const HelpLine& line : find_help_region(atlas, region)->lines)
                  CHECK_MESSAGE(printed.page1.find(line.number) != std::string::npos, line.number);
            }
            // Type: nothing under 9 pt; most words at 12 pt (lay) or 10 pt (professional).
            const std::map<double, std::size_t> sizes = word_sizes(printed.boxes);
            REQUIRE_FALSE(sizes.empty());
            CHECK(sizes.begin()->first >= 9.0);
            const auto body = std::max_element(sizes.begin(), sizes.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; });
            CHECK(body->first >= (audience == Audience::lay ? 12.0 : 10.0));
            check_margins(printed.boxes);
            if (!region.empty()) continue;
            // Every title and every reference is printed. Two-column references come out of
            // pdftotext interleaved, so each is found by its numbered first line and its title's words.
            const std::string text = squeeze(printed.text);
            for (const HandoutSection& s : h.sections)
              for (const HandoutEntry& e : s.entries)
                CHECK_MESSAGE(text.find(squeeze(e.entry->title)) != std::string::npos, e.entry->title);
            for (std::size_t i = 0; i < h.references.size(); ++i) {
              const Source& source = *h.references[i];
              CAPTURE(source.id);
              CHECK(printed.text.find(std::to_string(i + 1) + ". " + source.authors.substr(0, 12)) !=
                    std::string::npos);
              const std::string title = std::regex_replace(source.title, std::regex("\u2013|\u2014|-"), " ");
              std::istringstream parts(title);
              for (std::string part; parts >> part;) CHECK_MESSAGE(printed.text.find(part) != std::string::npos, part);
            }
          }
      }
  }

  TEST_CASE("the printed QR code opens the topic's page of the site built with the same address") {
    if (!have_chromium()) return;
    if (access("/usr/bin/zbarimg", X_OK) != 0) {
      MESSAGE("skipped: /usr/bin/zbarimg (zbar-tools) is not installed");
      return;
    }
    const Atlas& atlas = Atlas::builtin();
    const std::string base = "https://educator.example.net/atlas/";
    MemorySink site;
    REQUIRE(render_site(atlas, site, {.base_url = base}).ok());
    for (const HandoutRecipe& recipe : builtin_handout_recipes(atlas).recipes) {
      CAPTURE(recipe.id);
      HandoutOptions options;
      options.site_url = base;
      options.region = "us";
      const Handout h = compose_handout(atlas, recipe, options);
      REQUIRE(h.topic != nullptr);
      const fs::path pdf = scratch(recipe.id + "-qr.pdf"), image = scratch(recipe.id + "-qr");
      REQUIRE(print_pdf(render_handout_html(h, options), pdf).ok());
      REQUIRE(shell("pdftoppm -r 200 -f 1 -l 1 -gray -png '" + pdf.string() + "' '" + image.string() + "'").code == 0);
      const Run decoded = shell("zbarimg -q --raw '" + image.string() + "-1.png'");
      CHECK(decoded.code == 0);
      CHECK(decoded.out == h.link + "\n");
      CHECK(h.link == base + concept_page_path(h.topic->id));
      CHECK(site.files().contains(concept_page_path(h.topic->id)));
      CHECK(squeeze(shell("pdftotext '" + pdf.string() + "' -").out).find(h.link.substr(0, 30)) != std::string::npos);
    }
  }
}

TEST_SUITE("handout cli") {
  TEST_CASE("an unknown recipe or concept is a lookup failure with a suggestion") {
    const Run run = shell("'" KATLAS_BINARY "' handout understandin-tolerance");
    CHECK(run.code == 1);
    CHECK(run.err ==
          "katlas: no handout recipe or concept 'understandin-tolerance' (did you mean "
          "'understanding-tolerance'?)\n");
  }

  TEST_CASE("a bad recipe file is reported at its position") {
    const fs::path file = scratch("broken.yaml");
    std::ofstream(file)
        << "id: broken\ntitle: Broken\naudience: lay\npurpose: x\nsections:\n  - heading: A\n    concepts: [tolerence]\n";
    const Run run = shell("'" KATLAS_BINARY "' handout '" + file.string() + "'");
    CHECK(run.code == 1);
    CHECK(run.err.starts_with(file.string() + ":7:16: error: unknown concept 'tolerence' (did you mean 'tolerance'?)"));
  }

  TEST_CASE("html goes to stdout and the report to stderr: with --out the report goes to stdout") {
    const Run to_stdout = shell("'" KATLAS_BINARY "' handout tolerance,withdrawal");
    CHECK(to_stdout.code == 0);
    CHECK(to_stdout.out.starts_with("<!DOCTYPE html>"));
    CHECK(to_stdout.err.find("Flesch-Kincaid grade") != std::string::npos);
    const Run to_file =
        shell("'" KATLAS_BINARY "' handout understanding-tolerance --json --out '" + scratch("t.html").string() + "'");
    CHECK(to_file.code == 0);
    CHECK(to_file.out.find("\"reading_ease\"") != std::string::npos);
    CHECK(slurp(scratch("t.html")).starts_with("<!DOCTYPE html>"));
  }

  TEST_CASE("a site address that is not an absolute http(s) URL is a usage error") {
    for (const std::string url :
         {"not a url", "javascript:alert(1)", "ftp://example.org/", "https://", "//example.org/"}) {
      CAPTURE(url);
      const Run run = shell("'" KATLAS_BINARY "' handout understanding-tolerance --site-url '" + url + "'");
      CHECK(run.code == 2);
      CHECK(run.err.find("--site-url: the site address '" + url + "'") != std::string::npos);
      CHECK(run.out.empty());
    }
    CHECK(shell("'" KATLAS_BINARY "' build --base-url 'javascript:x' --out '" + scratch("never").string() + "'").code ==
          2);
  }

  TEST_CASE("without --site-url the handout has no link and says so: with it, the topic's page") {
    const Run none = shell("'" KATLAS_BINARY "' handout withdrawal-and-getting-help");
    CHECK(none.code == 0);
    CHECK(none.err.find("katlas: no --site-url given: the handout has no link or QR code") != std::string::npos);
    CHECK(none.err.find("katlas: no --region or --help-line given") != std::string::npos);
    CHECK(none.out.find("class=\"qr\"") == std::string::npos);
    const Run linked = shell("'" KATLAS_BINARY
                             "' handout withdrawal-and-getting-help --site-url https://atlas.example.net/ --region uk");
    CHECK(linked.code == 0);
    CHECK(linked.err.find("no --site-url") == std::string::npos);
    CHECK(linked.err.find("no --region") == std::string::npos);
    CHECK(linked.out.find("href=\"https://atlas.example.net/concepts/withdrawal.html\"") != std::string::npos);
    CHECK(linked.out.find("NHS 111") != std::string::npos);
  }

  TEST_CASE("--region must name a region of help-lines.yaml: --help-line adds a line") {
    const Run unknown = shell("'" KATLAS_BINARY "' handout withdrawal-and-getting-help --region usa");
    CHECK(unknown.code == 2);
    CHECK(unknown.err ==
          "katlas: no help-line region 'usa'; the content has us, uk, au and ca (help-lines.yaml), or "
          "give the numbers with --help-line\n");
    const Run own = shell("'" KATLAS_BINARY
                          "' handout withdrawal-and-getting-help --help-line 'Poison centre: 13 11 26' "
                          "--help-line 'Our clinic: 555 0100'");
    CHECK(own.code == 0);
    CHECK(own.out.find("Poison centre: <span class=\"number\">13 11 26</span>") != std::string::npos);
    CHECK(own.out.find("Our clinic: <span class=\"number\">555 0100</span>") != std::string::npos);
  }

  TEST_CASE("a written recipe refuses the other audience") {
    const Run run = shell("'" KATLAS_BINARY "' handout clinician-one-pager --audience lay");
    CHECK(run.code == 2);
    CHECK(run.err ==
          "katlas: recipe 'clinician-one-pager' is written for pro readers only; leave out --audience, or write "
          "a lay recipe (see docs/handouts.md)\n");
    CHECK(shell("'" KATLAS_BINARY "' handout tolerance,withdrawal --audience pro").code == 0);
  }

  TEST_CASE("pdf without --out is a usage error") {
    CHECK(shell("'" KATLAS_BINARY "' handout understanding-tolerance --format pdf").code == 2);
  }
}
