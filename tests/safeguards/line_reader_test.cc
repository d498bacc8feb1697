// for_each_file_line gives every line with its number and byte offset, as
// splitting the whole text at '\n' would, whatever the buffer boundaries.
#include "safeguards/line_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace sightline::safeguards {
namespace {

using Line = std::tuple<std::string, std::int64_t, std::size_t>;

std::vector<Line> read_back(const std::string& text) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("sightline-line-reader-" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name());
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  std::vector<Line> lines;
  for_each_file_line(path.string(), [&](std::string_view line, std::int64_t n, std::size_t at) {
    lines.emplace_back(std::string(line), n, at);
  });
  std::filesystem::remove(path);
  return lines;
}

std::vector<Line> split(const std::string& text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  std::int64_t n = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    lines.emplace_back(text.substr(pos, end - pos), ++n, pos);
    pos = end + 1;
  }
  return lines;
}

TEST(LineReader, EmptyBlankAndUnterminatedLines) {
  EXPECT_TRUE(read_back("").empty());
  EXPECT_EQ(read_back("\n"), (std::vector<Line>{{"", 1, 0}}));
  EXPECT_EQ(read_back("a\n\nbc"), (std::vector<Line>{{"a", 1, 0}, {"", 2, 2}, {"bc", 3, 3}}));
  EXPECT_EQ(read_back("a\r\nb\n"), (std::vector<Line>{{"a\r", 1, 0}, {"b", 2, 3}}));
}

TEST(LineReader, LinesAcrossBuffersAndLongerThanOne) {
  std::string text;
  for (int i = 0; i < 300000; ++i)
    text += "line " + std::to_string(i) + std::string(i % 97, 'x') + "\n";
  text += std::string(9 << 20, 'y') + "\nshort\n" + std::string(5 << 20, 'z');
  EXPECT_EQ(read_back(text), split(text));
}

TEST(LineReader, AMissingFileIsAnError) {
  EXPECT_THROW(for_each_file_line("/nonexistent/feed.jsonl", [](auto, auto, auto) {}),
               std::runtime_error);
}

}  // namespace
}  // namespace sightline::safeguards
