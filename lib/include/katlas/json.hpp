/// @file json.hpp
/// @brief Stable JSON shapes for concepts, lists, search results, relations, paths and diagnostics (see docs/json.md).
#pragma once

#include <katlas/atlas.hpp>

#include <string>
#include <vector>

namespace katlas {

/// One concept as JSON, as `katlas show --json` prints it: its text, evidence, review dates,
/// full sources, sides, timing and relations both ways (docs/json.md, "Concept"). With
/// Audience::lay, `details` is left out and relation notes take the lay wording.
std::string concept_json(const Atlas& atlas, const Concept& entry, Audience audience = Audience::pro);

/// An array of `{id, title, kind, summary}`, in the order given (`katlas list --json`).
std::string concepts_json(const std::vector<const Concept*>& concepts);
/// An array of `{id, title, kind, score, summary}`, best first (`katlas search --json`).
std::string search_json(const std::vector<SearchHit>& hits);

/// An array of relation objects (`katlas related --json`; docs/json.md, "Relation object"):
/// `{type, direction, target, title, sentence, evidence, evidence_from}` and, where they apply,
/// `basis`, `basis_explained`, `note` (the professional wording), `sources`, `target_verdict`.
std::string links_json(const std::vector<Link>& links);

/// A chain as JSON: `{from, to, evidence, evidence_explained, steps}`, where `evidence` is the
/// weakest step's and each step is `{from, type, direction, to, sentence, evidence, ...}`
/// (`katlas path --json`).
std::string path_json(const Concept& from, const Concept& to, const std::vector<PathStep>& steps);

/// An array of `{severity, file, line, column, message, hint}` (`katlas check --json`).
std::string diagnostics_json(const Diagnostics& diagnostics);

}  // namespace katlas
