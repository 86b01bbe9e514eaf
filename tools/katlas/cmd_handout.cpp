// katlas handout: compose a printable, cited, plain-language handout (HTML or PDF) and review it.
#include "cli.hpp"

#include <katlas/handout.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace katlas::cli {
namespace {

struct HandoutArgs {
  std::vector<std::string> targets;
  std::string audience;
  std::string format = "html";
  std::string out;
  std::string paper = "a4";
  std::string site_url = HandoutOptions{}.site_url;
  bool no_qr = false;
  bool json = false;
  bool list = false;
  bool check_readability = false;
  double max_grade = 8.0;
};

// A recipe by id or file, or an ad-hoc recipe for concept ids ("tolerance,withdrawal"); nothing on failure.
std::optional<HandoutRecipe> pick_recipe(const Atlas& atlas, const RecipeLoadResult& recipes,
                                         const std::vector<std::string>& targets, Audience audience) {
  if (targets.size() == 1) {
    for (const HandoutRecipe& r : recipes.recipes)
      if (r.id == targets[0]) return r;
    if (targets[0].ends_with(".yaml")) {
      RecipeLoadResult file = load_handout_recipe_file(targets[0], atlas);
      for (const Diagnostic& d : file.diagnostics) std::cerr << format(d) << '\n';
      if (file.recipes.empty()) return std::nullopt;
      return file.recipes.front();
    }
  }
  std::vector<const Concept*> concepts;
  for (const std::string& target : targets)
    for (std::size_t start = 0; start <= target.size();) {
      const std::size_t comma = std::min(target.find(',', start), target.size());
      const std::string name = target.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      if (const Concept* c = atlas.find(name)) {
        concepts.push_back(c);
        continue;
      }
      std::cerr << "katlas: no handout recipe or concept '" << name << "'";
      std::vector<std::string> close = suggest_recipes(recipes.recipes, name);
      for (const std::string& id : atlas.suggest(name)) close.push_back(id);
      print_did_you_mean(close);
      std::cerr << "\n";
      return std::nullopt;
    }
  return recipe_for_concepts(concepts, audience);
}

int check_readability(const Atlas& atlas, double max_grade) {
  const std::vector<Diagnostic> warnings = summary_readability_warnings(atlas, max_grade);
  for (const Diagnostic& d : warnings) std::cout << format(d) << '\n';
  std::cout << warnings.size() << " lay summary(ies) above grade " << max_grade << " of "
            << atlas.content().concepts.size() << '\n';
  return warnings.empty() ? ok : failure;
}

int list_recipes(const RecipeLoadResult& recipes) {
  for (const HandoutRecipe& r : recipes.recipes)
    std::cout << r.id << "  [" << to_string(r.audience) << "]  " << r.title << '\n';
  return ok;
}

int run_handout(const Context& ctx, const HandoutArgs& args) {
  const std::optional<Atlas> atlas = open_atlas(ctx);
  if (!atlas) return failure;
  if (args.check_readability) return check_readability(*atlas, args.max_grade);
  // The atlas was loaded with its folder's recipes, checked like the rest of the content.
  const RecipeLoadResult recipes = builtin_handout_recipes(*atlas);
  for (const Diagnostic& d : recipes.diagnostics) std::cerr << format(d) << '\n';
  if (!recipes.ok()) return failure;
  if (args.list) return list_recipes(recipes);
  HandoutOptions options;
  if (!args.audience.empty()) options.audience = audience_of(args.audience, Audience::lay);
  options.paper = args.paper == "letter" ? Paper::letter : Paper::a4;
  options.site_url = args.site_url;
  options.qr_code = !args.no_qr;
  const std::optional<HandoutRecipe> recipe =
      pick_recipe(*atlas, recipes, args.targets, options.audience.value_or(Audience::lay));
  if (!recipe) return failure;
  const Handout handout = compose_handout(*atlas, *recipe, options);
  const std::string html = render_handout_html(handout, options);
  if (args.format == "pdf") {
    if (const std::string problem = print_pdf(html, args.out); !problem.empty()) {
      std::cerr << "katlas: " << problem << '\n';
      return failure;
    }
  } else if (!args.out.empty()) {
    if (!write_file(args.out, html)) return failure;
  } else {
    std::cout << html;
  }
  const HandoutReview review = review_handout(*atlas, handout);
  std::ostream& report = args.out.empty() ? std::cerr : std::cout;
  report << (args.json ? review_json(handout, review) + "\n" : review_text(handout, review));
  return ok;
}

}  // namespace

void add_handout(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<HandoutArgs>();
  auto* cmd = app.add_subcommand("handout", "Compose a printable, cited, plain-language handout (HTML or PDF)");
  cmd->add_option("RECIPE_OR_IDS", args->targets,
                  "A recipe id (see --list), a recipe file, or concept ids/aliases (several, or comma-separated)");
  add_audience_option(*cmd, args->audience, "lay or pro (default: the recipe's)");
  cmd->add_option("--format", args->format, "html (default) or pdf (needs --out and chromium)")
      ->check(CLI::IsMember({"html", "pdf"}));
  cmd->add_option("--out", args->out, "Write the handout here (default for html: standard output)");
  cmd->add_option("--paper", args->paper, "a4 (default) or letter")->check(CLI::IsMember({"a4", "letter"}));
  cmd->add_option("--site-url", args->site_url, "Address of the reader's site, printed as a link and QR code");
  cmd->add_flag("--no-qr", args->no_qr, "Leave out the QR code");
  cmd->add_flag("--json", args->json, "Print the readability and checklist report as JSON");
  cmd->add_flag("--list", args->list, "List the handout recipes");
  cmd->add_flag("--check-readability", args->check_readability,
                "Warn at every lay summary above --max-grade (Flesch-Kincaid); fails when there is one");
  cmd->add_option("--max-grade", args->max_grade, "Grade limit for --check-readability (default 8)");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, args] {
    if (args->targets.empty() && !args->list && !args->check_readability)
      throw CLI::ValidationError("RECIPE_OR_IDS", "name a recipe or concept ids, or use --list");
    if (args->format == "pdf" && args->out.empty())
      throw CLI::ValidationError("--out", "--format pdf needs --out FILE");
    ctx.exit = run_handout(ctx, *args);
  });
}

}  // namespace katlas::cli
