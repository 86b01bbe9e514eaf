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
/// When `open_quote` is given, it receives where a quote opens that is still open at the end
/// of the file (yaml-cpp 0.7 accepts such a quote and lets it swallow the rest of the file).
std::optional<Diagnostic> prescan(std::string_view text, const std::string& file, SourceLoc* open_quote = nullptr);

/// An upper bound on how deep yaml-cpp can nest while parsing `text`, whatever the quoting:
/// twice every `[` and `{` (a flow pair adds a mapping) plus the most any one line can
/// reach in block style. Unlike prescan(), which reads quotes and comments as YAML does (and
/// can therefore be misled), this bound cannot be fooled; the loader uses it to decide
/// whether yaml-cpp may run on the caller's stack.
int nesting_bound(std::string_view text);

}  // namespace katlas::detail
