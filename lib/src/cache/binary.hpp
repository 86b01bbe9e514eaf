// The byte format of katlas's build cache: little helpers to write and read plain values,
// content hashes, and whole cache files that are checked before they are trusted.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/diagnostic.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail::cache {

/// A 128-bit content hash (XXH3): a cache key, or what a file held.
struct Hash {
  std::uint64_t low = 0, high = 0;
  friend bool operator==(const Hash&, const Hash&) = default;
};

Hash hash_bytes(std::string_view bytes);

/// Hashes several pieces as one stream (each piece is length-prefixed, so "ab"+"c" != "a"+"bc").
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  Hasher& add(std::string_view bytes);
  Hasher& add(const Hash& hash);
  Hash finish() const;

 private:
  void* state_;
};

/// The size of the pieces a big cache file is made in (see Writer(std::size_t)).
inline constexpr std::size_t piece_bytes = std::size_t{1} << 20;

/// Appends values to a byte string: fixed-width integers (native byte order: a cache never
/// leaves the machine that wrote it) and length-prefixed strings.
class Writer {
 public:
  Writer() = default;
  /// A writer for a big cache file: it keeps its bytes in pieces of about `piece_bytes` and
  /// hands them to save_file() as pieces(). One string grown to the whole size would hold the
  /// old and the new copy at once each time it grows.
  explicit Writer(std::size_t piece_bytes) : piece_bytes_(piece_bytes) {}
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void boolean(bool v) { u32(v ? 1 : 0); }
  void text(std::string_view s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  void texts(const std::vector<std::string>& list) {
    u64(list.size());
    for (const std::string& s : list) text(s);
  }
  void hash(const Hash& h) {
    u64(h.low);
    u64(h.high);
  }
  /// Everything written, as one string (the pieces joined, when there are any).
  std::string& bytes();
  /// Everything written, in order, as views into the writer.
  std::vector<std::string_view> pieces() const;

 private:
  void raw(const void* p, std::size_t n) {
    bytes_.append(static_cast<const char*>(p), n);
    if (piece_bytes_ != 0 && bytes_.size() >= piece_bytes_) next_piece();
  }
  void next_piece();
  std::size_t piece_bytes_ = 0;    // 0: one string
  std::vector<std::string> full_;  // the pieces filled so far
  std::string bytes_;              // the piece being filled
};

/// Reads what a Writer wrote. Never reads past the end: once a read would, ok() turns
/// false and every later read gives zero or empty values.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  double f64() { return fixed<double>(); }
  bool boolean() { return u32() != 0; }
  std::string text() { return std::string(text_view()); }
  /// A text without copying it: a view into the bytes being read.
  std::string_view text_view() {
    const std::uint64_t n = u64();
    if (n > rest_.size()) return fail(), std::string_view();
    const std::string_view s = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return s;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> list(count(sizeof(std::uint64_t)));
    for (std::string& s : list) s = text();
    return list;
  }
  Hash hash() {
    Hash h;
    h.low = u64();
    h.high = u64();
    return h;
  }
  /// A count of items that each take at least `min_bytes`; 0 (and not ok) when the rest
  /// of the bytes cannot hold that many, so a damaged count never allocates gigabytes.
  std::size_t count(std::size_t min_bytes) {
    const std::uint64_t n = u64();
    if (n > rest_.size() / (min_bytes ? min_bytes : 1)) return fail(), 0;
    return static_cast<std::size_t>(n);
  }
  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }

 private:
  template <class T>
  T fixed() {
    T v{};
    if (rest_.size() < sizeof v) return fail(), v;
    std::memcpy(&v, rest_.data(), sizeof v);
    rest_.remove_prefix(sizeof v);
    return v;
  }
  void fail() {
    ok_ = false;
    rest_ = {};
  }
  std::string_view rest_;
  bool ok_ = true;
};

/// Identifies the code that runs: a hash of the library's sources and assets (made when it
/// is compiled) and of the program and shared libraries loaded (path, size, time stamp), so
/// a cache written by other code, or before a library was updated, is never trusted.
std::string_view build_id();

/// Writes a cache file whole or not at all: `kind` and build_id() in front, a checksum at
/// the end, into a temporary file renamed into place.
Status save_file(const std::filesystem::path& file, std::string_view kind, std::string_view body);
/// save_file() of a body in pieces, written one after another where they are (a big cache is
/// not copied into one string first).
Status save_file(const std::filesystem::path& file, std::string_view kind, const std::vector<std::string_view>& body);

/// The body of a cache file save_file() wrote with the same `kind` and build_id(); nothing
/// when the file is missing, from other code, cut short or damaged.
std::optional<std::string> load_file(const std::filesystem::path& file, std::string_view kind);

}  // namespace katlas::detail::cache

KATLAS_CORE_INTERNAL_END
