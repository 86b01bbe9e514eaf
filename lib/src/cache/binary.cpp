// Content hashes (xxHash's XXH3) and whole-or-nothing cache files.
#include "cache/binary.hpp"
#include "process.hpp"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <xxhash.h>

#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

namespace katlas::detail::cache {

extern const char build_id_text[];  // generated at build time (lib/cmake/build_id.cmake)

namespace {

/// The program and every shared library it has loaded (md4c, Graphviz, yaml-cpp ...), each
/// by path, size and modification time: a system update that changes how a library parses
/// or renders then changes the id, where a hash of our own sources alone would not.
std::string loaded_code() {
  std::string out;
  ::dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        const char* name = info->dlpi_name && *info->dlpi_name ? info->dlpi_name : "/proc/self/exe";
        struct stat file {};
        if (::stat(name, &file) == 0)
          *static_cast<std::string*>(data) += std::string(name) + " " + std::to_string(file.st_size) + " " +
                                              std::to_string(file.st_mtim.tv_sec) + "." +
                                              std::to_string(file.st_mtim.tv_nsec) + "\n";
        return 0;
      },
      &out);
  return out;
}

}  // namespace

std::string_view build_id() {
  static const std::string id = [] {
    const Hash h = Hasher().add(build_id_text).add(loaded_code()).finish();
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(h.high),
                  static_cast<unsigned long long>(h.low));
    return std::string(text);
  }();
  return id;
}

Hash hash_bytes(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return {h.low64, h.high64};
}

Hasher::Hasher() : state_(XXH3_createState()) {
  if (!state_) throw std::bad_alloc();
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

Hasher& Hasher::add(std::string_view bytes) {
  const std::uint64_t n = bytes.size();
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), &n, sizeof n);
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
  return *this;
}

Hasher& Hasher::add(const Hash& hash) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), &hash.low, sizeof hash.low);
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), &hash.high, sizeof hash.high);
  return *this;
}

Hash Hasher::finish() const {
  const XXH128_hash_t h = XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_));
  return {h.low64, h.high64};
}

namespace {

std::string header(std::string_view kind) {
  return "katlas-cache " + std::string(kind) + " " + std::string(build_id()) + "\n";
}

/// Removes `<file>.tmp-<pid>-<n>` files that builds killed while saving left behind.
void remove_stale_temporaries(const std::filesystem::path& file) {
  const std::string prefix = file.filename().string() + ".tmp-";
  std::error_code ec;
  for (const std::filesystem::directory_entry& e : std::filesystem::directory_iterator(file.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(name).substr(prefix.size());
    if (process_gone(rest.substr(0, rest.find('-')))) std::filesystem::remove(e.path(), ec);
  }
}

/// What one bad cache file costs at most to read: far beyond any real cache (a 100,000-concept
/// build writes about 200 MB), short of what a link to /dev/zero would fill memory with.
constexpr std::uint64_t max_cache_bytes = std::uint64_t{4} << 30;

std::string error_text(int error) { return std::error_code(error, std::generic_category()).message(); }

/// Writes the pieces one after another, many to a system call; 0, or the errno of a failed write.
int write_all(int fd, std::vector<std::string_view>& pieces) {
  std::vector<iovec> batch;
  for (std::size_t next = 0; next < pieces.size();) {
    batch.clear();
    for (std::size_t i = next; i < pieces.size() && batch.size() < IOV_MAX; ++i)
      batch.push_back({const_cast<char*>(pieces[i].data()), pieces[i].size()});
    ssize_t n = ::writev(fd, batch.data(), static_cast<int>(batch.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    // Drop what was written: whole pieces, then the start of the piece a short write ended in.
    auto done = static_cast<std::size_t>(n);
    while (next < pieces.size() && done >= pieces[next].size()) done -= pieces[next++].size();
    if (next < pieces.size()) pieces[next].remove_prefix(done);
  }
  return 0;
}

}  // namespace

std::string& Writer::bytes() {
  if (!full_.empty()) {
    std::string whole;
    std::size_t size = bytes_.size();
    for (const std::string& piece : full_) size += piece.size();
    whole.reserve(size);
    for (const std::string& piece : full_) whole += piece;
    whole += bytes_;
    full_.clear();
    bytes_ = std::move(whole);
  }
  return bytes_;
}

std::vector<std::string_view> Writer::pieces() const {
  std::vector<std::string_view> out(full_.begin(), full_.end());
  out.emplace_back(bytes_);
  return out;
}

void Writer::next_piece() {
  full_.push_back(std::move(bytes_));
  bytes_ = std::string();
  bytes_.reserve(piece_bytes_ + piece_bytes_ / 8);
}

Status save_file(const std::filesystem::path& file, std::string_view kind, std::string_view body) {
  return save_file(file, kind, std::vector<std::string_view>{body});
}

Status save_file(const std::filesystem::path& file, std::string_view kind, const std::vector<std::string_view>& body) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return Status::failure(ec.message());
  remove_stale_temporaries(file);
  // The header, the body and the checksum of both, written from where they are: the body can
  // be hundreds of megabytes, not to be copied once more. XXH3 over the two pieces in turn is
  // XXH3 over the bytes of the file.
  const std::string head = header(kind);
  XXH3_state_t* state = XXH3_createState();
  if (!state) throw std::bad_alloc();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, head.data(), head.size());
  for (const std::string_view piece : body) XXH3_128bits_update(state, piece.data(), piece.size());
  const XXH128_hash_t sum = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  Writer checksum;
  checksum.hash({sum.low64, sum.high64});
  // A new file of its own per save (O_EXCL), never through a link (O_NOFOLLOW): whatever
  // stands at the name already, planted or left over, is not written through. The pid lets a
  // later build remove what a killed one left.
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = file.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) return Status::failure("cannot create " + temp.string() + ": " + error_text(errno));
  }
  if (fd < 0) return Status::failure("cannot create a temporary file next to " + file.string());
  std::vector<std::string_view> pieces;
  pieces.reserve(body.size() + 2);
  pieces.push_back(head);
  for (const std::string_view piece : body)
    if (!piece.empty()) pieces.push_back(piece);
  pieces.push_back(checksum.bytes());
  int error = write_all(fd, pieces);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    std::filesystem::remove(temp, ec);
    return Status::failure("cannot write " + temp.string() + ": " + error_text(error));
  }
  // rename() replaces a file or a link to one, never what a link points to.
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return Status::failure("cannot replace " + file.string() + ": " + ec.message());
  }
  return {};
}

std::optional<std::string> load_file(const std::filesystem::path& file, std::string_view kind) {
  // Only a regular file of a sane size is read: not through a link (/dev/zero), not a FIFO
  // (O_NONBLOCK: opening one does not wait for a writer), not a folder.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) > max_cache_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  // Read in three parts, each where it goes: the header, checked first; the body, into the
  // string returned (no second copy of a large file); then the checksum of the two.
  const std::string head = header(kind);
  constexpr std::size_t checksum_bytes = 16;
  const auto size = static_cast<std::size_t>(st.st_size);
  const auto read_all = [fd](char* to, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::read(fd, to + got, n - got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    return got == n;
  };
  std::string head_read(head.size(), '\0'), bytes;
  char checksum[checksum_bytes];
  bool whole = size >= head.size() + checksum_bytes && read_all(head_read.data(), head.size()) && head_read == head;
  if (whole) {
    bytes.resize(size - head.size() - checksum_bytes);
    whole = read_all(bytes.data(), bytes.size()) && read_all(checksum, checksum_bytes);
  }
  ::close(fd);
  if (!whole) return std::nullopt;  // short, foreign, or changed while read: not this build's to trust
  // The checksum is XXH3 of the header and the body as one text, hashed here in two parts.
  XXH3_state_t* state = XXH3_createState();
  if (!state) throw std::bad_alloc();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, head.data(), head.size());
  XXH3_128bits_update(state, bytes.data(), bytes.size());
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  Reader tail(std::string_view(checksum, checksum_bytes));
  if (!(tail.hash() == Hash{h.low64, h.high64})) return std::nullopt;
  return bytes;
}

}  // namespace katlas::detail::cache
