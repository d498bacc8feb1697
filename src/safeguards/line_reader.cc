#include "safeguards/line_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace sightline::safeguards {
namespace {

constexpr std::size_t kBlock = std::size_t{4} << 20;

class Fd {
 public:
  explicit Fd(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("cannot read " + path);
  }
  ~Fd() { ::close(fd_); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

void for_each_file_line(const std::string& path,
                        const std::function<void(std::string_view, std::int64_t, std::size_t)>& f) {
  const Fd fd(path);
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  std::vector<char> buffer(kBlock);
  std::size_t held = 0;         // bytes in buffer: the start of a line, then what follows
  std::size_t held_offset = 0;  // file offset of buffer[0]
  std::int64_t number = 0;
  bool eof = false;
  while (!eof) {
    if (held == buffer.size()) buffer.resize(buffer.size() * 2);  // one line longer than the buffer
    const ssize_t got = ::read(fd.get(), buffer.data() + held, buffer.size() - held);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    }
    eof = got == 0;
    const std::size_t end = held + static_cast<std::size_t>(got);
    std::size_t pos = 0;
    while (pos < end) {
      const void* nl = std::memchr(buffer.data() + pos, '\n', end - pos);
      if (nl == nullptr && !eof) break;  // the rest of this line is still to come
      const std::size_t stop = nl == nullptr ? end : static_cast<const char*>(nl) - buffer.data();
      f(std::string_view(buffer.data() + pos, stop - pos), ++number, held_offset + pos);
      pos = stop + 1;
    }
    if (pos > end) pos = end;
    std::memmove(buffer.data(), buffer.data() + pos, end - pos);
    held = end - pos;
    held_offset += pos;
  }
}

}  // namespace sightline::safeguards
