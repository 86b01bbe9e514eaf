// katlas show: one concept with its text, evidence, sources and relations both ways (the library's text layout).
#include "cli.hpp"

#include <iostream>
#include <limits>

namespace katlas::cli {

void add_show(CLI::App& app, Context& ctx) {
  struct Options {
    std::string id;
    std::string audience = "pro";
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("show", "Show a concept: text, evidence, sources and relations both ways");
  cmd->add_option("ID_OR_ALIAS", opts->id, "Concept id, alias or title")->required();
  add_audience_option(*cmd, opts->audience, "lay: the plain summary only; pro: with professional details");
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const Concept* c = lookup(*atlas, opts->id);
    if (!c) return void(ctx.exit = failure);
    const Audience audience = audience_of(opts->audience, Audience::pro);
    if (opts->json) std::cout << concept_json(*atlas, *c, audience) << '\n';
    ExplainRequest request;
    request.audience = audience;
    request.max_neighbours = std::numeric_limits<std::size_t>::max();  // show every relation
    if (!opts->json) std::cout << to_text(explain(*atlas, *c, request));
  });
}

}  // namespace katlas::cli
