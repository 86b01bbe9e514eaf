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
  std::string site_url;
  std::string region;
  std::vector<std::string> help_lines;
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
      std::cerr << file.diagnostics.format();
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
  const Diagnostics warnings = summary_readability_warnings(atlas, max_grade);
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

// The help lines asked for: an unknown region is a usage error with the known ones named.
bool pick_region(const Atlas& atlas, const HandoutArgs& args, HandoutOptions& options) {
  options.help_lines = args.help_lines;
  if (args.region.empty()) return true;
  if (find_help_region(atlas, args.region)) {
    options.region = args.region;
    return true;
  }
  std::vector<std::string> known;
  for (const HelpRegion& r : atlas.content().help_regions) known.push_back(r.id);
  std::cerr << "katlas: no help-line region '" << args.region << "'";
  if (known.empty()) {
    std::cerr << ": the content has no help-lines.yaml; give the numbers with --help-line \"Poison centre: ...\"\n";
    return false;
  }
  std::cerr << "; the content has " << series(known) << " (help-lines.yaml), or give the numbers with --help-line\n";
  return false;
}

// A written recipe is for its own audience; its words would be wrong for the other.
bool audience_fits(const HandoutRecipe& recipe, const HandoutOptions& options) {
  if (!options.audience || supports(recipe, *options.audience)) return true;
  std::cerr << "katlas: recipe '" << recipe.id << "' is written for " << to_string(recipe.audience)
            << " readers only; leave out --audience, or write a " << to_string(*options.audience)
            << " recipe (see docs/handouts.md)\n";
  return false;
}

int run_handout(const Context& ctx, const HandoutArgs& args) {
  const std::optional<Atlas> atlas = open_atlas(ctx);
  if (!atlas) return failure;
  if (args.check_readability) return check_readability(*atlas, args.max_grade);
  // The atlas was loaded with its folder's recipes, checked like the rest of the content.
  const RecipeLoadResult recipes = builtin_handout_recipes(*atlas);
  std::cerr << recipes.diagnostics.format();
  if (!recipes.ok()) return failure;
  if (args.list) return list_recipes(recipes);
  HandoutOptions options;
  if (!args.audience.empty()) options.audience = audience_of(args.audience, Audience::lay);
  options.paper = args.paper == "letter" ? Paper::letter : Paper::a4;
  options.site_url = args.site_url;
  options.qr_code = !args.no_qr;
  if (!pick_region(*atlas, args, options)) return usage;
  const std::optional<HandoutRecipe> recipe =
      pick_recipe(*atlas, recipes, args.targets, options.audience.value_or(Audience::lay));
  if (!recipe) return failure;
  if (!audience_fits(*recipe, options)) return usage;
  const Handout handout = compose_handout(*atlas, *recipe, options);
  if (handout.link.empty())
    std::cerr << "katlas: no --site-url given: the handout has no link or QR code to the site (give the address "
                 "the site is served from, e.g. --site-url https://atlas.example.org/)\n";
  if (handout.help && handout.help_lines.empty())
    std::cerr << "katlas: no --region or --help-line given: the help box leaves blank lines for local numbers\n";
  const std::string html = render_handout_html(handout, options);
  if (args.format == "pdf") {
    if (const Status status = print_pdf(html, args.out); !status) {
      std::cerr << "katlas: " << status.message() << '\n';
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
  add_site_url_option(*cmd, "--site-url", args->site_url,
                      "Address the reader's site is served from (http or https): the handout links to its "
                      "topic's page there, in print and as a QR code (default: the recipe's site-url, else none)");
  cmd->add_option("--region", args->region,
                  "Print this region's help lines (from help-lines.yaml, e.g. us, uk, au, ca) in the help box");
  cmd->add_option("--help-line", args->help_lines,
                  "Add a line to the help box, e.g. \"Poison centre: 13 11 26\" (repeat for more)")
      ->allow_extra_args(false);
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
