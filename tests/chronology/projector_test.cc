#include "chronology/projector.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace sightline {
namespace {

// Writes every fact down as one line of text, so a test can compare them.
class RecordingSink final : public ProjectionSink {
 public:
  std::vector<std::string> facts;
  std::vector<std::string> involved;  // "AGENCY with PERSON", as reported
  std::map<Id, std::vector<std::pair<Id, std::string>>> earlier_events;

  void person_named(const FactSource&, const Id& p, std::string_view field) override {
    facts.push_back("named " + p + " as " + std::string(field));
  }
  void agency_involved(const FactSource&, const Id& p, const Id& agency) override {
    involved.push_back(agency + " with " + p);
  }
  void person_defined(const FactSource&, const Id& p) override { facts.push_back("person " + p); }
  void person_details(const FactSource&, const Id& p, const PersonEvent& d) override {
    facts.push_back("details " + p + " " + d.given + " " + d.family);
  }
  void id_defined(const FactSource&, const Id& id, const IdInfo& info,
                  const std::vector<std::pair<Id, std::string>>& persons) override {
    std::string named;
    for (const auto& [person, field] : persons) named += " " + person + ":" + field;
    facts.push_back("id " + id + " kind " + std::to_string(static_cast<int>(info.kind)) + named);
  }
  void agency(const FactSource&, const Id& id, const AgencyEvent& a) override {
    facts.push_back("agency " + id + " " + a.area);
  }
  void relation(const FactSource&, const Id& child, const Id& relative,
                RelationshipRole role) override {
    facts.push_back(relative + " is " + std::string(to_string(role)) + " of " + child);
  }
  void address(const FactSource&, const Id& p, const Address& a, AddressNotice n) override {
    facts.push_back("address " + p + " " + a.postcode + " " + std::string(to_string(n)));
  }
  void whereabouts(const FactSource&, const Id& p, Whereabouts w,
                   std::string_view detail) override {
    facts.push_back("whereabouts " + p + " " + std::string(to_string(w)) + " " +
                    std::string(detail));
  }
  void life_event(const FactSource&, const Id& p, LifeEvent e, Date d) override {
    facts.push_back(std::string(to_string(e)) + " " + p + " " + d.to_string());
  }
  std::vector<std::pair<Id, std::string>> persons_of_event(const Id& id) override {
    return earlier_events[id];
  }
};

Event make(EventType type, EventBody body, std::string id = "") {
  Event e;
  e.type = type;
  e.id = std::move(id);
  e.at = *Timestamp::parse("2012-10-01");
  e.recorded = e.at;
  e.by = "agency-1";
  e.body = std::move(body);
  return e;
}

struct Case {
  const char* name;
  Event event;
  std::vector<std::string> expected;
};

class ProjectorTest : public ::testing::TestWithParam<int> {};

std::vector<Case> cases() {
  Address flat{"1 Road", "", "London", "W2 1AA", "E09000033", AddressKind::kTemporary};
  return {
      {"pregnancy creates the unborn child with its mother",
       make(EventType::kPregnancy, PregnancyEvent{"mum", "baby", *Date::parse("2012-09-30")}),
       {"named mum as mother", "named baby as child", "person baby", "mum is mother of baby",
        "expected baby 2012-09-30"}},
      {"relationship: person is the role of other",
       make(EventType::kRelationship,
            RelationshipEvent{"dad", "baby", RelationshipRole::kFather, std::nullopt}),
       {"named dad as person", "named baby as other", "dad is father of baby"}},
      {"address for a family reaches every person",
       make(EventType::kAddress,
            AddressEvent{{"mum", "baby"}, flat, AddressNotice::kWithoutNotice}),
       {"named mum as persons", "named baby as persons", "address mum W2 1AA without_notice",
        "whereabouts mum at_address 1 Road, London, W2 1AA (without_notice)",
        "address baby W2 1AA without_notice",
        "whereabouts baby at_address 1 Road, London, W2 1AA (without_notice)"}},
      {"a visit that finds nobody makes whereabouts unknown",
       make(EventType::kContact,
            ContactEvent{{"baby"}, ContactMode::kHomeVisit, false, ContactOutcome::kNotAtAddress}),
       {"named baby as persons", "whereabouts baby unknown not at the address visited"}},
      {"an unverified claim",
       make(EventType::kClaim, ClaimEvent{"baby", ClaimKind::kAbroad, "with grandmother", false}),
       {"named baby as child", "whereabouts baby claimed abroad: with grandmother (not verified)"}},
      {"an outcome belongs to the persons of its referral",
       make(EventType::kReferralOutcome,
            ReferralOutcomeEvent{"ref-1", ReferralOutcomeKind::kNoFurtherAction, std::nullopt}),
       {"named baby as child", "named mum as mother"}},
      {"a referral defines its id",
       make(EventType::kReferral,
            ReferralEvent{"baby", std::nullopt, "mw", "csc", {Indicator::kHomelessness}}, "ref-2"),
       {"named baby as child", "id ref-2 kind 1 baby:child"}},
      {"death",
       make(EventType::kDeath, DeathEvent{"baby"}),
       {"named baby as person", "died baby 2012-10-01"}},
  };
}

TEST_P(ProjectorTest, YieldsTheExpectedFacts) {
  const Case c = cases()[static_cast<std::size_t>(GetParam())];
  RecordingSink sink;
  sink.earlier_events["ref-1"] = {{"baby", "child"}, {"mum", "mother"}};
  project(c.event, FactSource{7, c.event.at, c.event.recorded}, sink);
  EXPECT_EQ(sink.facts, c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Cases, ProjectorTest,
                         ::testing::Range(0, static_cast<int>(cases().size())));

TEST(Projector, InvolvesTheReporterAndEveryAgencyNamedWithEveryPersonNamed) {
  RecordingSink sink;
  sink.earlier_events["tr-1"] = {{"baby", "child"}};
  const Event transfer = make(
      EventType::kTransfer,
      TransferEvent{"baby", "csc-a", "csc-b", TransferStatus::kChildInNeed, "", {}, {}}, "tr-2");
  project(transfer, FactSource{7, transfer.at, transfer.recorded}, sink);
  EXPECT_EQ(sink.involved,
            (std::vector<std::string>{"agency-1 with baby", "csc-a with baby", "csc-b with baby"}));
  sink.involved.clear();
  // An answer to an earlier event involves its reporter with that event's persons.
  const Event accepted = make(EventType::kTransferAccepted, TransferAcceptedEvent{"tr-1", true});
  project(accepted, FactSource{8, accepted.at, accepted.recorded}, sink);
  EXPECT_EQ(sink.involved, std::vector<std::string>{"agency-1 with baby"});
  sink.involved.clear();
  const Event discussion =
      make(EventType::kStrategyDiscussion,
           StrategyDiscussionEvent{
               "baby", DiscussionFormat::kTelephone, {"police", "gp"}, StrategyDecision::kNoS47});
  project(discussion, FactSource{9, discussion.at, discussion.recorded}, sink);
  EXPECT_EQ(sink.involved,
            (std::vector<std::string>{"agency-1 with baby", "police with baby", "gp with baby"}));
}

}  // namespace
}  // namespace sightline
