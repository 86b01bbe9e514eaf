// The handout recipes of a content folder, or of one recipe file, as RecipeLoadResult.
#include <katlas/handout.hpp>

#include "load/handout_recipe.hpp"
#include "load/read_regular.hpp"
#include "text/edit_distance.hpp"

#include <algorithm>

namespace katlas {

RecipeLoadResult load_handout_recipes(const std::vector<ContentFile>& files, const Atlas& atlas,
                                      std::string_view display_root) {
  RecipeLoadResult result;
  for (const ContentFile& file : files) {
    if (!file.path.starts_with("handouts/") || !file.path.ends_with(".yaml")) continue;
    std::optional<HandoutRecipe> recipe = detail::parse_handout_recipe(file, display_root, result.diagnostics);
    if (recipe && detail::check_recipe(*recipe, atlas, result.diagnostics))
      result.recipes.push_back(std::move(*recipe));
  }
  std::sort(result.recipes.begin(), result.recipes.end(),
            [](const HandoutRecipe& a, const HandoutRecipe& b) { return a.id < b.id; });
  return result;
}

RecipeLoadResult load_handout_recipe_file(const std::filesystem::path& file, const Atlas& atlas) {
  RecipeLoadResult result;
  detail::FileRead read = detail::read_regular_file(file, detail::max_file_bytes);
  if (!read.text) {
    result.diagnostics.push_back({Severity::error,
                                  {file.generic_string(), 0, 0},
                                  "cannot read recipe file: " + read.reason,
                                  "pass a handout recipe: a .yaml file (see docs/handouts.md)"});
    return result;
  }
  std::optional<HandoutRecipe> recipe =
      detail::parse_handout_recipe({file.generic_string(), std::move(*read.text)}, "", result.diagnostics);
  if (recipe && detail::check_recipe(*recipe, atlas, result.diagnostics)) result.recipes.push_back(std::move(*recipe));
  return result;
}

std::vector<std::string> suggest_recipes(const std::vector<HandoutRecipe>& recipes, std::string_view text,
                                         std::size_t limit) {
  std::vector<std::string> ids;
  for (const HandoutRecipe& recipe : recipes) ids.push_back(recipe.id);
  return detail::closest(text, ids, limit);
}

RecipeLoadResult builtin_handout_recipes(const Atlas& atlas) { return {atlas.content().handouts, {}}; }

}  // namespace katlas
