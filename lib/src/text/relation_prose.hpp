// Relations told as prose: links of one type, direction and evidence from one concept read as
// one sentence ("Withdrawal can include anxiety, craving and diarrhoea."), in the wording of
// their evidence level. Used by every renderer that prints relation sentences.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Renders a concept's name inside a sentence; `at_start` asks for a capital first letter.
using NameFn = std::function<std::string(const Concept& entry, bool at_start)>;
/// Renders literal template text (escaping it, for HTML); `at_start` as for NameFn.
using TextFn = std::function<std::string(std::string_view text, bool at_start)>;

/// The links, in order, gathered into sentences: a group holds links of one type, direction,
/// evidence and basis, none with a note, whose template ends with the other concept ("{to}."),
/// so the other concepts can be listed. Every other link is a group of one. A group stands
/// where its first link stood.
std::vector<std::vector<const Link*>> group_links(const std::vector<Link>& links);

/// The sentence of a group, from the template for its evidence level: the other concepts
/// joined as "a, b and c". When the other concept is a popular claim with a verdict, the
/// verdict follows ("Verdict: Not supported by the evidence.").
std::string tell(const std::vector<const Link*>& group, const NameFn& name, const TextFn& text);

/// The same as plain text: sentence names, the first letter capitalised.
std::string tell(const std::vector<const Link*>& group);

/// What goes before item `i` of `count` in a series written out in English: nothing before
/// the first, `conjunction` (" and ", " or ") before the last, ", " between the others:
/// "a, b and c".
std::string_view series_separator(std::size_t i, std::size_t count, std::string_view conjunction = " and ");

/// `text` with its first letter capitalised (ASCII letters only).
std::string capitalised(std::string text);

/// The note a reader of this audience gets: lay readers the plain `note`; professionals the
/// `pro_note` when there is one, else the `note`. Empty when there is none for them.
std::string_view note_for(const Relation& relation, bool professional);

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
