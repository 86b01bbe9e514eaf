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
    out += "<a href=\"#cite-" + n + "\" aria-label=\"Source " + n + "\">[" + n + "]</a>";
  }
  return out + "</sup>";
}

std::string Citations::list() const {
  std::string out = "<ol class=\"citations\">\n";
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    const Source* s = atlas_->source(ids_[i]);
    if (!s) continue;  // validated content never gets here
    out += "<li id=\"cite-" + std::to_string(i + 1) + "\">" + source_entry(*s) + " <a class=\"to-bibliography\" href=\"" +
           escape_attribute(root_ + source_url(s->id)) + "\">In the bibliography</a></li>\n";
  }
  return out + "</ol>\n";
}

std::string source_entry(const Source& s) {
  std::string out = escape_html(s.authors) + " (" + std::to_string(s.year) + "). <cite>" + escape_html(s.title) + "</cite>.";
  if (!s.venue.empty()) out += " " + escape_html(s.venue) + ".";
  if (const auto url = safe_url(s.link())) {
    const std::string shown = s.doi.empty() ? *url : "doi:" + s.doi;
    out += " <a class=\"external\" href=\"" + escape_attribute(*url) + "\">" + escape_html(shown) + "</a>";
  }
  if (!s.pmid.empty()) out += " PMID " + escape_html(s.pmid) + ".";
  if (!s.note.empty()) out += " <span class=\"source-note\">" + escape_html(s.note) + "</span>";
  return out;
}

}  // namespace katlas::detail::html
