// Hands rendered files to a sink on a thread of its own, so that creating files (kernel time,
// and on a busy file system most of a build) overlaps rendering instead of following it.
#pragma once

#include <katlas/site.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace katlas::detail::html {

/// One writer thread in front of an OutputSink. Files reach the sink in the order push()
/// received them, one at a time, so the sink needs no locking and sees sorted paths when
/// they are pushed sorted. At most `max_queued` bytes wait; push() blocks beyond that, so
/// memory stays bounded however large the site.
class BackgroundWriter {
 public:
  BackgroundWriter(OutputSink& sink, std::size_t max_queued) : sink_(sink), max_queued_(max_queued) {
    thread_ = std::thread([this] { run(); });
  }
  /// Stops the thread; files still queued are dropped (the caller is failing anyway).
  ~BackgroundWriter() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
      queue_.clear();
    }
    changed_.notify_all();
    thread_.join();
  }
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  /// Queues one file; with `keep`, the sink is first asked to keep its previous copy (see
  /// OutputSink::keep) and the bytes are written only when it cannot. A file kept unread
  /// (`held` false: `bytes` is empty) is then read from the previous output and written.
  /// Rethrows the sink's error once a write has failed.
  void push(std::string path, std::string bytes, bool keep = false, bool held = true) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || queued_ < max_queued_ || queue_.empty(); });
    if (error_) std::rethrow_exception(error_);
    queued_ += bytes.size();
    queue_.push_back({std::move(path), std::move(bytes), keep, held});
    changed_.notify_all();
  }

  /// Waits until every queued file is written; rethrows the sink's error, if any.
  void finish() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || (queue_.empty() && !writing_); });
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      auto [path, bytes, keep, held] = std::move(queue_.front());
      queue_.pop_front();
      const std::size_t size = bytes.size();
      writing_ = true;
      lock.unlock();
      std::exception_ptr error;
      try {
        if (!(keep && sink_.keep(path))) {
          if (!held) {
            // Kept unread because its stamp was trusted, and it cannot be linked: its bytes
            // are the previous output's, as a link would have taken them.
            std::optional<std::string> previous = sink_.previous(path);
            if (!previous) throw std::runtime_error("cannot keep '" + path + "' from the previous site: it is gone");
            bytes = std::move(*previous);
          }
          sink_.write(path, bytes);
        }
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      writing_ = false;
      queued_ -= size;
      if (error) {
        error_ = error;
        queue_.clear();
      }
      changed_.notify_all();
      if (error) return;
    }
  }

  OutputSink& sink_;
  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  struct Queued {
    std::string path, bytes;
    bool keep, held;
  };
  std::deque<Queued> queue_;
  std::size_t queued_ = 0;  // bytes in queue_ and in the write under way
  bool writing_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once every other member exists
};

}  // namespace katlas::detail::html
