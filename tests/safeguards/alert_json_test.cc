// The JSON of an alert: the catalogue's fields in order, written byte for byte
// as a general JSON library writes them, whatever the strings hold.
#include "safeguards/alert_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace sightline::safeguards {
namespace {

Date d(const char* s) { return *Date::parse(s); }

// The reference: the same object built with nlohmann::ordered_json.
std::string reference(const Alert& a) {
  nlohmann::ordered_json j;
  j["rule"] = a.rule;
  j["child"] = a.child;
  j["owner"] = a.owner;
  j["raised"] = a.raised.to_string();
  j["due"] = a.due ? nlohmann::ordered_json(a.due->to_string()) : nlohmann::ordered_json(nullptr);
  j["level"] = std::string(to_string(a.level));
  j["escalations"] = nlohmann::ordered_json::array();
  for (const Escalation& e : a.escalations) {
    j["escalations"].push_back(
        {{"level", std::string(to_string(e.level))}, {"at", e.at.to_string()}});
  }
  j["resolved"] = a.resolved ? nlohmann::ordered_json(a.resolved->to_string())
                             : nlohmann::ordered_json(nullptr);
  if (const auto* id = std::get_if<std::string>(&a.resolved_by)) {
    j["resolved_by"] = *id;
  } else if (const auto* line = std::get_if<std::int64_t>(&a.resolved_by)) {
    j["resolved_by"] = *line;
  } else {
    j["resolved_by"] = nullptr;
  }
  j["finding"] =
      a.finding.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.finding);
  j["source"] = a.source;
  if (!a.missing.empty()) j["missing"] = a.missing;
  if (!a.routes.empty()) j["routes"] = a.routes;
  if (!a.reasons.empty()) j["reasons"] = a.reasons;
  if (!a.severity.empty()) j["severity"] = a.severity;
  return j.dump();
}

TEST(AlertJson, AFaultWithOnlyTheRequiredFields) {
  Alert a;
  a.rule = "hv-new-registration";
  a.child = "c1";
  a.owner = "E09000009-hv";
  a.raised = d("2013-01-02");
  a.source = "Healthy Child Programme";
  EXPECT_EQ(alert_json(a), reference(a));
  EXPECT_EQ(alert_json(a),
            R"({"rule":"hv-new-registration","child":"c1","owner":"E09000009-hv",)"
            R"("raised":"2013-01-02","due":null,"level":"practitioner","escalations":[],)"
            R"("resolved":null,"resolved_by":null,"finding":null,)"
            R"("source":"Healthy Child Programme"})");
}

TEST(AlertJson, EveryFieldAndEveryCharacterThatNeedsEscaping) {
  Alert a;
  a.rule = "closure-before-seen";
  a.child = "quote\" back\\slash";
  a.owner = "childrens_social_care:E09000009";
  a.raised = d("2013-01-02");
  a.due = d("2013-01-01");
  a.level = Level::kPartnership;
  a.escalations = {{Level::kManager, d("2013-01-04")},
                   {Level::kSafeguardingLead, d("2013-01-09")},
                   {Level::kPartnership, d("2013-01-16")}};
  a.resolved = d("2013-02-01");
  a.resolved_by = std::string("tab\there\nnewline\r\b\f\x01\x1f\x7f end");
  a.finding = "F7, F8";
  a.source =
      "Working Together 2018, ch. 1 \xc2\xa7"
      "12 \xe2\x80\x94 caf\xc3\xa9";
  a.missing = {"police", "a \"quoted\" agency"};
  a.routes = {"s17"};
  a.reasons = {"first", "", "third"};
  a.severity = "critical";
  EXPECT_EQ(alert_json(a), reference(a));
}

TEST(AlertJson, ResolvedByALineNumber) {
  Alert a;
  a.rule = "r";
  a.raised = d("2020-02-29");
  a.resolved = d("2020-03-01");
  a.resolved_by = std::int64_t{1234567890123};
  EXPECT_EQ(alert_json(a), reference(a));
  std::string appended = "x";
  append_alert_json(appended, a);
  EXPECT_EQ(appended, "x" + reference(a));
}

}  // namespace
}  // namespace sightline::safeguards
