// Numbers as text for SVG coordinates and reading scores: one decimal, like printf's "%.1f",
// without printf's locale and format parsing (it is on every diagram's hot path).
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

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

/// A reported range of hours after the last dose as a reader counts it: in hours up to two
/// days ("6 to 24 hours"), in days above ("5 to 10 days"); `to` joins the two ends ("–" in a
/// table). One end when both are the same ("about 24 hours").
inline std::string time_span(double low_hours, double high_hours, std::string_view to = " to ") {
  const bool days = high_hours > 48;
  const auto amount = [&](double hours) {
    const double v = days ? hours / 24 : hours;
    std::string text = one_decimal(v);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
  };
  const std::string unit = days ? " days" : " hours";
  if (amount(low_hours) == amount(high_hours))
    return "about " + amount(low_hours) + (amount(low_hours) == "1" ? unit.substr(0, unit.size() - 1) : unit);
  return amount(low_hours) + std::string(to) + amount(high_hours) + unit;
}

}  // namespace katlas::detail
