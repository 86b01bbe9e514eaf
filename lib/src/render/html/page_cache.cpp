// Page fingerprints and the page cache's file (path, inputs hash, bytes hash per file).
#include "render/html/page_cache.hpp"

#include "cache/content_codec.hpp"

namespace katlas::detail::html {

namespace {

constexpr std::string_view cache_kind = "pages";

cache::Hash hash_of(const Concept& c) {
  cache::Writer bytes;
  cache::write(bytes, c);
  return cache::hash_bytes(bytes.bytes());
}

}  // namespace

PageInputs::PageInputs(const Atlas& atlas, const SiteOptions& options) : atlas_(atlas), today_(options.today) {
  const Content& content = atlas.content();
  cache::Writer shared;
  shared.text(cache::build_id());
  shared.text(options.base_url);
  shared.text(options.site_title);
  cache::write(shared, content.site);
  shared.text(options.attribution);
  shared.text(options.licence_url);
  for (const Kind& k : content.kinds) cache::write(shared, k);
  for (const RelationType& t : content.relation_types) cache::write(shared, t);
  for (const Source& s : content.sources) cache::write(shared, s);
  cache::Hasher all;
  own_.reserve(content.concepts.size());
  for (const Concept& c : content.concepts) {
    const cache::Hash whole = hash_of(c);
    own_.emplace(&c, whole);
    all.add(whole);
    // Any page may name any concept (links, term hints, reading paths); withdrawal phases
    // appear whole on every phase's timeline, and the help page in every page's footer.
    for (const std::string* s : {&c.id, &c.title, &c.kind, &c.sentence_name, &c.summary}) shared.text(*s);
    shared.texts(c.aliases);
    shared.u32(static_cast<std::uint32_t>(c.evidence));
    if (c.timing || c.id == content.site.help) shared.hash(whole);
  }
  shared_ = cache::hash_bytes(shared.bytes());
  all_ = all.finish();
}

cache::Hash PageInputs::of(const Concept& entry) const {
  cache::Hasher h;
  h.add(shared_).add(own_.at(&entry));
  // Whether the page says it is past its review date depends on the day of the build.
  const std::string due = review_due(entry, atlas_.kind(entry.kind));
  h.add(std::string_view(!today_.empty() && !due.empty() && due < today_ ? "overdue" : "current"));
  if (atlas_.content().site.cycle && entry.id == atlas_.content().site.cycle->through) h.add(all_);
  for (const Link& l : atlas_.related(entry)) h.add(own_.at(l.other));
  return h.finish();
}

PageCache::PageCache(std::filesystem::path dir) : file_(std::move(dir) / "pages.bin") {
  const std::optional<std::string> body = cache::load_file(file_, cache_kind);
  if (!body) return;
  cache::Reader in(*body);
  const std::size_t n = in.count(5 * sizeof(std::uint64_t));
  previous_.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    std::string path = in.text();
    Entry e;
    e.inputs = in.hash();
    e.bytes = in.hash();
    previous_.emplace(std::move(path), e);
  }
  if (!in.ok() || !in.at_end()) previous_.clear();
}

const PageCache::Entry* PageCache::find(std::string_view path) const {
  const auto it = previous_.find(std::string(path));
  return it == previous_.end() ? nullptr : &it->second;
}

std::optional<std::string> PageCache::save() const {
  cache::Writer out;
  out.u64(next_.size());
  for (const auto& [path, e] : next_) {
    out.text(path);
    out.hash(e.inputs);
    out.hash(e.bytes);
  }
  return cache::save_file(file_, cache_kind, out.bytes());
}

}  // namespace katlas::detail::html
