// The typed concept graph: Boost.Graph with bundled properties, built once, never mutated.
#pragma once

#include <katlas/content.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace katlas::detail {

struct VertexProps {
  const Concept* entry = nullptr;
  /// A popular claim (it has a verdict, or its kind needs one): an explanation path may
  /// start or end at a claim but never pass through it, so a claim is never told as a step.
  bool claim = false;
};

struct EdgeProps {
  const Relation* relation = nullptr;
  const RelationType* type = nullptr;
  std::string sentence;                     ///< Read from the source concept, in the words of `evidence`.
  std::string inverse_sentence;             ///< Read from the target concept, in the words of `evidence`.
  Evidence evidence = Evidence::anecdotal;  ///< Written on the relation, or inherited (relation_evidence()).
  bool evidence_written = false;
};

/// vecS keeps descriptors stable because nothing is ever removed; bidirectionalS gives
/// in-edges, so inverse relations are derived rather than stored twice.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// The edge predicate of EvidenceGraph: keeps the edges at least as well supported as `min`
/// that do not pass through a claim (a claim may only be a path's `from` or `to`).
struct EvidenceAtLeast {
  const Graph* graph = nullptr;
  Evidence min = Evidence::anecdotal;
  Vertex from = 0, to = 0;
  bool operator()(Edge e) const {
    const Graph& g = *graph;
    const auto inside_claim = [&](Vertex v) { return g[v].claim && v != from && v != to; };
    return g[e].evidence <= min && !inside_claim(boost::source(e, g)) && !inside_claim(boost::target(e, g));
  }
};

/// The graph seen through an evidence threshold (Atlas::path() with PathQuery::min_evidence,
/// and its search for the best-supported chain).
using EvidenceGraph = boost::filtered_graph<Graph, EvidenceAtLeast>;

struct ConceptGraph {
  ConceptGraph() = default;
  ConceptGraph(const ConceptGraph&) = delete;
  ConceptGraph& operator=(const ConceptGraph&) = delete;
  Graph graph;
  std::unordered_map<std::string_view, Vertex> by_id;  ///< Lookup only; never iterated into output.
};

/// Builds the graph over content whose references have been validated (a relation whose
/// type or target is unknown is skipped). Vertex i is content.concepts[i].
/// Built in place, into an empty ConceptGraph: adjacency_list has no move assignment in Boost 1.74.
void build_graph(const Content& content, ConceptGraph& cg);

/// Fills a sentence template with the two concepts' sentence names, first letter capitalised.
std::string fill_sentence(std::string_view templ, const Concept& from, const Concept& to);

/// Reports a cycle among the relations of every `acyclic` relation type.
void check_cycles(const Content& content, const ConceptGraph& graph, Diagnostics& out);

}  // namespace katlas::detail
