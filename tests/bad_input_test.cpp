// The bad-input catalogue (tests/bad-input/<case>/): every case loads to exactly the
// diagnostics in its expected.txt, through the library and through the real `katlas check`,
// which must exit 1 (0 for a case of warnings only), print nothing on stderr, never hang and
// never write a file.
//
// A case folder holds
//   content/      files laid over tests/fixtures/base (a file holding only "DELETE" removes one)
//   expected.txt  the diagnostics, one a line, as `katlas check --content content` prints them
//   setup.txt     optional: what is made at test time, one action a line (see apply_setup)
// UPDATE_EXPECTED=1 rewrites every expected.txt from the library's output (review the diff).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path catalogue = fs::path(KATLAS_FIXTURES).parent_path() / "bad-input";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// "\n", "\t", "\\" and "\xNN" in setup arguments, so that any byte can be written.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    if (c == 'n')
      out += '\n';
    else if (c == 't')
      out += '\t';
    else if (c == 's')
      out += ' ';
    else if (c == 'x' && i + 2 < s.size() + 1)
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)), i += 2;
    else
      out += c;
  }
  return out;
}

bool running_as_root() { return geteuid() == 0; }

// Runs one setup action inside `root` (the case's temporary folder):
//   append PATH TEXT          adds TEXT (escapes allowed) to the end of PATH
//   repeat PATH COUNT TEXT    adds TEXT COUNT times (big files are made here, not committed)
//   mkdir PATH                makes a folder
//   symlink TARGET PATH       makes a symbolic link
//   move PATH TO              renames PATH to TO (a folder out of the content, to link to)
//   fifo PATH                 makes a named pipe (reading it would block forever)
//   unreadable PATH           chmod 000 (the test drops root privileges to make this bite)
void apply_setup(const fs::path& root, const std::string& line) {
  std::istringstream in(line);
  std::string action, path;
  in >> action >> path;
  const fs::path at = root / path;
  if (action == "append" || action == "repeat") {
    std::size_t count = 1;
    if (action == "repeat") in >> count;
    std::string text;
    in >> std::ws;
    std::getline(in, text);
    const std::string unit = unescape(text);
    std::ofstream out(at, std::ios::binary | std::ios::app);
    std::string block;
    for (std::size_t i = 0; i < count; ++i) {
      block += unit;
      if (block.size() > (1 << 20)) out << block, block.clear();
    }
    out << block;
  } else if (action == "remove") {
    fs::remove_all(at);
  } else if (action == "mkdir") {
    fs::create_directories(at);
  } else if (action == "symlink") {
    std::string link;
    in >> link;
    fs::create_symlink(path, root / link);
  } else if (action == "move") {
    std::string to;
    in >> to;
    fs::rename(at, root / to);
  } else if (action == "fifo") {
    REQUIRE(mkfifo(at.c_str(), 0644) == 0);
  } else if (action == "unreadable") {
    fs::permissions(at, fs::perms::none);
  } else {
    FAIL("unknown setup action: " << line);
  }
}

struct Case {
  std::string name;
  fs::path dir;  // the temporary folder; the content is dir/content
  bool unreadable = false;
};

// Lays the base fixture, then the case's overlay, into a fresh temporary folder, then runs setup.txt.
Case materialize(const fs::path& source) {
  Case c{source.filename().string(),
         fs::temp_directory_path() / ("katlas-bad-input-" + std::to_string(getpid())) / source.filename()};
  fs::remove_all(c.dir);
  fs::create_directories(c.dir);
  fs::permissions(c.dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
  fs::copy(fs::path(KATLAS_FIXTURES) / "base", c.dir / "content", fs::copy_options::recursive);
  if (fs::exists(source / "content")) {
    for (const auto& entry : fs::recursive_directory_iterator(source / "content")) {
      const fs::path target = c.dir / "content" / fs::relative(entry.path(), source / "content");
      if (entry.is_directory()) {
        fs::create_directories(target);
      } else if (read_file(entry.path()) == "DELETE\n") {
        fs::remove(target);
      } else {
        fs::create_directories(target.parent_path());
        fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
      }
    }
  }
  if (fs::exists(source / "setup.txt")) {
    for (const std::string& line : lines_of(read_file(source / "setup.txt"))) {
      if (line.empty() || line[0] == '#') continue;
      c.unreadable |= line.starts_with("unreadable ");
      apply_setup(c.dir, line);
    }
  }
  return c;
}

// Every path below `dir` with its size and modification time: a run that writes nothing leaves it unchanged.
std::string snapshot(const fs::path& dir) {
  std::string out;
  std::vector<std::string> rows;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    struct stat st {};
    lstat(it->path().c_str(), &st);
    rows.push_back(it->path().string() + " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) +
                   "." + std::to_string(st.st_mtim.tv_nsec));
  }
  std::sort(rows.begin(), rows.end());
  for (const std::string& row : rows) out += row + "\n";
  return out;
}

// Drops root to `nobody` in a child process, so that chmod 000 takes effect; false when not allowed.
bool drop_root() { return setgroups(0, nullptr) == 0 && setgid(65534) == 0 && setuid(65534) == 0; }

struct Run {
  int exit_code = -1;
  int signal = 0;
  bool hung = false;
  std::string out, err;
};

// The real CLI, `katlas check --content content` run inside the case folder, killed after 120 s.
/// This process's environment, for a `katlas` run as `nobody`: without the sanitizers'
/// `suppressions=` options. The sanitizer presets name files in the source tree, which
/// `nobody` cannot read in a clone in root's home, and a sanitizer that cannot read one stops
/// the program; `katlas check` runs none of the code they are for (Graphviz).
std::vector<std::string> environment_for_nobody() {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (entry.starts_with("ASAN_OPTIONS=") || entry.starts_with("LSAN_OPTIONS=") ||
        entry.starts_with("UBSAN_OPTIONS=") || entry.starts_with("TSAN_OPTIONS=")) {
      const std::size_t eq = entry.find('=');
      std::string kept = entry.substr(0, eq + 1);
      std::istringstream options(entry.substr(eq + 1));
      bool first = true;
      for (std::string option; std::getline(options, option, ':');)
        if (!option.starts_with("suppressions=")) kept += (first ? "" : ":") + option, first = false;
      entry = kept;
    }
    env.push_back(std::move(entry));
  }
  return env;
}

Run run_check(const Case& c, bool unprivileged) {
  const fs::path out_file = c.dir.parent_path() / (c.name + ".stdout");
  const fs::path err_file = c.dir.parent_path() / (c.name + ".stderr");
  // Made before fork(): the child only calls what is safe between fork() and exec.
  std::vector<std::string> env = unprivileged ? environment_for_nobody() : std::vector<std::string>{};
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 || chdir(c.dir.c_str()) != 0) _exit(126);
    // Opened while still root: the build folder may be one `nobody` cannot enter (a clone in
    // root's home), and the case folder is reached from the working directory, not by path.
    const char* path = std::getenv("KATLAS_TEST_BINARY");  // tests/private_home.cmake moves it
    const int binary = open(path ? path : KATLAS_BINARY, O_RDONLY | O_CLOEXEC);
    if (binary < 0) _exit(127);
    if (unprivileged && !drop_root()) _exit(125);
    char* const argv[] = {const_cast<char*>("katlas"), const_cast<char*>("check"), const_cast<char*>("--content"),
                          const_cast<char*>("content"), nullptr};
    fexecve(binary, argv, unprivileged ? envp.data() : environ);
    _exit(127);
  }
  Run run;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      run.hung = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  run.out = read_file(out_file);
  run.err = read_file(err_file);
  fs::remove(out_file);
  fs::remove(err_file);
  return run;
}

// The library's diagnostics, formatted, loading on a thread with a 256 KiB stack: deep
// nesting must be stopped before it can overflow a small stack, not only the main thread's 8 MiB.
std::vector<std::string> load_on_small_stack(const Case& c, bool& ok) {
  struct Job {
    const Case* c;
    std::vector<std::string> lines;
    bool ok = false;
  } job{&c, {}, false};
  const auto run = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    const katlas::LoadResult result = katlas::Atlas::load(j->c->dir / "content", {.display_root = "content"});
    j->ok = result.ok();
    for (const katlas::Diagnostic& d : result.diagnostics) j->lines.push_back(format(d));
    return nullptr;
  };
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  REQUIRE(pthread_create(&thread, &attr, run, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  ok = job.ok;
  return job.lines;
}

// The same load in a child process that has given up root, so that unreadable files stay unreadable.
std::vector<std::string> load_unprivileged(const Case& c, bool& ok, bool& dropped) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(pipe_fds[0]);
    if (!drop_root()) _exit(125);
    const katlas::LoadResult result = katlas::Atlas::load(c.dir / "content", {.display_root = "content"});
    std::string text = result.ok() ? "ok\n" : "failed\n";
    for (const katlas::Diagnostic& d : result.diagnostics) text += format(d) + "\n";
    if (write(pipe_fds[1], text.data(), text.size()) != static_cast<ssize_t>(text.size())) _exit(1);
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  dropped = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  std::vector<std::string> lines = lines_of(text);
  ok = !lines.empty() && lines[0] == "ok";
  if (!lines.empty()) lines.erase(lines.begin());
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

std::vector<fs::path> case_folders() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(catalogue))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

void check_case(const fs::path& source) {
  const Case c = materialize(source);
  INFO("case: " << c.name);
  const bool update = std::getenv("UPDATE_EXPECTED") != nullptr;
  const bool privileged_read = c.unreadable && running_as_root();

  bool ok = true, dropped = true;
  const std::vector<std::string> got = privileged_read ? load_unprivileged(c, ok, dropped) : load_on_small_stack(c, ok);
  if (privileged_read && !dropped) {
    MESSAGE("case " << c.name
                    << ": running as root and cannot drop to nobody, so chmod 000 does not stop reads; "
                       "the unreadable-file check is skipped for this case");
    fs::remove_all(c.dir);
    return;
  }
  if (update) {
    std::ofstream(source / "expected.txt", std::ios::binary) << joined(got);
  }
  const std::vector<std::string> expected = lines_of(read_file(source / "expected.txt"));
  const auto errors = std::count_if(expected.begin(), expected.end(),
                                    [](const std::string& l) { return l.find(": error: ") != std::string::npos; });
  // A case of warnings only (a file that is not read) loads, and `check` exits 0 after saying so.
  CHECK(ok == (errors == 0));
  CHECK_FALSE(expected.empty());
  CHECK(joined(got) == joined(expected));

  const std::string before = snapshot(c.dir);
  const Run run = run_check(c, privileged_read);
  CHECK_FALSE(run.hung);
  CHECK(run.signal == 0);
  CHECK(run.exit_code == (errors == 0 ? 0 : 1));
  CHECK_MESSAGE(run.err.empty(), run.err);
  std::vector<std::string> printed = lines_of(run.out);
  REQUIRE_FALSE(printed.empty());
  const std::string summary = printed.back();
  printed.pop_back();
  CHECK(joined(printed) == joined(expected));
  CHECK(summary.starts_with("content: " + std::to_string(errors) + " error(s), "));
  CHECK(snapshot(c.dir) == before);  // `check` writes nothing
  fs::remove_all(c.dir);
}

}  // namespace

TEST_SUITE("bad-input") {
  TEST_CASE("the catalogue holds at least 40 cases, each with an expected.txt") {
    const std::vector<fs::path> cases = case_folders();
    CHECK(cases.size() >= 40);
    for (const fs::path& dir : cases) {
      INFO(dir.filename().string());
      CHECK(fs::is_regular_file(dir / "expected.txt"));
      CHECK((fs::exists(dir / "content") || fs::exists(dir / "setup.txt")));
    }
  }

  TEST_CASE("every bad input gives exactly its expected diagnostics, and katlas check says so without a crash") {
    setenv("KATLAS_THREADS", "1", 1);  // every file is parsed on the 256 KiB test thread
    for (const fs::path& dir : case_folders()) {
      SUBCASE(dir.filename().string().c_str()) { check_case(dir); }
    }
    fs::remove_all(fs::temp_directory_path() / ("katlas-bad-input-" + std::to_string(getpid())));
  }
}
