// katlas build: render the reader's static site and swap it into place atomically.
#include "cli.hpp"

#include <malloc.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace katlas::cli {
namespace {

struct BuildOptions {
  std::string out = "site";
  std::string base_url;
  std::string cache;
  bool no_cache = false;
};

/// The content folder as an absolute path, or "(built-in)".
std::string content_name(const Context& ctx) {
  std::error_code ec;
  return ctx.content_dir.empty() ? std::string("(built-in)")
                                 : std::filesystem::absolute(ctx.content_dir, ec).lexically_normal().string();
}

std::string out_name(const BuildOptions& opts) {
  std::error_code ec;
  return std::filesystem::absolute(opts.out, ec).lexically_normal().string();
}

/// Where this build keeps what the next one can reuse: `--cache`, else a folder under
/// build_cache_root() named after the content and output folders, so two sites never share
/// one. Empty: no cache.
std::filesystem::path cache_dir(const Context& ctx, const BuildOptions& opts) {
  if (opts.no_cache) return {};
  if (!opts.cache.empty()) return opts.cache;
  const std::filesystem::path root = build_cache_root();
  if (root.empty()) return {};
  char name[32];
  std::snprintf(name, sizeof name, "%016zx", std::hash<std::string>{}(content_name(ctx) + '\n' + out_name(opts)));
  return root / name;
}

/// A progress line belongs on a person's terminal only: not in a pipe, a log or CI.
bool show_progress() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && !std::getenv("CI") && !(term && std::string_view(term) == "dumb");
}

int build(const Context& ctx, const BuildOptions& opts) {
  // Free memory at the top of a heap goes back to the system once it passes 1 MB, not only
  // once it passes twice the largest block freed so far (glibc's default, which grows to tens
  // of megabytes after the search index's text is freed). At 10,000 concepts the peak memory
  // of a build is about 10 MB lower, at no measurable cost in time.
  ::mallopt(M_TRIM_THRESHOLD, 1 << 20);
  const std::filesystem::path cache = cache_dir(ctx, opts);
  // The loaded content is kept to the end of the process, never destroyed: freeing 10,000
  // concepts one string at a time just before exit was a twentieth of a rebuild, and the
  // process's exit frees it all at once. (Held by a pointer, so no leak checker counts it.)
  static auto* const kept = new std::optional<Atlas>();
  *kept = open_atlas(ctx, cache);
  const std::optional<Atlas>& atlas = *kept;
  if (!atlas) return failure;
  // What loading freed (the files' bytes, the parse cache's entries) goes back to the system
  // before the pages are rendered: at 10,000 concepts the peak memory of a build is 10 MB lower.
  ::malloc_trim(0);
  SiteOptions options;
  options.cache_dir = cache;
  options.today = today_utc();
  options.base_url = opts.base_url;
  if (!options.base_url.empty() && !options.base_url.ends_with('/')) options.base_url += '/';
  const bool progress = show_progress();
  if (progress)
    options.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rkatlas: rendering " << done << " of " << total << " files" << std::flush;
    };
  try {
    DiskSink sink(opts.out);  // removes its staging folder unless committed
    const SiteResult result = render_site(*atlas, sink, options);
    if (progress) std::cerr << "\r\033[K" << std::flush;  // the line is done: clear it
    std::cerr << result.diagnostics.format();
    if (!result.status)
      std::cerr << "katlas: cannot write the site to " << opts.out << ": " << result.status.message() << '\n';
    if (!result.ok()) {
      std::cerr << "katlas: site not written; " << opts.out << " is unchanged\n";
      return failure;
    }
    sink.commit();
    if (!cache.empty() && opts.cache.empty()) {
      touch_build_cache(cache, content_name(ctx), out_name(opts));
      prune_build_caches(cache);
    }
    std::cout << "katlas: wrote " << result.files.size() << " files to " << opts.out;
    if (result.changed.size() < result.files.size())
      std::cout << " (" << result.changed.size() << " changed, " << result.files.size() - result.changed.size()
                << " kept from the previous build)";
    std::cout << '\n';
    return ok;
  } catch (const std::exception& e) {
    std::cerr << "katlas: cannot write the site to " << opts.out << ": " << e.what() << '\n';
    return failure;
  }
}

}  // namespace

void add_build(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand("build", "Render the reader's static site (HTML, search, sitemap) into a folder");
  add_content_option(*cmd, ctx);
  cmd->add_option("--out", opts->out, "Folder to write; replaced as a whole when the build succeeds")
      ->capture_default_str()
      ->check([](const std::string& value) {
        return value.empty() ? std::string("--out needs a folder name, for example --out site") : std::string();
      });
  add_site_url_option(*cmd, "--base-url", opts->base_url,
                      "Absolute URL the site is served from (for sitemap.xml and JSON-LD)");
  cmd->add_option("--cache", opts->cache,
                  "Folder for the build cache that makes rebuilds after an edit fast (default: one per site under "
                  "$XDG_CACHE_HOME/katlas or ~/.cache/katlas)");
  cmd->add_flag("--no-cache", opts->no_cache, "Render and write every page, and keep no cache");
  cmd->callback([&ctx, opts] { ctx.exit = build(ctx, *opts); });
}

}  // namespace katlas::cli
