#include "cli/huge_page_heap.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace sightline::cli {
namespace {

// The commands that hold a whole caseload's state in memory.
bool benefits(std::string_view command) { return command == "replay"; }

std::string thp_mode_line() {
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(mode, line);
  return line;
}

}  // namespace

std::optional<std::string> huge_page_tunables(std::string_view command, const char* current,
                                              std::string_view thp_mode) {
  if (!benefits(command)) return std::nullopt;
  const std::string_view tunables = current ? current : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string_view::npos) return std::nullopt;
  // Whether the kernel would honour glibc's advice: THP "always" or "madvise".
  if (thp_mode.find("[always]") == std::string_view::npos &&
      thp_mode.find("[madvise]") == std::string_view::npos) {
    return std::nullopt;
  }
  // The heap grows 64 MiB at a time, so that glibc advises the kernel in
  // large steps rather than at every small extension.
  std::string wanted = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";
  if (!tunables.empty()) wanted = std::string(tunables) + ":" + wanted;
  return wanted;
}

void restart_with_huge_page_heap(int argc, char** argv) {
  if (argc < 2) return;
  const char* current = std::getenv("GLIBC_TUNABLES");
  const auto wanted = huge_page_tunables(argv[1], current, thp_mode_line());
  if (!wanted) return;

  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return;
  self[n] = '\0';
  const std::string before = current ? current : "";
  if (setenv("GLIBC_TUNABLES", wanted->c_str(), 1) != 0) return;
  execv(self, argv);
  // Still here: run as we are, leaving the environment as it was.
  if (current) {
    setenv("GLIBC_TUNABLES", before.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
}

}  // namespace sightline::cli
