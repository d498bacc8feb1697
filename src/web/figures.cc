#include "web/figures.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "chronology/age.h"
#include "chronology/child_area.h"
#include "chronology/child_context.h"
#include "chronology/sightings.h"
#include "core/areas.h"
#include "core/date.h"

namespace sightline::web {
namespace {

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

// The events that may show a registered child seen, and those they may need
// (the transfer an acceptance answers), with the child's date of birth.
constexpr std::array<EventType, 8> kRegistrationFacts = {
    EventType::kPerson,  EventType::kBirth, EventType::kContact,  EventType::kAppointment,
    EventType::kMedical, EventType::kFound, EventType::kTransfer, EventType::kTransferAccepted};
constexpr std::array<EventType, 1> kAddresses = {EventType::kAddress};

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

FiguresView::FiguresView(FiguresStore& store, const Clock& clock,
                         const WorkingDayCalendar& calendar, RegistrationTermsOfArea terms)
    : store_(store), clock_(clock), calendar_(calendar), terms_(std::move(terms)) {
  if (!terms_) terms_ = [](std::string_view) { return RegistrationTerms{}; };
}

FiguresView::~FiguresView() = default;

const std::optional<AgencyView>& FiguresView::agency(const Id& id) {
  auto it = agencies_.find(id);
  if (it == agencies_.end()) it = agencies_.emplace(id, store_.agency(id)).first;
  return it->second;
}

std::vector<FigureRow> FiguresView::rows(std::string_view figure_id) {
  const FigureDefinition* figure = find_figure(figure_id);
  if (figure == nullptr) throw std::invalid_argument("no such figure: " + std::string(figure_id));
  std::lock_guard lock(mutex_);
  agencies_.clear();
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

std::string FiguresView::agency_area(const std::string& id) {
  std::lock_guard lock(mutex_);
  const auto found = store_.agency(id);
  return found ? found->area : std::string();
}

// Denominator: each `registration` of a child younger than the area's age on
// the day (chronology/age.h; a child whose birth is unknown is left out, as
// the safeguard leaves them out). Numerator: those where a health-visiting
// agency saw the child (chronology/sightings.h) on or before the area's Nth
// working day after the registration's day. A registration whose working days
// have not ended by yesterday is still in time and is left out until they
// have. The area's numbers are hv-new-registration's, by the GP practice's
// area. Fallback area: the GP practice's.
std::vector<FiguresView::Case> FiguresView::registrations() {
  const Date today = clock_.now().date;
  std::vector<Case> out;
  const std::vector<Event> registered = store_.events_of_type(EventType::kRegistration);
  if (registered.empty()) return out;
  // What each registered child's registrations are measured against, read at once.
  std::vector<Id> children;
  for (const Event& e : registered) children.push_back(e.as<RegistrationEvent>().child);
  std::sort(children.begin(), children.end());
  children.erase(std::unique(children.begin(), children.end()), children.end());
  const auto facts = store_.events_about_each(children, kRegistrationFacts);
  const std::vector<Event> none;
  for (const Event& e : registered) {
    const auto& b = e.as<RegistrationEvent>();
    Case c{e.at.date.to_string(), b.child, b.agency, false};
    const Date day = e.at.date;
    const auto& practice = agency(b.agency);
    const RegistrationTerms terms = terms_(practice ? practice->area : std::string());
    const auto facts_of_child = facts.find(b.child);
    const std::vector<Event>& about = facts_of_child == facts.end() ? none : facts_of_child->second;
    const auto born = date_of_birth(about, b.child);
    if (!born || !younger_than(*born, day, terms.max_age_years)) continue;
    const Date deadline = calendar_.add_working_days(day, terms.working_days);
    if (deadline >= today) continue;
    // The first sighting by health visiting on or after the day.
    std::vector<const Event*> since;
    for (const Event& a : about) {
      if (a.at.date >= day) since.push_back(&a);
    }
    std::stable_sort(since.begin(), since.end(), [](const Event* x, const Event* y) {
      return x->at.instant() < y->at.instant();
    });
    const ChildChronologyContext known(about, b.child);
    std::vector<Sighting> seen;
    bool found = false;
    for (const Event* a : since) {
      seen.clear();
      append_sightings(*a, known, seen);
      for (const Sighting& s : seen) {
        const auto& by = agency(Id(s.by));
        if (s.child != b.child || !by || by->kind != AgencyKind::kHealthVisiting) continue;
        c.counted = a->at.date <= deadline;
        found = true;
        break;
      }
      if (found) break;
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Denominator: every `strategy_discussion`. Numerator: those where the
// convening agency or a participant is a health agency (catalogue Terms).
// Fallback area: the convening agency's.
std::vector<FiguresView::Case> FiguresView::strategy_discussions() {
  const auto health = [&](const Id& id) {
    const auto& a = agency(id);
    return a && is_health_agency(a->kind);
  };
  std::vector<Case> out;
  for (const Event& e : store_.events_of_type(EventType::kStrategyDiscussion)) {
    const auto& b = e.as<StrategyDiscussionEvent>();
    const bool with_health =
        health(e.by) || std::any_of(b.participants.begin(), b.participants.end(), health);
    out.push_back({e.at.date.to_string(), b.child, e.by, with_health});
  }
  return out;
}

// Denominator: every `transfer`. Numerator: those the safeguards found
// understated: a handover-understated alert about the child, owned by the
// sender, raised on the day the transfer was recorded (the fault is raised
// at once). Fallback area: the sender's.
std::vector<FiguresView::Case> FiguresView::transfers() {
  std::set<std::tuple<std::string, std::string, std::string>> understated;  // child, owner, day
  for (const FigureAlert& a : store_.alerts_of_rule("handover-understated")) {
    understated.emplace(a.child, a.owner, a.raised);
  }
  std::vector<Case> out;
  for (const Event& e : store_.events_of_type(EventType::kTransfer)) {
    const auto& b = e.as<TransferEvent>();
    out.push_back({e.at.date.to_string(), b.child, b.from,
                   understated.contains({b.child, b.from, e.recorded.date.to_string()})});
  }
  return out;
}

// Every alert of the rules, dated the day it was raised. Fallback area: the
// owner's (an unowned `KIND:AREA` names it).
std::vector<FiguresView::Case> FiguresView::alerts(std::span<const std::string_view> rules) {
  std::vector<Case> out;
  for (std::string_view rule : rules) {
    for (FigureAlert& a : store_.alerts_of_rule(rule)) {
      out.push_back({std::move(a.raised), std::move(a.child), std::move(a.owner), true});
    }
  }
  return out;
}

std::vector<FigureRow> FiguresView::group(const std::vector<Case>& cases, bool share) {
  std::map<std::string, std::string> agency_areas;  // the few agencies, looked up once each
  // The addresses of every child with a case, read at once.
  std::vector<Id> children_of_cases;
  for (const Case& c : cases) {
    if (!c.child.empty()) children_of_cases.push_back(c.child);
  }
  std::sort(children_of_cases.begin(), children_of_cases.end());
  children_of_cases.erase(std::unique(children_of_cases.begin(), children_of_cases.end()),
                          children_of_cases.end());
  const auto addresses = store_.events_about_each(children_of_cases, kAddresses);
  const std::vector<Event> no_addresses;
  using Key = std::pair<std::string, std::string>;  // area, month
  std::map<Key, std::pair<std::int64_t, std::int64_t>> counts;
  std::set<std::tuple<std::string, std::string, std::string>> children;  // area, month, child
  // A case dated after today (a feed may carry appointments and plans ahead)
  // has not happened yet.
  const std::string today = clock_.now().date.to_string();
  for (const Case& c : cases) {
    if (c.day.size() < 10 || c.day > today) continue;
    const auto day = Date::parse(c.day.substr(0, 10));
    if (!day) continue;
    std::string area;
    if (!c.child.empty()) {
      const auto it = addresses.find(c.child);
      area = address_area_on(it == addresses.end() ? no_addresses : it->second, c.child, *day);
    }
    if (area.empty()) {
      auto [it, fresh] = agency_areas.try_emplace(c.agency);
      if (fresh) {
        if (const auto& a = agency(c.agency)) it->second = a->area;
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
