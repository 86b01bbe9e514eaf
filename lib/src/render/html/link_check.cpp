// The internal link check: every href/src in the rendered HTML names a file and, with #, an element id.
#include "render/html/link_check.hpp"

#include <katlas/site.hpp>

#include <algorithm>

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
std::string missing_id(std::string_view fragment, const std::string& target, const detail::html::IdSet* ids) {
  if (!fragment.empty() && ids && ids->contains(fragment)) return {};
  return "no element with id '" + std::string(fragment) + "' in " + target;
}

}  // namespace

namespace detail::html {

std::string_view LinkChecker::Pending::fragment() const {
  const std::size_t hash = url.find('#');
  return hash == std::string::npos ? std::string_view() : std::string_view(url).substr(hash + 1);
}

LinkChecker::PageLinks LinkChecker::scan(const std::string& page, std::string_view html) const {
  PageLinks links;
  Attributes found = attribute_values(html);
  links.ids = IdSet(std::move(found.ids));
  std::vector<Pending>& pending = links.pending;
  std::vector<std::string>& urls = found.hrefs;
  for (std::string& src : found.srcs) urls.push_back(std::move(src));
  for (std::string& url : urls) {
    if (is_external(url)) continue;
    const std::size_t hash = url.find('#');
    const std::string file_part = url.substr(0, hash);
    std::string target = file_part.empty() ? page : resolve(page, file_part.substr(0, file_part.find('?')));
    if (target.empty()) target = file_part.empty() ? page : "";
    if (target.empty() || !exists_(target)) {
      pending.push_back({std::move(url), "", "no such file in the site"});
      continue;
    }
    if (hash == std::string::npos) continue;
    if (target == page) {  // this page's ids are known now: no need to keep the link
      if (std::string error = missing_id(std::string_view(url).substr(hash + 1), target, &links.ids); !error.empty())
        pending.push_back({std::move(url), "", std::move(error)});
      continue;
    }
    pending.push_back({std::move(url), std::move(target), ""});
  }
  return links;
}

std::size_t LinkChecker::page_index(const std::string& page, bool unchanged) {
  pages_.push_back(page);
  page_unchanged_.push_back(unchanged);
  return pages_.size() - 1;
}

void LinkChecker::settle(std::size_t page, std::size_t order, std::string url, const std::string& target) {
  // Both ends kept unread: the previous build checked this link between the same bytes.
  if (page_unchanged_[page] && unchanged_.contains(target)) return;
  const std::size_t hash = url.find('#');
  std::string why = missing_id(std::string_view(url).substr(hash + 1), target, ids_of(target));
  if (!why.empty()) broken_.push_back({page, order, std::move(url), std::move(why)});
}

void LinkChecker::link(std::size_t page, std::size_t order, std::string url, std::string target) {
  // A link to a page added before is settled now (its ids are known): only links to pages
  // still to come wait, each until its page comes, so a big site's links are not all held to the end.
  if (ids_.contains(target) || unchanged_.contains(target))
    settle(page, order, std::move(url), target);
  else
    waiting_[std::move(target)].push_back({page, order, std::move(url)});
}

void LinkChecker::arrived(const std::string& page) {
  const auto it = waiting_.find(page);
  if (it == waiting_.end()) return;
  std::vector<Waiting> links = std::move(it->second);
  waiting_.erase(it);
  for (Waiting& w : links) settle(w.page, w.order, std::move(w.url), page);
}

void LinkChecker::add(const std::string& page, PageLinks links) {
  const std::size_t index = page_index(page, false);
  ids_[page] = std::move(links.ids);
  for (std::size_t order = 0; order < links.pending.size(); ++order) {
    Pending& p = links.pending[order];
    if (!p.error.empty())
      broken_.push_back({index, order, std::move(p.url), std::move(p.error)});
    else
      link(index, order, std::move(p.url), std::move(p.target));
  }
  arrived(page);
}

std::vector<std::string> LinkChecker::fragment_links(const PageLinks& links) {
  std::vector<std::string> urls;
  for (const Pending& p : links.pending)
    if (p.error.empty()) urls.push_back(p.url);
  return urls;
}

void LinkChecker::add_unchanged(const std::string& page, const std::vector<std::string>& fragment_links) {
  const std::size_t index = page_index(page, true);
  unchanged_.insert(page);
  for (std::size_t order = 0; order < fragment_links.size(); ++order) {
    const std::string& url = fragment_links[order];
    const std::string file_part = url.substr(0, url.find('#'));
    link(index, order, url, resolve(page, file_part.substr(0, file_part.find('?'))));
  }
  arrived(page);
}

const IdSet* LinkChecker::ids_of(const std::string& page) {
  if (const auto known = ids_.find(page); known != ids_.end()) return &known->second;
  if (!unchanged_.contains(page) || !previous_) return nullptr;
  const std::optional<std::string> bytes = previous_(page);
  if (!bytes) return nullptr;
  return &(ids_[page] = IdSet(attribute_values(*bytes).ids));
}

Diagnostics LinkChecker::finish() {
  // What still waits points into no page that was added: no HTML page the check has seen.
  // In any order: the errors are sorted below.
  TextMap<std::vector<Waiting>> never = std::move(waiting_);
  waiting_.clear();
  for (auto& [target, links] : never)
    for (Waiting& w : links) settle(w.page, w.order, std::move(w.url), target);
  std::sort(broken_.begin(), broken_.end(), [this](const Broken& a, const Broken& b) {
    if (a.page != b.page) return pages_[a.page] < pages_[b.page];
    return a.order < b.order;
  });
  Diagnostics out;
  for (const Broken& b : broken_) out.push_back(broken(pages_[b.page], b.url, b.why));
  broken_.clear();
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
