// When `sightline replay` restarts itself with glibc's heap in huge pages,
// and that the restart changes nothing a user sees.
#include "cli/huge_page_heap.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "../support/test_support.h"

namespace sightline::cli {
namespace {

constexpr const char* kMadvise = "always [madvise] never";
constexpr const char* kWanted = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";

struct Case {
  const char* what;
  const char* command;
  const char* current;  // GLIBC_TUNABLES; nullptr: unset
  const char* thp_mode;
  std::optional<std::string> expected;
};

TEST(HugePageHeapTest, RestartsOnlyAReplayOnlyOnceAndOnlyWhereTheKernelOffers) {
  const Case cases[] = {
      {"a replay, THP madvise", "replay", nullptr, kMadvise, kWanted},
      {"a replay, THP always", "replay", nullptr, "[always] madvise never", kWanted},
      {"other tunables are kept", "replay", "glibc.malloc.arena_max=2", kMadvise,
       std::string("glibc.malloc.arena_max=2:") + kWanted},
      {"an empty variable", "replay", "", kMadvise, kWanted},
      {"already restarted", "replay", kWanted, kMadvise, std::nullopt},
      {"the user said no", "replay", "glibc.malloc.hugetlb=0", kMadvise, std::nullopt},
      {"THP never", "replay", nullptr, "always madvise [never]", std::nullopt},
      {"THP unknown", "replay", nullptr, "", std::nullopt},
      {"import", "import", nullptr, kMadvise, std::nullopt},
      {"serve", "serve", nullptr, kMadvise, std::nullopt},
      {"help", "--help", nullptr, kMadvise, std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(huge_page_tunables(c.command, c.current, c.thp_mode), c.expected) << c.what;
  }
}

std::string replay_sofia(const std::string& environment, const std::string& out) {
  const std::string feed = (testing::source_dir() / "tests/scenarios/sofia.jsonl").string();
  const std::string command =
      environment + " '" SIGHTLINE_BINARY "' replay '" + feed + "' --json >'" + out + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return testing::read_file(out);
}

TEST(HugePageHeapTest, AReplayGivesTheSameAlertsWithOrWithoutTheRestart) {
  testing::TempDir dir;
  const std::string restarted = replay_sofia("env -u GLIBC_TUNABLES", dir.file("restarted"));
  const std::string ordinary =
      replay_sofia("env GLIBC_TUNABLES=glibc.malloc.hugetlb=0", dir.file("ordinary"));
  EXPECT_GT(restarted.size(), 1000u);
  EXPECT_EQ(restarted, ordinary);
}

}  // namespace
}  // namespace sightline::cli
