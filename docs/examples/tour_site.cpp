// Example: every call of the site library (katlas::site), once each, on the built-in content:
// the reader's site in memory and on disk, and a printable handout from a recipe.
// A test builds and runs it, and fails when a public function of the site library is missing here.
#include <katlas/katlas.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

/// A sink of your own: here one that counts what it is given and keeps the files in memory.
/// A DiskSink is staged (files stay hidden until commit()) and hard-links unchanged files from
/// the previous build; this one is neither, so it keeps the defaults of previous(), keep() and
/// the stamps (a sink that stamps its files lets a rebuild take them unread).
class CountingSink final : public katlas::OutputSink {
 public:
  void write(std::string_view path, std::string_view bytes) override {
    bytes_ += bytes.size();
    files_.write(path, bytes);
  }
  bool staged() const override { return false; }
  std::optional<std::string> previous(std::string_view path) const override {
    return katlas::OutputSink::previous(path);
  }
  bool keep(std::string_view path) override { return katlas::OutputSink::keep(path); }
  std::optional<katlas::FileStamp> previous_stamp(std::string_view path) const override {
    return katlas::OutputSink::previous_stamp(path);
  }
  std::optional<katlas::FileStamp> stamp(std::string_view path) const override {
    return katlas::OutputSink::stamp(path);
  }
  std::size_t bytes() const { return bytes_; }

 private:
  katlas::MemorySink files_;
  std::size_t bytes_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "katlas-tour";
  std::filesystem::create_directories(out);
  const katlas::Atlas& atlas = katlas::Atlas::builtin();

  // --- The reader's site ------------------------------------------------------------------
  // In memory: nothing reaches the sink unless every internal link resolves.
  katlas::MemorySink memory;
  katlas::SiteOptions options;
  options.base_url = "https://atlas.example.org/";
  options.progress = [](std::size_t done, std::size_t total) {
    if (done == total) std::cout << "rendered " << total << " files\n";
  };
  const katlas::SiteResult in_memory = katlas::render_site(atlas, memory, options);
  if (!in_memory.ok()) return 1;
  std::cout << memory.files().size() << " files in memory; broken links: " << katlas::check_links(memory.files()).size()
            << "\n";

  CountingSink counting;
  if (!katlas::render_site(atlas, counting).ok()) return 1;
  std::cout << counting.bytes() << " bytes through a sink of your own\n";

  // On disk: written into a staging folder, swapped into place whole by commit().
  try {
    {
      katlas::DiskSink disk(out / "site");  // holds the folder until it is gone: one writer at a time
      std::cout << "staging in " << disk.staging().filename().string() << "\n";
      const katlas::SiteResult result = katlas::render_site(atlas, disk);
      std::cerr << result.diagnostics.format() << result.status.message();
      if (!result.ok()) return 1;  // the staging folder is removed; the previous site stays
      disk.commit();
      std::cout << "site written to " << (out / "site").string() << "\n";
    }
    // Again with a build cache: the second build takes what did not change from the first.
    katlas::SiteOptions cached;
    cached.cache_dir = out / "cache";
    for (int build = 0; build < 2; ++build) {
      katlas::DiskSink again(out / "site");
      const katlas::SiteResult rebuilt = katlas::render_site(atlas, again, cached);
      if (!rebuilt.ok()) return 1;
      again.commit();
      std::cout << rebuilt.pages_reused << " of " << rebuilt.files.size() << " files reused, " << rebuilt.files_unread
                << " unread\n";
    }
  } catch (const std::filesystem::filesystem_error& error) {  // the folder cannot be written
    std::cerr << error.what() << "\n";
    return 1;
  }

  // --- Handouts -------------------------------------------------------------------------
  // The recipes that come with the content, and one written for a few concepts.
  const katlas::RecipeLoadResult builtin = katlas::builtin_handout_recipes(atlas);
  std::cout << builtin.recipes.size() << " built-in recipes\n";
  for (const std::string& id : katlas::suggest_recipes(builtin.recipes, "understanding-tolerence"))
    std::cout << "did you mean: " << id << "\n";
  const katlas::RecipeLoadResult from_files = katlas::load_handout_recipes(katlas::Atlas::builtin_files(), atlas);
  std::cout << "the same from the files: " << from_files.recipes.size() << "\n";
  std::ofstream(out / "tolerance-in-brief.yaml")
      << "id: tolerance-in-brief\ntitle: Tolerance in brief\naudience: lay\n"
         "purpose: A short sheet on why the same amount can stop working.\n"
         "sections:\n  - heading: What tolerance is\n    concepts: [tolerance]\n";
  const katlas::RecipeLoadResult mine = katlas::load_handout_recipe_file(out / "tolerance-in-brief.yaml", atlas);
  std::cerr << mine.diagnostics.format();
  const katlas::HandoutRecipe ad_hoc =
      katlas::recipe_for_concepts({atlas.find("tolerance"), atlas.find("withdrawal")}, katlas::Audience::lay);
  std::cout << "ad-hoc recipe suits professionals too: " << katlas::supports(ad_hoc, katlas::Audience::pro) << "\n";

  katlas::HandoutOptions handout_options;
  handout_options.site_url = "https://atlas.example.org/";
  if (const katlas::HelpRegion* region = katlas::find_help_region(atlas, "us")) {
    std::cout << "help lines for " << region->name << "\n";
    handout_options.region = region->id;
  }
  const katlas::Handout handout = katlas::compose_handout(atlas, builtin.recipes.front(), handout_options);
  std::ofstream(out / "handout.html", std::ios::binary) << katlas::render_handout_html(handout, handout_options);
  std::cout << handout.title << ": " << katlas::handout_reader_text(handout).size() << " bytes of reader text\n";

  const katlas::HandoutReview review = katlas::review_handout(atlas, handout);
  std::cout << katlas::review_text(handout, review) << katlas::review_json(handout, review).size()
            << " bytes of review JSON\n";
  std::cout << katlas::summary_readability_warnings(atlas).size() << " summaries above grade 8\n";

  // Printing starts headless Chromium (Debian package `chromium`); without it, a message.
  const katlas::Status printed = katlas::print_pdf(katlas::render_handout_html(handout), out / "handout.pdf");
  std::cout << (printed.ok() ? "printed handout.pdf" : printed.message()) << "\n";
  return 0;
}
