// libFuzzer target: hostile bytes through the real loader, as a concept file and as a vocabulary file.
//
// Each input is loaded twice over the valid base fixture (tests/fixtures/base): once as a
// concept file, once in place of kinds.yaml, relations.yaml or sources.yaml (which one
// follows from the input's size, so mutations reach all three). The loader must return
// diagnostics for anything it cannot use: a crash, a sanitizer report, a hang or an
// exception escaping Atlas::load_files() is a bug.
#include "support.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

const std::vector<katlas::ContentFile>& base() {
  static const std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
  return files;
}

// Loads the base fixture with `path` replaced by (or added as) `text`; the result must be
// diagnostics or an atlas, never both missing.
void load_with(const std::string& path, const std::string& text) {
  std::vector<katlas::ContentFile> files = base();
  std::erase_if(files, [&](const katlas::ContentFile& f) { return f.path == path; });
  files.push_back({path, text});
  const katlas::LoadResult result =
      katlas::Atlas::load_files(std::move(files), {.display_root = "content", .strict = true});
  if (!result.ok() && result.diagnostics.empty()) std::abort();  // a failed load must say why
  for (const katlas::Diagnostic& d : result.diagnostics) {
    if (d.message.empty()) std::abort();        // every diagnostic says what is wrong
    if (d.message.size() > 4096) std::abort();  // and echoes no unbounded input
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("KATLAS_THREADS", "1", 1);  // one thread: reproducible runs, and libFuzzer's timeouts stay meaningful
  base();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  load_with("concepts/condition/fuzz.yaml", text);
  static const char* const vocabularies[] = {"kinds.yaml", "relations.yaml", "sources.yaml"};
  load_with(vocabularies[size % 3], text);
  return 0;
}
