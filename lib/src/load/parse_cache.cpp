// The parse cache's file: the display root, then (key, concept bytes) pairs.
#include "load/parse_cache.hpp"

#include "cache/content_codec.hpp"

namespace katlas::detail {

namespace {
constexpr std::string_view cache_kind = "concepts";
}

ParseCache::ParseCache(std::filesystem::path dir, std::string_view display_root)
    : file_(std::move(dir) / "concepts.bin"), display_root_(display_root) {
  std::optional<std::string> body = cache::load_file(file_, cache_kind);
  if (!body) return;
  old_body_ = std::move(*body);
  cache::Reader in(old_body_);
  // Positions in diagnostics carry the display root: another root, other positions.
  if (in.text() != display_root_) return;
  const std::size_t n = in.count(3 * sizeof(std::uint64_t));
  old_.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    const cache::Hash key = in.hash();
    old_.emplace(key, in.text_view());
  }
  if (!in.ok() || !in.at_end()) old_.clear();
}

cache::Hash ParseCache::key(const ContentFile& file) { return cache::Hasher().add(file.path).add(file.text).finish(); }

std::optional<Concept> ParseCache::find(const cache::Hash& key) const {
  const auto it = old_.find(key);
  if (it == old_.end()) return std::nullopt;
  cache::Reader in(it->second);
  std::optional<Concept> entry = cache::read_concept(in);
  if (!in.at_end()) return std::nullopt;
  return entry;
}

void ParseCache::keep(const cache::Hash& key, std::string bytes) {
  if (!bytes.empty() || !old_.contains(key)) changed_ = true;
  kept_.emplace_back(key, std::move(bytes));
}

Status ParseCache::save() const {
  if (!changed_ && kept_.size() == old_.size()) return {};
  // The concepts' bytes are written from where they are; only what frames them is made here.
  cache::Writer frames;
  frames.bytes().reserve(3 * sizeof(std::uint64_t) + display_root_.size() + kept_.size() * 4 * sizeof(std::uint64_t));
  frames.text(display_root_);
  frames.u64(kept_.size());
  std::vector<std::size_t> ends;  // where each entry's frame ends in `frames`
  std::vector<std::string_view> entries;
  for (const auto& [key, bytes] : kept_) {
    const std::string_view entry = bytes.empty() ? old_.at(key) : std::string_view(bytes);
    frames.hash(key);
    frames.u64(entry.size());
    ends.push_back(frames.bytes().size());
    entries.push_back(entry);
  }
  const std::string_view all = frames.bytes();
  std::vector<std::string_view> body;
  body.reserve(2 * entries.size() + 1);
  std::size_t start = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    body.push_back(all.substr(start, ends[i] - start));
    body.push_back(entries[i]);
    start = ends[i];
  }
  body.push_back(all.substr(start));
  return cache::save_file(file_, cache_kind, body);
}

}  // namespace katlas::detail
