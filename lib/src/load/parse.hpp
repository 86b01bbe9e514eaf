// Stage 1 of loading: YAML files -> Content, with a diagnostic for every shape problem.
#pragma once

#include "load/parse_cache.hpp"
#include "load/read_regular.hpp"
#include "load/yaml_fields.hpp"

#include <katlas/atlas.hpp>
#include <katlas/content.hpp>

#include <string_view>
#include <vector>

namespace katlas::detail {

/// Most relations one concept may write (see parse_concept.cpp); the built-in content's
/// busiest concept has 26.
inline constexpr std::size_t max_relations_per_concept = 250;

/// What parsing found, beyond the content: which parts could not be read, so that later
/// checks do not bury the real problem under errors that follow from it.
struct ParseGaps {
  bool kinds = false, relation_types = false, sources = false;  ///< True when that file is missing or broken.
  std::vector<std::string> concept_ids;                         ///< File stems of concept files that could not be read.
  bool concepts = false;  ///< True when there is no concept file at all: no reference to a concept is checked.
};

/// What parse_files() says when there is no concept file; Atlas::load() leaves it out when
/// the folder reader has said why already (`concepts/` missing, a file or a link).
inline constexpr std::string_view no_concept_files = "the content has no concept files";

/// What parse_files() says when a vocabulary file is missing: "missing kinds.yaml".
std::string missing_file(std::string_view name);
/// Whether `d` is missing_file() said of the file it points at; Atlas::load() leaves it out
/// when the folder reader refused that file and said why (too large, unreadable, a link).
bool is_missing_file(const Diagnostic& d);

/// Parses every file (vocabularies, sources, concepts) into one Content. Files that fail
/// to parse are reported and skipped; the rest is still read so that one run shows every
/// problem. Cross-references are not checked here (see validate.hpp). With a cache, concept
/// files it knows are not parsed again, and the clean ones parsed now are added to it.
Content parse_files(const std::vector<ContentFile>& files, std::string_view display_root, Diagnostics& out,
                    ParseGaps& gaps, ParseCache* cache = nullptr);

/// Parses one YAML document after the byte checks (size, encoding, nesting depth) that keep
/// hostile files away from yaml-cpp; every problem becomes a diagnostic. Used for content
/// files and handout recipes alike.
std::optional<YAML::Node> parse_yaml(const ContentFile& file, FieldReader& reader);

/// `root/rel` as shown in diagnostics (`rel` alone when root is empty).
std::string display_path(std::string_view root, std::string_view rel);

}  // namespace katlas::detail
