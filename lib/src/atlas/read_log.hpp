// What a caller read of an atlas while a ReadScope was open on its thread: the record a cache
// needs to know what a result was made from. The atlas's members write it as they hand out
// concepts, so a renderer that starts reading something new is recorded without a list to keep.
#pragma once

#include <katlas/content.hpp>
#include <katlas/core_export.hpp>

#include <vector>

KATLAS_CORE_INTERNAL_BEGIN

namespace katlas::detail {

/// Concepts, not fields: whatever a reader takes from a concept it was handed, the concept as a
/// whole is what it read. Entries repeat; the cache that keeps a log sorts them.
struct ReadLog {
  std::vector<const Concept*> concepts;  ///< Handed out (found, linked, listed or passed in).
  std::vector<const Concept*> links_of;  ///< Whose links, either way, were listed.
  std::vector<const Concept*> reviewed;  ///< Whose review date was judged against the build's day.
  bool all = false;                      ///< Walked over every concept (a list, a search, a path or a cycle).
  bool names = false;                    ///< Looked a concept up by name: any concept's id, title or alias may matter.
};

/// The calling thread's open log; nullptr when none is open, which is almost always. Defined
/// once in the core library, so the site library records into the same log.
extern thread_local ReadLog* read_log;

/// Records reads into `log` on this thread until it goes out of scope (scopes nest).
class ReadScope {
 public:
  explicit ReadScope(ReadLog& log) : outer_(read_log) { read_log = &log; }
  ~ReadScope() { read_log = outer_; }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  ReadLog* outer_;
};

inline void note_concept(const Concept* entry) {
  if (read_log && entry) read_log->concepts.push_back(entry);
}
inline void note_links_of(const Concept& entry) {
  if (read_log) read_log->links_of.push_back(&entry);
}
inline void note_reviewed(const Concept& entry) {
  if (read_log) read_log->reviewed.push_back(&entry);
}
inline void note_all() {
  if (read_log) read_log->all = true;
}
inline void note_names() {
  if (read_log) read_log->names = true;
}

}  // namespace katlas::detail

KATLAS_CORE_INTERNAL_END
