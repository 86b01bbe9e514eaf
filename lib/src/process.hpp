// Whether a process named in a file name still runs: what a killed build left behind (a
// staging folder, a cache's temporary file) carries its pid, and only the dead may be removed.
#pragma once

#include <cerrno>
#include <csignal>
#include <string>
#include <string_view>

#include <unistd.h>

namespace katlas::detail {

/// True when `pid` (decimal digits, as written into a file name) names a process that no
/// longer runs. False for anything else: not a plain pid, this process, a process still
/// running, or one this process may not signal (not ours to judge).
inline bool process_gone(std::string_view pid) {
  if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const pid_t id = static_cast<pid_t>(std::stol(std::string(pid)));
  return id != ::getpid() && ::kill(id, 0) != 0 && errno == ESRCH;
}

}  // namespace katlas::detail
