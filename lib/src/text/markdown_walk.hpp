// The content's one Markdown dialect, parsed by md4c for every reader of `details` (site, handouts).
#pragma once

#include <katlas/core_export.hpp>

#include <md4c.h>

#include <string_view>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// The md4c callbacks of one walk over a text; each gets the walk's `userdata`.
struct MarkdownWalk {
  int (*enter_block)(MD_BLOCKTYPE type, void* detail, void* userdata);
  int (*leave_block)(MD_BLOCKTYPE type, void* detail, void* userdata);
  int (*enter_span)(MD_SPANTYPE type, void* detail, void* userdata);
  int (*leave_span)(MD_SPANTYPE type, void* detail, void* userdata);
  int (*text)(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata);
};

/// Parses `text` as content Markdown (CommonMark with tables and strikethrough; raw HTML is
/// never parsed as HTML) and calls `walk`'s callbacks in document order.
void walk_markdown(std::string_view text, const MarkdownWalk& walk, void* userdata);

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
