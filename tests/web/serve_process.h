// Runs the real `sightline serve` binary for a test: starts it on port 0,
// reads the port it prints, and stops it with a signal.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace sightline::testing {

class ServeProcess {
 public:
  // `args` follow "sightline serve"; "--port 0" is added. Standard error goes
  // to `err_file`.
  ServeProcess(const std::vector<std::string>& args, const std::string& err_file,
               const std::string& stdin_text = "") {
    int out_pipe[2];
    int in_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(in_pipe) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
      dup2(out_pipe[1], STDOUT_FILENO);
      dup2(in_pipe[0], STDIN_FILENO);
      const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(err, STDERR_FILENO);
      close(out_pipe[0]);
      close(out_pipe[1]);
      close(in_pipe[0]);
      close(in_pipe[1]);
      std::vector<std::string> all = {SIGHTLINE_BINARY, "serve", "--port", "0"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out_pipe[1]);
    close(in_pipe[0]);
    if (!stdin_text.empty()) {
      [[maybe_unused]] auto n = write(in_pipe[1], stdin_text.data(), stdin_text.size());
    }
    close(in_pipe[1]);
    out_ = out_pipe[0];
    std::string line = read_line();
    while (!line.empty() && line.rfind("Listening on http://", 0) != 0) {
      before_listening_ += line + "\n";
      line = read_line();
    }
    const auto colon = line.rfind(':');
    if (line.rfind("Listening on http://", 0) != 0 || colon == std::string::npos) {
      stop(SIGKILL);
      throw std::runtime_error("serve did not start: \"" + line + "\"");
    }
    port_ = static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
  }
  ~ServeProcess() {
    if (pid_ > 0) stop(SIGKILL);
    if (out_ >= 0) close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  unsigned short port() const { return port_; }
  // What serve printed before its "Listening on" line.
  const std::string& before_listening() const { return before_listening_; }

  // Sends `signal` and returns the exit code (-1 when killed by a signal).
  int stop(int signal = SIGTERM) {
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // One line of standard output, without the newline ("" at the end).
  std::string read_line() {
    std::string line;
    char c;
    while (read(out_, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  unsigned short port_ = 0;
  std::string before_listening_;
};

}  // namespace sightline::testing
