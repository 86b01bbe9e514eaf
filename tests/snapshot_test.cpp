// The built-in content's snapshot: Atlas::builtin() decodes what the build compiled in, and
// it is the content the YAML files load to, field for field and position for position.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "cache/binary.hpp"
#include "cache/content_snapshot.hpp"
#include "load/builtin_snapshot.hpp"
#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using katlas::Content;
using katlas::SourceLoc;
namespace cache = katlas::detail::cache;

Content load_builtin_files() {
  katlas::LoadResult result = katlas::Atlas::load_files(katlas::Atlas::builtin_files(), {.display_root = "content"});
  INFO(katlas::test::formatted(result));
  REQUIRE(result.ok());
  return result.atlas().content();
}

/// A position of its own for every call, in a file of its own.
SourceLoc next_loc() {
  static int n = 0;
  ++n;
  return {"content/file-" + std::to_string(n) + ".yaml", n, n + 100};
}

/// A distinct text for every call.
std::string next_text(std::string_view what) {
  static int n = 0;
  return std::string(what) + " " + std::to_string(++n);
}

/// Content with every field of every struct set away from its default, so a field the
/// snapshot does not write cannot read back equal. A new field goes here too (see the guards
/// at the top of lib/src/cache/content_snapshot.cpp).
Content every_field() {
  using namespace katlas;
  Content c;
  Kind k;
  k.id = next_text("kind");
  k.title = next_text("title");
  k.plural = next_text("plural");
  k.description = next_text("description");
  k.needs_help_link = k.help_box = k.needs_verdict = true;
  k.review_every_months = 7;
  k.loc = next_loc();
  c.kinds = {k, Kind{}};

  RelationType t;
  t.id = next_text("type");
  t.label = next_text("label");
  t.inverse_label = next_text("inverse label");
  t.heading = next_text("heading");
  t.inverse_heading = next_text("inverse heading");
  for (std::string& s : t.sentences) s = next_text("{from} sentence {to}");
  for (std::string& s : t.inverse_sentences) s = next_text("{to} inverse sentence {from}");
  t.structural = t.acyclic = t.help_link = true;
  t.from_kinds = {next_text("from"), next_text("from")};
  t.to_kinds = {next_text("to")};
  t.loc = next_loc();
  c.relation_types = {t, RelationType{}};

  Source s;
  for (std::string* v :
       {&s.id, &s.authors, &s.title, &s.venue, &s.doi, &s.url, &s.pmid, &s.copy_url, &s.note, &s.curation})
    *v = next_text("source field");
  s.year = -2024;  // negative: a sign must survive too
  s.type = SourceType::user_report;
  s.loc = next_loc();
  Source grey = s;
  grey.type = SourceType::grey;
  c.sources = {s, grey, Source{}};

  Concept e;
  for (std::string* v : {&e.id, &e.title, &e.kind, &e.sentence_name, &e.summary, &e.details, &e.reviewed})
    *v = next_text("concept field");
  e.aliases = {next_text("alias"), next_text("alias")};
  e.search_phrases = {next_text("phrase")};
  e.evidence = Evidence::contested;
  e.verdict = Verdict::partly_supported;
  e.sources = {next_text("source")};
  e.loc = next_loc();
  e.source_locs = {next_loc(), e.loc};  // one in another file, one in its own
  e.review_every_months = 11;
  Relation r;
  r.type = next_text("type");
  r.target = next_text("target");
  r.evidence = Evidence::limited;
  r.basis = Basis::predicted;
  r.sources = {next_text("source")};
  r.source_locs = {next_loc()};
  r.note = next_text("note");
  r.pro_note = next_text("pro note");
  r.loc = next_loc();
  r.type_loc = next_loc();
  r.target_loc = next_loc();
  e.relations = {r, Relation{}};
  Side side;
  side.position = Side::Position::against_claim;
  side.text = next_text("side");
  side.sources = {next_text("source")};
  side.source_locs = {next_loc()};
  side.loc = next_loc();
  e.sides = {side, Side{}};
  Timing timing;
  timing.start_min = 1.5;
  timing.start_max = 2.25;
  timing.end_min = 3.125;
  timing.end_max = 1e300;
  timing.has_end = false;
  timing.evidence = Evidence::established;
  timing.sources = {next_text("source")};
  timing.source_locs = {next_loc()};
  timing.note = next_text("note");
  timing.loc = next_loc();
  e.timing = timing;
  e.id_loc = next_loc();
  e.summary_loc = next_loc();
  e.kind_loc = next_loc();
  c.concepts = {e, Concept{}};

  SiteConfig& site = c.site;
  for (std::string* v : {&site.title, &site.lead, &site.description, &site.help}) *v = next_text("site field");
  site.help_loc = next_loc();
  StartPath path;
  path.heading = next_text("heading");
  path.intro = next_text("intro");
  path.concepts = {next_text("concept"), next_text("concept")};
  path.concept_locs = {next_loc(), next_loc()};
  path.more_url = next_text("url");
  path.more_text = next_text("more");
  path.loc = next_loc();
  site.start_paths = {path, StartPath{}};
  FeaturedCycle cycle;
  cycle.through = next_text("through");
  cycle.types = {next_text("type")};
  cycle.heading = next_text("heading");
  cycle.intro = next_text("intro");
  cycle.caption = next_text("caption");
  cycle.min_evidence = Evidence::anecdotal;
  cycle.loc = next_loc();
  site.cycle = cycle;
  site.schema_types = {{next_text("kind"), next_text("type")}};
  site.schema_type_locs = {next_loc()};
  site.loc = next_loc();

  HandoutRecipe h;
  h.id = next_text("handout");
  h.title = next_text("title");
  h.audience = Audience::pro;
  h.purpose = next_text("purpose");
  HandoutSectionRecipe section;
  section.heading = next_text("heading");
  section.intro = next_text("intro");
  section.concepts = {next_text("concept")};
  section.concept_locs = {next_loc()};
  HandoutQuery query;
  query.related_to = next_text("related to");
  query.relation = next_text("relation");
  query.kind = next_text("kind");
  query.limit = 9;
  query.loc = next_loc();
  section.query = query;
  section.loc = next_loc();
  h.sections = {section, HandoutSectionRecipe{}};
  h.key_points = {next_text("key point")};
  h.actions = {next_text("action"), next_text("action")};
  h.teach_back = {next_text("question")};
  GlossaryTerm term;
  term.term = next_text("term");
  term.definition = next_text("definition");
  term.loc = next_loc();
  h.glossary = {term};
  h.help_box = HelpBox::never;
  h.topic = next_text("topic");
  h.topic_loc = next_loc();
  h.site_url = next_text("https://example.org/");
  h.site_url_loc = next_loc();
  h.any_audience = true;
  h.loc = next_loc();
  c.handouts = {h, HandoutRecipe{}};

  HelpRegion region;
  region.id = next_text("region");
  region.name = next_text("name");
  region.concept_id = next_text("concept");
  region.reviewed = next_text("date");
  HelpLine line;
  line.service = next_text("service");
  line.number = next_text("number");
  line.when = next_text("when");
  line.source = next_text("source");
  line.loc = next_loc();
  line.source_loc = next_loc();
  region.lines = {line, HelpLine{}};
  region.loc = next_loc();
  region.concept_loc = next_loc();
  c.help_regions = {region, HelpRegion{}};
  return c;
}

/// Where the checksum sits in a snapshot: after the magic, the format number and the size.
constexpr std::size_t checksum_at = cache::snapshot_magic.size() + sizeof(std::uint32_t) + sizeof(std::uint64_t);
constexpr std::size_t body_at = checksum_at + 2 * sizeof(std::uint64_t);

/// The snapshot with its checksum made to match its (altered) body again.
std::string resealed(std::string bytes) {
  cache::Writer sum;
  sum.hash(cache::hash_bytes(std::string_view(bytes).substr(body_at)));
  bytes.replace(checksum_at, sum.bytes().size(), sum.bytes());
  return bytes;
}

/// Every fixture that loads on its own or over the base fixture (tests/fixtures/).
std::vector<std::pair<std::string, Content>> fixture_contents() {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, Content>> out;
  const auto keep = [&](std::string name, const katlas::LoadResult& result) {
    if (result.ok()) out.emplace_back(std::move(name), result.atlas().content());
  };
  for (const fs::directory_entry& d : fs::directory_iterator(KATLAS_FIXTURES))
    if (d.is_directory()) keep(d.path().filename().string(), katlas::Atlas::load(d.path()));
  for (const fs::directory_entry& d : fs::directory_iterator(katlas::test::fixture_path("errors")))
    keep("errors/" + d.path().filename().string(), katlas::test::load_case(d.path().filename().string()));
  keep("hostile over base", katlas::Atlas::load_files(katlas::test::hostile_files(), {.display_root = "content"}));
  return out;
}

}  // namespace

TEST_SUITE("snapshot") {
  TEST_CASE("the built-in atlas holds what the YAML files load to, position for position") {
    const Content& built_in = katlas::Atlas::builtin().content();
    const Content parsed = load_builtin_files();
    CHECK(built_in.kinds == parsed.kinds);
    CHECK(built_in.relation_types == parsed.relation_types);
    CHECK(built_in.sources == parsed.sources);
    CHECK(built_in.concepts == parsed.concepts);
    CHECK(built_in.site == parsed.site);
    CHECK(built_in.handouts == parsed.handouts);
    CHECK(built_in.help_regions == parsed.help_regions);
    CHECK(built_in == parsed);
    CHECK(built_in.concepts.front().loc.file.starts_with("content/concepts/"));
  }

  TEST_CASE("the library holds a snapshot of the built-in content, and it decodes to that content") {
    // Atlas::builtin() would parse the YAML without one: the test above cannot tell.
    REQUIRE_FALSE(katlas::detail::builtin_snapshot().empty());
    const std::optional<Content> decoded = cache::read_snapshot(katlas::detail::builtin_snapshot());
    REQUIRE(decoded);
    CHECK(*decoded == load_builtin_files());
    CHECK(cache::write_snapshot(*decoded) == katlas::detail::builtin_snapshot());
  }

  TEST_CASE("a snapshot reads back equal to the content it was written from") {
    SUBCASE("every field set") {
      const Content content = every_field();
      const std::optional<Content> back = cache::read_snapshot(cache::write_snapshot(content));
      REQUIRE(back);
      CHECK(back->kinds == content.kinds);
      CHECK(back->relation_types == content.relation_types);
      CHECK(back->sources == content.sources);
      CHECK(back->concepts == content.concepts);
      CHECK(back->site == content.site);
      CHECK(back->handouts == content.handouts);
      CHECK(back->help_regions == content.help_regions);
      CHECK(*back == content);
    }
    SUBCASE("empty content") { CHECK(cache::read_snapshot(cache::write_snapshot(Content{})) == Content{}); }
    SUBCASE("every fixture that loads") {
      const std::vector<std::pair<std::string, Content>> fixtures = fixture_contents();
      // Ten when this was written: base, evidence-chain, other-ids, the hostile overlay and six
      // error cases that warn only. Fewer means a fixture stopped loading, and this test saw less.
      CHECK(fixtures.size() >= 10);
      for (const auto& [name, content] : fixtures) {
        INFO(name);
        CHECK(cache::read_snapshot(cache::write_snapshot(content)) == content);
      }
    }
  }

  TEST_CASE("a damaged snapshot is refused, never read past its end") {
    const std::string good = cache::write_snapshot(every_field());
    REQUIRE(cache::read_snapshot(good));

    SUBCASE("cut short at any length, or with bytes after it") {
      for (std::size_t n = 0; n < good.size(); ++n) {
        INFO(n);
        CHECK_FALSE(cache::read_snapshot(std::string_view(good).substr(0, n)));
      }
      CHECK_FALSE(cache::read_snapshot(good + '\0'));
      const std::string_view built_in = katlas::detail::builtin_snapshot();
      for (std::size_t n = 0; n < built_in.size(); n += 997) CHECK_FALSE(cache::read_snapshot(built_in.substr(0, n)));
    }
    SUBCASE("a flipped byte anywhere") {
      for (std::size_t at = 0; at < good.size(); ++at) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        INFO(at);
        CHECK_FALSE(cache::read_snapshot(bad));
      }
    }
    SUBCASE("another magic or format number") {
      std::string other_magic = good;
      other_magic[0] = 'K';
      CHECK_FALSE(cache::read_snapshot(other_magic));
      std::string other_format = good;
      other_format[cache::snapshot_magic.size()] = static_cast<char>(cache::snapshot_format + 1);
      CHECK_FALSE(cache::read_snapshot(resealed(other_format)));
      CHECK_FALSE(cache::read_snapshot(""));
      CHECK_FALSE(cache::read_snapshot(cache::snapshot_magic));
    }
    SUBCASE("a damaged body behind a matching checksum decodes or is refused, without reading past its end") {
      // Under the sanitize preset this is where a read past the end, or a count taken on
      // trust, would show.
      std::size_t refused = 0;
      for (std::size_t at = body_at; at < good.size(); ++at)
        for (const unsigned char value : {0x00, 0x01, 0x7f, 0xff}) {
          std::string bad = good;
          bad[at] = static_cast<char>(value);
          if (!cache::read_snapshot(resealed(bad))) ++refused;
        }
      CHECK(refused > 0);
      // A count that claims more items than bytes are left.
      std::string huge = good;
      huge.replace(body_at, sizeof(std::uint64_t), std::string(sizeof(std::uint64_t), '\xff'));
      CHECK_FALSE(cache::read_snapshot(resealed(huge)));
    }
  }
}
