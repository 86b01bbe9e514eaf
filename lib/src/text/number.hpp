// Numbers as text for SVG coordinates and reading scores: one decimal, like printf's "%.1f",
// without printf's locale and format parsing (it is on every diagram's hot path).
#pragma once

#include <charconv>
#include <string>

namespace katlas::detail {

/// `value` with exactly one decimal ("12.0", "-3.5"), rounded as printf("%.1f") rounds.
inline std::string one_decimal(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
  return std::string(buffer, result.ptr);
}

}  // namespace katlas::detail
