// The partnership dashboard's figures: for each finding of the review
// (F1-F8) that a safeguard guards, a figure per local-authority area and
// calendar month, computed from the store (events and the safeguards'
// alerts). Aggregates only: nothing here names a child.
//
// Two kinds of figure:
// - a share: of the cases in the month (the denominator), how many went as
//   they should (the numerator), e.g. GP registrations of under-5s seen by
//   health visiting within 7 working days;
// - a count: how many distinct children the safeguards raised an alert of
//   the figure's rules about in the month (no denominator).
//
// The area rule (docs/dashboard.md): a case counts in the child's area on the
// day (the area of their latest address with a known area dated on or before
// that day), else in the area of the agency the figure names for the case (the
// GP practice, the convening agency, the sender, the alert's owner; an unowned
// alert `KIND:AREA` names its area). A case with neither is left out, and so
// is a case dated after today. The month is the calendar month of that day.
//
// What counts is the catalogue's terms' to say (chronology/: seen, age, the
// child's address on a day); the store only hands over the events
// (store/figures_store.h). gp-registrations-seen takes its working days and
// its age from hv-new-registration's per-area configuration, by the GP
// practice's area, as the safeguard does.
//
// Thread-safe: the store is used under a mutex. Each call reads the store
// afresh; nothing is cached. A figure is a few reads of the store, however
// many cases (its cases, then what they are measured against for every child
// at once, grouped by child), and is then measured in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/working_days.h"
#include "store/figures_store.h"

namespace sightline::web {

struct FigureDefinition {
  std::string_view id;       // stable: "gp-registrations-seen", used in routes and CSV names
  std::string_view finding;  // the review finding it guards, "F3"
  std::string_view rule;     // the safeguard that guards it (the first, when several)
  std::string_view title;    // the figure in plain English
  std::string_view counted;  // what the numerator counts
  std::string_view of;       // what the denominator counts; empty for a count figure
  bool share() const { return !of.empty(); }
};

// Every figure, in the findings' order.
std::span<const FigureDefinition> figure_definitions();
// The figure with this id, or nullptr.
const FigureDefinition* find_figure(std::string_view id);

// One area and month of a figure. `denominator` is 0 for a count figure.
struct FigureRow {
  std::string area;       // GSS code
  std::string area_name;  // the name from the areas table, else the code
  std::string month;      // YYYY-MM
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  friend bool operator==(const FigureRow&, const FigureRow&) = default;
};

// "66.7" for 2 of 3 (one decimal, rounded half up); "" when `denominator` is 0.
std::string percent_text(std::int64_t numerator, std::int64_t denominator);

// hv-new-registration's numbers for an area (safeguards configuration,
// docs/safeguards-config.md): the health-visiting agency sees the child within
// `working_days`; the rule is about children younger than `max_age_years`.
struct RegistrationTerms {
  int working_days = 7;
  int max_age_years = 5;
};
// The terms for an area (GSS code; "" when the practice's area is unknown).
using RegistrationTermsOfArea = std::function<RegistrationTerms(std::string_view area)>;

class FiguresView {
 public:
  // `clock` decides which cases are still within their time (see
  // gp-registrations-seen); `calendar` counts working days; `terms` gives
  // hv-new-registration's numbers per area (the catalogue's defaults when
  // empty). `store` must outlive the view.
  FiguresView(FiguresStore& store, const Clock& clock,
              const WorkingDayCalendar& calendar = WorkingDayCalendar::england_and_wales(),
              RegistrationTermsOfArea terms = {});
  ~FiguresView();
  FiguresView(const FiguresView&) = delete;
  FiguresView& operator=(const FiguresView&) = delete;

  // The figure's rows with anything to count, ordered by area, then month.
  // Throws std::invalid_argument for an unknown figure.
  std::vector<FigureRow> rows(std::string_view figure_id);
  // The area of an agency (reference data), or "" when unknown.
  std::string agency_area(const std::string& agency);

 private:
  struct Case {
    std::string day;  // YYYY-MM-DD
    std::string child;
    std::string agency;  // the fallback for the area
    bool counted = false;
  };
  std::vector<Case> registrations();
  std::vector<Case> strategy_discussions();
  std::vector<Case> transfers();
  std::vector<Case> alerts(std::span<const std::string_view> rules);
  // Each case placed in its area and month; for a count figure, distinct
  // children (a child counts once per area and month however many alerts).
  std::vector<FigureRow> group(const std::vector<Case>& cases, bool share);
  // Reference data, read once per call.
  const std::optional<AgencyView>& agency(const Id& id);

  FiguresStore& store_;
  const Clock& clock_;
  const WorkingDayCalendar& calendar_;
  RegistrationTermsOfArea terms_;
  std::map<Id, std::optional<AgencyView>, std::less<>> agencies_;  // within one call
  std::mutex mutex_;
};

}  // namespace sightline::web
