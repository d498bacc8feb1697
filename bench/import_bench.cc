// import_feed into a fresh SQLite store on disk (WAL, synchronous=FULL), in
// process: parse, validate, store and project a synthetic feed as one
// transaction. The same work as `sightline import` without the process, so a
// profiler sees only the import (bench/import-1m measures the command).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "bench_feed.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline::bench {
namespace {

void BM_ImportFeed(benchmark::State& state) {
  const std::string& feed = synthetic_feed(state.range(0));
  std::string pattern =
      (std::filesystem::temp_directory_path() / "sightline-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  const std::filesystem::path dir = pattern;
  std::int64_t stored = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directory(dir);
    std::istringstream in(feed);
    state.ResumeTiming();
    auto store = open_sqlite_store((dir / "bench.db").string());
    const ImportResult result = import_feed(*store, in, "bench", ImportCallbacks{});
    if (!result.committed) {
      state.SkipWithError("the synthetic feed was refused");
      break;
    }
    stored += result.stored;
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(stored);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(feed.size()));
}
BENCHMARK(BM_ImportFeed)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace sightline::bench
