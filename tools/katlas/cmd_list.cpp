// katlas list: every concept, or those of one kind, sorted by title.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {

void add_list(CLI::App& app, Context& ctx) {
  struct Options {
    std::string kind;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("list", "List concepts, optionally of one kind");
  cmd->add_option("--kind", opts->kind, "Only concepts of this kind (see content/kinds.yaml)");
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    if (!opts->kind.empty() && !atlas->kind(opts->kind)) {
      std::cerr << "katlas: no kind '" << opts->kind << "'; kinds:";
      for (const Kind& k : atlas->content().kinds) std::cerr << " " << k.id;
      std::cerr << '\n';
      return void(ctx.exit = failure);
    }
    const std::vector<const Concept*> concepts = atlas->list(opts->kind);
    if (opts->json) {
      std::cout << concepts_json(concepts) << '\n';
      return;
    }
    for (const Concept* c : concepts) std::cout << c->id << "\t" << c->title << "\t(" << c->kind << ")\n";
  });
}

}  // namespace katlas::cli
