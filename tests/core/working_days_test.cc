#include "core/working_days.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace sightline {
namespace {

Date D(std::string_view text) {
  const auto d = Date::parse(text);
  if (!d) throw std::invalid_argument("bad date in test: " + std::string(text));
  return *d;
}

std::string read_test_file(const std::string& relative) {
  const std::string path = std::string(SIGHTLINE_SOURCE_DIR) + "/tests/data/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const WorkingDayCalendar& ew() { return WorkingDayCalendar::england_and_wales(); }

// GOV.UK writes apostrophes as U+2019; the calendar uses ASCII.
std::string ascii_apostrophes(std::string s) {
  const std::string curly = "\xE2\x80\x99";
  for (auto pos = s.find(curly); pos != std::string::npos; pos = s.find(curly, pos)) {
    s.replace(pos, curly.size(), "'");
  }
  return s;
}

// The golden table: date -> the name the calendar should give it.
std::map<Date, std::string> golden_csv() {
  std::map<Date, std::string> out;
  std::istringstream in(
      read_test_file("bank-holidays/england_and_wales_bank_holidays_2011_2028.csv"));
  std::string line;
  std::getline(in, line);  // header: date,weekday,title,notes,kind,source
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
    if (fields.size() < 5) throw std::runtime_error("short golden row: " + line);
    std::string name = ascii_apostrophes(fields[2]);
    if (fields[4] == "substitute") name += " (substitute day)";
    out.emplace(D(fields[0]), name);
  }
  return out;
}

// The dates of the england-and-wales division of bank-holidays.json. A small
// scan rather than a JSON library: the division is the object after its key,
// and within it every event has a "date": "YYYY-MM-DD" member.
std::vector<Date> govuk_json_dates() {
  const std::string text = read_test_file("bank-holidays/bank-holidays.json");
  const std::size_t key = text.find("\"england-and-wales\"");
  if (key == std::string::npos) throw std::runtime_error("no england-and-wales division");
  std::size_t pos = text.find('{', key);
  const std::size_t begin = pos;
  int depth = 0;
  bool in_string = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (in_string) {
      if (c == '\\')
        ++pos;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      break;
    }
  }
  const std::string division = text.substr(begin, pos - begin);
  std::vector<Date> out;
  const std::string member = "\"date\": \"";
  for (auto at = division.find(member); at != std::string::npos;
       at = division.find(member, at + 1)) {
    out.push_back(D(std::string_view(division).substr(at + member.size(), 10)));
  }
  return out;
}

TEST(WorkingDayCalendar, GoldenTable2011To2028) {
  const auto golden = golden_csv();
  ASSERT_EQ(golden.size(), 149u);
  for (Date d = D("2011-01-01"); d <= D("2028-12-31"); d = d.plus_days(1)) {
    const bool weekend = d.iso_weekday() >= 6;
    const bool holiday = golden.count(d) > 0;
    EXPECT_EQ(ew().is_bank_holiday(d), holiday) << d.to_string();
    EXPECT_EQ(ew().is_working_day(d), !weekend && !holiday) << d.to_string();
  }
  for (int year = 2011; year <= 2028; ++year) {
    std::vector<std::pair<Date, std::string>> expected;
    for (const auto& [date, name] : golden) {
      if (date.year() == year) expected.emplace_back(date, name);
    }
    std::vector<std::pair<Date, std::string>> actual;
    for (const auto& h : ew().bank_holidays(year)) actual.emplace_back(h.date, h.name);
    EXPECT_EQ(actual, expected) << year;
  }
}

TEST(WorkingDayCalendar, GovukFeedEnglandAndWales) {
  const auto dates = govuk_json_dates();
  ASSERT_EQ(dates.size(), 140u);
  const std::set<Date> feed(dates.begin(), dates.end());
  ASSERT_EQ(*feed.begin(), D("2012-01-02"));
  ASSERT_EQ(*feed.rbegin(), D("2028-12-26"));
  for (Date d = D("2012-01-01"); d <= D("2028-12-31"); d = d.plus_days(1)) {
    const bool weekday = d.iso_weekday() <= 5;
    EXPECT_EQ(ew().is_bank_holiday(d), feed.count(d) > 0) << d.to_string();
    EXPECT_EQ(ew().is_working_day(d), weekday && feed.count(d) == 0) << d.to_string();
  }
}

// Where 25 December and 1 January fall decides the substitute days.
TEST(WorkingDayCalendar, ChristmasAndNewYearSubstitutes) {
  const struct {
    int year;
    std::vector<const char*> holidays;  // 20 Dec .. 5 Jan of the next year
  } cases[] = {
      {2010, {"2010-12-27", "2010-12-28", "2011-01-03"}},  // Sat, Sat
      {2015, {"2015-12-25", "2015-12-28", "2016-01-01"}},  // Fri
      {2016, {"2016-12-26", "2016-12-27", "2017-01-02"}},  // Sun, Sun
      {2019, {"2019-12-25", "2019-12-26", "2020-01-01"}},  // Wed
      {2021, {"2021-12-27", "2021-12-28", "2022-01-03"}},  // Sat, Sat
      {2022, {"2022-12-26", "2022-12-27", "2023-01-02"}},  // Sun, Sun
      {2033, {"2033-12-26", "2033-12-27", "2034-01-02"}},  // Sun, Sun
      {2032, {"2032-12-27", "2032-12-28", "2033-01-03"}},  // Sat, Sat
  };
  for (const auto& c : cases) {
    std::vector<std::string> actual;
    for (Date d = *Date::from_ymd(c.year, 12, 20); d <= *Date::from_ymd(c.year + 1, 1, 5);
         d = d.plus_days(1)) {
      if (ew().is_bank_holiday(d)) actual.push_back(d.to_string());
    }
    EXPECT_EQ(actual, std::vector<std::string>(c.holidays.begin(), c.holidays.end())) << c.year;
  }
  const auto names = ew().bank_holidays(2022);
  ASSERT_EQ(names.size(), 10u);
  EXPECT_EQ(names[8].date, D("2022-12-26"));
  EXPECT_EQ(names[8].name, "Boxing Day");
  EXPECT_EQ(names[9].date, D("2022-12-27"));
  EXPECT_EQ(names[9].name, "Christmas Day (substitute day)");
}

// The one-off and moved days from the data file, 2000-2035 and before.
TEST(WorkingDayCalendar, ProclaimedDays) {
  const struct {
    const char* date;
    bool bank_holiday;
  } cases[] = {
      {"1981-07-29", true},  {"1995-05-01", false}, {"1995-05-08", true},  {"1999-12-31", true},
      {"2000-01-03", true},  {"2002-05-27", false}, {"2002-06-03", true},  {"2002-06-04", true},
      {"2011-04-29", true},  {"2012-05-28", false}, {"2012-06-04", true},  {"2012-06-05", true},
      {"2020-05-04", false}, {"2020-05-08", true},  {"2022-05-30", false}, {"2022-06-02", true},
      {"2022-06-03", true},  {"2022-09-19", true},  {"2023-05-08", true},  {"2023-05-01", true},
      {"2035-05-28", true},  {"2035-03-23", true},  {"2035-03-26", true},  {"2035-05-07", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ew().is_bank_holiday(D(c.date)), c.bank_holiday) << c.date;
    EXPECT_EQ(ew().is_working_day(D(c.date)), !c.bank_holiday) << c.date;
  }
}

// Easter across the computus' awkward years (earliest and latest Easters).
TEST(WorkingDayCalendar, GoodFridayAndEasterMonday) {
  const struct {
    int year;
    const char* good_friday;
    const char* easter_monday;
  } cases[] = {
      {2000, "2000-04-21", "2000-04-24"}, {2008, "2008-03-21", "2008-03-24"},
      {2011, "2011-04-22", "2011-04-25"}, {2019, "2019-04-19", "2019-04-22"},
      {2024, "2024-03-29", "2024-04-01"}, {2038, "2038-04-23", "2038-04-26"},
      {2285, "2285-03-20", "2285-03-23"},
  };
  for (const auto& c : cases) {
    const auto holidays = ew().bank_holidays(c.year);
    ASSERT_GE(holidays.size(), 3u);
    EXPECT_EQ(holidays[1].date, D(c.good_friday)) << c.year;
    EXPECT_EQ(holidays[1].name, "Good Friday");
    EXPECT_EQ(holidays[2].date, D(c.easter_monday)) << c.year;
    EXPECT_EQ(holidays[2].name, "Easter Monday");
  }
}

TEST(WorkingDayCalendar, AddWorkingDays) {
  const struct {
    const char* from;
    int n;
    const char* expected;
  } cases[] = {
      {"2024-03-04", 0, "2024-03-04"},  // n = 0 is the day itself
      {"2024-03-09", 0, "2024-03-09"},  // even at a weekend
      {"2024-03-01", 1, "2024-03-04"},  // Friday + 1 = Monday
      {"2024-03-02", 1, "2024-03-04"},  // Saturday + 1 = Monday
      {"2024-03-03", 1, "2024-03-04"},  // Sunday + 1 = Monday
      {"2024-03-04", 1, "2024-03-05"},  // never counts the start day
      {"2024-03-04", 5, "2024-03-11"},
      {"2024-03-28", 1, "2024-04-02"},  // over Easter 2024
      {"2024-03-27", 2, "2024-04-02"},
      {"2024-12-02", 20, "2025-01-02"},  // Christmas and New Year 2024
      {"2010-12-24", 1, "2010-12-29"},   // Christmas on Saturday: 27 and 28 off
      {"2010-12-24", 3, "2010-12-31"},
      {"2010-12-24", 4, "2011-01-04"},  // 1 January on Saturday: 3 January off
      {"2016-12-23", 1, "2016-12-28"},  // Christmas on Sunday: 26 and 27 off
      {"2016-12-23", 4, "2017-01-03"},
      {"2021-12-24", 1, "2021-12-29"},
      {"2021-12-24", 4, "2022-01-04"},
      {"2022-12-23", 1, "2022-12-28"},
      {"2022-12-23", 4, "2023-01-03"},
      {"2012-05-25", 1, "2012-05-28"},  // 2012 spring bank holiday moved away ...
      {"2012-06-01", 1, "2012-06-06"},  // ... to 4 June, with the jubilee on 5 June
      {"2020-05-01", 1, "2020-05-04"},
      {"2020-05-07", 1, "2020-05-11"},
      {"2022-06-01", 1, "2022-06-06"},
      {"2022-09-16", 1, "2022-09-20"},
      {"2023-04-28", 1, "2023-05-02"},
      {"2023-05-05", 1, "2023-05-09"},
      {"1999-12-30", 1, "2000-01-04"},  // millennium Friday, then 3 January
      {"2002-05-31", 1, "2002-06-05"},
      {"2024-01-02", 45, "2024-03-05"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ew().add_working_days(D(c.from), c.n), D(c.expected)) << c.from << " + " << c.n;
  }
}

TEST(WorkingDayCalendar, AddWorkingDaysRejectsNegative) {
  EXPECT_THROW(ew().add_working_days(D("2024-03-04"), -1), std::invalid_argument);
}

TEST(WorkingDayCalendar, WorkingDaysBetween) {
  const struct {
    const char* from;
    const char* to;
    int expected;
  } cases[] = {
      {"2024-03-04", "2024-03-04", 0},   {"2024-03-05", "2024-03-04", 0},
      {"2024-03-01", "2024-03-04", 1},   {"2024-03-01", "2024-03-03", 0},
      {"2024-03-04", "2024-03-11", 5},   {"2024-03-28", "2024-04-02", 1},
      {"2022-12-23", "2023-01-03", 4},   {"2012-06-01", "2012-06-06", 1},
      {"2024-01-01", "2024-12-31", 254}, {"2024-12-31", "2025-12-31", 253},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ew().working_days_between(D(c.from), D(c.to)), c.expected) << c.from << " " << c.to;
  }
}

// add_working_days and working_days_between are inverses.
TEST(WorkingDayCalendar, AddAndBetweenAgree) {
  for (Date from = D("2010-01-01"); from <= D("2030-12-31"); from = from.plus_days(1)) {
    for (int n = 0; n <= 60; n += 7) {
      const Date due = ew().add_working_days(from, n);
      ASSERT_EQ(ew().working_days_between(from, due), n) << from.to_string() << " + " << n;
      ASSERT_TRUE(n == 0 || ew().is_working_day(due)) << due.to_string();
    }
  }
}

// The definitions, by walking one day at a time, over a span much wider than
// any cache: every answer must be the same inside and outside it.
TEST(WorkingDayCalendar, AgreesWithDayByDayWalk) {
  for (Date from = D("1900-01-01"); from <= D("2200-12-31"); from = from.plus_days(37)) {
    // is_working_day agrees with the list of bank holidays.
    bool listed = false;
    for (const auto& h : ew().bank_holidays(from.year())) listed = listed || h.date == from;
    ASSERT_EQ(ew().is_bank_holiday(from), listed) << from.to_string();
    ASSERT_EQ(ew().is_working_day(from), from.iso_weekday() <= 5 && !listed) << from.to_string();

    int working = 0;
    for (Date d = from.plus_days(1); d <= from.plus_days(100); d = d.plus_days(1)) {
      if (ew().is_working_day(d)) {
        ++working;
        ASSERT_EQ(ew().add_working_days(from, working), d) << from.to_string() << " + " << working;
      }
      ASSERT_EQ(ew().working_days_between(from, d), working)
          << from.to_string() << " " << d.to_string();
    }
  }
  EXPECT_EQ(ew().working_days_between(D("1900-01-01"), D("2200-01-01")),
            ew().working_days_between(D("1900-01-01"), D("2000-01-01")) +
                ew().working_days_between(D("2000-01-01"), D("2200-01-01")));
}

TEST(WorkingDayCalendar, RulesAloneWithoutExceptions) {
  const auto rules = WorkingDayCalendar::from_exceptions_csv("date,action,name,replaces\n");
  EXPECT_TRUE(rules.is_bank_holiday(D("2012-05-28")));
  EXPECT_FALSE(rules.is_bank_holiday(D("2012-06-04")));
  EXPECT_FALSE(rules.is_bank_holiday(D("2012-06-05")));
  EXPECT_EQ(rules.bank_holidays(2012).size(), 8u);
  EXPECT_EQ(rules.add_working_days(D("2012-06-01"), 1), D("2012-06-04"));
}

TEST(WorkingDayCalendar, ExceptionsTableForm) {
  const auto calendar = WorkingDayCalendar::from_exceptions_csv(
      "# comment\r\n"
      "date,action,name,replaces\r\n"
      "\r\n"
      "2031-06-06,add,\"Day off, with a comma\",\r\n"
      "2031-05-30,move,Spring bank holiday,2031-05-26\r\n");
  EXPECT_TRUE(calendar.is_bank_holiday(D("2031-06-06")));
  EXPECT_TRUE(calendar.is_bank_holiday(D("2031-05-30")));
  EXPECT_FALSE(calendar.is_bank_holiday(D("2031-05-26")));
  const auto holidays = calendar.bank_holidays(2031);
  ASSERT_EQ(holidays.size(), 9u);
  EXPECT_EQ(holidays[4].date, D("2031-05-30"));
  EXPECT_EQ(holidays[5].name, "Day off, with a comma");
}

TEST(WorkingDayCalendar, MalformedExceptionsNameTheLine) {
  const std::string header = "date,action,name,replaces\n";
  const struct {
    std::string csv;
    const char* expected;  // a part of the message
  } cases[] = {
      {"", "line 1: the header line"},
      {"# only a comment\n", "line 1: the header line"},
      {"date,action,name\n", "line 1: expected the header line"},
      {"# c\n" + header + "2012-06-05,add,Jubilee\n", "line 3: expected 4 fields"},
      {header + "2013-02-30,add,X,\n", "line 2: date '2013-02-30' is not a valid"},
      {header + "5 June 2012,add,X,\n", "line 2: date '5 June 2012'"},
      {header + "2012-06-09,add,X,\n", "line 2: 2012-06-09 is a Saturday"},
      {header + "2012-06-05,shift,X,\n", "line 2: action 'shift'"},
      {header + "2012-06-05,add,,\n", "line 2: the name is empty"},
      {header + "2012-06-05,add,X,2012-05-28\n", "line 2: replaces must be empty"},
      {header + "2012-06-04,move,X,\n", "line 2: replaces '' is not a valid"},
      {header + "2012-06-04,move,X,2012-05-29\n", "line 2: replaces 2012-05-29, which is not"},
      {header + "2012-12-25,add,X,\n", "line 2: 2012-12-25 is already a regular"},
      {header + "2012-06-05,add,X,\n2012-06-05,add,Y,\n",
       "line 3: 2012-06-05 is already listed on line 2"},
      {header + "2012-06-04,move,X,2012-05-28\n2012-06-06,move,Y,2012-05-28\n",
       "line 3: the bank holiday of 2012-05-28 is already moved on line 2"},
      {header + "2012-06-05,add,\"X,\n", "line 2: malformed quoted field"},
      {header + "2012-06-05,add,X\"Y,\n", "line 2: malformed quoted field"},
  };
  for (const auto& c : cases) {
    try {
      WorkingDayCalendar::from_exceptions_csv(c.csv);
      ADD_FAILURE() << "accepted: " << c.csv;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos)
          << "message: " << e.what() << "\nexpected: " << c.expected;
    }
  }
}

}  // namespace
}  // namespace sightline
