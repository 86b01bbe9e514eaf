// The Atlas query API: lookup, relations, explanation paths, search and listings.
#include "atlas/atlas_data.hpp"
#include "atlas/foreign_concept.hpp"
#include "atlas/read_log.hpp"
#include "query/path_search.hpp"
#include "text/edit_distance.hpp"
#include "text/fold.hpp"

#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>
#include <functional>

namespace katlas {

using detail::AtlasData;
using detail::Edge;
using detail::Vertex;

namespace {

// Whether links of `level` or stronger connect two concepts (path()'s first question).
bool connected(const AtlasData& data, Evidence level, Vertex a, Vertex b) {
  const detail::Graph& g = data.graph.graph;
  const std::vector<std::uint32_t>& component = data.components[static_cast<std::size_t>(level)];
  // A claim is in no component (a path never walks through one): as an end of a chain it
  // reaches the components of its neighbours, or the other end directly.
  const auto reach = [&](Vertex v) {
    std::vector<std::uint32_t> out;
    if (!g[v].claim) return std::vector<std::uint32_t>{component[v]};
    const auto add = [&](Edge e, Vertex other) {
      if (g[e].evidence <= level && !g[other].claim) out.push_back(component[other]);
    };
    for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) add(e, boost::target(e, g));
    for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g))) add(e, boost::source(e, g));
    return out;
  };
  for (const Edge e : boost::make_iterator_range(boost::out_edges(a, g)))
    if (boost::target(e, g) == b && g[e].evidence <= level) return true;
  for (const Edge e : boost::make_iterator_range(boost::in_edges(a, g)))
    if (boost::source(e, g) == b && g[e].evidence <= level) return true;
  const std::vector<std::uint32_t> ra = reach(a), rb = reach(b);
  return std::any_of(ra.begin(), ra.end(),
                     [&](std::uint32_t c) { return std::find(rb.begin(), rb.end(), c) != rb.end(); });
}

}  // namespace

Atlas::Atlas(std::shared_ptr<const AtlasData> data) : data_(std::move(data)) {}

const Content& Atlas::content() const& { return data_->content; }

bool Atlas::owns(const Concept& entry) const {
  // Every copy shares one concept vector, so an address inside it is a concept of this atlas;
  // std::less orders pointers into unrelated objects too.
  const std::vector<Concept>& concepts = data_->content.concepts;
  const std::less<const Concept*> before;
  return !before(&entry, concepts.data()) && before(&entry, concepts.data() + concepts.size());
}

const Concept* Atlas::find(std::string_view id_or_alias) const& {
  detail::note_names();
  const Concept* found = nullptr;
  if (const auto it = data_->graph.by_id.find(id_or_alias); it != data_->graph.by_id.end())
    found = data_->graph.graph[it->second].entry;
  else if (const auto index = data_->search.exact_name(id_or_alias))
    found = &data_->content.concepts[*index];
  detail::note_concept(found);
  return found;
}

std::vector<std::string> Atlas::suggest(std::string_view text, std::size_t limit) const {
  detail::note_all();
  std::vector<std::string> ids;
  ids.reserve(data_->content.concepts.size());
  for (const Concept& c : data_->content.concepts) ids.push_back(c.id);
  std::vector<std::string> out = detail::closest(text, ids, limit);
  // Names people type ("withdrawl") are often closer to a title or alias than to an id.
  if (out.size() < limit)
    for (const SearchHit& hit : search(text, limit))
      if (hit.score >= 35 && std::find(out.begin(), out.end(), hit.entry->id) == out.end() && out.size() < limit)
        out.push_back(hit.entry->id);
  return out;
}

const Kind* Atlas::kind(std::string_view id) const& {
  const auto it = data_->kinds.find(id);
  return it == data_->kinds.end() ? nullptr : it->second;
}

const RelationType* Atlas::relation_type(std::string_view id) const& {
  const auto it = data_->relation_types.find(id);
  return it == data_->relation_types.end() ? nullptr : it->second;
}

const Source* Atlas::source(std::string_view id) const& {
  const auto it = data_->sources.find(id);
  return it == data_->sources.end() ? nullptr : it->second;
}

std::vector<Link> Atlas::related(const Concept& entry, RelatedQuery query) const& {
  detail::require_concept_of(*this, entry, "katlas::Atlas::related()");
  std::vector<Link> out;
  const detail::Graph& g = data_->graph.graph;
  const Vertex v = data_->graph.by_id.find(entry.id)->second;
  detail::note_links_of(entry);
  const auto wanted = [&](const detail::EdgeProps& e) { return query.type.empty() || e.type->id == query.type; };
  if (query.direction != Direction::in)
    for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
      if (wanted(g[e]))
        out.push_back({g[e].type, Direction::out, &entry, g[boost::target(e, g)].entry, g[e].relation, g[e].sentence,
                       g[e].type->heading, g[e].evidence, g[e].evidence_written});
  if (query.direction != Direction::out) {
    const std::size_t first_in = out.size();
    for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
      if (wanted(g[e]))
        out.push_back({g[e].type, Direction::in, &entry, g[boost::source(e, g)].entry, g[e].relation,
                       g[e].inverse_sentence, g[e].type->inverse_heading, g[e].evidence, g[e].evidence_written});
    // In-edges come in the order their source concepts were added (by id), which is stable.
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first_in), out.end(),
                     [](const Link& a, const Link& b) { return a.type->id < b.type->id; });
  }
  for (const Link& l : out) detail::note_concept(l.other);
  return out;
}

std::vector<Link> Atlas::related(std::string_view id, RelatedQuery query) const& {
  const auto found = data_->graph.by_id.find(id);
  if (found == data_->graph.by_id.end()) {
    detail::note_names();  // whether the id names a concept is what the empty answer rests on
    return {};
  }
  return related(*data_->graph.graph[found->second].entry, std::move(query));
}

std::optional<std::vector<PathStep>> Atlas::path(const Concept& from, const Concept& to, PathQuery query) const& {
  detail::require_concept_of(*this, from, "katlas::Atlas::path()");
  detail::require_concept_of(*this, to, "katlas::Atlas::path()");
  detail::note_all();
  const auto& cg = data_->graph;
  const auto a = cg.by_id.find(from.id), b = cg.by_id.find(to.id);
  if (a->second == b->second) return std::vector<PathStep>{};
  const detail::Graph& g = cg.graph;
  const auto step_along = [&](const Edge& e, bool forward) {
    const Concept* src = g[boost::source(e, g)].entry;
    const Concept* dst = g[boost::target(e, g)].entry;
    const detail::EdgeProps& p = g[e];
    return forward
               ? PathStep{src, dst, p.type, Direction::out, p.sentence, p.relation, p.evidence, p.evidence_written}
               : PathStep{
                     dst, src, p.type, Direction::in, p.inverse_sentence, p.relation, p.evidence, p.evidence_written};
  };
  // A chain is as sure as its weakest link: the strongest level whose links connect the two
  // (read off the per-level components) is the level to search at. Within it, relations as
  // written tell a causal story, so a chain that follows them is preferred to one that walks
  // some backwards.
  std::optional<std::vector<Edge>> chain;
  for (const Evidence level : evidence_levels) {
    if (level > query.min_evidence) break;
    if (!connected(*data_, level, a->second, b->second)) continue;
    const detail::EvidenceGraph view(g, detail::EvidenceAtLeast{&g, level, a->second, b->second});
    chain = detail::shortest_chain(view, a->second, b->second, false);
    if (!chain) chain = detail::shortest_chain(view, a->second, b->second, true);
    if (chain) break;
  }
  if (!chain) return std::nullopt;
  std::vector<PathStep> steps;
  Vertex at = a->second;
  for (const Edge e : *chain) {
    const bool forward = boost::source(e, g) == at;
    steps.push_back(step_along(e, forward));
    at = forward ? boost::target(e, g) : boost::source(e, g);
  }
  return steps;
}

std::optional<std::vector<PathStep>> Atlas::path(std::string_view from_id, std::string_view to_id,
                                                 PathQuery query) const& {
  detail::note_all();
  const auto& cg = data_->graph;
  const auto a = cg.by_id.find(from_id), b = cg.by_id.find(to_id);
  if (a == cg.by_id.end() || b == cg.by_id.end()) return std::nullopt;
  return path(*cg.graph[a->second].entry, *cg.graph[b->second].entry, query);
}

Evidence weakest_evidence(const std::vector<PathStep>& steps) {
  Evidence out = Evidence::established;
  for (const PathStep& s : steps) out = weaker(out, s.evidence);
  return out;
}

namespace {

struct BackToStart {
  Vertex from;
};

// Records the search tree and stops at the first edge that leads back to the start.
class CycleVisitor : public boost::default_bfs_visitor {
 public:
  CycleVisitor(Vertex start, std::vector<Vertex>& parent) : start_(start), parent_(parent) {}
  template <class G>
  void examine_edge(Edge e, const G& g) const {
    if (boost::target(e, g) == start_) throw BackToStart{boost::source(e, g)};
  }
  template <class G>
  void tree_edge(Edge e, const G& g) const {
    parent_[boost::target(e, g)] = boost::source(e, g);
  }

 private:
  Vertex start_;
  std::vector<Vertex>& parent_;
};

}  // namespace

std::vector<const Concept*> Atlas::cycle_through(const Concept& start, const std::vector<std::string>& types,
                                                 Evidence min_evidence) const& {
  detail::require_concept_of(*this, start, "katlas::Atlas::cycle_through()");
  detail::note_all();
  const auto& cg = data_->graph;
  const auto found = cg.by_id.find(start.id);
  const detail::Graph& g = cg.graph;
  const auto keep = [&g, &types, min_evidence](Edge e) {
    return g[e].evidence <= min_evidence && std::find(types.begin(), types.end(), g[e].type->id) != types.end();
  };
  const boost::filtered_graph<detail::Graph, std::function<bool(Edge)>> view(g, keep);
  std::vector<Vertex> parent(boost::num_vertices(g), found->second);
  std::vector<boost::default_color_type> colour(boost::num_vertices(g));
  try {
    boost::breadth_first_search(
        view, found->second,
        boost::visitor(CycleVisitor(found->second, parent))
            .color_map(boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g))));
  } catch (const BackToStart& back) {
    std::vector<const Concept*> cycle;
    for (Vertex v = back.from; v != found->second; v = parent[v]) cycle.push_back(g[v].entry);
    cycle.push_back(g[found->second].entry);
    std::reverse(cycle.begin(), cycle.end());
    return cycle;
  }
  return {};
}

std::vector<SearchHit> Atlas::search(std::string_view text, std::size_t limit) const& {
  detail::note_all();
  std::vector<SearchHit> out;
  for (const auto& [index, score] : data_->search.search(text, limit, data_->content.concepts))
    out.push_back({&data_->content.concepts[index], score});
  return out;
}

SearchIndexData Atlas::search_index() const {
  detail::note_all();
  return data_->search.data();
}

std::vector<const Concept*> Atlas::list(std::string_view kind) const& {
  detail::note_all();
  std::vector<const Concept*> out;
  for (const Concept& c : data_->content.concepts)
    if (kind.empty() || c.kind == kind) out.push_back(&c);
  std::sort(out.begin(), out.end(),
            [](const Concept* a, const Concept* b) { return std::tie(a->title, a->id) < std::tie(b->title, b->id); });
  return out;
}

std::vector<const Concept*> Atlas::citing(std::string_view source_id) const& {
  detail::note_all();
  const auto it = data_->citing.find(source_id);
  return it == data_->citing.end() ? std::vector<const Concept*>{} : it->second;
}

std::vector<ReviewItem> review_schedule(const Atlas& atlas, std::string_view today, int within_days) {
  const std::string until = add_days(today, within_days);
  std::vector<ReviewItem> out;
  for (const Concept& c : atlas.content().concepts) {
    const Kind* kind = atlas.kind(c.kind);
    std::string due = review_due(c, kind);
    if (due.empty() || due > until) continue;
    const bool overdue = due < today;
    out.push_back({&c, std::move(due), review_interval_months(c, kind), overdue});
  }
  std::sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
    return std::tie(a.due, a.entry->id) < std::tie(b.due, b.entry->id);
  });
  return out;
}

Diagnostics overdue_review_warnings(const Atlas& atlas, std::string_view today) {
  Diagnostics out;
  for (const ReviewItem& item : review_schedule(atlas, today, 0)) {
    if (!item.overdue) continue;
    out.push_back({Severity::warning, item.entry->id_loc,
                   "concept '" + item.entry->id + "' was due for review on " + item.due + " (last reviewed " +
                       item.entry->reviewed + ", every " + std::to_string(item.every_months) + " months)",
                   "check it against its sources, then set 'reviewed:' to the date you did"});
  }
  return out;
}

}  // namespace katlas
