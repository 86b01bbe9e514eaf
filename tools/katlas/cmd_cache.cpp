// katlas cache: where the build caches are, how big they are, and pruning them.
//
// Each site built without --cache keeps its cache in a folder of its own under
// `$XDG_CACHE_HOME/katlas/builds` (else `~/.cache/katlas/builds`), named by a hash of its
// content and output folders. Next to the cache files, `about.txt` says which site it serves;
// its time stamp is the folder's last use. After each build the least recently used folders
// beyond the size limit are removed; the one the build just used is always kept.
#include "cli.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace katlas::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t default_limit = std::uintmax_t{1} << 30;  // 1 GiB
constexpr std::string_view limit_variable = "KATLAS_CACHE_MAX_SIZE";

/// One build cache folder: what it holds and when a build last used it.
struct CacheFolder {
  fs::path path;
  std::uintmax_t bytes = 0;
  fs::file_time_type used{};
  std::string content, out;  // from about.txt; empty when it is missing
};

/// Folders named as cache_dir_for() names them: 16 hexadecimal digits. Nothing else under
/// the root is counted or removed.
bool is_cache_name(const std::string& name) {
  return name.size() == 16 &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

CacheFolder describe(const fs::path& folder) {
  CacheFolder cache;
  cache.path = folder;
  std::error_code ec;
  cache.used = fs::last_write_time(folder, ec);
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const std::uintmax_t size = it->file_size(size_ec);
      if (!size_ec) cache.bytes += size;
    }
  }
  std::error_code about_ec;
  if (const fs::file_time_type t = fs::last_write_time(folder / "about.txt", about_ec); !about_ec) cache.used = t;
  std::ifstream about(folder / "about.txt");
  for (std::string line; std::getline(about, line);) {
    if (line.starts_with("content: ")) cache.content = line.substr(9);
    if (line.starts_with("out: ")) cache.out = line.substr(5);
  }
  return cache;
}

/// Every cache folder under the root, most recently used first.
std::vector<CacheFolder> list_caches(const fs::path& root) {
  std::vector<CacheFolder> caches;
  std::error_code ec;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (is_cache_name(it->path().filename().string()) && it->is_directory(type_ec) && !it->is_symlink(type_ec))
      caches.push_back(describe(it->path()));
  }
  std::sort(caches.begin(), caches.end(), [](const CacheFolder& a, const CacheFolder& b) { return a.used > b.used; });
  return caches;
}

/// A size as a person reads it: "512 bytes", "12.5 KiB", "3.1 MiB", "1.0 GiB".
std::string size_text(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  static constexpr std::array<const char*, 3> units = {" KiB", " MiB", " GiB"};
  double value = static_cast<double>(bytes) / 1024.0;
  std::size_t unit = 0;
  for (; value >= 1024.0 && unit + 1 < units.size(); ++unit) value /= 1024.0;
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << value << units[unit];
  return out.str();
}

std::string utc(fs::file_time_type t) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(t));
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{seconds - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02ld:%02ld UTC", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()));
  return text;
}

/// What prune() did: the folders removed, and one line per folder it could not remove.
struct Pruned {
  std::vector<CacheFolder> removed;
  std::vector<std::string> failures;
  std::uintmax_t bytes() const {
    std::uintmax_t sum = 0;
    for (const CacheFolder& cache : removed) sum += cache.bytes;
    return sum;
  }
};

/// Removes the least recently used caches until the rest fit in `limit` (0: all of them);
/// `keep` stays whatever its size.
Pruned prune(const fs::path& root, std::uintmax_t limit, const fs::path& keep) {
  Pruned out;
  std::uintmax_t total = 0;
  for (CacheFolder& cache : list_caches(root)) {
    const bool kept = !keep.empty() && cache.path.filename() == keep.filename();
    if (kept || total + cache.bytes <= limit) {
      total += cache.bytes;
      continue;
    }
    std::error_code ec;
    fs::remove_all(cache.path, ec);
    if (ec)
      out.failures.push_back("cannot remove " + cache.path.string() + ": " + ec.message());
    else
      out.removed.push_back(std::move(cache));
  }
  return out;
}

/// "removed 2 build caches (3.1 MiB)", and why any could not be removed (then the exit is 1).
void report(const Pruned& pruned, int& exit) {
  for (const std::string& line : pruned.failures) std::cerr << "katlas: " << line << '\n';
  if (!pruned.failures.empty()) exit = failure;
  std::cout << "katlas: removed " << pruned.removed.size() << " build "
            << (pruned.removed.size() == 1 ? "cache" : "caches") << " (" << size_text(pruned.bytes()) << ")";
}

}  // namespace

fs::path build_cache_root() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "katlas" / "builds";
  if (const char* home = std::getenv("HOME"); home && *home == '/')
    return fs::path(home) / ".cache" / "katlas" / "builds";
  return {};
}

std::optional<std::uintmax_t> parse_size(std::string_view text) {
  std::uintmax_t number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  if (unit.ends_with("iB") || unit.ends_with("ib")) unit.remove_suffix(2);
  if (unit.ends_with('B') || unit.ends_with('b')) unit.remove_suffix(1);
  int shift = 0;
  if (unit == "K" || unit == "k")
    shift = 10;
  else if (unit == "M" || unit == "m")
    shift = 20;
  else if (unit == "G" || unit == "g")
    shift = 30;
  else if (!unit.empty())
    return std::nullopt;
  if (number > (UINTMAX_MAX >> shift)) return std::nullopt;
  return number << shift;
}

std::uintmax_t build_cache_limit(std::string* problem) {
  const char* value = std::getenv(std::string(limit_variable).c_str());
  if (!value || !*value) return default_limit;
  if (const std::optional<std::uintmax_t> size = parse_size(value)) return *size;
  if (problem)
    *problem =
        std::string(limit_variable) + "='" + value + "' is not a size such as 500M or 2G; the default, 1G, is used";
  return default_limit;
}

void touch_build_cache(const fs::path& folder, const std::string& content, const std::string& out) {
  std::ofstream about(folder / "about.txt", std::ios::trunc);
  about << "content: " << content << "\nout: " << out << '\n';
}

void prune_build_caches(const fs::path& keep) {
  const fs::path root = build_cache_root();
  if (root.empty() || keep.parent_path() != root) return;  // a --cache folder is the user's own
  std::string problem;
  const std::uintmax_t limit = build_cache_limit(&problem);
  if (!problem.empty()) std::cerr << "katlas: warning: " << problem << '\n';
  prune(root, limit, keep);
}

void add_cache(CLI::App& app, Context& ctx) {
  struct Options {
    bool info = false, clear = false, prune = false, json = false;
    std::string max_size;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "cache", "Show where the build caches are and how big (--info), remove them (--clear), or prune them (--prune)");
  auto* info = cmd->add_flag("--info", opts->info, "List each site's build cache: size, last use, the site it serves");
  auto* clear = cmd->add_flag("--clear", opts->clear, "Remove every build cache (the next builds start cold)");
  auto* prune_flag = cmd->add_flag("--prune", opts->prune,
                                   "Remove the least recently used caches beyond the size limit (builds do this too)");
  cmd->add_option("--max-size", opts->max_size,
                  "Size limit for --prune, e.g. 500M or 2G (default: $KATLAS_CACHE_MAX_SIZE, else 1G)")
      ->check([](const std::string& value) {
        return parse_size(value) ? std::string() : "--max-size needs a size such as 500M or 2G, not '" + value + "'";
      });
  cmd->add_flag("--json", opts->json, "Print JSON (with --info)");
  info->excludes(clear)->excludes(prune_flag);
  clear->excludes(prune_flag);
  cmd->callback([&ctx, opts] {
    const fs::path root = build_cache_root();
    if (!opts->info && !opts->clear && !opts->prune) opts->info = true;
    if (root.empty()) {
      std::cerr << "katlas: no cache folder: neither XDG_CACHE_HOME nor HOME is set to an absolute path\n";
      return void(ctx.exit = failure);
    }
    if (opts->clear) {
      report(prune(root, 0, {}), ctx.exit);
      std::cout << " from " << root.string() << '\n';
      return;
    }
    std::string problem;
    std::uintmax_t limit = opts->max_size.empty() ? build_cache_limit(&problem) : *parse_size(opts->max_size);
    if (!problem.empty()) std::cerr << "katlas: warning: " << problem << '\n';
    if (opts->prune) {
      report(prune(root, limit, {}), ctx.exit);
      std::cout << "; the rest fit in " << size_text(limit) << '\n';
      return;
    }
    const std::vector<CacheFolder> caches = list_caches(root);
    std::uintmax_t total = 0;
    for (const CacheFolder& cache : caches) total += cache.bytes;
    if (opts->json) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const CacheFolder& cache : caches)
        list.push_back({{"path", cache.path.string()},
                        {"bytes", cache.bytes},
                        {"last_used", utc(cache.used)},
                        {"content", cache.content},
                        {"out", cache.out}});
      const nlohmann::ordered_json j = {
          {"root", root.string()}, {"limit_bytes", limit}, {"total_bytes", total}, {"caches", list}};
      std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      return;
    }
    std::cout << "Build caches: " << root.string() << "\n"
              << caches.size() << (caches.size() == 1 ? " cache, " : " caches, ") << size_text(total)
              << " in all; limit " << size_text(limit) << " (set " << limit_variable << " to change it)\n";
    for (const CacheFolder& cache : caches)
      std::cout << "  " << cache.path.filename().string() << "  " << std::setw(10) << size_text(cache.bytes)
                << "  last used " << utc(cache.used) << "  " << (cache.content.empty() ? "?" : cache.content) << " -> "
                << (cache.out.empty() ? "?" : cache.out) << '\n';
  });
}

}  // namespace katlas::cli
