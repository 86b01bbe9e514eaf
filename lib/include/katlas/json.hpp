/// @file json.hpp
/// @brief Stable JSON shapes for concepts, lists, search results, relations, paths and diagnostics (see docs/json.md).
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>

#include <string>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// One concept as JSON, as `katlas show --json` prints it: its text, evidence, review dates,
/// full sources, sides, timing and relations both ways (docs/json.md, "Concept"). With
/// Audience::lay (the default), `details` is left out and relation notes take the lay wording.
/// Throws std::invalid_argument when `entry` is not one of `atlas`'s concepts (see
/// Atlas::owns()).
[[nodiscard]] std::string concept_json(const Atlas& atlas, const Concept& entry, Audience audience = Audience::lay);

/// An array of `{id, title, kind, summary}`, in the order given (`katlas list --json`).
[[nodiscard]] std::string concepts_json(const std::vector<const Concept*>& concepts);
/// An array of `{id, title, kind, score, summary}`, best first (`katlas search --json`).
[[nodiscard]] std::string search_json(const std::vector<SearchHit>& hits);

/// An array of relation objects (`katlas related --json`; docs/json.md, "Relation object"):
/// `{type, direction, target, title, sentence, evidence, evidence_from}` and, where they apply,
/// `basis`, `basis_explained`, `note` (in the wording for `audience`, lay by default),
/// `sources`, `target_verdict`.
[[nodiscard]] std::string links_json(const std::vector<Link>& links, Audience audience = Audience::lay);

/// A chain as JSON: `{from, to, evidence, evidence_explained, steps}`, where `evidence` is the
/// weakest step's and each step is `{from, type, direction, to, sentence, evidence, ...}`
/// (`katlas path --json`); each step's `note` in the wording for `audience` (lay by default).
[[nodiscard]] std::string path_json(const Concept& from, const Concept& to, const std::vector<PathStep>& steps,
                                    Audience audience = Audience::lay);

/// An array of `{severity, file, line, column, message, hint}` (`katlas check --json`).
[[nodiscard]] std::string diagnostics_json(const Diagnostics& diagnostics);

}  // namespace katlas

KATLAS_API_END
