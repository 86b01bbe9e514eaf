// What an Atlas shares between its copies: content, graph and indexes, all immutable. The
// atlas stage sits between the graph (pure Boost.Graph) and the query API.
#pragma once

#include "atlas/search_index.hpp"
#include "graph/concept_graph.hpp"

#include <katlas/atlas.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string_view>

namespace katlas::detail {

struct AtlasData {
  Content content;
  ConceptGraph graph;
  SearchIndex search;
  std::map<std::string, const Kind*, std::less<>> kinds;
  std::map<std::string, const RelationType*, std::less<>> relation_types;
  std::map<std::string, const Source*, std::less<>> sources;
  std::map<std::string, std::vector<const Concept*>, std::less<>> citing;  ///< source id -> concepts, by title
  /// Per evidence level L: a component id for every vertex, joining the concepts that links
  /// of level L or stronger connect (either direction), claims left out (a path never walks
  /// through one). Atlas::path() reads the strongest level that connects two concepts here
  /// instead of searching level by level.
  std::array<std::vector<std::uint32_t>, 4> components;

  /// Builds indexes over validated content. The content is moved in first, so every
  /// pointer the indexes hold points into this object.
  static std::shared_ptr<const AtlasData> build(Content content);
  /// build(), with `alongside(content)` run at the same time on another core (the checks of
  /// Atlas::load_files(), over content not yet validated: the indexes skip a reference to
  /// nothing). It is handed the content where it sits in the result, and must only read it.
  static std::shared_ptr<const AtlasData> build(Content content, const std::function<void(const Content&)>& alongside);
  static Atlas make_atlas(std::shared_ptr<const AtlasData> data) { return Atlas(std::move(data)); }

 private:
  // Everything but `content`, from `content`, in two parts that write different members.
  void index_graph();   // graph, components, search and the lookups by id
  void index_citing();  // citing
};

}  // namespace katlas::detail
