// Example: a printable handout from a built-in recipe, as one self-contained HTML page
// (print it from a browser, or with katlas::print_pdf()).
#include <katlas/katlas.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  const katlas::Atlas& atlas = katlas::Atlas::builtin();
  const std::string wanted = argc > 1 ? argv[1] : "understanding-tolerance";
  const char* out_path = argc > 2 ? argv[2] : "handout.html";
  for (const katlas::HandoutRecipe& recipe : atlas.content().handouts) {
    if (recipe.id != wanted) continue;
    const katlas::Handout handout = katlas::compose_handout(atlas, recipe);
    std::ofstream(out_path, std::ios::binary) << katlas::render_handout_html(handout);
    std::cout << "wrote " << out_path << ": " << handout.title << "\n";
    return 0;
  }
  std::cerr << "no handout recipe '" << wanted << "'\n";
  return 1;
}
