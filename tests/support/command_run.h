// Runs the real `sightline` binary as a user would, through the shell, with
// no input, and keeps what it printed. For the suites that define
// SIGHTLINE_BINARY (tests/CMakeLists.txt).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "test_support.h"

namespace sightline::testing {

struct CommandRun {
  int exit_code = -1;  // -1 when the program did not exit normally
  std::string out, err;
};

// `s` as one word for the shell, whatever it holds.
inline std::string shell_quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `binary` with `args`.
inline CommandRun run_command(const std::string& binary, const std::vector<std::string>& args) {
  static TempDir io;
  std::string command = shell_quoted(binary);
  for (const auto& a : args) command += " " + shell_quoted(a);
  command +=
      " >" + shell_quoted(io.file("out")) + " 2>" + shell_quoted(io.file("err")) + " </dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(io.file("out")),
          read_file(io.file("err"))};
}

}  // namespace sightline::testing
