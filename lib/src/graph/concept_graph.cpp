// Builds the Boost.Graph concept graph and checks the acyclic relation types on it.
#include "graph/concept_graph.hpp"

#include <katlas/atlas.hpp>

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace katlas::detail {

namespace {

/// fill_sentence() with the two sentence names at hand.
std::string fill_sentence_with(std::string_view templ, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(templ.size() + from.size() + to.size());
  for (std::size_t i = 0; i < templ.size();) {
    if (templ.substr(i, 6) == "{from}") {
      out += from;
      i += 6;
    } else if (templ.substr(i, 4) == "{to}") {
      out += to;
      i += 4;
    } else {
      out += templ[i++];
    }
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

std::string fill_sentence(std::string_view templ, const Concept& from, const Concept& to) {
  return fill_sentence_with(templ, sentence_name(from), sentence_name(to));
}

void build_graph(const Content& content, ConceptGraph& cg) {
  std::map<std::string_view, const RelationType*> types;
  for (const RelationType& type : content.relation_types) types.emplace(type.id, &type);
  std::map<std::string_view, bool> claim_kinds;
  for (const Kind& kind : content.kinds) claim_kinds.emplace(kind.id, kind.needs_verdict);
  cg.by_id.reserve(content.concepts.size());
  std::vector<Vertex> vertex_of;  // by index in content.concepts
  vertex_of.reserve(content.concepts.size());
  std::vector<std::string> names;  // sentence_name() of each vertex, made once for all its links
  names.reserve(content.concepts.size());
  for (const Concept& entry : content.concepts) {
    const auto kind = claim_kinds.find(entry.kind);
    const bool claim = entry.verdict.has_value() || (kind != claim_kinds.end() && kind->second);
    const Vertex v = boost::add_vertex(VertexProps{&entry, claim}, cg.graph);
    names.push_back(sentence_name(entry));
    // Edges leave the first concept of an id, as a lookup by id would find (a repeated id is
    // an error the checks report).
    vertex_of.push_back(cg.by_id.emplace(entry.id, v).first->second);
  }
  // On this thread: telling the links on every core and adding them after was no faster, and
  // held every link twice (100 MB more at 100,000 concepts).
  for (std::size_t i = 0; i < content.concepts.size(); ++i) {
    const Concept& entry = content.concepts[i];
    for (const Relation& relation : entry.relations) {
      const auto type = types.find(relation.type);
      const auto target = cg.by_id.find(relation.target);
      if (type == types.end() || target == cg.by_id.end()) continue;
      const Concept& to = content.concepts[target->second];
      const auto [evidence, written] = relation_evidence(relation, entry, to);
      const std::string_view from_name = names[i], to_name = names[target->second];
      boost::add_edge(
          vertex_of[i], target->second,
          EdgeProps{&relation, type->second,
                    fill_sentence_with(sentence_template(*type->second, evidence, Direction::out), from_name, to_name),
                    fill_sentence_with(sentence_template(*type->second, evidence, Direction::in), from_name, to_name),
                    evidence, written},
          cg.graph);
    }
  }
}

namespace {

struct CycleFound {
  Edge back_edge;
};

// Stops the search at the first back edge: one cycle per type is enough to report.
class BackEdgeFinder : public boost::default_dfs_visitor {
 public:
  explicit BackEdgeFinder(std::vector<std::optional<Edge>>& parent) : parent_(&parent) {}
  template <class G>
  void tree_edge(Edge e, const G& g) const {
    (*parent_)[boost::target(e, g)] = e;
  }
  template <class G>
  void back_edge(Edge e, const G&) const {
    throw CycleFound{e};
  }

 private:
  std::vector<std::optional<Edge>>* parent_;
};

}  // namespace

void check_cycles(const Content& content, const ConceptGraph& cg, Diagnostics& out) {
  const Graph& g = cg.graph;
  for (const RelationType& type : content.relation_types) {
    if (!type.acyclic) continue;
    const auto same_type = [&](const Edge& e) { return g[e].type == &type; };
    const boost::filtered_graph<Graph, std::function<bool(const Edge&)>> view(g, same_type);
    std::vector<std::optional<Edge>> parent(boost::num_vertices(g));
    std::vector<boost::default_color_type> colors(boost::num_vertices(g));
    try {
      boost::depth_first_search(
          view, boost::visitor(BackEdgeFinder(parent))
                    .color_map(boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g))));
    } catch (const CycleFound& found) {
      // Walk the tree edges back from the edge's source to its target to name the loop.
      const Vertex start = boost::target(found.back_edge, g);
      std::vector<std::string> chain;
      for (Vertex v = boost::source(found.back_edge, g); v != start && parent[v]; v = boost::source(*parent[v], g))
        chain.push_back(g[v].entry->id);
      chain.push_back(g[start].entry->id);
      std::reverse(chain.begin(), chain.end());
      // A long loop is named by its ends: a message of thousands of ids helps no one.
      constexpr std::size_t shown_each_end = 5;
      std::string loop;
      for (std::size_t i = 0; i < chain.size(); ++i) {
        if (chain.size() > 2 * shown_each_end + 1 && i == shown_each_end) {
          loop += "... (" + std::to_string(chain.size() - 2 * shown_each_end) + " more) -> ";
          i = chain.size() - shown_each_end - 1;
          continue;
        }
        loop += chain[i] + " -> ";
      }
      loop += g[start].entry->id;
      out.push_back({Severity::error, g[found.back_edge].relation->target_loc,
                     "relation type '" + type.id + "' must not loop back, but it does: " + loop,
                     "remove or turn around one of these relations"});
    }
  }
}

}  // namespace katlas::detail
