// "The named worker of agency A for child C as known at T"
// (chronology/named_worker.h), case by case against its definition: the
// latest allocation of the child for the agency, dated and recorded by T,
// unless the agency's case_closed for the child came after it.
#include "chronology/named_worker.h"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../support/feed_events.h"
#include "feed/parser.h"

namespace sightline {
namespace {

std::vector<Event> events(const std::string& lines) { return testing::trusted_events(lines); }

struct NamedWorkerCase {
  const char* name;
  std::string feed;
  const char* agency;
  const char* as_known_at;
  const char* worker;  // nullptr: none
  const char* phone = "";
  const char* email = "";
};

void PrintTo(const NamedWorkerCase& c, std::ostream* os) { *os << c.name; }

class NamedWorkerTest : public ::testing::TestWithParam<NamedWorkerCase> {};

TEST_P(NamedWorkerTest, IsTheLatestAllocationKnownThenUnlessTheAgencyClosedTheCase) {
  const NamedWorkerCase& c = GetParam();
  const auto e = events(c.feed);
  const auto found = named_worker(e, "c", c.agency, *Timestamp::parse(c.as_known_at));
  if (c.worker == nullptr) {
    EXPECT_FALSE(found.has_value()) << found->name;
    return;
  }
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, c.worker);
  EXPECT_EQ(found->phone, c.phone);
  EXPECT_EQ(found->email, c.email);
  EXPECT_EQ(found->agency, c.agency);
}

std::string allocation(const std::string& at, const std::string& agency, const std::string& worker,
                       const std::string& more = "") {
  return R"({"type":"allocation","at":")" + at + R"(","by":")" + agency +
         R"(","child":"c","agency":")" + agency + R"(","worker":")" + worker + "\"" + more + "}\n";
}
std::string closed(const std::string& at, const std::string& agency) {
  return R"({"type":"case_closed","at":")" + at + R"(","by":")" + agency +
         R"(","child":"c","agency":")" + agency + R"(","reason":"other"})" + "\n";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NamedWorkerTest,
    ::testing::Values(
        NamedWorkerCase{"NoneRecorded", closed("2026-01-01", "csc"), "csc", "2026-02-01", nullptr},
        NamedWorkerCase{"OneAllocation",
                        allocation("2026-01-05", "csc", "Jo Bloggs",
                                   R"(,"phone":"020 7946 0001","email":"jo@csc.example.org")"),
                        "csc", "2026-02-01", "Jo Bloggs", "020 7946 0001", "jo@csc.example.org"},
        NamedWorkerCase{
            "TheLatestByDateNotTheLatestSent",
            allocation("2026-01-20", "csc", "Newer") + allocation("2026-01-05", "csc", "Older"),
            "csc", "2026-02-01", "Newer"},
        NamedWorkerCase{
            "AsKnownAtADateBeforeTheNewOne",
            allocation("2026-01-05", "csc", "Older") + allocation("2026-01-20", "csc", "Newer"),
            "csc", "2026-01-10", "Older"},
        NamedWorkerCase{"NotYetAllocatedAtThatDate", allocation("2026-01-05", "csc", "Jo"), "csc",
                        "2026-01-04", nullptr},
        NamedWorkerCase{
            "NotYetLearntAtThatDate",
            R"({"type":"allocation","at":"2026-01-05","recorded":"2026-01-20","by":"csc","child":"c","agency":"csc","worker":"Late"})"
            "\n",
            "csc", "2026-01-10", nullptr},
        NamedWorkerCase{"EndedByTheAgencysClosure",
                        allocation("2026-01-05", "csc", "Jo") + closed("2026-01-10", "csc"), "csc",
                        "2026-02-01", nullptr},
        NamedWorkerCase{"TheClosureDoesNotEndItBeforeItHappened",
                        allocation("2026-01-05", "csc", "Jo") + closed("2026-01-10", "csc"), "csc",
                        "2026-01-08", "Jo"},
        NamedWorkerCase{"AnotherAgencysClosureLeavesIt",
                        allocation("2026-01-05", "csc", "Jo") + closed("2026-01-10", "hv"), "csc",
                        "2026-02-01", "Jo"},
        NamedWorkerCase{"AnAllocationAfterTheClosureNamesANewWorker",
                        allocation("2026-01-05", "csc", "Jo") + closed("2026-01-10", "csc") +
                            allocation("2026-01-15", "csc", "Sam"),
                        "csc", "2026-02-01", "Sam"},
        NamedWorkerCase{"AnotherAgencysWorkerIsNotThisOnes", allocation("2026-01-05", "hv", "Ruth"),
                        "csc", "2026-02-01", nullptr},
        NamedWorkerCase{
            "RecordedByAnotherAgencyForThisOne",
            R"({"type":"allocation","at":"2026-01-05","by":"csc","child":"c","agency":"hv","worker":"Ruth"})"
            "\n",
            "hv", "2026-02-01", "Ruth"},
        NamedWorkerCase{
            "AnotherChildsAllocationIsNotThisChilds",
            R"({"type":"allocation","at":"2026-01-05","by":"csc","child":"d","agency":"csc","worker":"Jo"})"
            "\n",
            "csc", "2026-02-01", nullptr}),
    [](const ::testing::TestParamInfo<NamedWorkerCase>& param_info) {
      return param_info.param.name;
    });

TEST(NamedWorkers, EveryAgencysWorkerAtOnce) {
  const auto e = events(allocation("2026-01-05", "csc", "Jo") +
                        allocation("2026-01-06", "hv", "Ruth") + closed("2026-01-07", "csc"));
  const auto all = named_workers(e, "c", *Timestamp::parse("2026-02-01"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all.at("hv").name, "Ruth");
  EXPECT_EQ(all.at("hv").since, *Timestamp::parse("2026-01-06"));
}

}  // namespace
}  // namespace sightline
