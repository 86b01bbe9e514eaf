// The typed concept graph: Boost.Graph with bundled properties, built once, never mutated.
#pragma once

#include <katlas/content.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace katlas::detail {

struct VertexProps {
  const Concept* entry = nullptr;
};

struct EdgeProps {
  const Relation* relation = nullptr;
  const RelationType* type = nullptr;
  std::string sentence;          ///< Read from the source concept.
  std::string inverse_sentence;  ///< Read from the target concept.
};

/// vecS keeps descriptors stable because nothing is ever removed; bidirectionalS gives
/// in-edges, so inverse relations are derived rather than stored twice.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct ConceptGraph {
  ConceptGraph() = default;
  ConceptGraph(const ConceptGraph&) = delete;
  ConceptGraph& operator=(const ConceptGraph&) = delete;
  Graph graph;
  std::unordered_map<std::string_view, Vertex> by_id;  ///< Lookup only; never iterated into output.
};

/// Builds the graph over content whose references have been validated (a relation whose
/// type or target is unknown is skipped). Vertex i is content.concepts[i].
/// Built in place: adjacency_list has no move assignment in Boost 1.74.
void build_graph(const Content& content, ConceptGraph& cg);

/// Fills a sentence template with the two concepts' sentence names.
std::string fill_sentence(std::string_view templ, const Concept& from, const Concept& to);

/// Reports a cycle among the relations of every `acyclic` relation type.
void check_cycles(const Content& content, const ConceptGraph& graph, std::vector<Diagnostic>& out);

}  // namespace katlas::detail
