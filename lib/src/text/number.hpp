// Numbers as text for SVG coordinates and reading scores: one decimal, like printf's "%.1f",
// without printf's locale and format parsing (it is on every diagram's hot path).
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace katlas::detail {

/// `value` with exactly one decimal ("12.0", "-3.5"), rounded as printf("%.1f") rounds.
inline std::string one_decimal(double value) {
  char buffer[64];
  char* end = buffer;
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(value), &exponent);
  if (std::isfinite(value) && exponent <= 50) {
    // |value| is mantissa / 2^shift exactly, so ten times it can be rounded exactly in integers:
    // to the nearest, ties to even, which is what printf and std::to_chars do. A page holds
    // hundreds of coordinates, and std::to_chars with a precision is many times slower.
    const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
    const int shift = 53 - exponent;  // at least 3
    std::uint64_t tenths = 0;         // stays 0 below 2^-11, which rounds to 0.0
    if (shift < 64) {
      const std::uint64_t scaled = mantissa * 10, half = std::uint64_t{1} << (shift - 1);
      const std::uint64_t rest = scaled & (2 * half - 1);
      tenths = scaled >> shift;
      if (rest > half || (rest == half && tenths % 2 == 1)) ++tenths;
    }
    if (std::signbit(value)) *end++ = '-';
    end = std::to_chars(end, buffer + sizeof buffer, tenths / 10).ptr;
    *end++ = '.';
    *end++ = static_cast<char>('0' + tenths % 10);
  } else {
    end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1).ptr;
  }
  return std::string(buffer, end);
}

}  // namespace katlas::detail
