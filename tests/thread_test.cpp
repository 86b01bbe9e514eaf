// Thread safety: one Atlas queried from many threads at once (run under TSan by the tsan preset).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support.hpp"

#include <atomic>
#include <thread>

TEST_SUITE("thread") {
  TEST_CASE("many threads query one Atlas and get the same answers as one thread") {
    const katlas::Atlas& atlas = katlas::Atlas::builtin();
    const katlas::Concept& from = *atlas.find("extracts-and-concentrates");
    const katlas::Concept& to = *atlas.find("withdrawal");
    const std::size_t expected_related = atlas.related(*atlas.find("cyp3a4")).size();
    const std::size_t expected_path = atlas.path(from, to)->size();
    const std::string expected_top = atlas.search("why does my dose stop working", 1).front().entry->id;

    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        // A copy shares the data with the original; both are used, as an app would.
        const katlas::Atlas copy = atlas;
        for (int i = 0; i < 200; ++i) {
          const katlas::Atlas& a = (i + t) % 2 ? copy : atlas;
          if (a.related(*a.find("CYP 3A4")).size() != expected_related) ++mismatches;
          if (a.path(from, to)->size() != expected_path) ++mismatches;
          if (a.search("why does my dose stop working", 1).front().entry->id != expected_top) ++mismatches;
          if (a.suggest("withdrawl").empty()) ++mismatches;
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(mismatches == 0);
  }

  TEST_CASE("the first call to Atlas::builtin() from many threads at once loads it once") {
    std::vector<const katlas::Atlas*> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) threads.emplace_back([&, t] { seen[t] = &katlas::Atlas::builtin(); });
    for (std::thread& thread : threads) thread.join();
    for (const katlas::Atlas* a : seen) CHECK(a == seen[0]);
  }
}
