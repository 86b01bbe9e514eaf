// JSON objects shared by the JSON renderers (concept, export, explain).
#pragma once

#include <katlas/json.hpp>

#include <nlohmann/json.hpp>

namespace katlas::detail {

nlohmann::ordered_json source_json(const Source& source);
nlohmann::ordered_json link_json(const Link& link);
nlohmann::ordered_json concept_object(const Atlas& atlas, const Concept& entry, Audience audience);
/// Pretty-printed; invalid UTF-8 is replaced, never thrown on.
std::string dump(const nlohmann::ordered_json& json);

}  // namespace katlas::detail
