// The ids part: numbers in first-use order, whichever way an id is found (the
// parser's numbers, the parser's words, the current event's cache, a plain
// lookup), so that the speed tricks change no alert.
#include "safeguards/engine_ids.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>

#include "safeguards/config.h"

namespace sightline::safeguards {
namespace {

TEST(EngineIds, NumbersPeopleAndAgenciesInFirstUseOrderEachInItsOwnSpace) {
  const SafeguardsConfig config;
  EngineIds ids(config);
  EXPECT_EQ(ids.person("P2"), 0u);
  EXPECT_EQ(ids.person("P1"), 1u);
  EXPECT_EQ(ids.agency("P1"), 0u);
  EXPECT_EQ(ids.person("P2"), 0u);
  EXPECT_EQ(ids.known_person("P1"), 1u);
  EXPECT_EQ(ids.known_person("P9"), kNone);
  EXPECT_EQ(ids.person_name(1), "P1");
  EXPECT_EQ(ids.area(""), kNone);
}

TEST(EngineIds, TheParsersNumbersGiveTheSameIdsAsPlainLookups) {
  const SafeguardsConfig config;
  EngineIds plain(config);
  EngineIds resolved(config);
  const int source = 0;
  // Two lines of a parser: its numbers are not ours (it saw C before A).
  const std::array<std::array<const char*, 2>, 2> lines{{{"A", "B"}, {"B", "C"}}};
  const std::array<std::uint32_t, 3> parser_number{7, 3, 1};  // A, B, C
  for (const auto& line : lines) {
    std::array<ResolvedId, 2> found{};
    for (std::size_t i = 0; i < line.size(); ++i) {
      const std::string_view text = line[i];
      found[i] = ResolvedId{text, parser_number[static_cast<std::size_t>(text[0] - 'A')],
                            IdSpace::kPerson, nullptr};
    }
    const ResolvedIds event{&source, found, nullptr};
    resolved.claim(event);
    resolved.begin_event(event);
    for (const char* id : line) EXPECT_EQ(resolved.person(id), plain.person(id)) << id;
    resolved.end_event();
  }
  EXPECT_EQ(resolved.person("C"), 2u);
}

TEST(EngineIds, TheParsersWordsKeepOurNumbersWhenClaimed) {
  const SafeguardsConfig config;
  EngineIds ids(config);
  const int source = 0;
  std::uint64_t owner = 0;
  std::uint32_t word_a = 0, word_b = 0;
  const std::array<ResolvedId, 2> found{
      {{"A", 5, IdSpace::kPerson, &word_a}, {"B", 2, IdSpace::kAgency, &word_b}}};
  const ResolvedIds event{&source, found, &owner};
  ids.claim(event);
  EXPECT_NE(owner, 0u);
  ids.begin_event(event);
  EXPECT_EQ(ids.person("Z"), 0u);  // not resolved: a plain lookup
  EXPECT_EQ(ids.person("A"), 1u);
  EXPECT_EQ(ids.agency("B"), 0u);
  ids.end_event();
  EXPECT_EQ(word_a, 2u);  // our number + 1
  EXPECT_EQ(word_b, 1u);
  // Another engine finds the words claimed and numbers the ids itself.
  EngineIds other(config);
  other.claim(event);
  other.begin_event(event);
  EXPECT_EQ(other.person("A"), 0u);
  other.end_event();
  EXPECT_EQ(word_a, 2u);
}

}  // namespace
}  // namespace sightline::safeguards
