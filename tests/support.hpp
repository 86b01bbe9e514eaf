// Test helpers: read fixture folders from disk and load them, with or without an overlay.
#pragma once

#include <katlas/katlas.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace katlas::test {

inline std::string fixture_path(const std::string& name) { return std::string(KATLAS_FIXTURES) + "/" + name; }

/// Every file below `folder`, relative paths with '/'.
inline std::vector<ContentFile> read_tree(const std::filesystem::path& folder) {
  std::vector<ContentFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({std::filesystem::relative(entry.path(), folder).generic_string(), text.str()});
  }
  return files;
}

/// The valid base fixture with the files of `errors/<name>/` added or replacing base files.
/// A file whose whole text is `DELETE` removes the base file of that path. An empty name
/// loads the base fixture alone.
inline LoadResult load_case(const std::string& name, bool strict = false) {
  std::vector<ContentFile> files = read_tree(fixture_path("base"));
  const std::vector<ContentFile> overlays =
      name.empty() ? std::vector<ContentFile>{} : read_tree(fixture_path("errors/" + name));
  for (ContentFile overlay : overlays) {
    std::erase_if(files, [&](const ContentFile& f) { return f.path == overlay.path; });
    if (overlay.text != "DELETE\n") files.push_back(std::move(overlay));
  }
  return Atlas::load_files(std::move(files), {.display_root = "content", .strict = strict});
}

/// The base fixture with the hostile overlay (tests/fixtures/hostile/), as
/// tests/browser/hostile-content.cmake lays it: a file replaces its namesake in the base
/// fixture, a `.append` file is added to the end of its namesake.
inline std::vector<ContentFile> hostile_files() {
  std::vector<ContentFile> files = read_tree(fixture_path("base"));
  for (const ContentFile& extra : read_tree(fixture_path("hostile"))) {
    const bool append = extra.path.ends_with(".append");
    const std::string path = append ? extra.path.substr(0, extra.path.size() - 7) : extra.path;
    const auto same = std::find_if(files.begin(), files.end(), [&](const ContentFile& f) { return f.path == path; });
    if (same == files.end())
      files.push_back({path, extra.text});
    else
      same->text = append ? same->text + extra.text : extra.text;
  }
  return files;
}

/// The formatted diagnostics, one per line, for readable failure output.
inline std::string formatted(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += format(d) + "\n";
  return out;
}

/// True when some diagnostic formats exactly as `line`.
inline bool has_line(const LoadResult& result, const std::string& line) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic& d) { return format(d) == line; });
}

}  // namespace katlas::test
