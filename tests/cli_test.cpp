// CLI tests: the real katlas binary, its output, JSON shapes and exit codes.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <map>
#include <optional>

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the built binary through the shell, from `cwd`, capturing both streams.
Run katlas_run(const std::string& args, const std::string& cwd = KATLAS_FIXTURES) {
  static int counter = 0;
  const std::string base = std::filesystem::temp_directory_path() /
                           ("katlas-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string command =
      "cd '" + cwd + "' && '" KATLAS_BINARY "' " + args + " >'" + base + ".out' 2>'" + base + ".err' </dev/null";
  const int status = std::system(command.c_str());
  Run run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(base + ".out"), slurp(base + ".err")};
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return run;
}

std::size_t count_lines_with(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) n += line.find(needle) != std::string::npos;
  return n;
}

/// A fresh folder for a test's home and caches, with HOME and XDG_CACHE_HOME set for the
/// katlas processes it starts (they inherit this process's environment); all undone at the end.
struct ScopedHome {
  std::filesystem::path folder;
  std::optional<std::string> old_home, old_xdg;
  ScopedHome(const std::string& name, const char* home, const char* xdg_cache)
      : folder(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    if (const char* h = std::getenv("HOME")) old_home = h;
    if (const char* x = std::getenv("XDG_CACHE_HOME")) old_xdg = x;
    set("HOME", home ? std::optional<std::string>(home) : folder.string());
    set("XDG_CACHE_HOME", xdg_cache ? std::optional<std::string>((folder / xdg_cache).string()) : std::nullopt);
  }
  ~ScopedHome() {
    set("HOME", old_home);
    set("XDG_CACHE_HOME", old_xdg);
    std::filesystem::remove_all(folder);
  }
  static void set(const char* name, const std::optional<std::string>& value) {
    if (value)
      ::setenv(name, value->c_str(), 1);
    else
      ::unsetenv(name);
  }
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("check passes on a valid folder and prints a one-line summary") {
    const Run run = katlas_run("check --strict --content base");
    CHECK(run.code == 0);
    CHECK(run.out == "base: 0 error(s), 0 warning(s); 11 concepts, 3 sources\n");
  }

  TEST_CASE("check reports ten different mistakes as ten precise errors, then fails") {
    const Run run = katlas_run("check --content ten-mistakes");
    INFO(run.out);
    CHECK(run.code == 1);
    CHECK(count_lines_with(run.out, ": error: ") == 10);
    CHECK(run.out.find("ten-mistakes: 10 error(s), 0 warning(s)\n") != std::string::npos);
    CHECK(run.out.find("ten-mistakes/concepts/condition/tolerance.yaml:4:1: error: unknown key 'summry' in concept "
                       "(did you mean 'summary'?)") != std::string::npos);
  }

  TEST_CASE("check --json prints every diagnostic with its position") {
    const Run run = katlas_run("check --json --content ten-mistakes");
    CHECK(run.code == 1);
    const auto j = nlohmann::json::parse(run.out);
    REQUIRE(j.size() == 10);
    for (const auto& d : j) {
      CHECK(d["severity"] == "error");
      CHECK(d["line"].get<int>() >= 0);
      CHECK_FALSE(d["message"].get<std::string>().empty());
    }
  }

  TEST_CASE("check with no folder checks the built-in content") {
    const Run run = katlas_run("check --strict", "/");
    CHECK(run.code == 0);
    CHECK(run.out.starts_with("built-in content: 0 error(s), 0 warning(s)"));
  }

  TEST_CASE("show prints text, evidence, relations both ways and numbered sources") {
    const Run run = katlas_run("show 'CYP 3A4' --content base");
    CHECK(run.code == 0);
    CHECK(run.out.starts_with("CYP3A4  [cyp3a4, enzyme]\n"));
    CHECK(run.out.find("Evidence: established.") != std::string::npos);
    CHECK(run.out.find("    - CYP3A4 forms 7-hydroxymitragynine.  [established: seven-hydroxymitragynine]") !=
          std::string::npos);
    CHECK(run.out.find("    - CYP3A4 breaks down mitragynine.  [established: mitragynine]") != std::string::npos);
    CHECK(run.out.find("  [1] Kamble SH") != std::string::npos);
    CHECK(run.out.find("https://doi.org/10.1080/00498254.2018.1552819") != std::string::npos);
  }

  TEST_CASE("show --audience lay leaves out the professional details") {
    const Run pro = katlas_run("show cyp3a4 --content base");
    const Run lay = katlas_run("show cyp3a4 --audience lay --content base");
    CHECK(pro.out.find("For professionals:") != std::string::npos);
    CHECK(lay.out.find("For professionals:") == std::string::npos);
    const auto j = nlohmann::json::parse(katlas_run("show cyp3a4 --audience lay --json --content base").out);
    CHECK_FALSE(j.contains("details"));
  }

  TEST_CASE("show --json has the documented shape") {
    const Run run = katlas_run("show 7-OH --json --content base");
    REQUIRE(run.code == 0);
    const auto j = nlohmann::json::parse(run.out);
    CHECK(j["id"] == "seven-hydroxymitragynine");
    CHECK(j["title"] == "7-hydroxymitragynine");
    CHECK(j["kind"] == "alkaloid");
    CHECK(j["aliases"] == nlohmann::json::array({"7-OH", "7-hydroxy"}));
    CHECK(j["evidence"] == "established");
    CHECK(j["reviewed"] == "2026-11-23");
    REQUIRE(j["sources"].size() == 1);
    CHECK(j["sources"][0]["id"] == "kamble-2019");
    CHECK(j["sources"][0]["year"] == 2019);
    CHECK(j["sources"][0]["doi"] == "10.1080/00498254.2018.1552819");
    bool formed_by = false;
    for (const auto& r : j["relations"])
      formed_by |= r["type"] == "forms" && r["direction"] == "in" && r["target"] == "cyp3a4" &&
                   r["sentence"] == "7-hydroxymitragynine is formed by CYP3A4.";
    CHECK(formed_by);
  }

  TEST_CASE("an unknown id fails with the closest ids") {
    const Run run = katlas_run("show cyp3a --content base");
    CHECK(run.code == 1);
    CHECK(run.err == "katlas: no concept 'cyp3a' (did you mean 'cyp3a4'?)\n");
    CHECK(run.out.empty());
  }

  TEST_CASE("related filters by type and direction") {
    const Run run = katlas_run("related cyp3a4 --direction in --json --content base");
    REQUIRE(run.code == 0);
    const auto j = nlohmann::json::parse(run.out);
    REQUIRE(j.size() == 2);
    for (const auto& r : j) CHECK(r["direction"] == "in");
    const Run typed = katlas_run("related mitragynine --type acts-on --content base");
    CHECK(typed.out == "out\tacts-on\tmu-opioid-receptor\testablished\tMitragynine acts on mu-opioid receptor.\n");
    CHECK(katlas_run("related mitragynine --type nonsense --content base").code == 1);
  }

  TEST_CASE("path explains a chain step by step") {
    const Run run = katlas_run("path extracts withdrawal --content base");
    CHECK(run.code == 0);
    // The first link is anecdotal (inherited from the extracts concept): its sentence hedges,
    // and the chain says it is only as sure as that step.
    CHECK(run.out ==
          "From Extracts and concentrates to Withdrawal in 2 step(s):\n"
          "  1. Some reports say extract use leads to tolerance.  [anecdotal]\n"
          "  2. Tolerance leads to withdrawal.  [established]\n"
          "This chain is only as sure as its weakest step, which is anecdotal: Based on case reports, "
          "personal stories or websites, not on studies.\n"
          "Step 1 rests on anecdotal evidence.\n");
    const auto j = nlohmann::json::parse(katlas_run("path extracts withdrawal --json --content base").out);
    CHECK(j["from"] == "extracts");
    CHECK(j["to"] == "withdrawal");
    CHECK(j["evidence"] == "anecdotal");
    REQUIRE(j["steps"].size() == 2);
    CHECK(j["steps"][0] == nlohmann::json{{"from", "extracts"},
                                          {"type", "leads-to"},
                                          {"direction", "out"},
                                          {"to", "tolerance"},
                                          {"sentence", "Some reports say extract use leads to tolerance."},
                                          {"evidence", "anecdotal"},
                                          {"evidence_from", "concepts"}});
    CHECK(j["steps"][1]["evidence"] == "established");
  }

  TEST_CASE("path says plainly when a chain rests on a contested link, and --min-evidence refuses it") {
    const Run run = katlas_run("path start far --content evidence-chain");
    CHECK(run.code == 0);
    CHECK(run.out ==
          "From Start to Far in 3 step(s):\n"
          "  1. Start leads to x.  [established]\n"
          "  2. Whether x leads to y is disputed.  [contested]\n"
          "  3. Y leads to far.  [established]\n"
          "This chain is only as sure as its weakest step, which is contested: Studies or experts "
          "disagree. Both sides are shown.\n"
          "Step 2 rests on contested evidence: Two studies disagree.\n");
    const Run strict = katlas_run("path start far --min-evidence established --content evidence-chain");
    CHECK(strict.code == 1);
    CHECK(strict.err ==
          "katlas: no chain of relations connects 'start' and 'far' through links of established "
          "evidence or better (a weaker chain exists: leave out --min-evidence to see it)\n");
    CHECK(katlas_run("path start far --min-evidence strong --content evidence-chain").code == 2);
    const auto j = nlohmann::json::parse(katlas_run("path start far --json --content evidence-chain").out);
    CHECK(j["evidence"] == "contested");
    CHECK(j["steps"][1]["evidence"] == "contested");
    CHECK(j["steps"][1]["evidence_from"] == "relation");
    CHECK(j["steps"][1]["note"] == "Two studies disagree.");
  }

  TEST_CASE("related --json and show --json carry every relation's evidence: a claim carries its verdict") {
    auto j = nlohmann::json::parse(katlas_run("related x --json --content evidence-chain").out);
    REQUIRE(j.size() == 3);
    for (const auto& r : j) CHECK(r.contains("evidence"));
    j = nlohmann::json::parse(katlas_run("show myth --json --content evidence-chain").out);
    CHECK(j["verdict"] == "refuted");
    CHECK(j["verdict_label"] == "Shown to be wrong");
    // A link with no level of its own has the weaker of its two concepts' (content-schema.md):
    // the claim is contested, so its links are too.
    REQUIRE(j["relations"].size() == 2);
    for (const auto& r : j["relations"]) CHECK(r["evidence"] == "contested");
    const Run text = katlas_run("show x --content evidence-chain");
    CHECK(text.out.find("The claim \"X leads straight to far\" is about x.") == std::string::npos);
    CHECK(text.out.find("X is the subject of a contested claim: \"X leads straight to far\". Verdict: Shown to be "
                        "wrong.") != std::string::npos);
  }

  TEST_CASE("a concept past its review date is a warning for check, fails --strict, and review lists it") {
    // The base fixture was reviewed on 2026-11-23 with the default interval of two years.
    const Run fresh = katlas_run("check --strict --today 2028-11-23 --content base");
    CHECK(fresh.code == 0);
    const Run late = katlas_run("check --today 2028-11-24 --content base");
    CHECK(late.code == 0);  // a warning, not an error
    CHECK(
        late.out.find("base/concepts/condition/tolerance.yaml:1:5: warning: concept 'tolerance' was due for review on "
                      "2028-11-23 (last reviewed 2026-11-23, every 24 months) (check it against its sources, then "
                      "set 'reviewed:' to the date you did)\n") != std::string::npos);
    CHECK(katlas_run("check --strict --today 2028-11-24 --content base").code == 1);
    CHECK(katlas_run("check --today 2028-02-30 --content base").code == 2);

    const Run none = katlas_run("review --today 2026-12-01 --content base");
    CHECK(none.code == 0);
    CHECK(none.out == "Nothing is due for review by 2026-12-31.\n");
    const Run soon = katlas_run("review --today 2028-11-01 --within 30 --content base");
    CHECK(soon.out.find("2028-11-23  due      chills  (Chills; reviewed 2026-11-23, every 24 months)\n") == 0);
    const auto j = nlohmann::json::parse(katlas_run("review --json --today 2029-01-01 --content base").out);
    REQUIRE(j.size() == 11);
    CHECK(j[0]["overdue"] == true);
    CHECK(j[0]["due"] == "2028-11-23");
    CHECK(j[0]["every_months"] == 24);
  }

  TEST_CASE("search ranks names first and finds lay words") {
    auto j = nlohmann::json::parse(katlas_run("search 'cyp 3a4' --json --content base").out);
    REQUIRE_FALSE(j.empty());
    CHECK(j[0]["id"] == "cyp3a4");
    CHECK(j[0].contains("title"));
    CHECK(j[0].contains("kind"));
    j = nlohmann::json::parse(katlas_run("search goosebumps --json --limit 1 --content base").out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["id"] == "chills");
  }

  TEST_CASE("list by kind") {
    const Run run = katlas_run("list --kind condition --content base");
    CHECK(run.out == "tolerance\tTolerance\t(condition)\nwithdrawal\tWithdrawal\t(condition)\n");
    CHECK(katlas_run("list --kind nonsense --content base").code == 1);
  }

  TEST_CASE("usage errors exit 2") {
    CHECK(katlas_run("").code == 2);
    CHECK(katlas_run("show").code == 2);
    CHECK(katlas_run("show cyp3a4 --audience expert").code == 2);
    CHECK(katlas_run("frobnicate").code == 2);
    const Run empty_out = katlas_run("build --out ''", std::filesystem::temp_directory_path().string());
    CHECK(empty_out.code == 2);
    CHECK(empty_out.err.find("--out needs a folder name") != std::string::npos);
    CHECK(katlas_run("--help").code == 0);
  }

  TEST_CASE("output that cannot be written is exit 1 with the reason, never a cut-off success") {
    // /dev/full takes nothing: every write fails with ENOSPC, as on a full disk.
    for (const char* args : {"export", "export --format dot", "show cyp3a4", "check", "search tolerance", "list",
                             "related cyp3a4", "path tolerance withdrawal", "explain 7-OH --format markdown",
                             "handout understanding-tolerance", "review --within 3650"}) {
      INFO(args);
      const std::string err = std::filesystem::temp_directory_path() / ("katlas-full-" + std::to_string(::getpid()));
      const std::string command = "'" KATLAS_BINARY "' " + std::string(args) + " >/dev/full 2>'" + err + "' </dev/null";
      const int status = std::system(command.c_str());
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 1);
      CHECK(slurp(err).find("katlas: cannot write the output: No space left on device") != std::string::npos);
      std::filesystem::remove(err);
    }
  }

  TEST_CASE("output cut off part way (a file size limit) is exit 1 with the reason, never a cut-off success") {
    // The first writes succeed and a later one fails (EFBIG), as on a disk that fills up while
    // the output is written: to standard output, and to a file named with --out.
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("katlas-cli-cut-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string limit = "trap '' XFSZ; ulimit -f 8; ";  // 8 blocks: 4 KiB in dash's units
    // Runs `args` under the limit and checks that it fails with `message`.
    const auto cut_off = [&](const std::string& args, const std::string& message) {
      const std::string command =
          "cd '" + dir.string() + "' && " + limit + "'" KATLAS_BINARY "' " + args + " 2>err </dev/null";
      const int status = std::system(command.c_str());
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 1);
      CHECK(slurp((dir / "err").string()).find(message) != std::string::npos);
    };
    for (const std::string args : {"export", "handout understanding-tolerance"}) {
      INFO(args);
      cut_off(args + " >out", "katlas: cannot write the output: File too large");
      CHECK(std::filesystem::file_size(dir / "out") > 0);  // cut off part way, not refused at once
      cut_off(args + " --out file", "katlas: cannot write file: File too large");
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a file named with --out that cannot be written is exit 1 with the reason") {
    const std::filesystem::path missing =
        std::filesystem::temp_directory_path() / ("katlas-cli-missing-" + std::to_string(::getpid()));
    for (const std::string command : {"export", "export --format dot", "handout understanding-tolerance"}) {
      INFO(command);
      const Run full = katlas_run(command + " --out /dev/full");
      CHECK(full.code == 1);
      CHECK(full.err.find("katlas: cannot write /dev/full: No space left on device\n") != std::string::npos);
      const std::string in_missing = (missing / "out.txt").string();
      const Run nowhere = katlas_run(command + " --out '" + in_missing + "'");
      CHECK(nowhere.code == 1);
      CHECK(nowhere.err.find("katlas: cannot write " + in_missing + ": No such file or directory\n") !=
            std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(missing));
  }

  TEST_CASE("a build whose content lost its concepts leaves the previous site as it was, file for file") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("katlas-cli-keep-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy(std::string(KATLAS_FIXTURES) + "/base", dir / "content",
                          std::filesystem::copy_options::recursive);
    const auto files_of = [](const std::filesystem::path& site) {
      std::map<std::string, std::string> files;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(site))
        if (entry.is_regular_file()) files[entry.path().lexically_relative(site).string()] = slurp(entry.path());
      return files;
    };
    const std::string build = "build --no-cache --content content --out site";
    REQUIRE(katlas_run(build, dir.string()).code == 0);
    const std::map<std::string, std::string> before = files_of(dir / "site");
    REQUIRE(before.size() > 11);
    std::filesystem::rename(dir / "content/concepts", dir / "concepts-aside");

    std::ofstream(dir / "content/concepts") << "not a folder\n";
    const Run file = katlas_run(build, dir.string());
    CHECK(file.code == 1);
    CHECK(file.err.find("content/concepts: error: 'concepts' is not a folder") != std::string::npos);
    CHECK(files_of(dir / "site") == before);

    std::filesystem::remove(dir / "content/concepts");
    std::filesystem::create_directory(dir / "content/concepts");
    for (const std::string& command : {build, std::string("check --content content")}) {
      INFO(command);
      const Run empty = katlas_run(command, dir.string());
      CHECK(empty.code == 1);
      CHECK((empty.out + empty.err).find("content/concepts: error: the content has no concept files") !=
            std::string::npos);
      CHECK(files_of(dir / "site") == before);
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a recipe argument that is a FIFO, a device or a folder is an error at once, never a hang or a flood") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("katlas-cli-special-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "folder.yaml");
    REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);
    std::filesystem::create_symlink("/dev/zero", dir / "zero.yaml");
    for (const auto& [file, reason] : {std::pair{"fifo.yaml", "not a regular file (a FIFO)"},
                                       std::pair{"zero.yaml", "not a regular file (a device)"},
                                       std::pair{"folder.yaml", "not a regular file (a folder)"}}) {
      INFO(file);
      const Run run = katlas_run("handout " + std::string(file), dir.string());
      CHECK(run.code == 1);
      CHECK(run.err.find(std::string(file) + ": error: cannot read recipe file: " + reason) != std::string::npos);
      CHECK(run.out.empty());
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("every command refuses a site address that is not http(s), as a usage error") {
    for (const char* args : {"explain 7-OH --format markdown --base-url 'javascript:alert(1)//'",
                             "explain 7-OH --format html --base-url 'data:text/html,x'",
                             "build --out site --base-url 'javascript:alert(1)//'",
                             "handout understanding-tolerance --site-url 'javascript:alert(1)//'"}) {
      INFO(args);
      const Run run = katlas_run(args, std::filesystem::temp_directory_path().string());
      CHECK(run.code == 2);
      CHECK(run.out.find("javascript:") == std::string::npos);
      CHECK(run.err.find("must start with https:// or http://") != std::string::npos);
    }
  }

  TEST_CASE("a content folder that does not load is exit 1 with its errors") {
    const Run run = katlas_run("show cyp3a4 --content ten-mistakes");
    CHECK(run.code == 1);
    CHECK(run.err.find("katlas: 10 error(s) in ten-mistakes") != std::string::npos);
  }

  TEST_CASE("the built-in content works from any directory") {
    const Run run = katlas_run("show cyp3a4 --json", "/");
    REQUIRE(run.code == 0);
    CHECK(nlohmann::json::parse(run.out)["id"] == "cyp3a4");
  }

  TEST_CASE("build keeps a cache in the user's cache folder, and --no-cache keeps none") {
    const ScopedHome scoped("katlas-cli-home", nullptr, nullptr);
    const std::filesystem::path& home = scoped.folder;
    const std::filesystem::path builds = home / ".cache/katlas/builds";

    const Run plain = katlas_run("build --no-cache --content base --out '" + (home / "plain").string() + "'");
    CHECK(plain.code == 0);
    CHECK(plain.out.find("kept") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(builds));

    const std::string build = "build --content base --out '" + (home / "site").string() + "'";
    const Run first = katlas_run(build);
    CHECK(first.code == 0);
    CHECK(first.out.find("kept") == std::string::npos);  // nothing to keep yet
    REQUIRE(std::filesystem::exists(builds));
    const std::filesystem::directory_entry cache = *std::filesystem::directory_iterator(builds);
    CHECK(std::filesystem::exists(cache.path() / "pages.bin"));
    CHECK(std::filesystem::exists(cache.path() / "concepts.bin"));
    const Run again = katlas_run(build);
    CHECK(again.code == 0);
    CHECK(again.out.find("(0 changed, ") != std::string::npos);
    CHECK(again.out.find(" kept from the previous build)") != std::string::npos);
  }

  TEST_CASE("cache --info lists each site's cache: the least recently used go beyond the size limit: --clear empties") {
    const ScopedHome scoped("katlas-cli-cache", "/nonexistent", "xdg");  // XDG_CACHE_HOME comes first
    const std::filesystem::path& home = scoped.folder;
    const std::string site_a = (home / "a").string(), site_b = (home / "b").string();
    const auto info = [] {
      const Run run = katlas_run("cache --info --json");
      REQUIRE(run.code == 0);
      return nlohmann::json::parse(run.out);
    };

    REQUIRE(katlas_run("build --content base --out '" + site_a + "'").code == 0);
    REQUIRE(katlas_run("build --content base --out '" + site_b + "'").code == 0);
    REQUIRE(katlas_run("build --content base --out '" + site_a + "'").code == 0);  // a is now the latest used
    nlohmann::json listed = info();
    CHECK(listed["root"] == (home / "xdg/katlas/builds").string());
    REQUIRE(listed["caches"].size() == 2);
    CHECK(listed["caches"][0]["out"] == site_a);  // most recently used first
    CHECK(listed["caches"][1]["out"] == site_b);
    CHECK(listed["caches"][0]["content"] == std::string(KATLAS_FIXTURES) + "/base");
    const std::uint64_t one = listed["caches"][0]["bytes"], other = listed["caches"][1]["bytes"];
    CHECK(one > 0);
    CHECK(listed["total_bytes"] == one + other);
    ::unsetenv("KATLAS_CACHE_MAX_SIZE");  // the default limit
    const Run text = katlas_run("cache");
    CHECK(text.code == 0);
    CHECK(text.out.find("2 caches") != std::string::npos);
    CHECK(text.out.find(site_b) != std::string::npos);
    // Sizes as a person reads them: a small cache in KiB (not "0.0 MiB"), the default limit in GiB.
    CHECK(text.out.find(" KiB  last used") != std::string::npos);
    CHECK(text.out.find("0.0 MiB") == std::string::npos);
    CHECK(text.out.find("limit 1.0 GiB") != std::string::npos);

    // A limit that holds one cache: pruning keeps a (used last) and removes b.
    const Run pruned = katlas_run("cache --prune --max-size " + std::to_string(std::max(one, other)));
    CHECK(pruned.code == 0);
    CHECK(pruned.out.find("removed 1 build cache") != std::string::npos);
    listed = info();
    REQUIRE(listed["caches"].size() == 1);
    CHECK(listed["caches"][0]["out"] == site_a);

    // A build prunes the others beyond $KATLAS_CACHE_MAX_SIZE, and always keeps its own.
    ::setenv("KATLAS_CACHE_MAX_SIZE", "1K", 1);
    REQUIRE(katlas_run("build --content base --out '" + site_b + "'").code == 0);
    listed = info();
    REQUIRE(listed["caches"].size() == 1);
    CHECK(listed["caches"][0]["out"] == site_b);
    CHECK(listed["limit_bytes"] == 1024);
    ::setenv("KATLAS_CACHE_MAX_SIZE", "lots", 1);
    const Run unclear = katlas_run("cache --info");
    CHECK(unclear.code == 0);
    CHECK(unclear.err.find("KATLAS_CACHE_MAX_SIZE='lots' is not a size such as 500M or 2G") != std::string::npos);
    ::unsetenv("KATLAS_CACHE_MAX_SIZE");
    CHECK(katlas_run("cache --prune --max-size plenty").code == 2);

    const Run cleared = katlas_run("cache --clear");
    CHECK(cleared.code == 0);
    CHECK(cleared.out.find("removed 1 build cache") != std::string::npos);
    CHECK(info()["caches"].empty());
    CHECK(katlas_run("build --content base --out '" + site_b + "'").code == 0);
    CHECK(info()["caches"].size() == 1);  // the next build starts a new one
  }
}
