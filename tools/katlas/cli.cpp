// Loading and lookup shared by the subcommands.
#include "cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <streambuf>

#include <unistd.h>

namespace katlas::cli {

void add_content_option(CLI::App& command, Context& ctx) {
  command.add_option("--content", ctx.content_dir, "Content folder to read instead of the built-in content");
}

std::optional<Atlas> open_atlas(const Context& ctx, const std::filesystem::path& cache_dir) {
  if (ctx.content_dir.empty()) return Atlas::builtin();
  LoadOptions options;
  options.cache_dir = cache_dir;
  LoadResult result = Atlas::load(ctx.content_dir, options);
  if (result.ok()) {
    std::cerr << result.diagnostics.format();
    return std::move(result).atlas();
  }
  std::cerr << result.diagnostics.format();
  std::cerr << "katlas: " << result.diagnostics.count(Severity::error) << " error(s) in " << ctx.content_dir
            << "; run 'katlas check --content " << ctx.content_dir << "' for details\n";
  return std::nullopt;
}

const Concept* lookup(const Atlas& atlas, const std::string& id_or_alias) {
  if (const Concept* c = atlas.find(id_or_alias)) return c;
  std::cerr << "katlas: no concept '" << id_or_alias << "'";
  print_did_you_mean(atlas.suggest(id_or_alias));
  std::cerr << "\n";
  return nullptr;
}

std::string series(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += std::string(i == 0 ? "" : i + 1 == items.size() ? conjunction : ", ") + items[i];
  return out;
}

void print_did_you_mean(const std::vector<std::string>& close) {
  if (close.empty()) return;
  std::vector<std::string> quoted;
  for (const std::string& c : close) quoted.push_back("'" + c + "'");
  std::cerr << " (did you mean " << series(quoted, " or ") << "?)";
}

void add_audience_option(CLI::App& command, std::string& audience, const std::string& help) {
  command.add_option("--audience", audience, help)->check(CLI::IsMember({"lay", "pro"}));
}

Audience audience_of(const std::string& value, Audience fallback) { return parse_audience(value).value_or(fallback); }

bool write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  out.close();  // the last bytes reach the file only here: a full disk shows now or never
  if (out) return true;
  std::cerr << "katlas: cannot write " << path << ": " << std::strerror(errno) << '\n';
  return false;
}

namespace {

/// Standard output as a buffer over file descriptor 1 that keeps the first write error
/// (errno), so the reason is known when the output is flushed at exit: stdio forgets it.
class StdoutBuffer final : public std::streambuf {
 public:
  StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (drain() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain(); }

 private:
  int drain() {
    for (const char* at = pbase(); at < pptr();) {
      const ssize_t n = ::write(STDOUT_FILENO, at, static_cast<std::size_t>(pptr() - at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (error_ == 0) error_ = n < 0 ? errno : EIO;
        setp(buffer_, buffer_ + sizeof buffer_);  // what could not be written is dropped
        return -1;
      }
      at += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0 ? 0 : -1;
  }
  char buffer_[1 << 16];
  int error_ = 0;
};

StdoutBuffer& stdout_buffer() {
  // Never destroyed: std::cout is flushed at exit, after the function-local statics are gone.
  static StdoutBuffer* const buffer = new StdoutBuffer;
  return *buffer;
}

}  // namespace

void use_checked_stdout() { std::cout.rdbuf(&stdout_buffer()); }

bool flush_stdout() {
  std::cout.flush();
  const int error = stdout_buffer().error();
  if (error == 0 && std::cout.good()) return true;
  std::cerr << "katlas: cannot write the output: " << std::strerror(error ? error : EIO) << '\n';
  return false;
}

CLI::Option* add_site_url_option(CLI::App& command, const std::string& name, std::string& url,
                                 const std::string& help) {
  return command.add_option(name, url, help)->check([](const std::string& value) {
    const Status status = check_site_url(value);
    return status ? std::string() : status.message();
  });
}

void add_today_option(CLI::App& command, std::string& today) {
  command.add_option("--today", today, "Judge review dates as on this day, YYYY-MM-DD (default: today, UTC)")
      ->check([](const std::string& value) {
        return add_days(value, 0).empty() ? std::string("--today must be a date written YYYY-MM-DD") : std::string();
      });
}

}  // namespace katlas::cli
