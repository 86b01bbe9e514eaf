// Reading one file named by the user (a handout recipe): only a regular file of a sane size,
// so a FIFO, a device (/dev/zero) or a folder is a message, never a hang or a flood.
#pragma once

#include <katlas/core_export.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Largest content file the loader reads; larger files are reported, not parsed.
inline constexpr std::size_t max_file_bytes = 8 * 1024 * 1024;

/// What read_regular_file() found: the text, or why there is none.
struct FileRead {
  std::optional<std::string> text;
  std::string reason;  ///< In words, for a message ("not a regular file (a FIFO)").
};

/// The bytes of `file` when it is a regular file (a link to one is followed) of at most
/// `max_bytes`. Opening never waits: a FIFO with no writer is refused at once.
FileRead read_regular_file(const std::filesystem::path& file, std::size_t max_bytes);

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
