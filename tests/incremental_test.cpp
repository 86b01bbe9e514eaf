// Incremental rebuilds, on real files: after an edit, a rebuild with the build cache gives the
// very bytes a cold build of the edited content gives, and rewrites only the files that changed.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include "atlas/read_log.hpp"
#include "cache/binary.hpp"
#include "render/html/link_check.hpp"
#include "render/html/page_cache.hpp"

#include <katlas/katlas.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <set>

using namespace katlas;
namespace fs = std::filesystem;

namespace {

using Tree = std::map<std::string, std::string>;

/// A fresh folder for one test, removed when the test ends.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name)
      : dir(fs::temp_directory_path() / ("katlas-incremental-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

Tree read_site(const fs::path& folder) {
  Tree tree;
  for (ContentFile& f : test::read_tree(folder))
    if (f.path != ".katlas-site") tree.emplace(std::move(f.path), std::move(f.text));
  return tree;
}

ino_t inode(const fs::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_ino;
}

/// `katlas build` as the CLI does it: load (through the parse cache), render, commit.
SiteResult build(const fs::path& content, const fs::path& out, const fs::path& cache) {
  LoadOptions load;
  load.cache_dir = cache;
  LoadResult loaded = Atlas::load(content, load);
  REQUIRE_MESSAGE(loaded.ok(), test::formatted(loaded));
  for (const Diagnostic& d : loaded.diagnostics) FAIL_CHECK(format(d));
  DiskSink sink(out);
  SiteOptions options;
  options.cache_dir = cache;
  SiteResult result = render_site(loaded.atlas(), sink, options);
  REQUIRE(result.ok());
  for (const Diagnostic& d : result.diagnostics) FAIL_CHECK(format(d));
  sink.commit();
  return result;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

/// Replaces the first match of `pattern` in a content file; the test fails when there is none.
void edit(const fs::path& file, const std::string& pattern, const std::string& replacement) {
  const std::string before = read_file(file);
  const std::string after =
      std::regex_replace(before, std::regex(pattern), replacement, std::regex_constants::format_first_only);
  REQUIRE_MESSAGE(after != before, file.string() << " has no match for " << pattern);
  write_file(file, after);
}

/// The id of the first source in sources.yaml.
std::string first_source(const fs::path& content) {
  std::smatch m;
  const std::string text = read_file(content / "sources.yaml");
  REQUIRE(std::regex_search(text, m, std::regex("^- id: ([a-z0-9-]+)", std::regex::multiline)));
  return m[1];
}

/// Sets the modification time of every file of the site an hour back, as if it had been
/// written long ago (a file changed less than two seconds before its stamp was taken is read).
void settle(const fs::path& site) {
  const timespec hour_ago{::time(nullptr) - 3600, 0};
  const timespec times[2] = {hour_ago, hour_ago};
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(site))
    if (e.is_regular_file()) REQUIRE(::utimensat(AT_FDCWD, e.path().c_str(), times, 0) == 0);
}

/// Whether the site's files were last checked long after they were written: then a rebuild
/// trusts their stamps and takes them unread (`settled`), or each was written just now and
/// a rebuild reads it back (`fresh`).
enum class Files { fresh, settled };

/// Builds the built-in content cold with a cache, applies `change` to the content, rebuilds
/// with the cache, and checks the rebuild against a cold build of the changed content:
/// same bytes everywhere, `changed` names exactly the files whose bytes differ from the
/// site as it was before the rebuild, and every other file is that site's very file (same inode).
/// With Files::settled, a rebuild with nothing changed takes the stamps of a settled site
/// first, so that the rebuild under test takes unchanged files unread.
template <class Change>
SiteResult check_rebuild(const std::string& name, const Change& change, Files files = Files::fresh) {
  Scratch scratch(name);
  const fs::path content = scratch.dir / "content", site = scratch.dir / "site", cache = scratch.dir / "cache";
  fs::copy(KATLAS_CONTENT, content, fs::copy_options::recursive);
  const SiteResult first = build(content, site, cache);
  CHECK(first.changed == first.files);
  CHECK(first.pages_reused == 0);
  CHECK(first.files_unread == 0);
  if (files == Files::settled) {
    settle(site);
    const SiteResult stamped = build(content, site, cache);  // reads every file, finds it unchanged
    CHECK(stamped.changed.empty());
    CHECK(stamped.files_unread == 0);
  }

  change(content);
  const Tree before = read_site(site);
  std::map<std::string, ino_t> inodes;
  for (const auto& [path, bytes] : before) inodes[path] = inode(site / path);
  const SiteResult again = build(content, site, cache);
  const Tree incremental = read_site(site);
  build(content, scratch.dir / "cold", {});
  const Tree cold = read_site(scratch.dir / "cold");

  CHECK(incremental.size() == cold.size());
  for (const auto& [path, bytes] : cold) {
    const auto it = incremental.find(path);
    CHECK_MESSAGE(it != incremental.end(), path << " is missing from the incremental build");
    if (it != incremental.end()) CHECK_MESSAGE(it->second == bytes, path << " differs from the cold build");
  }
  const std::set<std::string> changed(again.changed.begin(), again.changed.end());
  for (const auto& [path, bytes] : incremental) {
    const auto old = before.find(path);
    const bool differs = old == before.end() || old->second != bytes;
    CHECK_MESSAGE(changed.contains(path) == differs,
                  path << (differs ? " changed but is not listed" : " is listed but did not change"));
    if (!differs) CHECK_MESSAGE(inode(site / path) == inodes.at(path), path << " was written again");
  }
  return again;
}

}  // namespace

TEST_CASE("a rebuild with nothing changed renders no page and rewrites no file") {
  const SiteResult again = check_rebuild("unchanged", [](const fs::path&) {});
  CHECK(again.changed.empty());
  // Every file: the concept pages, and the index pages, assets, search index and sitemap.
  CHECK(again.pages_reused == again.files.size());
  CHECK(again.files.size() > Atlas::builtin().content().concepts.size());
}

TEST_CASE("a rebuild with nothing changed reads no file of a settled site: each stamp is the one recorded") {
  const SiteResult again = check_rebuild(
      "unchanged-settled", [](const fs::path&) {}, Files::settled);
  CHECK(again.changed.empty());
  CHECK(again.pages_reused == again.files.size());
  CHECK(again.files_unread == again.files.size());
}

namespace {

/// Every kind of edit, each a subcase, with the previous site's files `files`.
void check_edits(const Files files) {
  const auto check_rebuild = [files](const std::string& name, const auto& change) {
    return ::check_rebuild(name, change, files);
  };
  SUBCASE("the details of one concept") {
    const SiteResult again = check_rebuild("details", [](const fs::path& content) {
      edit(content / "concepts/enzyme/cyp3a4.yaml", "details: >\n",
           "details: >\n  An opening sentence added by a test.\n\n");
    });
    // Settled, the pages this edit leaves alone are not even read.
    if (files == Files::settled) CHECK(again.files_unread == again.pages_reused);
    CHECK(std::find(again.changed.begin(), again.changed.end(), "concepts/cyp3a4.html") != again.changed.end());
    // The page and the pages around it are rendered again; most of the site is not.
    CHECK(again.pages_reused > Atlas::builtin().content().concepts.size() / 2);
    // The search index holds the words of the details: it is made again (see the test "an
    // edit to a concept's details makes the search index again..." for what else is).
    CHECK(std::find(again.changed.begin(), again.changed.end(), "assets/search-index.js") != again.changed.end());
    CHECK(again.changed.size() < again.files.size() / 10);
  }
  SUBCASE("a title, which other pages show") {
    check_rebuild("title", [](const fs::path& content) {
      edit(content / "concepts/enzyme/cyp3a4.yaml", "\ntitle: (.*)\n", "\ntitle: $1 enzyme\n");
    });
  }
  SUBCASE("a summary, which other pages show as a term hint") {
    check_rebuild("summary", [](const fs::path& content) {
      edit(content / "concepts/enzyme/cyp3a4.yaml", "summary: >\n",
           "summary: >\n  A first sentence added by a test.\n");
    });
  }
  SUBCASE("a relation's note, which the target's page shows too") {
    check_rebuild("cycle", [](const fs::path& content) {
      edit(content / "concepts/condition/physical-dependence.yaml", "\n    note: ", "\n    note: Edited by a test. ");
    });
  }
  SUBCASE("the timing of a withdrawal phase, which every phase's timeline shows") {
    check_rebuild("timing", [](const fs::path& content) {
      edit(content / "concepts/phase/withdrawal-peak.yaml", "\ntiming:\n  start-hours: \\[[0-9]+",
           "\ntiming:\n  start-hours: [13");
    });
  }
  SUBCASE("a source's title") {
    check_rebuild("source", [](const fs::path& content) {
      edit(content / "sources.yaml", "\n  title: \"", "\n  title: \"Edited by a test, ");
    });
  }
  SUBCASE("a source's type, which decides where the sources page lists it") {
    check_rebuild("source-type", [](const fs::path& content) {
      edit(content / "sources.yaml", "\n  type: peer-reviewed\n", "\n  type: grey\n");
    });
  }
  SUBCASE("a kind's help box, which every page of that kind shows") {
    check_rebuild("help-box", [](const fs::path& content) {
      edit(content / "kinds.yaml", "\n  help-box: true\n", "\n  help-box: false\n");
    });
  }
  SUBCASE("the relation type that links to help, which the help box and help links follow") {
    check_rebuild("help-link", [](const fs::path& content) {
      edit(content / "relations.yaml", "\n  help-link: true\n", "\n  help-link: false\n");
    });
  }
  SUBCASE("a new concept") {
    check_rebuild("new", [](const fs::path& content) {
      write_file(content / "concepts/enzyme/test-enzyme.yaml",
                 "id: test-enzyme\ntitle: Test enzyme\nkind: enzyme\nsummary: A made-up enzyme for a test.\n"
                 "details: It exists only in this test.\nevidence: anecdotal\nsources: [" +
                     first_source(content) + "]\nreviewed: 2026-11-23\n");
    });
  }
}

}  // namespace

TEST_CASE("after an edit, the incremental site is the cold build's site and only changed files are rewritten") {
  check_edits(Files::fresh);  // every previous file read back and hashed (written just now)
}

TEST_CASE("after an edit to a settled site, unchanged files are taken unread and the site is the cold build's") {
  check_edits(Files::settled);  // every previous file trusted by its stamp
}

TEST_CASE("no file but a concept page and the search index shows a concept's details, or where a field is written") {
  // The index pages, the assets and the sitemap are taken from the previous build when
  // PageInputs::listed() is unchanged, and that leaves the details and the positions out. This
  // test keeps it honest: a page that starts to show either one fails here.
  Scratch scratch("details-shown");
  const fs::path content = scratch.dir / "content";
  fs::copy(KATLAS_CONTENT, content, fs::copy_options::recursive);
  build(content, scratch.dir / "before", {});
  std::size_t edited = 0;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(content / "concepts")) {
    if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
    // A new first paragraph: every field after the details moves down two lines.
    edit(e.path(), "\ndetails: >\n", "\ndetails: >\n  A first paragraph written by a test.\n\n");
    ++edited;
  }
  REQUIRE(edited == Atlas::builtin().content().concepts.size());
  build(content, scratch.dir / "after", {});
  const Tree before = read_site(scratch.dir / "before"), after = read_site(scratch.dir / "after");
  REQUIRE(before.size() == after.size());
  std::size_t compared = 0;
  for (const auto& [path, bytes] : before) {
    const auto it = after.find(path);
    REQUIRE_MESSAGE(it != after.end(), path);
    const bool holds_details = path.starts_with("concepts/") || path == "assets/search-index.js";
    if (holds_details) {
      CHECK_MESSAGE(it->second != bytes, path << " does not show the edited details");
    } else {
      CHECK_MESSAGE(it->second == bytes, path << " shows a concept's details or positions");
      ++compared;
    }
  }
  CHECK(compared > 10);  // the index pages, the assets and the sitemap
  CHECK(after.at("concepts/cyp3a4.html").find("A first paragraph written by a test.") != std::string::npos);
}

TEST_CASE(
    "an edit to a concept's details makes the search index again and the pages that read that concept, nothing else") {
  Scratch scratch("details-made");
  const fs::path content = scratch.dir / "content", site = scratch.dir / "site", cache = scratch.dir / "cache";
  fs::copy(KATLAS_CONTENT, content, fs::copy_options::recursive);
  const SiteResult first = build(content, site, cache);
  // The concept pages that read cyp3a4, by the page cache's record of the first build.
  std::size_t readers = 0;
  {
    const detail::html::PageCache recorded(cache);
    for (const std::string& path : first.files) {
      const detail::html::PageCache::Entry* entry = recorded.find(path);
      REQUIRE_MESSAGE(entry, path << " is not in the page cache");
      if (entry->reads.all || entry->reads.concepts.contains("cyp3a4")) ++readers;
      if (!path.starts_with("concepts/")) CHECK_MESSAGE(entry->reads.concepts.size() == 0, path);
    }
  }
  REQUIRE(readers > 1);  // the page itself and its neighbours
  CHECK(readers < 100);
  edit(content / "concepts/enzyme/cyp3a4.yaml", "details: >\n",
       "details: >\n  An opening sentence added by a test.\n\n");
  const SiteResult again = build(content, site, cache);
  CHECK(again.files.size() == first.files.size());
  // Made again: those pages and the search index. Taken: every index page, asset and the sitemap.
  CHECK(again.files.size() - again.pages_reused == readers + 1);
  CHECK(std::find(again.changed.begin(), again.changed.end(), "assets/search-index.js") != again.changed.end());
}

TEST_CASE("what a page reads is recorded as it renders, so a new read needs no list to be kept") {
  // A renderer that starts to show one more field of a concept it is not linked with: no page
  // reads cyp3a4's details but its own, so any list of "what pages show" would miss this one.
  std::vector<ContentFile> files = Atlas::builtin_files();
  const LoadResult before = Atlas::load_files(files);
  REQUIRE(before.ok());
  const auto new_renderer = [](const Atlas& atlas) {
    detail::ReadLog log;
    const detail::ReadScope scope(log);
    const Concept* other = atlas.find("CYP3A4");
    REQUIRE(other);
    CHECK(!other->details.empty());
    return detail::html::PageReads::of(log);
  };
  const detail::html::PageReads reads = new_renderer(before.atlas());
  CHECK(reads.concepts == detail::html::IdSet(std::vector<std::string>{"cyp3a4"}));
  CHECK(reads.names);  // found by name: a concept that takes that name later would change the answer
  CHECK_FALSE(reads.all);

  for (ContentFile& f : files)
    if (f.path.ends_with("/cyp3a4.yaml"))
      f.text = std::regex_replace(f.text, std::regex("details: >\n"), "details: >\n  Edited.\n");
  const LoadResult after = Atlas::load_files(files);
  REQUIRE(after.ok());
  REQUIRE(after.atlas().find("cyp3a4")->details != before.atlas().find("cyp3a4")->details);
  const SiteOptions options;
  CHECK_FALSE(detail::html::PageInputs(before.atlas(), options).of(reads) ==
              detail::html::PageInputs(after.atlas(), options).of(reads));
  // What was not read does not count: a page that read only naloxone stays as it was.
  detail::ReadLog other;
  other.concepts.push_back(before.atlas().find("naloxone"));
  const detail::html::PageReads unrelated = detail::html::PageReads::of(other);
  CHECK(detail::html::PageInputs(before.atlas(), options).of(unrelated) ==
        detail::html::PageInputs(after.atlas(), options).of(unrelated));
}

TEST_CASE("a concept a page did not read cannot change that page") {
  // The recorded reads are complete: edit the summary and details of concepts one at a time,
  // and every page whose reads leave that concept out comes out of a cold build byte for byte
  // as it was. Summaries are what other pages show most (tooltips, term hints, the help box).
  Scratch scratch("reads");
  const fs::path content = scratch.dir / "content", cache = scratch.dir / "cache";
  fs::copy(KATLAS_CONTENT, content, fs::copy_options::recursive);
  build(content, scratch.dir / "site", cache);
  const Tree first = read_site(scratch.dir / "site");
  const detail::html::PageCache recorded(cache);
  std::size_t compared = 0;
  for (const std::string id : {"cyp3a4", "tolerance", "withdrawal-peak", "when-to-get-help", "mitragynine"}) {
    CAPTURE(id);
    fs::path file;
    for (const auto& entry : fs::recursive_directory_iterator(content / "concepts"))
      if (entry.path().filename() == id + ".yaml") file = entry.path();
    REQUIRE_MESSAGE(!file.empty(), "no file for " << id);
    const std::string original = read_file(file);
    edit(file, "summary: >\n", "summary: >\n  Edited by a test.\n");
    edit(file, "details: >\n", "details: >\n  Edited by a test.\n\n");
    const fs::path cold = scratch.dir / ("cold-" + id);
    build(content, cold, {});
    const Tree edited = read_site(cold);
    bool changed_some = false;
    for (const Concept& c : Atlas::builtin().content().concepts) {
      const std::string path = "concepts/" + c.id + ".html";
      const detail::html::PageCache::Entry* entry = recorded.find(path);
      REQUIRE(entry);
      bool read = false;
      entry->reads.concepts.each([&](std::string_view r) { read = read || r == id; });
      const bool depends = entry->reads.all || read;
      if (!depends) {
        CHECK_MESSAGE(edited.at(path) == first.at(path), path << " changed but never read " << id);
        ++compared;
      }
      changed_some = changed_some || edited.at(path) != first.at(path);
    }
    CHECK(changed_some);
    write_file(file, original);
  }
  CHECK(compared > 2 * Atlas::builtin().content().concepts.size());  // most pages read a few concepts
}

TEST_CASE("a damaged or foreign cache costs a render, never a wrong page") {
  const auto damage = [](const std::string& name, const auto& how) {
    const SiteResult again = check_rebuild(name, [&](const fs::path& content) {
      for (const char* file : {"pages.bin", "concepts.bin", "words.bin"}) {
        const fs::path path = content.parent_path() / "cache" / file;
        REQUIRE(fs::exists(path));
        std::string bytes = read_file(path);
        how(bytes);
        write_file(path, bytes);
      }
      edit(content / "concepts/enzyme/cyp3a4.yaml", "details: >\n",
           "details: >\n  An opening sentence added by a test.\n\n");
    });
    CHECK(again.pages_reused == 0);
  };
  damage("flipped", [](std::string& bytes) { bytes[bytes.size() / 2] ^= 0x20; });
  damage("cut", [](std::string& bytes) { bytes.resize(bytes.size() - 9); });
  // Written by other code: the header's build id ("katlas-cache <kind> <id>") differs.
  damage("foreign", [](std::string& bytes) { bytes.replace(bytes.find(' ', 13) + 1, 4, "gggg"); });
}

TEST_CASE("a temporary cache file that a killed build left is removed by the next build") {
  Scratch scratch("stale");
  const fs::path cache = scratch.dir / "cache";
  build(KATLAS_CONTENT, scratch.dir / "site", cache);
  const fs::path stale = cache / "pages.bin.tmp-999999999";  // above any pid Linux hands out
  write_file(stale, "left by a killed build");
  build(KATLAS_CONTENT, scratch.dir / "site", cache);
  CHECK(fs::exists(cache / "pages.bin"));
  CHECK_FALSE(fs::exists(stale));
}

namespace {

/// `katlas build` with the cache in `cache`, allowing warnings: true when it built the site
/// and committed it. The warnings go to `warnings`.
bool build_allowing_warnings(const fs::path& content, const fs::path& out, const fs::path& cache,
                             std::vector<std::string>& warnings) {
  LoadOptions load;
  load.cache_dir = cache;
  LoadResult loaded = Atlas::load(content, load);
  for (const Diagnostic& d : loaded.diagnostics) warnings.push_back(format(d));
  if (!loaded.ok()) return false;
  DiskSink sink(out);
  SiteOptions options;
  options.cache_dir = cache;
  const SiteResult result = render_site(loaded.atlas(), sink, options);
  for (const Diagnostic& d : result.diagnostics) warnings.push_back(format(d));
  if (!result.ok()) return false;
  sink.commit();
  return true;
}

}  // namespace

TEST_CASE("a cache's temporary file is never written through a link planted at its name") {
  Scratch scratch("planted");
  const fs::path cache = scratch.dir / "cache";
  fs::create_directories(cache);
  // A fresh `katlas build`, held until the links are planted: its pid is known, and its saves
  // count from 0. Each save tries `<file>.tmp-<pid>-<n>` with the next n of the process, and the
  // n after it while a name is taken, so links at n = 0 to 39 for every file are the first name
  // every save tries (concepts.bin's at 0, words.bin's at 1 and pages.bin's at 2 without O_EXCL;
  // at 41 and 42 with it, past the 40 names concepts.bin skipped). Each file's links point at a
  // victim of their own.
  int go[2];
  REQUIRE(::pipe(go) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(go[1]);
    char ready = 0;
    const int null = ::open("/dev/null", O_WRONLY);
    if (::read(go[0], &ready, 1) != 1 || null < 0 || ::dup2(null, 1) < 0 || ::dup2(null, 2) < 0) ::_exit(126);
    ::execl(KATLAS_BINARY, KATLAS_BINARY, "build", "--content", KATLAS_CONTENT, "--out", (scratch.dir / "site").c_str(),
            "--cache", cache.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(go[0]);
  const std::string process = std::to_string(pid);
  for (const char* file : {"pages.bin", "concepts.bin", "words.bin"}) {
    const fs::path victim = scratch.dir / (std::string(file) + ".victim");
    write_file(victim, "the victim's bytes");
    fs::create_symlink(victim, cache / (std::string(file) + ".tmp-" + process));  // the name older builds used
    for (int n = 0; n < 40; ++n)
      fs::create_symlink(victim, cache / (std::string(file) + ".tmp-" + process + "-" + std::to_string(n)));
  }
  REQUIRE(::write(go[1], "g", 1) == 1);
  ::close(go[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  for (const char* file : {"pages.bin", "concepts.bin", "words.bin"}) {
    INFO(std::string(file));
    CHECK(read_file(scratch.dir / (std::string(file) + ".victim")) == "the victim's bytes");
    CHECK(fs::is_regular_file(fs::symlink_status(cache / file)));
  }
}

TEST_CASE("a cache file that is a link to /dev/zero, a FIFO or a folder costs a render, never a hang or a failure") {
  for (const char* file : {"pages.bin", "concepts.bin", "words.bin"})
    for (const char* what : {"link to /dev/zero", "FIFO", "folder"}) {
      INFO(file << " as a " << what);
      Scratch scratch("special");
      const fs::path cache = scratch.dir / "cache";
      fs::create_directories(cache);
      if (std::string_view(what) == "FIFO")
        REQUIRE(::mkfifo((cache / file).c_str(), 0600) == 0);
      else if (std::string_view(what) == "folder")
        fs::create_directories(cache / file / "inside");
      else
        fs::create_symlink("/dev/zero", cache / file);
      std::vector<std::string> warnings;
      CHECK(build_allowing_warnings(KATLAS_CONTENT, scratch.dir / "site", cache, warnings));
      CHECK(read_site(scratch.dir / "site").size() > Atlas::builtin().content().concepts.size());
      // A folder in its place cannot be replaced: a warning says so, and the site is built all the same.
      for (const std::string& w : warnings)
        CHECK_MESSAGE(w.find("cannot write the build cache") != std::string::npos, w);
    }
}

TEST_CASE("a page changed in place within the tick of its writing, size and time stamp kept, is read again") {
  // The pages were written just now: a change in the same tick of the file system's clock can
  // leave the stamp as it was, so a stamp that recent is never trusted.
  check_rebuild("same-stamp", [](const fs::path& content) {
    const fs::path page = content.parent_path() / "site/concepts/cyp3a4.html";
    struct stat before {};
    REQUIRE(::stat(page.c_str(), &before) == 0);
    std::string bytes = read_file(page);
    const std::size_t at = bytes.find("<title>");
    REQUIRE(at != std::string::npos);
    bytes[at + 1] = 'T';  // same size, same inode: written through the file
    std::fstream(page, std::ios::in | std::ios::out | std::ios::binary) << bytes;
    const timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, page.c_str(), times, 0) == 0);
    struct stat after {};
    REQUIRE(::stat(page.c_str(), &after) == 0);
    REQUIRE(after.st_ino == before.st_ino);
    REQUIRE(after.st_size == before.st_size);
  });
}

TEST_CASE("a page edited by hand in a settled site is rendered again: the edit changes its stamp") {
  check_rebuild(
      "by-hand-settled",
      [](const fs::path& content) {
        const fs::path page = content.parent_path() / "site/concepts/cyp3a4.html";
        std::string bytes = read_file(page);
        bytes[bytes.find("<title>") + 1] = 'T';  // same size, in place: only the time stamp tells
        std::fstream(page, std::ios::in | std::ios::out | std::ios::binary) << bytes;
      },
      Files::settled);
}

TEST_CASE("a page edited by hand in the site is rendered again") {
  check_rebuild("by-hand", [](const fs::path& content) {
    const fs::path page = content.parent_path() / "site/concepts/cyp3a4.html";
    std::string bytes = read_file(page);
    fs::remove(page);  // the site's file is the cache's; replace it rather than write through it
    write_file(page, bytes + "<!-- edited by hand -->\n");
  });
}

TEST_CASE("an index file edited by hand in the site is made again, and only that file") {
  const SiteResult again = check_rebuild("index-by-hand", [](const fs::path& content) {
    const fs::path index = content.parent_path() / "site/assets/search-index.js";
    std::string bytes = read_file(index);
    fs::remove(index);
    write_file(index, bytes + "// edited by hand\n");
  });
  CHECK(again.pages_reused == again.files.size() - 1);
  CHECK(again.changed == std::vector<std::string>{"assets/search-index.js"});
}

namespace {

/// The words of a site's search index, as SearchIndexData::words holds them.
std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, float>>>> site_words(const fs::path& site) {
  const std::string index = read_file(site / "assets/search-index.js");
  const std::string_view start = "window.KATLAS_SEARCH = ";
  const std::size_t at = index.find(start) + start.size();
  const auto data = nlohmann::json::parse(index.substr(at, index.rfind(';') - at), nullptr, false);
  REQUIRE_FALSE(data.is_discarded());
  std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, float>>>> words;
  for (const auto& [word, postings] : data.at("words").items()) {
    auto& list = words.emplace_back(word, std::vector<std::pair<std::uint32_t, float>>()).second;
    for (std::size_t i = 0; i + 1 < postings.size(); i += 2)
      list.emplace_back(postings[i].get<std::uint32_t>(), postings[i + 1].get<float>());
  }
  return words;
}

}  // namespace

TEST_CASE(
    "the search index's words kept in the cache are each concept's words, and rebuild the index search ranks with") {
  Scratch scratch("words");
  const fs::path content = scratch.dir / "content", site = scratch.dir / "site", cache = scratch.dir / "cache";
  fs::copy(KATLAS_CONTENT, content, fs::copy_options::recursive);
  build(content, site, cache);
  const Atlas& builtin = Atlas::builtin();
  CHECK(site_words(site) == builtin.search_index().words);
  {
    // What the cache keeps of each concept is that concept's words, found by its key.
    const detail::html::WordsCache words(cache);
    for (const Concept& c : builtin.content().concepts) {
      CAPTURE(c.id);
      const detail::html::WordsCache::Numbered* kept = words.find(detail::html::WordsCache::key(c));
      REQUIRE(kept != nullptr);
      detail::TermWeights named;
      for (const auto& [number, weight] : *kept) named.emplace_back(words.words().at(number), weight);
      CHECK(named == detail::concept_terms(c));
    }
  }
  // After an edit, the index mixes the words kept with the edited concept's new ones: it must
  // still be the index Atlas::search() ranks with.
  edit(content / "concepts/enzyme/cyp3a4.yaml", "details: >\n", "details: >\n  Grapefruit zanthoxylum words.\n\n");
  build(content, site, cache);
  const LoadResult edited = Atlas::load(content);
  REQUIRE(edited.ok());
  const auto words = site_words(site);
  CHECK(words == edited.atlas().search_index().words);
  CHECK(std::find_if(words.begin(), words.end(), [](const auto& w) { return w.first == "zanthoxylum"; }) !=
        words.end());
}

TEST_CASE("the parse cache gives what parsing gives, and never hides a problem") {
  Scratch scratch("parse");
  const fs::path content = scratch.dir / "content", cache = scratch.dir / "cache";
  fs::copy(KATLAS_CONTENT, content, fs::copy_options::recursive);
  LoadOptions options;
  options.cache_dir = cache;
  options.display_root = "content";
  // Whole loaded values, positions included (they end up in diagnostics): the concepts come
  // from the cache, everything else is parsed, and all of it must equal a load without a cache.
  const LoadResult parsed = Atlas::load(content, {.display_root = "content"});
  REQUIRE(parsed.ok());
  const LoadResult filling = Atlas::load(content, options);
  REQUIRE(filling.ok());
  CHECK(filling.atlas().content() == parsed.atlas().content());
  CHECK(fs::file_size(cache / "concepts.bin") > 10'000);
  const LoadResult cached = Atlas::load(content, options);
  REQUIRE(cached.ok());
  CHECK(cached.atlas().content().concepts == parsed.atlas().content().concepts);
  CHECK(cached.atlas().content() == parsed.atlas().content());
  CHECK(cached.diagnostics == parsed.diagnostics);

  // A broken file is parsed (and reported) on every load: only clean files are kept.
  edit(content / "concepts/enzyme/cyp3a4.yaml", "\nevidence: [a-z]+\n", "\nevidence: strong\n");
  const LoadResult broken = Atlas::load(content, options);
  CHECK_FALSE(broken.ok());
  const std::string first = test::formatted(broken);
  CHECK(first.find("cyp3a4.yaml") != std::string::npos);
  CHECK(test::formatted(Atlas::load(content, options)) == first);
}

TEST_CASE("a cache written in pieces is the bytes of one written whole, and saves and loads as one file") {
  namespace cache = detail::cache;
  cache::Writer pieces(cache::piece_bytes), whole;
  for (std::size_t i = 0; i < 40'000; ++i)
    for (cache::Writer* out : {&pieces, &whole}) {
      out->u64(i);
      out->text(std::string(i % 97, static_cast<char>('a' + i % 26)));
      if (i % 10'000 == 0) out->text(std::string(cache::piece_bytes + 3, 'x'));  // longer than a piece
    }
  const std::vector<std::string_view> parts = pieces.pieces();
  REQUIRE(parts.size() > 2);
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i + 1 < parts.size()) CHECK(parts[i].size() >= cache::piece_bytes);
    joined += parts[i];
  }
  CHECK(joined == whole.bytes());
  Scratch scratch("pieces");
  const fs::path file = scratch.dir / "pieces.bin";
  REQUIRE(cache::save_file(file, "pieces", parts).ok());
  CHECK(cache::load_file(file, "pieces") == whole.bytes());
  CHECK(pieces.bytes() == whole.bytes());
  CHECK(pieces.pieces() == std::vector<std::string_view>{whole.bytes()});
}

TEST_CASE("pages kept unread keep the link check whole: links into pages that changed are checked again") {
  using detail::html::LinkChecker;
  const std::set<std::string, std::less<>> files{"a.html", "b.html", "c.html"};
  const std::map<std::string, std::string, std::less<>> previous{{"a.html", "<p id=\"x\">"},
                                                                 {"b.html", "<p id=\"y\">"}};
  std::vector<std::string> read;
  LinkChecker checker([&](std::string_view path) { return files.find(path) != files.end(); },
                      [&](std::string_view path) -> std::optional<std::string> {
                        read.emplace_back(path);
                        const auto it = previous.find(path);
                        return it == previous.end() ? std::nullopt : std::optional(it->second);
                      });
  const auto messages = [&checker] {
    std::vector<std::string> out;
    for (const Diagnostic& d : checker.finish()) out.push_back(d.loc.file + ": " + d.message);
    return out;
  };
  SUBCASE("a link between two unchanged pages was checked by the build that wrote both") {
    checker.add_unchanged("a.html", {"b.html#y"});
    checker.add_unchanged("b.html", {"a.html#x"});
    CHECK(messages().empty());
    CHECK(read.empty());
  }
  SUBCASE("a link from an unchanged page into a changed one is checked against the new page's ids") {
    checker.add_unchanged("a.html", {"b.html#y", "c.html#z"});
    checker.add("b.html", checker.scan("b.html", "<p id=\"renamed\">"));
    checker.add("c.html", checker.scan("c.html", "<p id=\"z\">"));
    CHECK(messages() == std::vector<std::string>{"a.html: broken link 'b.html#y': no element with id 'y' in b.html"});
    CHECK(read.empty());
  }
  SUBCASE("a link from a changed page into an unchanged one reads that page's ids from the previous site") {
    checker.add_unchanged("a.html", {});
    checker.add_unchanged("b.html", {});
    checker.add("c.html", checker.scan("c.html", "<a href=\"a.html#x\"></a><a href=\"b.html#gone\"></a>"));
    CHECK(messages() ==
          std::vector<std::string>{"c.html: broken link 'b.html#gone': no element with id 'gone' in b.html"});
    CHECK(read == std::vector<std::string>{"a.html", "b.html"});
  }
  SUBCASE("what the page cache keeps of a scan is the links add_unchanged() takes") {
    const LinkChecker::PageLinks links =
        checker.scan("c.html", "<p id=\"me\"><a href=\"#me\"></a><a href=\"a.html\"></a><a href=\"a.html#x\"></a>");
    const std::optional<std::vector<std::string>> kept = detail::html::decode_links(detail::html::encode_links(links));
    CHECK(kept == std::vector<std::string>{"a.html#x"});
    CHECK_FALSE(detail::html::decode_links("\x01"));
  }
}

TEST_CASE("a file taken unread that the sink cannot keep is written with the previous site's bytes") {
  // A staged sink in memory whose files were all written an hour ago, and that can keep none.
  struct Sink final : OutputSink {
    Tree before, written;
    // One time for every file of both builds: a time taken per call would change between the
    // build that wrote a file and the build that looks at it again, and the stamps would differ.
    static FileStamp stamp_for(std::string_view path, std::size_t size) {
      static const std::int64_t hour_ago_ns =
          std::chrono::duration_cast<std::chrono::seconds>(
              (std::chrono::system_clock::now() - std::chrono::hours(1)).time_since_epoch())
              .count() *
          1'000'000'000;
      return {1, std::hash<std::string_view>{}(path), size, hour_ago_ns};
    }
    void write(std::string_view path, std::string_view bytes) override {
      written.insert_or_assign(std::string(path), std::string(bytes));
    }
    bool staged() const override { return true; }
    std::optional<std::string> previous(std::string_view path) const override {
      const auto it = before.find(std::string(path));
      return it == before.end() ? std::nullopt : std::optional(it->second);
    }
    bool keep(std::string_view) override { return false; }
    std::optional<FileStamp> previous_stamp(std::string_view path) const override {
      const auto it = before.find(std::string(path));
      return it == before.end() ? std::nullopt : std::optional(stamp_for(path, it->second.size()));
    }
    std::optional<FileStamp> stamp(std::string_view path) const override {
      return stamp_for(path, written.at(std::string(path)).size());
    }
  };
  Scratch scratch("unkept");
  SiteOptions options;
  options.cache_dir = scratch.dir / "cache";
  Sink first;
  REQUIRE(render_site(Atlas::builtin(), first, options).ok());
  Sink second;
  second.before = first.written;
  const SiteResult again = render_site(Atlas::builtin(), second, options);
  REQUIRE(again.ok());
  CHECK(again.files_unread == again.files.size());
  CHECK(second.written == first.written);
}
