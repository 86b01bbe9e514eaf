// katlas check: validate a content folder and print every problem.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {

void add_check(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("check", "Validate content and print every problem as FILE:LINE:COLUMN");
  add_content_option(*cmd, ctx);
  auto strict = std::make_shared<bool>(false);
  auto json = std::make_shared<bool>(false);
  auto today = std::make_shared<std::string>();
  cmd->add_flag(
      "--strict", *strict,
      "Also apply the content rules (sources, orphans, summary length and reading grade, help links, verdicts, sentence wording per evidence level); fail on any warning, overdue reviews included");
  cmd->add_flag("--json", *json, "Print the diagnostics as a JSON array");
  add_today_option(*cmd, *today);
  cmd->callback([&ctx, strict, json, today] {
    // The built-in content is checked with exactly the rules a folder gets.
    const std::string shown = ctx.content_dir.empty() ? "built-in content" : ctx.content_dir;
    LoadResult result = ctx.content_dir.empty()
                            ? Atlas::load_files(Atlas::builtin_files(), {.display_root = "content", .strict = *strict})
                            : Atlas::load(ctx.content_dir, {.display_root = ctx.content_dir, .strict = *strict});
    if (*strict && result.ok()) {
      // Lay summaries aim at reading grade 6-8: the grade is a strict rule like their length.
      for (Diagnostic& d : summary_readability_warnings(result.atlas())) result.diagnostics.push_back(std::move(d));
    }
    // A concept past its review date is a warning on every check (and fails --strict).
    if (result.ok())
      for (Diagnostic& d : overdue_review_warnings(result.atlas(), today->empty() ? today_utc() : *today))
        result.diagnostics.push_back(std::move(d));
    const std::size_t errors = result.diagnostics.count(Severity::error);
    const std::size_t warnings = result.diagnostics.count(Severity::warning);
    if (*json) {
      std::cout << diagnostics_json(result.diagnostics) << '\n';
    } else {
      for (const Diagnostic& d : result.diagnostics) std::cout << format(d) << '\n';
      std::cout << shown << ": " << errors << " error(s), " << warnings << " warning(s)";
      if (result.ok())
        std::cout << "; " << result.atlas().content().concepts.size() << " concepts, "
                  << result.atlas().content().sources.size() << " sources";
      std::cout << '\n';
    }
    const bool failed = errors > 0 || (*strict && warnings > 0);
    ctx.exit = failed ? failure : ok;
  });
}

}  // namespace katlas::cli
