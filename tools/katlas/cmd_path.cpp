// katlas path: the shortest explanation chain between two concepts, a sentence a step.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {

void add_path(CLI::App& app, Context& ctx) {
  struct Options {
    std::string from, to, min_evidence = "anecdotal";
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("path", "Explain how one concept leads to another, step by step");
  cmd->add_option("FROM", opts->from, "Concept id, alias or title")->required();
  cmd->add_option("TO", opts->to, "Concept id, alias or title")->required();
  cmd->add_option("--min-evidence", opts->min_evidence,
                  "Walk only links at least this well supported: established, limited, contested or anecdotal "
                  "(the default: every link)")
      ->check(CLI::IsMember({"established", "limited", "contested", "anecdotal"}));
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const Concept* from = lookup(*atlas, opts->from);
    const Concept* to = lookup(*atlas, opts->to);
    if (!from || !to) return void(ctx.exit = failure);
    const Evidence min_evidence = parse_evidence(opts->min_evidence).value_or(Evidence::anecdotal);
    const auto steps = atlas->path(*from, *to, {.min_evidence = min_evidence});
    if (!steps) {
      std::cerr << "katlas: no chain of relations connects '" << from->id << "' and '" << to->id << "'";
      if (min_evidence != Evidence::anecdotal)
        std::cerr << " through links of " << opts->min_evidence << " evidence or better"
                  << (atlas->path(*from, *to) ? " (a weaker chain exists: leave out --min-evidence to see it)" : "");
      std::cerr << '\n';
      return void(ctx.exit = failure);
    }
    if (opts->json) {
      std::cout << path_json(*from, *to, *steps, Audience::pro) << '\n';
      return;
    }
    std::cout << "From " << from->title << " to " << to->title << " in " << steps->size() << " step(s):\n";
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const PathStep& step = (*steps)[i];
      std::cout << "  " << i + 1 << ". " << step.sentence;
      if (step.relation->basis) std::cout << " (" << plain_label(*step.relation->basis) << ")";
      std::cout << "  [" << to_string(step.evidence) << "]\n";
    }
    // A chain is as sure as its weakest link: say so when that is not established.
    const Evidence weakest = weakest_evidence(*steps);
    if (weakest == Evidence::established) {
      std::cout << "Every step is established.\n";
      return;
    }
    std::cout << "This chain is only as sure as its weakest step, which is " << to_string(weakest) << ": "
              << plain_explanation(weakest) << '\n';
    for (std::size_t i = 0; i < steps->size(); ++i)
      if ((*steps)[i].evidence == Evidence::contested || (*steps)[i].evidence == Evidence::anecdotal)
        std::cout << "Step " << i + 1 << " rests on " << to_string((*steps)[i].evidence) << " evidence"
                  << ((*steps)[i].relation->note.empty() ? "." : ": " + (*steps)[i].relation->note) << '\n';
  });
}

}  // namespace katlas::cli
