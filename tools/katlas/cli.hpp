// Shared pieces of the katlas subcommands: the content option, loading, lookup, exit codes.
#pragma once

#include <katlas/katlas.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace katlas::cli {

/// Exit codes: 0 ok, 1 content or lookup failure, 2 usage error.
enum Exit : int { ok = 0, failure = 1, usage = 2 };

/// What every subcommand shares; `exit` is set by the subcommand that ran.
struct Context {
  std::string content_dir;  ///< Empty: the built-in content.
  int exit = ok;
};

/// Adds `--content DIR` to a subcommand.
void add_content_option(CLI::App& command, Context& ctx);

/// The atlas to query: the built-in one, or the folder given with --content. Prints the
/// diagnostics and returns nothing when the folder does not load. With `cache_dir`, the
/// folder's concept files go through the parse cache kept there.
std::optional<Atlas> open_atlas(const Context& ctx, const std::filesystem::path& cache_dir = {});

/// A concept by id or alias; prints "no concept ... (did you mean ...)" and returns nullptr.
const Concept* lookup(const Atlas& atlas, const std::string& id_or_alias);

/// Adds `--audience lay|pro` (checked by CLI11) with this help text.
void add_audience_option(CLI::App& command, std::string& audience, const std::string& help);

/// The audience an `--audience` value names; `fallback` when the option was not given.
Audience audience_of(const std::string& value, Audience fallback);

/// Prints " (did you mean 'a', 'b' or 'c'?)" to standard error; nothing for no suggestion.
void print_did_you_mean(const std::vector<std::string>& close);

/// Writes `bytes` to `path` whole; prints "katlas: cannot write PATH: reason" and returns
/// false when it cannot.
bool write_file(const std::string& path, std::string_view bytes);

/// Sends std::cout through a buffer that keeps the first write error; call first thing in main().
void use_checked_stdout();

/// Flushes standard output; on a write error (a full disk, /dev/full, a closed pipe) prints
/// "katlas: cannot write the output: reason" and returns false.
bool flush_stdout();

/// Adds an option (`--site-url`, `--base-url`) that takes the address of a reader's site,
/// checked with check_site_url() (a bad address is a usage error).
CLI::Option* add_site_url_option(CLI::App& command, const std::string& name, std::string& url, const std::string& help);

/// Items written out as a series: "a, b and c" (`conjunction` " or " gives "a, b or c").
std::string series(const std::vector<std::string>& items, std::string_view conjunction = " and ");

/// Adds `--today YYYY-MM-DD` (the day review dates are judged against; default: today, UTC).
void add_today_option(CLI::App& command, std::string& today);

/// Registers each subcommand; each lives in its own file.
void add_check(CLI::App& app, Context& ctx);
void add_show(CLI::App& app, Context& ctx);
void add_related(CLI::App& app, Context& ctx);
void add_path(CLI::App& app, Context& ctx);
void add_search(CLI::App& app, Context& ctx);
void add_list(CLI::App& app, Context& ctx);
void add_build(CLI::App& app, Context& ctx);
void add_explain(CLI::App& app, Context& ctx);
void add_export(CLI::App& app, Context& ctx);
void add_handout(CLI::App& app, Context& ctx);
void add_review(CLI::App& app, Context& ctx);
void add_cache(CLI::App& app, Context& ctx);

/// The folder that holds one build cache per site built without --cache:
/// `$XDG_CACHE_HOME/katlas/builds`, else `~/.cache/katlas/builds`; empty when neither is set.
std::filesystem::path build_cache_root();
/// A size such as `500M`, `2G`, `64KiB` or a number of bytes; nothing when it is not one.
std::optional<std::uintmax_t> parse_size(std::string_view text);
/// The most the build caches under build_cache_root() may hold together:
/// `$KATLAS_CACHE_MAX_SIZE`, else 1 GiB. A value that is not a size is described in `problem`.
std::uintmax_t build_cache_limit(std::string* problem);
/// Marks a build cache as used now, and notes the site it serves (about.txt).
void touch_build_cache(const std::filesystem::path& folder, const std::string& content, const std::string& out);
/// Removes the least recently used build caches beyond build_cache_limit(), never `keep`.
/// Does nothing when `keep` is not under build_cache_root() (a --cache folder is the user's).
void prune_build_caches(const std::filesystem::path& keep);

}  // namespace katlas::cli
