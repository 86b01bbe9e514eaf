// katlas export: the whole atlas as one JSON document or as a Graphviz graph.
#include "cli.hpp"

#include <katlas/export.hpp>

#include <fstream>
#include <iostream>

namespace katlas::cli {

void add_export(CLI::App& app, Context& ctx) {
  struct Options {
    std::string format = "json", out;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Write the whole atlas as versioned JSON or as Graphviz DOT");
  cmd->add_option("--format", opts->format, "json (see docs/atlas.schema.json) or dot")
      ->check(CLI::IsMember({"json", "dot"}));
  cmd->add_option("--out", opts->out, "File to write (default: standard output)");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const std::string text = opts->format == "dot" ? export_dot(*atlas) : export_json(*atlas);
    if (opts->out.empty()) {
      std::cout << text;
      return;
    }
    if (!write_file(opts->out, text)) ctx.exit = failure;
  });
}

}  // namespace katlas::cli
