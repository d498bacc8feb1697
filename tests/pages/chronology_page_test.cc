// The chronology's own page, /children/{id}/chronology, and the latest of it
// on the child's page, over real HTTP on the API's test fixture (the Sofia
// scenario, plus one appointment booked for after the fixture's today).
#include <gtest/gtest.h>

#include <regex>

#include "pages/html.h"
#include "pages_fixture.h"

namespace sightline::testing {
namespace {

class ChronologyPageTest : public PagesFixture {
 protected:
  // Today is 2 March 2026: an immunisation booked for April has not happened.
  std::string extra_feed() const override {
    return R"({"type": "appointment", "at": "2026-04-15", "by": "ealing-gp", "child": "sofia", )"
           R"("kind": "immunisation", "outcome": "attended", "note": "Booked for April."})"
           "\n";
  }
  void SetUp() override {
    PagesFixture::SetUp();
    session_ = page_sign_in("alice");  // Ealing health visiting
    ASSERT_FALSE(session_.empty());
  }
  // A GET as Alice.
  HttpReply get(const std::string& target) { return PagesFixture::get(target, session_); }

  // The entries' headings, metadata lines and month headings, in page order.
  static std::vector<std::string> all_of(const std::string& body, const std::string& pattern) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(body.begin(), body.end(), re); it != std::sregex_iterator();
         ++it) {
      out.push_back((*it)[1]);
    }
    return out;
  }
  static std::vector<std::string> metas(const std::string& body) {
    return all_of(body, "<p class=\"app-timeline__meta\">([^<]*)</p>");
  }
  static std::vector<std::string> titles(const std::string& body) {
    return all_of(body, "<h4 class=\"app-timeline__heading\">([^<]*)</h4>");
  }
  static std::vector<std::string> months(const std::string& body) {
    return all_of(body, "<h3 class=\"govuk-heading-s app-timeline__month\">([^<]*)</h3>");
  }
  // "N entries" (or "N entries that match, of M") in the page's count.
  static int shown(const std::string& body) {
    std::smatch m;
    if (!std::regex_search(body, m, std::regex("([0-9]+) entr(y|ies)[ ,.]"))) return -1;
    return std::stoi(m[1]);
  }
  // The section of the page from `from` to the next `to`.
  static std::string between(const std::string& body, const std::string& from,
                             const std::string& to) {
    const auto a = body.find(from);
    if (a == std::string::npos) return {};
    return body.substr(a, body.find(to, a + from.size()) - a);
  }

  std::string session_;
};

TEST_F(ChronologyPageTest, NewestFirstByDefaultUnderMonthHeadingsOldestFirstOnRequest) {
  const HttpReply r = get("/children/sofia/chronology");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<h1 class=\"govuk-heading-l\">Chronology</h1>"), std::string::npos);
  const auto m = months(r.body);
  ASSERT_GE(m.size(), 3u);
  EXPECT_EQ(m.front(), "October 2013");  // her death, the newest thing that happened
  EXPECT_EQ(titles(r.body)[0], "Immunisation planned");  // apart, above: below
  EXPECT_EQ(titles(r.body)[1], "Death");
  // Each month once, newest first.
  EXPECT_EQ(std::set<std::string>(m.begin(), m.end()).size(), m.size());
  EXPECT_NE(std::find(m.begin(), m.end(), "December 2012"), m.end());
  EXPECT_LT(std::find(m.begin(), m.end(), "January 2013"),
            std::find(m.begin(), m.end(), "December 2012"));

  const HttpReply old = get("/children/sofia/chronology?order=oldest");
  ASSERT_EQ(old.status, 200);
  EXPECT_EQ(months(old.body).front(), "January 2012");
  EXPECT_NE(old.body.find("value=\"oldest\" checked"), std::string::npos);
  EXPECT_EQ(shown(old.body), shown(r.body));
}

// Grouped by episode: a heading for each period at one address, from one
// address of the child's (before the birth, the mother's) to the next, with
// the area's name and the dates; month grouping stays the default.
TEST_F(ChronologyPageTest, GroupedByEpisodeUnderEachAddressFromOneToTheNext) {
  const HttpReply by_month = get("/children/sofia/chronology");
  EXPECT_NE(by_month.body.find("name=\"group\" type=\"radio\" value=\"month\" checked"),
            std::string::npos)
      << by_month.body;

  const HttpReply r = get("/children/sofia/chronology?group=episode&order=oldest");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("value=\"episode\" checked"), std::string::npos);
  const auto headings = months(r.body);
  ASSERT_GE(headings.size(), 5u);
  EXPECT_EQ(headings.front(), "Before an address was recorded");
  // The mother's first address in her pregnancy is the unborn child's.
  EXPECT_TRUE(
      headings[1].starts_with("At Friends&#39; home (address not given in the review), "
                              "London, W13 9ZZ, Ealing \u2014 3 April 2012 to "))
      << headings[1];
  EXPECT_NE(std::find(headings.begin(), headings.end(),
                      "At Bed and breakfast placed by Westminster CSC (address not given in the "
                      "review), London, N15 9ZZ (temporary), Haringey \u2014 11 October 2012 to "
                      "20 October 2012"),
            headings.end());
  EXPECT_NE(std::find(headings.begin(), headings.end(),
                      "At an address not known \u2014 20 October 2012 to 22 October 2012"),
            headings.end());
  // Newest first, the current episode leads (the page shows 50 entries).
  const auto newest = months(get("/children/sofia/chronology?group=episode").body);
  EXPECT_EQ(newest.front(),
            "At Privately rented room (address not given in the review), London, W6 9ZZ, "
            "Hammersmith and Fulham \u2014 14 October 2013 to now");
  // Every entry is under one heading; the count is the same as by month.
  EXPECT_EQ(shown(r.body), shown(by_month.body));
  // The filters keep the grouping from page to page.
  EXPECT_NE(r.body.find("group=episode&amp;page=2"), std::string::npos) << r.body;
}

TEST_F(ChronologyPageTest, EachFilterNarrowsAndTwoAgenciesAtOnceShowBoth) {
  const int all = shown(get("/children/sofia/chronology").body);
  ASSERT_GT(all, 100);

  const HttpReply hv = get("/children/sofia/chronology?agency=ealing-hv");
  const int n_hv = shown(hv.body);
  EXPECT_GT(n_hv, 0);
  EXPECT_LT(n_hv, all);
  for (const std::string& m : metas(hv.body)) EXPECT_NE(m.find("Ealing health visiting"), m.npos);
  EXPECT_NE(hv.body.find("value=\"ealing-hv\" checked"), std::string::npos);

  const HttpReply luton = get("/children/sofia/chronology?agency=luton-csc");
  const int n_luton = shown(luton.body);
  EXPECT_GT(n_luton, 0);
  const HttpReply both = get("/children/sofia/chronology?agency=ealing-hv&agency=luton-csc");
  EXPECT_EQ(shown(both.body), n_hv + n_luton);
  bool saw_hv = false, saw_luton = false;
  for (const std::string& m : metas(both.body)) {
    saw_hv |= m.find("Ealing health visiting") != m.npos;
    saw_luton |= m.find("Luton") != m.npos;
  }
  EXPECT_TRUE(saw_hv && saw_luton);

  const HttpReply moves = get("/children/sofia/chronology?kind=whereabouts");
  const int n_moves = shown(moves.body);
  EXPECT_GT(n_moves, 0);
  EXPECT_LT(n_moves, all);
  for (const std::string& t : titles(moves.body)) {
    EXPECT_TRUE(t == "Address" || t == "Whereabouts not known" ||
                t.starts_with("Reported missing") || t == "Found" || t.starts_with("Said to be"))
        << t;
  }
  const HttpReply two_kinds = get("/children/sofia/chronology?kind=whereabouts&kind=transfers");
  EXPECT_GT(shown(two_kinds.body), n_moves);
  // Kind and agency together: both must hold.
  const HttpReply luton_contacts = get("/children/sofia/chronology?kind=contacts&agency=luton-csc");
  EXPECT_GT(shown(luton_contacts.body), 0);
  EXPECT_LT(shown(luton_contacts.body), n_luton);
}

TEST_F(ChronologyPageTest, ASearchFindsTheEntriesWithItsWords) {
  const HttpReply r = get("/children/sofia/chronology?q=provided+Moses");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(shown(r.body), 1);  // every word, in any order
  EXPECT_NE(r.body.find("Moses basket and bedding provided"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"provided Moses\""), std::string::npos);  // kept in the box
  EXPECT_EQ(shown(get("/children/sofia/chronology?q=Moses+basket").body), 2);
  EXPECT_EQ(shown(get("/children/sofia/chronology?q=TEMPLE").body), 1);  // any case
  const HttpReply luton = get("/children/sofia/chronology?q=luton");     // any case
  EXPECT_GT(shown(luton.body), 3);
  const HttpReply none = get("/children/sofia/chronology?q=zebra");
  EXPECT_NE(none.body.find("No entries match."), std::string::npos);
  const HttpReply nasty = get("/children/sofia/chronology?q=%3Cscript%3E");
  EXPECT_EQ(nasty.body.find("<script>"), std::string::npos);
}

TEST_F(ChronologyPageTest, AFutureAppointmentIsPlannedNotHappened) {
  const HttpReply r = get("/children/sofia/chronology");
  const std::string planned = between(r.body, "id=\"planned\"", "</ol>");
  ASSERT_FALSE(planned.empty());
  EXPECT_NE(planned.find("Immunisation planned"), std::string::npos);
  EXPECT_NE(planned.find("15 April 2026"), std::string::npos);
  EXPECT_EQ(planned.find("attended"), std::string::npos);
  // Not among what happened, and not the newest entry.
  EXPECT_EQ(titles(r.body)[0], "Immunisation planned");  // the Planned list comes first
  EXPECT_EQ(titles(r.body)[1], "Death");
  EXPECT_EQ(r.body.find("Immunisation: attended"), std::string::npos);
  // As known at a date, what is dated after it is planned too (here nothing).
  const HttpReply then =
      get("/children/sofia/chronology?known-day=31&known-month=12&known-year=2012");
  EXPECT_EQ(then.body.find("id=\"planned\""), std::string::npos);
  // Once the day has come, it happened.
  advance(60LL * 86400);
  session_ = page_sign_in("alice");
  const HttpReply later = get("/children/sofia/chronology");
  EXPECT_EQ(later.body.find("id=\"planned\""), std::string::npos);
  EXPECT_NE(later.body.find("Immunisation: attended"), std::string::npos);
}

TEST_F(ChronologyPageTest, ContactsBeforeTheBirthAreAboutTheMotherNotAChildNotSeen) {
  const HttpReply r = get("/children/sofia/chronology?order=oldest&kind=contacts");
  ASSERT_EQ(r.status, 200);
  const auto t = titles(r.body);
  ASSERT_EQ(t.at(0), "Immunisation planned");
  // Midwives' clinic appointments in the pregnancy.
  EXPECT_EQ(t.at(1), "Antenatal appointment, attended");
  EXPECT_EQ(t.at(2), "Antenatal appointment, attended");
  // Housing's office contacts with the pregnant mother.
  EXPECT_EQ(t.at(3), "Office before the birth: mother seen");
  // Nothing before the birth (2 October 2012) says the child was not seen.
  const std::string before = r.body.substr(0, r.body.find("October 2012"));
  EXPECT_EQ(before.find("child not seen"), std::string::npos);
  // After the birth a home visit without the child still says so...
  EXPECT_NE(r.body.find("Home visit: child not seen"), std::string::npos);
  // ...but a call with the mother alone is not a failed attempt to see her.
  EXPECT_NE(r.body.find("Phone: mother only"), std::string::npos);
}

TEST_F(ChronologyPageTest, ThePageIsPaginatedAndStaysLight) {
  const HttpReply r = get("/children/sofia/chronology");
  ASSERT_EQ(r.status, 200);
  EXPECT_LT(r.body.size(), 100u * 1000u);
  EXPECT_EQ(metas(r.body).size(), 51u);  // 50 that happened, 1 planned
  EXPECT_NE(r.body.find("Showing 1 to 50 of 104 entries, newest first."), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.body, m, std::regex("rel=\"next\" href=\"([^\"]+)\"")));
  EXPECT_EQ(std::string(m[1]), "/children/sofia/chronology?page=2");
  const HttpReply two = get(m[1]);
  EXPECT_NE(two.body.find("Showing 51 to 100 of "), std::string::npos);
  EXPECT_NE(two.body.find("rel=\"prev\""), std::string::npos);
  // The filters go with the page.
  const HttpReply old = get("/children/sofia/chronology?order=oldest&q=a");
  ASSERT_TRUE(std::regex_search(old.body, m, std::regex("rel=\"next\" href=\"([^\"]+)\"")));
  EXPECT_EQ(std::string(m[1]), "/children/sofia/chronology?q=a&amp;order=oldest&amp;page=2");
}

TEST_F(ChronologyPageTest, TheChildPageShowsTheLatestTenAndLinksToTheRest) {
  const HttpReply r = get("/children/sofia");
  ASSERT_EQ(r.status, 200);
  EXPECT_LT(r.body.size(), 100u * 1000u);
  EXPECT_EQ(metas(r.body).size(), 11u);  // ten that happened, one planned
  EXPECT_EQ(titles(r.body)[1], "Death");
  const std::string all = get("/children/sofia/chronology").body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.body, m,
                                std::regex("href=\"/children/sofia/chronology\">Full chronology "
                                           "\\(([0-9]+) entries\\)</a>")));
  EXPECT_EQ(std::stoi(m[1]), shown(all) + 1);  // with the planned one
  // The summary comes before the chronology.
  EXPECT_LT(r.body.find("Last seen"), r.body.find("id=\"chronology\""));
  // An old link with the chronology's filters leads to its page.
  const HttpReply old = get("/children/sofia?agency=ealing-hv");
  EXPECT_EQ(old.status, 303);
  EXPECT_EQ(old.header("location"), "/children/sofia/chronology?agency=ealing-hv");
}

TEST_F(ChronologyPageTest, TheSameAccessRulesAsTheChildPage) {
  EXPECT_EQ(get("/children/sofia/chronology").status, 200);
  const std::string mine = session_;
  session_ = page_sign_in("lutonhv");
  if (session_.empty()) {
    accounts_->add("lutonhv", web::Role::kPractitioner, "luton-hv", kPassword, admin());
    session_ = page_sign_in("lutonhv");
  }
  const HttpReply r = get("/children/sofia/chronology");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("name=\"reason\""), std::string::npos);  // break the glass
  EXPECT_EQ(r.body.find("app-timeline"), std::string::npos);
  session_.clear();
  EXPECT_EQ(get("/children/sofia/chronology").status, 303);  // sign in first
  session_ = mine;
  const auto actions = audit_actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "child.chronology"), actions.end());
}

}  // namespace
}  // namespace sightline::testing
