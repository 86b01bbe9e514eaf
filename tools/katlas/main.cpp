// katlas: check, query and render the Kratom Atlas content from the command line.
#include "cli.hpp"

#include <katlas/version.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  CLI::App app{"katlas: an evidence-graded atlas of kratom tolerance, dependence and withdrawal"};
  app.set_version_flag("--version", "katlas " + std::string(katlas::version()));
  app.require_subcommand(1);
  katlas::cli::Context ctx;
  katlas::cli::add_check(app, ctx);
  katlas::cli::add_show(app, ctx);
  katlas::cli::add_related(app, ctx);
  katlas::cli::add_path(app, ctx);
  katlas::cli::add_search(app, ctx);
  katlas::cli::add_list(app, ctx);
  katlas::cli::add_build(app, ctx);
  katlas::cli::add_explain(app, ctx);
  katlas::cli::add_export(app, ctx);
  katlas::cli::add_handout(app, ctx);
  katlas::cli::add_review(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // CLI11 returns 0 for --help and --version; every other parse problem is a usage error.
    return code == 0 ? katlas::cli::ok : katlas::cli::usage;
  } catch (const std::exception& e) {
    // The library reports failures as values; this is the last guard against a bug ending in terminate().
    std::cerr << "katlas: unexpected failure: " << e.what() << '\n';
    return katlas::cli::failure;
  }
  return ctx.exit;
}
