// The pages over real HTTP, on the API's test fixture (a SQLite file with the
// Sofia scenario, accounts, a simulated clock): sessions, CSRF, the access
// check and the audit as a browser meets them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "pages/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/resolve_links.h"
#include "pages/site.h"
#include "pages/static_assets.h"
#include "pages_fixture.h"
#include "web/figures.h"

namespace sightline::testing {
namespace {

// The pages' fixture with a health visitor of another area (Luton).
class PagesTest : public PagesFixture {
 protected:
  void SetUp() override {
    PagesFixture::SetUp();
    accounts_->add("lutonhv", web::Role::kPractitioner, "luton-hv", kPassword, admin());
  }
};

TEST_F(PagesTest, WithoutASessionEveryPageSendsToSignIn) {
  HttpReply r = get("/");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/sign-in");
  r = get("/children/sofia?agency=x");
  EXPECT_EQ(r.header("location"), "/sign-in?next=%2Fchildren%2Fsofia%3Fagency%3Dx");
  r = get("/sign-in");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<title>Sign in \xE2\x80\x93 Sightline</title>"), std::string::npos);
}

TEST_F(PagesTest, PagesCarryTheirOwnContentSecurityPolicyAndTheApiKeepsItsOwn) {
  HttpReply r = get("/sign-in");
  EXPECT_EQ(r.headers.count("content-security-policy"), 1u);
  EXPECT_NE(r.header("content-security-policy").find("style-src 'self'"), std::string::npos);
  EXPECT_EQ(r.header("cache-control"), "no-store");
  r = get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
}

TEST_F(PagesTest, AssetsAreCachedForAYearOnlyAtTheirCurrentVersion) {
  const std::string url = assets_->url("sightline.css");
  ASSERT_NE(url.find("?v="), std::string::npos);
  HttpReply r = get(url);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r.body, "body{color:#0b0c0c}");
  EXPECT_EQ(get("/assets/sightline.css").header("cache-control"), "public, max-age=3600");
  EXPECT_EQ(get("/assets/../sightline.db").status, 404);
  EXPECT_EQ(get("/assets/missing.js").status, 404);
}

TEST(StaticAssets, AFileWithAGzipVersionIsSentCompressedToThoseWhoAcceptGzip) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("a"));
  std::ofstream(dir.file("a/sightline.css")) << "body{color:#0b0c0c}";
  std::ofstream(dir.file("a/sightline.css.gz")) << "compressed bytes";
  std::ofstream(dir.file("a/init.js")) << "let x = 1";
  const pages::StaticAssets assets(dir.file("a"));
  EXPECT_EQ(assets.size(), 2u);  // the .gz is a version of its file, not a file of its own
  const auto get = [&](const std::string& path, const std::string& accept) {
    web::Request r;
    r.method = "GET";
    r.target = path;
    r.path = path;
    if (!accept.empty()) r.headers.emplace_back("accept-encoding", accept);
    return assets.serve(r);
  };
  const auto header = [](const web::Response& r, const std::string& name) {
    for (const auto& [n, value] : r.headers) {
      if (n == name) return value;
    }
    return std::string();
  };
  for (const char* accept : {"gzip", "gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8"}) {
    const web::Response r = get("/assets/sightline.css", accept);
    EXPECT_EQ(r.body, "compressed bytes") << accept;
    EXPECT_EQ(header(r, "Content-Encoding"), "gzip") << accept;
    EXPECT_EQ(header(r, "Vary"), "Accept-Encoding") << accept;
    EXPECT_EQ(r.content_type, "text/css; charset=utf-8");
  }
  for (const char* accept : {"", "identity", "br", "gzip;q=0", "x-gzip2"}) {
    const web::Response r = get("/assets/sightline.css", accept);
    EXPECT_EQ(r.body, "body{color:#0b0c0c}") << accept;
    EXPECT_EQ(header(r, "Content-Encoding"), "") << accept;
    EXPECT_EQ(header(r, "Vary"), "Accept-Encoding") << accept;
  }
  // No .gz beside it: always the file as it is.
  const web::Response js = get("/assets/init.js", "gzip");
  EXPECT_EQ(js.body, "let x = 1");
  EXPECT_EQ(header(js, "Content-Encoding"), "");
  EXPECT_EQ(get("/assets/sightline.css.gz", "gzip").status, 404);
  // The version is the plain file's.
  EXPECT_EQ(assets.url("sightline.css").find("?v="), std::string("/assets/sightline.css").size());
}

TEST_F(PagesTest, SignInNeedsItsFormTokenAndShowsErrorsInTheSummary) {
  TestClient client(site_port_);
  const std::string token = signin_token(client.request("GET", "/sign-in"));
  // A forged form: no cookie to match the token.
  HttpReply r =
      client.request("POST", "/sign-in", "signin_token=" + token + "&username=alice&password=x",
                     {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 403);
  r = client.request("POST", "/sign-in", "signin_token=" + token + "&username=alice&password=wrong",
                     {{"Content-Type", "application/x-www-form-urlencoded"},
                      {"Cookie", "__Host-sightline-signin=" + token}});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("<title>Error: Sign in"), std::string::npos);
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#password\""), std::string::npos);
  EXPECT_NE(r.body.find("locked for 15 minutes"), std::string::npos);
  EXPECT_FALSE(page_sign_in("alice").empty());
}

TEST_F(PagesTest, TheChildPageLeadsWithADeathAndSaysWhoTheChildIsWithNoLiveWork) {
  const std::string session = page_sign_in("alice");
  ASSERT_FALSE(session.empty());
  const HttpReply r = get("/children/sofia", session);
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  const auto at = [&](const std::string& s) { return b.find(s); };
  // The death comes first, before anything about her.
  ASSERT_NE(at("Sofia Withheld died on 14 October 2013."), std::string::npos) << b;
  EXPECT_LT(at("died on 14 October 2013"), at("About the child"));
  EXPECT_NE(at("NHS number"), std::string::npos);
  EXPECT_NE(at("aged 1 year, 0 months"), std::string::npos);
  EXPECT_NE(at("Female"), std::string::npos);
  EXPECT_NE(at("Mother Withheld (Mother)"), std::string::npos);
  EXPECT_NE(at("Father Withheld (Father)"), std::string::npos);
  EXPECT_NE(at("Family circumstances"), std::string::npos);
  EXPECT_NE(at("Addresses, latest first"), std::string::npos);
  // No live work: no involvement table, whereabouts or pending transfer.
  EXPECT_NE(at("no agency has live work with the child"), std::string::npos);
  EXPECT_EQ(at("Agencies involved now"), std::string::npos);
  EXPECT_EQ(at("Not confirmed"), std::string::npos);
  // Nothing active after her death, the pregnancy least of all.
  const std::string indicators = b.substr(at("Active indicators"), 200);
  EXPECT_NE(indicators.find("None active."), std::string::npos) << indicators;
  EXPECT_EQ(at("awaiting acceptance"), std::string::npos);
  EXPECT_EQ(at("Next planned contact"), std::string::npos);
}

TEST_F(PagesTest, TheChronologyPageShowsTheChronologyAsKnownAtADate) {
  const std::string session = page_sign_in("alice");
  ASSERT_FALSE(session.empty());
  const HttpReply child = get("/children/sofia", session);
  ASSERT_EQ(child.status, 200);
  EXPECT_NE(child.body.find("<h1 class=\"govuk-heading-l\">Sofia Withheld</h1>"),
            std::string::npos);
  // The number of entries the chronology's page says it shows.
  const auto count = [](const std::string& body) {
    std::smatch m;
    if (!std::regex_search(body, m, std::regex("([0-9]+) entries[ ,.]"))) return 0;
    return std::stoi(m[1]);
  };
  const HttpReply all = get("/children/sofia/chronology", session);
  ASSERT_EQ(all.status, 200);
  const HttpReply then =
      get("/children/sofia/chronology?known-day=31&known-month=12&known-year=2012", session);
  EXPECT_EQ(then.status, 200);
  EXPECT_LT(count(then.body), count(all.body));
  EXPECT_GT(count(then.body), 10);
  const HttpReply bad =
      get("/children/sofia/chronology?known-day=31&known-month=2&known-year=2012", session);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("href=\"#known-day\""), std::string::npos);
  // Reading the page is audited as the API's reads are.
  const auto actions = audit_actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "child.chronology"), actions.end());
}

TEST_F(PagesTest, FindAChildReadsDatesAsPeopleTypeThemAndSaysHowToTypeOne) {
  const std::string session = page_sign_in("alice");
  const HttpReply found = get("/children?q=2%2F10%2F2012", session);
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("1 child found"), std::string::npos);
  EXPECT_NE(found.body.find("href=\"/children/sofia\""), std::string::npos);
  const HttpReply bad = get("/children?q=31%2F02%2F2012", session);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("href=\"#q\""), std::string::npos);  // the error summary
  EXPECT_NE(bad.body.find("31/02/2012 is not a real date: February 2012 has 29 days. Type a date "
                          "of birth like 02/10/2012, 2 Oct 2012 or 2012-10-02"),
            std::string::npos);
}

TEST_F(PagesTest, FindAChildSaysHowManyWordsOfANameItSearchesBy) {
  const std::string session = page_sign_in("alice");
  std::string words;
  for (int i = 0; i < 100; ++i) words += i ? "+sofia" : "sofia";
  const HttpReply bad = get("/children?q=" + words, session);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("href=\"#q\""), std::string::npos);  // the error summary
  EXPECT_NE(bad.body.find("Search by at most 8 words of a name; a given and a family name are "
                          "enough"),
            std::string::npos);
}

TEST_F(PagesTest, FromNoChildrenFoundAProfessionalCanBreakTheGlassWithAReason) {
  const std::string session = page_sign_in("lutonhv");  // never involved with Sofia
  const HttpReply none = get("/children?q=Sofia", session);
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("No children found"), std::string::npos);
  EXPECT_NE(none.body.find("If your agency has not been involved with the child"),
            std::string::npos);
  EXPECT_NE(none.body.find("name=\"record\""), std::string::npos);
  EXPECT_NE(none.body.find("If you do not have the record number"), std::string::npos);
  // The record number leads to the break-glass page, which asks for a reason.
  const HttpReply go = get("/children?record=sofia", session);
  EXPECT_EQ(go.status, 303);
  EXPECT_EQ(go.header("location"), "/children/sofia");
  const HttpReply glass = get("/children/sofia", session);
  EXPECT_EQ(glass.status, 403);
  EXPECT_NE(glass.body.find("name=\"reason\""), std::string::npos);
  // Without a number, the error says what to enter.
  const HttpReply empty = get("/children?record=+", session);
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("href=\"#record\""), std::string::npos);
  EXPECT_NE(empty.body.find("Enter the child&#39;s record number"), std::string::npos);
}

TEST_F(PagesTest, WhatAUserTypesIsEscapedWhereverItIsShown) {
  const std::string session = page_sign_in("alice");
  const HttpReply r = get("/children?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22", session);
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"), std::string::npos);
}

TEST_F(PagesTest, AFormWithoutTheCsrfTokenChangesNothing) {
  const std::string session = page_sign_in("alice");
  const std::string form =
      "at-day=2&at-month=3&at-year=2026&mode=home_visit&child_seen=yes&outcome=seen&where=home";
  const auto events_before = store_->with([](Store& s) { return s.counts().events; });
  HttpReply r = post_form("/children/sofia/record/contact", form, session);
  EXPECT_EQ(r.status, 403);
  r = post_form("/children/sofia/record/contact", form + "&csrf_token=wrong", session);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(store_->with([](Store& s) { return s.counts().events; }), events_before);

  const std::string csrf = csrf_in(get("/children/sofia/record/contact", session).body);
  r = post_form("/children/sofia/record/contact", form + "&csrf_token=" + csrf, session);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/children/sofia?recorded=contact");
  EXPECT_EQ(store_->with([](Store& s) { return s.counts().events; }), events_before + 1);
  const HttpReply page = get("/children/sofia", session);
  EXPECT_NE(page.body.find("2 March 2026 at 09:00 by Ealing health visiting"), std::string::npos);
}

TEST_F(PagesTest, AFormWithFaultsIsShownAgainWithEachErrorLinkedToItsField) {
  const std::string session = page_sign_in("alice");
  const std::string csrf = csrf_in(get("/children/sofia/record/contact", session).body);
  const HttpReply r = post_form(
      "/children/sofia/record/contact",
      "csrf_token=" + csrf + "&at-day=30&at-month=2&at-year=2026&child_seen=yes", session);
  EXPECT_EQ(r.status, 400);
  for (const char* href : {"#at-day", "#mode", "#outcome"}) {
    EXPECT_NE(r.body.find(std::string("href=\"") + href + "\""), std::string::npos) << href;
  }
  EXPECT_NE(r.body.find("value=\"yes\" checked"), std::string::npos) << "answers are kept";
}

// R69: a phone call, a text or a letter cannot show the child. The form
// refuses "seen" with one of them, naming both questions, and saves nothing.
TEST_F(PagesTest, AContactThatCannotShowTheChildIsRefusedAsASighting) {
  const std::string session = page_sign_in("alice");
  const auto events_before = store_->with([](Store& s) { return s.counts().events; });
  for (const char* mode : {"phone", "sms", "letter"}) {
    const std::string csrf = csrf_in(get("/children/sofia/record/contact", session).body);
    const HttpReply r =
        post_form("/children/sofia/record/contact",
                  "csrf_token=" + csrf + "&at-day=2&at-month=3&at-year=2026&mode=" + mode +
                      "&child_seen=yes&outcome=seen",
                  session);
    EXPECT_EQ(r.status, 400) << mode;
    EXPECT_NE(r.body.find("href=\"#child_seen\">A "), std::string::npos) << mode << r.body;
    EXPECT_NE(r.body.find("cannot show the child: select \u2018No\u2019 for \u2018Was the child "
                          "seen?\u2019, or change \u2018How was the contact made?\u2019"),
              std::string::npos)
        << mode;
  }
  EXPECT_EQ(store_->with([](Store& s) { return s.counts().events; }), events_before);
  // Not seen by phone is a contact like any other; seen on video is a sighting.
  for (const char* answer :
       {"mode=phone&child_seen=no&outcome=no_answer", "mode=video&child_seen=yes&outcome=seen"}) {
    const std::string csrf = csrf_in(get("/children/sofia/record/contact", session).body);
    const HttpReply r =
        post_form("/children/sofia/record/contact",
                  "csrf_token=" + csrf + "&at-day=2&at-month=3&at-year=2026&" + answer, session);
    EXPECT_EQ(r.status, 303) << answer << r.body.substr(0, 2000);
  }
}

// Where a child seen in person was seen is asked, and recorded as the
// contact's `address` (R70); where a child was found may be given.
TEST_F(PagesTest, TheContactFormRecordsWhereTheChildWasSeenAndTheFoundFormWhereFound) {
  const std::string session = page_sign_in("alice");
  const HttpReply form = get("/children/sofia/record/contact", session);
  EXPECT_NE(form.body.find("Where was the child seen?"), std::string::npos);
  EXPECT_NE(form.body.find("At the home address ("), std::string::npos);
  const auto home = store_->with([](Store& s) { return s.person("sofia", std::nullopt); });
  ASSERT_TRUE(home && !home->addresses.empty());
  const std::string home_postcode = home->addresses.back().address.postcode;
  struct Case {
    std::string path, answers;
    int status;
    std::string error_href;  // when refused: the field the first error links to
    nlohmann::json address;  // when saved: the stored event's address (null: none)
  };
  const std::string seen = "mode=home_visit&child_seen=yes&outcome=seen";
  const nlohmann::json ealing = {{"postcode", "W5 2HL"}, {"area", "E09000009"}};
  const std::vector<Case> cases = {
      {"contact", seen, 400, "#where", nullptr},
      {"contact", seen + "&where=elsewhere&seen_area=E09000009", 400, "#seen_postcode", nullptr},
      {"contact", seen + "&where=elsewhere&seen_postcode=NOT+ONE&seen_area=E09000009", 400,
       "#seen_postcode", nullptr},
      {"contact", seen + "&where=elsewhere&seen_postcode=W5+2HL&seen_area=E09000009", 303, "",
       ealing},
      {"contact", seen + "&where=home", 303, "", home_postcode},
      // Not in person: where is not asked, nor recorded.
      {"contact", "mode=video&child_seen=yes&outcome=seen&where=home", 303, "", nullptr},
      {"found", "postcode=W5+2HL&area=E09000009", 400, "#line1", nullptr},
      {"found",
       "line1=2+Hope+Street&town=London&postcode=W5+2HL&area=E09000009",
       303,
       "",
       {{"line1", "2 Hope Street"},
        {"town", "London"},
        {"postcode", "W5 2HL"},
        {"area", "E09000009"}}},
      {"found", "area=E09000009", 303, "", nullptr},
  };
  for (const Case& c : cases) {
    const std::string target = "/children/sofia/record/" + c.path;
    const std::string csrf = csrf_in(get(target, session).body);
    const HttpReply r = post_form(
        target, "csrf_token=" + csrf + "&at-day=2&at-month=3&at-year=2026&" + c.answers, session);
    ASSERT_EQ(r.status, c.status) << c.answers << r.body.substr(0, 3000);
    if (c.status == 400) {
      EXPECT_NE(r.body.find("href=\"" + c.error_href + "\""), std::string::npos) << c.answers;
      continue;
    }
    const auto entries = store_->with([](Store& s) { return s.chronology("sofia", std::nullopt); });
    const ChronologyEntry* last = nullptr;
    for (const ChronologyEntry& e : entries) {
      if (std::string(to_string(e.type)) == c.path && (!last || e.seq > last->seq)) last = &e;
    }
    ASSERT_NE(last, nullptr) << c.answers;
    const nlohmann::json stored = nlohmann::json::parse(last->json);
    if (c.address.is_string()) {  // the home address: its postcode
      EXPECT_EQ(stored["address"]["postcode"], c.address) << c.answers;
    } else {
      EXPECT_EQ(stored.value("address", nlohmann::json()), c.address) << c.answers;
    }
  }
}

TEST_F(PagesTest, WithoutARelationshipTheRecordOpensOnlyWithAReason) {
  const std::string session = page_sign_in("lutonhv");
  HttpReply r = get("/children/sofia", session);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body.find("app-timeline"), std::string::npos);
  EXPECT_NE(r.body.find("name=\"reason\""), std::string::npos);
  // The same page for a child that does not exist.
  const HttpReply unknown = get("/children/nobody", session);
  EXPECT_EQ(unknown.status, 403);

  const std::string csrf = csrf_in(r.body);
  r = post_form("/children/sofia/break-glass", "csrf_token=" + csrf + "&reason=short", session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#reason\""), std::string::npos);
  r = post_form("/children/sofia/break-glass",
                "csrf_token=" + csrf + "&reason=Brought+to+A%26E+tonight+with+a+burn", session);
  EXPECT_EQ(r.status, 303);
  r = get("/children/sofia", session);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Brought to A&amp;E tonight with a burn"), std::string::npos);
  bool audited = false;
  for (const auto& rec : audit_->records()) {
    audited = audited || (rec.entry.action == "child.break_glass" && rec.entry.user == "lutonhv" &&
                          rec.entry.reason == "Brought to A&E tonight with a burn");
  }
  EXPECT_TRUE(audited);
}

TEST_F(PagesTest, SigningOutEndsTheSession) {
  const std::string session = page_sign_in("alice");
  const std::string csrf = csrf_in(get("/", session).body);
  const HttpReply r = post_form("/sign-out", "csrf_token=" + csrf, session);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/sign-in?signed_out=1");
  EXPECT_EQ(get("/", session).status, 303);
}

TEST_F(PagesTest, TheDashboardIsForAnalystsManagersAndLeadsAndWorksWithoutScript) {
  accounts_->add("erin", web::Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
  const std::string analyst = page_sign_in("erin");
  HttpReply r = get("/dashboard", analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  // In the navigation, marked as the page the user is on.
  EXPECT_NE(r.body.find("href=\"/dashboard\" aria-current=\"true\""), std::string::npos)
      << r.body.substr(0, 3000);
  // The area filter is a GET form: it works without JavaScript.
  EXPECT_NE(r.body.find("<form method=\"get\" action=\"/dashboard\""), std::string::npos);
  EXPECT_NE(r.body.find("<option value=\"E09000009\" selected>Ealing (E09000009)</option>"),
            std::string::npos);
  // A section per figure, each with its finding, a chart, a table and a CSV.
  std::size_t sections = 0;
  for (auto at = r.body.find("<section class=\"app-figure\""); at != std::string::npos;
       at = r.body.find("<section class=\"app-figure\"", at + 1)) {
    ++sections;
  }
  EXPECT_EQ(sections, web::figure_definitions().size());
  EXPECT_NE(r.body.find("F3: GP registrations not passed to health visitors"), std::string::npos);
  EXPECT_NE(r.body.find("role=\"img\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/api/v1/dashboard/gp-registrations-seen.csv?area=E09000009\""),
            std::string::npos);
  EXPECT_EQ(r.body.find("sofia"), std::string::npos);
  EXPECT_EQ(r.body.find("Sofia"), std::string::npos);
  // Another area, and one that is not an area.
  r = get("/dashboard?area=all", analyst);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Figures for All areas"), std::string::npos);
  r = get("/dashboard?area=%3Cscript%3E", analyst);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  // A lead sees it too; a practitioner neither sees the link nor the page.
  r = get("/", page_sign_in("bob"));
  EXPECT_NE(r.body.find("href=\"/dashboard\""), std::string::npos);
  const std::string practitioner = page_sign_in("alice");
  r = get("/", practitioner);
  EXPECT_EQ(r.body.find("href=\"/dashboard\""), std::string::npos);
  r = get("/dashboard", practitioner);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("The dashboard is for partnership analysts"), std::string::npos);
}

TEST_F(PagesTest, UnknownPathsAnswerAPageNotFound) {
  const HttpReply r = get("/nowhere");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Page not found"), std::string::npos);
}

// Tia (as in the alerts API's tests): Ealing's social care handed her to
// Luton's on 2 February and nobody has seen her since, so each holds an open
// transfer-child-not-seen alert, and Luton has the transfer to accept.
constexpr const char* kTia =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-csc","given":"Tia","family":"Example","dob":"2025-06-01"}
{"type":"transfer","id":"tr-tia","at":"2026-02-02","by":"ealing-csc","child":"tia","from":"ealing-csc","to":"luton-csc","status":"child_in_need","summary":"Family moved to Luton","risks":[]}
)";

class PagesWorkTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return kTia; }
  static std::string alert_id(const std::string& body) {
    std::smatch m;
    std::regex_search(body, m, std::regex("id=\"alert-([0-9a-f]{16})\""));
    return m[1];
  }
};

TEST_F(PagesWorkTest, SigningInLandsOnMyWorkWithTheAgencysAlertsInPlainEnglish) {
  TestClient client(site_port_);
  const std::string token = signin_token(client.request("GET", "/sign-in"));
  const HttpReply in = client.request(
      "POST", "/sign-in",
      "signin_token=" + token + "&next=%2F&username=bob&password=" + pages::url_encode(kPassword),
      {{"Content-Type", "application/x-www-form-urlencoded"},
       {"Cookie", "__Host-sightline-signin=" + token}});
  EXPECT_EQ(in.status, 303);
  EXPECT_EQ(in.header("location"), "/my-work");
  const std::string session = page_sign_in("bob");
  const HttpReply r = get("/my-work", session);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<title>My work \xE2\x80\x93 Sightline</title>"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/children/tia\">Tia Example</a>"), std::string::npos);
  EXPECT_NE(r.body.find("Transfer not accepted with the child seen"), std::string::npos);
  EXPECT_NE(r.body.find("F7: A child in need of protection handed over"), std::string::npos);
  EXPECT_NE(r.body.find("records the transfer accepted with the child seen"), std::string::npos);
  EXPECT_NE(r.body.find("Overdue"), std::string::npos);
  EXPECT_FALSE(alert_id(r.body).empty());
  EXPECT_NE(r.body.find("href=\"/my-work\" aria-current"), std::string::npos);
  // An agency with nothing due.
  const HttpReply quiet = get("/my-work", page_sign_in("alice"));
  EXPECT_NE(quiet.body.find("There are no open alerts for your agency"), std::string::npos);
}

TEST_F(PagesWorkTest, MyWorkListsTheNoticesSentToTheAgencyNewestFirst) {
  // Ealing's health visiting was told of Sofia's registration with a GP.
  const std::vector<NoticeRecord> sent =
      store_->with([](Store& s) { return s.notices_to("ealing-hv", 200, 0).notices; });
  ASSERT_FALSE(sent.empty());
  const HttpReply r = get("/my-work", page_sign_in("alice"));
  ASSERT_EQ(r.status, 200);
  const auto start = r.body.find("id=\"notices\">Notices</h2>");
  ASSERT_NE(start, std::string::npos) << r.body;
  const std::string section = r.body.substr(start);
  EXPECT_NE(section.find("href=\"/children/sofia\">Sofia Withheld</a>"), std::string::npos);
  EXPECT_NE(section.find("New GP registration: health visitor to see the child"),
            std::string::npos);
  // The practice by name, not by its code.
  const std::string text = sent.front().text;
  ASSERT_NE(text.find("ealing-gp"), std::string::npos) << text;
  std::string named = text;
  named.replace(named.find("ealing-gp"), 9, "GP practice in Ealing (name not given in the review)");
  EXPECT_NE(section.find(pages::escape(named)), std::string::npos) << section;
  EXPECT_EQ(section.find("ealing-gp"), std::string::npos);
  // Named once: the practice's name already says what it is.
  EXPECT_NE(section.find("registered with GP practice in Ealing"), std::string::npos) << section;
  EXPECT_EQ(section.find("GP practice GP practice"), std::string::npos) << section;
  EXPECT_NE(section.find(pages::display_date(sent.front().at)), std::string::npos);
  EXPECT_EQ(section.find("There are no notices for your agency"), std::string::npos);
  bool audited = false;
  for (const auto& rec : audit_->records_about("sofia")) {
    audited = audited || (rec.entry.action == "child.notices_read" && rec.entry.user == "alice");
  }
  EXPECT_TRUE(audited);
  // Another agency is sent none of them.
  const HttpReply other = get("/my-work", page_sign_in("bob"));
  const auto bob_start = other.body.find("id=\"notices\">Notices</h2>");
  ASSERT_NE(bob_start, std::string::npos);
  const std::string bob_section = other.body.substr(bob_start);
  EXPECT_NE(bob_section.find("There are no notices for your agency"), std::string::npos);
  EXPECT_EQ(bob_section.find("New GP registration"), std::string::npos);
}

// Thirty babies registered with an Ealing GP practice on successive days (29
// January to 27 February), so that Ealing's health visiting is told of each:
// baby 1 was seen at home by ealing-hv two days later; nobody from health
// visiting has met the others, and baby 30's 7 working days have not ended.
std::string thirty_registrations() {
  std::string out;
  for (int i = 1; i <= 30; ++i) {
    const std::string id = "baby" + std::to_string(i);
    char day[16];
    if (i <= 3) {
      std::snprintf(day, sizeof day, "2026-01-%02d", 28 + i);
    } else {
      std::snprintf(day, sizeof day, "2026-02-%02d", i - 3);
    }
    out += R"({"type":"person","id":")" + id +
           R"(","at":"2026-01-01","by":"ealing-gp","given":"Baby","family":"Number)" +
           std::to_string(i) + R"(","dob":"2025-12-01"})" + "\n";
    out += R"({"type":"registration","at":")" + std::string(day) +
           R"(","by":"ealing-gp","child":")" + id + R"(","agency":"ealing-gp"})" + "\n";
  }
  out += R"({"type":"contact","at":"2026-01-31T10:00","by":"ealing-hv","persons":["baby1"],)"
         R"("mode":"home_visit","child_seen":true,"outcome":"seen"})"
         "\n";
  return out;
}

class PagesNoticesTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return thirty_registrations(); }
  static std::string section_of(const std::string& body) {
    const auto start = body.find("id=\"notices\">Notices</h2>");
    if (start == std::string::npos) return "";
    return body.substr(start, body.find("id=\"break-glass\"", start) - start);
  }
};

TEST_F(PagesNoticesTest, EveryNoticeIsReachableAPageAtATime) {
  const std::string session = page_sign_in("alice");
  const std::int64_t total =
      store_->with([](Store& s) { return s.notices_to("ealing-hv", 1, 0).total; });
  ASSERT_GT(total, 25);
  const std::string first = section_of(get("/my-work", session).body);
  EXPECT_NE(first.find("Baby Number30</a>"), std::string::npos) << first;
  EXPECT_EQ(first.find("Baby Number1</a>"), std::string::npos);
  EXPECT_NE(first.find("Page 1 of 2"), std::string::npos);
  EXPECT_NE(first.find("href=\"/my-work?notices-page=2#notices\" rel=\"next\""), std::string::npos);
  const std::string second = section_of(get("/my-work?notices-page=2", session).body);
  EXPECT_NE(second.find("Baby Number1</a>"), std::string::npos) << second;
  EXPECT_EQ(second.find("Baby Number30</a>"), std::string::npos);
  EXPECT_NE(second.find("Page 2 of 2"), std::string::npos);
  EXPECT_NE(second.find("href=\"/my-work?notices-page=1#notices\" rel=\"prev\""),
            std::string::npos);
  EXPECT_EQ(second.find("rel=\"next\""), std::string::npos);
  // Nonsense is the first page.
  EXPECT_NE(section_of(get("/my-work?notices-page=x", session).body).find("Page 1 of 2"),
            std::string::npos);
}

TEST_F(PagesNoticesTest, ANoticeShowsDoneOnceHealthVisitingHasSeenTheChild) {
  const std::string session = page_sign_in("alice");
  const std::string second = section_of(get("/my-work?notices-page=2", session).body);
  const auto baby1 = second.find("Baby Number1</a>");
  ASSERT_NE(baby1, std::string::npos) << second;
  const std::string row = second.substr(baby1, second.find("</tr>", baby1) - baby1);
  EXPECT_NE(
      row.find(">Done</strong> Child seen 31 January 2026 at 10:00 by Ealing health visiting"),
      std::string::npos)
      << row;
  const auto baby2 = second.find("Baby Number2</a>");
  ASSERT_NE(baby2, std::string::npos);
  const std::string row2 = second.substr(baby2, second.find("</tr>", baby2) - baby2);
  EXPECT_NE(row2.find(">To do</strong>"), std::string::npos) << row2;
}

TEST_F(PagesNoticesTest, HealthVisitingFollowsARegistrationNoticeToTheChildWithoutBreakGlass) {
  // Neither involved nor (yet) owning an alert about baby 30: only the notice.
  ASSERT_FALSE(store_->with([](Store& s) { return s.involved("ealing-hv", "baby30"); }));
  ASSERT_FALSE(grants_->owns_alert_about("ealing-hv", "baby30"));
  const std::string session = page_sign_in("alice");
  const std::string first = section_of(get("/my-work", session).body);
  ASSERT_NE(first.find("href=\"/children/baby30\""), std::string::npos);
  const HttpReply child = get("/children/baby30", session);
  ASSERT_EQ(child.status, 200);
  EXPECT_NE(child.body.find("Baby Number30"), std::string::npos);
  EXPECT_EQ(child.body.find("/break-glass\""), std::string::npos) << child.body;
  for (const auto& rec : audit_->records_about("baby30")) {
    EXPECT_NE(rec.entry.action, "child.break_glass");
  }
}

TEST_F(PagesWorkTest, RolesAndAgenciesAreNamedInWordsNotCodes) {
  const HttpReply r = get("/my-work", page_sign_in("alice"));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(
      r.body.find("(Practitioner, Ealing health visiting (Ealing Community Services))</span>"),
      std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find("practitioner, ealing-hv"), std::string::npos);
}

// The navigation item each page marks as the one the user is in ("" for a
// page of no section), and the account bar naming the user's agency in
// words on every one of them.
TEST_F(PagesWorkTest, EveryPageMarksItsNavigationItemAndNamesTheAgencyInWords) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  struct Case {
    const char* user;
    const char* agency;  // the user's agency id, never shown in the account bar
    const char* path;
    const char* active;  // the marked item's text
  };
  const std::vector<Case> cases = {
      {"alice", "ealing-hv", "/", "Home"},
      {"alice", "ealing-hv", "/my-work", "My work"},
      {"alice", "ealing-hv", "/children", "Find a child"},
      {"alice", "ealing-hv", "/children?name=Sofia", "Find a child"},
      {"alice", "ealing-hv", "/children/sofia", "Find a child"},
      {"alice", "ealing-hv", "/children/sofia/chronology", "Find a child"},
      {"alice", "ealing-hv", "/children/sofia/record/contact", "Find a child"},
      {"alice", "ealing-hv", "/children/sofia/record/appointment", "Find a child"},
      {"alice", "ealing-hv", "/transfers", "Transfers"},
      {"alice", "ealing-hv", "/accessibility", ""},
      {"bob", "ealing-csc", "/dashboard", "Dashboard"},
      {"bob", "ealing-csc", "/children/tia/audit", "Find a child"},
      {"bob", "ealing-csc", "/children/tia/record/transfer-seen", "Transfers"},
      {"lucy", "luton-csc", "/children/tia/transfers/tr-tia/accept", "Transfers"},
      {"lucy", "luton-csc", "/children/tia/transfers/tr-tia/decline", "Transfers"},
      {"lucy", "luton-csc", "/children/tia/record/transfer-seen", "Transfers"},
      {"lucy", "luton-csc", "/children/tia/record/case-closed", "Find a child"},
  };
  std::map<std::string, std::string> sessions;
  const std::regex active(
      "govuk-service-navigation__item--active\"><a [^>]*><strong "
      "class=\"govuk-service-navigation__active-fallback\">([^<]*)</strong>");
  for (const Case& k : cases) {
    if (!sessions.contains(k.user)) sessions[k.user] = page_sign_in(k.user);
    const HttpReply r = get(k.path, sessions[k.user]);
    ASSERT_LT(r.status, 300) << k.path << " as " << k.user;
    std::smatch m;
    const bool marked = std::regex_search(r.body, m, active);
    EXPECT_EQ(marked ? m[1].str() : std::string(), k.active) << k.path << " as " << k.user;
    const auto bar = r.body.find("Signed in as <strong>");
    ASSERT_NE(bar, std::string::npos) << k.path;
    const std::string account = r.body.substr(bar, r.body.find("</span>", bar) - bar);
    EXPECT_EQ(account.find(k.agency), std::string::npos) << k.path << ": " << account;
  }
  // Alice's, in full, off My work too.
  EXPECT_NE(get("/children/sofia", sessions["alice"])
                .body.find("(Practitioner, Ealing health visiting (Ealing Community "
                           "Services))</span>"),
            std::string::npos);
}

TEST_F(PagesWorkTest, WhoLookedSaysWhoInWordsAndWhenInUkTime) {
  // In British Summer Time: 10:00 in London is 09:00 UTC.
  clock_.set(*Timestamp::parse("2026-06-01T10:00:00"));
  ASSERT_EQ(get("/children/sofia", page_sign_in("alice")).status, 200);
  const HttpReply r = get("/children/sofia/audit", page_sign_in("bob"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("When (UK time)"), std::string::npos);
  EXPECT_NE(r.body.find("1 June 2026 at 10:00"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("1 June 2026 at 09:00"), std::string::npos);
  EXPECT_NE(r.body.find("alice (Practitioner)"), std::string::npos);
  EXPECT_NE(r.body.find("Ealing health visiting (Ealing Community Services)"), std::string::npos);
  EXPECT_EQ(r.body.find(">ealing-hv<"), std::string::npos);
}

TEST_F(PagesWorkTest, TheAuditPageFiltersByPersonByWhatTheyDidAndByDate) {
  clock_.set(*Timestamp::parse("2026-06-01T10:00:00"));
  ASSERT_EQ(get("/children/sofia", page_sign_in("alice")).status, 200);
  const std::string bob = page_sign_in("bob");
  ASSERT_EQ(get("/children/sofia/audit", bob).status, 200);  // bob's own look, recorded
  const HttpReply all = get("/children/sofia/audit", bob);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_NE(all.body.find("<form method=\"get\" action=\"/children/sofia/audit\""),
            std::string::npos);
  EXPECT_NE(all.body.find("<option value=\"alice\">alice (Practitioner, Ealing health visiting"),
            std::string::npos)
      << all.body;
  EXPECT_NE(all.body.find("Read this audit"), std::string::npos);

  const HttpReply alice_only = get("/children/sofia/audit?who=alice&what=viewed", bob);
  ASSERT_EQ(alice_only.status, 200);
  EXPECT_NE(alice_only.body.find("Opened the record"), std::string::npos);
  EXPECT_EQ(alice_only.body.find("Read this audit"), std::string::npos);
  EXPECT_NE(alice_only.body.find("<option value=\"alice\" selected>"), std::string::npos);

  const HttpReply glass = get("/children/sofia/audit?what=break-glass", bob);
  EXPECT_NE(glass.body.find("No looks at this record match the filter"), std::string::npos);
  // The day before: nothing; the day itself: alice's look.
  const HttpReply before =
      get("/children/sofia/audit?who=alice&to-day=31&to-month=5&to-year=2026", bob);
  EXPECT_NE(before.body.find("No looks at this record match the filter"), std::string::npos);
  const HttpReply on_the_day = get(
      "/children/sofia/audit?who=alice&from-day=1&from-month=6&from-year=2026&to-day=1&to-month=6"
      "&to-year=2026",
      bob);
  EXPECT_NE(on_the_day.body.find("Opened the record"), std::string::npos);

  const HttpReply bad = get("/children/sofia/audit?from-day=31&from-month=2&from-year=2026", bob);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("<title>Error: Who has looked"), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#from-day\">The date from must be a real date"),
            std::string::npos)
      << bad.body;
  EXPECT_NE(bad.body.find("value=\"31\""), std::string::npos);
}

TEST_F(PagesWorkTest, MineListsOnlyTheAlertsIAcknowledgedBesideMyAgencysWork) {
  accounts_->add("sam", web::Role::kManager, "ealing-csc", kPassword, admin());
  const std::string bob = page_sign_in("bob");
  const HttpReply page = get("/my-work", bob);
  const std::string id = alert_id(page.body);
  ASSERT_FALSE(id.empty());
  EXPECT_NE(page.body.find("aria-current=\"page\">My agency</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/my-work?view=mine\">Mine</a>"), std::string::npos);
  const HttpReply before = get("/my-work?view=mine", bob);
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("aria-current=\"page\">Mine</strong>"), std::string::npos);
  EXPECT_NE(before.body.find("You have acknowledged none"), std::string::npos);
  EXPECT_EQ(before.body.find("id=\"alert-"), std::string::npos);

  ASSERT_EQ(post_form("/my-work/alerts/" + id + "/acknowledge",
                      "csrf_token=" + csrf_in(page.body) + "&note=Rang+Luton", bob)
                .status,
            303);
  const HttpReply mine = get("/my-work?view=mine", bob);
  EXPECT_NE(mine.body.find("id=\"alert-" + id + "\""), std::string::npos) << mine.body;
  EXPECT_NE(mine.body.find("Alerts you have acknowledged"), std::string::npos);
  // A colleague at the same agency: the alert is the agency's, not theirs.
  const std::string sam = page_sign_in("sam");
  EXPECT_NE(get("/my-work", sam).body.find("id=\"alert-" + id + "\""), std::string::npos);
  const HttpReply sams = get("/my-work?view=mine", sam);
  EXPECT_EQ(sams.body.find("id=\"alert-" + id + "\""), std::string::npos);
  EXPECT_NE(sams.body.find("You have acknowledged none"), std::string::npos);
}

// Ivy is under an assessment by Ealing's social care; Luton's health visitor
// breaks the glass on her (the family may have moved).
class PagesMovedTest : public PagesTest {
 protected:
  std::string extra_feed() const override {
    return R"({"type":"person","id":"ivy","at":"2026-01-05","by":"ealing-csc","given":"Ivy","family":"Example","dob":"2024-03-01"}
{"type":"assessment_started","id":"ivy-assessment","at":"2026-01-06T10:00","by":"ealing-csc","child":"ivy","kind":"child_and_family","agency":"ealing-csc"}
)";
  }
};

TEST_F(PagesMovedTest, TheLeadsOfTheAgencyInvolvedSeeAnotherAreasBreakGlassNamingTheChild) {
  const std::string luton = page_sign_in("lutonhv");
  const HttpReply refused = get("/children/ivy", luton);
  ASSERT_EQ(refused.status, 403);
  ASSERT_EQ(
      post_form("/children/ivy/break-glass",
                "csrf_token=" + csrf_in(refused.body) + "&reason=Family+registered+in+Luton", luton)
          .status,
      303);
  const HttpReply r = get("/my-work", page_sign_in("bob"));  // Ealing social care's lead
  const auto start = r.body.find("id=\"break-glass\"");
  ASSERT_NE(start, std::string::npos);
  const std::string section = r.body.substr(start);
  EXPECT_NE(section.find("href=\"/children/ivy\">Ivy Example</a>"), std::string::npos) << section;
  EXPECT_NE(section.find("lutonhv (Practitioner, Luton health visiting)"), std::string::npos)
      << section;
  EXPECT_NE(section.find("Another area broke the glass on a child your agency works with"),
            std::string::npos);
  EXPECT_NE(section.find("Family registered in Luton"), std::string::npos);
}

TEST_F(PagesWorkTest, AcknowledgingNeedsANoteAndKeepsTheAlertOpen) {
  const std::string session = page_sign_in("bob");
  const HttpReply page = get("/my-work", session);
  const std::string csrf = csrf_in(page.body);
  const std::string id = alert_id(page.body);
  ASSERT_FALSE(id.empty());
  const std::string action = "/my-work/alerts/" + id + "/acknowledge";
  HttpReply r = post_form(action, "csrf_token=" + csrf + "&note=+", session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("<title>Error: My work"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#note-" + id + "\">Enter a note"), std::string::npos);
  r = post_form(action, "note=Rang+Luton", session);
  EXPECT_EQ(r.status, 403);
  r = post_form("/my-work/alerts/0123456789abcdef/acknowledge", "csrf_token=" + csrf + "&note=x",
                session);
  EXPECT_EQ(r.status, 404);
  r = post_form(action, "csrf_token=" + csrf + "&note=Rang+Luton+%3Cduty%3E+team", session);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location").rfind("/my-work?acknowledged=" + id, 0), 0u);
  const HttpReply after = get("/my-work?acknowledged=" + id, session);
  EXPECT_NE(after.body.find("Alert acknowledged"), std::string::npos);
  EXPECT_NE(after.body.find("Rang Luton &lt;duty&gt; team"), std::string::npos);
  // Who acknowledged it, in words.
  EXPECT_NE(after.body.find("bob (Safeguarding lead, "), std::string::npos) << after.body;
  EXPECT_NE(after.body.find(") on 2 March 2026 at 09:00: Rang Luton"), std::string::npos);
  EXPECT_NE(after.body.find("id=\"alert-" + id + "\""), std::string::npos);
}

TEST_F(PagesWorkTest, TheChildPageListsTheAgencysAlertsAboutTheChild) {
  HttpReply r = get("/children/tia", page_sign_in("bob"));
  ASSERT_EQ(r.status, 200);
  const auto alerts = r.body.find("id=\"alerts\"");
  ASSERT_NE(alerts, std::string::npos);
  const std::string section = r.body.substr(alerts, r.body.find("id=\"chronology\"") - alerts);
  EXPECT_NE(section.find("Transfer not accepted with the child seen"), std::string::npos);
  EXPECT_NE(section.find(">Open</strong>"), std::string::npos);
  // Only Tia's: one row (the title, then its "Record it" link).
  const std::string row = "Transfer not accepted with the child seen<br>";
  ASSERT_NE(section.find(row), std::string::npos) << section;
  EXPECT_EQ(section.find(row, section.find(row) + 1), std::string::npos);
}

TEST_F(PagesWorkTest, TheChildPageLinksEachOpenAlertToTheFormThatResolvesIt) {
  HttpReply r = get("/children/tia", page_sign_in("bob"));
  ASSERT_EQ(r.status, 200);
  const auto alerts = r.body.find("id=\"alerts\"");
  ASSERT_NE(alerts, std::string::npos);
  const std::string section = r.body.substr(alerts, r.body.find("id=\"chronology\"") - alerts);
  const auto href = pages::resolve_href("transfer-child-not-seen", "tia");
  ASSERT_TRUE(href.has_value());
  EXPECT_NE(section.find("<a class=\"govuk-link\" href=\"" + pages::escape(*href) +
                         "\">Record it<span class=\"govuk-visually-hidden\">: Transfer not "
                         "accepted with the child seen</span></a>"),
            std::string::npos)
      << section;
}

TEST_F(PagesWorkTest, TransfersShowsIncomingAndOutgoingAndWhetherTheChildWasSeen) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  HttpReply r = get("/transfers", page_sign_in("lucy"));
  ASSERT_EQ(r.status, 200);
  const auto in = r.body.find("Incoming, awaiting acceptance");
  const auto out = r.body.find("Outgoing, not yet accepted");
  ASSERT_NE(in, std::string::npos);
  ASSERT_NE(out, std::string::npos);
  const auto tia = r.body.find("href=\"/children/tia\">Tia Example</a>");
  EXPECT_TRUE(tia > in && tia < out);
  EXPECT_NE(r.body.find("Not seen"), std::string::npos);
  r = get("/transfers", page_sign_in("bob"));
  const auto tia_out = r.body.find("href=\"/children/tia\">Tia Example</a>");
  EXPECT_GT(tia_out, r.body.find("Outgoing, not yet accepted"));
  EXPECT_NE(tia_out, std::string::npos);
}

TEST_F(PagesWorkTest, AClosureTheSafeguardsForbidIsRefusedUnlessAManagerGivesAReason) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  const std::string session = page_sign_in("lucy");
  HttpReply r = get("/children/tia/record/case-closed", session);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("has not been accepted with the child seen"), std::string::npos);
  const std::string csrf = csrf_in(r.body);
  const std::string form = "csrf_token=" + csrf + "&at-day=2&at-month=3&at-year=2026&reason=other";
  r = post_form("/children/tia/record/case-closed", form, session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("The case cannot be closed: A transfer to your agency"), std::string::npos);
  EXPECT_NE(r.body.find("Only a manager or safeguarding lead"), std::string::npos);
  // bob, a lead of the sending agency, may close it with a reason.
  const std::string lead = page_sign_in("bob");
  const std::string lead_csrf = csrf_in(get("/children/tia/record/case-closed", lead).body);
  const std::string lead_form =
      "csrf_token=" + lead_csrf + "&at-day=2&at-month=3&at-year=2026&reason=transferred";
  r = post_form("/children/tia/record/case-closed", lead_form, lead);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Enter why it should be closed anyway"), std::string::npos);
  r = post_form("/children/tia/record/case-closed",
                lead_form + "&override_reason=Luton+confirmed+by+phone", lead);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
  r = get("/children/tia", lead);
  EXPECT_NE(r.body.find("Luton confirmed by phone"), std::string::npos);
}

TEST_F(PagesWorkTest, TheReceiverAcceptsWithTheChildSeenAndTheSenderMayThenClose) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  const std::string lucy = page_sign_in("lucy");
  HttpReply r = get("/transfers", lucy);
  const std::string accept = "/children/tia/transfers/tr-tia/accept";
  ASSERT_NE(r.body.find("href=\"" + accept +
                        "\">Accept<span class=\"govuk-visually-hidden\"> "
                        "the transfer of Tia Example</span></a>"),
            std::string::npos)
      << r.body;
  r = get(accept, lucy);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<h1 class=\"govuk-heading-l\">Accept the transfer</h1>"),
            std::string::npos);
  EXPECT_NE(r.body.find("Family moved to Luton"), std::string::npos);  // what the sender said
  EXPECT_NE(r.body.find("Has your agency seen the child since the transfer was sent?"),
            std::string::npos);
  const std::string csrf = csrf_in(r.body);
  const std::string form = "csrf_token=" + csrf + "&at-day=2&at-month=3&at-year=2026";
  r = post_form(accept, form, lucy);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#child_seen\">Select whether your agency has seen the child"),
            std::string::npos);
  r = post_form(accept, form + "&child_seen=yes", lucy);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  EXPECT_EQ(r.header("location"), "/transfers?answered=accepted_seen&child=tia");
  r = get(r.header("location"), lucy);
  EXPECT_NE(r.body.find("Transfer accepted, with the child seen"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/children/tia\">Go to the child&#39;s record</a>"),
            std::string::npos);
  EXPECT_NE(r.body.find("No transfers are waiting for your agency to accept them."),
            std::string::npos);
  // The sender's list is empty too, and its closure is no longer refused.
  const std::string bob = page_sign_in("bob");
  EXPECT_NE(get("/transfers", bob).body.find("Every transfer your agency sent has been answered."),
            std::string::npos);
  r = get("/children/tia", bob);
  EXPECT_NE(r.body.find("Transfer accepted: child seen"), std::string::npos);
  r = get("/children/tia/record/case-closed", bob);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("has not been accepted with the child seen"), std::string::npos);
  r = post_form(
      "/children/tia/record/case-closed",
      "csrf_token=" + csrf_in(r.body) + "&at-day=2&at-month=3&at-year=2026" + "&reason=transferred",
      bob);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
}

// Accepted without the child seen, the transfer stays on both agencies'
// transfers pages in a list of its own until the receiver records the child
// seen, which resolves both agencies' alerts.
TEST_F(PagesWorkTest, AcceptedWithoutTheChildSeenTheReceiverRecordsTheSightingLater) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  const std::string lucy = page_sign_in("lucy");
  const std::string bob = page_sign_in("bob");
  HttpReply r = send_form("/children/tia/transfers/tr-tia/accept",
                          "at-day=1&at-month=3&at-year=2026&child_seen=no", lucy);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  const std::string heading = "Accepted \xE2\x80\x94 child not yet seen by the receiving team";
  const std::string record = "/children/tia/record/transfer-seen?transfer=tr-tia";
  // The receiver's list, with the action.
  r = get("/transfers", lucy);
  auto list = r.body.find(heading);
  ASSERT_NE(list, std::string::npos) << r.body;
  auto link = r.body.find("href=\"" + record + "\">Record the child seen");
  EXPECT_GT(link, list);
  EXPECT_NE(link, std::string::npos) << r.body;
  EXPECT_NE(r.body.find("No transfers are waiting for your agency to accept them."),
            std::string::npos);
  // The sender's: still awaiting the sighting, with nothing to do.
  r = get("/transfers", bob);
  list = r.body.find(heading);
  ASSERT_NE(list, std::string::npos);
  EXPECT_GT(r.body.find("href=\"/children/tia\">Tia Example</a><br>Awaiting the receiver"), list);
  EXPECT_EQ(r.body.find("/record/transfer-seen"), std::string::npos);
  // The alert's Record it link, for the sender: who must record it, no form.
  const auto href = pages::resolve_href("transfer-child-not-seen", "tia");
  ASSERT_TRUE(href.has_value());
  EXPECT_EQ(*href, "/children/tia/record/transfer-seen");
  r = get(*href, bob);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Only the receiving agency can record"), std::string::npos);
  EXPECT_EQ(r.body.find("<form method=\"post\" novalidate>"), std::string::npos);
  // For the receiver: the form, the transfer chosen, in words.
  r = get(*href, lucy);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Record the child seen after a transfer</h1>"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"tr-tia\" checked"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("accepted 1 March 2026 without the child seen"), std::string::npos);
  // A date in the future is refused, naming the field.
  r = send_form(record, "at-day=9&at-month=3&at-year=2026", lucy);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#at-day\""), std::string::npos);
  r = send_form(record, "at-day=2&at-month=3&at-year=2026", lucy);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  EXPECT_EQ(r.header("location"), "/transfers?answered=accepted_seen&child=tia");
  live_->catch_up();
  // Off the list (Sofia's, accepted by Luton unseen in 2013, stays on it).
  r = get("/transfers", lucy);
  EXPECT_EQ(r.body.find(record), std::string::npos);
  EXPECT_EQ(r.body.find("href=\"/children/tia\">Tia Example</a>", r.body.find(heading)),
            std::string::npos);
  // Both agencies' alerts are resolved.
  for (const std::string* who : {&lucy, &bob}) {
    r = get("/children/tia", *who);
    const auto alerts = r.body.find("id=\"alerts\"");
    ASSERT_NE(alerts, std::string::npos);
    const std::string section = r.body.substr(alerts, r.body.find("id=\"chronology\"") - alerts);
    EXPECT_NE(section.find("Transfer not accepted with the child seen"), std::string::npos);
    EXPECT_EQ(section.find(">Open</strong>"), std::string::npos) << section;
  }
}

TEST_F(PagesWorkTest, OnlyTheReceivingAgencyMayAnswerATransfer) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  const std::string accept = "/children/tia/transfers/tr-tia/accept";
  // Ealing, the sender, sees no answer to give, and the API refuses it one.
  const std::string bob = page_sign_in("bob");
  EXPECT_EQ(get("/transfers", bob).body.find("/accept\""), std::string::npos);
  HttpReply r = get(accept, bob);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Sightline lists no transfer"), std::string::npos);
  r = post_form(
      accept, "csrf_token=" + csrf_in(r.body) + "&at-day=2&at-month=3&at-year=2026&child_seen=yes",
      bob);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("only the receiving agency accepts or declines a transfer"),
            std::string::npos)
      << r.body.substr(0, 3000);
  // Ealing's health visiting has no relationship with Tia: the record opens
  // only by breaking the glass, and nothing is recorded.
  const std::string alice = page_sign_in("alice");
  r = get(accept, alice);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("break-glass"), std::string::npos);
  // The transfer still waits for Luton.
  EXPECT_NE(get("/transfers", page_sign_in("lucy")).body.find(accept), std::string::npos);
}

TEST_F(PagesWorkTest, ADeclineNeedsAReasonAndRecordsIt) {
  accounts_->add("lucy", web::Role::kPractitioner, "luton-csc", kPassword, admin());
  const std::string lucy = page_sign_in("lucy");
  const std::string decline = "/children/tia/transfers/tr-tia/decline";
  EXPECT_NE(get("/transfers", lucy).body.find("href=\"" + decline + "\">Decline"),
            std::string::npos);
  HttpReply r = get(decline, lucy);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Why does your agency decline it?"), std::string::npos);
  const std::string form = "csrf_token=" + csrf_in(r.body) + "&at-day=2&at-month=3&at-year=2026";
  r = post_form(decline, form + "&reason=+", lucy);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#reason\">Enter why your agency declines the transfer"),
            std::string::npos);
  r = post_form(decline, form + "&reason=Family+not+in+Luton+%3Cchecked%3E", lucy);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  EXPECT_EQ(r.header("location"), "/transfers?answered=declined&child=tia");
  r = get(r.header("location"), lucy);
  EXPECT_NE(r.body.find("Transfer declined"), std::string::npos);
  EXPECT_NE(r.body.find("No transfers are waiting for your agency to accept them."),
            std::string::npos);
  // The sender reads the reason in the child's chronology.
  r = get("/children/tia", page_sign_in("bob"));
  EXPECT_NE(r.body.find("Transfer declined"), std::string::npos);
  EXPECT_NE(r.body.find("Family not in Luton &lt;checked&gt;"), std::string::npos);
}

// Ealing's health visitor saw Tia at home on 5 January; Ealing's paediatrician
// examined her on 10 February (a medical: the catalogue's "seen").
constexpr const char* kTiaExamined =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-hv","given":"Tia","family":"Example","dob":"2025-06-01"}
{"type":"contact","persons":["tia"],"mode":"home_visit","child_seen":true,"outcome":"seen","at":"2026-01-05","by":"ealing-hv"}
{"type":"medical","child":"tia","findings":{"weight_centile":25},"concern":"none","at":"2026-02-10","by":"ealing-paediatrics"}
)";

class PagesSeenTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return kTiaExamined; }
};

TEST_F(PagesSeenTest, TheChildPageShowsAMedicalAsTheLastSightingWithItsAgency) {
  const HttpReply r = get("/children/tia", page_sign_in("alice"));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Last seen</dt><dd class=\"govuk-summary-list__value\">10 February 2026 "
                        "by Paediatric service in Ealing (child protection medical) (Medical)"),
            std::string::npos)
      << r.body;
}

// Issue 12: a child whose chronology shows an attended new-birth visit and
// immunisations was "Never seen". An attended appointment is a sighting
// (Terms "seen"): health visiting, which made the visit, reads her page.
constexpr const char* kRayAppointments =
    R"({"type":"person","id":"ray","at":"2026-01-02","by":"ealing-gp","given":"Ray","family":"Example","dob":"2025-12-20"}
{"type":"registration","child":"ray","agency":"ealing-gp","at":"2026-01-02","by":"ealing-gp"}
{"type":"appointment","child":"ray","kind":"new_birth_visit","outcome":"attended","at":"2026-01-02","by":"ealing-hv"}
{"type":"appointment","child":"ray","kind":"immunisation","outcome":"attended","at":"2026-02-16","by":"ealing-gp"}
)";

class PagesAppointmentsTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return kRayAppointments; }
};

TEST_F(PagesAppointmentsTest, AnAttendedAppointmentIsASightingOnTheChildPage) {
  const HttpReply r = get("/children/ray", page_sign_in("alice"));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  EXPECT_EQ(r.body.find("Never seen"), std::string::npos);
  EXPECT_NE(r.body.find("Last seen</dt><dd class=\"govuk-summary-list__value\">16 February "
                        "2026 by GP practice in Ealing"),
            std::string::npos)
      << r.body;
}

// Item 8 of issue 12: forms that prevent. A verbal handover passing on no
// risks and no summary leaves the receiver nothing in writing; it is refused
// before it is saved.
TEST_F(PagesTest, AVerbalTransferWithNoRisksAndNoSummaryIsRefused) {
  const std::string session = page_sign_in("alice");
  const auto events_before = store_->with([](Store& s) { return s.counts().events; });
  const std::string form =
      "&to=luton-hv&status=universal&mode=verbal&at-day=2&at-month=3&at-year=2026";
  HttpReply r = get("/children/sofia/record/transfer", session);
  ASSERT_EQ(r.status, 200);
  r = post_form("/children/sofia/record/transfer", "csrf_token=" + csrf_in(r.body) + form, session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#summary\">A verbal handover with no risks and no summary"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(store_->with([](Store& s) { return s.counts().events; }), events_before);
  // A summary, or a risk passed on, is something in writing.
  for (const char* more : {"&summary=Mother+left+no+forwarding+address", "&risks=transience"}) {
    r = post_form(
        "/children/sofia/record/transfer",
        "csrf_token=" + csrf_in(get("/children/sofia/record/transfer", session).body) + form + more,
        session);
    EXPECT_EQ(r.status, 303) << more << r.body.substr(0, 3000);
  }
}

// Ealing's health visitor saw Tia at home on 5 January, and not since.
constexpr const char* kTiaSeenInJanuary =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-hv","given":"Tia","family":"Example","dob":"2025-06-01"}
{"type":"contact","persons":["tia"],"mode":"home_visit","child_seen":true,"outcome":"seen","at":"2026-01-05","by":"ealing-hv"}
)";

class PagesMovedOutTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return kTiaSeenInJanuary; }
};

// A "moved out" closure with no transfer recorded and the child unseen (not
// in the 28 days before it) is refused, saying what to do; once the child is
// seen, it is not.
TEST_F(PagesMovedOutTest, AMovedOutClosureWithNoTransferAndTheChildUnseenIsRefused) {
  const std::string session = page_sign_in("alice");
  const auto events_before = store_->with([](Store& s) { return s.counts().events; });
  const std::string form = "&at-day=2&at-month=3&at-year=2026&reason=moved_out";
  HttpReply r = get("/children/tia/record/case-closed", session);
  ASSERT_EQ(r.status, 200);
  r = post_form("/children/tia/record/case-closed", "csrf_token=" + csrf_in(r.body) + form,
                session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#reason\">The child moved out, but your agency has recorded no "
                        "transfer and nobody has seen the child in the 28 days before the "
                        "closure: record the transfer to the agency of the child&#39;s new area, "
                        "or see the child, before closing"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(store_->with([](Store& s) { return s.counts().events; }), events_before);
  // Another reason is not refused for it.
  r = post_form("/children/tia/record/case-closed",
                "csrf_token=" + csrf_in(get("/children/tia/record/case-closed", session).body) +
                    "&at-day=2&at-month=3&at-year=2026&reason=other",
                session);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);

  // Seen on 1 March, the child may be closed as moved out on 2 March.
  r = post_form("/children/tia/record/contact",
                "csrf_token=" + csrf_in(get("/children/tia/record/contact", session).body) +
                    "&at-day=1&at-month=3&at-year=2026&mode=home_visit&child_seen=yes&outcome=seen"
                    "&where=elsewhere&seen_postcode=W5+2HL&seen_area=E09000009",
                session);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  r = post_form(
      "/children/tia/record/case-closed",
      "csrf_token=" + csrf_in(get("/children/tia/record/case-closed", session).body) + form,
      session);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
}

// The walk-through found a child with no address recorded shown as
// whereabouts "Not known", the words of the catalogue's "whereabouts unknown",
// while the API, the safeguards and the closure form (rightly) saw no such
// thing. A gap in the record reads as one.
TEST_F(PagesSeenTest, AChildWithNoAddressRecordedIsNotShownAsWhereaboutsUnknown) {
  const std::string session = page_sign_in("alice");
  HttpReply r = get("/children/tia", session);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("No address</strong> Nothing recorded about where the child lives"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find(">Not known</strong>"), std::string::npos) << r.body;
  r = get("/children/tia/record/case-closed", session);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("whereabouts have been unknown"), std::string::npos) << r.body;
}

// Ealing's health visitor saw Tia on 5 January; on 20 February nobody knew
// where she was.
constexpr const char* kTiaLost =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-hv","given":"Tia","family":"Example","dob":"2025-06-01"}
{"type":"contact","persons":["tia"],"mode":"home_visit","child_seen":true,"outcome":"seen","at":"2026-01-05","by":"ealing-hv"}
{"type":"whereabouts_unknown","child":"tia","at":"2026-02-20","by":"ealing-hv"}
)";

class PagesLostTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return kTiaLost; }
};

TEST_F(PagesLostTest, ClosureBeforeSeenTheClosureFormRefusesWhileTheChildsWhereaboutsAreUnknown) {
  const std::string session = page_sign_in("alice");
  HttpReply r = get("/children/tia/record/case-closed", session);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("whereabouts have been unknown since 20 February 2026"), std::string::npos)
      << r.body;
  const std::string form =
      "csrf_token=" + csrf_in(r.body) + "&at-day=2&at-month=3&at-year=2026&reason=not_found";
  r = post_form("/children/tia/record/case-closed", form, session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("The case cannot be closed: The child"), std::string::npos);
  EXPECT_NE(r.body.find("whereabouts have been unknown since"), std::string::npos);
}

// Tia's whereabouts unknown since 20 February, and Ealing's social care has an
// assessment open: two reasons the closure is a fault.
class PagesLostAndAssessedTest : public PagesTest {
 protected:
  std::string extra_feed() const override {
    return std::string(kTiaLost) +
           R"({"type":"assessment_started","id":"as-tia","at":"2026-02-21","by":"ealing-csc","child":"tia","kind":"child_and_family","agency":"ealing-csc"}
)";
  }
};

// The walk-through found the refusal naming only the first reason, so a
// manager overriding it did not learn of the others, and "an open Child and
// family assessment" capitalised mid-sentence.
TEST_F(PagesLostAndAssessedTest, TheClosureRefusalNamesEveryReasonNotOnlyTheFirst) {
  const std::string session = page_sign_in("bob");  // a safeguarding lead: may override
  HttpReply r = get("/children/tia/record/case-closed", session);
  ASSERT_EQ(r.status, 200);
  const std::string form =
      "csrf_token=" + csrf_in(r.body) + "&at-day=2&at-month=3&at-year=2026&reason=other";
  r = post_form("/children/tia/record/case-closed", form, session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("The case cannot be closed: The child&#39;s whereabouts have been unknown "
                        "since 20 February 2026, and nobody has located the child since; Your "
                        "agency has an open child and family assessment, started 21 February "
                        "2026. Enter why it should be closed anyway"),
            std::string::npos)
      << r.body;
}

// Ealing's GP referred Tia to social care on 5 January; nothing since.
constexpr const char* kTiaReferred =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-hv","given":"Tia","family":"Example","dob":"2025-06-01"}
{"type":"referral","id":"ref-tia","at":"2026-01-05","by":"ealing-gp","child":"tia","from":"ealing-gp","to":"ealing-csc","concerns":["unsafe_sleeping"]}
)";

class PagesReferredTest : public PagesTest {
 protected:
  std::string extra_feed() const override { return kTiaReferred; }
};

TEST_F(PagesReferredTest,
       StrategyFormExpectsTheReferrerOfTheLatestReferralInThe30DaysBeforeNotEver) {
  const std::string session = page_sign_in("alice");
  HttpReply r = get("/children/tia/record/strategy-discussion", session);
  ASSERT_EQ(r.status, 200) << r.body;
  // Today (2 March) the referral is 56 days old: it led to no discussion now.
  EXPECT_EQ(r.body.find(", the referrer"), std::string::npos) << r.body;
  const std::string form =
      "csrf_token=" + csrf_in(r.body) + "&format=meeting&participants=ealing-hv&decision=no_s47";
  r = post_form("/children/tia/record/strategy-discussion",
                form + "&at-day=2&at-month=3&at-year=2026", session);
  EXPECT_NE(r.body.find("Not saved yet: the police did not take part"), std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find("the referrer ("), std::string::npos);
  // A discussion held on 20 January, 15 days after the referral, expected the GP.
  r = post_form("/children/tia/record/strategy-discussion",
                form + "&at-day=20&at-month=1&at-year=2026", session);
  EXPECT_NE(r.body.find("the police and the referrer ("), std::string::npos) << r.body;
}

// Item 8 of issue 12: "save without health" asks why, and the reason is kept
// with the discussion.
TEST_F(PagesReferredTest, SavingAStrategyDiscussionWithoutHealthOrThePoliceAsksWhy) {
  const std::string session = page_sign_in("bob");
  HttpReply r = get("/children/tia/record/strategy-discussion", session);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string form = "csrf_token=" + csrf_in(r.body) +
                           "&format=meeting&participants=ealing-csc&decision=no_s47"
                           "&at-day=2&at-month=3&at-year=2026";
  r = post_form("/children/tia/record/strategy-discussion", form, session);
  ASSERT_NE(r.body.find("Not saved yet: health and the police did not take part"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("name=\"missing_reason\""), std::string::npos);
  const auto events_before = store_->with([](Store& s) { return s.counts().events; });
  const std::string confirm = form + "&confirm_missing=health+and+the+police";
  r = post_form("/children/tia/record/strategy-discussion", confirm + "&missing_reason=+", session);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#missing_reason\">Enter why health and the police did not take "
                        "part"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(store_->with([](Store& s) { return s.counts().events; }), events_before);
  r = post_form("/children/tia/record/strategy-discussion",
                confirm + "&missing_reason=GP+on+leave%3B+police+not+reachable", session);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  r = get("/children/tia", session);
  EXPECT_NE(r.body.find("Held without health and the police: GP on leave; police not reachable"),
            std::string::npos)
      << r.body;
}

}  // namespace
}  // namespace sightline::testing
