// Page fingerprints and the page cache's file (path, inputs hash, bytes hash per file).
#include "render/html/page_cache.hpp"

#include "cache/content_codec.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

namespace katlas::detail::html {

namespace {

constexpr std::string_view cache_kind = "pages";

IdSet ids_of(const std::vector<const Concept*>& concepts) {
  std::vector<std::string_view> ids;
  ids.reserve(concepts.size());
  for (const Concept* c : concepts) ids.push_back(c->id);
  return IdSet(std::move(ids));
}

void write(cache::Writer& out, const IdSet& ids) {
  out.u64(ids.size());
  ids.each([&out](std::string_view id) { out.text(id); });
}

IdSet read_ids(cache::Reader& in) {
  std::vector<std::string_view> ids(in.count(sizeof(std::uint64_t)));
  for (std::string_view& id : ids) id = in.text_view();
  return IdSet(std::move(ids));
}

void write(cache::Writer& out, const PageReads& reads) {
  write(out, reads.concepts);
  write(out, reads.links_of);
  write(out, reads.reviewed);
  out.boolean(reads.all);
  out.boolean(reads.names);
}

PageReads read_reads(cache::Reader& in) {
  PageReads reads;
  reads.concepts = read_ids(in);
  reads.links_of = read_ids(in);
  reads.reviewed = read_ids(in);
  reads.all = in.boolean();
  reads.names = in.boolean();
  return reads;
}

void write(cache::Writer& out, const PageCache::Entry& e) {
  out.hash(e.inputs);
  out.hash(e.bytes);
  write(out, e.reads);
  out.boolean(e.stamp.has_value());
  if (e.stamp) {
    out.u64(e.stamp->device);
    out.u64(e.stamp->inode);
    out.u64(e.stamp->size);
    out.u64(static_cast<std::uint64_t>(e.stamp->modified_ns));
  }
  out.u64(static_cast<std::uint64_t>(e.stamped_ns));
  out.text(e.links);
}

PageCache::Entry read_entry(cache::Reader& in) {
  PageCache::Entry e;
  e.inputs = in.hash();
  e.bytes = in.hash();
  e.reads = read_reads(in);
  if (in.boolean()) {
    FileStamp& stamp = e.stamp.emplace();
    stamp.device = in.u64();
    stamp.inode = in.u64();
    stamp.size = in.u64();
    stamp.modified_ns = static_cast<std::int64_t>(in.u64());
  }
  e.stamped_ns = static_cast<std::int64_t>(in.u64());
  e.links = in.text();
  return e;
}

// A file is trusted by its stamp only when it was last changed this long before the stamp
// was taken (see PageCache::trusted()).
constexpr std::int64_t settled_ns = 2'000'000'000;

}  // namespace

std::string encode_links(const LinkChecker::PageLinks& links) {
  cache::Writer out;
  out.texts(LinkChecker::fragment_links(links));
  return std::move(out.bytes());
}

std::optional<std::vector<std::string>> decode_links(std::string_view bytes) {
  cache::Reader in(bytes);
  std::vector<std::string> urls = in.texts();
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return urls;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

cache::Hash paths_hash(const std::vector<std::string_view>& sorted_paths) {
  cache::Hasher hasher;
  for (const std::string_view path : sorted_paths) hasher.add(path);
  return hasher.finish();
}

PageReads PageReads::of(const ReadLog& log) {
  return {ids_of(log.concepts), ids_of(log.links_of), ids_of(log.reviewed), log.all, log.names};
}

PageInputs::PageInputs(const Atlas& atlas, const SiteOptions& options) {
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
  shared_ = cache::hash_bytes(shared.bytes());
  // What a page can read of each concept, worked out once for every page that reads it (on
  // every core): the concept whole, which links it has, and whether it is past its review date.
  std::vector<Known> known(content.concepts.size());
  std::vector<cache::Hash> listed(content.concepts.size());
  parallel_for(
      content.concepts.size(),
      [&](std::size_t i) {
        const Concept& c = content.concepts[i];
        cache::Writer bytes;
        cache::write(bytes, c);
        known[i].whole = cache::hash_bytes(bytes.bytes());
        bytes.bytes().clear();
        cache::write(bytes, c, cache::ConceptPart::listed);
        listed[i] = cache::hash_bytes(bytes.bytes());
        // Which links a concept has: their content is in the concepts that hold them, which a
        // page read when it listed them; a link that is new since then changes this list.
        const std::vector<Link> links = atlas.related(c);
        cache::Writer listed;
        listed.u64(links.size());
        for (const Link& l : links) {
          listed.text(l.type->id);
          listed.text(l.other->id);
          listed.u32(l.direction == Direction::out ? 1 : 0);
        }
        known[i].links = cache::hash_bytes(listed.bytes());
        // Whether a page says it is past its review date depends on the day of the build.
        const std::string due = review_due(c, atlas.kind(c.kind));
        known[i].overdue = !options.today.empty() && !due.empty() && due < options.today;
      },
      64);
  cache::Hasher all, all_listed;
  cache::Writer names;
  known_.reserve(content.concepts.size());
  for (std::size_t i = 0; i < content.concepts.size(); ++i) {
    const Concept& c = content.concepts[i];
    known_.emplace(c.id, known[i]);
    all.add(known[i].whole);
    all_listed.add(listed[i]);
    overdue_.push_back(known[i].overdue);
    names.text(c.id);
    names.text(c.title);
    names.texts(c.aliases);
  }
  all_ = all.finish();
  listed_ = all_listed.finish();
  names_ = cache::hash_bytes(names.bytes());
}

cache::Hash PageInputs::of(const PageReads& reads) const {
  // A concept a page read and this build does not hold counts as such (a `false` where its
  // hash would be), so a page that read a concept since removed is rendered again.
  const auto known = [this](std::string_view id) -> const Known* {
    const auto it = known_.find(id);
    return it == known_.end() ? nullptr : &it->second;
  };
  cache::Writer out;
  out.hash(shared_);
  out.u64(reads.concepts.size());
  reads.concepts.each([&](std::string_view id) {
    const Known* k = known(id);
    out.boolean(k != nullptr);
    if (k) out.hash(k->whole);
  });
  out.u64(reads.links_of.size());
  reads.links_of.each([&](std::string_view id) {
    const Known* k = known(id);
    out.boolean(k != nullptr);
    if (k) out.hash(k->links);
  });
  out.u64(reads.reviewed.size());
  reads.reviewed.each([&](std::string_view id) {
    const Known* k = known(id);
    out.boolean(k && k->overdue);
  });
  out.boolean(reads.all);
  if (reads.all) out.hash(all_);
  out.boolean(reads.names);
  if (reads.names) out.hash(names_);
  return cache::hash_bytes(out.bytes());
}

namespace {

/// What every page reads, `concepts` (a hash of every concept's bytes) and which concepts are
/// past their review date.
cache::Hash whole_site(const cache::Hash& shared, const cache::Hash& concepts, const std::vector<bool>& overdue) {
  cache::Writer out;
  out.hash(shared);
  out.hash(concepts);
  for (const bool o : overdue) out.boolean(o);
  return cache::hash_bytes(out.bytes());
}

}  // namespace

cache::Hash PageInputs::everything() const { return whole_site(shared_, all_, overdue_); }

cache::Hash PageInputs::listed() const { return whole_site(shared_, listed_, overdue_); }

PageCache::PageCache(std::filesystem::path dir) : file_(std::move(dir) / "pages.bin") {
  const std::optional<std::string> body = cache::load_file(file_, cache_kind);
  if (!body) return;
  cache::Reader in(*body);
  previous_paths_ = in.hash();
  // An entry is at least a path, two hashes, three lists, three flags, a time and its links.
  const std::size_t n = in.count(11 * sizeof(std::uint64_t));
  previous_.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    std::string path = in.text();
    previous_.emplace(std::move(path), read_entry(in));
  }
  if (!in.ok() || !in.at_end()) {
    previous_.clear();
    previous_paths_ = {};
  }
}

const PageCache::Entry* PageCache::find(std::string_view path) const {
  const auto it = previous_.find(std::string(path));
  return it == previous_.end() ? nullptr : &it->second;
}

bool PageCache::trusted(const Entry& known, const std::optional<FileStamp>& now) {
  return known.stamp && now && *known.stamp == *now && known.stamp->modified_ns <= known.stamped_ns - settled_ns;
}

void PageCache::stamp_written(const OutputSink& sink) {
  const auto take = [&sink](const std::string& path, Entry& e) {
    if (e.stamp) return;
    e.stamped_ns = now_ns();  // before the look: the stamp is at least this recent
    e.stamp = sink.stamp(path);
  };
  for (auto& [path, e] : next_) take(path, e);
}

Status PageCache::save() const {
  cache::Writer out(cache::piece_bytes);
  out.hash(next_paths_);
  out.u64(next_.size());
  // By path, so the file does not depend on the order the files were made in.
  std::vector<const std::pair<std::string, Entry>*> sorted;
  sorted.reserve(next_.size());
  for (const auto& record : next_) sorted.push_back(&record);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* record : sorted) {
    out.text(record->first);
    write(out, record->second);
  }
  return cache::save_file(file_, cache_kind, out.pieces());
}

namespace {
constexpr std::string_view words_kind = "words";
}

WordsCache::WordsCache(std::filesystem::path dir) : file_(std::move(dir) / "words.bin") {
  const std::optional<std::string> body = cache::load_file(file_, words_kind);
  if (!body) return;
  cache::Reader in(*body);
  words_ = in.texts();
  const std::size_t n = in.count(3 * sizeof(std::uint64_t));  // a key and a count
  previous_.reserve(n);
  bool numbers_held = true;  // every word number names one of words_
  for (std::size_t i = 0; i < n && in.ok() && numbers_held; ++i) {
    const cache::Hash key = in.hash();
    Numbered words(in.count(2 * sizeof(std::uint32_t)));
    for (auto& [number, weight] : words) {
      number = in.u32();
      const std::uint32_t bits = in.u32();
      std::memcpy(&weight, &bits, sizeof weight);
    }
    numbers_held = std::all_of(words.begin(), words.end(), [&](const auto& w) { return w.first < words_.size(); });
    previous_.emplace(key, std::move(words));
  }
  if (!in.ok() || !in.at_end() || !numbers_held) {
    words_.clear();
    previous_.clear();
  }
}

cache::Hash WordsCache::key(const Concept& c) {
  cache::Writer out;
  out.text(c.title);
  out.texts(c.aliases);
  out.texts(c.search_phrases);
  out.text(c.summary);
  out.text(c.details);
  return cache::hash_bytes(out.bytes());
}

const WordsCache::Numbered* WordsCache::find(const cache::Hash& key) const {
  const auto it = previous_.find(key);
  return it == previous_.end() ? nullptr : &it->second;
}

Status WordsCache::save(const WordList& list) {
  // Only the words this build's records use, numbered again in the order they come.
  std::vector<std::uint32_t> renumbered(list.size(), 0);  // number + 1; 0: not used
  std::vector<std::string_view> used;
  cache::Writer entries(cache::piece_bytes);
  entries.u64(next_.size());
  for (const auto& [key, words] : next_) {
    entries.hash(key);
    entries.u64(words.size());
    for (const auto& [number, weight] : words) {
      if (renumbered[number] == 0) {
        used.push_back(list.word(number));
        renumbered[number] = static_cast<std::uint32_t>(used.size());
      }
      std::uint32_t bits;
      std::memcpy(&bits, &weight, sizeof bits);
      entries.u32(renumbered[number] - 1);
      entries.u32(bits);
    }
  }
  cache::Writer head;
  head.u64(used.size());
  for (const std::string_view word : used) head.text(word);
  std::vector<std::string_view> body = entries.pieces();
  body.insert(body.begin(), head.bytes());
  Status saved = cache::save_file(file_, words_kind, body);
  decltype(words_)().swap(words_);
  decltype(previous_)().swap(previous_);
  decltype(next_)().swap(next_);
  return saved;
}

}  // namespace katlas::detail::html
