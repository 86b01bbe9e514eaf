// katlas search: ranked matches over titles, aliases and text.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {

void add_search(CLI::App& app, Context& ctx) {
  struct Options {
    std::string text;
    std::size_t limit = 10;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("search", "Search titles, aliases and text (case- and accent-insensitive)");
  cmd->add_option("TEXT", opts->text, "Words to look for")->required();
  cmd->add_option("--limit", opts->limit, "Most results to show")->check(CLI::Range(1, 1000));
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const std::vector<SearchHit> hits = atlas->search(opts->text, opts->limit);
    if (opts->json) {
      std::cout << search_json(hits) << '\n';
      return;
    }
    if (hits.empty()) std::cerr << "katlas: nothing matches '" << opts->text << "'\n";
    for (const SearchHit& hit : hits)
      std::cout << hit.entry->id << "\t" << hit.entry->title << "\t(" << hit.entry->kind << ")\n";
  });
}

}  // namespace katlas::cli
