#include "safeguards/differential/feed_promises.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace sightline::safeguards::differential {
namespace {

using nlohmann::json;

// The person ids a line names directly.
std::vector<std::string> named(const json& j) {
  std::vector<std::string> out;
  for (const char* field : {"child", "person"}) {
    if (j.contains(field)) out.push_back(j[field].get<std::string>());
  }
  if (j.contains("persons")) {
    for (const auto& p : j["persons"]) out.push_back(p.get<std::string>());
  }
  return out;
}

}  // namespace

bool keeps_promises(const std::vector<std::string>& lines, std::string* why) {
  static const std::set<std::string> kSocialCareOnly = {
      "assessment_started", "assessment_completed", "s47_concluded", "strategy_discussion",
      "conference",         "plan_started",         "plan_ended"};
  static const std::set<std::string> kNotAboutUnborn = {
      "registration", "deregistration", "address",   "contact",         "appointment",
      "medical",      "hv_level",       "found",     "claim",           "whereabouts_unknown",
      "missing",      "death",          "indicator", "records_transfer"};
  std::map<std::string, std::string> agency_kind;
  std::map<std::string, std::pair<std::string, std::string>> transfers;  // id -> (to, child)
  std::set<std::string> unborn, dead;
  auto broken = [&](std::size_t line, const std::string& what) {
    if (why != nullptr) *why = "line " + std::to_string(line + 1) + ": " + what;
    return false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json j = json::parse(lines[i]);
    const std::string type = j.at("type");
    const std::string by = j.value("by", "");
    if (type == "agency") {
      agency_kind[j["id"]] = j["kind"];
      continue;
    }
    for (const std::string& p : named(j)) {
      if (dead.count(p) != 0) return broken(i, "names " + p + " after the death");
      if (unborn.count(p) != 0 && kNotAboutUnborn.count(type) != 0) {
        return broken(i, type + " names the unborn child " + p);
      }
    }
    if (kSocialCareOnly.count(type) != 0 && agency_kind[by] != "childrens_social_care") {
      return broken(i, type + " by " + by + ", not children's social care");
    }
    if (type == "hv_level" && agency_kind[by] != "health_visiting") {
      return broken(i, "hv_level by " + by + ", not health visiting");
    }
    if (type == "contact" && j["child_seen"].get<bool>() && j["outcome"] != "seen") {
      return broken(i, "a contact sees the child without outcome seen");
    }
    if (type == "transfer") transfers[j["id"]] = {j["to"], j["child"]};
    if (type == "transfer_accepted" || type == "transfer_declined") {
      const auto& [to, child] = transfers[j["transfer"]];
      if (by != to) return broken(i, type + " by " + by + ", not the receiver " + to);
      if (type == "transfer_accepted" && j["child_seen"].get<bool>() && unborn.count(child) != 0) {
        return broken(i, "a transfer accepted with the unborn child " + child + " seen");
      }
    }
    if (type == "pregnancy") unborn.insert(j["child"].get<std::string>());
    if (type == "birth") unborn.erase(j["child"].get<std::string>());
    if (type == "death") dead.insert(j["person"].get<std::string>());
  }
  return true;
}

}  // namespace sightline::safeguards::differential
