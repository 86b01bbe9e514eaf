// Example: load a content folder, print every diagnostic, then search and explain a path.
#include <katlas/core.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: load_and_query CONTENT_DIR [QUERY]\n";
    return 2;
  }
  katlas::LoadResult result = katlas::Atlas::load(argv[1]);
  std::cerr << result.diagnostics.format();
  if (!result.ok()) return 1;  // no exception: the diagnostics say what is wrong
  // Keep the atlas: what it returns (Concept*, Link, PathStep) lives as long as it does.
  const katlas::Atlas atlas = std::move(result).atlas();

  for (const katlas::SearchHit& hit : atlas.search(argc > 2 ? argv[2] : "withdrawal", 3))
    std::cout << "match: " << hit.entry->id << "\n";

  // By id; find() takes aliases and titles too, and the path(const Concept&, ...) overload its results.
  if (const auto steps = atlas.path("tolerance", "withdrawal"))
    for (const katlas::PathStep& step : *steps) std::cout << "step: " << step.sentence << "\n";
  return 0;
}
