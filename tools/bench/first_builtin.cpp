// Times the first Atlas::builtin() call of a process, the one that loads the built-in
// content, and prints it in microseconds. tools/bench/run starts it many times (a fresh
// process each time: later calls return the loaded atlas). With --yaml it times what that
// call did before the content was compiled in pre-parsed: loading the built-in YAML files.
#include <katlas/katlas.hpp>

#include <chrono>
#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
  const bool yaml = argc == 2 && std::strcmp(argv[1], "--yaml") == 0;
  if (argc > 2 || (argc == 2 && !yaml)) {
    std::cerr << "usage: katlas_first_builtin [--yaml]\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  std::size_t concepts = 0;
  if (yaml) {
    const katlas::LoadResult result =
        katlas::Atlas::load_files(katlas::Atlas::builtin_files(), {.display_root = "content"});
    if (!result.ok()) return 1;
    concepts = result.atlas().content().concepts.size();
  } else {
    concepts = katlas::Atlas::builtin().content().concepts.size();
  }
  const auto took = std::chrono::steady_clock::now() - start;
  std::cout << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us, " << concepts
            << " concepts\n";
  return 0;
}
