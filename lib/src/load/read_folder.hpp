// Reads a content folder from disk into ContentFiles, reporting files it cannot read.
#pragma once

#include <katlas/atlas.hpp>

#include <filesystem>
#include <vector>

namespace katlas::detail {

/// Every `*.yaml` file below `folder`, sorted by relative path. Unreadable files, symlink
/// loops and oversize files become diagnostics; reading goes on past them.
std::vector<ContentFile> read_folder(const std::filesystem::path& folder, std::string_view display_root,
                                     Diagnostics& out);

}  // namespace katlas::detail
