// Content values as cache bytes: concepts both ways (the parse cache), and every value one
// way (page fingerprints hash these bytes).
#pragma once

#include <katlas/core_export.hpp>

#include "cache/binary.hpp"

#include <katlas/content.hpp>

#include <optional>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail::cache {

/// What write() writes of a concept.
enum class ConceptPart {
  whole,   ///< Every field and position: read_concept() reads it back (the parse cache).
  listed,  ///< What a list of concepts can show: every field but the details, and no
           ///< positions in the file (an index page's fingerprint; read_concept() cannot read it).
};

void write(Writer& out, const Concept& entry, ConceptPart part = ConceptPart::whole);
void write(Writer& out, const Kind& kind);
void write(Writer& out, const RelationType& type);
void write(Writer& out, const Source& source);
void write(Writer& out, const SiteConfig& site);

/// A concept as write() wrote it; nothing when the bytes are not one.
std::optional<Concept> read_concept(Reader& in);

}  // namespace katlas::detail::cache

KATLAS_CORE_INTERNAL_END
