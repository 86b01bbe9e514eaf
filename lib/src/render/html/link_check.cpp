// The internal link check: every href/src in the rendered HTML names a file and, with #, an element id.
#include "render/html/link_check.hpp"

#include <katlas/site.hpp>

#include <set>

namespace katlas {
namespace {

using Files = std::map<std::string, std::string, std::less<>>;

/// Values of every `name="..."` attribute in a document (the renderer always double-quotes).
std::vector<std::string> attribute_values(std::string_view html, std::string_view name) {
  std::vector<std::string> out;
  const std::string needle = " " + std::string(name) + "=\"";
  for (std::size_t at = html.find(needle); at != std::string_view::npos; at = html.find(needle, at + 1)) {
    const std::size_t start = at + needle.size();
    const std::size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;
    out.emplace_back(html.substr(start, end - start));
  }
  return out;
}

bool is_external(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:");
}

/// Resolves `url` relative to the page at `page`; empty when it climbs above the site root.
std::string resolve(std::string_view page, std::string_view url) {
  std::vector<std::string_view> parts;
  const std::size_t slash = page.rfind('/');
  const auto walk = [&](std::string_view path) {
    while (!path.empty()) {
      const std::size_t end = std::min(path.find('/'), path.size());
      const std::string_view part = path.substr(0, end);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      path.remove_prefix(std::min(end + 1, path.size()));
    }
    return true;
  };
  if ((slash != std::string_view::npos && !walk(page.substr(0, slash))) || !walk(url)) return {};
  std::string out;
  for (const std::string_view p : parts) out.append(out.empty() ? "" : "/").append(p);
  return out;
}

Diagnostic broken(const std::string& page, const std::string& url, const std::string& why) {
  return {Severity::error, {page}, "broken link '" + url + "': " + why, ""};
}

}  // namespace

namespace detail::html {

LinkChecker::PageLinks LinkChecker::scan(const std::string& page, std::string_view html) const {
  PageLinks links;
  const std::vector<std::string> found = attribute_values(html, "id");
  links.ids = {found.begin(), found.end()};
  const std::set<std::string>& page_ids = links.ids;
  std::vector<Pending>& pending = links.pending;
  std::vector<std::string> urls = attribute_values(html, "href");
  for (std::string& src : attribute_values(html, "src")) urls.push_back(std::move(src));
  for (const std::string& url : urls) {
    if (is_external(url)) continue;
    const std::size_t hash = url.find('#');
    const std::string file_part = url.substr(0, hash);
    std::string target = file_part.empty() ? page : resolve(page, file_part.substr(0, file_part.find('?')));
    if (target.empty()) target = file_part.empty() ? page : "";
    if (target.empty() || !exists_(target)) {
      pending.push_back({url, "", "", "no such file in the site"});
      continue;
    }
    if (hash == std::string::npos) continue;
    std::string fragment = url.substr(hash + 1);
    if (target == page) {  // this page's ids are known now: no need to keep the link
      if (fragment.empty() || page_ids.count(fragment) == 0)
        pending.push_back({url, "", "", "no element with id '" + fragment + "' in " + target});
      continue;
    }
    pending.push_back({url, std::move(target), std::move(fragment), ""});
  }
  return links;
}

void LinkChecker::add(const std::string& page, PageLinks links) {
  ids_[page] = std::move(links.ids);
  if (!links.pending.empty()) pending_[page] = std::move(links.pending);
}

std::vector<Diagnostic> LinkChecker::finish() const {
  std::vector<Diagnostic> out;
  for (const auto& [page, links] : pending_)
    for (const Pending& p : links) {
      if (!p.error.empty()) {
        out.push_back(broken(page, p.url, p.error));
        continue;
      }
      const auto page_ids = ids_.find(p.target);
      if (p.fragment.empty() || page_ids == ids_.end() || page_ids->second.count(p.fragment) == 0)
        out.push_back(broken(page, p.url, "no element with id '" + p.fragment + "' in " + p.target));
    }
  return out;
}

}  // namespace detail::html

std::vector<Diagnostic> check_links(const Files& files) {
  detail::html::LinkChecker checker([&](std::string_view path) { return files.find(path) != files.end(); });
  for (const auto& [path, html] : files)
    if (path.ends_with(".html")) checker.add_page(path, html);
  return checker.finish();
}

}  // namespace katlas
