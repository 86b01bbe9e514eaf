// Example: every call of the core library (katlas::core), once each, on the built-in content,
// in the order docs/embedding.md introduces them. Run it and read its output beside the code.
// A test builds and runs it, and fails when a public function of the core is missing here.
#include <katlas/core.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {

void heading(const char* text) { std::cout << "\n== " << text << "\n"; }

}  // namespace

int main() {
  std::cout << "katlas " << katlas::version() << "\n";

  // --- Loading ---------------------------------------------------------------------------
  heading("Loading");
  const katlas::Atlas& atlas = katlas::Atlas::builtin();  // compiled in, pre-parsed
  std::cout << atlas.content().site.name() << ": " << atlas.content().concepts.size() << " concepts\n";

  // The same content from files: a folder with Atlas::load(folder), or files in memory.
  std::vector<katlas::ContentFile> files = katlas::Atlas::builtin_files();
  katlas::LoadResult from_files = katlas::Atlas::load_files(files);
  if (!from_files.ok()) return 1;
  const katlas::Atlas copy = std::move(from_files).atlas();  // keep the atlas, not the result
  std::cout << "loaded again from " << files.size() << " files\n";

  // Bad content: never an exception, every problem with file:line:column, message and hint.
  files.push_back({"concepts/enzyme/broken.yaml", "id: broken\ntitle: Broken\nkind: enzme\n"});
  const katlas::LoadResult broken = katlas::Atlas::load_files(files);
  std::cout << "ok: " << broken.ok() << ", errors: " << broken.diagnostics.count(katlas::Severity::error) << "\n";
  katlas::Diagnostics all = broken.diagnostics;
  all.append(katlas::Atlas::load("/no/such/folder").diagnostics);  // a folder that is not there
  all.sort();
  if (all.has_errors()) std::cout << katlas::format(all.front()) << "\n";
  std::cout << all.format().size() << " bytes of diagnostics; as JSON: " << katlas::diagnostics_json(all).size()
            << " bytes\n";
  const katlas::Status status = katlas::Status::failure("an example of a failure that is not the content's");
  if (!status.ok()) std::cout << "status: " << status.message() << "\n";

  // --- Lookups -----------------------------------------------------------------------------
  heading("Lookups");
  const katlas::Concept* c = atlas.find("CYP 3A4");  // id, alias or title
  if (!c) return 1;
  std::cout << c->title << " is one of this atlas's concepts: " << atlas.owns(*c)
            << "; of a copy loaded apart: " << copy.owns(*c) << "\n";
  for (const std::string& id : atlas.suggest("toleranse")) std::cout << "did you mean: " << id << "\n";
  const katlas::Kind* kind = atlas.kind(c->kind);
  std::cout << "kind: " << kind->title << "; sentence name: " << katlas::sentence_name(*c) << "\n";
  for (const std::string& id : c->sources) {
    const katlas::Source* source = atlas.source(id);
    std::cout << "source: " << source->link() << " (a reference: " << source->is_reference() << ")\n";
  }
  for (const katlas::Concept* entry : atlas.list("enzyme")) std::cout << "enzyme: " << entry->id << "\n";
  std::cout << "concepts citing " << c->sources.front() << ": " << atlas.citing(c->sources.front()).size() << "\n";
  for (const katlas::SearchHit& hit : atlas.search("why does my dose stop working", 3))
    std::cout << "search: " << hit.entry->id << " (" << hit.score << ")\n";
  std::cout << "search index: " << atlas.search_index().words.size() << " words\n";

  // --- Links, paths and cycles, hedged by their evidence ----------------------------------
  heading("Links");
  const std::vector<katlas::Link> links = atlas.related(*c);
  for (const katlas::Link& link : links) {
    const auto [evidence, written] = katlas::relation_evidence(*link.relation, *link.self, *link.other);
    std::cout << "- " << link.sentence << " [" << katlas::to_string(evidence) << (written ? "" : ", inherited") << "; "
              << katlas::to_string(link.direction) << "]\n";
    const std::string_view note = katlas::relation_note(*link.relation, /*professional=*/false);
    if (!note.empty()) std::cout << "  note: " << note << "\n";
  }
  for (const katlas::LinkSentence& told : katlas::tell_links(links)) std::cout << "told: " << told.text << "\n";
  const katlas::RelationType* explains = atlas.relation_type("explains");
  std::cout << "template: " << katlas::sentence_template(*explains, katlas::Evidence::limited, katlas::Direction::out)
            << "\n";
  std::cout << "only the inhibits links: " << atlas.related("cyp3a4", {.type = "inhibits"}).size() << "\n";

  if (const auto steps = atlas.path("tolerance", "withdrawal")) {
    for (const katlas::PathStep& step : *steps) std::cout << "step: " << step.sentence << "\n";
    std::cout << "the chain is " << katlas::to_string(katlas::weakest_evidence(*steps)) << "\n";
    std::cout << katlas::path_json(*atlas.find("tolerance"), *atlas.find("withdrawal"), *steps).size()
              << " bytes of path JSON\n";
  }
  const katlas::Concept* tolerance = atlas.find("tolerance");
  const auto sure = atlas.path(*tolerance, *atlas.find("withdrawal"), {.min_evidence = katlas::Evidence::established});
  std::cout << "over established links only: " << (sure ? "a chain" : "no chain") << "\n";
  const std::vector<const katlas::Concept*> cycle =
      atlas.cycle_through(*tolerance, {"leads-to", "explains"}, katlas::Evidence::limited);
  std::cout << "the tolerance cycle has " << cycle.size() << " steps\n";

  // --- Words for evidence, verdicts and audiences ----------------------------------------
  heading("Words");
  const katlas::Evidence level = katlas::parse_evidence("limited").value();
  std::cout << katlas::to_string(level) << ": " << katlas::plain_explanation(level) << "\n";
  std::cout << "weaker of established and contested: "
            << katlas::to_string(katlas::weaker(katlas::Evidence::established, katlas::Evidence::contested)) << "\n";
  for (const katlas::Concept& entry : atlas.content().concepts)
    if (entry.verdict) {
      std::cout << entry.id << ": " << katlas::to_string(*entry.verdict) << " (" << katlas::plain_label(*entry.verdict)
                << ")\n";
      break;
    }
  std::cout << katlas::to_string(katlas::Basis::predicted) << ": " << katlas::plain_label(katlas::Basis::predicted)
            << "\n";
  std::cout << katlas::to_string(katlas::parse_audience("pro").value()) << ", "
            << katlas::to_string(katlas::parse_direction("in").value()) << ", "
            << katlas::to_string(katlas::parse_depth("summary").value()) << ", "
            << katlas::to_string(katlas::parse_source_type("peer-reviewed").value()) << "\n";
  std::cout << "help relation: " << katlas::help_relation_type(atlas.content())->id << "\n";

  // --- Explanations ----------------------------------------------------------------------
  heading("Explanations");
  const auto explanation = katlas::explain(atlas, {.query = "7-OH", .depth = katlas::Depth::summary});
  if (!explanation) return 1;
  std::cout << katlas::to_text(*explanation);
  std::cout << katlas::to_markdown(*explanation, "https://atlas.example.org/").size() << " bytes of Markdown, "
            << katlas::to_html_fragment(*explanation).size() << " of HTML, " << katlas::to_json(*explanation).size()
            << " of JSON\n";
  const katlas::Explanation pro = katlas::explain(atlas, *c, {.audience = katlas::Audience::pro});
  std::cout << "for professionals: " << pro.details.size() << " bytes of details, " << pro.neighbours.size()
            << " neighbours\n";
  std::cout << "explain(\"the\") finds " << (katlas::explain(atlas, {.query = "the"}) ? "a topic" : "nothing") << "\n";

  // --- JSON and exports ------------------------------------------------------------------
  heading("JSON");
  std::cout << katlas::concept_json(atlas, *c).size() << " bytes (lay), "
            << katlas::concept_json(atlas, *c, katlas::Audience::pro).size() << " (pro)\n";
  std::cout << katlas::links_json(links).size() << ", " << katlas::concepts_json(atlas.list()).size() << ", "
            << katlas::search_json(atlas.search("kratom")).size() << " bytes\n";
  std::cout << "export: " << katlas::export_json(atlas).size() << " bytes of JSON, " << katlas::export_dot(atlas).size()
            << " of Graphviz\n";

  // --- Review dates ----------------------------------------------------------------------
  heading("Review");
  const std::string today = katlas::today_utc();
  std::cout << c->id << " is reviewed every " << katlas::review_interval_months(*c, kind) << " months, next on "
            << katlas::review_due(*c, kind) << "\n";
  const std::string in_five_years = katlas::add_days(today, 5 * 365);
  std::cout << "due by " << in_five_years << ": " << katlas::review_schedule(atlas, in_five_years).size()
            << "; overdue warnings today: " << katlas::overdue_review_warnings(atlas, today).size() << "\n";

  // --- Readability ----------------------------------------------------------------------
  heading("Readability");
  const katlas::ReadabilityStats stats = katlas::measure_readability(c->summary);
  std::cout << "grade " << stats.grade << ", ease " << stats.reading_ease << "\n";
  const std::vector<std::string> sentences = katlas::split_sentences(c->summary);
  const std::vector<std::string> words = katlas::split_words(c->summary);
  std::size_t syllables = 0;
  for (const std::string& word : words) syllables += katlas::count_syllables(word);
  std::cout << katlas::flesch_kincaid_grade(double(words.size()), double(sentences.size()), double(syllables)) << ", "
            << katlas::flesch_reading_ease(double(words.size()), double(sentences.size()), double(syllables)) << "\n";
  for (const std::string& term : katlas::find_terms(c->summary, {"enzyme", "liver"}))
    std::cout << "term: " << term << "\n";

  // --- Links to the reader's site --------------------------------------------------------
  heading("Site addresses");
  if (katlas::check_site_url("https://atlas.example.org/").ok())
    std::cout << katlas::concept_page_url("https://atlas.example.org/", c->id) << " ("
              << katlas::concept_page_path(c->id) << ")\n";
  std::cout << "javascript: refused: " << katlas::check_site_url("javascript:alert(1)").message() << "\n";
  return 0;
}
