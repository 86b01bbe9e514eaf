// HTML -> PDF by headless Chromium's print-to-PDF, run as a child process in a throwaway profile.
#include <katlas/handout.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace katlas {
namespace {

namespace fs = std::filesystem;

/// A temporary folder removed with everything in it when the object goes.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "katlas-handout-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string tail_of(const fs::path& log) {
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  if (s.size() > 600) s = "..." + s.substr(s.size() - 600);
  return s;
}

/// This process's environment with HOME and the XDG folders moved into `home`: the browser
/// keeps its crash reports, dconf and caches there, and they go with the temporary folder.
std::vector<std::string> environment_with_home(const fs::path& home) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('='));
    if (name == "HOME" || name.starts_with("XDG_")) continue;
    env.emplace_back(entry);
  }
  env.push_back("HOME=" + home.string());
  env.push_back("XDG_CONFIG_HOME=" + (home / ".config").string());
  env.push_back("XDG_CACHE_HOME=" + (home / ".cache").string());
  env.push_back("XDG_DATA_HOME=" + (home / ".local/share").string());
  env.push_back("XDG_STATE_HOME=" + (home / ".local/state").string());
  env.push_back("XDG_RUNTIME_DIR=" + (home / "runtime").string());
  return env;
}

// Runs the command with stdout and stderr in `log` and `home` as its home; the exit status,
// or -1 when it could not run or hung.
int run(const std::vector<std::string>& args, const fs::path& log, const fs::path& home) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::error_code ec;
  fs::create_directories(home / "runtime", ec);
  fs::permissions(home / "runtime", fs::perms::owner_all, ec);
  const std::vector<std::string> env_strings = environment_with_home(home);
  std::vector<char*> env;
  for (const std::string& e : env_strings) env.push_back(const_cast<char*>(e.c_str()));
  env.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  // A wedged browser must not hang the caller forever.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

Status print_pdf(std::string_view html, const fs::path& out, const PdfOptions& options) {
  if (access(options.chromium.c_str(), X_OK) != 0)
    return Status::failure("chromium not found at " + options.chromium.string() +
                           "; install the Debian package 'chromium', or write HTML with --format html");
  TempFolder temp;
  if (temp.path().empty()) return Status::failure("cannot create a temporary folder for chromium");
  const fs::path page = temp.path() / "handout.html", pdf = temp.path() / "handout.pdf";
  const fs::path log = temp.path() / "chromium.log", profile = temp.path() / "profile";
  std::ofstream(page, std::ios::binary) << html;
  const int status =
      run({options.chromium.string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.string(),
           "--disable-breakpad", "--disable-crash-reporter", "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(),
           "file://" + page.string()},
          log, temp.path() / "home");
  std::error_code ec;
  if (status != 0 || !fs::exists(pdf, ec) || fs::file_size(pdf, ec) == 0)
    return Status::failure("chromium did not print the PDF (exit " + std::to_string(status) + "): " + tail_of(log));
  fs::copy_file(pdf, out, fs::copy_options::overwrite_existing, ec);
  if (ec) return Status::failure("cannot write " + out.string() + ": " + ec.message());
  return {};
}

}  // namespace katlas
