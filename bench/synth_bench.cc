// The synthetic population generator: lines planned, merged and written per
// second, with the output thrown away (bench/import-1m times it with a file).
#include <benchmark/benchmark.h>

#include "synth/synth.h"

namespace sightline::bench {
namespace {

void BM_Synth(benchmark::State& state) {
  synth::Options options;
  options.children = state.range(0);
  options.seed = 1;
  std::int64_t lines = 0, bytes = 0;
  for (auto _ : state) {
    const synth::Stats stats = synth::generate(
        options, [](std::string_view chunk) { benchmark::DoNotOptimize(chunk.data()); });
    lines += stats.lines;
    bytes += stats.bytes;
  }
  state.SetItemsProcessed(lines);
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Synth)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sightline::bench
