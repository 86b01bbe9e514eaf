// Walks a content folder on disk; never follows a link out of it or loops.
#include "load/read_folder.hpp"

#include "load/parse.hpp"
#include "load/read_regular.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

namespace katlas::detail {

namespace fs = std::filesystem;

namespace {

/// A content file the walk found, to be read.
struct Found {
  fs::path path;
  std::string rel, shown;  ///< Relative to the folder, and as diagnostics show it.
};

/// Whether the walk's current entry is a content file to read; a diagnostic when it cannot be one.
std::optional<Found> classify(const fs::directory_entry& entry, const fs::path& folder, const fs::path& root,
                              std::string_view display_root, Diagnostics& out) {
  const fs::path& path = entry.path();
  std::error_code st_ec;
  std::string rel = path.lexically_relative(folder).generic_string();
  std::string shown = display_path(display_root, rel);
  const auto refuse = [&](std::string message, std::string hint) {
    out.push_back({Severity::error, {shown, 0, 0}, std::move(message), std::move(hint)});
    return std::nullopt;
  };
  // A link to a folder is not followed (a loop could make the walk endless, and what it
  // holds may lie outside the content): said, not skipped in silence.
  if (entry.is_symlink(st_ec) && entry.is_directory(st_ec))
    return refuse("a link to a folder is not followed, so the files in it are not read",
                  "move the folder into the content folder instead of linking to it");
  if (path.extension() != ".yaml") {
    // Other files may sit beside the content (a README, the licence); in the folders that
    // hold only content, a file that is not read is most likely a mistake.
    const bool content_folder = rel.starts_with("concepts/") || rel.starts_with("handouts/");
    if (path.extension() == ".yml" || (content_folder && !entry.is_directory(st_ec)))
      out.push_back({Severity::warning,
                     {shown, 0, 0},
                     "not read: only files ending in .yaml are content",
                     path.extension() == ".yml" ? "rename it to end in .yaml"
                                                : "rename it to end in .yaml, or move it out of the content folder"});
    return std::nullopt;
  }
  if (entry.is_symlink(st_ec)) {
    // A file link is read only when it resolves inside the folder, and under its target's
    // path (as the loader always has); a loop or a dangling link is reported, not followed.
    std::error_code link_ec;
    const fs::path target = fs::canonical(path, link_ec);
    if (link_ec)
      return refuse("cannot follow link: " + link_ec.message(),
                    "point the link at a file inside the content folder, or replace it with the file");
    const fs::path inside = target.lexically_relative(root);
    if (inside.empty() || *inside.begin() == "..")
      return refuse("link points outside the content folder",
                    "copy the file into the content folder instead of linking to it");
    rel = inside.generic_string();
    shown = display_path(display_root, rel);
  }
  if (entry.is_directory(st_ec))
    return refuse("a folder is named like a content file", "rename the folder so that its name does not end in .yaml");
  if (!entry.is_regular_file(st_ec))
    return refuse(st_ec ? "cannot read file: " + st_ec.message() : "not a regular file",
                  "content files must be plain files");
  const auto size = entry.file_size(st_ec);
  if (!st_ec && size > max_file_bytes)
    return refuse("file is larger than " + std::to_string(max_file_bytes / (1024 * 1024)) + " MiB",
                  "split it into smaller files");
  return Found{path, std::move(rel), std::move(shown)};
}

/// The files the walk found, listed only: directory symlinks are not followed, so a link loop
/// cannot make the walk run forever.
std::vector<Found> list_folder(const fs::path& folder, std::string_view display_root, Diagnostics& out) {
  std::vector<Found> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  std::error_code root_ec;
  const fs::path root = fs::weakly_canonical(folder, root_ec);
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code dir_ec;
    // read_folder() has said what 'concepts' must be when it is a link: once is enough.
    if (it.depth() == 0 && it->path().filename() == "concepts" && it->is_symlink(dir_ec)) continue;
    // A folder the walk cannot enter would be skipped in silence (skip_permission_denied keeps
    // the walk going past it): its concepts would be missing from the site without a word.
    if (it->is_directory(dir_ec) && !it->is_symlink(dir_ec)) {
      fs::directory_iterator probe(it->path(), dir_ec);
      if (dir_ec) {
        out.push_back({Severity::error,
                       {display_path(display_root, it->path().lexically_relative(folder).generic_string()), 0, 0},
                       "cannot read folder: " + dir_ec.message(),
                       "make the folder readable (chmod a+rx), or move it out of the content folder"});
        it.disable_recursion_pending();
        continue;
      }
    }
    if (std::optional<Found> file = classify(*it, folder, root, display_root, out)) found.push_back(std::move(*file));
  }
  if (ec)
    out.push_back({Severity::error, {std::string(display_root), 0, 0}, "cannot list folder: " + ec.message(), ""});
  return found;
}

/// Reads the files on every core: on a busy disk, opening thousands of files is slower than
/// parsing them. A file that cannot be read keeps the reason (errno) for its message.
std::vector<ContentFile> read_found(std::vector<Found>& found, Diagnostics& out) {
  std::vector<FileRead> reads(found.size());
  parallel_for(found.size(), [&](std::size_t i) { reads[i] = read_regular_file(found[i].path, max_file_bytes); });
  std::vector<ContentFile> files;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!reads[i].text) {
      out.push_back({Severity::error,
                     {found[i].shown, 0, 0},
                     "cannot read file: " + reads[i].reason,
                     "make the file readable (chmod a+r), or move it out of the content folder"});
      continue;
    }
    files.push_back({std::move(found[i].rel), std::move(*reads[i].text)});
  }
  return files;
}

}  // namespace

std::vector<ContentFile> read_folder(const fs::path& folder, std::string_view display_root, Diagnostics& out) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    out.push_back({Severity::error,
                   {std::string(display_root), 0, 0},
                   fs::exists(folder, ec) ? "content path is not a folder" : "content folder does not exist",
                   "pass a folder that holds kinds.yaml, relations.yaml, sources.yaml and concepts/"});
    return {};
  }
  // concepts/ must be a folder of this content folder: missing, a file or a dangling link
  // would otherwise load as an atlas with no concepts and replace a whole site.
  const fs::path concepts = folder / "concepts";
  const std::string concepts_shown = display_path(display_root, "concepts");
  const fs::file_status link = fs::symlink_status(concepts, ec);
  const fs::file_status target = fs::status(concepts, ec);
  if (!fs::exists(link))
    out.push_back({Severity::error,
                   {concepts_shown, 0, 0},
                   "the folder 'concepts' is missing",
                   "create concepts/<kind>/ folders, each holding one .yaml file per concept"});
  else if (fs::is_symlink(link) && !fs::exists(target))
    out.push_back({Severity::error,
                   {concepts_shown, 0, 0},
                   "'concepts' is a link that points to nothing",
                   "make 'concepts' the folder of concept files itself, inside the content folder"});
  else if (fs::is_symlink(link))
    out.push_back({Severity::error,
                   {concepts_shown, 0, 0},
                   "'concepts' is a link, and links to folders are not followed",
                   "make 'concepts' the folder of concept files itself, inside the content folder"});
  else if (!fs::is_directory(link))
    out.push_back({Severity::error,
                   {concepts_shown, 0, 0},
                   "'concepts' is not a folder",
                   "make 'concepts' a folder holding concepts/<kind>/<id>.yaml files"});
  std::vector<Found> found = list_folder(folder, display_root, out);
  std::vector<ContentFile> files = read_found(found, out);
  std::sort(files.begin(), files.end(), [](const ContentFile& a, const ContentFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace katlas::detail
