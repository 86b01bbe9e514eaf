// The one refusal for a concept handed to an atlas it does not belong to (see Atlas::owns()).
#pragma once

#include <katlas/atlas.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace katlas::detail {

/// Throws std::invalid_argument unless `atlas` owns `entry`; `function` names the call that
/// refused it ("katlas::Atlas::related()").
inline void require_concept_of(const Atlas& atlas, const Concept& entry, std::string_view function) {
  if (atlas.owns(entry)) return;
  // A concept of another atlas may share its id with one of this atlas, yet its relations,
  // pointers and text are the other atlas's: mixing them in would be wrong without a warning.
  throw std::invalid_argument(std::string(function) + ": concept '" + entry.id +
                              "' is not one of this atlas's concepts (it belongs to another atlas, or is a copy); "
                              "look it up in this atlas with find()");
}

}  // namespace katlas::detail
