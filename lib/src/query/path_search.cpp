// Two-sided breadth-first search for Atlas::path(); see path_search.hpp.
#include "query/path_search.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace katlas::detail {
namespace {

/// Per-thread marks, reset in O(1) by bumping a generation number instead of clearing.
struct Scratch {
  struct Mark {
    std::uint32_t generation = 0;
    std::uint32_t distance = 0;
    std::optional<Edge> parent;  // towards the side's start
  };
  std::vector<Mark> side[2];  // 0: from the start, 1: from the goal
  std::uint32_t generation = 0;

  void begin(std::size_t vertices) {
    for (auto& s : side)
      if (s.size() < vertices) s.resize(vertices);
    if (++generation == 0) {  // wrapped: old marks could look current
      for (auto& s : side) std::fill(s.begin(), s.end(), Mark{});
      generation = 1;
    }
  }
  bool seen(int s, Vertex v) const { return side[s][v].generation == generation; }
  void mark(int s, Vertex v, std::uint32_t distance, std::optional<Edge> parent) {
    side[s][v] = {generation, distance, parent};
  }
};

template <class G>
Vertex other_end(const G& g, Edge e, Vertex v) {
  return boost::source(e, g) == v ? boost::target(e, g) : boost::source(e, g);
}

struct Meet {
  std::uint32_t length = std::numeric_limits<std::uint32_t>::max();
  Vertex near = 0, far = 0;  // `near` on the expanding side, `far` on the other
  std::optional<Edge> edge;
};

}  // namespace

template <class G>
std::optional<std::vector<Edge>> shortest_chain(const G& g, Vertex from, Vertex to, bool either_direction) {
  if (from == to) return std::vector<Edge>{};
  thread_local Scratch scratch;
  scratch.begin(boost::num_vertices(g));
  scratch.mark(0, from, 0, std::nullopt);
  scratch.mark(1, to, 0, std::nullopt);
  std::vector<Vertex> frontier[2] = {{from}, {to}}, next;
  Meet meet;
  while (!frontier[0].empty() && !frontier[1].empty()) {
    const int s = frontier[1].size() < frontier[0].size() ? 1 : 0;  // the smaller side grows
    next.clear();
    const auto visit = [&](Vertex u, Edge e) {
      const Vertex v = other_end(g, e, u);
      if (scratch.seen(s, v)) return;
      if (scratch.seen(1 - s, v)) {
        const std::uint32_t length = scratch.side[s][u].distance + 1 + scratch.side[1 - s][v].distance;
        if (length < meet.length) meet = {length, u, v, e};
        return;
      }
      scratch.mark(s, v, scratch.side[s][u].distance + 1, e);
      next.push_back(v);
    };
    for (const Vertex u : frontier[s]) {
      // The start's side walks relations as written; the goal's side walks them backwards.
      if (s == 0 || either_direction)
        for (const Edge e : boost::make_iterator_range(boost::out_edges(u, g))) visit(u, e);
      if (s == 1 || either_direction)
        for (const Edge e : boost::make_iterator_range(boost::in_edges(u, g))) visit(u, e);
    }
    if (meet.edge) {
      const Vertex start_side = s == 0 ? meet.near : meet.far, goal_side = s == 0 ? meet.far : meet.near;
      std::vector<Edge> chain;
      for (Vertex v = start_side; v != from;) {
        const Edge e = *scratch.side[0][v].parent;
        chain.push_back(e);
        v = other_end(g, e, v);
      }
      std::reverse(chain.begin(), chain.end());
      chain.push_back(*meet.edge);
      for (Vertex v = goal_side; v != to;) {
        const Edge e = *scratch.side[1][v].parent;
        chain.push_back(e);
        v = other_end(g, e, v);
      }
      return chain;
    }
    frontier[s].swap(next);
  }
  return std::nullopt;
}

template std::optional<std::vector<Edge>> shortest_chain(const Graph&, Vertex, Vertex, bool);
template std::optional<std::vector<Edge>> shortest_chain(const EvidenceGraph&, Vertex, Vertex, bool);

}  // namespace katlas::detail
