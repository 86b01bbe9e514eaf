// The internal link check: every href/src in the rendered HTML names a file and, with #, an element id.
#include "render/html/link_check.hpp"

#include <katlas/site.hpp>

#include <iterator>
#include <set>

namespace katlas {
namespace {

using Files = std::map<std::string, std::string, std::less<>>;

/// The values of every ` id="..."`, ` href="..."` and ` src="..."` in a document (the
/// renderer always double-quotes), in document order. One pass that stops only at `="`,
/// which is rare in text, rather than one search per name that stops at every space.
struct Attributes {
  std::vector<std::string> ids, hrefs, srcs;
};

Attributes attribute_values(std::string_view html) {
  Attributes out;
  for (std::size_t at = html.find("=\""); at != std::string_view::npos; at = html.find("=\"", at + 1)) {
    const std::string_view before = html.substr(0, at);
    std::vector<std::string>* list = before.ends_with(" id")     ? &out.ids
                                     : before.ends_with(" href") ? &out.hrefs
                                     : before.ends_with(" src")  ? &out.srcs
                                                                 : nullptr;
    if (!list) continue;
    const std::size_t start = at + 2;
    const std::size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;
    list->emplace_back(html.substr(start, end - start));
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

/// Why `#fragment` on `target` is broken, given that page's element ids (nullptr: the target
/// is no HTML page the check has seen); empty when the fragment names one of them.
std::string missing_id(const std::string& fragment, const std::string& target, const std::set<std::string>* ids) {
  if (!fragment.empty() && ids && ids->count(fragment) > 0) return {};
  return "no element with id '" + fragment + "' in " + target;
}

}  // namespace

namespace detail::html {

LinkChecker::PageLinks LinkChecker::scan(const std::string& page, std::string_view html) const {
  PageLinks links;
  Attributes found = attribute_values(html);
  links.ids = {std::make_move_iterator(found.ids.begin()), std::make_move_iterator(found.ids.end())};
  const std::set<std::string>& page_ids = links.ids;
  std::vector<Pending>& pending = links.pending;
  std::vector<std::string>& urls = found.hrefs;
  for (std::string& src : found.srcs) urls.push_back(std::move(src));
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
      if (std::string error = missing_id(fragment, target, &page_ids); !error.empty())
        pending.push_back({url, "", "", std::move(error)});
      continue;
    }
    pending.push_back({url, std::move(target), std::move(fragment), ""});
  }
  return links;
}

void LinkChecker::add(const std::string& page, PageLinks links) {
  // A link to a page added before is settled now (its ids are known): only links to pages
  // still to come wait for finish(), so a big site's links are not all held to the end.
  std::vector<Pending> left;
  for (Pending& p : links.pending) {
    if (const auto target = ids_.find(p.target); p.error.empty() && target != ids_.end()) {
      p.error = missing_id(p.fragment, p.target, &target->second);
      if (p.error.empty()) continue;
    }
    left.push_back(std::move(p));
  }
  ids_[page] = std::move(links.ids);
  if (!left.empty()) {
    left.shrink_to_fit();
    pending_[page] = std::move(left);
  }
}

std::vector<std::string> LinkChecker::fragment_links(const PageLinks& links) {
  std::vector<std::string> urls;
  for (const Pending& p : links.pending)
    if (p.error.empty()) urls.push_back(p.url);
  return urls;
}

void LinkChecker::add_unchanged(const std::string& page, const std::vector<std::string>& fragment_links) {
  unchanged_.insert(page);
  std::vector<Pending> left;
  for (const std::string& url : fragment_links) {
    const std::string file_part = url.substr(0, url.find('#'));
    std::string target = resolve(page, file_part.substr(0, file_part.find('?')));
    // The previous build found the target; when it is unchanged too, the link still holds.
    if (unchanged_.count(target) > 0) continue;
    left.push_back({url, std::move(target), url.substr(url.find('#') + 1), ""});
  }
  if (!left.empty()) pending_[page] = std::move(left);
}

const std::set<std::string>* LinkChecker::ids_of(const std::string& page) {
  if (const auto known = ids_.find(page); known != ids_.end()) return &known->second;
  if (unchanged_.count(page) == 0 || !previous_) return nullptr;
  const std::optional<std::string> bytes = previous_(page);
  if (!bytes) return nullptr;
  Attributes found = attribute_values(*bytes);
  return &(ids_[page] = {std::make_move_iterator(found.ids.begin()), std::make_move_iterator(found.ids.end())});
}

Diagnostics LinkChecker::finish() {
  Diagnostics out;
  for (const auto& [page, links] : pending_)
    for (const Pending& p : links) {
      if (!p.error.empty()) {
        out.push_back(broken(page, p.url, p.error));
        continue;
      }
      // Both ends kept unread: the previous build checked this link between the same bytes.
      if (unchanged_.count(page) > 0 && unchanged_.count(p.target) > 0) continue;
      if (std::string error = missing_id(p.fragment, p.target, ids_of(p.target)); !error.empty())
        out.push_back(broken(page, p.url, error));
    }
  return out;
}

}  // namespace detail::html

Diagnostics check_links(const Files& files) {
  detail::html::LinkChecker checker([&](std::string_view path) { return files.find(path) != files.end(); });
  for (const auto& [path, html] : files)
    if (path.ends_with(".html")) checker.add_page(path, html);
  return checker.finish();
}

}  // namespace katlas
