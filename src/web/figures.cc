#include "web/figures.h"

#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/areas.h"
#include "core/date.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_sighting_store.h"
#include "web/stored_sightings.h"

namespace sightline::web {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr std::array<FigureDefinition, 8> kFigures = {{
    {"support-options-missed", "F1", "support-options-review",
     "Children whose family's support options were not reviewed in time",
     "children with a support-options-review alert raised", ""},
    {"prebirth-assessments-missed", "F2", "prebirth-assessment-required",
     "Unborn children whose pre-birth assessment was not started in time",
     "children with a prebirth-assessment-required alert raised", ""},
    {"gp-registrations-seen", "F3", "hv-new-registration",
     "GP registrations of under-5s seen by health visiting within 7 working days",
     "registrations where health visiting saw the child within 7 working days",
     "GP registrations of children under 5"},
    {"strategy-discussions-with-health", "F4", "strategy-discussion-incomplete",
     "Strategy discussions that included health", "strategy discussions with a health agency",
     "strategy discussions"},
    {"neglect-not-assessed", "F5, F6", "neglect-assessment-required",
     "Children whose neglect was not assessed as a whole in time",
     "children with a neglect-assessment-required or neglect-holistic-review alert raised", ""},
    {"transfers-understated", "F7", "handover-understated",
     "Transfers that understated what the sender knew",
     "transfers the safeguards found understated", "transfers"},
    {"children-not-seen", "F7, F8", "child-not-seen",
     "Children not seen for longer than their plan allows",
     "children with a child-not-seen alert raised", ""},
    {"hv-handovers-missing", "F8", "hv-handover-missing",
     "Moves without a health-visiting handover in time",
     "children with an hv-handover-missing alert raised", ""},
}};

constexpr std::array<std::string_view, 1> kSupportRules = {"support-options-review"};
constexpr std::array<std::string_view, 1> kPrebirthRules = {"prebirth-assessment-required"};
constexpr std::array<std::string_view, 2> kNeglectRules = {"neglect-assessment-required",
                                                           "neglect-holistic-review"};
constexpr std::array<std::string_view, 1> kNotSeenRules = {"child-not-seen"};
constexpr std::array<std::string_view, 1> kHandoverRules = {"hv-handover-missing"};

// The catalogue's health agencies (safeguards-v1, Terms).
constexpr const char* kHealthKinds =
    "('gp_practice', 'health_visiting', 'midwifery', 'hospital', 'paediatrics')";

// The child's area on a day: their latest address with a known area dated on
// or before it (the address's own date, not when it was recorded).
constexpr const char* kChildAreaSql =
    "SELECT area FROM p_addresses WHERE person = ?1 AND area IS NOT NULL AND area <> '' "
    "AND substr(at, 1, 10) <= ?2 ORDER BY at DESC, seq DESC LIMIT 1";
constexpr const char* kAgencyAreaSql = "SELECT area FROM p_agencies WHERE id = ?1";

// The child's date of birth: the latest recorded `dob`, else the birth.
constexpr const char* kDobSql =
    "SELECT day FROM (SELECT dob AS day, 0 AS pref, seq FROM p_person_details "
    "WHERE person = ?1 AND dob IS NOT NULL AND dob <> '' UNION ALL "
    "SELECT day, 1, seq FROM p_life_events WHERE person = ?1 AND what = 'born') "
    "ORDER BY pref, seq DESC LIMIT 1";

std::string month_of(const std::string& day) { return day.substr(0, 7); }

std::string area_name(const std::string& code) {
  const LocalAuthorityArea* area = find_area(code);
  return area != nullptr ? area->name : code;
}

}  // namespace

std::span<const FigureDefinition> figure_definitions() { return kFigures; }

const FigureDefinition* find_figure(std::string_view id) {
  for (const FigureDefinition& f : kFigures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::string percent_text(std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) return "";
  // Tenths of a percent, rounded half up, in integers so that every reader of
  // the figure (page, table, CSV) prints the same digits.
  const std::int64_t tenths = (numerator * 2000 + denominator) / (2 * denominator);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

FiguresView::FiguresView(const std::string& db_path, const Clock& clock,
                         const WorkingDayCalendar& calendar)
    : db_(std::make_unique<Connection>(db_path)), clock_(clock), calendar_(calendar) {
  db_->exec("PRAGMA journal_mode=WAL");
}

FiguresView::~FiguresView() = default;

std::vector<FigureRow> FiguresView::rows(std::string_view figure_id) {
  const FigureDefinition* figure = find_figure(figure_id);
  if (figure == nullptr) throw std::invalid_argument("no such figure: " + std::string(figure_id));
  std::lock_guard lock(mutex_);
  std::vector<Case> cases;
  if (figure_id == "gp-registrations-seen") {
    cases = registrations();
  } else if (figure_id == "strategy-discussions-with-health") {
    cases = strategy_discussions();
  } else if (figure_id == "transfers-understated") {
    cases = transfers();
  } else if (figure_id == "support-options-missed") {
    cases = alerts(kSupportRules);
  } else if (figure_id == "prebirth-assessments-missed") {
    cases = alerts(kPrebirthRules);
  } else if (figure_id == "neglect-not-assessed") {
    cases = alerts(kNeglectRules);
  } else if (figure_id == "children-not-seen") {
    cases = alerts(kNotSeenRules);
  } else {
    cases = alerts(kHandoverRules);
  }
  return group(cases, figure->share());
}

std::string FiguresView::agency_area(const std::string& agency) {
  std::lock_guard lock(mutex_);
  Statement row(*db_, kAgencyAreaSql);
  row.bind(1, agency);
  return row.step() ? row.column_text(0) : std::string();
}

// Denominator: each `registration` with a GP practice of a child under 5 on
// the day (a child whose birth is unknown is left out, as the safeguard
// leaves them out). Numerator: those the child was seen by a health-visiting
// agency on or before the 7th working day after the registration's day. A
// registration whose 7 working days have not ended by yesterday is still in
// time and is left out until they have. Fallback area: the GP practice's.
std::vector<FiguresView::Case> FiguresView::registrations() {
  const Date today = clock_.now().date;
  Statement list(*db_,
                 "SELECT substr(at, 1, 10), COALESCE(json_extract(json, '$.child'), "
                 "json_extract(json, '$.person')), json_extract(json, '$.agency') FROM events "
                 "WHERE type = 'registration' ORDER BY seq");
  Statement dob(*db_, kDobSql);
  sqlite::SqliteSightingStore stored_events(*db_);
  StoredSightings sightings(stored_events);
  Statement agency_kind(*db_, "SELECT kind FROM p_agencies WHERE id = ?1");
  std::map<Id, bool> is_hv;  // agency -> is health visiting
  const auto health_visiting = [&](const Id& agency) {
    auto it = is_hv.find(agency);
    if (it == is_hv.end()) {
      agency_kind.bind(1, agency);
      const bool hv = agency_kind.step() && agency_kind.column_text(0) == "health_visiting";
      agency_kind.reset();
      it = is_hv.emplace(agency, hv).first;
    }
    return it->second;
  };
  std::vector<Case> out;
  while (list.step()) {
    Case c{list.column_text(0), list.column_text(1), list.column_text(2), false};
    const auto day = Date::parse(c.day);
    if (!day) continue;
    dob.bind(1, c.child);
    const auto born = dob.step() ? Date::parse(dob.column_text(0).substr(0, 10)) : std::nullopt;
    dob.reset();
    if (!born || *born > *day || born->plus_months(60) <= *day) continue;
    const Date deadline = calendar_.add_working_days(*day, 7);
    if (deadline >= today) continue;
    // The first sighting by health visiting on or after the day (oldest first).
    for (const StoredSighting& s : sightings.of(c.child, std::int64_t{day->days()} * 86400)) {
      if (!health_visiting(s.by)) continue;
      const auto seen_on = Date::from_days(
          static_cast<std::int32_t>((s.at_s >= 0 ? s.at_s : s.at_s - 86399) / 86400));
      c.counted = seen_on <= deadline;
      break;
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Denominator: every `strategy_discussion`. Numerator: those where the
// convening agency or a participant is a health agency. Fallback area: the
// convening agency's.
std::vector<FiguresView::Case> FiguresView::strategy_discussions() {
  const std::string sql =
      std::string(
          "SELECT substr(e.at, 1, 10), json_extract(e.json, '$.child'), e.by, "
          "EXISTS (SELECT 1 FROM p_agencies g WHERE g.id = e.by AND g.kind IN ") +
      kHealthKinds +
      ") OR EXISTS (SELECT 1 FROM json_each(e.json, '$.participants') p JOIN p_agencies g ON "
      "g.id = p.value WHERE g.kind IN " +
      kHealthKinds + ") FROM events e WHERE e.type = 'strategy_discussion' ORDER BY e.seq";
  Statement list(*db_, sql.c_str());
  std::vector<Case> out;
  while (list.step()) {
    out.push_back(
        {list.column_text(0), list.column_text(1), list.column_text(2), list.column_int(3) != 0});
  }
  return out;
}

// Denominator: every `transfer`. Numerator: those the safeguards found
// understated: a handover-understated alert about the child, owned by the
// sender, raised on the day the transfer was recorded (the fault is raised
// at once). Fallback area: the sender's.
std::vector<FiguresView::Case> FiguresView::transfers() {
  Statement list(
      *db_,
      "SELECT substr(e.at, 1, 10), json_extract(e.json, '$.child'), json_extract(e.json, "
      "'$.from'), EXISTS (SELECT 1 FROM alerts a WHERE a.child = json_extract(e.json, "
      "'$.child') AND a.owner = json_extract(e.json, '$.from') AND a.rule = "
      "'handover-understated' AND a.raised = substr(e.recorded, 1, 10)) FROM events e "
      "WHERE e.type = 'transfer' ORDER BY e.seq");
  std::vector<Case> out;
  while (list.step()) {
    out.push_back(
        {list.column_text(0), list.column_text(1), list.column_text(2), list.column_int(3) != 0});
  }
  return out;
}

// Every alert of the rules, dated the day it was raised. Fallback area: the
// owner's (an unowned `KIND:AREA` names it).
std::vector<FiguresView::Case> FiguresView::alerts(std::span<const std::string_view> rules) {
  Statement list(*db_, "SELECT raised, child, owner FROM alerts WHERE rule = ?1 ORDER BY key");
  std::vector<Case> out;
  for (std::string_view rule : rules) {
    list.bind(1, rule);
    while (list.step()) {
      out.push_back({list.column_text(0), list.column_text(1), list.column_text(2), true});
    }
    list.reset();
  }
  return out;
}

std::vector<FigureRow> FiguresView::group(const std::vector<Case>& cases, bool share) {
  Statement child_area(*db_, kChildAreaSql);
  Statement agency_area(*db_, kAgencyAreaSql);
  std::map<std::string, std::string> agency_areas;  // the few agencies, looked up once each
  using Key = std::pair<std::string, std::string>;  // area, month
  std::map<Key, std::pair<std::int64_t, std::int64_t>> counts;
  std::set<std::tuple<std::string, std::string, std::string>> children;  // area, month, child
  // A case dated after today (a feed may carry appointments and plans ahead)
  // has not happened yet.
  const std::string today = clock_.now().date.to_string();
  for (const Case& c : cases) {
    if (c.day.size() < 10 || c.day > today) continue;
    std::string area;
    if (!c.child.empty()) {
      child_area.bind(1, c.child).bind(2, c.day);
      if (child_area.step()) area = child_area.column_text(0);
      child_area.reset();
    }
    if (area.empty()) {
      auto [it, fresh] = agency_areas.try_emplace(c.agency);
      if (fresh) {
        agency_area.bind(1, c.agency);
        if (agency_area.step()) it->second = agency_area.column_text(0);
        agency_area.reset();
        const auto colon = c.agency.find(':');
        if (it->second.empty() && colon != std::string::npos) {
          it->second = c.agency.substr(colon + 1);
        }
      }
      area = it->second;
    }
    if (area.empty()) continue;
    const Key key{area, month_of(c.day)};
    if (share) {
      auto& [numerator, denominator] = counts[key];
      ++denominator;
      if (c.counted) ++numerator;
    } else if (children.emplace(key.first, key.second, c.child).second) {
      ++counts[key].first;
    }
  }
  std::vector<FigureRow> out;
  out.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    out.push_back({key.first, area_name(key.first), key.second, n.first, share ? n.second : 0});
  }
  return out;
}

}  // namespace sightline::web
