// The writeback that runs beside a large import: it asks for the files that
// exist to be written out, again and again until it is destroyed, and does
// nothing for a file that is not there.
#include "store/sqlite/background_writeback.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "../support/test_support.h"

namespace sightline::sqlite {
namespace {

using testing::TempDir;

// Waits (at most 10 s) until `writeback` has done `rounds` rounds.
bool reaches(const BackgroundWriteback& writeback, int rounds) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (writeback.rounds() < rounds) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

TEST(BackgroundWriteback, WritesAFileOutRoundAfterRoundWhileItLives) {
  TempDir dir;
  const std::string path = dir.file("store.db");
  std::ofstream(path) << std::string(1 << 20, 'x');
  BackgroundWriteback writeback({path, path + "-wal"}, 1);
  EXPECT_TRUE(reaches(writeback, 3));
}

TEST(BackgroundWriteback, DoesNothingWhenNoFileExists) {
  TempDir dir;
  BackgroundWriteback writeback({dir.file("none.db"), dir.file("none.db-wal")}, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(writeback.rounds(), 0);
}

TEST(BackgroundWriteback, StopsWhenDestroyedWithoutWaitingForItsInterval) {
  TempDir dir;
  const std::string path = dir.file("store.db");
  std::ofstream(path) << "x";
  const auto started = std::chrono::steady_clock::now();
  { BackgroundWriteback writeback({path}, 60 * 60 * 1000); }
  // An hour's interval: the destructor returned, so it did not wait it out.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::minutes(30));
}

}  // namespace
}  // namespace sightline::sqlite
