// Site tests: pages rendered into a memory sink, escaping of hostile content, determinism, links, atomic writes.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include "render/html/diagram.hpp"
#include "support.hpp"
#include "text/escape.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <thread>

namespace {

using katlas::test::fixture_path;
using Files = std::map<std::string, std::string, std::less<>>;

const katlas::Atlas& base_atlas() {
  static const katlas::LoadResult result = katlas::Atlas::load(fixture_path("base"));
  REQUIRE_MESSAGE(result.ok(), katlas::test::formatted(result));
  return result.atlas();
}

Files render(const katlas::Atlas& atlas, const katlas::SiteOptions& options = {}) {
  katlas::MemorySink sink;
  const katlas::SiteResult result = katlas::render_site(atlas, sink, options);
  std::string problems;
  for (const katlas::Diagnostic& d : result.diagnostics) problems += format(d) + "\n";
  REQUIRE_MESSAGE(result.ok(), problems);
  return sink.files();
}

/// The base fixture with the tolerance concept and one source rewritten by an attacker.
katlas::Atlas hostile_atlas() {
  std::vector<katlas::ContentFile> files = katlas::test::read_tree(fixture_path("base"));
  for (katlas::ContentFile& f : files) {
    if (f.path == "concepts/condition/tolerance.yaml")
      f.text = R"yaml(id: tolerance
title: "Tolerance <script>alert(1)</script>"
kind: condition
aliases: ['"onmouseover=alert(2) x', "</script><script>alert(3)</script>"]
summary: "Sum <img src=x onerror=alert(4)> & more end."
details: |
  Click [here](javascript:alert(5)) or [there](JaVaScRiPt:alert(6)) or [ok](https://example.org/a?b=1&c=2).

  <script>alert(7)</script> and <!-- comment --> and ![img](x.png "t").
evidence: established
sources: [singh-2014]
reviewed: 2026-11-23
relations:
  - type: leads-to
    target: withdrawal
    note: "Note </script><b>bold</b>"
)yaml";
    if (f.path == "sources.yaml")
      f.text += R"yaml(- id: evil-2020
  authors: "Evil <b>A</b>"
  year: 2020
  title: "Title </script><script>alert(8)</script>"
  url: "https://example.org/\"onmouseover=alert(9)"
)yaml";
  }
  katlas::LoadResult result = katlas::Atlas::load_files(std::move(files));
  REQUIRE_MESSAGE(result.ok(), katlas::test::formatted(result));
  return result.atlas();
}

/// The base fixture with the tolerance concept's details replaced.
katlas::Atlas with_tolerance_details(const std::string& details) {
  std::vector<katlas::ContentFile> files = katlas::test::read_tree(fixture_path("base"));
  for (katlas::ContentFile& f : files)
    if (f.path == "concepts/condition/tolerance.yaml")
      f.text.replace(f.text.find("details: "), f.text.find("\nevidence:") - f.text.find("details: "),
                     "details: " + details);
  katlas::LoadResult result = katlas::Atlas::load_files(std::move(files));
  REQUIRE_MESSAGE(result.ok(), katlas::test::formatted(result));
  return result.atlas();
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

/// A fresh, empty temporary folder for one test.
std::filesystem::path temp_folder(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("katlas-site-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// True when `needle` occurs in `text` other than right after a backslash (a JSON string escape).
bool occurs_unescaped(const std::string& text, const std::string& needle) {
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    if (at == 0 || text[at - 1] != '\\') return true;
  return false;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_SUITE("escape") {
  TEST_CASE("HTML text and attributes escape every character that could open markup") {
    CHECK(katlas::detail::escape_html("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(katlas::detail::escape_attribute("\" onmouseover=x") == "&quot; onmouseover=x");
  }

  TEST_CASE("the URL allowlist keeps http, https and relative URLs and refuses every other scheme") {
    using katlas::detail::safe_url;
    CHECK(safe_url("https://doi.org/10.1/x") == "https://doi.org/10.1/x");
    CHECK(safe_url("HTTP://example.org") == "HTTP://example.org");
    CHECK(safe_url("../concepts/tolerance.html#sources") == "../concepts/tolerance.html#sources");
    CHECK(safe_url("#cite-1") == "#cite-1");
    CHECK(safe_url("a/b:c") == "a/b:c");
    CHECK_FALSE(safe_url("javascript:alert(1)"));
    CHECK_FALSE(safe_url("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(safe_url("java\tscript:alert(1)"));
    CHECK_FALSE(safe_url("data:text/html,<script>"));
    CHECK_FALSE(safe_url("vbscript:x"));
    CHECK_FALSE(safe_url("\\\\evil.example"));
    CHECK_FALSE(safe_url(""));
  }

  TEST_CASE("JSON inside a script element cannot close the element or start a comment") {
    CHECK(katlas::detail::escape_script_json(R"({"t":"</script><!--"})") == R"({"t":"\u003c/script>\u003c!--"})");
    CHECK(katlas::detail::escape_script_json("\"a\xE2\x80\xA8"
                                             "b\xE2\x80\xA9\"") == "\"a\\u2028b\\u2029\"");
  }
}

TEST_SUITE("site") {
  TEST_CASE("the A-Z files a quoted claim under its first word, and phases are listed in time order") {
    const Files files = render(katlas::Atlas::builtin());
    const std::string& az = files.at("glossary.html");
    const std::size_t r = az.find("<h2 id=\"letter-r\">"), s = az.find("<h2 id=\"letter-s\">");
    const std::size_t claim = az.find("concepts/strain-rotation-claim.html");
    REQUIRE(claim != std::string::npos);
    CHECK(r < claim);
    CHECK(claim < s);
    CHECK(az.find("<h2 id=\"letter-other\">") < az.find("concepts/seven-hydroxymitragynine.html"));  // "7-OH" under #
    const std::string& phases = files.at("kinds/phase.html");
    const std::size_t list = phases.rfind("concepts/withdrawal-onset.html");  // the list after the timeline
    const std::size_t peak = phases.find("concepts/withdrawal-peak.html", list);
    const std::size_t easing = phases.find("concepts/acute-withdrawal-resolution.html", list);
    const std::size_t post = phases.find("concepts/post-acute-withdrawal.html", list);
    CHECK(list < peak);
    CHECK(peak < easing);
    CHECK(easing < post);  // no known end: last
    CHECK(post != std::string::npos);
  }

  TEST_CASE("the built-in home page draws the tolerance cycle, its weaker steps named and hedged") {
    const Files files = render(katlas::Atlas::builtin());
    for (const char* path : {"index.html", "concepts/tolerance.html"}) {
      CAPTURE(path);
      const std::string& page = files.at(path);
      REQUIRE(page.find("<figure class=\"cycle\"") != std::string::npos);
      CHECK(page.find("leads to (limited)") != std::string::npos);  // the arrow names its level
      CHECK(page.find("may lead to") != std::string::npos);         // and the sentence hedges
      CHECK(page.find("each step feeds the next") == std::string::npos);
    }
  }

  TEST_CASE("the withdrawal timeline draws every timed phase, an open end as open, and days past two days") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const Files files = render(atlas);
    const std::string& phases = files.at("kinds/phase.html");
    std::size_t timed = 0, open = 0;
    for (const katlas::Concept& c : atlas.content().concepts) {
      if (!c.timing) continue;
      ++timed;
      open += c.timing->has_end ? 0 : 1;
    }
    REQUIRE(open >= 1);  // post-acute withdrawal: it starts, and nobody has measured when it ends
    std::size_t rows = 0, open_bars = 0;
    for (std::size_t at = phases.find("<g class=\"phase"); at != std::string::npos;
         at = phases.find("<g class=\"phase", at + 1))
      ++rows;
    for (std::size_t at = phases.find("class=\"open\" x="); at != std::string::npos;
         at = phases.find("class=\"open\" x=", at + 1))
      ++open_bars;
    CHECK(rows == timed);
    CHECK(open_bars == open);
    // Every mark is explained beside the chart, and the table says days where hours would run past 48.
    for (const char* words : {"Striped: the range", "Solid: the phase", "Fading out: nobody has measured"})
      CHECK_MESSAGE(phases.find(words) != std::string::npos, words);
    CHECK(phases.find("<td>5–10 days</td><td>not known</td>") != std::string::npos);
    CHECK(phases.find("120–240") == std::string::npos);
    const std::string& post = files.at("concepts/post-acute-withdrawal.html");
    CHECK(post.find("Starts 5 to 10 days after the last dose. How long it lasts is not known.") != std::string::npos);
    CHECK(files.at("concepts/withdrawal-onset.html")
              .find("Starts 6 to 24 hours after the last dose, and ends 1 to 3 days after it.") != std::string::npos);
  }

  TEST_CASE("a concept page puts the lay summary before the details and shows evidence, citations and review date") {
    const Files files = render(base_atlas());
    REQUIRE(files.count("concepts/withdrawal.html") == 1);
    const std::string& page = files.at("concepts/withdrawal.html");
    CHECK(page.find("<h1>Withdrawal</h1>") != std::string::npos);
    const std::size_t summary = page.find("Withdrawal is how your body reacts");
    const std::size_t pro = page.find("For professionals");
    CHECK(summary < pro);
    CHECK(page.find(std::string(katlas::plain_explanation(katlas::Evidence::established))) != std::string::npos);
    CHECK(page.find("When to get medical help now") != std::string::npos);
    CHECK(page.find("href=\"../sources.html#source-singh-2014\"") != std::string::npos);
    CHECK(page.find("https://doi.org/10.1016/j.drugalcdep.2014.03.017") != std::string::npos);
    CHECK(page.find("Last reviewed: <time datetime=\"2026-11-23\">") != std::string::npos);
    CHECK(page.find("For education only.") != std::string::npos);
    CHECK(page.find("application/ld+json") != std::string::npos);
  }

  TEST_CASE("a page past its review date says so when the build knows the day, and only then") {
    katlas::SiteOptions options;
    options.today = "2028-11-24";
    const std::string late = render(base_atlas(), options).at("concepts/withdrawal.html");
    CHECK(late.find("This page was due for review on <time datetime=\"2028-11-23\">2028-11-23</time>. Some of it may "
                    "be out of date.") != std::string::npos);
    options.today = "2028-11-23";
    CHECK(render(base_atlas(), options).at("concepts/withdrawal.html").find("due for review") == std::string::npos);
    CHECK(render(base_atlas()).at("concepts/withdrawal.html").find("due for review") == std::string::npos);
  }

  TEST_CASE("weak links hedge on the page, name their level, and a claim's verdict shows as its badge") {
    const Files files = render(base_atlas());
    const std::string& withdrawal = files.at("concepts/withdrawal.html");
    CHECK(withdrawal.find(
              "<li>Some reports say <strong>withdrawal</strong> can include <a href=\"../concepts/chills.html\">"
              "chills</a>. <span class=\"badge badge-anecdotal\">anecdotal</span>") != std::string::npos);
    const std::string& claim = files.at("concepts/strain-rotation.html");
    CHECK(claim.find("<span class=\"badge verdict-unsupported\">Verdict: Not supported by the evidence</span>") !=
          std::string::npos);
    const std::string& contested = files.at("contested.html");
    CHECK(contested.find("<h2 id=\"verdict-unsupported\">Not supported by the evidence</h2>") != std::string::npos);
  }

  TEST_CASE("a content folder with other ids gets start paths, its cycle and its help box from site.yaml") {
    const katlas::LoadResult loaded =
        katlas::Atlas::load(fixture_path("other-ids"), {.display_root = "loop", .strict = true});
    REQUIRE_MESSAGE(loaded.ok(), katlas::test::formatted(loaded));
    CHECK(loaded.diagnostics.empty());
    const Files files = render(loaded.atlas());
    const std::string& home = files.at("index.html");
    CHECK(home.find("<title>Loop Atlas</title>") != std::string::npos);
    CHECK(home.find("<p class=\"lead\">How a habit loop keeps itself going.</p>") != std::string::npos);
    CHECK(home.find("<h3>I want to break the loop</h3>") != std::string::npos);
    CHECK(home.find("<a href=\"kinds/step.html\">Every step</a>") != std::string::npos);
    CHECK(home.find("<h2 id=\"cycle-heading\">The habit loop</h2>") != std::string::npos);
    CHECK(home.find("<figcaption id=\"cycle-caption\">The habit loop, in words:</figcaption>") != std::string::npos);
    CHECK(home.find("Call your local emergency number if someone cannot wake up or breathe.") != std::string::npos);
    const std::string& urge = files.at("concepts/urge.html");
    CHECK(urge.find("id=\"cycle-caption\"") != std::string::npos);  // the cycle is drawn on its concept's page
    CHECK(urge.find("class=\"get-help\"") != std::string::npos);
    CHECK(urge.find("Reading path: <strong>I want to break the loop</strong>") != std::string::npos);
    CHECK(urge.find("\"@type\":\"MedicalCondition\"") != std::string::npos);
    CHECK(files.at("concepts/cue.html").find("id=\"cycle-caption\"") == std::string::npos);
  }

  TEST_CASE("site.yaml names only concepts, relation types and kinds that exist") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(fixture_path("other-ids"));
    for (katlas::ContentFile& f : files)
      if (f.path == "site.yaml") {
        f.text.replace(f.text.find("help: urgent-care"), 17, "help: urgent-cares");
        f.text.replace(f.text.find("types: [feeds]"), 14, "types: [feed]");
        f.text.replace(f.text.find("kinds/step.html"), 15, "kinds/stop.html");
      }
    const katlas::LoadResult result = katlas::Atlas::load_files(std::move(files), {.display_root = "loop"});
    INFO(katlas::test::formatted(result));
    CHECK_FALSE(result.ok());
    CHECK(katlas::test::has_line(result,
                                 "loop/site.yaml:4:7: error: help concept 'urgent-cares' is not a concept (did "
                                 "you mean 'urgent-care'?)"));
    CHECK(katlas::test::has_line(result,
                                 "loop/site.yaml:12:3: error: cycle relation type 'feed' is not in "
                                 "relations.yaml (did you mean 'feeds'?)"));
    CHECK(katlas::test::has_line(result,
                                 "loop/site.yaml:6:5: error: start path links to the page of unknown kind "
                                 "'stop' (did you mean 'step'?)"));
  }

  TEST_CASE("no renderer names a concept of the built-in content: ids come from the content") {
    // English word lists are data about the language, not about one content folder: the
    // syllable exceptions and the medical words a lay handout must define.
    const std::set<std::string> word_lists{"text/syllables.cpp", "handout/handout_text.cpp"};
    std::vector<std::string> ids;
    for (const katlas::Concept& c : katlas::Atlas::builtin().content().concepts) ids.push_back("\"" + c.id + "\"");
    std::size_t files_read = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(KATLAS_SOURCE_DIR) + "/lib/src")) {
      if (!entry.is_regular_file()) continue;
      const std::string rel =
          std::filesystem::relative(entry.path(), std::string(KATLAS_SOURCE_DIR) + "/lib/src").generic_string();
      if (word_lists.contains(rel)) continue;
      std::ifstream in(entry.path());
      ++files_read;
      std::size_t line_no = 0;
      for (std::string line; std::getline(in, line);) {
        ++line_no;
        const std::size_t comment = line.find("//");
        const std::string code = line.substr(0, comment);
        for (const std::string& id : ids) CHECK_MESSAGE(code.find(id) == std::string::npos, rel, ":", line_no, " ", id);
      }
    }
    CHECK(files_read > 50);
  }

  TEST_CASE("relations read as linked sentences in both directions") {
    const Files files = render(base_atlas());
    const std::string& tolerance = files.at("concepts/tolerance.html");
    CHECK(tolerance.find("<strong>Tolerance</strong> leads to <a href=\"../concepts/withdrawal.html\"") !=
          std::string::npos);
    const std::string& withdrawal = files.at("concepts/withdrawal.html");
    CHECK(withdrawal.find("href=\"../concepts/tolerance.html\"") != std::string::npos);
  }

  TEST_CASE(
      "names in the details link to their concept on first mention, aliases included, with the summary as a hint") {
    const katlas::Atlas atlas =
        with_tolerance_details("\"Goosebumps and MOR; then 7-OH, 7-OH again, and the Mu Receptor.\"");
    const std::string page = render(atlas).at("concepts/tolerance.html");
    const std::string details = page.substr(page.find("id=\"for-professionals\""));
    // An alias links like a title does, once, whatever its case.
    CHECK(occurrences(details, "href=\"../concepts/chills.html\"") == 1);
    CHECK(details.find(">Goosebumps</a>") != std::string::npos);
    CHECK(occurrences(details, "href=\"../concepts/seven-hydroxymitragynine.html\"") == 1);
    CHECK(details.find(">Mu Receptor</a>") != std::string::npos);
    // Names shorter than four characters stay text: "MOR" would link too often.
    CHECK(details.find(">MOR</a>") == std::string::npos);
    // The hint is the concept's summary, tied to the link for screen readers and shown by CSS on hover and focus.
    const katlas::Concept* chills = atlas.find("chills");
    REQUIRE(chills);
    CHECK(details.find("aria-describedby=\"term-chills\"") != std::string::npos);
    CHECK(details.find("<span class=\"term-hint\" id=\"term-chills\" role=\"tooltip\">" +
                       katlas::detail::escape_html(chills->summary) + "</span>") != std::string::npos);
    CHECK(page.find("<script src=\"../assets/terms.js\"></script>") != std::string::npos);
  }

  TEST_CASE("a link that shows its own address is marked, so a printed page does not add the address again") {
    const katlas::Atlas atlas = with_tolerance_details(
        "\"See <https://example.org/a?b=1&c=2>, [the review](https://example.org/r) and "
        "[https://example.org/s](https://example.org/s).\"");
    const std::string page = render(atlas).at("concepts/tolerance.html");
    const std::string details = page.substr(page.find("id=\"for-professionals\""));
    CHECK(details.find("<a href=\"https://example.org/a?b=1&amp;c=2\" class=\"shows-address\">"
                       "https://example.org/a?b=1&amp;c=2</a>") != std::string::npos);
    CHECK(details.find("<a href=\"https://example.org/s\" class=\"shows-address\">https://example.org/s</a>") !=
          std::string::npos);
    CHECK(details.find("<a href=\"https://example.org/r\">the review</a>") != std::string::npos);
    // A source's link shows its DOI or its URL.
    CHECK(page.find("<a class=\"external shows-address\" href=\"https://doi.org/") != std::string::npos);
  }

  TEST_CASE("an alias two concepts share is not linked: the link would have to guess") {
    std::vector<katlas::ContentFile> files = katlas::test::read_tree(fixture_path("base"));
    for (katlas::ContentFile& f : files) {
      if (f.path == "concepts/condition/tolerance.yaml")
        f.text.replace(f.text.find("details: "), f.text.find("\nevidence:") - f.text.find("details: "),
                       "details: Some call it shaking.");
      if (f.path == "concepts/symptom/chills.yaml") f.text.replace(f.text.find("[goosebumps"), 1, "[shaking, ");
      if (f.path == "concepts/condition/withdrawal.yaml")
        f.text.insert(f.text.find("summary: "), "aliases: [shaking]\n");
    }
    const katlas::LoadResult result = katlas::Atlas::load_files(std::move(files));
    REQUIRE_MESSAGE(result.ok(), katlas::test::formatted(result));
    const std::string page = render(result.atlas()).at("concepts/tolerance.html");
    CHECK(page.find("Some call it shaking.") != std::string::npos);
    CHECK(page.find(">shaking</a>") == std::string::npos);
  }

  TEST_CASE("the neighbourhood diagram draws every relation as an arrow between the concept and its neighbour") {
    const katlas::Atlas& atlas = base_atlas();
    const katlas::Concept& tolerance = *atlas.find("tolerance");
    const std::vector<katlas::Link> links = atlas.related(tolerance);
    REQUIRE(!links.empty());
    const std::string page = render(atlas).at("concepts/tolerance.html");
    const std::size_t from = page.find("<svg class=\"diagram\"", page.find("<figure class=\"neighbourhood\""));
    REQUIRE(from != std::string::npos);
    const std::string svg = page.substr(from, page.find("</svg>", from) - from);
    CHECK(occurrences(svg, "<g class=\"edge\">") == links.size());
    CHECK(occurrences(svg, "<g class=\"node focus\">") == 1);
    // Each box's lines, joined again, give back the neighbour's title.
    std::vector<std::string> boxes;
    for (std::size_t g = svg.find("<g class=\"node"); g != std::string::npos; g = svg.find("<g class=\"node", g + 1)) {
      std::string label;
      const std::size_t end = svg.find("</g>", g);
      for (std::size_t t = svg.find("<text", g); t < end; t = svg.find("<text", t + 1)) {
        const std::size_t open = svg.find('>', t) + 1;
        label += (label.empty() ? "" : " ") + svg.substr(open, svg.find("</text>", open) - open);
      }
      boxes.push_back(label);
    }
    for (const katlas::Link& l : links)
      CHECK(std::count(boxes.begin(), boxes.end(), katlas::detail::escape_html(l.other->title)) == 1);
  }

  TEST_CASE("the star layout refuses a diagram whose arrows miss the middle box") {
    katlas::detail::html::Diagram d;
    d.nodes = {{"Middle", true}, {"A", false}, {"B", false}};
    d.edges = {{1, 2, "leads to"}};
    CHECK_THROWS_AS(katlas::detail::html::star_svg(d), std::invalid_argument);
    d.edges = {{1, 0, "leads to"}, {0, 2, "leads to"}};
    const std::string svg = katlas::detail::html::star_svg(d);
    CHECK(occurrences(svg, "<g class=\"edge\">") == 2);
    // A points at the middle, so it stands left of it; B, pointed at, stands right.
    const auto x_of = [&](const std::string& label) {
      const std::size_t text = svg.find(">" + label + "</text>");
      const std::size_t x = svg.rfind("<text x=\"", text);
      return std::stod(svg.substr(x + 9));
    };
    CHECK(x_of("A") < x_of("Middle"));
    CHECK(x_of("Middle") < x_of("B"));
  }

  TEST_CASE("a page on a start-here path lists the whole path, so home to tolerance to withdrawal takes two clicks") {
    const katlas::Atlas atlas = katlas::Atlas::builtin();
    const Files files = render(atlas);
    const std::string& home = files.at("index.html");
    CHECK(home.find("href=\"concepts/tolerance.html\"") != std::string::npos);
    const std::string& tolerance = files.at("concepts/tolerance.html");
    const std::size_t nav =
        tolerance.find("<nav class=\"reading-path\" aria-label=\"Reading path: I use kratom daily\">");
    REQUIRE(nav != std::string::npos);
    const std::string path = tolerance.substr(nav, tolerance.find("</nav>", nav) - nav);
    CHECK(path.find("<span aria-current=\"page\">Tolerance</span>") != std::string::npos);
    CHECK(path.find("href=\"../concepts/withdrawal.html\"") != std::string::npos);
    CHECK(path.find("href=\"../concepts/dose-escalation.html\"") < path.find("href=\"../concepts/withdrawal.html\""));
    // Pages on no path carry no reading path.
    CHECK(files.at("concepts/cyp2d6.html").find("reading-path") == std::string::npos);
  }

  TEST_CASE("progress is reported on the calling thread, rising to the number of files") {
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    bool other_thread = false;
    const auto caller = std::this_thread::get_id();
    katlas::SiteOptions options;
    options.progress = [&](std::size_t done, std::size_t total) {
      calls.emplace_back(done, total);
      other_thread = other_thread || std::this_thread::get_id() != caller;
    };
    const Files files = render(base_atlas(), options);
    REQUIRE(!calls.empty());
    CHECK_FALSE(other_thread);
    for (std::size_t i = 0; i < calls.size(); ++i) {
      CHECK(calls[i].second == files.size());
      CHECK(calls[i].first <= calls[i].second);
      if (i > 0) CHECK(calls[i - 1].first < calls[i].first);
    }
  }

  TEST_CASE("a contested claim shows both sides, and the contested page lists it") {
    const Files files = render(base_atlas());
    const std::string& claim = files.at("concepts/strain-rotation.html");
    CHECK(claim.find("What supports the claim") != std::string::npos);
    CHECK(claim.find("What speaks against it") != std::string::npos);
    CHECK(files.at("contested.html").find("The main alkaloids act on the same receptor.") != std::string::npos);
  }

  TEST_CASE("the index pages, assets, search index and sitemap are written") {
    const Files files = render(base_atlas(), {.base_url = "https://atlas.example.org/"});
    for (const char* path :
         {"index.html", "glossary.html", "sources.html", "contested.html", "search.html", "topics.html",
          "kinds/symptom.html", "assets/site.css", "assets/search.js", "assets/search-index.js", "sitemap.xml"})
      CHECK_MESSAGE(files.count(path) == 1, path);
    CHECK(files.at("assets/search-index.js").starts_with("// Generated by katlas build"));
    CHECK(files.at("sitemap.xml").find("<loc>https://atlas.example.org/concepts/cyp3a4.html</loc>") !=
          std::string::npos);
    CHECK(files.at("sources.html").find("id=\"source-kamble-2019\"") != std::string::npos);
  }

  TEST_CASE("hostile strings in content never reach a page unescaped") {
    const katlas::Atlas atlas = hostile_atlas();
    const Files files = render(atlas);
    // The search index is a script of data, not HTML: attribute tricks mean nothing in it (its
    // words include "onmouseover" as a JSON key). It must stay data: parse as JSON, and never
    // close a script element.
    const std::string& index = files.at("assets/search-index.js");
    CHECK(index.find("</") == std::string::npos);
    const std::size_t json_at =
        index.find("window.KATLAS_SEARCH = ") + std::string_view("window.KATLAS_SEARCH = ").size();
    const auto data = nlohmann::json::parse(index.substr(json_at, index.rfind(';') - json_at), nullptr, false);
    REQUIRE_FALSE(data.is_discarded());
    CHECK(data.at("entries").size() == atlas.content().concepts.size());
    for (const auto& [path, bytes] : files) {
      if (path.starts_with("assets/site") || path == "assets/search.js" || path == "assets/search-index.js") continue;
      CAPTURE(path);
      CHECK(bytes.find("<script>alert") == std::string::npos);
      CHECK(bytes.find("</script><") == std::string::npos);
      CHECK_FALSE(occurs_unescaped(bytes, "\"onmouseover"));
      CHECK(bytes.find("<img") == std::string::npos);
      CHECK(bytes.find("<b>") == std::string::npos);
      CHECK(bytes.find("<!-- comment") == std::string::npos);
      for (const char* scheme : {"href=\"javascript:", "href=\"JaVaScRiPt:"})
        CHECK(bytes.find(scheme) == std::string::npos);
    }
    // U+2028, which ends a line in a script, cannot reach content (the loader refuses it): its
    // escape in script JSON is tested on escape_script_json() itself.
    const std::string& page = files.at("concepts/tolerance.html");
    const std::string json_ld =
        page.substr(page.find("application/ld+json"), page.find("</script>") - page.find("application/ld+json"));
    CHECK(json_ld.find("\\u003c/script>") != std::string::npos);
    CHECK(page.find("<h1>Tolerance &lt;script&gt;alert(1)&lt;/script&gt;</h1>") != std::string::npos);
    CHECK(page.find("<a href=\"https://example.org/a?b=1&amp;c=2\">ok</a>") != std::string::npos);
    CHECK(page.find("here") != std::string::npos);  // the refused link keeps its text
  }

  TEST_CASE("the base fixture's pages match their golden files (UPDATE_GOLDEN=1 rewrites them)") {
    // Reviewed by eye when they change: the whole page, shell included, for one page of each sort.
    const Files files = render(base_atlas(), {.base_url = "https://atlas.example.org/"});
    const std::filesystem::path golden = std::filesystem::path(KATLAS_FIXTURES).parent_path() / "golden" / "site";
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const char* path : {"index.html", "concepts/tolerance.html", "concepts/withdrawal.html", "glossary.html",
                             "sources.html", "contested.html", "kinds/condition.html", "search.html", "sitemap.xml"}) {
      CAPTURE(path);
      REQUIRE(files.count(path) == 1);
      const std::filesystem::path file = golden / path;
      if (update) {
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << files.at(path);
      }
      REQUIRE_MESSAGE(std::filesystem::exists(file), "no golden file; run with UPDATE_GOLDEN=1 and review it");
      CHECK(slurp(file) == files.at(path));
    }
  }

  TEST_CASE("rendering the same atlas twice gives byte-identical files") {
    CHECK(render(base_atlas()) == render(base_atlas()));
    CHECK(render(katlas::Atlas::builtin()) == render(katlas::Atlas::builtin()));
  }

  TEST_CASE("every internal link and anchor of the built-in and fixture sites resolves") {
    CHECK(katlas::check_links(render(base_atlas())).empty());
    CHECK(katlas::check_links(render(katlas::Atlas::builtin())).empty());
  }

  TEST_CASE("the link check names the page and the broken link") {
    const Files files{{"index.html", "<a href=\"concepts/nope.html\">x</a><a href=\"#gone\">y</a><p id=\"here\"></p>"},
                      {"concepts/a.html", "<a href=\"../index.html#here\">ok</a><a href=\"../../up.html\">z</a>"}};
    const std::vector<katlas::Diagnostic> found = katlas::check_links(files);
    REQUIRE(found.size() == 3);
    CHECK(format(found[0]) == "concepts/a.html: error: broken link '../../up.html': no such file in the site");
    CHECK(format(found[1]) == "index.html: error: broken link 'concepts/nope.html': no such file in the site");
    CHECK(format(found[2]) == "index.html: error: broken link '#gone': no element with id 'gone' in index.html");
  }

  TEST_CASE("anchors on pages checked before and after the linking page are checked alike, errors in page order") {
    const Files files{{"a.html", "<p id=\"top\"></p><a href=\"b.html#x\">1</a><a href=\"b.html#nope\">2</a>"},
                      {"b.html", "<p id=\"x\"></p>"},
                      {"c.html",
                       "<a href=\"a.html#missing\">3</a><a href=\"a.html#top\">4</a>"
                       "<a href=\"d.html#gone\">5</a><a href=\"b.html#x\">6</a>"},
                      {"d.html", "<p id=\"here\"></p>"}};
    const std::vector<katlas::Diagnostic> found = katlas::check_links(files);
    REQUIRE(found.size() == 3);
    CHECK(format(found[0]) == "a.html: error: broken link 'b.html#nope': no element with id 'nope' in b.html");
    CHECK(format(found[1]) == "c.html: error: broken link 'a.html#missing': no element with id 'missing' in a.html");
    CHECK(format(found[2]) == "c.html: error: broken link 'd.html#gone': no element with id 'gone' in d.html");
  }

  TEST_CASE("a #fragment into a file that is no page is broken, and a page's repeated ids count once") {
    const Files files{
        {"a.html", "<a href=\"style.css#x\">1</a><a href=\"b.html#twice\">2</a><a href=\"style.css\">3</a>"},
        {"b.html", "<p id=\"twice\"></p><p id=\"twice\"></p><p id=\"\"></p><a href=\"a.html#\">4</a>"},
        {"style.css", "p { color: black }"}};
    const std::vector<katlas::Diagnostic> found = katlas::check_links(files);
    REQUIRE(found.size() == 2);
    CHECK(format(found[0]) == "a.html: error: broken link 'style.css#x': no element with id 'x' in style.css");
    CHECK(format(found[1]) == "b.html: error: broken link 'a.html#': no element with id '' in a.html");
  }

  TEST_CASE("a memory sink refuses paths that leave the site folder") {
    katlas::MemorySink sink;
    CHECK_THROWS_WITH_AS(sink.write("../evil.html", "x"), "refusing to write outside the site folder: '../evil.html'",
                         std::runtime_error);
    CHECK_THROWS_AS(sink.write("/etc/passwd", "x"), std::runtime_error);
  }
}

TEST_SUITE("site on disk") {
  TEST_CASE("a committed build replaces the previous site as a whole") {
    const auto dir = temp_folder("replace");
    {
      katlas::DiskSink sink(dir / "site");
      sink.write("old.html", "old");
      sink.commit();
    }
    {
      katlas::DiskSink sink(dir / "site");
      REQUIRE(katlas::render_site(base_atlas(), sink).ok());
      sink.commit();
    }
    CHECK_FALSE(std::filesystem::exists(dir / "site" / "old.html"));
    CHECK(std::filesystem::exists(dir / "site" / "concepts" / "cyp3a4.html"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);  // no staging folder left
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a build that fails before commit leaves the previous site untouched and no partial folder") {
    const auto dir = temp_folder("failed");
    {
      katlas::DiskSink sink(dir / "site");
      sink.write("index.html", "previous");
      sink.commit();
    }
    try {
      katlas::DiskSink sink(dir / "site");
      sink.write("index.html", "half-written");
      throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {}
    CHECK(slurp(dir / "site" / "index.html") == "previous");
    CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a write that fails fails the build with the sink's message, never an exception") {
    // A sink that takes a few files, then reports a full disk: staged (written by the writer
    // thread as pages are rendered) and not (written at the end).
    for (const bool staged : {true, false}) {
      CAPTURE(staged);
      struct FullDisk final : katlas::OutputSink {
        bool stage = true;
        std::vector<std::string> paths;
        void write(std::string_view path, std::string_view) override {
          if (paths.size() == 3)
            throw std::filesystem::filesystem_error("cannot write '" + std::string(path) + "'",
                                                    std::make_error_code(std::errc::no_space_on_device));
          paths.emplace_back(path);
        }
        bool staged() const override { return stage; }
      } sink;
      sink.stage = staged;
      katlas::SiteResult result;
      CHECK_NOTHROW(result = katlas::render_site(base_atlas(), sink));
      CHECK_FALSE(result.ok());
      CHECK(result.status.message().find("No space left on device") != std::string::npos);
      CHECK(result.diagnostics.empty());  // not a problem of the content
      CHECK(sink.paths.size() == 3);
      CHECK(std::is_sorted(sink.paths.begin(), sink.paths.end()));  // one writer, in path order
    }
  }

  TEST_CASE("staging folders left by killed builds are removed by the next build, and only those") {
    const auto dir = temp_folder("stale");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) ::_exit(0);
    REQUIRE(::waitpid(child, nullptr, 0) == child);  // its pid now names no process
    const std::string dead = std::to_string(child), alive = std::to_string(::getppid());
    for (const std::string& name : {".site.katlas-staging-" + dead, ".site.katlas-staging-" + dead + "-old",
                                    ".site.katlas-staging-" + alive, ".other.katlas-staging-" + dead})
      std::filesystem::create_directories(dir / name / "concepts");
    {
      katlas::DiskSink sink(dir / "site");
      REQUIRE(katlas::render_site(base_atlas(), sink).ok());
      sink.commit();
    }
    CHECK_FALSE(std::filesystem::exists(dir / (".site.katlas-staging-" + dead)));
    CHECK_FALSE(std::filesystem::exists(dir / (".site.katlas-staging-" + dead + "-old")));
    CHECK(std::filesystem::exists(dir / (".site.katlas-staging-" + alive)));  // a build that may still run
    CHECK(std::filesystem::exists(dir / (".other.katlas-staging-" + dead)));  // another site's
    CHECK(std::filesystem::exists(dir / "site" / "index.html"));
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("an existing folder that is not a site is never replaced") {
    const auto dir = temp_folder("foreign");
    std::filesystem::create_directories(dir / "home");
    std::ofstream(dir / "home" / "notes.txt") << "mine";
    katlas::DiskSink sink(dir / "home");
    sink.write("index.html", "x");
    CHECK_THROWS_AS(sink.commit(), std::runtime_error);
    CHECK(slurp(dir / "home" / "notes.txt") == "mine");
    std::filesystem::remove_all(dir);
  }
}
