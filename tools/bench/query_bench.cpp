// Microbenchmarks of the query API over a content folder (tools/bench/run passes a synthetic
// 10,000-concept corpus from tools/synth-corpus): find, related, path, search.
#include <katlas/katlas.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <random>

namespace {

/// The atlas under test: the folder in KATLAS_BENCH_CONTENT, else the built-in content.
const katlas::Atlas& atlas() {
  static const katlas::Atlas loaded = [] {
    const char* folder = std::getenv("KATLAS_BENCH_CONTENT");
    if (!folder) return katlas::Atlas::builtin();
    katlas::LoadResult result = katlas::Atlas::load(folder);
    if (!result.ok()) {
      for (const katlas::Diagnostic& d : result.diagnostics) std::cerr << katlas::format(d) << '\n';
      std::exit(1);
    }
    return result.atlas();
  }();
  return loaded;
}

/// Concepts picked with a fixed seed, so every run asks the same questions.
std::vector<const katlas::Concept*> sample(std::size_t n, unsigned seed = 7) {
  const auto& concepts = atlas().content().concepts;
  std::mt19937 rng(seed);
  std::vector<const katlas::Concept*> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(&concepts[rng() % concepts.size()]);
  return out;
}

void find_by_id(benchmark::State& state) {
  std::vector<std::string> ids;
  for (const katlas::Concept* c : sample(1024)) ids.push_back(c->id);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(atlas().find(ids[i++ % ids.size()]));
  state.counters["concepts"] = static_cast<double>(atlas().content().concepts.size());
}

void find_by_alias(benchmark::State& state) {
  std::vector<std::string> names;
  for (const katlas::Concept* c : sample(4096))
    if (!c->aliases.empty()) names.push_back(c->aliases.front());
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(atlas().find(names[i++ % names.size()]));
}

void find_by_title(benchmark::State& state) {
  std::vector<std::string> names;
  for (const katlas::Concept* c : sample(1024)) names.push_back(c->title);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(atlas().find(names[i++ % names.size()]));
}

// Reported per neighbour: the "per_neighbour" counter is the time of one call divided by the
// number of links it returned.
void related(benchmark::State& state) {
  const auto concepts = sample(1024);
  std::size_t i = 0, links = 0;
  for (auto _ : state) {
    const auto result = atlas().related(*concepts[i++ % concepts.size()]);
    links += result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["neighbours"] = benchmark::Counter(static_cast<double>(links), benchmark::Counter::kAvgIterations);
  state.counters["per_neighbour"] =
      benchmark::Counter(static_cast<double>(links), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void path(benchmark::State& state) {
  const auto from = sample(256, 11), to = sample(256, 13);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    const auto steps = atlas().path(*from[i % from.size()], *to[i % to.size()]);
    found += steps.has_value();
    ++i;
  }
  state.counters["found"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}

void search(benchmark::State& state) {
  // Titles, partial names and words that occur in summaries and details.
  std::vector<std::string> queries{"withdrawal sleep", "tolerance", "liver enzyme", "daily dose"};
  for (const katlas::Concept* c : sample(4, 17)) {
    queries.push_back(c->title);
    queries.push_back(c->title.substr(0, 5));
  }
  static_cast<void>(atlas().search("warm up the word index"));  // built on first search, not what we time
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(atlas().search(queries[i++ % queries.size()]));
}

}  // namespace

BENCHMARK(find_by_id);
BENCHMARK(find_by_alias);
BENCHMARK(find_by_title);
BENCHMARK(related);
BENCHMARK(path);
BENCHMARK(search)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
