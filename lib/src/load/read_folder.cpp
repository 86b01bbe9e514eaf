// Walks a content folder on disk; never follows a link out of it or loops.
#include "load/read_folder.hpp"

#include "load/parse.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

namespace katlas::detail {

namespace fs = std::filesystem;

std::vector<ContentFile> read_folder(const fs::path& folder, std::string_view display_root,
                                     std::vector<Diagnostic>& out) {
  std::vector<ContentFile> files;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    out.push_back({Severity::error, {std::string(display_root), 0, 0},
                   fs::exists(folder, ec) ? "content path is not a folder" : "content folder does not exist",
                   "pass a folder that holds kinds.yaml, relations.yaml, sources.yaml and concepts/"});
    return files;
  }
  // Directory symlinks are not followed, so a link loop cannot make the walk run forever.
  // The walk only lists the files; they are read afterwards on every core, because on a busy
  // disk opening thousands of files is slower than parsing them.
  struct Found {
    fs::path path;
    std::string rel, shown;
  };
  std::vector<Found> found;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != ".yaml") continue;
    std::error_code st_ec;
    // A file link may point elsewhere: fs::relative resolves it (as the loader always has);
    // every other path is below `folder` as written, and the lexical form needs no system calls.
    const std::string rel = (it->is_symlink(st_ec) ? fs::relative(path, folder, ec) : path.lexically_relative(folder))
                                .generic_string();
    std::string shown = display_path(display_root, rel);
    if (it->is_directory(st_ec)) {
      out.push_back({Severity::error, {shown, 0, 0}, "a folder is named like a content file", "rename the folder"});
      continue;
    }
    if (!it->is_regular_file(st_ec)) {
      out.push_back({Severity::error, {shown, 0, 0},
                     st_ec ? "cannot read file: " + st_ec.message() : "not a regular file (a broken link?)",
                     "content files must be plain files"});
      continue;
    }
    const auto size = it->file_size(st_ec);
    if (!st_ec && size > max_file_bytes) {
      out.push_back({Severity::error, {shown, 0, 0},
                     "file is larger than " + std::to_string(max_file_bytes / (1024 * 1024)) + " MiB",
                     "split it into smaller files"});
      continue;
    }
    found.push_back({path, rel, std::move(shown)});
  }
  std::vector<std::optional<std::string>> texts(found.size());
  parallel_for(found.size(), [&](std::size_t i) {
    std::ifstream in(found[i].path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (in && !in.bad()) texts[i] = std::move(text).str();
  });
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!texts[i]) {
      out.push_back({Severity::error, {found[i].shown, 0, 0}, "cannot read file", "check that it exists and is readable"});
      continue;
    }
    files.push_back({std::move(found[i].rel), std::move(*texts[i])});
  }
  if (ec)
    out.push_back({Severity::error, {std::string(display_root), 0, 0}, "cannot list folder: " + ec.message(), ""});
  std::sort(files.begin(), files.end(), [](const ContentFile& a, const ContentFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace katlas::detail
