// Runs independent jobs on a few threads; used where results are stored by index, so output
// never depends on which thread ran what.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace katlas::detail {

/// How many threads parallel_for() uses: `KATLAS_THREADS` when set (1 turns threading off),
/// else the number of hardware threads, at most 8.
inline std::size_t worker_count() {
  if (const char* env = std::getenv("KATLAS_THREADS")) {
    const long n = std::strtol(env, nullptr, 10);
    if (n >= 1) return static_cast<std::size_t>(std::min(n, 64L));
  }
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

/// Calls `job(i)` once for every i in [0, n), spread over worker_count() threads (the caller's
/// thread is one of them). `job` must only write to what belongs to index i. When jobs throw,
/// every other job still runs and the exception of the lowest index is rethrown, so the error
/// reported does not depend on scheduling.
template <class Job>
void parallel_for(std::size_t n, const Job& job, std::size_t grain = 8) {
  const std::size_t threads = std::min(worker_count(), (n + grain - 1) / std::max<std::size_t>(grain, 1));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) job(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::mutex error_mutex;
  std::size_t error_index = n;
  std::exception_ptr error;
  const auto work = [&] {
    for (std::size_t start; (start = next.fetch_add(grain)) < n;) {
      for (std::size_t i = start; i < std::min(start + grain, n); ++i) {
        try {
          job(i);
        } catch (...) {
          const std::lock_guard lock(error_mutex);
          if (i < error_index) error_index = i, error = std::current_exception();
        }
      }
    }
  };
  std::vector<std::jthread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  pool.clear();  // joins
  if (error) std::rethrow_exception(error);
}

}  // namespace katlas::detail
