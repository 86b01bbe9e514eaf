// JSON objects shared by the JSON renderers (concept, export, explain).
#pragma once

#include <katlas/json.hpp>

#include <nlohmann/json.hpp>

namespace katlas::detail {

nlohmann::ordered_json source_json(const Source& source);
nlohmann::ordered_json link_json(const Link& link, Audience audience);
/// `{established: "...", ...}` for the levels that have a template.
nlohmann::ordered_json templates_json(const std::array<std::string, 4>& templates);
/// `verdict` and `verdict_label`, for a concept that has a verdict (popular claims).
void add_verdict_keys(nlohmann::ordered_json& j, const Concept& entry);
/// The relation-level keys shared by links and path steps: evidence, whether it was
/// written or inherited, basis, note and sources.
void add_relation_keys(nlohmann::ordered_json& j, const Relation& relation, Evidence evidence, bool written,
                       Audience audience);
nlohmann::ordered_json concept_object(const Atlas& atlas, const Concept& entry, Audience audience);
/// Pretty-printed; invalid UTF-8 is replaced, never thrown on.
std::string dump(const nlohmann::ordered_json& json);

}  // namespace katlas::detail
