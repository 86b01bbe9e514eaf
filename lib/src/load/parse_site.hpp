// Parsing the two presentation files of a content folder: site.yaml and help-lines.yaml.
#pragma once

#include "load/yaml_fields.hpp"

#include <katlas/content.hpp>

#include <vector>

namespace katlas::detail {

/// Reads `site.yaml` (title, home page words, start paths, featured cycle, help concept,
/// schema.org types) into `site`. Ids are checked later, against the whole content (validate.hpp).
void parse_site(const YAML::Node& root, FieldReader& reader, SiteConfig& site);

/// Reads `help-lines.yaml` (`regions:`, each with its phone lines) into `regions`. Source
/// and concept ids are checked later (validate.hpp).
void parse_help_lines(const YAML::Node& root, FieldReader& reader, std::vector<HelpRegion>& regions);

}  // namespace katlas::detail
