// A `katlas build` killed with SIGKILL at any moment leaves the previous site in place:
// the output folder is replaced only by an atomic swap of a complete staging folder.
// The content (3000 concepts with relations and sources) is written here, at test time.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <map>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr int concept_count = 3000;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string concept_id(int i) { return "concept-" + std::to_string(i); }

// A content folder in our schema: the base fixture's vocabularies and sources, and
// `concept_count` neutral test concepts, each leading to the next and each a kind of an
// earlier one (an acyclic tree), so the site has many pages and many links.
void write_content(const fs::path& root, int count = concept_count) {
  for (const char* name : {"kinds.yaml", "relations.yaml", "sources.yaml"})
    fs::copy_file(fs::path(KATLAS_FIXTURES) / "base" / name, root / name);
  fs::create_directories(root / "concepts" / "condition");
  for (int i = 0; i < count; ++i) {
    std::ofstream out(root / "concepts" / "condition" / (concept_id(i) + ".yaml"));
    out << "id: " << concept_id(i) << "\ntitle: Test concept " << i << "\nkind: condition\n"
        << "summary: Test concept number " << i << " of a generated corpus.\n"
        << "details: Generated test data for the kill test. It links to concept " << (i + 1) % count
        << " and to concept " << i / 2 << ".\n"
        << "evidence: limited\nsources: [singh-2014]\nreviewed: 2026-11-23\nrelations:\n"
        << "  - type: leads-to\n    target: " << concept_id((i + 1) % count) << "\n";
    if (i > 0) out << "  - type: is-a\n    target: " << concept_id(i / 2) << "\n    sources: [kamble-2019]\n";
  }
}

// Every file below `site` (relative path -> bytes).
std::map<std::string, std::string> site_files(const fs::path& site) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(site))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), site).generic_string()] = read_file(entry.path());
  return files;
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// Starts `katlas build` of `content` into `out`: a full build, or (`cached`) one with the
/// build cache in work/cache, which takes unchanged pages from the previous site as hard links.
pid_t start_build(const fs::path& work, bool cached, const char* content = "content", const char* out = "site") {
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0 || chdir(work.c_str()) != 0) _exit(126);
    if (cached)
      execl(KATLAS_BINARY, KATLAS_BINARY, "build", "--content", content, "--out", out, "--cache", "cache",
            static_cast<char*>(nullptr));
    else
      execl(KATLAS_BINARY, KATLAS_BINARY, "build", "--content", content, "--out", out, "--no-cache",
            static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

// A and B in `work`: `count` concepts each, the same but for three titles.
void write_two_contents(const fs::path& work, int count) {
  fs::create_directories(work / "a");
  write_content(work / "a", count);
  fs::copy(work / "a", work / "b", fs::copy_options::recursive);
  for (int i : {1, 50, 300}) {
    const fs::path file = work / "b" / "concepts" / "condition" / (concept_id(i) + ".yaml");
    std::string text = read_file(file);
    text.replace(text.find("title: Test concept"), 19, "title: Changed concept");
    std::ofstream(file, std::ios::binary) << text;
  }
}

// What a kill may leave next to the site: staging folders named after the site.
bool is_staging(const std::string& name) { return name.starts_with(".site.katlas-staging-"); }

}  // namespace

TEST_SUITE("kill") {
  TEST_CASE("two builds into one folder at once take turns: each exits 0 and one whole site is left") {
    setenv("KATLAS_THREADS", "2", 0);
    const fs::path work = fs::temp_directory_path() / ("katlas-race-" + std::to_string(getpid()));
    fs::remove_all(work);
    write_two_contents(work, 400);
    // What each gives alone.
    std::map<std::string, std::map<std::string, std::string>> cold;
    for (const char* content : {"a", "b"}) {
      fs::remove_all(work / "site");
      REQUIRE(wait_for(start_build(work, false, content)) == 0);
      cold[content] = site_files(work / "site");
    }
    REQUIRE(cold["a"] != cold["b"]);
    fs::remove_all(work / "site");
    REQUIRE(wait_for(start_build(work, true, "a")) == 0);

    for (const auto gap : {0ms, 5ms, 20ms, 60ms, 120ms, 250ms}) {
      INFO("B started " << gap.count() << " ms after A");
      const pid_t a = start_build(work, true, "a");
      std::this_thread::sleep_for(gap);
      const pid_t b = start_build(work, true, "b");
      const int status_a = wait_for(a), status_b = wait_for(b);
      CHECK((WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0));
      CHECK((WIFEXITED(status_b) && WEXITSTATUS(status_b) == 0));
      const std::map<std::string, std::string> now = site_files(work / "site");
      CHECK_MESSAGE((now == cold["a"] || now == cold["b"]), "the site matches neither build");
    }
    fs::remove_all(work);
  }

  TEST_CASE("two builds into different folders sharing one cache at once: each exits 0 with its own cold build") {
    setenv("KATLAS_THREADS", "2", 0);
    const fs::path work = fs::temp_directory_path() / ("katlas-shared-cache-" + std::to_string(getpid()));
    fs::remove_all(work);
    write_two_contents(work, 400);
    std::map<std::string, std::map<std::string, std::string>> cold;
    for (const char* content : {"a", "b"}) {
      REQUIRE(wait_for(start_build(work, false, content)) == 0);
      cold[content] = site_files(work / "site");
      fs::remove_all(work / "site");
    }
    REQUIRE(cold["a"] != cold["b"]);

    // Each round builds A into one folder and B into the other, at once, with one cache; the
    // contents change folders every round, so each build finds the other's pages in the cache.
    int round = 0;
    for (const auto gap : {0ms, 5ms, 20ms, 60ms, 120ms, 250ms}) {
      const bool swapped = round++ % 2 == 1;
      const char* into_a = swapped ? "site-2" : "site-1";
      const char* into_b = swapped ? "site-1" : "site-2";
      INFO("round " << round << ": B started " << gap.count() << " ms after A");
      const pid_t a = start_build(work, true, "a", into_a);
      std::this_thread::sleep_for(gap);
      const pid_t b = start_build(work, true, "b", into_b);
      const int status_a = wait_for(a), status_b = wait_for(b);
      CHECK((WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0));
      CHECK((WIFEXITED(status_b) && WEXITSTATUS(status_b) == 0));
      CHECK_MESSAGE(site_files(work / into_a) == cold["a"], "the site of A is not A's cold build");
      CHECK_MESSAGE(site_files(work / into_b) == cold["b"], "the site of B is not B's cold build");
    }
    fs::remove_all(work);
  }

  TEST_CASE("a build killed with SIGKILL at any moment leaves the previous complete site in place") {
    setenv("KATLAS_THREADS", "2", 0);
    const fs::path work = fs::temp_directory_path() / ("katlas-kill-" + std::to_string(getpid()));
    fs::remove_all(work);
    fs::create_directories(work / "content");
    write_content(work / "content");
    const std::map<std::string, std::string> content_before = site_files(work / "content");

    // The previous site: one build run to completion.
    const auto started = std::chrono::steady_clock::now();
    const int first = wait_for(start_build(work, true));
    const auto build_time = std::chrono::steady_clock::now() - started;
    REQUIRE(WIFEXITED(first));
    REQUIRE(WEXITSTATUS(first) == 0);
    const std::map<std::string, std::string> previous = site_files(work / "site");
    REQUIRE(previous.contains(".katlas-site"));
    REQUIRE(previous.contains("index.html"));
    REQUIRE(previous.size() > concept_count);
    MESSAGE("a full build of " << concept_count << " concepts took "
                               << std::chrono::duration_cast<std::chrono::milliseconds>(build_time).count() << " ms");

    const auto check_previous_site = [&](const std::string& when) {
      INFO("killed " << when);
      const std::map<std::string, std::string> now = site_files(work / "site");
      CHECK(now.size() == previous.size());
      CHECK(now == previous);  // the same files, byte for byte (builds are deterministic)
      CHECK(now.contains(".katlas-site"));
      for (const std::string& name : names_in(work))
        CHECK_MESSAGE((name == "content" || name == "site" || name == "cache" || is_staging(name)),
                      "unexpected entry " << name);
      CHECK(site_files(work / "content") == content_before);
    };

    // Kills at fixed moments, from loading to rendering to writing.
    for (const auto delay : {50ms, 300ms, 1000ms, 2000ms}) {
      const pid_t pid = start_build(work, false);
      std::this_thread::sleep_for(delay);
      kill(pid, SIGKILL);
      const int status = wait_for(pid);
      const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
      if (!killed) MESSAGE("the build finished before the kill at " << delay.count() << " ms");
      check_previous_site("after " + std::to_string(delay.count()) + " ms");
    }

    // A kill at the final swap: the staging folder gets its marker just before it is swapped
    // in. Once for a full build, once for a rebuild whose files are all hard links to the site.
    for (const bool cached : {false, true}) {
      const pid_t pid = start_build(work, cached);
      bool seen_marker = false;
      for (int status = 0; waitpid(pid, &status, WNOHANG) == 0;) {
        const fs::path staging = work / (".site.katlas-staging-" + std::to_string(pid));
        if (fs::exists(staging / ".katlas-site")) {
          kill(pid, SIGKILL);
          seen_marker = true;
          break;
        }
      }
      wait_for(pid);
      if (!seen_marker) MESSAGE("the build swapped its site in before the test saw the marker");
      check_previous_site(cached ? "at the final swap of a rebuild" : "at the final swap");
    }

    // The next complete build clears what the killed builds left behind.
    const int last = wait_for(start_build(work, true));
    REQUIRE(WIFEXITED(last));
    CHECK(WEXITSTATUS(last) == 0);
    CHECK(site_files(work / "site") == previous);
    CHECK(names_in(work) == std::vector<std::string>{"cache", "content", "site"});  // no .site.katlas-staging-* left
    fs::remove_all(work);
  }
}
