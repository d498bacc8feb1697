// The differential test's feed generator (feed_generator.h): the same seed
// gives the same feed, and every feed is valid events-v1 that keeps the
// generator's promises (feed_promises.h).
#include "safeguards/differential/feed_generator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "safeguards/differential/feed_promises.h"
#include "safeguards/replay.h"
#include "support/test_support.h"

namespace sightline::safeguards::differential {
namespace {

TEST(FeedGenerator, FeedsAreDeterministicValidAndKeepTheirPromises) {
  testing::TempDir dir;
  const std::string path = dir.file("feed.jsonl");
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const GeneratedFeed a = generate_feed(seed), b = generate_feed(seed);
    ASSERT_EQ(a.lines, b.lines) << "seed " << seed;
    std::string why;
    EXPECT_TRUE(keeps_promises(a.lines, &why)) << "seed " << seed << ": " << why;
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      for (const std::string& l : a.lines) out << l << '\n';
    }
    ReplayOptions options;
    options.until = a.until;
    std::string fault;
    const ReplayResult result = replay_file(path, SafeguardsConfig(), options, [&](const Fault& f) {
      if (fault.empty()) fault = f.to_string();
    });
    EXPECT_TRUE(result.ok()) << "seed " << seed << ": " << fault;
  }
  EXPECT_NE(generate_feed(1).lines, generate_feed(2).lines);
}

TEST(FeedPromises, AReceiverAloneAcceptsAndNothingSightsAnUnbornChild) {
  const std::string agencies =
      R"({"type":"agency","id":"hv-a","name":"hv a","kind":"health_visiting","area":"E09000033","at":"2024-01-01"})"
      "\n"
      R"({"type":"agency","id":"hv-b","name":"hv b","kind":"health_visiting","area":"E09000009","at":"2024-01-01"})";
  const std::string mother =
      R"({"type":"person","id":"m","at":"2024-01-01","by":"hv-a","given":"M","family":"F"})";
  const std::string pregnancy =
      R"({"type":"pregnancy","id":"p","at":"2024-01-02","by":"hv-a","mother":"m","child":"u","edd":"2024-06-01"})";
  const std::string transfer =
      R"({"type":"transfer","id":"t","at":"2024-01-03","by":"hv-a","child":"u","from":"hv-a","to":"hv-b","status":"universal"})";
  auto feed = [&](const std::string& last) {
    return std::vector<std::string>{agencies.substr(0, agencies.find('\n')),
                                    agencies.substr(agencies.find('\n') + 1),
                                    mother,
                                    pregnancy,
                                    transfer,
                                    last};
  };
  std::string why;
  EXPECT_TRUE(keeps_promises(feed(
      R"({"type":"transfer_accepted","id":"a","at":"2024-01-04","by":"hv-b","transfer":"t","child_seen":false})")));
  EXPECT_FALSE(keeps_promises(
      feed(
          R"({"type":"transfer_accepted","id":"a","at":"2024-01-04","by":"hv-a","transfer":"t","child_seen":false})"),
      &why));
  EXPECT_NE(why.find("not the receiver"), std::string::npos) << why;
  EXPECT_FALSE(keeps_promises(feed(
      R"({"type":"transfer_accepted","id":"a","at":"2024-01-04","by":"hv-b","transfer":"t","child_seen":true})")));
  EXPECT_FALSE(keeps_promises(feed(
      R"({"type":"hv_level","id":"l","at":"2024-01-04","by":"hv-a","child":"u","level":"universal"})")));
}

}  // namespace
}  // namespace sightline::safeguards::differential
