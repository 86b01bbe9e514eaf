// Stage 2 of loading: cross-references and content rules over parsed Content.
#pragma once

#include "load/parse.hpp"

#include <katlas/content.hpp>

#include <vector>

namespace katlas::detail {

/// Checks ids, references between files and the allowed kinds of every relation, adding
/// errors to `out`; with `strict`, also the content rules of `katlas check --strict` (as
/// warnings). References into a part listed in `gaps` are not reported: the parse error
/// already names the cause. Cycle rules need the graph (graph/concept_graph.hpp).
void validate(const Content& content, const ParseGaps& gaps, bool strict, Diagnostics& out);

}  // namespace katlas::detail
