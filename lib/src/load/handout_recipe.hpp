// Reading one handout recipe file (handouts/<id>.yaml) into a HandoutRecipe, with positions.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>

#include <optional>
#include <string_view>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Parses one recipe file: YAML syntax, keys, types and ids (file name = id). Problems are
/// added to `out` as `display_root/handouts/<id>.yaml:LINE:COLUMN` diagnostics; nothing is
/// returned when the file has an error. Concept ids are not checked here (see check_recipe()).
std::optional<HandoutRecipe> parse_handout_recipe(const ContentFile& file, std::string_view display_root,
                                                  Diagnostics& out);

/// Checks a parsed recipe against the atlas: concept ids, query concept, kind and relation
/// type, each with a "did you mean" hint. Returns false when it added an error.
bool check_recipe(const HandoutRecipe& recipe, const Atlas& atlas, Diagnostics& out);

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
