// One user-named file, read only when it is what it claims to be.
#include "load/read_regular.hpp"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace katlas::detail {

namespace {

std::string_view type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

FileRead read_regular_file(const std::filesystem::path& file, std::size_t max_bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {std::nullopt, std::generic_category().message(errno)};
  FileRead result;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    result.reason = std::generic_category().message(errno);
  } else if (!S_ISREG(st.st_mode)) {
    result.reason = "not a regular file (" + std::string(type_name(st.st_mode)) + ")";
  } else if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    result.reason = "larger than " + std::to_string(max_bytes / (1024 * 1024)) + " MiB";
  } else {
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < text.size()) {
      const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) result.reason = std::generic_category().message(errno);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    if (result.reason.empty()) result.text = std::move(text);
  }
  ::close(fd);
  return result;
}

}  // namespace katlas::detail
