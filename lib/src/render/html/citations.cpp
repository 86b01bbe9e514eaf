// Numbered citations on a page and the bibliography entry text they link to.
#include "render/html/pages.hpp"

#include <algorithm>

namespace katlas::detail::html {

std::size_t Citations::number(const std::string& id) {
  const auto it = std::find(ids_.begin(), ids_.end(), id);
  if (it != ids_.end()) return static_cast<std::size_t>(it - ids_.begin()) + 1;
  ids_.push_back(id);
  return ids_.size();
}

std::string Citations::markers(const std::vector<std::string>& source_ids) {
  if (source_ids.empty()) return {};
  std::string out = "<sup class=\"cite\">";
  for (const std::string& id : source_ids) {
    const std::string n = std::to_string(number(id));
    append(out, "<a href=\"#cite-", n, "\" aria-label=\"Source ", n, "\">[", n, "]</a>");
  }
  out += "</sup>";
  return out;
}

std::string Citations::list() const {
  std::string out = "<ol class=\"citations\">\n";
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    const Source* s = atlas_->source(ids_[i]);
    if (!s) continue;  // validated content never gets here
    append(out, "<li id=\"cite-", std::to_string(i + 1), "\">", source_entry(*s),
           " <a class=\"to-bibliography\" href=\"", escape_attribute(root_ + source_url(s->id)),
           "\">In the bibliography</a></li>\n");
  }
  out += "</ol>\n";
  return out;
}

std::string source_entry(const Source& s) {
  std::string out;
  append_escaped_html(out, s.authors);
  append(out, " (", std::to_string(s.year), "). <cite>");
  append_escaped_html(out, s.title);
  out += "</cite>.";
  if (!s.venue.empty()) append(out, " ", escape_html(s.venue), ".");
  if (const auto url = safe_url(s.link())) {
    // The link shows its own address (the URL, or the DOI the URL resolves): print adds no copy.
    const std::string shown = s.doi.empty() ? *url : "doi:" + s.doi;
    append(out, " <a class=\"external shows-address\" href=\"", escape_attribute(*url), "\">", escape_html(shown),
           "</a>");
  }
  if (!s.pmid.empty()) append(out, " PMID ", escape_html(s.pmid), ".");
  // A third party's copy is offered, but never as the work's own link.
  if (const auto copy = safe_url(s.copy_url); copy && !s.copy_url.empty())
    append(out, " <a class=\"external copy\" href=\"", escape_attribute(*copy), "\">A copy on another site</a>.");
  if (!s.note.empty()) append(out, " <span class=\"source-note\">", escape_html(s.note), "</span>");
  return out;
}

}  // namespace katlas::detail::html
