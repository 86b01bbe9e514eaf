// Content hashes (xxHash's XXH3) and whole-or-nothing cache files.
#include "cache/binary.hpp"
#include "process.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

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

/// Removes `<file>.tmp-<pid>` files that builds killed while saving left behind.
void remove_stale_temporaries(const std::filesystem::path& file) {
  const std::string prefix = file.filename().string() + ".tmp-";
  std::error_code ec;
  for (const std::filesystem::directory_entry& e : std::filesystem::directory_iterator(file.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(prefix) && process_gone(std::string_view(name).substr(prefix.size())))
      std::filesystem::remove(e.path(), ec);
  }
}

}  // namespace

Status save_file(const std::filesystem::path& file, std::string_view kind, std::string_view body) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return Status::failure(ec.message());
  remove_stale_temporaries(file);
  Writer out;
  out.bytes() = header(kind);
  out.bytes().append(body);
  out.hash(hash_bytes(out.bytes()));
  // A name of its own per process: two builds sharing a cache never write one file.
  const std::filesystem::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream stream(temp, std::ios::binary | std::ios::trunc);
    stream.write(out.bytes().data(), static_cast<std::streamsize>(out.bytes().size()));
    stream.close();
    if (!stream) {
      std::filesystem::remove(temp, ec);
      return Status::failure("cannot write " + temp.string());
    }
  }
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return Status::failure(ec.message());
  }
  return {};
}

std::optional<std::string> load_file(const std::filesystem::path& file, std::string_view kind) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  const std::string head = header(kind);
  constexpr std::size_t checksum_bytes = 16;
  if (bytes.size() < head.size() + checksum_bytes || !bytes.starts_with(head)) return std::nullopt;
  const std::string_view signed_part(bytes.data(), bytes.size() - checksum_bytes);
  Reader tail(std::string_view(bytes).substr(signed_part.size()));
  if (!(tail.hash() == hash_bytes(signed_part))) return std::nullopt;
  return std::string(signed_part.substr(head.size()));
}

}  // namespace katlas::detail::cache
