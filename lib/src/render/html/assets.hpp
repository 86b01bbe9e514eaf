// The site's static files (lib/assets/), compiled into the library by lib/cmake/embed.cmake.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace katlas::detail {

/// One embedded file: its path below lib/assets/ and its bytes.
struct Asset {
  std::string_view name;
  std::string_view bytes;
};

/// Every embedded asset, sorted by name.
std::span<const Asset> all_assets();

/// The bytes of one asset; throws std::logic_error for a name that was not embedded (a build bug).
inline std::string_view asset(std::string_view name) {
  for (const Asset& a : all_assets())
    if (a.name == name) return a.bytes;
  throw std::logic_error("no embedded asset '" + std::string(name) + "'");
}

}  // namespace katlas::detail
