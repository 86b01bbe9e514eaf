// render_site(): every page, asset, search index and sitemap, checked for broken links, then written.
#include "parallel.hpp"
#include "render/html/assets.hpp"
#include "render/html/background_writer.hpp"
#include "render/html/diagram.hpp"
#include "render/html/link_check.hpp"
#include "render/html/page_cache.hpp"
#include "render/html/pages.hpp"
#include "render/html/search_script.hpp"
#include "text/text_hash.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

namespace katlas {
namespace {

using detail::html::Files;
using detail::html::Page;

/// Every .html path of the site, sorted, with the concept each concept page shows.
std::string sitemap(const std::vector<std::pair<std::string, const Concept*>>& pages, const SiteOptions& options) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& [path, entry] : pages) {
    out += "<url><loc>" + detail::escape_html(options.base_url + path) + "</loc>";
    if (entry) out += "<lastmod>" + detail::escape_html(entry->reviewed) + "</lastmod>";
    out += "</url>\n";
  }
  return out + "</urlset>\n";
}

// Rendered files waiting for the writer thread: enough to keep it busy, small next to the site.
// (16 MB gave no lower peak memory at 10,000 concepts: the queue is not what the peak holds.)
constexpr std::size_t max_queued_bytes = 64 << 20;

/// Makes one file that is not a concept page.
using Make = std::function<std::string()>;

/// One output file in path order: already at hand (`bytes`), made when its turn comes
/// (`make`), or a concept page to render (`entry`).
struct Slot {
  std::string path;
  std::string* bytes = nullptr;  // moved out when it is handed on
  const Concept* entry = nullptr;
  const Make* make = nullptr;
};

/// For an incremental rebuild: the previous site, the fingerprints of this build's pages and
/// what the previous build recorded of its own.
struct Incremental {
  const OutputSink& sink;
  const detail::html::PageInputs& inputs;
  const detail::html::PageCache& cache;
  detail::cache::Hash everything;  ///< inputs.everything(): what the search index is made from
  detail::cache::Hash listed;      ///< inputs.listed(): what the index pages and the sitemap are made from
  /// The site has the previous build's paths, so a page's recorded link scan is its scan now.
  bool same_paths = false;
};

/// How one file relates to the previous build.
struct Outcome {
  bool unchanged = false;                   ///< The previous build's file has the same bytes.
  bool reused = false;                      ///< Taken from the previous build, not rendered.
  bool held = true;                         ///< Its bytes are at hand (else: reused unread, by its stamp).
  detail::cache::Hash inputs, bytes;        ///< For the page cache (with an Incremental only).
  detail::html::PageReads reads;            ///< What the page read, for the page cache.
  std::optional<FileStamp> stamp;           ///< The previous file's stamp, when it is kept.
  std::int64_t stamped_ns = 0;              ///< When that stamp was taken.
  std::string links;                        ///< Its link scan, encoded, for the page cache (HTML only).
  std::vector<std::string> fragment_links;  ///< Unread (HTML): what its recorded scan left to check.
};

using detail::html::LinkChecker;

/// A file that is not a concept page, made and link-scanned, waiting to be handed on.
struct Made {
  const std::string* path;
  std::string bytes;
  LinkChecker::PageLinks links;
  Outcome outcome;
};

/// Carries the files made on one thread to the thread that hands them on. At most
/// `max_bytes` wait (and always one file), so the maker never runs far ahead.
class Handoff {
 public:
  explicit Handoff(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  /// Maker: queues a file, waiting while the queue is full. False when the taker has stopped.
  bool put(Made made) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || queue_.empty() || queued_ + made.bytes.size() <= max_bytes_; });
    if (stopped_) return false;
    queued_ += made.bytes.size();
    queue_.push_back(std::move(made));
    changed_.notify_all();
    return true;
  }
  /// Maker: no more files; `error` is what stopped it early, if anything.
  void close(std::exception_ptr error) {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = std::move(error);
    changed_.notify_all();
  }
  /// Taker: the next file; with `wait`, waits for one unless the maker has closed. Nothing
  /// when none is queued (then, after a wait, every file has been taken: the maker's error,
  /// if any, is rethrown).
  std::optional<Made> take(bool wait) {
    std::unique_lock lock(mutex_);
    if (wait) changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) {
      if (wait && error_) std::rethrow_exception(error_);
      return std::nullopt;
    }
    Made made = std::move(queue_.front());
    queue_.pop_front();
    queued_ -= made.bytes.size();
    changed_.notify_all();
    return made;
  }
  /// Taker: takes no more files (it is failing); the maker's next put() returns false.
  void stop() {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    queue_.clear();
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Made> queue_;
  std::size_t queued_ = 0;
  const std::size_t max_bytes_;
  bool closed_ = false, stopped_ = false;
  std::exception_ptr error_;
};

// Files made beside the concept pages that may wait to be handed on: the big ones (the search
// index, the glossary) wait alone.
constexpr std::size_t max_made_bytes = 8 << 20;

// Concept pages are rendered this many at a time (in parallel), then checked and written:
// enough to keep every core busy, few enough that a big site never sits in memory whole.
constexpr std::size_t batch_size = 256;

std::string site_title(const Atlas& atlas, const SiteOptions& options) {
  if (!options.site_title.empty()) return options.site_title;
  return std::string(atlas.content().site.name());
}

/// The site's search index, the one file besides the concept pages that holds the details.
constexpr std::string_view search_index_path = "assets/search-index.js";

/// Knows every output path before the first file is handed on, and makes each file when its
/// turn comes: the concept pages in batches, the rest (index pages, the search index, the
/// sitemap) one at a time, so only one of them is in memory at once. With `incremental`,
/// a file is taken from the previous build instead when the page cache says it was made from
/// the same inputs and the file still holds the bytes made then.
class SiteRenderer {
 public:
  SiteRenderer(const Atlas& atlas, const SiteOptions& options, const Incremental* incremental)
      : mentions_(atlas.list()),
        site_{atlas,
              options,
              named(atlas, atlas.content().site.help),
              &graphs_,
              &mentions_,
              atlas.content().site.cycle ? named(atlas, atlas.content().site.cycle->through) : nullptr,
              site_title(atlas, options)} {
    // Each page laid out as it is made: at 10,000 concepts the glossary and topics are megabytes.
    const auto add = [this](const std::string& path, std::function<Page()> page) {
      makers_.emplace(path, [this, path, page = std::move(page)] {
        const Page made = page();
        if (made.path != path) throw std::logic_error("the page made for " + path + " is " + made.path);
        return layout(site_, made);
      });
    };
    add("index.html", [this] { return home_page(site_); });
    add("topics.html", [this] { return topics_page(site_); });
    add("glossary.html", [this] { return glossary_page(site_); });
    add("sources.html", [this] { return sources_page(site_); });
    add("contested.html", [this] { return contested_page(site_); });
    add("search.html", [this] { return search_page(site_); });
    for (const Kind& k : atlas.content().kinds)
      add(detail::html::kind_url(k.id), [this, &k] { return kind_page(site_, k); });
    for (const detail::Asset& a : detail::all_assets())
      if (!a.name.ends_with(".html")) small_.emplace("assets/" + std::string(a.name), std::string(a.bytes));
    makers_.emplace(search_index_path, [this, incremental] {
      std::optional<detail::html::WordsCache> words;
      if (incremental) words.emplace(site_.options.cache_dir);
      return detail::html::search_script(site_.atlas, words ? &*words : nullptr, words_saved_);
    });
    makers_.emplace("sitemap.xml", [this] {
      std::vector<std::pair<std::string, const Concept*>> html_pages;
      for (const Slot& slot : slots_)
        if (slot.path.ends_with(".html")) html_pages.emplace_back(slot.path, slot.entry);
      return sitemap(html_pages, site_.options);
    });
    for (auto& [path, bytes] : small_) slots_.push_back({path, &bytes, nullptr});
    for (const auto& [path, make] : makers_) slots_.push_back({path, nullptr, nullptr, &make});
    for (const Concept& c : atlas.content().concepts) slots_.push_back({detail::html::concept_url(c.id), nullptr, &c});
    std::sort(slots_.begin(), slots_.end(), [](const Slot& a, const Slot& b) { return a.path < b.path; });
  }

  /// How saving the search index's words to the build cache went (ok when not saved, or
  /// before render() made the search index).
  const Status& words_saved() const { return words_saved_; }

  /// Every output path, sorted.
  const std::vector<Slot>& slots() const { return slots_; }

  /// For every file: scans the links of an HTML file (`checker.scan`) on the thread that
  /// made it, then calls `emit(path, bytes, links, outcome)` on this thread. The concept pages
  /// are rendered in batches on every core; the other files (the search index and the index
  /// pages, each made on one core) are made one after another on a thread of their own
  /// meanwhile, and handed on between batches. So `emit` sees the concept pages in path order,
  /// and the other files in path order, but the two interleaved.
  /// With `incremental`, a concept page whose
  /// fingerprint and previous bytes match the page cache is taken from the previous site
  /// instead of being rendered; when its stamp is trusted too, it is not even read or
  /// scanned (`outcome.held` is false, and `outcome.links` holds what its scan left to check).
  template <class Emit>
  void render(const Incremental* incremental, const LinkChecker& checker, const Emit& emit) {
    using Links = LinkChecker::PageLinks;
    const auto scan = [&checker](const std::string& path, const std::string& bytes, Outcome& outcome,
                                 bool record) -> Links {
      if (!path.ends_with(".html") || !outcome.held) return {};  // unread: emit() takes its recorded links
      Links links = checker.scan(path, bytes);
      if (record) outcome.links = detail::html::encode_links(links);
      return links;
    };
    std::vector<const Slot*> pages, others;
    for (const Slot& slot : slots_) (slot.entry ? pages : others).push_back(&slot);
    std::size_t done = 0, reported = 0;
    const auto progress = [&] {
      if (site_.options.progress && done > reported) site_.options.progress(reported = done, slots_.size());
    };

    Handoff handoff(max_made_bytes);
    const auto make_others = [&] {
      std::exception_ptr error;
      try {
        for (const Slot* slot : others) {
          Made made{&slot->path, {}, {}, {}};
          if (!incremental || !take_previous_other(*incremental, slot->path, made.bytes, made.outcome)) {
            // render() runs once: bytes at hand are moved out, the rest made now.
            made.bytes = slot->bytes ? std::move(*slot->bytes) : (*slot->make)();
            if (incremental) {
              made.outcome.inputs = made_from(*incremental, slot->path);
              made.outcome.bytes = detail::cache::hash_bytes(made.bytes);
              compare_previous(*incremental, slot->path, made.bytes, made.outcome);
            }
          }
          made.links = scan(slot->path, made.bytes, made.outcome, incremental != nullptr);
          if (!handoff.put(std::move(made))) break;
        }
      } catch (...) {
        error = std::current_exception();
      }
      handoff.close(error);
    };
    const auto hand_on = [&](bool wait) {
      while (std::optional<Made> made = handoff.take(wait)) {
        emit(*made->path, std::move(made->bytes), std::move(made->links), made->outcome);
        ++done;
      }
    };
    // Stops the maker before its thread is joined, also when emit() throws.
    struct Stop {
      Handoff& handoff;
      std::thread thread;
      ~Stop() {
        handoff.stop();
        if (thread.joinable()) thread.join();
      }
    } maker{handoff, std::thread(make_others)};

    std::vector<std::string> rendered;
    std::vector<Links> scanned;
    std::vector<Outcome> outcomes;
    for (std::size_t at = 0; at < pages.size();) {
      hand_on(false);
      const std::size_t end = std::min(pages.size(), at + batch_size);
      rendered.assign(end - at, {});
      scanned.assign(end - at, {});
      outcomes.assign(end - at, {});
      detail::parallel_for(end - at, [&](std::size_t i) {
        const Slot& slot = *pages[at + i];
        if (!incremental) {
          rendered[i] = layout(site_, concept_page(site_, *slot.entry));
        } else {
          take_previous(*incremental, slot, rendered[i], outcomes[i]);
          if (!outcomes[i].reused) render_recorded(*incremental, slot, rendered[i], outcomes[i]);
        }
        scanned[i] = scan(slot.path, rendered[i], outcomes[i], incremental != nullptr);
      });
      for (std::size_t i = 0; i < rendered.size(); ++i)
        emit(pages[at + i]->path, std::move(rendered[i]), std::move(scanned[i]), outcomes[i]);
      done += end - at;
      at = end;
      progress();
    }
    hand_on(true);
    progress();
  }

 private:
  /// What a file other than a concept page is made from: the search index holds every word
  /// of every concept; the index pages and the sitemap show no details (a test checks this).
  static const detail::cache::Hash& made_from(const Incremental& incremental, std::string_view path) {
    return path == search_index_path ? incremental.everything : incremental.listed;
  }

  /// Takes a file other than a concept page from the previous site when the page cache says
  /// it was made from the same inputs and the file still holds the bytes made then.
  static bool take_previous_other(const Incremental& incremental, const std::string& path, std::string& bytes,
                                  Outcome& outcome) {
    const detail::cache::Hash& inputs = made_from(incremental, path);
    const detail::html::PageCache::Entry* known = incremental.cache.find(path);
    if (!known || !(known->inputs == inputs)) return false;
    Outcome taken;
    if (!take_previous_file(incremental.sink, path, *known, incremental.same_paths, bytes, taken)) return false;
    taken.inputs = inputs;
    outcome = std::move(taken);
    return true;
  }

  /// Takes a concept page from the previous site when the page cache says it was rendered
  /// from the same inputs and the file still holds the bytes rendered then.
  /// The page's reads are those of the build that rendered it, checked against this build's content.
  static void take_previous(const Incremental& incremental, const Slot& slot, std::string& bytes, Outcome& outcome) {
    const detail::html::PageCache::Entry* known = incremental.cache.find(slot.path);
    if (!known || !(incremental.inputs.of(known->reads) == known->inputs)) return;
    if (!take_previous_file(incremental.sink, slot.path, *known, incremental.same_paths, bytes, outcome)) return;
    outcome.inputs = known->inputs;
    outcome.reads = known->reads;
  }

  /// Takes the previous build's file at `path` when it still holds the bytes `known` records:
  /// unread when its stamp is trusted (and, for an HTML file, its recorded link scan holds:
  /// `same_paths`), else read and hashed. False when it does not hold them.
  static bool take_previous_file(const OutputSink& sink, const std::string& path,
                                 const detail::html::PageCache::Entry& known, bool same_paths, std::string& bytes,
                                 Outcome& outcome) {
    outcome.stamped_ns = detail::html::now_ns();
    outcome.stamp = sink.previous_stamp(path);
    // An HTML file taken unread needs its recorded scan, which holds for a site of the same paths.
    const bool html = path.ends_with(".html");
    std::optional<std::vector<std::string>> recorded;
    const bool trusted = detail::html::PageCache::trusted(known, outcome.stamp);
    if (trusted && html && same_paths) recorded = detail::html::decode_links(known.links);
    if (trusted && (!html || recorded)) {
      outcome.held = false;
      outcome.links = known.links;
      if (recorded) outcome.fragment_links = std::move(*recorded);
    } else {
      std::optional<std::string> before = sink.previous(path);
      if (!before || !(detail::cache::hash_bytes(*before) == known.bytes)) return false;
      bytes = std::move(*before);
    }
    outcome.bytes = known.bytes;
    outcome.reused = outcome.unchanged = true;
    return true;
  }

  /// Whether the previous build's file at `path` holds `bytes`; its stamp when it does (the
  /// file is kept).
  static void compare_previous(const Incremental& incremental, const std::string& path, const std::string& bytes,
                               Outcome& outcome) {
    const std::int64_t stamped_ns = detail::html::now_ns();
    std::optional<FileStamp> stamp = incremental.sink.previous_stamp(path);
    const std::optional<std::string> before = incremental.sink.previous(path);
    outcome.unchanged = before && *before == bytes;
    if (outcome.unchanged) {
      outcome.stamp = stamp;
      outcome.stamped_ns = stamped_ns;
    }
  }

  /// Renders a concept page while recording what it reads: the concept it shows, and whatever
  /// the atlas and the site hand it on the way.
  void render_recorded(const Incremental& incremental, const Slot& slot, std::string& bytes, Outcome& outcome) const {
    detail::ReadLog log;
    {
      const detail::ReadScope scope(log);
      detail::note_concept(slot.entry);
      bytes = layout(site_, concept_page(site_, *slot.entry));
    }
    outcome.reads = detail::html::PageReads::of(log);
    outcome.inputs = incremental.inputs.of(outcome.reads);
    compare_previous(incremental, slot.path, bytes, outcome);
    outcome.bytes = detail::cache::hash_bytes(bytes);
  }

  // A concept site.yaml names by id (validated, so present when the content loaded).
  static const Concept* named(const Atlas& atlas, const std::string& id) {
    if (id.empty()) return nullptr;
    const Concept* c = atlas.find(id);
    return c && c->id == id ? c : nullptr;
  }
  detail::html::GraphLayout graphs_;
  detail::html::MentionIndex mentions_;
  detail::html::Site site_;
  Files small_;
  std::map<std::string, Make> makers_;  // the files made when their turn comes
  Status words_saved_;                  // how saving the words of the search index to the build cache went
  std::vector<Slot> slots_;
};

}  // namespace

SiteResult render_site(const Atlas& atlas, OutputSink& sink, const SiteOptions& options) {
  SiteResult result;
  Files held;  // the whole site, when the sink is not staged
  std::optional<detail::html::PageCache> cache;
  Status words_saved;  // the search index's words in the build cache
  try {
    std::optional<detail::html::PageInputs> inputs;
    std::optional<Incremental> incremental;
    if (!options.cache_dir.empty() && sink.staged()) {
      cache.emplace(options.cache_dir);
      inputs.emplace(atlas, options);
      incremental.emplace(Incremental{sink, *inputs, *cache, inputs->everything(), inputs->listed()});
    }
    SiteRenderer renderer(atlas, options, incremental ? &*incremental : nullptr);
    detail::TextSet paths;  // every path, looked up for every link
    for (const Slot& slot : renderer.slots()) paths.insert(slot.path);
    if (cache) {
      std::vector<std::string_view> sorted;  // slots are sorted by path
      for (const Slot& slot : renderer.slots()) sorted.push_back(slot.path);
      const detail::cache::Hash hash = detail::html::paths_hash(sorted);
      incremental->same_paths = hash == cache->previous_paths();
      cache->record_paths(hash);
    }
    detail::html::LinkChecker checker([&](std::string_view path) { return paths.find(path) != paths.end(); },
                                      [&sink](std::string_view path) { return sink.previous(path); });
    // Pages are link-scanned on the thread that rendered them; this thread gathers the scans
    // and queues the files for the writer thread, which creates them while rendering goes on.
    std::optional<detail::html::BackgroundWriter> writer;
    if (sink.staged()) writer.emplace(sink, max_queued_bytes);
    renderer.render(incremental ? &*incremental : nullptr, checker,
                    [&](const std::string& path, std::string bytes, LinkChecker::PageLinks links, Outcome& outcome) {
                      if (!outcome.held && path.ends_with(".html"))
                        checker.add_unchanged(path, outcome.fragment_links);
                      else if (path.ends_with(".html"))
                        checker.add(path, std::move(links));
                      result.pages_reused += outcome.reused ? 1 : 0;
                      result.files_unread += outcome.held ? 0 : 1;
                      if (cache) {
                        detail::html::PageCache::Entry entry{outcome.inputs,           outcome.bytes,
                                                             std::move(outcome.reads), outcome.stamp,
                                                             outcome.stamped_ns,       std::move(outcome.links)};
                        cache->record(path, std::move(entry));
                      }
                      if (!writer) {
                        held.emplace(path, std::move(bytes));
                        return;
                      }
                      result.files.push_back(path);
                      if (!outcome.unchanged) result.changed.push_back(path);
                      writer->push(path, std::move(bytes), outcome.unchanged, outcome.held);
                    });
    words_saved = renderer.words_saved();
    // The concept pages and the other files came interleaved.
    std::sort(result.files.begin(), result.files.end());
    std::sort(result.changed.begin(), result.changed.end());
    if (writer) writer->finish();
    if (cache) cache->stamp_written(sink);
    result.diagnostics = checker.finish();
  } catch (const std::exception& e) {  // the sink's, Graphviz's or the allocator's
    result.status = Status::failure(e.what());
    return result;
  }
  if (!result.ok()) return result;
  try {
    for (const auto& [path, bytes] : held) {
      sink.write(path, bytes);
      result.files.push_back(path);
      result.changed.push_back(path);
    }
  } catch (const std::exception& e) {
    result.status = Status::failure(e.what());
    return result;
  }
  if (cache) {
    Status saved = cache->save();
    if (saved && !words_saved.ok()) saved = words_saved;
    if (!saved)
      result.diagnostics.push_back({Severity::warning,
                                    {cache->file().string(), 0, 0},
                                    "cannot write the build cache: " + saved.message(),
                                    "the site was built all the same; free the folder or build without a cache"});
  }
  return result;
}

}  // namespace katlas
