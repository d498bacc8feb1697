// Helpers shared by the test suites: fresh temporary directories and the
// paths of the repository's test data.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sightline::testing {

inline std::filesystem::path source_dir() { return SIGHTLINE_SOURCE_DIR; }
inline std::filesystem::path test_data(const std::string& relative) {
  return source_dir() / "tests" / "data" / relative;
}
inline std::filesystem::path scenario(const std::string& name) {
  return source_dir() / "tests" / "scenarios" / name;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A directory that exists for the lifetime of the object, then is removed.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "sightline-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace sightline::testing
