#include "safeguards/differential/reference_rules.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "safeguards/differential/reference_calendar.h"

namespace sightline::safeguards::differential {
namespace {

using nlohmann::json;

// Seconds since 1970-01-01 local of `YYYY-MM-DD[THH:MM[:SS]]`; a date alone is
// 12:00 (catalogue, "time of day").
std::int64_t instant(const std::string& text) {
  const Date d = *Date::parse(text.substr(0, 10));
  std::int64_t seconds = 12 * 3600;
  if (text.size() > 10) {
    seconds = std::stoi(text.substr(11, 2)) * 3600 + std::stoi(text.substr(14, 2)) * 60;
    if (text.size() > 16) seconds += std::stoi(text.substr(17, 2));
  }
  return std::int64_t{d.days()} * 86400 + seconds;
}

struct Ev {
  std::size_t line = 0;  // 1-based, in the file
  std::string type, by;
  std::string ref;  // how an alert names it as resolver: its id, else its line number
  Date at, recorded;
  std::int64_t at_order = 0;  // the instant it happened
  std::int64_t order = 0;     // the recorded instant, or its referent's if that is later
  std::size_t after = 0;      // the line it is applied after: its own, or its referent's
  bool waits = false;         // recorded before its referent, it waited for it (R45)
  json j;
  std::vector<std::string> about;  // the persons it is about, references followed
  // What the rules ask of it, worked out once (Feed::classify).
  std::string sighting;   // the agency that sees the children it is about, if it does
  bool locating = false;  // it locates the children it is about (C5)
  bool losing = false;    // their whereabouts become unknown by it
};

struct Transfer {
  std::string child, from, to, status;
};

// The feed in replay order, with what every rule asks of an event.
class Feed {
 public:
  explicit Feed(const std::vector<std::string>& lines) {
    std::map<std::string, std::string> child_of;  // assessment, plan, referral id -> child
    std::map<std::string, std::size_t> position;  // event id -> index in file order
    for (std::size_t n = 0; n < lines.size(); ++n) {
      if (lines[n].find_first_not_of(" \t\r") == std::string::npos) continue;
      Ev e;
      e.line = n + 1;
      e.j = json::parse(lines[n]);
      e.type = e.j.at("type");
      e.by = e.j.value("by", "");
      const std::string at = e.j.at("at");
      const std::string recorded = e.j.value("recorded", at);
      e.at = *Date::parse(at.substr(0, 10));
      e.recorded = *Date::parse(recorded.substr(0, 10));
      e.order = instant(recorded);
      e.at_order = instant(at);
      const std::string id = e.j.value("id", "");
      e.ref = id.empty() ? std::to_string(e.line) : id;
      const json& j = e.j;
      if (e.type == "agency") agencies_[id] = {j["kind"], j["area"]};
      for (const char* field : {"child", "person"}) {
        if (j.contains(field)) e.about.push_back(j[field]);
      }
      if (j.contains("persons")) {
        for (const auto& p : j["persons"]) e.about.push_back(p);
      }
      if (j.contains("child")) children_.insert(j["child"].get<std::string>());
      if (e.type == "person" && j.contains("dob")) children_.insert(id);
      if (e.type == "pregnancy" || e.type == "birth") mother_[j["child"]] = j["mother"];
      if (e.type == "relationship") {
        const std::string role = j["role"];
        if (role == "mother" || role == "father" || role == "carer") {
          carers_[j["other"]].insert(j["person"].get<std::string>());
        }
      }
      if (e.type == "assessment_started" || e.type == "plan_started" || e.type == "referral") {
        child_of[id] = j["child"];
      }
      for (const char* field : {"assessment", "plan", "referral"}) {
        if (j.contains(field) && j[field].is_string()) e.about.push_back(child_of[j[field]]);
      }
      e.after = e.line;
      if (!id.empty()) position[id] = ev.size();
      for (const char* field : {"assessment", "plan", "referral", "transfer"}) {
        if (!j.contains(field) || !j[field].is_string() || position.count(j[field]) == 0) continue;
        const Ev& referent = ev[position[j[field]]];
        if (referent.order > e.order) {  // R45: it waits for its referent
          e.order = referent.order;
          e.recorded = referent.recorded;
          e.after = referent.line;
          e.waits = true;
        }
      }
      if (e.type == "transfer") transfers_[id] = {j["child"], j["from"], j["to"], j["status"]};
      if (e.type == "transfer_accepted" || e.type == "transfer_declined") {
        e.about.push_back(transfers_[j["transfer"]].child);
      }
      classify(e);
      ev.push_back(std::move(e));
    }
    std::sort(ev.begin(), ev.end(), [](const Ev& a, const Ev& b) {
      return std::tie(a.order, a.after, a.line) < std::tie(b.order, b.after, b.line);
    });
    for (const auto& [c, m] : mother_) carers_[c].insert(m);
    for (std::size_t i = 0; i < ev.size(); ++i) {
      for (const std::string& p : ev[i].about) {
        std::vector<std::size_t>& mine = about_[p];
        if (mine.empty() || mine.back() != i) mine.push_back(i);
      }
    }
  }

  std::vector<Ev> ev;  // replay order

  const std::set<std::string>& children() const { return children_; }
  // The events about person p, in replay order.
  const std::vector<std::size_t>& events_about(const std::string& p) const {
    static const std::vector<std::size_t> kNone;
    auto it = about_.find(p);
    return it == about_.end() ? kNone : it->second;
  }
  std::string kind(const std::string& agency) const {
    auto it = agencies_.find(agency);
    return it == agencies_.end() ? "" : it->second.first;
  }
  std::string area(const std::string& agency) const {
    auto it = agencies_.find(agency);
    return it == agencies_.end() ? "" : it->second.second;
  }
  const Transfer& transfer(const std::string& id) const { return transfers_.at(id); }
  std::string mother(const std::string& c) const {
    auto it = mother_.find(c);
    return it == mother_.end() ? "" : it->second;
  }
  std::set<std::string> carers(const std::string& c) const {
    auto it = carers_.find(c);
    return it == carers_.end() ? std::set<std::string>{} : it->second;
  }

  // Terms, "seen"; R69: a phone call, text or letter shows no one; C5: a transfer accepted with the
  // child seen is a sighting by the receiver, and a child is located when seen by anyone, found,
  // the subject of a verified claim, or given a known address with notice planned;
  // whereabouts-unknown's triggers.
  void classify(Ev& e) const {
    const json& j = e.j;
    if (e.type == "contact" && j["child_seen"].get<bool>() && j["mode"] != "phone" &&
        j["mode"] != "sms" && j["mode"] != "letter") {
      e.sighting = e.by;
    }
    if (e.type == "appointment" && j["outcome"] == "attended") e.sighting = e.by;
    if (e.type == "medical" || e.type == "birth" || e.type == "found") e.sighting = e.by;
    if (e.type == "transfer_accepted" && j["child_seen"].get<bool>()) {
      e.sighting = transfers_.at(j["transfer"]).to;
    }
    e.locating = !e.sighting.empty() || (e.type == "claim" && j.value("verified", false));
    if (e.type == "address") {
      const std::string kind = j["address"].value("kind", "residential");
      const std::string notice = j.value("notice", "planned");
      e.locating = kind != "unknown" && kind != "no_fixed_abode" && j["address"].contains("area") &&
                   notice == "planned";
      e.losing = notice == "without_notice" && kind == "unknown";
    }
    if (e.type == "whereabouts_unknown") e.losing = true;
    if (e.type == "contact" && j["outcome"] == "not_at_address") e.losing = true;
  }
  bool about(std::size_t i, const std::string& c) const {
    const auto& a = ev[i].about;
    return std::find(a.begin(), a.end(), c) != a.end();
  }
  // The agency that saw child c at event i, or "" (Terms, "seen"; C5: a
  // transfer accepted with the child seen is a sighting by the receiver).
  std::string seen_by(std::size_t i, const std::string& c) const {
    return about(i, c) ? ev[i].sighting : "";
  }
  // Whether event i locates child c (C5).
  bool locates(std::size_t i, const std::string& c) const { return ev[i].locating && about(i, c); }
  // Whether event i makes child c's whereabouts unknown (whereabouts-unknown's trigger).
  bool loses(std::size_t i, const std::string& c) const {
    return ev[i].losing && about(i, c) && children_.count(c) != 0;
  }
  // The agency that reached person p at event i, or "" (R57): it saw p (a
  // child), or recorded a contact naming p with outcome seen or declined.
  std::string reached(std::size_t i, const std::string& p) const {
    if (const std::string a = seen_by(i, p); !a.empty()) return a;
    const Ev& e = ev[i];
    const bool spoke =
        e.type == "contact" && (e.j["outcome"] == "seen" || e.j["outcome"] == "declined");
    return spoke && about(i, p) ? e.by : "";
  }
  // The area of the latest address naming person p among the first n events;
  // "" when there is none or it has no area.
  std::string address_area(const std::string& p, std::size_t n) const {
    std::string area;
    for (std::size_t i = 0; i < n; ++i) {
      if (ev[i].type == "address" && about(i, p)) area = ev[i].j["address"].value("area", "");
    }
    return area;
  }

 private:
  std::map<std::string, std::pair<std::string, std::string>> agencies_;  // id -> kind, area
  std::set<std::string> children_;
  std::map<std::string, std::string> mother_;
  std::map<std::string, std::set<std::string>> carers_;
  std::map<std::string, Transfer> transfers_;
  std::map<std::string, std::vector<std::size_t>> about_;
};

// ----- open involvement (Terms), one event at a time -----

struct Involvement {
  std::string agency;
  Date start;
  int interval = 0;         // WD between visits it asks for; 0: none (child-not-seen)
  std::string key;          // the assessment or plan id, "hv:AGENCY", "tr:TRANSFER"
  bool assessment = false;  // an open assessment or s47 enquiry
};

struct Involvements {
  std::vector<Involvement> open;
  // HV agency -> the HV agencies it has transferred the child to, and when
  // (the first such transfer).
  std::map<std::string, std::map<std::string, std::int64_t>> handed;
  // Agency -> when it last saw the child, and the date.
  std::map<std::string, std::pair<std::int64_t, Date>> seen;
  bool dead = false;

  bool has(const std::string& key) const {
    return std::any_of(open.begin(), open.end(),
                       [&](const Involvement& v) { return v.key == key; });
  }
  void erase_if(const std::function<bool(const Involvement&)>& f) {
    open.erase(std::remove_if(open.begin(), open.end(), f), open.end());
  }
  void erase(const std::string& key) {
    erase_if([&](const Involvement& v) { return v.key == key; });
  }
};

int transfer_interval(const std::string& status) {
  if (status == "incomplete_s47" || status == "child_protection") return 10;
  if (status == "incomplete_assessment" || status == "child_in_need") return 20;
  if (status == "enhanced") return 30;
  return 0;  // welfare_check, universal: C5 lists no interval (R31)
}

void step(const Feed& f, std::size_t i, const std::string& c, Involvements& s) {
  if (!f.about(i, c)) return;
  const Ev& e = f.ev[i];
  const json& j = e.j;
  if (e.type == "death") {
    s.open.clear();
    s.dead = true;
    return;
  }
  if (e.type == "assessment_started" && j["kind"] != "adult_needs") {  // R12
    s.open.push_back({j["agency"], e.at, j["kind"] == "s47" ? 10 : 20, j["id"], true});
  }
  if (e.type == "assessment_completed" || e.type == "s47_concluded") s.erase(j["assessment"]);
  if (e.type == "plan_started") {
    const std::string kind = j["kind"];
    s.open.push_back({j["agency"], e.at,
                      kind == "child_protection" ? 10
                      : kind == "child_in_need"  ? 20
                                                 : 0,
                      j["id"]});
  }
  if (e.type == "plan_ended") s.erase(j["plan"]);
  if (e.type == "hv_level" && f.kind(e.by) == "health_visiting") {
    // The level is the child's: the enhanced involvement is the agency's that
    // set it; re-stating it does not restart it (R31).
    const std::string key = "hv:" + e.by;
    const bool restated = s.has(key);
    if (j["level"] == "universal") {
      s.erase_if([](const Involvement& v) { return v.key.rfind("hv:", 0) == 0; });
    } else if (!restated) {
      s.erase_if([](const Involvement& v) { return v.key.rfind("hv:", 0) == 0; });
      s.open.push_back({e.by, e.at, 30, key});
    }
  }
  // hv-transfer-contact: the sender stays responsible until the receiver sees
  // the child (R46): a sighting since the transfer (at the same time too, and
  // however late either is learnt), and since the sender's level began, by an
  // HV agency it transferred the child to ends its enhanced involvement.
  auto handed_over = [&](const std::string& sender, Date seen_on) {
    s.erase_if([&](const Involvement& v) { return v.key == "hv:" + sender && v.start <= seen_on; });
  };
  if (e.type == "transfer" && f.kind(j["from"]) == "health_visiting" &&
      f.kind(j["to"]) == "health_visiting") {
    s.handed[j["from"]].emplace(j["to"].get<std::string>(), e.at_order);
    const auto it = s.seen.find(j["to"]);
    if (it != s.seen.end() && it->second.first >= e.at_order) {
      handed_over(j["from"], it->second.second);
    }
  }
  const std::string seer = f.seen_by(i, c);
  if (!seer.empty()) {
    auto& last = s.seen[seer];
    if (e.at_order >= last.first) last = {e.at_order, e.at};
    for (const auto& [sender, receivers] : s.handed) {
      const auto it = receivers.find(seer);
      if (it != receivers.end() && e.at_order >= it->second) handed_over(sender, e.at);
    }
  }
  if (e.type == "transfer_accepted") {
    const Transfer& t = f.transfer(j["transfer"]);
    s.open.push_back(
        {t.to, e.at, transfer_interval(t.status), "tr:" + j["transfer"].get<std::string>()});
  }
  if (e.type == "case_closed") {  // C8
    const std::string agency = j["agency"];
    s.erase_if([&](const Involvement& v) {
      return v.agency == agency && (v.key.rfind("tr:", 0) == 0 || v.key == "hv:" + agency);
    });
  }
}

Involvements involvements(const Feed& f, const std::string& c, std::size_t n) {
  Involvements s;
  for (std::size_t i : f.events_about(c)) {
    if (i >= n) break;
    step(f, i, c, s);
  }
  return s;
}

// ----- the alerts -----

class Rules {
 public:
  Rules(const Feed& feed, Date until) : f_(feed), until_(until) {
    if (!f_.ev.empty()) first_ = f_.ev.front().recorded;
  }
  std::vector<ReferenceAlert> run() {
    for (const std::string& c : f_.children()) {
      child_not_seen(c);
      whereabouts_unknown(c);
      hv_handover_missing(c);
    }
    return std::move(alerts_);
  }

 private:
  // Calls day(d, begin, end) for every day d up to `until`, with the events
  // recorded that day [begin, end); stops when it returns false.
  template <class F>
  void each_day(F&& day) {
    std::size_t p = 0;
    for (Date d = first_; d <= until_; d = d.plus_days(1)) {
      const std::size_t begin = p;
      while (p < f_.ev.size() && f_.ev[p].recorded <= d) ++p;
      if (!day(d, begin, p)) return;
    }
  }
  std::size_t raise(const std::string& rule, const std::string& c, const std::string& owner,
                    Date due, Date today) {
    // At the end of `today`; a duty learnt already overdue is raised the day learnt (C3).
    alerts_.push_back({rule, c, owner, due < today ? today : today.plus_days(1), due, {}, {}});
    return alerts_.size() - 1;
  }
  void resolve(std::size_t a, const Ev& e) {
    if (alerts_[a].resolved) return;
    alerts_[a].resolved = e.recorded;
    alerts_[a].resolved_by = e.ref;
  }
  // Whether the events applied up to i are settled: the next is not one that
  // waited for i to be applied (R45: a duty i sets is raised only after them).
  bool settled(std::size_t i) const { return i + 1 >= f_.ev.size() || !f_.ev[i + 1].waits; }
  bool dies(std::size_t i, const std::string& c) const {
    return f_.ev[i].type == "death" && f_.about(i, c);
  }

  void child_not_seen(const std::string& c);
  std::optional<Date> visit_due(const std::string& c, const std::string& agency,
                                std::size_t n) const;
  bool lost_after(const std::string& c, std::size_t n) const;
  bool closure_is_fault(const std::string& c, const std::string& agency, std::size_t n,
                        const Involvements& s) const;
  void whereabouts_unknown(const std::string& c);
  void hv_handover_missing(const std::string& c);

  const Feed& f_;
  Date until_, first_;
  std::vector<ReferenceAlert> alerts_;
};

// Whether child c's whereabouts are unknown after the first n events: lost by
// a trigger, and not located by anything that happened since.
bool Rules::lost_after(const std::string& c, std::size_t n) const {
  bool lost = false;
  std::int64_t since = 0;
  for (std::size_t i : f_.events_about(c)) {
    if (i >= n) break;
    if (lost && f_.locates(i, c) && f_.ev[i].at_order >= since) {
      lost = false;
    } else if (!lost && f_.loses(i, c)) {
      lost = true;
      since = f_.ev[i].at_order;
      for (std::size_t k : f_.events_about(c)) {  // located already, learnt first
        if (k >= i) break;
        if (f_.locates(k, c) && f_.ev[k].at_order > since) lost = false;
      }
    }
  }
  return lost;
}

// Whether `agency` closing child c's case, the first n events applied (the
// closure last) with involvements s, is a closure-before-seen fault: the
// whereabouts unknown, a transfer to or from the agency not accepted with the
// child seen, or an assessment of the agency's still open.
bool Rules::closure_is_fault(const std::string& c, const std::string& agency, std::size_t n,
                             const Involvements& s) const {
  if (lost_after(c, n)) return true;
  for (const Involvement& v : s.open) {
    if (v.agency == agency && v.assessment) return true;
  }
  for (std::size_t i : f_.events_about(c)) {
    if (i >= n) break;
    const Ev& t = f_.ev[i];
    if (t.type != "transfer" || (t.j["from"] != agency && t.j["to"] != agency)) continue;
    bool seen = false;
    for (std::size_t k : f_.events_about(c)) {
      if (k >= n) break;
      const Ev& a = f_.ev[k];
      seen |= a.type == "transfer_accepted" && a.j["transfer"] == t.ref &&
              a.j["child_seen"].get<bool>();
    }
    if (!seen) return true;
  }
  return false;
}

// When `agency` must next see child c, after the first n events; none when it owes no visit.
std::optional<Date> Rules::visit_due(const std::string& c, const std::string& agency,
                                     std::size_t n) const {
  Involvements s;
  std::optional<Date> last_seen, born;
  bool unborn = false;
  // The visit pending when the agency's closure, a closure-before-seen fault,
  // could not end it (R31): the date it counts from, and its due date.
  std::vector<std::pair<Date, Date>> kept;
  // The date the visit involvement v asks for counts from.
  auto baseline = [&](const Involvement& v) {
    Date from = v.start;
    if (born && from < *born) from = *born;
    if (last_seen && from < *last_seen) from = *last_seen;
    return from;
  };
  auto visit = [&](const Involvement& v) { return add_working_days(baseline(v), v.interval); };
  // The visit due next, and the date it counts from.
  auto pending = [&]() -> std::optional<std::pair<Date, Date>> {
    if (unborn) return std::nullopt;  // seeing begins at birth
    std::optional<std::pair<Date, Date>> next;
    for (const Involvement& v : s.open) {
      if (v.agency != agency || v.interval == 0) continue;
      const Date d = visit(v);
      if (!next || d < next->second) next = std::make_pair(baseline(v), d);
    }
    for (const auto& k : kept) {
      if (!next || k.second < next->second) next = k;
    }
    return next;
  };
  for (std::size_t i : f_.events_about(c)) {  // only they change what it owes
    if (i >= n) break;
    const Ev& e = f_.ev[i];
    if (e.type == "pregnancy" && e.j["child"] == c) unborn = true;
    if (e.type == "birth" && e.j["child"] == c) {
      unborn = false;
      born = e.at;
    }
    if (f_.seen_by(i, c) == agency) {
      if (!last_seen || *last_seen < e.at) last_seen = e.at;
      // A visit after the date a kept visit counts from does it.
      kept.erase(std::remove_if(kept.begin(), kept.end(),
                                [&](const std::pair<Date, Date>& k) { return k.first < e.at; }),
                 kept.end());
    }
    const std::optional<std::pair<Date, Date>> before = pending();
    step(f_, i, c, s);
    if (s.dead) return std::nullopt;
    // A closure ends the closer's accepted transfers and enhanced level (C8) and
    // with them their visits (C9), unless it is a closure-before-seen fault:
    // then the visit pending stays due on its date (R31).
    if (e.type == "case_closed" && f_.about(i, c) && e.j["agency"] == agency && before &&
        closure_is_fault(c, agency, i + 1, s)) {
      kept.push_back(*before);
    }
  }
  if (const auto next = pending()) return next->second;
  return std::nullopt;
}

void Rules::child_not_seen(const std::string& c) {
  std::set<std::string> agencies;
  {
    Involvements s;
    for (std::size_t i : f_.events_about(c)) {
      step(f_, i, c, s);
      for (const Involvement& v : s.open) agencies.insert(v.agency);
    }
  }
  for (const std::string& agency : agencies) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t open = kNone;  // the agency's open alert
    std::optional<Date> due;
    bool stale = true;  // whether an event about the child came since `due` was computed
    each_day([&](Date d, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        if (dies(i, c)) {
          if (open != kNone) resolve(open, f_.ev[i]);
          return false;
        }
        stale |= f_.about(i, c);
        if (open != kNone && f_.seen_by(i, c) == agency) {
          resolve(open, f_.ev[i]);
          open = kNone;
        }
        // A visit learnt already overdue is raised at once (C3). Only an event
        // learnt after the day it happened can make it so.
        if (open == kNone && f_.ev[i].at < d && f_.about(i, c) && settled(i)) {
          due = visit_due(c, agency, i + 1);
          stale = i + 1 < end;
          if (due && *due < d) open = raise("child-not-seen", c, agency, *due, d);
        }
      }
      if (open != kNone) return true;
      if (stale) {
        due = visit_due(c, agency, end);
        stale = false;
      }
      if (due && *due <= d) open = raise("child-not-seen", c, agency, *due, d);
      return true;
    });
  }
}

void Rules::whereabouts_unknown(const std::string& c) {
  bool lost = false, raised = false;
  Date due;
  std::int64_t since = 0;  // when the whereabouts became unknown
  std::string reporter;
  std::vector<std::size_t> open;
  // Raises the alert (after the first n events) to the agencies with
  // involvement, else the last one in contact with the child or a carer, else
  // the reporter.
  auto raise_now = [&](Date d, std::size_t n) {
    raised = true;
    std::set<std::string> owners;
    for (const Involvement& v : involvements(f_, c, n).open) owners.insert(v.agency);
    if (owners.empty()) {
      // The latest to reach the child, or a carer, by when it happened (R57); a
      // carer's contact at the same time as the child's own does not displace it.
      auto latest = [&](const std::string& p) {
        std::pair<std::int64_t, std::string> last{-1, ""};
        for (std::size_t i : f_.events_about(p)) {
          if (i >= n) break;
          const std::string a = f_.reached(i, p);
          if (!a.empty() && f_.ev[i].at_order >= last.first) last = {f_.ev[i].at_order, a};
        }
        return last;
      };
      std::pair<std::int64_t, std::string> last = latest(c);
      for (const std::string& carer : f_.carers(c)) {
        if (const auto l = latest(carer); l.first > last.first) last = l;
      }
      owners.insert(last.second.empty() ? reporter : last.second);
    }
    for (const std::string& owner : owners) {
      open.push_back(raise("whereabouts-unknown", c, owner, due, d));
    }
  };
  each_day([&](Date d, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (dies(i, c)) {
        for (std::size_t a : open) resolve(a, f_.ev[i]);
        return false;
      }
      // Located: by anything that happened since the whereabouts became unknown,
      // however late it is learnt.
      if (lost && f_.locates(i, c) && f_.ev[i].at_order >= since) {
        for (std::size_t a : open) resolve(a, f_.ev[i]);
        open.clear();
        lost = false;
      } else if (!lost && f_.loses(i, c)) {
        lost = true;
        raised = false;
        since = f_.ev[i].at_order;
        const bool involved = !involvements(f_, c, i).open.empty();
        due = add_working_days(f_.ev[i].at, involved ? 1 : 5);
        reporter = f_.ev[i].by;
        // Learnt late, the child may have been located since already: in time, the
        // duty was done; too late, the alert is raised and resolved at once.
        std::optional<std::size_t> located;
        for (std::size_t k : f_.events_about(c)) {
          if (k >= i) break;
          if (f_.locates(k, c) && f_.ev[k].at_order > since) {
            if (!located || f_.ev[k].at_order < f_.ev[*located].at_order) located = k;
          }
        }
        if (located && f_.ev[*located].at <= due) lost = false;
        if (located && lost) {
          raise_now(d, i + 1);
          for (std::size_t a : open) {
            alerts_[a].resolved = d;
            alerts_[a].resolved_by = f_.ev[*located].ref;
          }
          open.clear();
          lost = false;
        }
      }
      if (lost && !raised && due < d && settled(i)) raise_now(d, i + 1);  // learnt overdue (C3)
    }
    if (lost && !raised && due <= d) raise_now(d, end);
    return true;
  });
}

void Rules::hv_handover_missing(const std::string& c) {
  struct Duty {
    std::string sender;
    std::optional<std::string> to;  // the destination area, once known
    Date due;
    bool done = false, alerted = false;
    std::size_t alert = 0;
  };
  std::vector<Duty> duties;
  std::optional<std::string> home;  // the area of the child's home, once known
  bool gone = false;                // moved to a place not yet known
  std::optional<std::size_t> gone_duty;
  bool unborn = false;
  const std::string mother = f_.mother(c);

  // Whether the child is unborn when event k is applied.
  auto unborn_at = [&](std::size_t k) {
    bool u = false;
    for (std::size_t x = 0; x <= k; ++x) {
      if ((f_.ev[x].type == "pregnancy" || f_.ev[x].type == "birth") && f_.ev[x].j["child"] == c) {
        u = f_.ev[x].type == "pregnancy";
      }
    }
    return u;
  };
  // The HV agency that comes to know the child at event k, or "": by a
  // contact, an appointment or a level (the trigger's "any HV contact or
  // hv_level"), a sighting, or accepting its transfer (R19: the sender is the
  // last HV agency to know the child).
  auto knows = [&](std::size_t k) -> std::string {
    const Ev& e = f_.ev[k];
    // R50: an unborn child is known to health visiting through any HV contact
    // with its mother during the pregnancy.
    if (e.type == "contact" && !mother.empty() && f_.about(k, mother) &&
        f_.kind(e.by) == "health_visiting" && unborn_at(k)) {
      return e.by;
    }
    if (!f_.about(k, c)) return "";
    std::string a;
    if (e.type == "contact" || e.type == "appointment" || e.type == "hv_level") a = e.by;
    if (e.type == "transfer_accepted") a = f_.transfer(e.j["transfer"]).to;
    if (const std::string seer = f_.seen_by(k, c); !seer.empty()) a = seer;
    return f_.kind(a) == "health_visiting" ? a : "";
  };
  // The child is back in `area`, at event i: a duty owed for a move to a known
  // place by a sender of that area is done by the return, raised or not (R73).
  auto returned = [&](std::size_t i, const std::string& area) {
    for (Duty& duty : duties) {
      if (duty.done || !duty.to || area != f_.area(duty.sender)) continue;
      duty.done = true;
      if (duty.alerted) resolve(duty.alert, f_.ev[i]);
    }
  };
  // A move of the child reported at event i, to `to` (none: not known yet).
  auto moved = [&](std::size_t i, const std::optional<std::string>& to) {
    if (to) returned(i, *to);
    std::string sender;  // the last HV agency to know the child (R19)
    for (std::size_t k = 0; k < i; ++k) {
      if (const std::string a = knows(k); !a.empty()) sender = a;
    }
    if (sender.empty() || (to && *to == f_.area(sender))) return;
    duties.push_back({sender, to, add_working_days(f_.ev[i].at, 2)});
    if (!to) gone_duty = duties.size() - 1;
  };
  // The destination of the move to an unknown place is learnt at event i: the
  // handover is owed to it (R19), unless the child is back in the sender's
  // own area, which does the duty (R73).
  auto learnt = [&](std::size_t i, const std::string& to) {
    gone = false;
    home = to;
    if (gone_duty) {
      Duty& duty = duties[*gone_duty];
      if (!duty.done && to == f_.area(duty.sender)) {
        duty.done = true;
        if (duty.alerted) resolve(duty.alert, f_.ev[i]);
      } else {
        duty.to = to;
      }
    }
    gone_duty.reset();
  };

  // Raises the duties not done by the end of their due date (or, `overdue`, before `d`).
  auto check = [&](Date d, bool overdue) {
    for (Duty& duty : duties) {
      if (duty.done || duty.alerted || d < duty.due || (overdue && d == duty.due)) continue;
      if (duty.to && *duty.to == f_.area(duty.sender)) {  // R19: back in the sender's own area
        duty.done = true;
        continue;
      }
      duty.alerted = true;
      duty.alert = raise("hv-handover-missing", c, duty.sender, duty.due, d);
    }
  };

  each_day([&](Date d, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const Ev& e = f_.ev[i];
      const json& j = e.j;
      if (dies(i, c)) {
        for (Duty& duty : duties) {
          if (duty.alerted) resolve(duty.alert, e);
        }
        return false;
      }
      if (e.type == "pregnancy" && j["child"] == c) {
        unborn = true;
        if (const std::string a = f_.address_area(mother, i); !a.empty()) home = a;
      }
      if (e.type == "birth" && j["child"] == c) unborn = false;
      const bool mine = f_.about(i, c) || (unborn && e.type == "address" && f_.about(i, mother));
      if (!mine) continue;
      if (e.type == "address" && !j["address"].contains("area") && home && !gone) {
        // Gone to a place not known: a move to an unknown destination, as a
        // deregistration `moved` is (R7), resolved when the place is learnt.
        gone = true;
        home.reset();
        gone_duty.reset();
        moved(i, std::nullopt);
      }
      if (e.type == "address" && j["address"].contains("area")) {
        const std::string to = j["address"]["area"];
        if (gone) {
          learnt(i, to);
        } else if (!home) {
          home = to;  // the first known home is not a move (R7)
        } else if (*home != to) {
          home = to;
          moved(i, to);
        }
      }
      // R7: a deregistration `moved` from a practice of the child's area (or
      // the first report of all: the child lived in the practice's area) is a
      // move to a place not yet known; from a practice of an area the child
      // already left, a later report of that move.
      if (e.type == "deregistration" && j["reason"] == "moved" && !gone) {
        const std::string practice = f_.area(j["agency"]);
        if (!home || *home == practice) {
          gone = true;
          home.reset();
          gone_duty.reset();
          moved(i, std::nullopt);
        }
      }
      // R7: a transfer to an agency of another area reports a move, from the
      // sender's area when it is the first report of all.
      if (e.type == "transfer") {
        const std::string to = f_.area(j["to"]);
        if (gone) {
          learnt(i, to);
        } else if (home ? *home != to : f_.area(j["from"]) != to) {
          home = to;
          moved(i, to);
        } else if (!home) {
          home = to;
        }
      }
      if (e.type == "transfer") {
        const std::string to = f_.area(j["to"]);
        // C10: met by a transfer between HV agencies to one of the destination's
        // (any, while the destination is unknown).
        if (f_.kind(j["from"]) == "health_visiting" && f_.kind(j["to"]) == "health_visiting") {
          for (Duty& duty : duties) {
            if (duty.done || (duty.to && *duty.to != to)) continue;
            duty.done = true;
            if (duty.alerted) resolve(duty.alert, e);
          }
        }
      }
      if (settled(i)) check(d, true);  // learnt already overdue (C3)
    }
    check(d, false);
    return true;
  });
}

}  // namespace

std::vector<ReferenceAlert> reference_alerts(const std::vector<std::string>& lines, Date until) {
  const Feed feed(lines);
  return Rules(feed, until).run();
}

}  // namespace sightline::safeguards::differential
