// Addresses of pages in the reader's site, for other renderers and programs (handouts, explanations).
#include <katlas/urls.hpp>

namespace katlas {

std::string concept_page_path(std::string_view id) {
  std::string path = "concepts/";
  path += id;
  path += ".html";
  return path;
}

std::string concept_page_url(std::string_view site_url, std::string_view id) {
  std::string url(site_url);
  if (!url.empty() && url.back() != '/') url += '/';
  return url + concept_page_path(id);
}

}  // namespace katlas
