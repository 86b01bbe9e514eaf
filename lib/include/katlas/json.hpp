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
/// With Audience::lay (the default), `details` is left out and relation notes are the lay
/// wording. Throws std::invalid_argument when `entry` is not one of `atlas`'s concepts (see
/// Atlas::owns()).
[[nodiscard]] std::string concept_json(const Atlas& atlas, const Concept& entry, Audience audience = Audience::lay);

/// An array of `{id, title, kind, summary}`.
[[nodiscard]] std::string concepts_json(const std::vector<const Concept*>& concepts);
/// An array of `{id, title, kind, score, summary}`, best first.
[[nodiscard]] std::string search_json(const std::vector<SearchHit>& hits);

/// An array of `{type, direction, target, title, sentence}`; each relation's `note` in the
/// wording for `audience` (lay by default).
[[nodiscard]] std::string links_json(const std::vector<Link>& links, Audience audience = Audience::lay);

/// `{from, to, steps: [{from, type, direction, to, sentence}]}`; each step's `note` in the
/// wording for `audience` (lay by default).
[[nodiscard]] std::string path_json(const Concept& from, const Concept& to, const std::vector<PathStep>& steps,
                                    Audience audience = Audience::lay);

/// An array of `{severity, file, line, column, message, hint}`.
[[nodiscard]] std::string diagnostics_json(const Diagnostics& diagnostics);

}  // namespace katlas

KATLAS_API_END
