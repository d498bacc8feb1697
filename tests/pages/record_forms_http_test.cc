// The forms that record what resolves each safeguard's alerts, over real
// HTTP: each renders in words, a valid form stores its event, a faulty one
// stores nothing and says why, and an alert's "Record it" link leads to the
// form that resolves it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "pages/resolve_links.h"
#include "pages/rule_text.h"
#include "pages_fixture.h"

namespace sightline::testing {
namespace {

// Noor, in Ealing: a child and family assessment started in November and not
// completed (assessment-overdue); concerns in three domains in February
// (neglect-assessment-required); registered with an Ealing GP in February
// (a notice to Ealing's health visitors); her whereabouts unknown
// since 23 February while the assessment is open (whereabouts-unknown and
// missing-alert-required, to Ealing's social care).
constexpr const char* kNoor =
    R"({"type":"person","id":"noor","at":"2025-10-01","by":"ealing-csc","given":"Noor","family":"Example","dob":"2025-09-01"}
{"type":"address","at":"2025-10-01","by":"ealing-csc","persons":["noor"],"address":{"line1":"1 Uxbridge Road","town":"London","postcode":"W5 1AA","area":"E09000009"}}
{"type":"hv_level","at":"2025-10-02","by":"ealing-hv","child":"noor","level":"universal"}
{"type":"assessment_started","id":"asm-noor","at":"2025-11-03","by":"ealing-csc","child":"noor","kind":"child_and_family","agency":"ealing-csc"}
{"type":"indicator","at":"2026-02-05","by":"ealing-csc","child":"noor","indicator":"poor_hygiene"}
{"type":"indicator","at":"2026-02-05","by":"ealing-csc","child":"noor","indicator":"missed_health_appointments"}
{"type":"indicator","at":"2026-02-05","by":"ealing-csc","child":"noor","indicator":"non_cooperation"}
{"type":"registration","at":"2026-02-16","by":"ealing-gp","child":"noor","agency":"ealing-gp"}
{"type":"whereabouts_unknown","at":"2026-02-23","by":"ealing-csc","child":"noor"}
)";

const char* const kToday = "at-day=2&at-month=3&at-year=2026";

class RecordFormsTest : public PagesFixture {
 protected:
  std::string extra_feed() const override { return kNoor; }

  // How many events of `type` Noor's chronology holds, read through the API.
  int stored(const std::string& type, const std::string& session) {
    const HttpReply r = get("/api/v1/children/noor/chronology", session);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    int n = 0;
    if (!body.is_object() || !body.contains("entries")) return -1;
    for (const auto& e : body["entries"]) {
      if (e.dump().find("\"type\":\"" + type + "\"") != std::string::npos) ++n;
    }
    return n;
  }
  // The rules of Noor's open (or acknowledged) alerts that the session's agency owns.
  std::set<std::string> open_rules(const std::string& session) {
    const HttpReply r = get("/api/v1/alerts?child=noor&status=open,acknowledged", session);
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> rules;
    const nlohmann::json body = nlohmann::json::parse(r.body);
    for (const auto& a : body["alerts"]) {
      rules.insert(a["rule"].get<std::string>());
    }
    return rules;
  }
};

TEST(ResolveLinks, EveryRuleInTheCatalogueHasAFormThatResolvesIt) {
  for (const pages::RuleText& rule : pages::rule_texts()) {
    const auto href = pages::resolve_href(rule.id, "noor");
    ASSERT_TRUE(href.has_value()) << rule.id << " has no form in resolve_links.cc";
    EXPECT_TRUE(href->starts_with("/children/noor/record/")) << *href;
  }
  for (const pages::ResolveLink& link : pages::resolve_links()) {
    EXPECT_NE(pages::rule_text(link.rule), nullptr) << link.rule << " is not in the catalogue";
  }
  EXPECT_EQ(pages::resolve_href("hv-new-registration", "a b"),
            "/children/a%20b/record/appointment?kind=new_birth_visit&outcome=attended");
}

struct FormCase {
  std::string path, title, label, valid, type, invalid, error_field;
};

std::vector<FormCase> form_cases() {
  return {
      {"assessment", "Start an assessment", "Child and family", "kind=neglect",
       "assessment_started", "", "kind"},
      {"assessment-outcome", "Record an assessment's outcome", "Child in need",
       "assessment=asm-noor&outcome=child_in_need", "assessment_completed", "", "assessment"},
      {"appointment", "Record a health appointment or review", "Was not brought",
       "kind=review_6_8_week&outcome=attended", "appointment", "", "kind"},
      {"address", "Record an address change or move", "Without notice",
       "kind=residential&line1=2+High+Street&town=London&postcode=W5+2BB&area=E09000009&"
       "notice=planned",
       "address", "", "kind"},
      {"whereabouts-unknown", "Record the child's whereabouts unknown", "Notes", "note=Not+at+home",
       "whereabouts_unknown", "NODATE", "at-day"},
      {"found", "Record the child found", "Notes", "", "found", "NODATE", "at-day"},
      {"missing", "Record a missing-child alert", "Police missing person",
       "alert=police_missing_person", "missing", "", "alert"},
      {"indicator", "Record a concern, or a concern resolved", "Poor hygiene",
       "indicator=poor_hygiene&status=resolved", "indicator", "", "status"},
      {"options-review", "Record an options review", "Rent deposit",
       "options=s17_support&options=rent_deposit", "options_review", "", "options"},
      {"conference", "Record a child protection conference", "Review conference",
       "kind=initial&participants=ealing-hv&decision=cp_plan", "conference", "", "kind"},
      {"plan-start", "Record a plan started", "Child protection", "kind=child_protection",
       "plan_started", "", "kind"},
      {"notification", "Record a notice sent to another agency", "Out of area placement",
       "to=luton-csc&subject=out_of_area_placement", "notification", "", "to"},
      {"allocation", "Record your agency's named worker", "Named worker",
       "worker=Grace+Okafor&phone=020+7946+0102&email=grace.okafor%40csc.example.org", "allocation",
       "", "worker"},
  };
}

TEST_F(RecordFormsTest, EachFormRendersInWordsStoresAValidFormAndRefusesAFaultyOne) {
  const std::string bob = page_sign_in("bob");
  for (const FormCase& c : form_cases()) {
    SCOPED_TRACE(c.path);
    const std::string target = "/children/noor/record/" + c.path;
    const HttpReply page = get(target, bob);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find(pages::escape(c.title)), std::string::npos) << page.body;
    EXPECT_NE(page.body.find(c.label), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("Noor Example"), std::string::npos);

    // A faulty form: the error summary names the field, and nothing is stored.
    const int before = stored(c.type, bob);
    const std::string faulty = c.invalid == "NODATE" ? "at-day=&at-month=&at-year="
                                                     : std::string(kToday) + "&" + c.invalid;
    HttpReply r = send_form(target, faulty, bob);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r.body.find("href=\"#" + c.error_field), std::string::npos) << r.body;
    EXPECT_EQ(stored(c.type, bob), before);

    // A valid one is stored, and the child's page says so.
    r = send_form(target, std::string(kToday) + (c.valid.empty() ? "" : "&" + c.valid), bob);
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.header("location"), "/children/noor?recorded=" + c.type);
    EXPECT_EQ(stored(c.type, bob), before + 1);
  }
}

// The named worker: recorded for the user's own agency, refused with the
// validator's words against the field at fault, then shown on the child's
// page against the agency in "Who is involved now", with a number to call
// and an address to write to, and given by the API.
TEST_F(RecordFormsTest, TheNamedWorkerIsRecordedForTheUsersAgencyAndShownHowToReachThem) {
  const std::string bob = page_sign_in("bob");  // Ealing children's social care
  HttpReply child = get("/children/noor", bob);
  ASSERT_EQ(child.status, 200);
  EXPECT_NE(child.body.find("No named worker recorded"), std::string::npos) << child.body;
  EXPECT_NE(child.body.find("href=\"/children/noor/record/allocation\""), std::string::npos);

  HttpReply r = send_form("/children/noor/record/allocation",
                          std::string(kToday) + "&worker=Grace+Okafor&phone=call+reception", bob);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("href=\"#phone\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("expected a telephone number"), std::string::npos) << r.body;
  r = send_form("/children/noor/record/allocation",
                std::string(kToday) + "&worker=Grace+Okafor&email=grace.okafor", bob);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("href=\"#email\""), std::string::npos) << r.body;
  EXPECT_EQ(stored("allocation", bob), 0);

  r = send_form("/children/noor/record/allocation",
                std::string(kToday) +
                    "&worker=Grace+Okafor&phone=020+7946+0102&email=grace.okafor%40csc.example.org",
                bob);
  ASSERT_EQ(r.status, 303) << r.body;
  child = get("/children/noor?recorded=allocation", bob);
  EXPECT_NE(child.body.find("Named worker recorded"), std::string::npos);
  EXPECT_NE(child.body.find("Named worker: Grace Okafor"), std::string::npos) << child.body;
  EXPECT_NE(child.body.find("href=\"tel:02079460102\""), std::string::npos);
  EXPECT_NE(child.body.find("href=\"mailto:grace.okafor@csc.example.org\""), std::string::npos);
  EXPECT_EQ(child.body.find("No named worker recorded"), std::string::npos);

  // The form opens again with the worker named now, to correct a detail.
  const HttpReply again = get("/children/noor/record/allocation", bob);
  EXPECT_NE(again.body.find("value=\"Grace Okafor\""), std::string::npos) << again.body;

  const HttpReply api = get("/api/v1/children/noor", bob);
  const nlohmann::json summary = nlohmann::json::parse(api.body);
  ASSERT_EQ(summary["involved_now"].size(), 1u) << summary["involved_now"];
  EXPECT_EQ(summary["involved_now"][0]["agency"], "ealing-csc");
  EXPECT_EQ(summary["involved_now"][0]["named_worker"],
            (nlohmann::json{{"name", "Grace Okafor"},
                            {"phone", "020 7946 0102"},
                            {"email", "grace.okafor@csc.example.org"}}));
}

TEST_F(RecordFormsTest, APlanEndsByChoosingItFromTheChildsOpenPlans) {
  const std::string bob = page_sign_in("bob");
  EXPECT_NE(get("/children/noor/record/plan-end", bob).body.find("There is no open plan"),
            std::string::npos);
  ASSERT_EQ(send_form("/children/noor/record/plan-start",
                      std::string(kToday) + "&kind=child_in_need", bob)
                .status,
            303);
  const HttpReply page = get("/children/noor/record/plan-end", bob);
  std::smatch m;
  const std::string body = page.body;
  ASSERT_TRUE(std::regex_search(body, m,
                                std::regex("name=\"plan\" type=\"radio\" value=\"([^\"]+)\"|"
                                           "value=\"(plan-[0-9a-f]+)\"")))
      << body;
  const std::string plan = m[1].matched ? m[1].str() : m[2].str();
  EXPECT_NE(body.find("Child in need plan"), std::string::npos);
  HttpReply r = send_form("/children/noor/record/plan-end", kToday, bob);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#plan\""), std::string::npos);
  r = send_form("/children/noor/record/plan-end", std::string(kToday) + "&plan=" + plan, bob);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(stored("plan_ended", bob), 1);
}

TEST_F(RecordFormsTest, AnAssessmentOutcomeForAnS47IsItsConclusion) {
  const std::string bob = page_sign_in("bob");
  ASSERT_EQ(
      send_form("/children/noor/record/assessment", std::string(kToday) + "&kind=s47", bob).status,
      303);
  const HttpReply page = get("/children/noor/record/assessment-outcome", bob);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("value=\"(asm-[0-9a-f]+)\"")))
      << page.body;
  const std::string s47 = m[1];
  EXPECT_NE(page.body.find("Section 47 enquiry"), std::string::npos);
  HttpReply r =
      send_form("/children/noor/record/assessment-outcome",
                std::string(kToday) + "&assessment=" + s47 + "&outcome=child_in_need", bob);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#outcome\""), std::string::npos);
  r = send_form("/children/noor/record/assessment-outcome",
                std::string(kToday) + "&assessment=" + s47 + "&outcome=icpc", bob);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(stored("s47_concluded", bob), 1);
  EXPECT_EQ(stored("assessment_completed", bob), 0);
}

// After a move to another area, the transfer form pre-selects the like
// service there (to which hv-handover-missing owes the handover), and a
// notice of an out-of-area placement social care of the placement's area
// (out-of-area-placement-notice); in the user's own area nothing is chosen.
TEST_F(RecordFormsTest, AfterAMoveTheFormsPreSelectAnAgencyOfTheChildsNewArea) {
  const std::string bob = page_sign_in("bob");  // Ealing children's social care
  // The agency the form's agency picker starts with, by name, or "".
  const auto picked = [](const std::string& body) -> std::string {
    std::smatch input;
    if (!std::regex_search(body, input, std::regex("<input[^>]*name=\"to\"[^>]*>"))) return "";
    const std::string tag = input[0];
    std::smatch value;
    if (!std::regex_search(tag, value, std::regex("value=\"([^\"]*)\""))) return "";
    return value[1];
  };
  const auto selected = [&](const std::string& path) -> std::string {
    const HttpReply r = get(path, bob);
    EXPECT_EQ(r.status, 200) << path;
    return picked(r.body);
  };
  const std::string transfer = "/children/noor/record/transfer";
  const std::string notice = "/children/noor/record/notification?subject=out_of_area_placement";
  EXPECT_EQ(selected(transfer), "");
  EXPECT_EQ(selected(notice), "");

  ASSERT_EQ(send_form("/children/noor/record/address",
                      std::string(kToday) +
                          "&kind=temporary&line1=3+Station+Road&town=Luton&postcode=LU1+1AA&"
                          "area=E06000032&notice=planned",
                      bob)
                .status,
            303);
  const std::string to = selected(transfer);
  EXPECT_NE(to.find("Luton"), std::string::npos) << to;
  EXPECT_NE(to.find("Social Care"), std::string::npos) << to;
  EXPECT_EQ(selected(notice), to);
  // Only for a notice of an out-of-area placement; and what was sent is kept.
  EXPECT_EQ(selected("/children/noor/record/notification"), "");
  const HttpReply refused =
      send_form("/children/noor/record/transfer", std::string(kToday) + "&to=", bob);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(picked(refused.body), "");
}

// The href of the "Record it" link in the alert card of `rule_title` on My work.
std::string record_it_link(const std::string& my_work, const std::string& rule_title) {
  const auto card = my_work.find(": " + pages::escape(rule_title) + "</h2>");
  if (card == std::string::npos) return {};
  std::smatch m;
  const std::string rest = my_work.substr(card);
  if (!std::regex_search(rest, m, std::regex("href=\"([^\"]+)\">Record it"))) return {};
  std::string href = m[1];
  for (auto at = href.find("&amp;"); at != std::string::npos; at = href.find("&amp;"))
    href.replace(at, 5, "&");
  return href;
}

TEST_F(RecordFormsTest, EachAlertIsResolvedByPostingTheFormItsRecordItLinkOpens) {
  const std::string bob = page_sign_in("bob");
  struct Step {
    std::string session, rule, fields;
  };
  // The missing-child alert before the child is found: finding her resolves
  // both.
  const std::vector<Step> steps = {
      {bob, "missing-alert-required", "alert=police_missing_person"},
      {bob, "whereabouts-unknown", ""},
      {bob, "assessment-overdue", "assessment=asm-noor&outcome=child_in_need"},
      {bob, "neglect-assessment-required", ""},
  };
  for (const Step& s : steps) {
    SCOPED_TRACE(s.rule);
    ASSERT_TRUE(open_rules(s.session).contains(s.rule));
    const pages::RuleText* text = pages::rule_text(s.rule);
    ASSERT_NE(text, nullptr);
    const std::string href =
        record_it_link(get("/my-work", s.session).body, std::string(text->title));
    ASSERT_EQ(href, pages::resolve_href(s.rule, "noor"));
    // The child's own list of alerts links to the same form while the alert
    // is open, and no longer once it is resolved.
    const std::string child_link = "href=\"" + pages::escape(href) +
                                   "\">Record it<span class=\"govuk-visually-hidden\">: " +
                                   pages::escape(std::string(text->title)) + "</span>";
    EXPECT_NE(get("/children/noor", s.session).body.find(child_link), std::string::npos);
    const HttpReply r =
        send_form(href, std::string(kToday) + (s.fields.empty() ? "" : "&" + s.fields), s.session);
    ASSERT_EQ(r.status, 303) << r.body;
    EXPECT_FALSE(open_rules(s.session).contains(s.rule));
    EXPECT_EQ(get("/children/noor", s.session).body.find(child_link), std::string::npos);
  }
}

TEST_F(RecordFormsTest, AnAgencyIsTypedByNameWithSuggestionsAndAnUnknownNameIsRefused) {
  const std::string bob = page_sign_in("bob");
  const std::string target = "/children/noor/record/notification";
  const HttpReply page = get(target, bob);
  ASSERT_EQ(page.status, 200);
  // A text input with a datalist of suggestions, not a select of every agency.
  EXPECT_NE(page.body.find("list=\"to-agencies\""), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<datalist id=\"to-agencies\">"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"Luton Children&#39;s Social Care (duty social work "
                           "team)\">"),
            std::string::npos)
      << page.body;
  EXPECT_EQ(page.body.find("<select class=\"govuk-select\" id=\"to\""), std::string::npos);

  const int before = stored("notification", bob);
  HttpReply r = send_form(
      target, std::string(kToday) + "&subject=concern&to=" + pages::url_encode("Luton Town FC"),
      bob);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#to\">No agency is called \xE2\x80\x9CLuton Town FC\xE2\x80\x9D"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("value=\"Luton Town FC\""), std::string::npos);  // kept as typed
  EXPECT_EQ(stored("notification", bob), before);

  // The name in any case, with spaces around it, is the agency.
  r = send_form(target,
                std::string(kToday) + "&subject=concern&to=" +
                    pages::url_encode("  luton children's social care (DUTY social work team) "),
                bob);
  ASSERT_EQ(r.status, 303) << r.body;
  const nlohmann::json entries =
      nlohmann::json::parse(get("/api/v1/children/noor/chronology", bob).body)["entries"];
  bool to_luton = false;
  for (const auto& e : entries) {
    const std::string line = e.dump();
    to_luton = to_luton || (line.find("\"type\":\"notification\"") != std::string::npos &&
                            line.find("\"to\":\"luton-csc\"") != std::string::npos);
  }
  EXPECT_TRUE(to_luton) << entries;
}

// Who took part in a conference or strategy discussion is typed by name,
// several agencies, with suggestions and no script: names are read back to
// ids, and a name no agency has is refused against the input it was typed in.
TEST_F(RecordFormsTest, ParticipantsAreTypedByNameSeveralAtOnce) {
  const std::string bob = page_sign_in("bob");
  for (const char* form :
       {"/children/noor/record/conference", "/children/noor/record/strategy-discussion"}) {
    SCOPED_TRACE(form);
    const HttpReply r = get(form, bob);
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("list=\"participants-agencies\""), std::string::npos);
    EXPECT_NE(r.body.find("<datalist id=\"participants-agencies\">"), std::string::npos);
    EXPECT_NE(r.body.find("id=\"participants-3\""), std::string::npos);  // spare inputs
    EXPECT_EQ(r.body.find("type=\"checkbox\" value=\"ealing-hv\""), std::string::npos);
  }
  // A name no agency has, in the second input: refused there, what was typed kept.
  HttpReply r = send_form("/children/noor/record/conference",
                          std::string(kToday) +
                              "&kind=initial&decision=cp_plan&participants=ealing-hv"
                              "&participants=Nowhere+Health&participants=",
                          bob);
  ASSERT_EQ(r.status, 400) << r.body.substr(0, 2000);
  EXPECT_NE(r.body.find("href=\"#participants-2\">No agency is called"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("value=\"Nowhere Health\""), std::string::npos);
  // By name, any case: stored as ids, the user's own agency first.
  const int before = stored("conference", bob);
  r = send_form("/children/noor/record/conference",
                std::string(kToday) + "&kind=initial&decision=cp_plan&participants=" +
                    pages::url_encode("ealing health visiting (ealing community services)") +
                    "&participants=",
                bob);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  EXPECT_EQ(stored("conference", bob), before + 1);
  const auto body = nlohmann::json::parse(get("/api/v1/children/noor/chronology", bob).body);
  int with_both = 0;
  for (const auto& e : body["entries"]) {
    const std::string entry = e.dump();
    if (entry.find("\"type\":\"conference\"") == std::string::npos) continue;
    if (entry.find("\"participants\":[\"ealing-csc\",\"ealing-hv\"]") != std::string::npos) {
      ++with_both;
    }
  }
  EXPECT_EQ(with_both, 1);
}

TEST_F(RecordFormsTest, ATransferGoesToAnAgencyOfTheSendersKind) {
  const std::string bob = page_sign_in("bob");  // Ealing's social care
  const HttpReply r = send_form(
      "/children/noor/record/transfer",
      std::string(kToday) + "&to=luton-hv&status=child_in_need&mode=written&summary=Moved", bob);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#to\">Enter an agency of the same kind as yours"),
            std::string::npos)
      << r.body;
}

// Noor's mother Nadia has no income and no settled home, and Noor is known to
// Ealing's social care: the support options must be reviewed with the family
// (support-options-review, F1).
class FamilyFormsTest : public RecordFormsTest {
 protected:
  std::string extra_feed() const override {
    return std::string(kNoor) +
           R"({"type":"person","id":"nadia","at":"2025-10-01","by":"ealing-csc","given":"Nadia","family":"Example","dob":"1995-04-01"}
{"type":"relationship","at":"2025-10-01","by":"ealing-csc","person":"nadia","other":"noor","role":"mother"}
{"type":"circumstances","at":"2026-02-02","by":"ealing-csc","person":"nadia","housing":"sofa_surfing","income":"none"}
)";
  }
};

TEST_F(FamilyFormsTest, AnOptionsReviewIsRecordedWithTheParentItWasHeldWith) {
  const std::string bob = page_sign_in("bob");
  ASSERT_TRUE(open_rules(bob).contains("support-options-review"));
  const std::string target = "/children/noor/record/options-review";
  const HttpReply page = get(target, bob);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Who was the review held with?"), std::string::npos);
  // The only carer is chosen already.
  EXPECT_NE(page.body.find("value=\"nadia\" checked"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("Nadia Example"), std::string::npos);

  const std::string options = "&options=s17_support&options=specialist_advice";
  HttpReply r = send_form(target, std::string(kToday) + options + "&person=noor", bob);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#person\">Select the parent or carer"), std::string::npos);
  r = send_form(target, std::string(kToday) + options + "&person=nadia", bob);
  ASSERT_EQ(r.status, 303) << r.body;
  const nlohmann::json entries =
      nlohmann::json::parse(get("/api/v1/children/noor/chronology", bob).body)["entries"];
  bool with_nadia = false;
  for (const auto& e : entries) {
    const std::string line = e.dump();
    with_nadia = with_nadia || (line.find("\"type\":\"options_review\"") != std::string::npos &&
                                line.find("\"person\":\"nadia\"") != std::string::npos);
  }
  EXPECT_TRUE(with_nadia) << entries;
  EXPECT_FALSE(open_rules(bob).contains("support-options-review"));
}

}  // namespace
}  // namespace sightline::testing
