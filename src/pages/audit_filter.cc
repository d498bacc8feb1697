#include "pages/audit_filter.h"

#include <charconv>

#include "core/clock.h"

namespace sightline::pages {
namespace {

struct KindOfAction {
  std::string_view action;
  std::string_view kind;
};

// Every audit action about a child (web/: children_api, access, alerts,
// transfers, notices), by the kind of thing done.
constexpr KindOfAction kActions[] = {
    {"child.read", "viewed"},
    {"child.chronology", "viewed"},
    {"child.alerts_read", "viewed"},
    {"child.transfers_read", "viewed"},
    {"child.notices_read", "viewed"},
    {"child.audit_read", "viewed"},
    {"child.found_in_search", "searched"},
    {"child.break_glass", "break-glass"},
    {"child.refused", "refused"},
    {"child.relationship_claimed", "recorded"},
    {"alert.acknowledged", "recorded"},
};

std::optional<int> number(const std::string& text) {
  int n = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || p != end) return std::nullopt;
  return n;
}

// The day typed into the three fields named NAME-day/-month/-year; nullopt
// when all are empty or (with an error added) when it is not a real date.
std::optional<Date> read_day(const web::Request& request, const std::string& name,
                             const std::string& what, std::string& day, std::string& month,
                             std::string& year, std::vector<ErrorItem>& errors) {
  day = request.query_param(name + "-day").value_or("");
  month = request.query_param(name + "-month").value_or("");
  year = request.query_param(name + "-year").value_or("");
  if (day.empty() && month.empty() && year.empty()) return std::nullopt;
  const auto d = number(day), m = number(month), y = number(year);
  std::optional<Date> date;
  if (d && m && y && *y >= 1900) date = Date::from_ymd(*y, *m, *d);
  if (!date) {
    errors.push_back(
        {"#" + name + "-day", "The date " + what + " must be a real date, like 27 3 2026"});
  }
  return date;
}

}  // namespace

const std::vector<AuditActionKind>& audit_action_kinds() {
  static const std::vector<AuditActionKind> kinds = {
      {"viewed", "Viewed the record"},    {"searched", "Found it in a search"},
      {"break-glass", "Broke the glass"}, {"recorded", "Recorded or acknowledged something"},
      {"refused", "Was refused"},
  };
  return kinds;
}

std::string_view audit_action_kind(std::string_view action) {
  for (const KindOfAction& k : kActions) {
    if (k.action == action) return k.kind;
  }
  return {};
}

bool AuditFilter::matches(std::string_view user, std::string_view action,
                          std::string_view at_utc) const {
  if (!who.empty() && user != who) return false;
  if (!what.empty() && audit_action_kind(action) != what) return false;
  if (!from && !to) return true;
  std::string_view t = at_utc;
  if (!t.empty() && t.back() == 'Z') t.remove_suffix(1);
  const auto at = Timestamp::parse(t);
  if (!at) return false;
  const Date local = SystemClock::uk_local_time(at->instant()).date;
  return (!from || local >= *from) && (!to || local <= *to);
}

AuditFilter read_audit_filter(const web::Request& request) {
  AuditFilter f;
  f.who = request.query_param("who").value_or("");
  f.what = request.query_param("what").value_or("");
  if (!f.what.empty()) {
    bool known = false;
    for (const AuditActionKind& k : audit_action_kinds()) known = known || k.value == f.what;
    if (!known) {
      f.errors.push_back({"#what", "Select what they did from the list"});
      f.what.clear();
    }
  }
  f.from = read_day(request, "from", "from", f.from_day, f.from_month, f.from_year, f.errors);
  f.to = read_day(request, "to", "to", f.to_day, f.to_month, f.to_year, f.errors);
  if (f.from && f.to && *f.from > *f.to) {
    f.errors.push_back({"#to-day", "The date to must be the same as or after the date from"});
    f.to.reset();
  }
  return f;
}

}  // namespace sightline::pages
