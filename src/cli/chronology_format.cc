#include "cli/chronology_format.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

namespace sightline::cli {
namespace {

using nlohmann::ordered_json;

const std::set<std::string_view> kEnvelope = {"v", "type", "id", "at", "recorded", "by", "note"};
const std::set<std::string_view> kAgencyFields = {"from",  "to",     "agency",
                                                  "place", "parent", "participants"};
const std::set<std::string_view> kPersonFields = {"child", "mother", "person", "other", "persons"};

std::string address_text(const ordered_json& a) {
  std::string out;
  for (const char* key : {"line1", "line2", "town", "postcode"}) {
    if (a.contains(key) && a[key].is_string()) {
      out += (out.empty() ? "" : ", ") + a[key].get<std::string>();
    }
  }
  if (a.contains("kind") && a["kind"] != "residential") {
    out += (out.empty() ? "" : " ") + std::string("(") + a["kind"].get<std::string>() + ")";
  }
  return out.empty() ? "(no details)" : out;
}

std::string value_text(std::string_view key, const ordered_json& value, const NameLookup& names) {
  if (value.is_string()) {
    const std::string s = value.get<std::string>();
    if (kAgencyFields.contains(key) && names.agency) return names.agency(s);
    if (kPersonFields.contains(key) && names.person) return names.person(s);
    return s;
  }
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ", ") + value_text(key, item, names);
    return out.empty() ? "none" : out;
  }
  if (value.is_object()) {
    if (value.contains("line1") || value.contains("postcode") || value.contains("kind")) {
      return address_text(value);
    }
    return value.dump();
  }
  return value.dump();
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string describe_fields(const std::string& event_json, const NameLookup& names) {
  const auto event = ordered_json::parse(event_json);
  std::string out;
  for (const auto& [key, value] : event.items()) {
    if (kEnvelope.contains(key)) continue;
    out += (out.empty() ? "" : "; ") + key + ": " + value_text(key, value, names);
  }
  return out;
}

void print_chronology_text(std::ostream& out, const PersonView& subject,
                           const std::vector<ChronologyEntry>& entries,
                           const std::vector<NoticeRecord>& notices,
                           std::optional<Timestamp> as_known_at, const NameLookup& names) {
  out << "Integrated chronology of " << subject.display_name() << " (" << subject.id << ")";
  if (subject.born)
    out << ", born " << subject.born->to_string();
  else if (subject.dob)
    out << ", date of birth " << subject.dob->to_string();
  else if (subject.expected)
    out << ", expected " << subject.expected->to_string();
  if (subject.died) out << ", died " << subject.died->to_string();
  out << "\n";
  if (as_known_at) out << "As known at " << as_known_at->to_string() << "\n";
  std::set<Id> agencies;
  for (const auto& e : entries) {
    if (!e.by.empty()) agencies.insert(e.by);
  }
  out << entries.size() << " event" << (entries.size() == 1 ? "" : "s") << " from "
      << agencies.size() << " agenc" << (agencies.size() == 1 ? "y" : "ies") << "\n";

  constexpr std::size_t kIndent = 21;  // a full timestamp and two spaces
  const std::string indent(kIndent, ' ');
  auto next_notice = notices.begin();
  auto print_notices_until = [&](std::string_view day) {
    for (; next_notice != notices.end() && next_notice->at <= day; ++next_notice) {
      out << "\n"
          << pad(next_notice->at, kIndent) << pad("notice", 22) << "Sightline, to "
          << names.agency(next_notice->to) << "\n"
          << indent << next_notice->text << " (" << next_notice->rule << ")\n";
    }
  };
  for (const ChronologyEntry& e : entries) {
    print_notices_until(e.at.date.plus_days(-1).to_string());
    const auto event = ordered_json::parse(e.json);
    const std::string who = e.by.empty() ? std::string("(reference)") : names.agency(e.by);
    std::string about;
    for (const auto& a : e.about) about += (about.empty() ? "" : ", ") + a;
    out << "\n"
        << pad(e.at.to_string(), kIndent) << pad(std::string(to_string(e.type)), 22) << who << "\n";
    if (!about.empty()) out << indent << "about: " << about << "\n";
    const std::string fields = describe_fields(e.json, names);
    if (!fields.empty()) out << indent << fields << "\n";
    if (event.contains("note") && event["note"].is_string()) {
      out << indent << "note: " << event["note"].get<std::string>() << "\n";
    }
    if (e.recorded.date != e.at.date) {
      out << indent << "recorded " << e.recorded.to_string() << "\n";
    }
  }
  print_notices_until("9999-12-31");
}

void print_chronology_json(std::ostream& out, const std::vector<ChronologyEntry>& entries,
                           const std::vector<NoticeRecord>& notices) {
  auto next_notice = notices.begin();
  auto print_notices_until = [&](std::string_view day) {
    for (; next_notice != notices.end() && next_notice->at <= day; ++next_notice) {
      ordered_json line;
      line["type"] = "notice";
      line["at"] = next_notice->at;
      line["recorded"] = next_notice->at;
      line["by"] = nullptr;
      line["fields"] = {
          {"to", next_notice->to}, {"rule", next_notice->rule}, {"text", next_notice->text}};
      line["about"] = {"child"};
      out << line.dump() << "\n";
    }
  };
  for (const ChronologyEntry& e : entries) {
    print_notices_until(e.at.date.plus_days(-1).to_string());
    const auto event = ordered_json::parse(e.json);
    ordered_json line;
    line["seq"] = e.seq;
    line["type"] = to_string(e.type);
    if (event.contains("id")) line["id"] = event["id"];
    line["at"] = e.at.to_string();
    line["recorded"] = e.recorded.to_string();
    line["by"] = e.by.empty() ? ordered_json(nullptr) : ordered_json(e.by);
    ordered_json fields = ordered_json::object();
    for (const auto& [key, value] : event.items()) {
      if (!kEnvelope.contains(key)) fields[key] = value;
    }
    line["fields"] = std::move(fields);
    if (event.contains("note")) line["note"] = event["note"];
    line["about"] = e.about;
    out << line.dump() << "\n";
  }
  print_notices_until("9999-12-31");
}

}  // namespace sightline::cli
