/// @file export.hpp
/// @brief The whole atlas as one document: versioned JSON (for apps in other languages) or Graphviz DOT.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>

#include <string>

KATLAS_API_BEGIN

namespace katlas {

/// Version of the export document's shape (`schema_version`); see docs/atlas.schema.json.
inline constexpr int export_schema_version = 2;

/// Every kind, relation type, source and concept (with its relations both ways), as one JSON
/// document: `{format: "katlas-atlas", schema_version, kinds, relation_types, sources, concepts}`.
/// Deterministic: the same atlas gives the same bytes.
[[nodiscard]] std::string export_json(const Atlas& atlas);

/// The concept graph in the DOT language: one node per concept (labelled with its title),
/// one edge per relation as written (labelled with the relation type). Every string is quoted.
[[nodiscard]] std::string export_dot(const Atlas& atlas);

}  // namespace katlas

KATLAS_API_END
