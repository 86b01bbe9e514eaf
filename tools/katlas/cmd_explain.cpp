// katlas explain: one explanation for an id, alias or question, as text, Markdown, HTML or JSON.
#include "cli.hpp"

#include <katlas/explain.hpp>

#include <iostream>

namespace katlas::cli {

void add_explain(CLI::App& app, Context& ctx) {
  struct Options {
    std::string query, audience = "lay", depth = "neighbours", format = "text", base_url;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("explain", "Explain a concept or answer a question, ready to embed");
  cmd->add_option("QUERY", opts->query, "An id, alias, title or question")->required();
  add_audience_option(*cmd, opts->audience, "lay or pro");
  cmd->add_option("--depth", opts->depth, "summary, details or neighbours")
      ->check(CLI::IsMember({"summary", "details", "neighbours"}));
  cmd->add_option("--format", opts->format, "text, markdown, html or json")
      ->check(CLI::IsMember({"text", "markdown", "html", "json"}));
  add_site_url_option(*cmd, "--base-url", opts->base_url,
                      "Where the reader's site lives (https://...), for links in markdown and html");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const auto e = explain(*atlas, {.query = opts->query,
                                    .audience = audience_of(opts->audience, Audience::lay),
                                    .depth = parse_depth(opts->depth).value_or(Depth::neighbours),
                                    .max_neighbours = 12});
    if (!e) {
      std::cerr << "katlas: nothing matches '" << opts->query << "'\n";
      return void(ctx.exit = failure);
    }
    if (opts->format == "json")
      std::cout << to_json(*e) << '\n';
    else if (opts->format == "markdown")
      std::cout << to_markdown(*e, opts->base_url);
    else if (opts->format == "html")
      std::cout << to_html_fragment(*e, opts->base_url);
    else
      std::cout << to_text(*e);
  });
}

}  // namespace katlas::cli
