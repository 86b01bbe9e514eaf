// Builds what an Atlas shares between its copies: the graph, the search index and the id maps.
#include "atlas/atlas_data.hpp"

#include "atlas/read_log.hpp"
#include "parallel.hpp"

#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <set>

namespace katlas {

namespace detail {

thread_local ReadLog* read_log = nullptr;

namespace {

void build_components(const Graph& g, std::array<std::vector<std::uint32_t>, 4>& out) {
  const std::size_t n = boost::num_vertices(g);
  for (std::size_t level = 0; level < out.size(); ++level) {
    boost::disjoint_sets_with_storage<> sets(n);
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
      const Vertex a = boost::source(e, g), b = boost::target(e, g);
      if (static_cast<std::size_t>(g[e].evidence) <= level && !g[a].claim && !g[b].claim) sets.union_set(a, b);
    }
    out[level].resize(n);
    for (std::size_t v = 0; v < n; ++v) out[level][v] = static_cast<std::uint32_t>(sets.find_set(v));
  }
}

}  // namespace

std::shared_ptr<const AtlasData> AtlasData::build(Content content) {
  auto data = std::make_shared<AtlasData>();
  data->content = std::move(content);
  data->index_graph();
  data->index_citing();
  return data;
}

std::shared_ptr<const AtlasData> AtlasData::build(Content content,
                                                  const std::function<void(const Content&)>& alongside) {
  auto data = std::make_shared<AtlasData>();
  data->content = std::move(content);
  // The graph on one core; the checks, then who cites each source, on the other.
  parallel_for(
      2,
      [&](std::size_t job) {
        if (job == 0) {
          data->index_graph();
        } else {
          alongside(data->content);
          data->index_citing();
        }
      },
      1);
  return data;
}

void AtlasData::index_graph() {
  const Content& c = content;
  build_graph(c, graph);
  build_components(graph.graph, components);
  search.build(c.concepts);
  for (const Kind& k : c.kinds) kinds.emplace(k.id, &k);
  for (const RelationType& t : c.relation_types) relation_types.emplace(t.id, &t);
  for (const Source& s : c.sources) sources.emplace(s.id, &s);
}

void AtlasData::index_citing() {
  for (const Concept& entry : content.concepts) {
    std::set<std::string_view> ids(entry.sources.begin(), entry.sources.end());
    for (const Relation& r : entry.relations) ids.insert(r.sources.begin(), r.sources.end());
    for (const Side& s : entry.sides) ids.insert(s.sources.begin(), s.sources.end());
    if (entry.timing) ids.insert(entry.timing->sources.begin(), entry.timing->sources.end());
    for (std::string_view id : ids) citing[std::string(id)].push_back(&entry);
  }
  for (auto& [id, list] : citing)
    std::sort(list.begin(), list.end(),
              [](const Concept* a, const Concept* b) { return std::tie(a->title, a->id) < std::tie(b->title, b->id); });
}

}  // namespace detail

}  // namespace katlas
