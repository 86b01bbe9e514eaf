// Spellings that would dangle must not compile. tests/CMakeLists.txt builds this file once with
// KATLAS_MISUSE=N for each numbered case below and requires the compiler to refuse it with a
// deleted function of that case; built as it is (no KATLAS_MISUSE), every case takes its safe
// spelling, which must compile. A case differs from its safe spelling in the marked line only.
#include <katlas/katlas.hpp>

#include <iostream>

#ifndef KATLAS_MISUSE
#define KATLAS_MISUSE 0
#endif

namespace {

// Case 1: a concept found in the atlas of a result that dies at the end of the statement.
const katlas::Concept* found([[maybe_unused]] katlas::LoadResult& result) {
#if KATLAS_MISUSE == 1
  return katlas::Atlas::load("content").atlas().find("tolerance");
#else
  return result.atlas().find("tolerance");
#endif
}

// Case 2: links that point into a temporary atlas.
std::size_t links([[maybe_unused]] katlas::LoadResult& result) {
#if KATLAS_MISUSE == 2
  const std::vector<katlas::Link> out = katlas::Atlas::load("content").atlas().related("tolerance");
#else
  const std::vector<katlas::Link> out = result.atlas().related("tolerance");
#endif
  return out.size();
}

// Case 3: an explanation whose views point into a temporary atlas.
bool explained([[maybe_unused]] katlas::LoadResult& result) {
#if KATLAS_MISUSE == 3
  const auto e = katlas::explain(katlas::Atlas::load("content").atlas(), {.query = "tolerance"});
#else
  const auto e = katlas::explain(result.atlas(), {.query = "tolerance"});
#endif
  return e.has_value();
}

// Case 4: sentences that point into a vector of links gone at the end of the statement.
std::size_t told(const katlas::Atlas& atlas) {
  [[maybe_unused]] const std::vector<katlas::Link> kept = atlas.related("tolerance");
#if KATLAS_MISUSE == 4
  const std::vector<katlas::LinkSentence> out = katlas::tell_links(atlas.related("tolerance"));
#else
  const std::vector<katlas::LinkSentence> out = katlas::tell_links(kept);
#endif
  return out.size();
}

}  // namespace

int main() {
  katlas::LoadResult result = katlas::Atlas::load("content");
  if (!result.ok()) return 1;
  const katlas::Atlas kept = std::move(result).atlas();  // taking the atlas out to keep it is fine
  std::cout << (found(result) != nullptr) << links(result) << explained(result) << told(kept) << '\n';
  return 0;
}
