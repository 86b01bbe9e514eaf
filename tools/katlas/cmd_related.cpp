// katlas related: a concept's typed relations, filtered by type and direction.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {

void add_related(CLI::App& app, Context& ctx) {
  struct Options {
    std::string id, type, direction = "both";
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("related", "List a concept's relations, each as a sentence");
  cmd->add_option("ID", opts->id, "Concept id, alias or title")->required();
  cmd->add_option("--type", opts->type, "Only relations of this type (see content/relations.yaml)");
  cmd->add_option("--direction", opts->direction, "out: written on the concept; in: pointing at it; both")
      ->check(CLI::IsMember({"out", "in", "both"}));
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const Concept* c = lookup(*atlas, opts->id);
    if (!c) return void(ctx.exit = failure);
    if (!opts->type.empty() && !atlas->relation_type(opts->type)) {
      std::cerr << "katlas: no relation type '" << opts->type << "'\n";
      return void(ctx.exit = failure);
    }
    const Direction direction = parse_direction(opts->direction).value_or(Direction::both);
    const std::vector<Link> links = atlas->related(*c, {.type = opts->type, .direction = direction});
    if (opts->json) {
      std::cout << links_json(links, Audience::pro) << '\n';
      return;
    }
    // One line a link, tab-separated: direction, type, other concept, evidence, sentence, note.
    for (const Link& link : links) {
      std::cout << to_string(link.direction) << "\t" << link.type->id << "\t" << link.other->id << "\t"
                << to_string(link.evidence) << "\t" << link.sentence;
      if (!link.relation->note.empty()) std::cout << "\t" << link.relation->note;
      std::cout << '\n';
    }
  });
}

}  // namespace katlas::cli
