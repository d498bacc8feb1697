#include "pages/event_text.h"

#include <algorithm>
#include <array>

#include "pages/api_client.h"
#include "pages/layout.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

std::string list_of_labels(const json& event, const char* field,
                           std::string (*label)(const AgencyNames&, std::string_view),
                           const AgencyNames& names) {
  std::string out;
  if (!event.contains(field) || !event[field].is_array()) return out;
  for (const json& item : event[field]) {
    if (!item.is_string()) continue;
    if (!out.empty()) out += ", ";
    out += label(names, item.get<std::string>());
  }
  return out;
}

std::string code_of(const AgencyNames&, std::string_view code) { return code_label(code); }

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

}  // namespace

std::string code_label(std::string_view code) {
  static const std::map<std::string_view, std::string_view> kSpecial = {
      {"s47", "Section 47 enquiry"},
      {"s47_single_agency", "Section 47 enquiry by one agency"},
      {"s47_joint", "Joint section 47 enquiry"},
      {"no_s47", "No section 47 enquiry"},
      {"incomplete_s47", "Incomplete section 47 enquiry"},
      {"icpc", "Initial child protection conference"},
      {"substantiated_no_icpc", "Substantiated, no conference"},
      {"nrpf", "No recourse to public funds"},
      {"no_recourse_to_public_funds", "No recourse to public funds"},
      {"gp_practice", "GP practice"},
      {"gp_registration", "GP registration"},
      {"hv_level", "Health visiting level"},
      {"was_not_brought", "Was not brought"},
      {"review_6_8_week", "6 to 8 week review"},
      {"review_1_year", "1 year review"},
      {"review_2_year", "2 year review"},
      {"eea_no_work_history", "EEA national without UK work history"},
      {"sms", "Text message"},
      {"s17_support", "Section 17 support"},
      {"cp_plan", "Child protection plan"},
      {"cin_plan", "Child in need plan"},
      {"childrens_social_care", "Children's social care"},
      {"non_cooperation", "Non-cooperation"},
      {"allocation", "Named worker"},
  };
  if (const auto it = kSpecial.find(code); it != kSpecial.end()) return std::string(it->second);
  std::string out(code);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string domain_label(Domain domain) { return code_label(to_string(domain)); }

std::string agency_name(const AgencyNames& names, std::string_view id) {
  const auto it = names.find(id);
  return it == names.end() ? std::string(id) : it->second;
}

std::string agencies_named(std::string_view text, const AgencyNames& names) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    std::string_view word = text.substr(i, end - i);
    std::string_view tail;
    while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ':')) {
      tail = text.substr(i + word.size() - 1, tail.size() + 1);
      word.remove_suffix(1);
    }
    const auto found = names.find(word);
    out += found != names.end() ? found->second : std::string(word);
    out += tail;
    if (end < text.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

namespace {

// Who a contact before the birth was with: the mother, or the parent named.
std::string parent_in(const json& e) {
  if (e.contains("persons") && e["persons"].is_array()) {
    for (const json& p : e["persons"]) {
      if (p.is_string() && p.get<std::string>() != "mother" && p.get<std::string>() != "father")
        continue;
      return p.get<std::string>();
    }
  }
  return "mother";
}

bool names_person(const json& e, const std::string& person) {
  if (person.empty() || !e.contains("persons") || !e["persons"].is_array()) return true;
  for (const json& p : e["persons"]) {
    if (p.is_string() && p.get<std::string>() == person) return true;
  }
  return false;
}

EventText describe_contact(const json& e, const EventWhen& when) {
  const std::string mode = text_field(e, "mode");
  const std::string outcome = text_field(e, "outcome");
  EventText t;
  if (when.planned) {
    t.title = code_label(mode) + " planned";
    return t;
  }
  if (when.before_birth) {
    // Before the birth there is no child to see: the contact was with the
    // mother, and one in a clinic or hospital was an antenatal appointment.
    const bool attended = outcome.empty() || outcome == "seen";
    if (mode == "clinic" || mode == "hospital") {
      t.title = std::string("Antenatal appointment") +
                (attended ? ", attended" : ": " + lower_first(code_label(outcome)));
    } else {
      t.title = code_label(mode) + " before the birth: " + parent_in(e) + " " +
                (attended ? "seen" : lower_first(code_label(outcome)));
    }
    return t;
  }
  if (!e.value("child_seen", false) && !names_person(e, when.child)) {
    // A call with the mother alone is not a failed attempt to see the child.
    std::string who;
    if (e.contains("persons") && e["persons"].is_array()) {
      for (const json& p : e["persons"]) {
        if (p.is_string()) who += (who.empty() ? "" : " and ") + p.get<std::string>();
      }
    }
    t.title = code_label(mode) + ": " + (who.empty() ? std::string("the carers") : who) + " only";
  } else {
    t.title = code_label(mode) + ": child " + (e.value("child_seen", false) ? "seen" : "not seen");
  }
  if (!outcome.empty() && outcome != "seen")
    t.detail = "Outcome: " + lower_first(code_label(outcome));
  return t;
}

}  // namespace

EventText describe_event(const json& e, const AgencyNames& names, const EventWhen& when) {
  const std::string type = text_field(e, "type");
  const auto agency = [&](const char* field) { return agency_name(names, text_field(e, field)); };
  EventText t{code_label(type), ""};
  if (type == "contact") {
    t = describe_contact(e, when);
  } else if (type == "referral") {
    t.title = "Referral to " + agency("to");
    t.detail = "From " + agency("from");
    const std::string concerns = list_of_labels(e, "concerns", code_of, names);
    if (!concerns.empty()) t.detail += ". Concerns: " + lower_first(concerns);
  } else if (type == "referral_outcome") {
    t.title = "Referral outcome: " + lower_first(code_label(text_field(e, "outcome")));
    if (!text_field(e, "to").empty()) t.detail = "To " + agency("to");
  } else if (type == "strategy_discussion") {
    t.title = "Strategy discussion (" + lower_first(code_label(text_field(e, "format"))) + ")";
    t.detail = "Decision: " + lower_first(code_label(text_field(e, "decision"))) +
               ". Took part: " + list_of_labels(e, "participants", agency_name, names);
  } else if (type == "transfer") {
    t.title = "Transfer to " + agency("to");
    t.detail =
        "From " + agency("from") + ", as " + lower_first(code_label(text_field(e, "status")));
    const std::string risks = list_of_labels(e, "risks", code_of, names);
    if (!risks.empty()) t.detail += ". Risks passed on: " + lower_first(risks);
  } else if (type == "transfer_accepted") {
    t.title = std::string("Transfer accepted: child ") +
              (e.value("child_seen", false) ? "seen" : "not seen");
  } else if (type == "transfer_declined") {
    t.title = "Transfer declined";
    t.detail = text_field(e, "reason");
  } else if (type == "indicator") {
    t.title = code_label(text_field(e, "indicator"));
    t.detail = text_field(e, "status") == "resolved" ? "Resolved" : "Concern noted";
  } else if (type == "address") {
    t.title = "Address";
    if (e.contains("address") && e["address"].is_object()) {
      const json& a = e["address"];
      const std::string kind = a.value("kind", "residential");
      t.detail = kind == "residential" ? "" : code_label(kind) + ": ";
      for (const char* f : {"line1", "town", "postcode"}) {
        const std::string part = text_field(a, f);
        if (part.empty()) continue;
        if (!t.detail.empty() && t.detail.back() != ' ') t.detail += ", ";
        t.detail += part;
      }
    }
  } else if (type == "whereabouts_unknown") {
    t.title = "Whereabouts not known";
  } else if (type == "missing") {
    t.title = "Reported missing (" + lower_first(code_label(text_field(e, "alert"))) + ")";
  } else if (type == "claim") {
    t.title = "Said to be " + lower_first(code_label(text_field(e, "claim")));
    t.detail = text_field(e, "detail");
    if (!e.value("verified", false))
      t.detail += t.detail.empty() ? "Not verified" : " (not verified)";
  } else if (type == "registration") {
    t.title = "Registered with " + agency("agency");
  } else if (type == "deregistration") {
    t.title = "Deregistered from " + agency("agency");
    t.detail = "Reason: " + lower_first(code_label(text_field(e, "reason")));
  } else if (type == "appointment") {
    const std::string kind = text_field(e, "kind");
    const std::string outcome = text_field(e, "outcome");
    if (when.planned) {
      t.title = (kind == "other" ? std::string("Appointment") : code_label(kind)) + " planned";
    } else if (when.before_birth) {
      t.title = std::string("Antenatal appointment") +
                (outcome == "attended" ? ", attended" : ": " + lower_first(code_label(outcome)));
    } else {
      t.title = code_label(kind) + ": " + lower_first(code_label(outcome));
    }
  } else if (type == "assessment_started") {
    t.title = code_label(text_field(e, "kind")) + " assessment started";
  } else if (type == "assessment_completed") {
    t.title = "Assessment completed: " + lower_first(code_label(text_field(e, "outcome")));
  } else if (type == "plan_started") {
    t.title = code_label(text_field(e, "kind")) + " plan started";
  } else if (type == "conference") {
    t.title = code_label(text_field(e, "kind")) +
              " conference: " + lower_first(code_label(text_field(e, "decision")));
  } else if (type == "notification") {
    t.title = "Notification to " + agency("to") + ": " +
              lower_first(code_label(text_field(e, "subject")));
  } else if (type == "case_closed") {
    t.title = "Case closed by " + agency("agency");
    t.detail = "Reason: " + lower_first(code_label(text_field(e, "reason")));
  } else if (type == "hv_level") {
    t.title = "Health visiting level: " + lower_first(code_label(text_field(e, "level")));
  } else if (type == "records_transfer") {
    t.title = "Records sent to " + agency("to");
    t.detail = e.value("accessed", false) ? "Opened by the receiver" : "Not opened by the receiver";
  } else if (type == "birth") {
    t.title = "Born";
  } else if (type == "pregnancy") {
    t.title = "Pregnancy known";
    if (!text_field(e, "edd").empty()) t.detail = "Expected " + display_date(text_field(e, "edd"));
  } else if (type == "person") {
    t.title = "Personal details recorded";
  } else if (type == "allocation") {
    t.title = "Named worker for " + agency("agency") + ": " + text_field(e, "worker");
    for (const char* f : {"phone", "email"}) {
      const std::string how = text_field(e, f);
      if (how.empty()) continue;
      t.detail += (t.detail.empty() ? "" : ", ") + how;
    }
  }
  return t;
}

}  // namespace sightline::pages
