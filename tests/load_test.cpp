// Loader tests: every error class, down to its file:line:column and message.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <functional>

using katlas::Severity;
using katlas::test::formatted;
using katlas::test::has_line;
using katlas::test::load_case;

namespace {

// Asserts that a case fails with exactly these errors, in order.
void expect_errors(const std::string& name, const std::vector<std::string>& lines) {
  const katlas::LoadResult result = load_case(name);
  INFO("diagnostics:\n" << formatted(result));
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.count(Severity::error) == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(format(result.diagnostics[i]) == lines[i]);
}

}  // namespace

TEST_SUITE("load") {
  TEST_CASE("the base fixture loads with no diagnostic, strict included") {
    const katlas::LoadResult result = load_case("", true);
    INFO(formatted(result));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
    CHECK(result.atlas().content().concepts.size() == 11);
  }

  TEST_CASE("a YAML syntax error names its position and does not cascade into references") {
    expect_errors("yaml-syntax",
                  {"content/concepts/condition/tolerance.yaml:5:8: error: invalid YAML: end of sequence flow not found "
                   "(close the list with ']', or quote text that holds '[')"});
  }

  TEST_CASE("tabs used for indentation are explained") {
    expect_errors("tabs", {"content/concepts/condition/tolerance.yaml:5:2: error: invalid YAML: illegal block entry "
                           "(YAML does not allow tabs for indentation; use spaces)"});
  }

  TEST_CASE("an unknown key suggests the key that was meant") {
    expect_errors("unknown-key",
                  {"content/concepts/condition/tolerance.yaml:4:1: error: unknown key 'summry' in concept "
                   "(did you mean 'summary'?)"});
  }

  TEST_CASE("a missing required key is named") {
    expect_errors("missing-field",
                  {"content/concepts/condition/tolerance.yaml:1:1: error: missing required key 'evidence' in concept "
                   "(add a line 'evidence: ...'; see docs/content-schema.md)"});
  }

  TEST_CASE("values of the wrong type are each reported") {
    expect_errors("wrong-type",
                  {"content/concepts/condition/tolerance.yaml:3:3: error: 'title' must be a text, found a list",
                   "content/concepts/condition/tolerance.yaml:5:10: error: 'aliases' must be a list such as [a, b], "
                   "found a mapping",
                   "content/concepts/condition/tolerance.yaml:10:11: error: 'reviewed' must be a date written "
                   "YYYY-MM-DD, found '23/11/2026' (for example 2026-11-23)"});
  }

  TEST_CASE("a duplicate id names both places") {
    expect_errors(
        "duplicate-id",
        {"content/concepts/mechanism/tolerance.yaml:1:5: error: duplicate concept id 'tolerance' (first "
         "defined at content/concepts/condition/tolerance.yaml:1:5) (ids must be unique; rename one of them)"});
  }

  TEST_CASE("an id with bad characters is refused") {
    expect_errors("bad-id",
                  {"content/concepts/condition/Tolerance_2.yaml:1:5: error: invalid id 'Tolerance_2': it must start "
                   "with a lowercase letter (ids are lowercase-kebab: a-z, 0-9 and single hyphens, starting with a "
                   "letter)"});
  }

  TEST_CASE("a dangling relation target suggests the closest id") {
    expect_errors("dangling-target", {"content/concepts/condition/tolerance.yaml:11:13: error: relation target "
                                      "'withdrawl' is not a concept (did you mean 'withdrawal'?)"});
  }

  TEST_CASE("an unknown relation type suggests the type that was meant") {
    expect_errors("unknown-relation-type", {"content/concepts/substance/kratom.yaml:12:11: error: unknown relation "
                                            "type 'inhibts' (did you mean 'inhibits'?)"});
  }

  TEST_CASE("an unknown kind suggests the kind that was meant") {
    expect_errors("unknown-kind",
                  {"content/concepts/condition/tolerance.yaml:3:7: error: concept of kind 'conditon' is in folder "
                   "'condition' (move it to concepts/conditon/ or change its kind)",
                   "content/concepts/condition/tolerance.yaml:3:7: error: unknown kind 'conditon' (did you mean "
                   "'condition'?)"});
  }

  TEST_CASE("a relation between kinds its type does not allow is refused") {
    expect_errors("kinds-not-allowed", {"content/concepts/condition/tolerance.yaml:12:11: error: relation "
                                        "'symptom-of' cannot start from a concept of kind 'condition' (it may start "
                                        "from: symptom)"});
  }

  TEST_CASE("an unknown source id suggests the closest source") {
    expect_errors("unknown-source", {"content/concepts/condition/tolerance.yaml:7:11: error: unknown source "
                                     "'singh-2041' (did you mean 'singh-2014'?)"});
  }

  TEST_CASE("a file whose name is not its id is reported") {
    expect_errors("file-name-mismatch",
                  {"content/concepts/condition/tolerance-and-dependence.yaml:1:5: error: file name "
                   "'tolerance-and-dependence.yaml' does not match id 'tolerance-dependence' (rename the file to "
                   "'tolerance-dependence.yaml' or change the id)"});
  }

  TEST_CASE("a concept in the folder of another kind is reported") {
    expect_errors("wrong-folder", {"content/concepts/symptom/tolerance.yaml:3:7: error: concept of kind 'condition' "
                                   "is in folder 'symptom' (move it to concepts/condition/ or change its kind)"});
  }

  TEST_CASE("a key written twice names both lines") {
    expect_errors("duplicate-key", {"content/concepts/condition/tolerance.yaml:7:1: error: duplicate key 'evidence' "
                                    "(first written at line 6) (keep one of the two; YAML keeps only one of them)"});
  }

  TEST_CASE("a cycle in an acyclic relation type is shown as the loop it makes") {
    expect_errors("cycle", {"content/concepts/alkaloid/seven-hydroxymitragynine.yaml:11:13: error: relation type "
                            "'converted-into' must not loop back, but it does: mitragynine -> "
                            "seven-hydroxymitragynine -> mitragynine (remove or turn around one of these relations)"});
  }

  TEST_CASE("a loop of 5,000 concepts is one short error that names its first and last five") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
    constexpr int ring = 5000;
    const auto id = [](int i) {
      std::string digits = std::to_string(i);
      return "ring-" + std::string(4 - digits.size(), '0') + digits;
    };
    for (int i = 0; i < ring; ++i)
      files.push_back({"concepts/condition/" + id(i) + ".yaml",
                       "id: " + id(i) + "\ntitle: Ring " + std::to_string(i) +
                           "\nkind: condition\nsummary: A test concept.\ndetails: Test data.\nevidence: limited\n"
                           "sources: [singh-2014]\nreviewed: 2026-11-23\nrelations:\n  - type: is-a\n    target: " +
                           id((i + 1) % ring) + "\n"});
    const katlas::LoadResult result = katlas::Atlas::load_files(std::move(files), {.display_root = "content"});
    REQUIRE(result.diagnostics.size() == 1);
    const std::string line = format(result.diagnostics[0]);
    CHECK(line ==
          "content/concepts/condition/ring-4999.yaml:11:13: error: relation type 'is-a' must not loop back, but it "
          "does: ring-0000 -> ring-0001 -> ring-0002 -> ring-0003 -> ring-0004 -> ... (4990 more) -> ring-4995 -> "
          "ring-4996 -> ring-4997 -> ring-4998 -> ring-4999 -> ring-0000 (remove or turn around one of these "
          "relations)");
    CHECK(line.size() < 400);
  }

  TEST_CASE("a relation to itself is refused") {
    expect_errors("self-relation", {"content/concepts/condition/withdrawal.yaml:11:13: error: concept 'withdrawal' "
                                    "relates to itself (point the relation at another concept)"});
  }

  TEST_CASE("a contested concept must show both sides") {
    expect_errors("contested-one-side",
                  {"content/concepts/claim/strain-rotation.yaml:1:5: error: concept 'strain-rotation' is contested "
                   "but does not show both sides (add 'sides:' with at least one 'position: for' and one 'position: "
                   "against', each with sources)"});
  }

  TEST_CASE("a timing range that runs backwards is refused") {
    expect_errors("timing-range", {"content/concepts/phase/onset.yaml:10:16: error: 'start-hours' starts after it "
                                   "ends (24 > 6) (write the earliest value first)"});
  }

  TEST_CASE("bad sources: a non-number year, a javascript URL, no link at all, a DOI written as a URL") {
    expect_errors("bad-source",
                  {"content/sources.yaml:3:9: error: 'year' must be a whole number, found 'twenty sixteen'",
                   "content/sources.yaml:5:3: error: source URL must start with http:// or https://, found "
                   "'javascript:alert(1)'",
                   "content/sources.yaml:6:3: error: source 'kamble-2019' has neither 'doi' nor 'url' (add the DOI "
                   "(bare, e.g. 10.1021/jacs.6b00360) or a http(s) URL)",
                   "content/sources.yaml:14:3: error: DOI must be written bare and start with '10.', found "
                   "'https://doi.org/10.1016/j.drugalcdep.2014.03.017' (write 10.1021/jacs.6b00360, not "
                   "https://doi.org/10.1021/jacs.6b00360)"});
  }

  TEST_CASE("a missing vocabulary file is one error, not one per concept") {
    expect_errors("missing-vocabulary", {"content/kinds.yaml: error: missing kinds.yaml (every content folder needs "
                                         "kinds.yaml, relations.yaml and sources.yaml)"});
  }

  TEST_CASE("yes, no, on and numbers stay the text that was written") {
    const katlas::LoadResult result = load_case("yes-no-coercion");
    INFO(formatted(result));
    REQUIRE(result.ok());
    const katlas::Concept* chills = result.atlas().find("chills");
    REQUIRE(chills != nullptr);
    CHECK(chills->title == "yes");
    CHECK(chills->aliases == std::vector<std::string>{"no", "010", "on"});
    CHECK(chills->details == "0x1F");
  }
}

TEST_SUITE("load.strict") {
  TEST_CASE("strict rules are warnings that name the concept and the fix") {
    const katlas::LoadResult result = load_case("strict", true);
    INFO(formatted(result));
    CHECK(result.ok());  // warnings never stop a load
    CHECK(has_line(result,
                   "content/concepts/condition/lonely.yaml:1:5: warning: concept 'lonely' cites no source "
                   "(add at least one id from sources.yaml)"));
    CHECK(has_line(result,
                   "content/concepts/condition/lonely.yaml:1:5: warning: concept 'lonely' has no relation in "
                   "or out (an orphan) (relate it to at least one other concept)"));
    CHECK(has_line(result,
                   "content/concepts/condition/lonely.yaml:5:10: warning: lay summary of 'lonely' is too "
                   "long (4 sentences, 14 words) (keep it to 1-3 short sentences and at most 60 words; move "
                   "the rest to 'details')"));
    CHECK(has_line(result,
                   "content/concepts/phase/onset.yaml:1:5: warning: concept 'onset' of kind 'phase' does not "
                   "say when to get help (add a relation 'type: get-help' to a guidance concept such as "
                   "'when-to-get-help')"));
    CHECK(has_line(result,
                   "content/sources.yaml:24:3: warning: source 'unused-2020' is not cited by any concept "
                   "(cite it where it supports a claim, or remove it)"));
    CHECK(has_line(result,
                   "content/sources.yaml:24:3: warning: source 'unused-2020' does not say what kind of work "
                   "it is (add 'type:' peer-reviewed, official, grey or user-report; lay handouts number only "
                   "the first two)"));
    CHECK(result.diagnostics.count(Severity::warning) == 6);
  }

  TEST_CASE("a featured cycle that finds no cycle is a warning that says the figure would be missing") {
    // The built-in cycle steps over a limited link: without its min-evidence no cycle is found.
    std::vector<katlas::ContentFile> files = katlas::Atlas::builtin_files();
    for (katlas::ContentFile& f : files)
      if (f.path == "site.yaml") {
        const std::size_t at = f.text.find("  min-evidence: limited\n");
        REQUIRE(at != std::string::npos);
        f.text.erase(at, std::string("  min-evidence: limited\n").size());
      }
    const katlas::LoadResult result = katlas::Atlas::load_files(files, {.display_root = "content"});
    REQUIRE(result.ok());  // a warning: the content is usable, only the figure is missing
    INFO(formatted(result));
    REQUIRE(result.diagnostics.size() == 1);
    const std::string line = katlas::format(result.diagnostics.front());
    CHECK(line.starts_with("content/site.yaml:"));
    CHECK(line.find(": warning: no cycle leads from 'tolerance' back to it over leads-to, explains links of "
                    "established evidence or stronger, so the site shows no cycle figure (set 'min-evidence'") !=
          std::string::npos);
    CHECK(katlas::Atlas::load_files(katlas::Atlas::builtin_files()).diagnostics.empty());
  }

  TEST_CASE("a popular claim without a verdict fails the strict check") {
    const katlas::LoadResult result = load_case("claim-without-verdict", true);
    INFO(formatted(result));
    CHECK(has_line(result,
                   "content/concepts/claim/strain-rotation.yaml:1:5: warning: concept 'strain-rotation' of "
                   "kind 'claim' has no verdict (add 'verdict:' after 'evidence:': supported, "
                   "partly-supported, unsupported, refuted or unresolved)"));
    CHECK(result.diagnostics.count(Severity::warning) == 1);
    CHECK(load_case("claim-without-verdict", false).diagnostics.empty());
  }

  TEST_CASE("a relation type with no wording for a level it is used at fails the strict check, and hedges meanwhile") {
    const katlas::LoadResult result = load_case("ungraded-template", true);
    INFO(formatted(result));
    CHECK(has_line(result,
                   "content/relations.yaml:152:3: warning: relation type 'leads-to' has no anecdotal wording, "
                   "but the relation at content/concepts/product/extracts.yaml:12:5 is anecdotal (inherited "
                   "from its concepts) (under 'sentence:' and 'inverse-sentence:', add a line 'anecdotal: ...' "
                   "worded for how sure the link is)"));
    CHECK(result.diagnostics.count(Severity::warning) == 1);
    // The one template is the established wording; a weaker link gets a hedge in front of it.
    REQUIRE(result.ok());
    const auto links = result.atlas().related(*result.atlas().find("extracts"), {.type = "leads-to"});
    REQUIRE(links.size() == 1);
    CHECK(links[0].sentence == "Some reports say extract use leads to tolerance.");
    const auto established = result.atlas().related(*result.atlas().find("tolerance"),
                                                    {.type = "leads-to", .direction = katlas::Direction::out});
    REQUIRE(established.size() == 1);
    CHECK(established[0].sentence == "Tolerance leads to withdrawal.");
  }

  TEST_CASE("review-every sets the review date of a concept, else its kind's, else two years later") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
    for (katlas::ContentFile& f : files) {
      if (f.path == "concepts/condition/tolerance.yaml") f.text += "review-every: 6 months\n";
      if (f.path == "kinds.yaml")
        f.text.replace(f.text.find("  needs-verdict: true\n"), 21, "  needs-verdict: true\n  review-every: 1 year\n");
      if (f.path == "concepts/condition/withdrawal.yaml") f.text += "review-every: sometimes\n";
    }
    const katlas::LoadResult bad = katlas::Atlas::load_files(files, {.display_root = "content"});
    INFO(formatted(bad));
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(format(bad.diagnostics[0])
              .ends_with("error: 'review-every' must be a number of months or years, found "
                         "'sometimes' (write e.g. '6 months' or '2 years' (at most 10 years))"));
    for (katlas::ContentFile& f : files)
      if (f.path == "concepts/condition/withdrawal.yaml") f.text.erase(f.text.find("review-every: sometimes\n"));
    const katlas::LoadResult result = katlas::Atlas::load_files(files, {.display_root = "content"});
    REQUIRE(result.ok());
    const katlas::Atlas& atlas = result.atlas();
    const auto due = [&](const char* id) {
      return katlas::review_due(*atlas.find(id), atlas.kind(atlas.find(id)->kind));
    };
    CHECK(due("tolerance") == "2027-05-23");
    CHECK(due("strain-rotation") == "2027-11-23");  // its kind's interval
    CHECK(due("withdrawal") == "2028-11-23");       // the default
    CHECK(katlas::overdue_review_warnings(atlas, "2027-05-23").empty());
    REQUIRE(katlas::overdue_review_warnings(atlas, "2027-05-24").size() == 1);
    CHECK(katlas::add_days("2028-02-28", 1) == "2028-02-29");
  }

  TEST_CASE("handout recipes are read and checked with the rest of the folder, in one load") {
    const katlas::LoadResult result = load_case("bad-recipe");
    INFO(formatted(result));
    CHECK_FALSE(result.ok());
    CHECK(has_line(result,
                   "content/handouts/broken.yaml:7:16: error: unknown concept 'tolerence' (did you mean "
                   "'tolerance'?)"));
    const katlas::LoadResult good = load_case("");
    REQUIRE(good.ok());
    CHECK(good.atlas().content().handouts.empty());
    CHECK(katlas::Atlas::builtin().content().handouts.size() == 6);
  }

  TEST_CASE("a verdict or a basis that is not one of the words is an error with the list") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
    for (katlas::ContentFile& f : files)
      if (f.path == "concepts/claim/strain-rotation.yaml") {
        const std::size_t at = f.text.find("verdict: unsupported");
        REQUIRE(at != std::string::npos);
        f.text.replace(at, 20, "verdict: disproven");
      }
    const katlas::LoadResult result = katlas::Atlas::load_files(std::move(files), {.display_root = "content"});
    INFO(formatted(result));
    CHECK(has_line(result,
                   "content/concepts/claim/strain-rotation.yaml:7:10: error: unknown verdict 'disproven' (use "
                   "supported, partly-supported, unsupported, refuted or unresolved)"));
  }
}

TEST_SUITE("load.files") {
  TEST_CASE("a folder that does not exist is one clear error") {
    const katlas::LoadResult result = katlas::Atlas::load(katlas::test::fixture_path("no-such-folder"));
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == "content folder does not exist");
  }

  TEST_CASE("a real folder on disk loads and names its files in diagnostics") {
    const katlas::LoadResult result = katlas::Atlas::load(katlas::test::fixture_path("base"));
    INFO(formatted(result));
    REQUIRE(result.ok());
    CHECK(result.atlas().find("cyp3a4")->loc.file ==
          katlas::test::fixture_path("base") + "/concepts/enzyme/cyp3a4.yaml");
  }
}

TEST_SUITE("load.valid-yaml") {
  /// The base fixture with cyp3a4.yaml's text changed by `edit`.
  katlas::LoadResult load_with_cyp3a4(const std::function<std::string(std::string)>& edit) {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
    for (katlas::ContentFile& f : files)
      if (f.path == "concepts/enzyme/cyp3a4.yaml") f.text = edit(f.text);
    return katlas::Atlas::load_files(std::move(files), {.display_root = "content"});
  }

  TEST_CASE("a block scalar's text may hold any brackets and dashes: the depth limits count YAML, not text") {
    const std::string brackets(65, '[');
    std::string dashes;
    for (int i = 0; i < 85; ++i) dashes += "- ";
    const katlas::LoadResult result = load_with_cyp3a4([&](std::string text) {
      const std::size_t at = text.find("details: ");
      const std::size_t end = text.find('\n', at);
      return text.replace(at, end - at,
                          "details: |\n  A text with " + brackets + " brackets.\n  " + dashes + "\n\n  And more.");
    });
    INFO(katlas::test::formatted(result));
    REQUIRE(result.ok());
    CHECK(result.atlas().find("cyp3a4")->details.find(brackets) != std::string::npos);
    CHECK(result.atlas().find("cyp3a4")->details.find(dashes.substr(0, 20)) != std::string::npos);
  }

  TEST_CASE("a %YAML directive before the document is not a second document") {
    const katlas::LoadResult result = load_with_cyp3a4([](std::string text) { return "%YAML 1.1\n---\n" + text; });
    INFO(katlas::test::formatted(result));
    CHECK(result.ok());
  }
}

TEST_SUITE("load.hostile") {
  TEST_CASE("a diagnostic line is safe for a terminal: escapes in a file name or a quoted key are shown, not obeyed") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
    // A file name that clears the screen, and a key (written as YAML escapes) that turns the
    // text around, starts a new line and holds a byte that is not UTF-8.
    files.push_back({"concepts/enzyme/\x1b[2Jgone\xff.yaml", "id: gone\n"});
    for (katlas::ContentFile& f : files)
      if (f.path == "concepts/enzyme/cyp3a4.yaml") f.text += "\"ti\\u202Etle\\nX\\e[31m\": 1\n";
    const katlas::LoadResult result = katlas::Atlas::load_files(std::move(files), {.display_root = "content"});
    const std::string lines = katlas::test::formatted(result);
    INFO(lines);
    CHECK(lines.find("content/concepts/enzyme/\\x1B[2Jgone\\xFF.yaml:1:1: error:") != std::string::npos);
    CHECK(lines.find("\\u202E") != std::string::npos);
    for (const katlas::Diagnostic& d : result.diagnostics) {
      const std::string line = katlas::format(d);
      for (const char c : line) CHECK(static_cast<unsigned char>(c) >= 0x20);
      CHECK(line.find("\xE2\x80\xAE") == std::string::npos);  // U+202E itself
      CHECK(line.find('\xff') == std::string::npos);
    }
  }

  TEST_CASE("invalid UTF-8 is refused at the first bad byte") {
    expect_errors("invalid-utf8", {"content/concepts/condition/tolerance.yaml:4:13: error: file is not valid UTF-8 "
                                   "(save the file as UTF-8)"});
  }

  TEST_CASE("a NUL byte is refused") {
    expect_errors("nul-byte", {"content/concepts/condition/tolerance.yaml:1:14: error: file contains a NUL byte "
                               "(content files are plain UTF-8 text)"});
  }

  TEST_CASE("10,000 nested flow sequences stop at the nesting limit before yaml-cpp recurses") {
    expect_errors("deep-flow", {"content/concepts/condition/deep.yaml:1:65: error: nesting is deeper than 64 levels "
                                "(content files need only a few levels of nesting)"});
  }

  TEST_CASE("deeply indented block sequences stop at the indentation limit") {
    expect_errors("deep-block", {"content/concepts/condition/deep.yaml:128:256: error: indentation is deeper than "
                                 "256 spaces (content files need only a few levels of nesting)"});
  }

  TEST_CASE("anchors that multiply data are reported once per field, not expanded") {
    expect_errors("billion-laughs",
                  // An alias node carries the position of its anchor, so each points at the anchored value.
                  {"content/concepts/condition/laughs.yaml:12:11: error: each entry of 'sources' must be a text, "
                   "found a list",
                   "content/concepts/condition/laughs.yaml:12:11: error: 'note' must be a text, found a list",
                   "content/concepts/condition/laughs.yaml:13:14: error: each entry of 'aliases' must be a text, found "
                   "a list"});
  }

  TEST_CASE("a lone comma ends with an error instead of hanging") {
    expect_errors("lone-comma", {"content/concepts/condition/comma.yaml:1:1: error: concept must be a mapping of keys "
                                 "to values, found nothing (write it as 'key: value' lines)"});
  }

  TEST_CASE("an empty file is reported") {
    expect_errors("empty-file", {"content/concepts/condition/empty.yaml:1:1: error: file is empty (write the "
                                 "content or remove the file; see docs/content-schema.md)"});
  }
}
