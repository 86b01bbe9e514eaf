// The loading pipeline: files -> parse -> validate -> graph -> Atlas, or diagnostics.
#include "atlas/atlas_data.hpp"
#include "cache/content_snapshot.hpp"
#include "load/builtin_files.hpp"
#include "load/builtin_snapshot.hpp"
#include "load/handout_recipe.hpp"
#include "load/parse.hpp"
#include "load/read_folder.hpp"
#include "load/validate.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>

namespace katlas {
namespace {

// A featured cycle that finds no cycle would leave the home page without its figure, silently.
void check_featured_cycle(const Atlas& atlas, Diagnostics& out) {
  const std::optional<FeaturedCycle>& cycle = atlas.content().site.cycle;
  if (!cycle) return;
  const Concept* start = atlas.find(cycle->through);
  if (!start || start->id != cycle->through) return;  // reported by the validation
  if (!atlas.cycle_through(*start, cycle->types, cycle->min_evidence).empty()) return;
  std::string types;
  for (const std::string& t : cycle->types) types += (types.empty() ? "" : ", ") + t;
  out.push_back({Severity::warning, cycle->loc,
                 "no cycle leads from '" + cycle->through + "' back to it over " + types + " links of " +
                     std::string(to_string(cycle->min_evidence)) +
                     " evidence or stronger, so the site shows no cycle figure",
                 "set 'min-evidence' to the weakest level its links have, and each weaker link is drawn with its "
                 "level; or add the missing link"});
}

/// What load_files() gives, before it is a LoadResult.
struct Loaded {
  std::optional<Atlas> atlas;
  Diagnostics diagnostics;
};

/// Atlas::load_files() with its parse cache at hand (nullptr: none).
Loaded load_with(std::vector<ContentFile> files, const LoadOptions& options,
                 std::unique_ptr<detail::ParseCache> cache) {
  Loaded result;
  std::sort(files.begin(), files.end(), [](const ContentFile& a, const ContentFile& b) { return a.path < b.path; });
  detail::ParseGaps gaps;
  Content content = detail::parse_files(files, options.display_root, result.diagnostics, gaps, cache.get());
  std::vector<ContentFile>().swap(files);  // parsed: their bytes are not needed while the graph is built
  std::sort(content.concepts.begin(), content.concepts.end(),
            [](const Concept& a, const Concept& b) { return a.id < b.id; });
  std::stable_sort(content.sources.begin(), content.sources.end(),
                   [](const Source& a, const Source& b) { return a.id < b.id; });
  std::stable_sort(content.handouts.begin(), content.handouts.end(),
                   [](const HandoutRecipe& a, const HandoutRecipe& b) { return a.id < b.id; });
  // The checks, then the parse cache saved (its entries are not needed after that).
  const auto check_then_save = [&](const Content& parsed) {
    detail::validate(parsed, gaps, options.strict, result.diagnostics);
    if (!cache) return;
    if (const Status saved = cache->save(); !saved)
      result.diagnostics.push_back({Severity::warning,
                                    {cache->file().string(), 0, 0},
                                    "cannot write the build cache: " + saved.message(),
                                    "the content loaded all the same; free the folder or build without a cache"});
    cache.reset();
  };
  // Content that parsed is checked while its graph and indexes are built, on two cores; the
  // graph skips a reference to nothing, and is dropped when a check fails.
  std::shared_ptr<const detail::AtlasData> data;
  if (result.diagnostics.has_errors())
    check_then_save(content);
  else
    data = detail::AtlasData::build(std::move(content), check_then_save);
  const bool valid = !result.diagnostics.has_errors();
  if (valid) {
    detail::check_cycles(data->content, data->graph, result.diagnostics);
    if (!result.diagnostics.has_errors()) {
      // Recipes name concepts by id or alias: they are checked against the built atlas.
      Atlas atlas = detail::AtlasData::make_atlas(std::move(data));
      for (const HandoutRecipe& recipe : atlas.content().handouts)
        detail::check_recipe(recipe, atlas, result.diagnostics);
      check_featured_cycle(atlas, result.diagnostics);
      if (!result.diagnostics.has_errors()) result.atlas = std::move(atlas);
    }
  }
  result.diagnostics.sort();
  return result;
}

}  // namespace

LoadResult Atlas::load_files(std::vector<ContentFile> files, LoadOptions options) {
  std::unique_ptr<detail::ParseCache> cache;
  if (!options.cache_dir.empty()) cache = std::make_unique<detail::ParseCache>(options.cache_dir, options.display_root);
  Loaded loaded = load_with(std::move(files), options, std::move(cache));
  return {std::move(loaded.atlas), std::move(loaded.diagnostics)};
}

LoadResult Atlas::load(const std::filesystem::path& folder, LoadOptions options) {
  if (options.display_root.empty()) options.display_root = folder.generic_string();
  // The parse cache's file is read on another core while the folder is.
  std::future<std::unique_ptr<detail::ParseCache>> cache;
  if (!options.cache_dir.empty())
    cache = std::async(detail::worker_count() > 1 ? std::launch::async : std::launch::deferred, [&options] {
      return std::make_unique<detail::ParseCache>(options.cache_dir, options.display_root);
    });
  Diagnostics read_problems;
  std::vector<ContentFile> files = detail::read_folder(folder, options.display_root, read_problems);
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return {std::nullopt, std::move(read_problems)};
  Loaded loaded = load_with(std::move(files), options, cache.valid() ? cache.get() : nullptr);
  LoadResult result(std::move(loaded.atlas), std::move(loaded.diagnostics));
  if (!read_problems.empty()) {
    // When the folder reader said why a file or the concepts are missing (too large, a link
    // to nowhere, not a folder), its words replace the general "missing" ones.
    const auto refused = [&](const std::string& file) {
      return std::any_of(read_problems.begin(), read_problems.end(),
                         [&](const Diagnostic& d) { return d.loc.file == file; });
    };
    std::erase_if(result.diagnostics, [&](const Diagnostic& d) {
      const bool general = d.message == detail::no_concept_files || detail::is_missing_file(d);
      return general && refused(d.loc.file);
    });
    result.diagnostics.insert(result.diagnostics.end(), read_problems.begin(), read_problems.end());
    result.diagnostics.sort();
    if (read_problems.has_errors()) result.atlas_.reset();
  }
  return result;
}

std::vector<ContentFile> Atlas::builtin_files() {
  std::vector<ContentFile> files;
  for (const detail::EmbeddedFile& f : detail::builtin_files())
    files.push_back({std::string(f.path), std::string(f.data)});
  return files;
}

const Atlas& Atlas::builtin() {
  static const Atlas atlas = [] {
    // The library's build loaded and checked the content and compiled it in as a snapshot:
    // decoding it is all that is left (no YAML, no checks). A build that made no snapshot, or
    // a snapshot that does not decode, costs the parse, never the content.
    if (std::optional<Content> content = detail::cache::read_snapshot(detail::builtin_snapshot()))
      return detail::AtlasData::make_atlas(detail::AtlasData::build(std::move(*content)));
    LoadResult result = load_files(builtin_files(), {.display_root = std::string(detail::builtin_display_root)});
    if (!result.ok()) {
      // The build's tests load the same files, so this means a broken build, not bad input.
      for (const Diagnostic& d : result.diagnostics) std::cerr << format(d) << '\n';
      std::cerr << "katlas: the built-in content does not load; rebuild from a checked tree\n";
      std::abort();
    }
    return std::move(result).atlas();
  }();
  return atlas;
}

}  // namespace katlas
