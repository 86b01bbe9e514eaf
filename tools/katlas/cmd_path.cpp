// katlas path: the shortest explanation chain between two concepts, a sentence a step.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {

void add_path(CLI::App& app, Context& ctx) {
  struct Options {
    std::string from, to;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("path", "Explain how one concept leads to another, step by step");
  cmd->add_option("FROM", opts->from, "Concept id, alias or title")->required();
  cmd->add_option("TO", opts->to, "Concept id, alias or title")->required();
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const Concept* from = lookup(*atlas, opts->from);
    const Concept* to = lookup(*atlas, opts->to);
    if (!from || !to) return void(ctx.exit = failure);
    const auto steps = atlas->path(*from, *to);
    if (!steps) {
      std::cerr << "katlas: no chain of relations connects '" << from->id << "' and '" << to->id << "'\n";
      return void(ctx.exit = failure);
    }
    if (opts->json) {
      std::cout << path_json(*from, *to, *steps) << '\n';
      return;
    }
    std::cout << "From " << from->title << " to " << to->title << " in " << steps->size() << " step(s):\n";
    for (std::size_t i = 0; i < steps->size(); ++i) std::cout << "  " << i + 1 << ". " << (*steps)[i].sentence << '\n';
  });
}

}  // namespace katlas::cli
