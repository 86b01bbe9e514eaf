// One place sets md4c's dialect flags, so the site and the handouts read `details` alike.
#include "text/markdown_walk.hpp"

namespace katlas::detail {

void walk_markdown(std::string_view text, const MarkdownWalk& walk, void* userdata) {
  MD_PARSER parser{};
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = walk.enter_block;
  parser.leave_block = walk.leave_block;
  parser.enter_span = walk.enter_span;
  parser.leave_span = walk.leave_span;
  parser.text = walk.text;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, userdata);
}

}  // namespace katlas::detail
