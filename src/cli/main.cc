#include <unistd.h>

#include <iostream>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/huge_page_heap.h"

int main(int argc, char** argv) {
  sightline::cli::restart_with_huge_page_heap(argc, argv);
  std::ios::sync_with_stdio(false);
  std::vector<std::string_view> args(argv + 1, argv + argc);
  return sightline::cli::run_cli(args, std::cout, std::cerr, isatty(STDERR_FILENO) != 0);
}
