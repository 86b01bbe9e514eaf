// Output sinks for the site: in memory for tests, and on disk with an atomic swap into place.
#include <katlas/site.hpp>

#include <cerrno>
#include <cstdio>  // renameat2 (glibc, _GNU_SOURCE)
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace katlas {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view marker_name = ".katlas-site";

/// Refuses paths that could escape the output folder.
void check_relative(std::string_view path) {
  const fs::path p(path);
  bool bad = path.empty() || p.is_absolute() || path.find('\\') != std::string_view::npos;
  for (const fs::path& part : p) bad = bad || part == ".." || part == ".";
  if (bad) throw std::runtime_error("refusing to write outside the site folder: '" + std::string(path) + "'");
}

bool is_replaceable_site(const fs::path& target) {
  if (!fs::is_directory(target)) return false;
  return fs::is_empty(target) || fs::exists(target / marker_name);
}

/// Swaps two paths atomically when the kernel and file system allow it.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    throw fs::filesystem_error("cannot swap the new site into place", a, b, std::error_code(errno, std::generic_category()));
#else
  (void)a, (void)b;
#endif
  return false;
}

}  // namespace

void MemorySink::write(std::string_view path, std::string_view bytes) {
  check_relative(path);
  files_.insert_or_assign(std::string(path), std::string(bytes));
}

DiskSink::DiskSink(fs::path target) : target_(fs::absolute(std::move(target)).lexically_normal()) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  fs::create_directories(target_.parent_path());
  // A hidden sibling: same file system (so rename works), and never mistaken for the site.
  staging_ = target_.parent_path() /
             ("." + target_.filename().string() + ".katlas-staging-" + std::to_string(::getpid()));
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

DiskSink::~DiskSink() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void DiskSink::write(std::string_view path, std::string_view bytes) {
  if (committed_) throw std::runtime_error("DiskSink::write after commit()");
  check_relative(path);
  const fs::path file = staging_ / fs::path(path);
  // Files come in path order, so most share the folder of the one before.
  if (file.parent_path() != last_folder_) {
    fs::create_directories(file.parent_path());
    last_folder_ = file.parent_path();
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void DiskSink::commit() {
  if (committed_) return;
  std::ofstream(staging_ / marker_name) << "Written by katlas build; the next build replaces this folder.\n";
  if (!fs::exists(fs::symlink_status(target_))) {
    fs::rename(staging_, target_);
  } else {
    if (!is_replaceable_site(target_))
      throw std::runtime_error(target_.string() + " exists and is not a katlas site (no " + std::string(marker_name) +
                               "); refusing to replace it");
    if (!exchange(staging_, target_)) {
      // No atomic exchange here: move the old site aside, then the new one in, so the
      // target is missing only for the instant between two renames.
      const fs::path old = staging_.string() + "-old";
      fs::remove_all(old);
      fs::rename(target_, old);
      fs::rename(staging_, old.parent_path() / target_.filename());
      staging_ = old;
    }
    fs::remove_all(staging_);  // now holds the previous site
  }
  committed_ = true;
}

}  // namespace katlas
