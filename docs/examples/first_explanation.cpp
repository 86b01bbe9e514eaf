// Example: explain a concept from the built-in content, with its typed neighbours.
#include <katlas/core.hpp>

#include <iostream>

int main(int argc, char** argv) {
  const katlas::Atlas& atlas = katlas::Atlas::builtin();  // compiled in: no files needed
  const char* asked = argc > 1 ? argv[1] : "7-OH";
  const katlas::Concept* concept_found = atlas.find(asked);  // id, alias or title
  if (!concept_found) {
    std::cerr << "no concept '" << asked << "'\n";
    return 1;
  }
  std::cout << concept_found->title << " (evidence: " << katlas::to_string(concept_found->evidence) << ")\n"
            << concept_found->summary << "\n";
  for (const katlas::Link& link : atlas.related(*concept_found)) std::cout << "- " << link.sentence << "\n";
  for (const std::string& id : concept_found->sources)
    std::cout << "Source: " << atlas.source(id)->title << " " << atlas.source(id)->link() << "\n";
  return 0;
}
