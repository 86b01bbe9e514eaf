// A whole Content as bytes and back, every field and every position kept: the built-in
// content is compiled into the library this way (lib/tools/make_snapshot.cpp), so that
// Atlas::builtin() decodes it instead of parsing YAML.
#pragma once

#include <katlas/content.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace katlas::detail::cache {

/// What a snapshot starts with, before its format number.
inline constexpr std::string_view snapshot_magic = "katlas-snapshot\n";

/// The snapshot's byte layout; raised whenever write_snapshot() writes anything differently.
/// Independent of build_id(): a snapshot is only ever read by the build that wrote it, and
/// the number is there to refuse bytes from any other layout.
inline constexpr std::uint32_t snapshot_format = 1;

/// `content` as bytes: snapshot_magic, snapshot_format, the body's size and checksum, then
/// every field of every value in declaration order. Integers are in the machine's byte order:
/// a snapshot is read by the library built with it, on the machine it is built for.
std::string write_snapshot(const Content& content);

/// The content write_snapshot() wrote, equal to it member for member (positions included);
/// nothing when the bytes are not one: another magic or format, cut short, a wrong checksum,
/// or a body that does not decode to the end. Never reads past the end of `bytes`.
std::optional<Content> read_snapshot(std::string_view bytes);

}  // namespace katlas::detail::cache
