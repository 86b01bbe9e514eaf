// Parsing the vocabulary files: kinds.yaml, relations.yaml, sources.yaml, site.yaml and
// help-lines.yaml, each into its own part of a Content.
#pragma once

#include "load/yaml_fields.hpp"

#include <katlas/atlas.hpp>
#include <katlas/content.hpp>

#include <string_view>

namespace katlas::detail {

/// What one vocabulary file gave, read on its own thread.
struct ParsedVocabulary {
  Content part;  ///< Only the list (or site.yaml, or help lines) this file holds is filled.
  Diagnostics diagnostics;
  bool readable = false;  ///< Valid YAML (and passed the prescan).
  bool is_list = true;    ///< The file is a list (else nothing of it could be used).
};

/// True for the paths of the vocabulary files at the content folder's top.
bool is_vocabulary(std::string_view path);

ParsedVocabulary parse_vocabulary_file(const ContentFile& file, std::string_view display_root);

}  // namespace katlas::detail
