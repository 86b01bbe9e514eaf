// Stage 2 of loading: cross-references and content rules over parsed Content.
#pragma once

#include <katlas/content.hpp>

#include <vector>

namespace katlas::detail {

/// Checks ids, references between files and the allowed kinds of every relation, adding
/// errors to `out`; with `strict`, also the content rules of `katlas check --strict` (as
/// warnings). Cycle rules need the graph and are checked in graph/cycles.hpp.
void validate(const Content& content, bool strict, std::vector<Diagnostic>& out);

}  // namespace katlas::detail
