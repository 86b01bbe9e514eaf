/// @file json.hpp
/// @brief Stable JSON shapes for concepts, lists, relations and paths (see docs/json.md).
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>

#include <string>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// `{id, title, kind, aliases, summary, details, evidence, reviewed, sources[], relations[]}`.
/// With Audience::lay, `details` is left out.
std::string concept_json(const Atlas& atlas, const Concept& entry, Audience audience = Audience::pro);

/// An array of `{id, title, kind, summary}`.
std::string concepts_json(const std::vector<const Concept*>& concepts);
/// An array of `{id, title, kind, score, summary}`, best first.
std::string search_json(const std::vector<SearchHit>& hits);

/// An array of `{type, direction, target, title, sentence}`.
std::string links_json(const std::vector<Link>& links);

/// `{from, to, steps: [{from, type, direction, to, sentence}]}`.
std::string path_json(const Concept& from, const Concept& to, const std::vector<PathStep>& steps);

/// An array of `{severity, file, line, column, message, hint}`.
std::string diagnostics_json(const Diagnostics& diagnostics);

}  // namespace katlas

KATLAS_API_END
