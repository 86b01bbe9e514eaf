// The explanation call and the whole-atlas exports: values, the four renderings, escaping.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"
#include "text/markdown_safe.hpp"

#include <md4c.h>

#include <nlohmann/json.hpp>

namespace {

const katlas::Atlas& base() {
  static const katlas::Atlas atlas = katlas::Atlas::load(katlas::test::fixture_path("base")).atlas();
  return atlas;
}

}  // namespace

TEST_SUITE("explain") {
  TEST_CASE("an alias gets an exact explanation with citations and neighbours") {
    const auto e = katlas::explain(base(), {.query = "CYP 3A4"});
    REQUIRE(e.has_value());
    CHECK(e->exact);
    CHECK(e->entry->id == "cyp3a4");
    CHECK(e->summary == "CYP3A4 is a protein in your liver and gut. It breaks down many drugs.");
    CHECK(e->details.empty());  // lay by default
    REQUIRE(e->citations.size() == 1);
    CHECK(e->citations[0]->id == "kamble-2019");
    CHECK(e->neighbours.size() == 3);
    CHECK(e->reviewed == "2026-11-23");
    // "CYP3A4 is a protein in your liver and gut. It breaks down many drugs.": 2 sentences, 14 words.
    CHECK(e->reading_level.sentences == 2);
    CHECK(e->reading_level.words == 14);
    CHECK(e->reading_level.grade <= 8.0);
  }

  TEST_CASE("links of one type and evidence read as one sentence: weaker ones hedge and say their level") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const auto e = katlas::explain(atlas, {.query = "withdrawal", .max_neighbours = 100});
    REQUIRE(e.has_value());
    const std::string text = katlas::to_text(*e);
    INFO(text);
    std::size_t include_lines = 0;
    for (std::size_t at = text.find("\n    - Kratom withdrawal can include "); at != std::string::npos;
         at = text.find("\n    - Kratom withdrawal can include ", at + 1))
      ++include_lines;
    CHECK(include_lines == 1);  // one sentence lists the established symptoms
    CHECK(text.find("can include anxiety and nervousness, craving, ") != std::string::npos);
    CHECK(text.find("  [anecdotal: ") != std::string::npos);
    // Every neighbour in JSON carries its evidence; the JSON stays one object per link.
    const auto j = nlohmann::json::parse(katlas::to_json(*e));
    REQUIRE(j["neighbours"].size() == e->neighbours.size());
    for (const auto& n : j["neighbours"]) CHECK(n.contains("evidence"));
  }

  TEST_CASE("a claim's verdict is told wherever the claim is named") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const auto e = katlas::explain(atlas, {.query = "strain-rotation-claim"});
    REQUIRE(e.has_value());
    const std::string text = katlas::to_text(*e);
    CHECK(text.find("\nVerdict: Not supported by the evidence.\n") != std::string::npos);
    CHECK(nlohmann::json::parse(katlas::to_json(*e))["verdict"] == "unsupported");
    const auto tolerance = katlas::explain(atlas, {.query = "tolerance", .max_neighbours = 100});
    REQUIRE(tolerance.has_value());
    CHECK(katlas::to_text(*tolerance)
              .find("\"rotating strains resets tolerance\". Verdict: Not supported by the "
                    "evidence.") != std::string::npos);
  }

  TEST_CASE("the HTML fragment renders the professional Markdown instead of printing it") {
    const auto e =
        katlas::explain(katlas::Atlas::builtin(), {.query = "enzyme-induction", .audience = katlas::Audience::pro});
    REQUIRE(e.has_value());
    REQUIRE(e->details.find("**") != std::string_view::npos);
    const std::string html = katlas::to_html_fragment(*e);
    CHECK(html.find("<div class=\"katlas-details\">") != std::string::npos);
    CHECK(html.find("<strong>") != std::string::npos);
    CHECK(html.find("**") == std::string::npos);
  }

  TEST_CASE("depth and audience decide what is included") {
    const auto summary = katlas::explain(
        base(), {.query = "cyp3a4", .audience = katlas::Audience::pro, .depth = katlas::Depth::summary});
    CHECK(summary->details.empty());
    CHECK(summary->neighbours.empty());
    const auto details = katlas::explain(
        base(), {.query = "cyp3a4", .audience = katlas::Audience::pro, .depth = katlas::Depth::details});
    CHECK_FALSE(details->details.empty());
    CHECK(details->neighbours.empty());
    const auto capped = katlas::explain(base(), {.query = "cyp3a4", .max_neighbours = 1});
    CHECK(capped->neighbours.size() == 1);
  }

  TEST_CASE("free text takes the best search hit and says it was not exact") {
    const auto e = katlas::explain(base(), {.query = "what happens when I stop after regular use"});
    REQUIRE(e.has_value());
    CHECK_FALSE(e->exact);
    CHECK(e->entry->id == "withdrawal");
    CHECK_FALSE(katlas::explain(base(), {.query = "qqqqqq"}).has_value());
  }

  TEST_CASE("free text of stop words only explains nothing, never a topic at random") {
    // "and" occurs inside "Extracts and concentrates": a search by letters alone would take it.
    for (const char* query : {"and", "the", "why does my", "  ", ""}) {
      INFO(query);
      CHECK_FALSE(katlas::explain(base(), {.query = query}).has_value());
    }
    CHECK_FALSE(katlas::explain(katlas::Atlas::builtin(), {.query = "the"}).has_value());
    const auto named = katlas::explain(base(), {.query = "extracts and concentrates"});
    REQUIRE(named.has_value());
    CHECK(named->entry->id == "extracts");
  }

  TEST_CASE("a request owns its query, and every default audience is lay") {
    katlas::ExplainRequest request;
    request.query = std::string("CYP") + " 3A4";  // a temporary, gone after this line
    const auto e = katlas::explain(base(), request);
    REQUIRE(e.has_value());
    CHECK(e->entry->id == "cyp3a4");
    CHECK(request.audience == katlas::Audience::lay);
    CHECK(e->audience == katlas::Audience::lay);
    const katlas::Concept& tolerance = *base().find("tolerance");
    REQUIRE_FALSE(tolerance.details.empty());
    CHECK_FALSE(nlohmann::json::parse(katlas::concept_json(base(), tolerance)).contains("details"));
    CHECK(nlohmann::json::parse(katlas::concept_json(base(), tolerance, katlas::Audience::pro)).contains("details"));
  }

  TEST_CASE("the words of depths read back") {
    for (const katlas::Depth d : {katlas::Depth::summary, katlas::Depth::details, katlas::Depth::neighbours})
      CHECK(katlas::parse_depth(katlas::to_string(d)) == d);
    CHECK_FALSE(katlas::parse_depth("all").has_value());
  }

  TEST_CASE("show and explain print one text layout, from the library") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    katlas::ExplainRequest request;
    request.audience = katlas::Audience::pro;
    request.max_neighbours = 1000;
    const katlas::Concept& peak = *atlas.find("withdrawal-peak");
    const std::string text = katlas::to_text(katlas::explain(atlas, peak, request));
    CHECK(text.starts_with("Withdrawal peak  [withdrawal-peak, phase]\n"));
    CHECK(text.find("\nTiming (after the last dose, ") != std::string::npos);
    CHECK(text.find("\nRelations:\n") != std::string::npos);
    CHECK(text.find("\nFor professionals:\n") != std::string::npos);
    const katlas::Concept& claim = *atlas.find("strain-rotation-claim");
    const std::string both = katlas::to_text(katlas::explain(atlas, claim, request));
    CHECK(both.find("\nFor the claim: ") != std::string::npos);
    CHECK(both.find("\nAgainst the claim: ") != std::string::npos);
  }

  TEST_CASE("text, Markdown, HTML and JSON carry the same facts") {
    const auto e = katlas::explain(base(), {.query = "7-OH"});
    const std::string text = katlas::to_text(*e);
    CHECK(text.find("7-hydroxymitragynine is formed by CYP3A4.") != std::string::npos);
    CHECK(text.find("  [1] Kamble SH") != std::string::npos);
    const std::string md = katlas::to_markdown(*e, "https://atlas.example.org");
    CHECK(md.find("([CYP3A4](<https://atlas.example.org/concepts/cyp3a4.html>))") != std::string::npos);
    const std::string html = katlas::to_html_fragment(*e, "https://atlas.example.org/");
    CHECK(html.find("<a href=\"https://atlas.example.org/concepts/cyp3a4.html\">CYP3A4</a>") != std::string::npos);
    const auto j = nlohmann::json::parse(katlas::to_json(*e));
    CHECK(j["id"] == "seven-hydroxymitragynine");
    CHECK(j["citations"][0]["link"] == "https://doi.org/10.1080/00498254.2018.1552819");
    CHECK(j["reading_grade"].is_number());
  }

  TEST_CASE("the HTML fragment escapes hostile content and drops unsafe links") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
    for (katlas::ContentFile& f : files)
      if (f.path == "concepts/enzyme/cyp3a4.yaml") {
        f.text.replace(f.text.find("title: CYP3A4"), 13, "title: \"<script>alert(1)</script>\"");
        f.text.replace(f.text.find("summary: CYP3A4"), 15, "summary: \"\\\"onmouseover=alert(1) CYP3A4");
        f.text.replace(f.text.find("breaks down many drugs."), 23, "breaks down many drugs.\"");
      }
    const katlas::LoadResult result = katlas::Atlas::load_files(files);
    INFO(katlas::test::formatted(result));
    REQUIRE(result.ok());
    const auto e = katlas::explain(result.atlas(), {.query = "cyp3a4"});
    const std::string html = katlas::to_html_fragment(*e, "javascript:alert(1)//");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("\"onmouseover") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
  }
}

TEST_SUITE("explain.markdown") {
  /// What a Markdown renderer that allows raw HTML (as most chat and wiki views do) makes of
  /// `markdown`: md4c with HTML on, every raw HTML piece, link, image and visible text noted.
  struct Rendered {
    std::vector<std::string> html, links, images;
    std::string text;
  };
  Rendered render(const std::string& markdown) {
    Rendered r;
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
    parser.enter_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
    parser.leave_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* data) {
      auto& out = *static_cast<Rendered*>(data);
      if (type == MD_SPAN_A) {
        const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
        out.links.emplace_back(href.text, href.size);
      }
      if (type == MD_SPAN_IMG) out.images.emplace_back("image");
      return 0;
    };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
      auto& out = *static_cast<Rendered*>(data);
      if (type == MD_TEXT_HTML) out.html.emplace_back(text, size);
      out.text.append(text, size);
      return 0;
    };
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &r);
    return r;
  }

  /// The site's rules, as `r` shows them: no raw HTML, no image, no link but http(s) and relative ones.
  void check_site_rules(const Rendered& r) {
    CHECK(r.html.empty());
    CHECK(r.images.empty());
    for (const std::string& link : r.links) {
      INFO(link);
      CHECK((link.starts_with("https://") || link.starts_with("http://") || link.find(':') == std::string::npos));
    }
  }

  /// The hostile fixture's tolerance, explained for professionals (details and notes included).
  katlas::Explanation hostile_tolerance(const katlas::Atlas& atlas) {
    const auto e = katlas::explain(atlas, {.query = "tolerance", .audience = katlas::Audience::pro});
    REQUIRE(e.has_value());
    return *e;
  }

  TEST_CASE("Markdown holds no raw HTML and no link but http(s) and relative ones, and shows hostile text as text") {
    const katlas::LoadResult result = katlas::Atlas::load_files(katlas::test::hostile_files());
    INFO(katlas::test::formatted(result));
    REQUIRE(result.ok());
    const katlas::Explanation e = hostile_tolerance(result.atlas());
    for (const char* base : {"https://atlas.example.org/", "javascript:alert(1)//", ""}) {
      const std::string markdown = katlas::to_markdown(e, base);
      INFO("base URL: " << base << "\n" << markdown);
      const Rendered r = render(markdown);
      check_site_rules(r);
      // The hostile strings are shown, as text: nothing is hidden from the reader.
      CHECK(r.text.find("Tolerance <script>alert(1)</script>") != std::string::npos);
      CHECK(r.text.find("<script>alert(7)</script>") != std::string::npos);
      CHECK(r.text.find("Sum <img src=x onerror=alert(4)> & more") != std::string::npos);
      CHECK(r.text.find("Title </script><script>alert(8)</script>") != std::string::npos);
    }
    // A safe base URL still links the neighbours.
    CHECK_FALSE(render(katlas::to_markdown(e, "https://atlas.example.org/")).links.empty());
  }

  TEST_CASE("the JSON's Markdown is the safe Markdown, and its other strings are the plain text") {
    const katlas::LoadResult result = katlas::Atlas::load_files(katlas::test::hostile_files());
    INFO(katlas::test::formatted(result));
    REQUIRE(result.ok());
    const katlas::Explanation e = hostile_tolerance(result.atlas());
    const auto j = nlohmann::json::parse(katlas::to_json(e));
    REQUIRE(j.contains("details"));
    const std::string details = j["details"];
    INFO(details);
    // `details` is the one Markdown field: written as --format markdown writes it.
    CHECK(details == katlas::detail::safe_markdown(e.details));
    const Rendered r = render(details);
    check_site_rules(r);
    CHECK(r.text.find("<script>alert(7)</script>") != std::string::npos);  // shown, as text
    // Every other string is text to show as text (docs/json.md): as written, with nothing added.
    CHECK(j["title"] == "Tolerance <script>alert(1)</script>");
    const auto to_withdrawal = std::find_if(j["neighbours"].begin(), j["neighbours"].end(),
                                            [](const auto& n) { return n["target"] == "withdrawal"; });
    REQUIRE(to_withdrawal != j["neighbours"].end());
    CHECK((*to_withdrawal)["note"] == "Note </script><b>bold</b><iframe src=javascript:alert(14)>");
  }

  TEST_CASE("content Markdown keeps its form when written back safely") {
    const std::string md = katlas::detail::safe_markdown(
        "A *b* **c** `d` [e](https://x.org/) and [f](javascript:alert(1)).\n\n- one\n- two\n\n1. first\n2. second\n\n"
        "> quoted <b>bold</b>\n\n```\ncode <i>\n```\n\n| h1 | h2 |\n|---|---|\n| c1 | c2 |\n");
    CHECK(md ==
          "A *b* **c** `d` [e](<https://x.org/>) and f.\n\n- one\n- two\n\n1. first\n2. second\n\n"
          "> quoted \\<b\\>bold\\</b\\>\n\n```\ncode <i>\n```\n\n| h1 | h2 |\n| --- | --- |\n| c1 | c2 |\n");
    // Written back and read again, it says the same.
    CHECK(katlas::detail::safe_markdown(md) == md);
  }
}

TEST_SUITE("export") {
  TEST_CASE("the JSON export holds every part of the atlas, versioned") {
    const auto j = nlohmann::json::parse(katlas::export_json(base()));
    CHECK(j["format"] == "katlas-atlas");
    CHECK(j["schema_version"] == katlas::export_schema_version);
    CHECK(j["kinds"].size() == base().content().kinds.size());
    CHECK(j["relation_types"].size() == base().content().relation_types.size());
    CHECK(j["sources"].size() == 3);
    REQUIRE(j["concepts"].size() == 11);
    const auto& cyp = j["concepts"][1];
    CHECK(cyp["id"] == "cyp3a4");
    CHECK(cyp["sources"] == nlohmann::json::array({"kamble-2019"}));
    bool inverse = false;
    for (const auto& r : cyp["relations"]) inverse |= r["direction"] == "in" && r["target"] == "kratom";
    CHECK(inverse);
    CHECK(katlas::export_json(base()) == katlas::export_json(base()));
  }

  TEST_CASE("the JSON export's top-level fields are the ones the published schema requires") {
    std::ifstream in(std::string(KATLAS_CONTENT) + "/../docs/atlas.schema.json");
    const auto schema = nlohmann::json::parse(in);
    const auto doc = nlohmann::json::parse(katlas::export_json(base()));
    for (const auto& key : schema["required"]) CHECK_MESSAGE(doc.contains(key.get<std::string>()), key);
    for (const auto& key : schema["$defs"]["concept"]["required"])
      CHECK_MESSAGE(doc["concepts"][0].contains(key.get<std::string>()), key);
  }

  TEST_CASE("the DOT export quotes every name and writes each relation once") {
    const std::string dot = katlas::export_dot(base());
    CHECK(dot.starts_with("digraph katlas {\n"));
    CHECK(dot.find("  \"cyp3a4\" [label=\"CYP3A4\", kind=\"enzyme\"];\n") != std::string::npos);
    CHECK(dot.find("  \"cyp3a4\" -> \"seven-hydroxymitragynine\" [label=\"forms\", evidence=\"established\", "
                   "style=solid];\n") != std::string::npos);
    // A weaker link is drawn fainter and says its evidence.
    CHECK(dot.find("  \"extracts\" -> \"tolerance\" [label=\"leads-to\", evidence=\"anecdotal\", style=dotted];\n") !=
          std::string::npos);
    std::size_t edges = 0;
    for (std::size_t at = dot.find(" -> "); at != std::string::npos; at = dot.find(" -> ", at + 1)) ++edges;
    CHECK(edges == 13);  // the relations written in the base fixture
  }
}
