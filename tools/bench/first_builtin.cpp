// Times the first Atlas::builtin() call of a process, the one that loads the built-in
// content, and prints it in microseconds with the page faults it took. tools/bench/run starts
// it many times (a fresh process each time: later calls return the loaded atlas). With --yaml
// it times what that call did before the content was compiled in pre-parsed: loading the
// built-in YAML files. With --touch N it times touching N fresh pages of memory instead, one
// byte each: what a page fault costs on this machine, which most of the first call is.
#include <katlas/katlas.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

long page_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt + usage.ru_majflt;
}

int usage() {
  std::cerr << "usage: katlas_first_builtin [--yaml | --touch PAGES]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc >= 2 ? argv[1] : "";
  if (!(argc == 1 || (argc == 2 && mode == "--yaml") || (argc == 3 && mode == "--touch"))) return usage();
  const long pages = mode == "--touch" ? std::strtol(argv[2], nullptr, 10) : 0;
  if (mode == "--touch" && (pages <= 0 || pages > 1'000'000)) return usage();
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  char* memory = nullptr;
  if (pages > 0) {
    void* mapped = ::mmap(nullptr, static_cast<std::size_t>(pages) * page, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return 1;
    memory = static_cast<char*>(mapped);
  }
  const long faults_before = page_faults();
  const auto start = std::chrono::steady_clock::now();
  std::size_t concepts = 0;
  if (pages > 0) {
    for (long i = 0; i < pages; ++i) memory[static_cast<std::size_t>(i) * page] = 1;
  } else if (mode == "--yaml") {
    const katlas::LoadResult result =
        katlas::Atlas::load_files(katlas::Atlas::builtin_files(), {.display_root = "content"});
    if (!result.ok()) return 1;
    concepts = result.atlas().content().concepts.size();
  } else {
    concepts = katlas::Atlas::builtin().content().concepts.size();
  }
  const auto took = std::chrono::steady_clock::now() - start;
  const long faults = page_faults() - faults_before;
  std::cout << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us, " << concepts
            << " concepts, " << faults << " page faults\n";
  return 0;
}
