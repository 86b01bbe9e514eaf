// Checks raw file bytes before yaml-cpp sees them: encoding, NUL bytes and nesting depth.
#pragma once

#include <katlas/diagnostic.hpp>

#include <optional>
#include <string_view>

namespace katlas::detail {

/// Deepest nesting a content file may use. The schema needs 4 levels; yaml-cpp 0.7 recurses
/// once a level and its own limit (500) still overflows small thread stacks.
inline constexpr int max_nesting = 64;

/// The first problem in `text` that yaml-cpp would mishandle (invalid UTF-8, a NUL byte,
/// nesting deeper than max_nesting), with its 1-based line and column; nothing when clean.
std::optional<Diagnostic> prescan(std::string_view text, const std::string& file);

}  // namespace katlas::detail
