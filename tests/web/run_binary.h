// Runs the real `sightline` binary with arguments and optional standard
// input, and collects its exit code and output.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "../support/test_support.h"

namespace sightline::testing {

struct CommandRun {
  int exit_code = -1;
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline CommandRun run_sightline(const std::vector<std::string>& args,
                                const std::string& stdin_text = "") {
  static TempDir io;
  { std::ofstream(io.file("in"), std::ios::binary) << stdin_text; }
  std::string command = shell_quote(SIGHTLINE_BINARY);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " >" + shell_quote(io.file("out")) + " 2>" + shell_quote(io.file("err")) + " <" +
             shell_quote(io.file("in"));
  const int status = std::system(command.c_str());
  CommandRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(io.file("out"));
  r.err = read_file(io.file("err"));
  return r;
}

}  // namespace sightline::testing
