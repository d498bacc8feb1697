#include "safeguards/differential/feed_generator.h"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sightline::safeguards::differential {
namespace {

using Json = nlohmann::ordered_json;

// splitmix64: small, fast and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
  }

 private:
  std::uint64_t state_;
};

struct Area {
  const char* key;  // agency ids end in it: csc-a, hv-a, ...
  const char* gss;
  const char* town;
  const char* outward;  // postcode district
  const char* road;
};
constexpr Area kAreas[] = {
    {"a", "E09000033", "London", "W2", "Edgware Road"},
    {"b", "E09000009", "London", "W5", "Uxbridge Road"},
    {"l", "E06000032", "Luton", "LU1", "Dunstable Road"},
};
constexpr int kAreaCount = 3;

// The agencies of each area, by the prefix of their ids.
constexpr const char* kCsc = "csc";
constexpr const char* kHv = "hv";
constexpr const char* kGp = "gp";
constexpr const char* kPolice = "police";
constexpr const char* kMidwifery = "mw";

const std::vector<std::string> kGiven = {"Amy", "Ben", "Cara", "Dan", "Ella", "Finn", "Gia", "Hal"};
const std::vector<std::string> kFamily = {"Reid", "Marsh", "Okafor", "Novak", "Shah", "Byrne"};
const std::vector<std::string> kConcerns = {
    "domestic_abuse",     "parental_mental_health", "poor_hygiene", "inadequate_supervision",
    "unexplained_injury", "homelessness",           "destitution",  "parental_substance_misuse"};

struct Open {
  std::string id, agency, kind;
};

struct Child {
  std::string id;
  int family = 0;
  bool born = true;
  bool alive = true;
  std::string gp;                  // the practice it is registered with
  std::string hv;                  // the health-visiting agency that knows it
  std::set<std::string> enhanced;  // HV agencies whose level for it is enhanced
  std::vector<Open> assessments;   // open, by children's social care
  std::vector<Open> plans;         // active
  std::set<std::string> cases;     // agencies holding an accepted transfer
};

struct Family {
  std::string mother;
  std::vector<int> children;  // indexes into Generator::children_
  int area = 0;               // where the family really lives
  std::string line1, postcode;
  bool missing = false;  // gone without telling anyone
  int unborn = -1;       // the child of a current pregnancy
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rnd_(seed ^ 0x5eed5eed5eed5eedull) {}
  GeneratedFeed run();

 private:
  // ----- writing events -----
  std::string agency(const char* kind, int area) const {
    return std::string(kind) + "-" + kAreas[area].key;
  }
  static int area_of(const std::string& agency_id) {
    const char key = agency_id.back();
    for (int i = 0; i < kAreaCount; ++i) {
      if (kAreas[i].key[0] == key) return i;
    }
    return 0;
  }
  static bool is(const std::string& agency_id, const char* kind) {
    return agency_id.rfind(std::string(kind) + "-", 0) == 0;
  }
  Json event(const char* type, const std::string& by) {
    Json j;
    j["type"] = type;
    j["id"] = "e" + std::to_string(next_id_++);
    j["at"] = today_.to_string();
    if (!by.empty()) j["by"] = by;
    return j;
  }
  // Writes the line. Some events get a time of day, some are recorded late (C3):
  // only those that no other event refers to, so that replay order (by
  // `recorded`) never puts an event before the one it refers to, and times only
  // on those that refer to none either (the afternoon, so never before the
  // `person` lines of that day).
  void emit(Json j) {
    static const std::set<std::string> kFree = {"contact",
                                                "address",
                                                "hv_level",
                                                "registration",
                                                "deregistration",
                                                "appointment",
                                                "whereabouts_unknown",
                                                "found",
                                                "claim",
                                                "missing"};
    static const std::set<std::string> kLeaf = {
        "case_closed",      "plan_ended",        "assessment_completed",
        "s47_concluded",    "transfer_accepted", "transfer_declined",
        "referral_outcome", "conference",        "strategy_discussion"};
    const std::string type = j["type"];
    const bool is_free = kFree.count(type) != 0;
    if (is_free && rnd_.chance(0.25)) {
      // In the afternoon: after the people the line names were recorded (at noon).
      const int minutes = rnd_.between(12 * 60 + 1, 19 * 60 - 1);
      const std::string hh = std::to_string(100 + minutes / 60).substr(1);
      const std::string mm = std::to_string(100 + minutes % 60).substr(1);
      j["at"] = today_.to_string() + "T" + hh + ":" + mm;
    }
    if ((is_free || kLeaf.count(type) != 0) && rnd_.chance(0.06)) {
      j["recorded"] = today_.plus_days(rnd_.between(1, 6)).to_string();
    }
    lines_.push_back(j.dump());
  }
  void later(int days, std::function<void()> f) {
    scheduled_.emplace(today_.days() + days, std::move(f));
  }
  void run_scheduled() {
    while (!scheduled_.empty() && scheduled_.begin()->first <= today_.days()) {
      std::function<void()> f = std::move(scheduled_.begin()->second);
      scheduled_.erase(scheduled_.begin());
      f();
    }
  }

  // ----- the world -----
  Child& child(int i) { return children_[static_cast<std::size_t>(i)]; }
  Family& family_of(const Child& c) { return families_[static_cast<std::size_t>(c.family)]; }
  int other_area(int area) {
    std::vector<int> others;
    for (int a : areas_) {
      if (a != area) others.push_back(a);
    }
    return rnd_.pick(others);
  }
  std::vector<std::string> household(const Family& f) {
    std::vector<std::string> persons{f.mother};
    for (int i : f.children) {
      if (child(i).born && child(i).alive) persons.push_back(child(i).id);
    }
    return persons;
  }
  void new_home(Family& f, int area) {
    static const char* kLetters = "ABDEFGHJLNPQRSTUWXYZ";
    f.area = area;
    f.line1 = std::to_string(rnd_.between(1, 150)) + " " + kAreas[area].road;
    f.postcode = std::string(kAreas[area].outward) + " " + std::to_string(rnd_.between(1, 9)) +
                 kLetters[rnd_.below(20)] + kLetters[rnd_.below(20)];
  }
  Json home_of(const Family& f) const {
    Json a;
    a["line1"] = f.line1;
    a["town"] = kAreas[f.area].town;
    a["postcode"] = f.postcode;
    a["area"] = kAreas[f.area].gss;
    return a;
  }
  bool has_csc_involvement(const Child& c) const {
    if (!c.assessments.empty() || !c.plans.empty()) return true;
    for (const std::string& a : c.cases) {
      if (is(a, kCsc)) return true;
    }
    return false;
  }
  // The social-care agency most involved with the child, or "".
  std::string csc_involved(const Child& c) const {
    if (!c.plans.empty()) return c.plans.back().agency;
    if (!c.assessments.empty()) return c.assessments.back().agency;
    for (const std::string& a : c.cases) {
      if (is(a, kCsc)) return a;
    }
    return {};
  }

  // ----- what agencies do -----
  void setup();
  void day();
  // Does one of `options`, picked with chance proportional to its weight.
  void do_one_of(const std::vector<std::pair<double, std::function<void()>>>& options);
  void family_action(Family& f);
  void child_action(Child& c);
  void hv_contact(Child& c, const std::string& hv);
  void hv_level(Child& c);
  void gp_action(Child& c);
  void hv_appointment(Child& c);
  void csc_visit(Child& c);
  void referral(Child& c);
  void start_assessment(int ci, const std::string& csc, const char* kind);
  void strategy_discussion(int ci, const std::string& csc);
  void conference(int ci, const std::string& csc, const char* kind);
  void start_plan(int ci, const std::string& csc, const char* kind);
  void end_plan(Child& c, std::size_t which);
  void close_case(Child& c, const std::string& agency, const char* reason);
  void move(Family& f, bool to_other_area, const char* notice);
  void send_transfer(int ci, const std::string& from, const std::string& to);
  void go_missing(Family& f);
  void locate(int fi);
  void pregnancy(Family& f);
  void birth(int ci);
  void death(Child& c);

  Random rnd_;
  std::vector<int> areas_;
  std::vector<Child> children_;
  std::vector<Family> families_;
  std::vector<std::string> lines_;
  std::multimap<std::int32_t, std::function<void()>> scheduled_;
  Date today_;
  int next_id_ = 1;
};

GeneratedFeed Generator::run() {
  const Date first = *Date::from_ymd(2012, 1, 2);
  today_ = first.plus_days(rnd_.below(15 * 365 + 180));  // 2012 to mid 2027
  const Date end = today_.plus_days(rnd_.between(90, 150));
  setup();
  for (; today_ <= end; today_ = today_.plus_days(1)) day();
  GeneratedFeed feed;
  feed.lines = std::move(lines_);
  feed.until = end.plus_days(rnd_.between(10, 40));
  return feed;
}

void Generator::setup() {
  // Areas: two or three of the three.
  std::vector<int> all{0, 1, 2};
  const int dropped = rnd_.chance(0.5) ? rnd_.below(3) : -1;
  for (int a : all) {
    if (a != dropped) areas_.push_back(a);
  }
  for (int a : areas_) {
    const std::pair<const char*, const char*> kinds[] = {{kCsc, "childrens_social_care"},
                                                         {kHv, "health_visiting"},
                                                         {kGp, "gp_practice"},
                                                         {kPolice, "police"},
                                                         {kMidwifery, "midwifery"}};
    for (const auto& [prefix, kind] : kinds) {
      Json j;
      j["type"] = "agency";
      j["id"] = agency(prefix, a);
      j["name"] = std::string(prefix) + " " + kAreas[a].key;
      j["kind"] = kind;
      j["area"] = kAreas[a].gss;
      j["at"] = today_.to_string();
      emit(j);
    }
  }
  const int family_count = rnd_.chance(0.4) ? 1 : rnd_.chance(0.67) ? 2 : 3;
  for (int fi = 0; fi < family_count; ++fi) {
    Family f;
    f.mother = "m" + std::to_string(fi + 1);
    new_home(f, rnd_.pick(areas_));
    const std::string reporter = agency(rnd_.chance(0.5) ? kHv : kGp, f.area);
    const std::string surname = rnd_.pick(kFamily);
    Json m = event("person", reporter);
    m["id"] = f.mother;
    m["given"] = rnd_.pick(kGiven);
    m["family"] = surname;
    m["sex"] = "F";
    emit(m);
    const int kids = rnd_.chance(0.6) ? 1 : 2;
    for (int k = 0; k < kids; ++k) {
      Child c;
      c.id = "k" + std::to_string(fi + 1) + std::to_string(k + 1);
      c.family = fi;
      Json p = event("person", reporter);
      p["id"] = c.id;
      p["given"] = rnd_.pick(kGiven);
      p["family"] = surname;
      p["dob"] = today_.plus_days(-rnd_.between(20, 4 * 365)).to_string();
      emit(p);
      Json r = event("relationship", reporter);
      r["person"] = f.mother;
      r["other"] = c.id;
      r["role"] = "mother";
      emit(r);
      f.children.push_back(static_cast<int>(children_.size()));
      children_.push_back(std::move(c));
    }
    families_.push_back(std::move(f));
    Family& fam = families_.back();
    if (rnd_.chance(0.85)) {
      Json a = event("address", reporter);
      a["persons"] = household(fam);
      a["address"] = home_of(fam);
      emit(a);
    }
    for (int ci : fam.children) {
      if (rnd_.chance(0.6)) {
        Json r = event("registration", agency(kGp, fam.area));
        r["child"] = child(ci).id;
        r["agency"] = agency(kGp, fam.area);
        emit(r);
        child(ci).gp = agency(kGp, fam.area);
      }
      if (rnd_.chance(0.25)) later(rnd_.between(0, 10), [this, ci] { referral(child(ci)); });
    }
  }
}

void Generator::day() {
  run_scheduled();
  const bool weekday = today_.iso_weekday() <= 5;
  for (std::size_t fi = 0; fi < families_.size(); ++fi) {
    if (!rnd_.chance(weekday ? 0.45 : 0.08)) continue;
    family_action(families_[fi]);
    if (rnd_.chance(0.2)) family_action(families_[fi]);
  }
  run_scheduled();
}

void Generator::family_action(Family& f) {
  std::vector<int> living;
  for (int i : f.children) {
    if (child(i).alive) living.push_back(i);
  }
  // What may happen, with weights.
  std::vector<std::pair<double, std::function<void()>>> options;
  if (!living.empty()) {
    options.emplace_back(8.0, [&] { child_action(child(rnd_.pick(living))); });
  }
  if (!f.missing) {
    options.emplace_back(0.6, [&] {
      move(f, areas_.size() > 1 && rnd_.chance(0.7),
           rnd_.chance(0.8)   ? "planned"
           : rnd_.chance(0.6) ? "without_notice"
                              : "reported_by_other");
    });
    options.emplace_back(0.25, [&] { go_missing(f); });
  }
  if (f.unborn < 0) options.emplace_back(0.15, [&] { pregnancy(f); });
  if (f.unborn >= 0 && !f.missing) {
    options.emplace_back(0.8, [&] {
      // An antenatal contact names the mother, not the unborn child.
      const std::string by = agency(rnd_.chance(0.5) ? kHv : kMidwifery, f.area);
      Json j = event("contact", by);
      j["persons"] = std::vector<std::string>{f.mother};
      j["mode"] = "home_visit";
      j["child_seen"] = false;
      j["outcome"] = "seen";
      emit(j);
      if (is(by, kHv)) child(f.unborn).hv = by;
    });
  }
  do_one_of(options);
}

void Generator::do_one_of(const std::vector<std::pair<double, std::function<void()>>>& options) {
  double total = 0;
  for (const auto& o : options) total += o.first;
  double r = static_cast<double>(rnd_.below(1000000)) / 1000000.0 * total;
  for (const auto& o : options) {
    if (r < o.first) {
      o.second();
      return;
    }
    r -= o.first;
  }
}

void Generator::child_action(Child& c) {
  std::vector<std::pair<double, std::function<void()>>> options;
  if (c.born) {
    options.emplace_back(3.0, [&] {
      const Family& f = family_of(c);
      hv_contact(c, !c.hv.empty() && rnd_.chance(0.7) ? c.hv : agency(kHv, f.area));
    });
    options.emplace_back(1.0, [&] { hv_level(c); });
    options.emplace_back(1.5, [&] { gp_action(c); });
    options.emplace_back(0.6, [&] { hv_appointment(c); });
  }
  const bool involved = has_csc_involvement(c);
  options.emplace_back(involved ? 0.2 : 1.0, [&] { referral(c); });
  if (involved && c.born) options.emplace_back(3.0, [&] { csc_visit(c); });
  if (!c.plans.empty()) {
    options.emplace_back(0.4, [&] {
      end_plan(c, static_cast<std::size_t>(rnd_.below(static_cast<int>(c.plans.size()))));
    });
  }
  if (!c.cases.empty()) {
    options.emplace_back(0.3, [&] {
      std::vector<std::string> held(c.cases.begin(), c.cases.end());
      close_case(c, rnd_.pick(held), rnd_.chance(0.5) ? "no_further_action" : "other");
    });
  }
  if (c.born) options.emplace_back(0.02, [&] { death(c); });
  do_one_of(options);
}

void Generator::hv_contact(Child& c, const std::string& hv) {
  const Family& f = family_of(c);
  Json j = event("contact", hv);
  j["persons"] = std::vector<std::string>{c.id, f.mother};
  const char* outcome = "seen";
  if (f.missing) {
    outcome = rnd_.chance(0.7) ? "not_at_address" : "no_answer";
  } else if (!rnd_.chance(0.75)) {
    static const std::vector<std::string> kOthers = {"no_answer", "no_access", "declined",
                                                     "not_at_address"};
    outcome = rnd_.pick(kOthers).c_str();
  }
  const bool seen = std::string(outcome) == "seen";
  j["mode"] = seen && rnd_.chance(0.3) ? "clinic" : "home_visit";
  j["child_seen"] = seen;
  j["outcome"] = outcome;
  emit(j);
  c.hv = hv;
}

void Generator::hv_level(Child& c) {
  const Family& f = family_of(c);
  const std::string hv = !c.hv.empty() && rnd_.chance(0.8) ? c.hv : agency(kHv, f.area);
  const char* level;
  if (c.enhanced.count(hv) != 0) {
    level = rnd_.chance(0.5)   ? "universal"
            : rnd_.chance(0.5) ? "universal_plus"
                               : "partnership_plus";
  } else {
    level = rnd_.chance(0.35)  ? "universal"
            : rnd_.chance(0.6) ? "universal_plus"
                               : "partnership_plus";
  }
  Json j = event("hv_level", hv);
  j["child"] = c.id;
  j["level"] = level;
  emit(j);
  if (std::string(level) == "universal") {
    c.enhanced.erase(hv);
  } else {
    c.enhanced.insert(hv);
  }
  c.hv = hv;
}

void Generator::gp_action(Child& c) {
  const Family& f = family_of(c);
  if (c.gp.empty()) {
    if (f.missing) return;
    c.gp = agency(kGp, f.area);
    Json j = event("registration", c.gp);
    j["child"] = c.id;
    j["agency"] = c.gp;
    emit(j);
    return;
  }
  Json j = event("appointment", c.gp);
  j["child"] = c.id;
  j["kind"] = "immunisation";
  j["outcome"] = !f.missing && rnd_.chance(0.8) ? "attended" : "was_not_brought";
  emit(j);
}

// A development review at the health-visiting clinic, or a medical at the
// practice.
void Generator::hv_appointment(Child& c) {
  const Family& f = family_of(c);
  if (rnd_.chance(0.15)) {
    Json j = event("medical", agency(kGp, f.area));
    j["child"] = c.id;
    j["findings"] = Json::object({{"weight_centile", rnd_.between(2, 75)}});
    j["concern"] = rnd_.chance(0.8) ? "none" : "some";
    if (!f.missing) emit(j);
    return;
  }
  const std::string hv = !c.hv.empty() && rnd_.chance(0.7) ? c.hv : agency(kHv, f.area);
  static const std::vector<std::string> kKinds = {"review_6_8_week", "review_1_year",
                                                  "review_2_year"};
  Json j = event("appointment", hv);
  j["child"] = c.id;
  j["kind"] = rnd_.pick(kKinds);
  j["outcome"] = f.missing || rnd_.chance(0.25)
                     ? (rnd_.chance(0.8) ? "was_not_brought" : "cancelled")
                     : "attended";
  emit(j);
  c.hv = hv;
}

void Generator::csc_visit(Child& c) {
  const Family& f = family_of(c);
  const std::string csc = csc_involved(c);
  if (csc.empty()) return;
  Json j = event("contact", csc);
  j["persons"] = std::vector<std::string>{c.id, f.mother};
  j["mode"] = "home_visit";
  const char* outcome = f.missing          ? "not_at_address"
                        : rnd_.chance(0.8) ? "seen"
                        : rnd_.chance(0.5) ? "no_answer"
                                           : "no_access";
  j["child_seen"] = std::string(outcome) == "seen";
  j["outcome"] = outcome;
  emit(j);
}

void Generator::referral(Child& c) {
  if (!c.alive) return;
  const int ci = static_cast<int>(&c - children_.data());
  const Family& f = family_of(c);
  const std::string csc = agency(kCsc, f.area);
  const std::string from = agency(c.born ? (rnd_.chance(0.4)   ? kPolice
                                            : rnd_.chance(0.5) ? kHv
                                                               : kGp)
                                         : kMidwifery,
                                  f.area);
  Json j = event("referral", from);
  const std::string referral_id = j["id"];
  j["child"] = c.id;
  if (!c.born || rnd_.chance(0.5)) j["mother"] = f.mother;
  j["from"] = from;
  j["to"] = csc;
  j["concerns"] = std::vector<std::string>{rnd_.pick(kConcerns)};
  emit(j);
  later(rnd_.between(0, 2), [this, ci, csc, referral_id] {
    Child& k = child(ci);
    Json o = event("referral_outcome", csc);
    o["referral"] = referral_id;
    const int r = rnd_.below(100);
    if (!k.alive || r < 25) {
      o["outcome"] = "no_further_action";
      emit(o);
    } else if (!k.born || r < 70) {
      o["outcome"] = "assessment";
      emit(o);
      start_assessment(ci, csc, k.born ? "child_and_family" : "pre_birth");
    } else {
      o["outcome"] = "strategy_discussion";
      emit(o);
      later(rnd_.between(0, 2), [this, ci, csc] { strategy_discussion(ci, csc); });
    }
  });
}

void Generator::start_assessment(int ci, const std::string& csc, const char* kind_text) {
  Child& c = child(ci);
  if (!c.alive) return;
  const std::string kind = kind_text;
  Json j = event("assessment_started", csc);
  const std::string id = j["id"];
  j["child"] = c.id;
  j["kind"] = kind;
  j["agency"] = csc;
  emit(j);
  c.assessments.push_back({id, csc, kind});
  if (!rnd_.chance(kind == "s47" ? 0.85 : 0.75)) return;  // never completed
  const int days = kind == "s47" ? rnd_.between(3, 25) : rnd_.between(10, 55);
  later(days, [this, ci, id, csc, kind] {
    Child& k = child(ci);
    auto open = std::find_if(k.assessments.begin(), k.assessments.end(),
                             [&](const Open& a) { return a.id == id; });
    if (!k.alive || open == k.assessments.end()) return;
    k.assessments.erase(open);
    if (kind == "s47") {
      Json s = event("s47_concluded", csc);
      s["assessment"] = id;
      const bool icpc = rnd_.chance(0.45);
      s["outcome"] = icpc               ? "icpc"
                     : rnd_.chance(0.5) ? "not_substantiated"
                                        : "substantiated_no_icpc";
      emit(s);
      if (icpc) later(rnd_.between(3, 18), [this, ci, csc] { conference(ci, csc, "initial"); });
      return;
    }
    Json s = event("assessment_completed", csc);
    s["assessment"] = id;
    const int r = rnd_.below(100);
    const char* outcome = r < 35   ? "child_in_need"
                          : r < 45 ? "child_protection"
                          : r < 80 ? "no_further_action"
                                   : "early_help";
    s["outcome"] = outcome;
    emit(s);
    const std::string o = outcome;
    if (o == "child_in_need") {
      later(rnd_.between(0, 5), [this, ci, csc] { start_plan(ci, csc, "child_in_need"); });
    } else if (o == "child_protection") {
      if (k.born) {
        later(rnd_.between(0, 3), [this, ci, csc] { strategy_discussion(ci, csc); });
      } else {
        later(rnd_.between(3, 15), [this, ci, csc] { conference(ci, csc, "initial"); });
      }
    } else if (rnd_.chance(0.4)) {
      later(rnd_.between(0, 10), [this, ci, csc] {
        Child& x = child(ci);
        if (x.alive && !has_csc_involvement(x)) close_case(x, csc, "no_further_action");
      });
    }
  });
}

void Generator::strategy_discussion(int ci, const std::string& csc) {
  Child& c = child(ci);
  if (!c.alive || !c.born) return;
  const int area = area_of(csc);
  Json j = event("strategy_discussion", csc);
  j["child"] = c.id;
  j["format"] = rnd_.chance(0.5) ? "meeting" : "telephone";
  j["participants"] = std::vector<std::string>{csc, agency(kPolice, area), agency(kHv, area)};
  const bool s47 = rnd_.chance(0.75);
  j["decision"] = s47 ? "s47_joint" : "no_s47";
  emit(j);
  if (s47) start_assessment(ci, csc, "s47");
}

void Generator::conference(int ci, const std::string& csc, const char* kind) {
  Child& c = child(ci);
  if (!c.alive) return;
  const int area = area_of(csc);
  Json j = event("conference", csc);
  j["child"] = c.id;
  j["kind"] = kind;
  j["participants"] = std::vector<std::string>{csc, agency(kPolice, area), agency(kHv, area)};
  const int r = rnd_.below(100);
  const char* decision = r < 75 ? "cp_plan" : r < 90 ? "cin_plan" : "no_plan";
  j["decision"] = decision;
  emit(j);
  const std::string d = decision;
  // A transfer-in conference for a child already on a plan here decides nothing new.
  for (const Open& p : c.plans) {
    if (p.agency == csc) return;
  }
  if (d == "cp_plan") start_plan(ci, csc, "child_protection");
  if (d == "cin_plan") start_plan(ci, csc, "child_in_need");
}

void Generator::start_plan(int ci, const std::string& csc, const char* kind) {
  Child& c = child(ci);
  if (!c.alive) return;
  Json j = event("plan_started", csc);
  const std::string id = j["id"];
  j["child"] = c.id;
  j["kind"] = rnd_.chance(0.05) ? "looked_after" : kind;
  j["agency"] = csc;
  emit(j);
  c.plans.push_back({id, csc, j["kind"]});
  if (rnd_.chance(0.5)) {
    later(rnd_.between(20, 80), [this, ci, id] {
      Child& k = child(ci);
      for (std::size_t i = 0; i < k.plans.size(); ++i) {
        if (k.plans[i].id == id && k.alive) end_plan(k, i);
      }
    });
  }
}

void Generator::end_plan(Child& c, std::size_t which) {
  const Open plan = c.plans[which];
  Json j = event("plan_ended", plan.agency);
  j["plan"] = plan.id;
  emit(j);
  c.plans.erase(c.plans.begin() + static_cast<std::ptrdiff_t>(which));
}

void Generator::close_case(Child& c, const std::string& agency_id, const char* reason) {
  if (!c.alive) return;
  Json j = event("case_closed", agency_id);
  j["child"] = c.id;
  j["agency"] = agency_id;
  j["reason"] = reason;
  emit(j);
  c.cases.erase(agency_id);
  if (is(agency_id, kHv)) c.enhanced.erase(agency_id);
}

void Generator::move(Family& f, bool to_other_area, const char* notice) {
  const int old_area = f.area;
  new_home(f, to_other_area ? other_area(f.area) : f.area);
  const int fi = static_cast<int>(&f - families_.data());
  // The address, usually, reported by someone of either area.
  if (rnd_.chance(0.9)) {
    const Json home = home_of(f);
    const std::string by = agency(rnd_.chance(0.4)   ? kHv
                                  : rnd_.chance(0.5) ? kCsc
                                                     : kGp,
                                  rnd_.chance(0.7) ? f.area : old_area);
    const std::string how = notice;
    later(rnd_.between(0, 4), [this, fi, home, by, how] {
      Family& fam = families_[static_cast<std::size_t>(fi)];
      Json j = event("address", by);
      j["persons"] = household(fam);
      j["address"] = home;
      if (how != "planned" || rnd_.chance(0.5)) j["notice"] = how;
      emit(j);
    });
  }
  if (!to_other_area) return;
  for (int ci : f.children) {
    Child& c = child(ci);
    if (!c.alive) continue;
    const std::string csc_old = agency(kCsc, old_area);
    bool csc_involved_here = c.cases.count(csc_old) != 0;
    for (const Open& a : c.assessments) csc_involved_here |= a.agency == csc_old;
    for (const Open& p : c.plans) csc_involved_here |= p.agency == csc_old;
    const std::string csc_new = agency(kCsc, f.area);
    if (csc_involved_here && rnd_.chance(0.75)) {
      later(rnd_.between(0, 7),
            [this, ci, csc_old, csc_new] { send_transfer(ci, csc_old, csc_new); });
    }
    if (!c.hv.empty() && area_of(c.hv) == old_area && rnd_.chance(0.7)) {
      const std::string hv_old = c.hv, hv_new = agency(kHv, f.area);
      later(rnd_.between(0, 5), [this, ci, hv_old, hv_new] { send_transfer(ci, hv_old, hv_new); });
    }
    if (!c.gp.empty() && area_of(c.gp) == old_area) {
      const std::string gp_old = c.gp, gp_new = agency(kGp, f.area);
      if (rnd_.chance(0.5)) {
        later(rnd_.between(0, 25), [this, ci, gp_old] {
          Child& k = child(ci);
          if (!k.alive) return;
          Json j = event("deregistration", gp_old);
          j["child"] = k.id;
          j["agency"] = gp_old;
          j["reason"] = "moved";
          emit(j);
          if (k.gp == gp_old) k.gp.clear();
        });
      }
      if (rnd_.chance(0.6)) {
        later(rnd_.between(2, 20), [this, ci, gp_new] {
          Child& k = child(ci);
          if (!k.alive || k.gp == gp_new) return;
          Json j = event("registration", gp_new);
          j["child"] = k.id;
          j["agency"] = gp_new;
          emit(j);
          k.gp = gp_new;
        });
      }
    }
  }
}

void Generator::send_transfer(int ci, const std::string& from, const std::string& to) {
  Child& c = child(ci);
  if (!c.alive) return;
  const bool hv = is(to, kHv);
  std::string status;
  if (hv) {
    status = c.enhanced.count(from) != 0 ? "enhanced" : "universal";
  } else {
    status = "welfare_check";
    for (const Open& p : c.plans) {
      if (p.agency == from && p.kind == "child_in_need") status = "child_in_need";
    }
    for (const Open& a : c.assessments) {
      if (a.agency == from && a.kind != "s47") status = "incomplete_assessment";
    }
    for (const Open& a : c.assessments) {
      if (a.agency == from && a.kind == "s47") status = "incomplete_s47";
    }
    for (const Open& p : c.plans) {
      if (p.agency == from && p.kind == "child_protection") status = "child_protection";
    }
  }
  Json j = event("transfer", from);
  const std::string id = j["id"];
  j["child"] = c.id;
  j["from"] = from;
  j["to"] = to;
  j["status"] = status;
  j["risks"] = std::vector<std::string>{};
  emit(j);
  const int r = rnd_.below(100);
  if (r < 85) {
    later(rnd_.between(1, 8), [this, ci, id, from, to, hv, status] {
      Child& k = child(ci);
      if (!k.alive) return;
      const bool seen = k.born && !family_of(k).missing && rnd_.chance(0.65);
      Json a = event("transfer_accepted", to);
      a["transfer"] = id;
      a["child_seen"] = seen;
      emit(a);
      k.cases.insert(to);
      if (hv) {
        k.hv = to;
        if (rnd_.chance(0.7)) {
          later(rnd_.between(1, 12), [this, ci, to] {
            Child& x = child(ci);
            if (x.alive && x.born && !family_of(x).missing) hv_contact(x, to);
          });
        }
      } else if (status == "child_protection" && rnd_.chance(0.6)) {
        later(rnd_.between(3, 18), [this, ci, to] { conference(ci, to, "transfer_in"); });
      }
      if (rnd_.chance(0.7)) {
        later(rnd_.between(0, 6), [this, ci, from, hv] {
          Child& x = child(ci);
          if (!x.alive) return;
          if (!hv) {
            for (std::size_t i = x.plans.size(); i-- > 0;) {
              if (x.plans[i].agency == from && rnd_.chance(0.5)) end_plan(x, i);
            }
          }
          close_case(x, from, "transferred");
        });
      }
    });
  } else if (r < 90) {
    later(rnd_.between(1, 8), [this, ci, id, to] {
      if (!child(ci).alive) return;
      Json d = event("transfer_declined", to);
      d["transfer"] = id;
      d["reason"] = "not known here";
      emit(d);
    });
  }
}

void Generator::go_missing(Family& f) {
  f.missing = true;
  const int fi = static_cast<int>(&f - families_.data());
  const int r = rnd_.below(100);
  std::vector<int> born;
  for (int ci : f.children) {
    if (child(ci).born && child(ci).alive) born.push_back(ci);
  }
  if (r < 40) {
    for (int ci : born) {
      const std::string by = agency(rnd_.chance(0.5)   ? kPolice
                                    : rnd_.chance(0.5) ? kCsc
                                                       : kHv,
                                    f.area);
      Json j = event("whereabouts_unknown", by);
      j["child"] = child(ci).id;
      if (rnd_.chance(0.5)) j["last_known"] = home_of(f);
      emit(j);
      if (rnd_.chance(0.4)) {
        later(rnd_.between(0, 3), [this, ci, fi] {
          Child& k = child(ci);
          if (!k.alive || !families_[static_cast<std::size_t>(fi)].missing) return;
          Json m = event("missing", agency(kPolice, families_[static_cast<std::size_t>(fi)].area));
          m["child"] = k.id;
          m["alert"] = "police_missing_person";
          emit(m);
        });
      }
    }
  } else if (r < 65) {
    Json j = event("address", agency(rnd_.chance(0.5) ? kCsc : kHv, f.area));
    j["persons"] = household(f);
    Json unknown;
    unknown["kind"] = "unknown";
    j["address"] = unknown;
    j["notice"] = "without_notice";
    emit(j);
  }
  later(rnd_.between(1, 20), [this, fi] { locate(fi); });
}

void Generator::locate(int fi) {
  Family& f = families_[static_cast<std::size_t>(fi)];
  if (!f.missing) return;
  f.missing = false;
  std::vector<int> born;
  for (int ci : f.children) {
    if (child(ci).born && child(ci).alive) born.push_back(ci);
  }
  const int r = rnd_.below(100);
  if (r < 35) {
    for (int ci : born) {
      Json j = event("found", agency(kPolice, f.area));
      j["child"] = child(ci).id;
      emit(j);
    }
  } else if (r < 50) {
    for (int ci : born) {
      Json j = event("claim", agency(kCsc, f.area));
      j["child"] = child(ci).id;
      j["claim"] = "with_relatives";
      j["detail"] = "staying with an aunt";
      j["verified"] = rnd_.chance(0.7);
      emit(j);
    }
  } else if (r < 90) {
    move(f, areas_.size() > 1 && rnd_.chance(0.5), "planned");
  } else if (!born.empty()) {
    hv_contact(child(rnd_.pick(born)), agency(kHv, f.area));
  }
}

void Generator::pregnancy(Family& f) {
  Child c;
  c.id = "u" + std::to_string(static_cast<int>(&f - families_.data()) + 1) +
         std::to_string(f.children.size() + 1);
  c.family = static_cast<int>(&f - families_.data());
  c.born = false;
  const Date edd = today_.plus_days(rnd_.between(40, 200));
  Json j = event("pregnancy", agency(kMidwifery, f.area));
  j["mother"] = f.mother;
  j["child"] = c.id;
  j["edd"] = edd.to_string();
  emit(j);
  const int ci = static_cast<int>(children_.size());
  f.unborn = ci;
  f.children.push_back(ci);
  children_.push_back(std::move(c));
  later(today_.days_until(edd) + rnd_.between(-14, 10), [this, ci] { birth(ci); });
}

void Generator::birth(int ci) {
  Child& c = child(ci);
  Family& f = family_of(c);
  if (!c.alive || c.born) return;
  const std::string mw = agency(kMidwifery, f.area);
  Json j = event("birth", mw);
  j["child"] = c.id;
  j["mother"] = f.mother;
  j["place"] = mw;
  emit(j);
  Json p = event("person", mw);
  p["id"] = c.id;
  p["given"] = rnd_.pick(kGiven);
  p["dob"] = today_.to_string();
  emit(p);
  c.born = true;
  f.unborn = -1;
  if (rnd_.chance(0.7)) {
    later(rnd_.between(5, 14), [this, ci] {
      Child& k = child(ci);
      if (k.alive && !family_of(k).missing) hv_contact(k, agency(kHv, family_of(k).area));
    });
  }
}

void Generator::death(Child& c) {
  Json j = event("death", agency(kPolice, family_of(c).area));
  j["person"] = c.id;
  // Late that evening, and learnt after anything else about the child that was
  // recorded late, so that nothing about the child is learnt after the death.
  j["at"] = today_.to_string() + "T23:00";
  j["recorded"] = today_.plus_days(7).to_string();
  emit(j);
  c.alive = false;
}

}  // namespace

GeneratedFeed generate_feed(std::uint64_t seed) { return Generator(seed).run(); }

}  // namespace sightline::safeguards::differential
