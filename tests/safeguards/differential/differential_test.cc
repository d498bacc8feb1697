// The differential test of the safeguards engine: random valid feeds
// (feed_generator.h) are replayed through the engine, as `sightline replay FEED
// --until DATE` would, and through a second, deliberately simple
// implementation of three rules written from the catalogue and its readings
// alone (reference_rules.h): child-not-seen, whereabouts-unknown and
// hv-handover-missing. Their alerts must agree on rule, child, owner, raised,
// due, resolved and resolved_by. On a disagreement the feed is reduced
// (reducer.h) to the fewest lines that still show it, still valid and still
// what agencies would send (feed_promises.h), and printed with both outputs,
// so that it can be judged against the catalogue and kept as a rule case
// (tests/safeguards/rules/<rule>/).
//
// Environment:
//   SIGHTLINE_DIFFERENTIAL_SEEDS=N       how many seeds (default 150, 40 under
//                                         AddressSanitizer; thousands for a
//                                         longer search)
//   SIGHTLINE_DIFFERENTIAL_FIRST_SEED=S  the first seed (default 1)
//   SIGHTLINE_DIFFERENTIAL_REDUCE=N      reduce the first N disagreeing seeds
//                                         (default 3, 1 under AddressSanitizer;
//                                         the others are only named)
//   SIGHTLINE_DIFFERENTIAL_OUT=DIR       also write each reduced feed there as
//                                         seed-S.jsonl
//   SIGHTLINE_DIFFERENTIAL_FEED=FILE     compare one feed file instead (not
//   SIGHTLINE_DIFFERENTIAL_UNTIL=DATE     reduced), replayed with this --until
//
// The default run takes about 3 s in a release build and 10 s under the
// sanitizers (scripts/build sanitize); each reduction of a disagreement adds a
// few seconds (a minute under the sanitizers).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "safeguards/differential/feed_generator.h"
#include "safeguards/differential/feed_promises.h"
#include "safeguards/differential/reducer.h"
#include "safeguards/differential/reference_rules.h"
#include "safeguards/replay.h"
#include "support/test_support.h"

namespace sightline::safeguards::differential {
namespace {

namespace fs = std::filesystem;

// Under AddressSanitizer (scripts/test's second run) everything is many times
// slower: fewer seeds, and one reduction.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

const std::vector<std::string> kRules = {"child-not-seen", "whereabouts-unknown",
                                         "hv-handover-missing"};

// What is compared of an alert.
struct Tuple {
  std::string rule, child, owner, raised, due, resolved, resolved_by;
  auto key() const { return std::tie(rule, child, owner, raised, due); }
  auto all() const { return std::tie(rule, child, owner, raised, due, resolved, resolved_by); }
  std::string text() const {
    return rule + " " + child + " " + owner + " raised " + raised + " due " + due +
           (resolved.empty() ? " open" : " resolved " + resolved + " by " + resolved_by);
  }
};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->to_string() : "null"; }

class Engine {
 public:
  // The engine's alerts of the three rules, or nullopt when it refuses the feed.
  std::optional<std::vector<Tuple>> alerts(const std::vector<std::string>& lines, Date until,
                                           std::string* fault = nullptr) {
    {
      std::ofstream out(path_, std::ios::binary | std::ios::trunc);
      for (const std::string& l : lines) out << l << '\n';
    }
    ReplayOptions options;
    options.until = until;
    std::string first_fault;
    const ReplayResult result =
        replay_file(path_, SafeguardsConfig(), options, [&](const Fault& f) {
          if (first_fault.empty()) first_fault = f.to_string();
        });
    if (!result.ok()) {
      if (fault != nullptr) *fault = first_fault;
      return std::nullopt;
    }
    std::vector<Tuple> out;
    for (const Alert& a : result.engine->alerts()) {
      if (std::find(kRules.begin(), kRules.end(), a.rule) == kRules.end()) continue;
      std::string by;
      if (const auto* s = std::get_if<std::string>(&a.resolved_by)) by = *s;
      if (const auto* n = std::get_if<std::int64_t>(&a.resolved_by)) by = std::to_string(*n);
      out.push_back({a.rule, a.child, a.owner, a.raised.to_string(), date_text(a.due),
                     a.resolved ? a.resolved->to_string() : "", by});
    }
    return out;
  }

 private:
  testing::TempDir dir_;
  std::string path_ = dir_.file("feed.jsonl");
};

std::vector<Tuple> reference(const std::vector<std::string>& lines, Date until) {
  std::vector<Tuple> out;
  for (const ReferenceAlert& a : reference_alerts(lines, until)) {
    if (a.raised > until) continue;  // C4
    out.push_back({a.rule, a.child, a.owner, a.raised.to_string(), date_text(a.due),
                   a.resolved && *a.resolved <= until ? a.resolved->to_string() : "",
                   a.resolved && *a.resolved <= until ? a.resolved_by : ""});
  }
  return out;
}

struct Difference {
  std::string side;  // "engine only", "reference only", "resolved differently"
  Tuple engine, ref;
  bool same_as(const Difference& o) const {
    return side == o.side && engine.key() == o.engine.key() && ref.key() == o.ref.key();
  }
  std::string text() const {
    if (side == "engine only") return "engine only:    " + engine.text();
    if (side == "reference only") return "reference only: " + ref.text();
    return "resolved differently: engine " + engine.text() + "; reference " + ref.text();
  }
};

std::vector<Difference> compare(std::vector<Tuple> engine, std::vector<Tuple> ref) {
  auto by_all = [](const Tuple& a, const Tuple& b) { return a.all() < b.all(); };
  std::sort(engine.begin(), engine.end(), by_all);
  std::sort(ref.begin(), ref.end(), by_all);
  std::vector<Difference> out;
  std::vector<bool> matched(ref.size(), false);
  std::vector<const Tuple*> engine_left;
  for (const Tuple& e : engine) {
    bool found = false;
    for (std::size_t i = 0; i < ref.size() && !found; ++i) {
      if (!matched[i] && ref[i].all() == e.all()) matched[i] = found = true;
    }
    if (!found) engine_left.push_back(&e);
  }
  for (const Tuple* e : engine_left) {
    bool found = false;
    for (std::size_t i = 0; i < ref.size() && !found; ++i) {
      if (!matched[i] && ref[i].key() == e->key()) {
        matched[i] = found = true;
        out.push_back({"resolved differently", *e, ref[i]});
      }
    }
    if (!found) out.push_back({"engine only", *e, {}});
  }
  for (std::size_t i = 0; i < ref.size(); ++i) {
    if (!matched[i]) out.push_back({"reference only", {}, ref[i]});
  }
  return out;
}

std::string listing(const std::vector<Tuple>& alerts) {
  std::vector<Tuple> sorted = alerts;
  std::sort(sorted.begin(), sorted.end(),
            [](const Tuple& a, const Tuple& b) { return a.all() < b.all(); });
  std::string out;
  for (const Tuple& t : sorted) out += "    " + t.text() + "\n";
  return out.empty() ? "    (none)\n" : out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// Everything a reader needs to judge one disagreement of a feed.
std::string report(Engine& engine, const std::vector<std::string>& lines, Date until) {
  const std::vector<Tuple> e = *engine.alerts(lines, until);
  const std::vector<Tuple> r = reference(lines, until);
  std::string out = "--until " + until.to_string() + "\n" + join(lines) + "  engine:\n" +
                    listing(e) + "  reference:\n" + listing(r) + "  differences:\n";
  for (const Difference& d : compare(e, r)) out += "    " + d.text() + "\n";
  return out;
}

// The feed reduced to the fewest lines that still show `target`.
std::vector<std::string> reduce(Engine& engine, const std::vector<std::string>& lines, Date until,
                                const Difference& target) {
  return reduce_lines(lines, [&](const std::vector<std::string>& candidate) {
    if (!keeps_promises(candidate)) return false;
    const std::optional<std::vector<Tuple>> e = engine.alerts(candidate, until);
    if (!e) return false;
    for (const Difference& d : compare(*e, reference(candidate, until))) {
      if (d.same_as(target)) return true;
    }
    return false;
  });
}

TEST(Differential, EngineAgreesWithTheReferenceOnRandomFeeds) {
  Engine engine;
  if (const std::string file = env("SIGHTLINE_DIFFERENTIAL_FEED"); !file.empty()) {
    std::vector<std::string> lines;
    std::istringstream in(testing::read_file(file));
    for (std::string l; std::getline(in, l);) {
      if (!l.empty()) lines.push_back(l);
    }
    const std::optional<Date> until = Date::parse(env("SIGHTLINE_DIFFERENTIAL_UNTIL"));
    ASSERT_TRUE(until) << "set SIGHTLINE_DIFFERENTIAL_UNTIL=YYYY-MM-DD";
    std::string fault;
    ASSERT_TRUE(engine.alerts(lines, *until, &fault)) << fault;
    const std::string text = report(engine, lines, *until);
    EXPECT_TRUE(compare(*engine.alerts(lines, *until), reference(lines, *until)).empty()) << text;
    return;
  }
  const std::string count_text = env("SIGHTLINE_DIFFERENTIAL_SEEDS");
  const std::string first_text = env("SIGHTLINE_DIFFERENTIAL_FIRST_SEED");
  const std::uint64_t count = !count_text.empty() ? std::stoull(count_text) : kSanitized ? 40 : 150;
  const std::uint64_t first = first_text.empty() ? 1 : std::stoull(first_text);
  const std::string reduce_text = env("SIGHTLINE_DIFFERENTIAL_REDUCE");
  const std::size_t reductions = !reduce_text.empty() ? std::stoull(reduce_text)
                                 : kSanitized         ? 1
                                                      : 3;
  const std::string out_dir = env("SIGHTLINE_DIFFERENTIAL_OUT");
  std::vector<std::uint64_t> failed;
  for (std::uint64_t seed = first; seed < first + count; ++seed) {
    const GeneratedFeed feed = generate_feed(seed);
    std::string fault;
    const std::optional<std::vector<Tuple>> e = engine.alerts(feed.lines, feed.until, &fault);
    ASSERT_TRUE(e) << "seed " << seed << ": the generator wrote an invalid feed: " << fault;
    const std::vector<Difference> differences = compare(*e, reference(feed.lines, feed.until));
    if (differences.empty()) continue;
    failed.push_back(seed);
    if (failed.size() > reductions) {
      ADD_FAILURE() << "seed " << seed << ": the engine and the reference disagree (not reduced):\n"
                    << "    " << differences[0].text() << "\n(" << differences.size()
                    << " differences in all)";
      continue;
    }
    const std::vector<std::string> reduced = reduce(engine, feed.lines, feed.until, differences[0]);
    ADD_FAILURE() << "seed " << seed << ": the engine and the reference disagree:\n"
                  << "    " << differences[0].text() << "\n(" << differences.size()
                  << " differences in all); reduced from " << feed.lines.size() << " to "
                  << reduced.size() << " lines:\n"
                  << report(engine, reduced, feed.until);
    if (!out_dir.empty()) {
      std::ofstream out(fs::path(out_dir) / ("seed-" + std::to_string(seed) + ".jsonl"));
      out << join(reduced);
    }
  }
  if (!failed.empty()) {
    std::string seeds;
    for (std::uint64_t s : failed) seeds += " " + std::to_string(s);
    ADD_FAILURE() << failed.size() << " of " << count << " seeds disagree:" << seeds;
  }
}

}  // namespace
}  // namespace sightline::safeguards::differential
