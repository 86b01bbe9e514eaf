// Shortest explanation chains between two concepts, searched from both ends at once.
#pragma once

#include "graph/concept_graph.hpp"

#include <optional>
#include <vector>

namespace katlas::detail {

/// The edges of a shortest chain from `from` to `to`, in walking order. With
/// `either_direction` false the chain follows every relation as written; with true it may
/// also walk a relation backwards. Empty when `from == to`; nullopt when no chain exists.
///
/// Breadth-first from both ends, one whole level of the smaller frontier at a time, so the
/// work grows with the square root of what a one-sided search visits (Boost.Graph has no
/// two-sided search). Among chains of equal length the first found wins; the order of
/// out- and in-edges is fixed by the graph, so the answer is the same on every run.
/// Thread-safe: scratch space is per thread. `G` is the graph or a filtered view of it
/// (EvidenceGraph), so a search can be held to links of some evidence.
template <class G>
std::optional<std::vector<Edge>> shortest_chain(const G& graph, Vertex from, Vertex to, bool either_direction);

extern template std::optional<std::vector<Edge>> shortest_chain(const Graph&, Vertex, Vertex, bool);
extern template std::optional<std::vector<Edge>> shortest_chain(const EvidenceGraph&, Vertex, Vertex, bool);

}  // namespace katlas::detail
