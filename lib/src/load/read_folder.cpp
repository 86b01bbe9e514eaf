// Walks a content folder on disk; never follows a link out of it or loops.
#include "load/read_folder.hpp"

#include "load/parse.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace katlas::detail {

namespace fs = std::filesystem;

std::vector<ContentFile> read_folder(const fs::path& folder, std::string_view display_root,
                                     std::vector<Diagnostic>& out) {
  std::vector<ContentFile> files;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    out.push_back({Severity::error,
                   {std::string(display_root), 0, 0},
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
  std::error_code root_ec;
  const fs::path root = fs::weakly_canonical(folder, root_ec);
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != ".yaml") continue;
    std::error_code st_ec;
    std::string rel = path.lexically_relative(folder).generic_string();
    std::string shown = display_path(display_root, rel);
    if (it->is_symlink(st_ec)) {
      // A file link is read only when it resolves inside the folder, and under its target's
      // path (as the loader always has); a loop or a dangling link is reported, not followed.
      std::error_code link_ec;
      const fs::path target = fs::canonical(path, link_ec);
      if (link_ec) {
        out.push_back({Severity::error,
                       {shown, 0, 0},
                       "cannot follow link: " + link_ec.message(),
                       "point the link at a file inside the content folder, or replace it with the file"});
        continue;
      }
      const fs::path inside = target.lexically_relative(root);
      if (inside.empty() || *inside.begin() == "..") {
        out.push_back({Severity::error,
                       {shown, 0, 0},
                       "link points outside the content folder",
                       "copy the file into the content folder instead of linking to it"});
        continue;
      }
      rel = inside.generic_string();
      shown = display_path(display_root, rel);
    }
    if (it->is_directory(st_ec)) {
      out.push_back({Severity::error,
                     {shown, 0, 0},
                     "a folder is named like a content file",
                     "rename the folder so that its name does not end in .yaml"});
      continue;
    }
    if (!it->is_regular_file(st_ec)) {
      out.push_back({Severity::error,
                     {shown, 0, 0},
                     st_ec ? "cannot read file: " + st_ec.message() : "not a regular file",
                     "content files must be plain files"});
      continue;
    }
    const auto size = it->file_size(st_ec);
    if (!st_ec && size > max_file_bytes) {
      out.push_back({Severity::error,
                     {shown, 0, 0},
                     "file is larger than " + std::to_string(max_file_bytes / (1024 * 1024)) + " MiB",
                     "split it into smaller files"});
      continue;
    }
    found.push_back({path, std::move(rel), std::move(shown)});
  }
  // A file that cannot be opened keeps the reason (errno) for its message.
  std::vector<std::optional<std::string>> texts(found.size());
  std::vector<int> errors(found.size(), 0);
  parallel_for(found.size(), [&](std::size_t i) {
    errno = 0;
    std::ifstream in(found[i].path, std::ios::binary);
    if (!in) {
      errors[i] = errno;
      return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.bad())
      texts[i] = std::move(text).str();
    else
      errors[i] = errno;
  });
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!texts[i]) {
      const std::string reason = errors[i] ? std::generic_category().message(errors[i]) : std::string("read failed");
      out.push_back({Severity::error,
                     {found[i].shown, 0, 0},
                     "cannot read file: " + reason,
                     "make the file readable (chmod a+r), or move it out of the content folder"});
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
