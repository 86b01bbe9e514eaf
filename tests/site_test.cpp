// Site tests: pages rendered into a memory sink, escaping of hostile content, determinism, links, atomic writes.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"
#include "text/escape.hpp"

#include <unistd.h>

namespace {

using katlas::test::fixture_path;
using Files = std::map<std::string, std::string, std::less<>>;

const katlas::Atlas& base_atlas() {
  static const katlas::LoadResult result = katlas::Atlas::load(fixture_path("base"));
  REQUIRE_MESSAGE(result.ok(), katlas::test::formatted(result));
  return *result.atlas;
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
summary: "Sum <img src=x onerror=alert(4)> & more \u2028 end."
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
  return *result.atlas;
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
    CHECK(katlas::detail::escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
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
    CHECK(katlas::detail::escape_script_json("\"a\xE2\x80\xA8" "b\xE2\x80\xA9\"") == "\"a\\u2028b\\u2029\"");
  }
}

TEST_SUITE("site") {
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

  TEST_CASE("relations read as linked sentences in both directions") {
    const Files files = render(base_atlas());
    const std::string& tolerance = files.at("concepts/tolerance.html");
    CHECK(tolerance.find("<strong>Tolerance</strong> leads to <a href=\"../concepts/withdrawal.html\"") != std::string::npos);
    const std::string& withdrawal = files.at("concepts/withdrawal.html");
    CHECK(withdrawal.find("href=\"../concepts/tolerance.html\"") != std::string::npos);
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
    for (const char* path : {"index.html", "glossary.html", "sources.html", "contested.html", "search.html",
                             "topics.html", "kinds/symptom.html", "assets/site.css", "assets/search.js",
                             "assets/search-index.js", "sitemap.xml"})
      CHECK_MESSAGE(files.count(path) == 1, path);
    CHECK(files.at("assets/search-index.js").starts_with("// Generated by katlas build"));
    CHECK(files.at("sitemap.xml").find("<loc>https://atlas.example.org/concepts/cyp3a4.html</loc>") != std::string::npos);
    CHECK(files.at("sources.html").find("id=\"source-kamble-2019\"") != std::string::npos);
  }

  TEST_CASE("hostile strings in content never reach a page unescaped") {
    const Files files = render(hostile_atlas());
    for (const auto& [path, bytes] : files) {
      if (path.starts_with("assets/site") || path == "assets/search.js") continue;
      CAPTURE(path);
      CHECK(bytes.find("<script>alert") == std::string::npos);
      CHECK(bytes.find("</script><") == std::string::npos);
      CHECK_FALSE(occurs_unescaped(bytes, "\"onmouseover"));
      CHECK(bytes.find("<img") == std::string::npos);
      CHECK(bytes.find("<b>") == std::string::npos);
      CHECK(bytes.find("<!-- comment") == std::string::npos);
      for (const char* scheme : {"href=\"javascript:", "href=\"JaVaScRiPt:"}) CHECK(bytes.find(scheme) == std::string::npos);
    }
    // U+2028 is harmless in HTML text but ends a line in a script: JSON must spell it out.
    CHECK(files.at("assets/search-index.js").find("\xE2\x80\xA8") == std::string::npos);
    CHECK(files.at("assets/search-index.js").find("\\u2028") != std::string::npos);
    const std::string& page = files.at("concepts/tolerance.html");
    const std::string json_ld = page.substr(page.find("application/ld+json"), page.find("</script>") - page.find("application/ld+json"));
    CHECK(json_ld.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(json_ld.find("\\u003c/script>") != std::string::npos);
    CHECK(page.find("<h1>Tolerance &lt;script&gt;alert(1)&lt;/script&gt;</h1>") != std::string::npos);
    CHECK(page.find("<a href=\"https://example.org/a?b=1&amp;c=2\">ok</a>") != std::string::npos);
    CHECK(page.find("here") != std::string::npos);  // the refused link keeps its text
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
    } catch (const std::runtime_error&) {
    }
    CHECK(slurp(dir / "site" / "index.html") == "previous");
    CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
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
