// katlas: check, query and render the Kratom Atlas content from the command line.
#include "cli.hpp"

#include <katlas/version.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  katlas::cli::use_checked_stdout();
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
  katlas::cli::add_cache(app, ctx);
  int code = katlas::cli::ok;
  try {
    app.parse(argc, argv);
    code = ctx.exit;
  } catch (const CLI::ParseError& e) {
    // CLI11 returns 0 for --help and --version; every other parse problem is a usage error.
    code = app.exit(e) == 0 ? katlas::cli::ok : katlas::cli::usage;
  } catch (const std::exception& e) {
    // The library reports failures as values; this is the last guard against a bug ending in terminate().
    std::cerr << "katlas: unexpected failure: " << e.what() << '\n';
    code = katlas::cli::failure;
  }
  // What went to standard output is only written once it is flushed: a full disk, a closed
  // pipe or /dev/full shows here, and a cut-off output must not exit 0.
  if (!katlas::cli::flush_stdout() && code == katlas::cli::ok) code = katlas::cli::failure;
  return code;
}
