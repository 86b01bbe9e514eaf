// Output sinks for the site: in memory for tests, and on disk with an atomic swap into place.
#include <katlas/site.hpp>

#include "process.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>  // renameat2 (glibc, _GNU_SOURCE)
#include <fstream>
#include <stdexcept>
#include <system_error>

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
    throw fs::filesystem_error("cannot swap the new site into place", a, b,
                               std::error_code(errno, std::generic_category()));
#else
  (void)a, (void)b;
#endif
  return false;
}

/// Removes staging folders that earlier builds into `target` left behind when they were killed:
/// `.<name>.katlas-staging-<pid>` (or `…-<pid>-old`) whose process no longer runs.
void remove_stale_staging(const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".katlas-staging-";
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(prefix) || e.is_symlink(ec) || !e.is_directory(ec)) continue;
    std::string_view rest = std::string_view(name).substr(prefix.size());
    if (rest.ends_with("-old")) rest.remove_suffix(4);
    if (detail::process_gone(rest)) fs::remove_all(e.path(), ec);
  }
}

/// The stamp of a regular file at `file`, not following a link.
std::optional<FileStamp> stamp_of(const fs::path& file) {
  struct stat info {};
  if (::fstatat(AT_FDCWD, file.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
                   static_cast<std::uint64_t>(info.st_size),
                   static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

}  // namespace

void MemorySink::write(std::string_view path, std::string_view bytes) {
  check_relative(path);
  files_.insert_or_assign(std::string(path), std::string(bytes));
}

DiskSink::DiskSink(fs::path target) : target_(fs::absolute(std::move(target)).lexically_normal()) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  fs::create_directories(target_.parent_path());
  // One writer at a time: the folder that holds the site is locked (flock) until this sink is
  // gone, so a second build into it, from any process, waits and then reads a whole previous
  // site, never one being swapped. The lock needs no file of its own, and a killed build's
  // lock goes with its process.
  lock_fd_ = ::open(target_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd_ < 0)
    throw fs::filesystem_error("cannot open the folder that holds the site", target_.parent_path(),
                               std::error_code(errno, std::generic_category()));
  while (::flock(lock_fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const int error = errno;
    ::close(lock_fd_);
    throw fs::filesystem_error("cannot lock the folder that holds the site", target_.parent_path(),
                               std::error_code(error, std::generic_category()));
  }
  remove_stale_staging(target_);
  // A hidden sibling: same file system (so rename works), and never mistaken for the site.
  has_previous_ = fs::is_directory(target_) && fs::exists(target_ / marker_name);
  staging_ =
      target_.parent_path() / ("." + target_.filename().string() + ".katlas-staging-" + std::to_string(::getpid()));
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

DiskSink::~DiskSink() {
  if (!committed_) {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
  }
  ::close(lock_fd_);  // releases the lock
}

void DiskSink::write(std::string_view path, std::string_view bytes) {
  if (committed_) throw std::runtime_error("DiskSink::write after commit()");
  check_relative(path);
  const fs::path file = staging_ / fs::path(path);
  make_folder_for(file);
  const auto fail = [&] {
    return fs::filesystem_error("cannot write the site file", file, std::error_code(errno, std::generic_category()));
  };
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw fail();
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const fs::filesystem_error error = fail();
      ::close(fd);
      throw error;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw fail();
}

void DiskSink::make_folder_for(const fs::path& file) {
  const std::lock_guard lock(folders_mutex_);
  if (folders_.insert(file.parent_path()).second) fs::create_directories(file.parent_path());
}

std::optional<std::string> DiskSink::previous(std::string_view path) const {
  if (!has_previous_) return std::nullopt;
  check_relative(path);
  const fs::path file = target_ / fs::path(path);
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  struct stat info {};
  bool ok = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (ok) {
    bytes.resize(static_cast<std::size_t>(info.st_size));
    for (std::size_t done = 0; ok && done < bytes.size();) {
      const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        ok = false;
      else
        done += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return bytes;
}

bool DiskSink::keep(std::string_view path) {
  if (committed_) throw std::runtime_error("DiskSink::keep after commit()");
  if (!has_previous_) return false;
  check_relative(path);
  const fs::path file = staging_ / fs::path(path);
  make_folder_for(file);
  // A hard link: the new site holds the very same file, and removing the old site after
  // the swap leaves it in place.
  return ::link((target_ / fs::path(path)).c_str(), file.c_str()) == 0;
}

std::optional<FileStamp> DiskSink::previous_stamp(std::string_view path) const {
  if (!has_previous_) return std::nullopt;
  check_relative(path);
  return stamp_of(target_ / fs::path(path));
}

std::optional<FileStamp> DiskSink::stamp(std::string_view path) const {
  check_relative(path);
  return stamp_of(staging_ / fs::path(path));
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
