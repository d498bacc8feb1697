// FeedParser::parse_line on synthetic lines: a whole feed (every line type in
// its natural mix, ids defined and looked up as the feed goes), and single
// lines of the commonest types parsed again and again after the feed that
// defines what they refer to.
#include <benchmark/benchmark.h>

#include "bench_feed.h"
#include "feed/parser.h"

namespace sightline::bench {
namespace {

constexpr std::int64_t kChildren = 2000;

void BM_ParseFeed(benchmark::State& state) {
  const std::string& feed = synthetic_feed(kChildren);
  const std::vector<std::string_view> lines = lines_of(feed);
  std::vector<Fault> faults;
  for (auto _ : state) {
    FeedParser parser;
    std::int64_t number = 0;
    for (const std::string_view line : lines) {
      auto event = parser.parse_line(line, ++number, faults);
      benchmark::DoNotOptimize(event);
    }
    if (!faults.empty()) {
      state.SkipWithError(faults.front().to_string().c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(feed.size()));
  state.counters["lines"] = static_cast<double>(lines.size());
}
BENCHMARK(BM_ParseFeed)->Unit(benchmark::kMillisecond);

// `type` must name a type whose lines define no id, so that parsing one again
// is valid.
void BM_ParseLine(benchmark::State& state, std::string_view type) {
  const std::vector<std::string_view> lines = lines_of(synthetic_feed(kChildren));
  FeedParser parser;
  std::vector<Fault> faults;
  std::int64_t number = 0;
  for (const std::string_view line : lines) parser.parse_line(line, ++number, faults);
  const std::string marker = "{\"type\":\"" + std::string(type) + "\"";
  std::string_view chosen;
  for (const std::string_view line : lines) {
    if (line.starts_with(marker)) chosen = line;  // the last one: it refers to the most
  }
  if (chosen.empty() || !faults.empty()) {
    state.SkipWithError("no such line, or the feed has faults");
    return;
  }
  for (auto _ : state) {
    auto event = parser.parse_line(chosen, number + 1, faults);
    benchmark::DoNotOptimize(event);
  }
  if (!faults.empty()) state.SkipWithError(faults.front().to_string().c_str());
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(chosen.size()));
}
BENCHMARK_CAPTURE(BM_ParseLine, appointment, "appointment");
BENCHMARK_CAPTURE(BM_ParseLine, contact, "contact");
BENCHMARK_CAPTURE(BM_ParseLine, address, "address");
BENCHMARK_CAPTURE(BM_ParseLine, circumstances, "circumstances");
BENCHMARK_CAPTURE(BM_ParseLine, referral_outcome, "referral_outcome");

}  // namespace
}  // namespace sightline::bench
