// Walks a content folder on disk; never follows a link out of it or loops.
#include "load/read_folder.hpp"

#include "load/parse.hpp"

#include <algorithm>
#include <fstream>
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
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != ".yaml") continue;
    const std::string rel = fs::relative(path, folder, ec).generic_string();
    const std::string shown = display_path(display_root, rel);
    std::error_code st_ec;
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
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      out.push_back({Severity::error, {shown, 0, 0}, "cannot read file", "check that it exists and is readable"});
      continue;
    }
    files.push_back({rel, std::move(text).str()});
  }
  if (ec)
    out.push_back({Severity::error, {std::string(display_root), 0, 0}, "cannot list folder: " + ec.message(), ""});
  std::sort(files.begin(), files.end(), [](const ContentFile& a, const ContentFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace katlas::detail
