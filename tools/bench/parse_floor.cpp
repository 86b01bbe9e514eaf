// The parse floor: what yaml-cpp alone costs on a content folder. Reads every .yaml file
// below the folder and parses it with YAML::Load, one file after another, and nothing else.
// tools/bench/run times it as a whole process beside `katlas build` and `katlas check` on the
// same corpus and reports each one's CPU time as a multiple of this one's.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: katlas_parse_floor FOLDER\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(argv[1]))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::size_t nodes = 0;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const YAML::Node root = YAML::Load(text.str());
    nodes += root.size();  // used, so the parse cannot be optimised away
  }
  std::cout << files.size() << " files, " << nodes << " top-level entries\n";
  return files.empty() ? 1 : 0;
}
