// The stories of synthetic children, profile by profile.
//
// Every story begins with the booking of the pregnancy and keeps, where the
// profile does not say otherwise, the healthy child programme: an antenatal
// health-visiting contact between 28 and 36 weeks, the birth, GP registration
// seen by health visiting within days, the new birth visit by day 12, the 6-8
// week review by day 55, immunisations at 8, 12 and 16 weeks and a year, and
// the 1-year review between 9 and 12 months. Intervals are drawn in calendar
// days no longer than the catalogue's working-day limits, so a duty meant to be
// met is met whatever the weekdays and bank holidays.
//
// Ordering: events are planned roughly in story order and then stably sorted
// by `recorded`. An event that refers to another (a referral outcome to its
// referral, a person to the pregnancy that named them) is planned after it and
// never recorded earlier, so the sort keeps it after.
#include <algorithm>
#include <optional>
#include <stdexcept>

#include "synth/life.h"
#include "synth/names.h"
#include "synth/random.h"

namespace sightline::synth {
namespace {

// Lists (Planned::mask) as bit sets; participants are Slots of the convening area.
constexpr std::uint32_t bit(Slot s) { return 1u << static_cast<int>(s); }
constexpr std::uint32_t bit(Indicator i) { return 1u << static_cast<int>(i); }
constexpr std::uint32_t bit(SupportOption o) { return 1u << static_cast<int>(o); }
template <class E>
constexpr std::uint8_t code(E e) {
  return static_cast<std::uint8_t>(e);
}

struct Circumstances {
  Housing housing = Housing::kSettled;
  Income income = Income::kEarned;
  Immigration immigration = Immigration::kCitizen;
  std::uint32_t health = 0;  // bits of names::kHealthCodes
};

class Life {
 public:
  Life(std::uint64_t seed, std::int64_t seq, std::int32_t booking_day, Child& child)
      : rng_(Rng::for_child(seed, seq)), world_(World::england()), c_(child) {
    c_.seq = seq;
    c_.booking_day = booking_day;
    c_.places.clear();
    c_.events.clear();
    c_.next = 0;
    next_id_ = 0;
  }

  void plan();

 private:
  // ----- planning primitives -----
  Stamp day(std::int32_t d) const { return Stamp{d, 12 * 3600, false}; }
  // A time in working hours, on the quarter hour.
  Stamp timed(std::int32_t d) { return Stamp{d, 8 * 3600 + 900 * rng_.between(2, 36), true}; }
  Stamp evening(std::int32_t d) { return Stamp{d, 19 * 3600 + 900 * rng_.between(0, 15), true}; }

  // The reference is valid only until the next add(): the vector may grow.
  Planned& add(EventType type, Stamp at, AgencyIndex by) {
    if (at.day < c_.booking_day || at.day > c_.booking_day + kMaxLifeDays) {
      throw std::logic_error("synth: an event was planned outside the child's life span");
    }
    if (c_.events.size() >= kMaxEventsPerChild) {
      throw std::logic_error("synth: a child was planned more than kMaxEventsPerChild events");
    }
    Planned& p = c_.events.emplace_back();
    p.type = type;
    p.at = at;
    p.key = at.instant();
    p.by = by;
    return p;
  }
  // Marks `p` as learnt on day `d` (after its `at`).
  void recorded_on(Planned& p, std::int32_t d) {
    if (d > c_.booking_day + kMaxLifeDays) {
      throw std::logic_error("synth: an event was recorded outside the child's life span");
    }
    p.late = true;
    p.recorded = day(d);
    p.key = p.recorded.instant();
  }
  std::uint8_t new_id() { return ++next_id_; }

  AgencyIndex agency(Slot s) const { return World::agency(area_, s); }
  AgencyIndex agency(AreaIndex a, Slot s) const { return World::agency(a, s); }
  AreaIndex other_area() {
    const auto n = world_.area_count();
    return static_cast<AreaIndex>((area_ + 1 + rng_.index(n - 1)) % n);
  }
  std::uint8_t new_place(AreaIndex area, AddressKind kind = AddressKind::kResidential,
                         Premises premises = Premises::kNone) {
    c_.places.push_back(Place{area, static_cast<std::uint16_t>(rng_.between(1, 199)),
                              static_cast<std::uint8_t>(rng_.index(names::kStreets.size())), kind,
                              premises});
    return static_cast<std::uint8_t>(c_.places.size() - 1);
  }
  std::uint8_t parents() const { return c_.has_father ? kMother | kFather : kMother; }
  std::uint8_t family() const { return parents() | kChild; }

  // ----- events -----
  void person(Stamp at, AgencyIndex by, Who who) { add(EventType::kPerson, at, by).who = who; }
  void circumstances(Stamp at, AgencyIndex by, const Circumstances& c, bool with_health) {
    Planned& p = add(EventType::kCircumstances, at, by);
    p.who = kMother;
    p.e1 = code(c.housing);
    p.e2 = code(c.income);
    p.e3 = code(c.immigration);
    p.flag = with_health;
    p.mask = c.health;
  }
  // Only `housing` (and income when given) changes: e2/e3 0xff mean "not given".
  void housing_changes(Stamp at, AgencyIndex by, Housing housing,
                       std::optional<Income> income = std::nullopt) {
    Planned& p = add(EventType::kCircumstances, at, by);
    p.who = kMother;
    p.e1 = code(housing);
    p.e2 = income ? code(*income) : 0xff;
    p.e3 = 0xff;
  }
  Planned& address(Stamp at, AgencyIndex by, std::uint8_t who, std::uint8_t place,
                   AddressNotice notice = AddressNotice::kPlanned) {
    Planned& p = add(EventType::kAddress, at, by);
    p.who = who;
    p.place = place;
    p.e1 = code(notice);
    return p;
  }
  Planned& contact(Stamp at, AgencyIndex by, std::uint8_t who, ContactMode mode,
                   ContactOutcome outcome) {
    Planned& p = add(EventType::kContact, at, by);
    p.who = who;
    p.e1 = code(mode);
    p.e2 = code(outcome);
    p.flag = outcome == ContactOutcome::kSeen && (who & kChild) != 0;
    return p;
  }
  Planned& appointment(Stamp at, AgencyIndex by, AppointmentKind kind,
                       AppointmentOutcome outcome = AppointmentOutcome::kAttended) {
    Planned& p = add(EventType::kAppointment, at, by);
    p.e1 = code(kind);
    p.e2 = code(outcome);
    return p;
  }
  Planned& indicator(Stamp at, AgencyIndex by, Indicator i,
                     IndicatorStatus status = IndicatorStatus::kPresent) {
    Planned& p = add(EventType::kIndicator, at, by);
    p.e1 = code(i);
    p.e2 = code(status);
    return p;
  }
  void hv_level(Stamp at, AgencyIndex by, HvLevel level) {
    add(EventType::kHvLevel, at, by).e1 = code(level);
  }
  void registration(Stamp at, AgencyIndex gp) { add(EventType::kRegistration, at, gp).a1 = gp; }
  std::uint8_t referral(Stamp at, AgencyIndex from, AgencyIndex to, std::uint32_t concerns) {
    Planned& p = add(EventType::kReferral, at, from);
    p.id_no = new_id();
    p.a1 = from;
    p.a2 = to;
    p.mask = concerns;
    p.who = kMother;  // the referral names the mother
    return p.id_no;
  }
  Planned& referral_outcome(Stamp at, AgencyIndex by, std::uint8_t referral,
                            ReferralOutcomeKind outcome, AgencyIndex to = 0) {
    Planned& p = add(EventType::kReferralOutcome, at, by);
    p.ref_no = referral;
    p.e1 = code(outcome);
    p.a2 = to;
    return p;
  }
  std::uint8_t assessment_started(Stamp at, AgencyIndex by, AssessmentKind kind) {
    Planned& p = add(EventType::kAssessmentStarted, at, by);
    p.id_no = new_id();
    p.e1 = code(kind);
    p.a1 = by;
    return p.id_no;
  }
  Planned& assessment_completed(Stamp at, AgencyIndex by, std::uint8_t assessment,
                                AssessmentOutcome outcome) {
    Planned& p = add(EventType::kAssessmentCompleted, at, by);
    p.ref_no = assessment;
    p.e1 = code(outcome);
    return p;
  }
  Planned& transfer(Stamp at, AgencyIndex from, AgencyIndex to, TransferStatus status,
                    std::uint8_t summary, std::uint32_t risks,
                    TransferMode mode = TransferMode::kWritten) {
    Planned& p = add(EventType::kTransfer, at, from);
    p.id_no = new_id();
    p.a1 = from;
    p.a2 = to;
    p.e1 = code(status);
    p.e2 = summary;
    p.e3 = code(mode);
    p.mask = risks;
    return p;
  }
  void transfer_accepted(Stamp at, AgencyIndex by, std::uint8_t transfer, bool child_seen) {
    Planned& p = add(EventType::kTransferAccepted, at, by);
    p.ref_no = transfer;
    p.flag = child_seen;
  }
  void records_transfer(Stamp at, AgencyIndex from, AgencyIndex to, bool accessed) {
    Planned& p = add(EventType::kRecordsTransfer, at, from);
    p.a1 = from;
    p.a2 = to;
    p.flag = accessed;
  }
  void notification(Stamp at, AgencyIndex from, AgencyIndex to, NotificationSubject subject,
                    std::uint8_t who) {
    Planned& p = add(EventType::kNotification, at, from);
    p.a1 = from;
    p.a2 = to;
    p.e1 = code(subject);
    p.who = who;
  }
  void case_closed(Stamp at, AgencyIndex by, ClosureReason reason) {
    Planned& p = add(EventType::kCaseClosed, at, by);
    p.a1 = by;
    p.e1 = code(reason);
  }

  // ----- the parts of a life -----
  void choose_family(int father_per_mille, int origin);
  void booking(const Circumstances& situation);
  void antenatal_midwife();
  void antenatal_health_visit(std::int32_t day);
  void antenatal_health_visit_on_time() { antenatal_health_visit(c_.edd - rng_.between(30, 80)); }
  void birth(bool with_address, bool notify_hv);
  void registration_and_new_birth_visit();
  std::int32_t review_6_8_week();
  void immunisation(int from, int to);
  void review_1_year();
  void planned_move_with_handover(std::int32_t day);

  // ----- the profiles -----
  void well_served(bool moves);
  void missed_reviews();
  void late_gp_notice();
  void move_without_hv_handover();
  void moved_without_notice();
  void referral_late();
  void s47_incomplete_strategy();
  void transfer_understated();
  void nrpf_destitute();
  void neglect_multi_domain();
  void child_protection();

  Rng rng_;
  const World& world_;
  Child& c_;
  std::uint8_t next_id_ = 0;
  AreaIndex area_ = 0;     // where the family lives now
  AgencyIndex gp_ = 0;     // the child's GP practice now
  std::uint8_t home_ = 0;  // the family's current place
};

Profile draw_profile(Rng& rng) {
  int roll = rng.between(0, 999);
  for (const ProfileShare& share : profile_mix()) {
    if (roll < share.per_mille) return share.profile;
    roll -= share.per_mille;
  }
  return Profile::kWellServed;
}

void Life::plan() {
  c_.profile = draw_profile(rng_);
  area_ = static_cast<AreaIndex>(rng_.index(world_.area_count()));
  gp_ = agency(rng_.chance(500) ? Slot::kGp1 : Slot::kGp2);
  const int booked_at_gestation = rng_.between(56, 90);  // days, 8 to 13 weeks
  c_.edd = c_.booking_day + 280 - booked_at_gestation;
  c_.birth_day = c_.edd + rng_.between(-14, 10);

  switch (c_.profile) {
    case Profile::kWellServed:
      well_served(false);
      break;
    case Profile::kWellServedMoved:
      well_served(true);
      break;
    case Profile::kMissedReviews:
      missed_reviews();
      break;
    case Profile::kLateGpNotice:
      late_gp_notice();
      break;
    case Profile::kMoveWithoutHvHandover:
      move_without_hv_handover();
      break;
    case Profile::kMovedWithoutNotice:
      moved_without_notice();
      break;
    case Profile::kReferralLate:
      referral_late();
      break;
    case Profile::kS47IncompleteStrategy:
      s47_incomplete_strategy();
      break;
    case Profile::kTransferUnderstated:
      transfer_understated();
      break;
    case Profile::kNrpfDestitute:
      nrpf_destitute();
      break;
    case Profile::kNeglectMultiDomain:
      neglect_multi_domain();
      break;
    case Profile::kChildProtection:
      child_protection();
      break;
  }
  std::stable_sort(c_.events.begin(), c_.events.end(),
                   [](const Planned& a, const Planned& b) { return a.key < b.key; });
}

// ----- the parts of a life -----

// `origin` < 0 draws one: mostly British, some settled EEA nationals.
void Life::choose_family(int father_per_mille, int origin) {
  c_.sex = rng_.chance(500) ? Sex::kF : Sex::kM;
  c_.mother_given = static_cast<std::uint8_t>(rng_.index(names::kGivenFemale.size()));
  c_.father_given = static_cast<std::uint8_t>(rng_.index(names::kGivenMale.size()));
  c_.child_given = static_cast<std::uint8_t>(
      rng_.index(c_.sex == Sex::kF ? names::kGivenFemale.size() : names::kGivenMale.size()));
  c_.family = static_cast<std::uint8_t>(rng_.index(names::kFamily.size()));
  c_.has_father = rng_.chance(father_per_mille);
  if (origin < 0) {
    const int roll = rng_.between(0, 99);
    origin = roll < 80 ? 0 : roll < 90 ? 1 + roll % 2 : names::kFirstEeaOrigin + roll % 3;
  }
  c_.origin = static_cast<std::uint8_t>(origin);
  const int age_years = rng_.between(18, 42);
  c_.mother_dob = c_.booking_day - age_years * 365 - rng_.between(0, 364);
}

// The booking appointment: the mother (and father) named, the pregnancy, her
// circumstances and home, and the contact itself. All bare dates of one day,
// in this order, so each line finds the persons it names.
void Life::booking(const Circumstances& situation) {
  const Stamp b = day(c_.booking_day);
  const AgencyIndex mw = agency(Slot::kMidwifery);
  person(b, mw, kMother);
  if (c_.has_father) person(b, mw, kFather);
  add(EventType::kPregnancy, b, mw).who = kMother | kChild;
  if (c_.has_father) {
    Planned& r = add(EventType::kRelationship, b, mw);
    r.e1 = code(RelationshipRole::kFather);
    r.flag = true;
  }
  circumstances(b, mw, situation, true);
  home_ = new_place(area_);
  address(b, mw, parents(), home_);
  contact(b, mw, parents(), ContactMode::kClinic, ContactOutcome::kSeen).note =
      "Booking appointment.";
}

void Life::antenatal_midwife() {
  contact(timed(c_.edd - rng_.between(60, 100)), agency(Slot::kMidwifery), parents(),
          ContactMode::kClinic, ContactOutcome::kSeen);
}

void Life::antenatal_health_visit(std::int32_t d) {
  contact(timed(d), agency(Slot::kHealthVisiting), parents(), ContactMode::kHomeVisit,
          ContactOutcome::kSeen)
      .note = "Antenatal health-visiting contact.";
}

// The birth, the child's name and NHS number, and (when `with_address`) the
// child's first address, the family home; with `notify_hv`, the birth notice
// to health visiting the next day.
void Life::birth(bool with_address, bool notify_hv) {
  const Stamp d = day(c_.birth_day);
  const AgencyIndex mw = agency(Slot::kMidwifery);
  Planned& b = add(EventType::kBirth, d, mw);
  b.who = kChild | kMother;
  b.a1 = mw;
  b.number = static_cast<std::uint16_t>(rng_.between(2500, 4300));
  person(d, mw, kChild);
  if (with_address) address(d, mw, kChild, home_);
  if (notify_hv) {
    notification(day(c_.birth_day + 1), mw, agency(Slot::kHealthVisiting),
                 NotificationSubject::kBirth, kMother | kChild);
  }
}

// GP registration on day 3-7 and the new birth visit 1-4 days later (by day
// 12): within 7 working days of the registration and by day 14.
void Life::registration_and_new_birth_visit() {
  const int registered = rng_.between(3, 7);
  registration(day(c_.birth_day + registered), gp_);
  const Stamp visit = timed(c_.birth_day + std::min(registered + rng_.between(1, 4), 12));
  const AgencyIndex hv = agency(Slot::kHealthVisiting);
  appointment(visit, hv, AppointmentKind::kNewBirthVisit);
  hv_level(visit, hv, HvLevel::kUniversal);
}

std::int32_t Life::review_6_8_week() {
  const std::int32_t d = c_.birth_day + rng_.between(42, 55);
  appointment(timed(d), agency(Slot::kHealthVisiting), AppointmentKind::kReview68Week);
  return d;
}

void Life::immunisation(int from, int to) {
  appointment(timed(c_.birth_day + rng_.between(from, to)), gp_, AppointmentKind::kImmunisation);
}

// Between 9 and 12 months (day 280 to 360).
void Life::review_1_year() {
  appointment(timed(c_.birth_day + rng_.between(280, 360)), agency(Slot::kHealthVisiting),
              AppointmentKind::kReview1Year);
}

// A move told in advance, handed over in writing on the day, with the new GP
// registration on the next day or two and the new health visitor seeing the
// child 3-6 days after the move (within 7 working days of both).
void Life::planned_move_with_handover(std::int32_t d) {
  const AreaIndex to = other_area();
  const std::uint8_t place = new_place(to);
  const AgencyIndex old_hv = agency(Slot::kHealthVisiting);
  const AgencyIndex new_hv = agency(to, Slot::kHealthVisiting);
  const AgencyIndex new_gp = agency(to, rng_.chance(500) ? Slot::kGp1 : Slot::kGp2);
  address(day(d), old_hv, family(), place).note = "Planned move, told in advance.";
  const std::uint8_t t = transfer(day(d), old_hv, new_hv, TransferStatus::kUniversal, 0, 0).id_no;
  Planned& dereg = add(EventType::kDeregistration, day(d + rng_.between(0, 1)), gp_);
  dereg.a1 = gp_;
  dereg.e1 = code(DeregistrationReason::kMoved);
  registration(day(d + rng_.between(1, 2)), new_gp);
  records_transfer(day(d + rng_.between(2, 4)), old_hv, new_hv, true);
  const Stamp seen = timed(d + rng_.between(3, 6));
  contact(seen, new_hv, kMother | kChild, ContactMode::kHomeVisit, ContactOutcome::kSeen).note =
      "First visit by the new health visitor.";
  transfer_accepted(seen, new_hv, t, true);
  area_ = to;
  gp_ = new_gp;
  home_ = place;
}

// ----- the profiles -----

void Life::well_served(bool moves) {
  choose_family(650, -1);
  booking({Housing::kSettled, rng_.chance(700) ? Income::kEarned : Income::kBenefits,
           c_.origin < names::kFirstEeaOrigin ? Immigration::kCitizen : Immigration::kSettled, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  review_6_8_week();
  immunisation(56, 60);
  immunisation(84, 88);
  immunisation(112, 116);
  if (moves) planned_move_with_handover(c_.birth_day + rng_.between(130, 250));
  review_1_year();
  immunisation(366, 380);
}

void Life::missed_reviews() {
  choose_family(500, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  const AgencyIndex hv = agency(Slot::kHealthVisiting);
  const std::int32_t missed = c_.birth_day + rng_.between(44, 50);
  appointment(timed(missed), hv, AppointmentKind::kReview68Week, AppointmentOutcome::kWasNotBrought)
      .note = "6-8 week review: not brought.";
  contact(timed(missed + rng_.between(1, 3)), hv, kMother, ContactMode::kPhone,
          ContactOutcome::kNoAnswer);
  const std::int32_t second = c_.birth_day + rng_.between(57, 62);
  appointment(timed(second), gp_, AppointmentKind::kImmunisation,
              AppointmentOutcome::kWasNotBrought)
      .note = "8-week immunisations: not brought.";
  if (rng_.chance(500)) {
    indicator(day(second + rng_.between(1, 5)), hv, Indicator::kMissedHealthAppointments);
  }
  if (rng_.chance(600)) {
    appointment(timed(c_.birth_day + rng_.between(63, 85)), hv, AppointmentKind::kReview68Week)
        .note = "6-8 week review, late.";
  }
  immunisation(88, 95);
  immunisation(120, 130);
  if (rng_.chance(500)) {
    appointment(timed(c_.birth_day + rng_.between(300, 350)), hv, AppointmentKind::kReview1Year,
                AppointmentOutcome::kWasNotBrought);
  }
}

// Finding 3: the family moves just after the birth; the new GP registers the
// child but the message reaches nobody for weeks, so no health visitor sees
// her in time and the new birth visit is missed.
void Life::late_gp_notice() {
  choose_family(500, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  const AreaIndex to = other_area();
  const std::uint8_t place = new_place(to);
  contact(timed(c_.birth_day + rng_.between(8, 11)), agency(Slot::kHealthVisiting),
          kMother | kChild, ContactMode::kHomeVisit, ContactOutcome::kNotAtAddress)
      .note = "New birth visit attempted; family not at the address.";
  const AgencyIndex new_gp = World::agency(to, rng_.chance(500) ? Slot::kGp1 : Slot::kGp2);
  const std::int32_t registered = c_.birth_day + rng_.between(4, 9);
  const std::int32_t learnt = registered + rng_.between(20, 40);
  Planned& reg = add(EventType::kRegistration, day(registered), new_gp);
  reg.a1 = new_gp;
  reg.note = "Registration left in the practice's message book; health visiting not told.";
  recorded_on(reg, learnt);
  recorded_on(address(day(registered), new_gp, kMother | kChild, place), learnt);
  area_ = to;
  gp_ = new_gp;
  home_ = place;
  const AgencyIndex hv = agency(Slot::kHealthVisiting);
  const std::int32_t seen = learnt + rng_.between(3, 20);
  contact(timed(seen), hv, kMother | kChild, ContactMode::kDropIn, ContactOutcome::kSeen).note =
      "First seen by health visiting, at a drop-in clinic.";
  hv_level(day(seen), hv, HvLevel::kUniversal);
  if (rng_.chance(600)) {
    appointment(timed(seen + rng_.between(7, 14)), hv, AppointmentKind::kReview68Week);
  }
  immunisation(95, 105);
  immunisation(125, 135);
  immunisation(155, 165);
  review_1_year();
}

// Finding 8: an enhanced child moves area; health visiting sends no handover,
// or a late verbal one at universal status, and the records go unread.
void Life::move_without_hv_handover() {
  choose_family(400, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  const AgencyIndex hv = agency(Slot::kHealthVisiting);
  const std::int32_t review = review_6_8_week();
  indicator(day(review), hv, Indicator::kPoorWeightGain);
  hv_level(day(review), hv, HvLevel::kUniversalPlus);
  contact(timed(review + rng_.between(10, 20)), hv, kMother | kChild, ContactMode::kClinic,
          ContactOutcome::kSeen)
      .note = "Weight check.";
  immunisation(56, 60);
  immunisation(84, 88);

  const std::int32_t moved = c_.birth_day + rng_.between(95, 160);
  const std::int32_t learnt = moved + rng_.between(5, 15);
  const AreaIndex to = other_area();
  const std::uint8_t place = new_place(to);
  const AgencyIndex new_hv = World::agency(to, Slot::kHealthVisiting);
  Planned& move = address(day(moved), hv, family(), place, AddressNotice::kReportedByOther);
  move.note = "New address seen on the NHS spine.";
  recorded_on(move, learnt);
  if (rng_.chance(500)) {
    records_transfer(day(moved + rng_.between(40, 60)), hv, new_hv, false);
    if (rng_.chance(500)) {
      registration(day(moved + rng_.between(20, 39)),
                   World::agency(to, rng_.chance(500) ? Slot::kGp1 : Slot::kGp2));
    }
  } else {
    const std::int32_t sent = learnt + rng_.between(1, 7);
    transfer(day(sent), hv, new_hv, TransferStatus::kUniversal, 1, 0, TransferMode::kVerbal).note =
        "Verbal handover at universal level; the enhanced service and weight concern not passed "
        "on.";
    contact(timed(sent + rng_.between(5, 10)), new_hv, kMother, ContactMode::kPhone,
            ContactOutcome::kNoAnswer);
    contact(timed(sent + rng_.between(11, 15)), new_hv, kMother, ContactMode::kPhone,
            ContactOutcome::kNoAnswer);
    contact(timed(sent + rng_.between(16, 18)), new_hv, kMother, ContactMode::kSms,
            ContactOutcome::kNoAnswer);
    records_transfer(day(sent + rng_.between(25, 40)), hv, new_hv, false);
  }
  area_ = to;
}

// The family leaves without notice; then found in another area, or a claim
// that the child is abroad that nobody checks, or nothing more.
void Life::moved_without_notice() {
  choose_family(400, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  review_6_8_week();
  immunisation(56, 60);
  const AgencyIndex hv = agency(Slot::kHealthVisiting);
  const std::int32_t left = c_.birth_day + rng_.between(70, 140);
  const std::int32_t learnt = left + rng_.between(2, 4);
  const std::uint8_t unknown = new_place(area_, AddressKind::kUnknown);
  Planned& gone = address(day(left), hv, kMother | kChild, unknown, AddressNotice::kWithoutNotice);
  gone.note = "Family left without notice or a forwarding address.";
  recorded_on(gone, learnt);
  contact(timed(learnt), hv, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kNotAtAddress);
  Planned& lost = add(EventType::kWhereaboutsUnknown, day(learnt), hv);
  lost.place = home_;
  const int ending = rng_.between(0, 9);
  if (ending < 4) {
    Planned& missing = add(EventType::kMissing, day(learnt + 1), agency(Slot::kPolice));
    missing.e1 = code(MissingAlert::kPoliceMissingPerson);
    const std::int32_t found = learnt + rng_.between(3, 10);
    const AreaIndex to = other_area();
    const std::uint8_t place = new_place(to);
    Planned& f = add(EventType::kFound, day(found), World::agency(to, Slot::kPolice));
    f.place = place;
    const AgencyIndex new_hv = World::agency(to, Slot::kHealthVisiting);
    const AgencyIndex new_gp = World::agency(to, rng_.chance(500) ? Slot::kGp1 : Slot::kGp2);
    notification(day(found + 1), hv, new_hv, NotificationSubject::kMoveIn, kMother | kChild);
    registration(day(found + 1), new_gp);
    contact(timed(found + rng_.between(2, 6)), new_hv, kMother | kChild, ContactMode::kHomeVisit,
            ContactOutcome::kSeen);
    area_ = to;
    gp_ = new_gp;
    home_ = place;
    review_1_year();
  } else if (ending < 7) {
    const Stamp call = timed(learnt + rng_.between(5, 20));
    contact(call, gp_, kMother, ContactMode::kPhone, ContactOutcome::kSeen);
    Planned& claim = add(EventType::kClaim, call, gp_);
    claim.e1 = code(ClaimKind::kAbroad);
    claim.e2 = static_cast<std::uint8_t>(rng_.index(names::kClaimDetails.size()));
    claim.note = "Not verified.";
  }
}

// A police referral for domestic abuse that social care decides days late or
// never; an assessment, if started, finished late or never.
void Life::referral_late() {
  choose_family(800, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  review_6_8_week();
  immunisation(56, 60);
  immunisation(84, 88);
  const AgencyIndex police = agency(Slot::kPolice), csc = agency(Slot::kSocialCare);
  const std::int32_t incident = c_.birth_day + rng_.between(60, 200);
  contact(evening(incident), police, family(), ContactMode::kHomeVisit, ContactOutcome::kSeen)
      .note = "Police called to a domestic incident.";
  indicator(day(incident), police, Indicator::kDomesticAbuse);
  std::uint32_t concerns = bit(Indicator::kDomesticAbuse);
  if (rng_.chance(500)) concerns |= bit(Indicator::kParentalMentalHealth);
  const std::uint8_t r = referral(day(incident + 1), police, csc, concerns);
  if (rng_.chance(600)) {
    const std::int32_t decided = incident + 1 + rng_.between(3, 8);
    referral_outcome(day(decided), csc, r, ReferralOutcomeKind::kAssessment).note =
        "Decision made days after the referral.";
    const std::uint8_t a = assessment_started(day(decided), csc, AssessmentKind::kChildAndFamily);
    contact(timed(decided + rng_.between(5, 15)), csc, family(), ContactMode::kHomeVisit,
            ContactOutcome::kSeen);
    if (rng_.chance(500)) {
      assessment_completed(
          day(decided + rng_.between(70, 100)), csc, a,
          rng_.chance(500) ? AssessmentOutcome::kChildInNeed : AssessmentOutcome::kNoFurtherAction)
          .note = "Assessment completed after the 45 working days.";
    }
  }
  immunisation(112, 116);
  review_1_year();
}

// Findings 4 and 5: a telephone strategy discussion between social care and
// police only; a single-agency s47 ends with a medical finding no concern, and
// nobody weighs the other indicators again.
void Life::s47_incomplete_strategy() {
  choose_family(300, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  const AgencyIndex hv = agency(Slot::kHealthVisiting), csc = agency(Slot::kSocialCare);
  const std::int32_t review = review_6_8_week();
  indicator(day(review), hv, Indicator::kPoorWeightGain);
  hv_level(day(review), hv, HvLevel::kUniversalPlus);
  immunisation(56, 60);
  const std::int32_t lost_home = c_.birth_day + rng_.between(60, 90);
  housing_changes(day(lost_home), hv, Housing::kTemporary, Income::kNone);
  contact(timed(lost_home + rng_.between(1, 5)), hv, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kDeclined);
  contact(timed(lost_home + rng_.between(10, 20)), hv, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kDeclined);
  const std::int32_t referred = lost_home + rng_.between(21, 30);
  const std::uint8_t r =
      referral(day(referred), hv, csc,
               bit(Indicator::kPoorWeightGain) | bit(Indicator::kNonCooperation) |
                   bit(Indicator::kHomelessness) | bit(Indicator::kDestitution));
  referral_outcome(day(referred), csc, r, ReferralOutcomeKind::kStrategyDiscussion);
  const std::int32_t discussed = referred + 1;
  Planned& sd = add(EventType::kStrategyDiscussion, day(discussed), csc);
  sd.id_no = new_id();
  sd.e1 = code(DiscussionFormat::kTelephone);
  sd.e2 = code(StrategyDecision::kS47SingleAgency);
  sd.mask = bit(Slot::kSocialCare) | bit(Slot::kPolice);
  sd.note =
      "Telephone strategy discussion: social care and police only; the referring health "
      "visitor not included.";
  const std::uint8_t s47 = assessment_started(day(discussed), csc, AssessmentKind::kS47);
  contact(timed(discussed + 1), csc, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kSeen);
  const std::int32_t examined = discussed + rng_.between(4, 7);
  const AgencyIndex paed = agency(Slot::kPaediatrics);
  Planned& medical = add(EventType::kMedical, day(examined), paed);
  medical.e1 = code(Concern::kNone);
  medical.number = static_cast<std::uint16_t>(rng_.between(9, 25));
  medical.note = "Child protection medical: weight acceptable, no medical concerns.";
  indicator(day(examined), paed, Indicator::kPoorWeightGain, IndicatorStatus::kResolved);
  const std::int32_t concluded = examined + rng_.between(2, 5);
  Planned& end = add(EventType::kS47Concluded, day(concluded), csc);
  end.ref_no = s47;
  end.e1 = code(S47Outcome::kNotSubstantiated);
  end.note = "Enquiry closed after the medical; no further strategy discussion.";
  if (rng_.chance(500)) {
    case_closed(day(concluded + rng_.between(10, 20)), csc, ClosureReason::kNoFurtherAction);
  }
  immunisation(84, 88);
  immunisation(112, 116);
  if (rng_.chance(500)) review_1_year();
}

// Finding 7: during an open assessment the family moves area without notice;
// the transfer asks only for a welfare check, the old area closes the case and
// the new one closes it too without ever seeing the child.
void Life::transfer_understated() {
  choose_family(400, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  review_6_8_week();
  immunisation(56, 60);
  immunisation(84, 88);
  const AgencyIndex hv = agency(Slot::kHealthVisiting), csc = agency(Slot::kSocialCare);
  const std::int32_t referred = c_.birth_day + rng_.between(70, 150);
  indicator(day(referred), hv, Indicator::kInadequateSupervision);
  const std::uint8_t r =
      referral(day(referred), hv, csc,
               bit(Indicator::kInadequateSupervision) | bit(Indicator::kParentalSubstanceMisuse));
  referral_outcome(day(referred), csc, r, ReferralOutcomeKind::kAssessment);
  assessment_started(day(referred), csc, AssessmentKind::kChildAndFamily);
  contact(timed(referred + rng_.between(2, 5)), csc, family(), ContactMode::kHomeVisit,
          ContactOutcome::kSeen);

  const std::int32_t moved = referred + rng_.between(15, 30);
  const AreaIndex to = other_area();
  const std::uint8_t place = new_place(to);
  const AgencyIndex new_csc = World::agency(to, Slot::kSocialCare);
  address(day(moved), csc, family(), place, AddressNotice::kWithoutNotice);
  const std::uint8_t t = transfer(day(moved), csc, new_csc, TransferStatus::kWelfareCheck, 2,
                                  bit(Indicator::kInadequateSupervision))
                             .id_no;
  transfer_accepted(day(moved + 1), new_csc, t, false);
  contact(timed(moved + rng_.between(3, 5)), new_csc, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kNotAtAddress);
  contact(timed(moved + rng_.between(7, 10)), new_csc, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kNotAtAddress);
  case_closed(day(moved + rng_.between(11, 14)), csc, ClosureReason::kTransferred);
  Planned& lost = add(EventType::kWhereaboutsUnknown, day(moved + rng_.between(15, 18)), new_csc);
  lost.place = place;
  case_closed(day(moved + rng_.between(19, 25)), new_csc, ClosureReason::kNotFound);
  area_ = to;
}

// Findings 1 and 2: a mother with no recourse to public funds and no home; the
// pre-birth referral is passed to housing, whose review of options covers only
// advice; after the birth social care places mother and baby in a hostel in
// another area without telling it, and she then gives a day centre as home.
void Life::nrpf_destitute() {
  const bool eea = rng_.chance(500);
  choose_family(200, eea ? names::kFirstEeaOrigin + rng_.between(0, 3)
                         : names::kFirstNonEeaOrigin + rng_.between(0, 2));
  booking({Housing::kSofaSurfing, Income::kNone,
           eea ? Immigration::kEeaNoWorkHistory : Immigration::kNrpf, rng_.chance(400) ? 1u : 0u});
  antenatal_midwife();
  const AgencyIndex mw = agency(Slot::kMidwifery), csc = agency(Slot::kSocialCare),
                    housing = agency(Slot::kHousing);
  const std::int32_t referred = c_.booking_day + rng_.between(30, 60);
  const std::uint8_t r = referral(
      day(referred), mw, csc,
      bit(Indicator::kPregnancy) | bit(Indicator::kHomelessness) | bit(Indicator::kDestitution));
  referral_outcome(day(referred + 1), csc, r, ReferralOutcomeKind::kPassedTo, housing).note =
      "Passed to housing; no pre-birth assessment.";
  const Stamp office = timed(referred + rng_.between(5, 15));
  contact(office, housing, kMother, ContactMode::kOffice, ContactOutcome::kSeen);
  Planned& options = add(EventType::kOptionsReview, office, housing);
  options.who = kMother;
  options.a1 = housing;
  options.mask = bit(SupportOption::kSpecialistAdvice);
  options.note = "Advice only; support under s17 not considered.";
  // After 36 weeks (edd - 28) but before the earliest birth (edd - 14).
  antenatal_health_visit(c_.edd - rng_.between(15, 27));
  birth(false, false);

  const AreaIndex placed_in = other_area();
  const std::uint8_t hostel = new_place(placed_in, AddressKind::kTemporary, Premises::kHostel);
  const std::int32_t placed = c_.birth_day + rng_.between(2, 5);
  address(day(placed), csc, kMother | kChild, hostel).note =
      "Placed in a hostel in another area under s17.";
  housing_changes(day(placed), csc, Housing::kTemporary);
  const AgencyIndex hv = World::agency(placed_in, Slot::kHealthVisiting);
  notification(day(placed), mw, hv, NotificationSubject::kBirth, kMother | kChild);
  const Stamp visit = timed(placed + rng_.between(2, 6));
  appointment(visit, hv, AppointmentKind::kNewBirthVisit);
  hv_level(visit, hv, HvLevel::kUniversalPlus);

  const std::int32_t gave = c_.birth_day + rng_.between(30, 60);
  const std::int32_t learnt = gave + rng_.between(3, 10);
  const std::uint8_t day_centre = new_place(area_, AddressKind::kResidential, Premises::kDayCentre);
  Planned& spine =
      address(day(gave), hv, kMother | kChild, day_centre, AddressNotice::kReportedByOther);
  spine.note = "Address given on the NHS spine is a day centre.";
  recorded_on(spine, learnt);
  contact(timed(learnt + 1), hv, kMother | kChild, ContactMode::kHomeVisit,
          ContactOutcome::kNotAtAddress);
  if (rng_.chance(500)) {
    contact(timed(learnt + rng_.between(10, 30)), agency(Slot::kHealthVisiting), kMother | kChild,
            ContactMode::kDropIn, ContactOutcome::kSeen);
  }
}

// Findings 5 and 6: indicators build up across domains; the assessment closes
// with no further action, and a neglect assessment follows late or never.
void Life::neglect_multi_domain() {
  choose_family(500, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  review_6_8_week();
  immunisation(56, 60);
  const AgencyIndex hv = agency(Slot::kHealthVisiting), csc = agency(Slot::kSocialCare),
                    housing = agency(Slot::kHousing);
  const std::int32_t first = c_.birth_day + rng_.between(60, 90);
  contact(timed(first), hv, kMother | kChild, ContactMode::kHomeVisit, ContactOutcome::kSeen);
  indicator(day(first), hv, Indicator::kPoorHygiene);
  appointment(timed(c_.birth_day + rng_.between(84, 90)), gp_, AppointmentKind::kImmunisation,
              AppointmentOutcome::kWasNotBrought);
  const std::int32_t second = first + rng_.between(10, 30);
  indicator(day(second), gp_, Indicator::kParentalMentalHealth);
  const std::int32_t third = second + rng_.between(5, 20);
  contact(timed(third), housing, kMother, ContactMode::kOffice, ContactOutcome::kSeen);
  indicator(day(third), housing, Indicator::kUnsuitableAccommodation);
  const std::int32_t referred = third + rng_.between(3, 10);
  const std::uint8_t r =
      referral(day(referred), hv, csc,
               bit(Indicator::kPoorHygiene) | bit(Indicator::kParentalMentalHealth) |
                   bit(Indicator::kUnsuitableAccommodation));
  referral_outcome(day(referred), csc, r, ReferralOutcomeKind::kAssessment);
  const std::uint8_t a = assessment_started(day(referred), csc, AssessmentKind::kChildAndFamily);
  contact(timed(referred + rng_.between(3, 8)), csc, family(), ContactMode::kHomeVisit,
          ContactOutcome::kSeen);
  const std::int32_t closed = referred + rng_.between(20, 30);
  assessment_completed(day(closed), csc, a, AssessmentOutcome::kNoFurtherAction).note =
      "No further action: each concern judged on its own.";
  if (rng_.chance(500)) {
    const std::int32_t started = closed + rng_.between(20, 40);
    const std::uint8_t n = assessment_started(day(started), csc, AssessmentKind::kNeglect);
    contact(timed(started + rng_.between(2, 6)), csc, family(), ContactMode::kHomeVisit,
            ContactOutcome::kSeen);
    const std::int32_t done = started + rng_.between(25, 35);
    Planned& completed = assessment_completed(day(done), csc, n, AssessmentOutcome::kChildInNeed);
    completed.flag = true;  // with a profile
    for (std::size_t i = 0; i < names::kProfileDomains.size(); ++i) {
      completed.mask |= static_cast<std::uint32_t>(rng_.between(2, 4)) << (3 * i);
    }
    Planned& plan = add(EventType::kPlanStarted, day(done), csc);
    const std::uint8_t plan_id = plan.id_no = new_id();
    plan.e1 = code(PlanKind::kChildInNeed);
    plan.a1 = csc;
    std::int32_t visit = done;
    for (int i = 0; i < 3; ++i) {
      visit += rng_.between(12, 18);
      contact(timed(visit), csc, kMother | kChild, ContactMode::kHomeVisit, ContactOutcome::kSeen);
    }
    add(EventType::kPlanEnded, day(visit + rng_.between(5, 10)), csc).ref_no = plan_id;
  }
  review_1_year();
}

// Served well by social care: a joint s47 after a strategy meeting with every
// agency, an initial conference in time, a CP plan with visits every 6-9 days
// and an enhanced health-visiting service, reviewed within three months.
void Life::child_protection() {
  choose_family(900, -1);
  booking({Housing::kSettled, Income::kBenefits, Immigration::kCitizen, 0});
  antenatal_health_visit_on_time();
  birth(true, true);
  registration_and_new_birth_visit();
  review_6_8_week();
  immunisation(56, 60);
  immunisation(84, 88);
  immunisation(112, 116);
  const AgencyIndex police = agency(Slot::kPolice), csc = agency(Slot::kSocialCare),
                    hv = agency(Slot::kHealthVisiting);
  const std::uint32_t everyone = bit(Slot::kSocialCare) | bit(Slot::kPolice) |
                                 bit(Slot::kHealthVisiting) |
                                 (1u << (gp_ - World::agency(area_, Slot::kPartnership)));
  const std::int32_t incident = c_.birth_day + rng_.between(70, 150);
  contact(evening(incident), police, family(), ContactMode::kHomeVisit, ContactOutcome::kSeen)
      .note = "Police called to a domestic incident; the baby was present.";
  indicator(day(incident), police, Indicator::kDomesticAbuse);
  const std::uint8_t r = referral(day(incident + 1), police, csc, bit(Indicator::kDomesticAbuse));
  referral_outcome(day(incident + 1), csc, r, ReferralOutcomeKind::kStrategyDiscussion);
  const std::int32_t discussed = incident + 2;
  Planned& sd = add(EventType::kStrategyDiscussion, day(discussed), csc);
  sd.id_no = new_id();
  sd.e1 = code(DiscussionFormat::kMeeting);
  sd.e2 = code(StrategyDecision::kS47Joint);
  sd.mask = everyone;
  const std::uint8_t s47 = assessment_started(day(discussed), csc, AssessmentKind::kS47);
  const std::int32_t concluded = discussed + rng_.between(7, 10);
  Planned& end = add(EventType::kS47Concluded, day(concluded), csc);
  end.ref_no = s47;
  end.e1 = code(S47Outcome::kIcpc);
  const std::int32_t initial = concluded + rng_.between(2, 4);
  auto conference = [&](std::int32_t d, ConferenceKind kind, ConferenceDecision decision) {
    Planned& p = add(EventType::kConference, day(d), csc);
    p.e1 = code(kind);
    p.e2 = code(decision);
    p.mask = everyone;
  };
  conference(initial, ConferenceKind::kInitial, ConferenceDecision::kCpPlan);
  Planned& plan = add(EventType::kPlanStarted, day(initial), csc);
  plan.id_no = new_id();
  plan.e1 = code(PlanKind::kChildProtection);
  plan.a1 = csc;
  const std::uint8_t plan_id = plan.id_no;
  hv_level(day(initial), hv, HvLevel::kPartnershipPlus);

  std::int32_t ends = initial + rng_.between(70, 84);
  if (rng_.chance(400)) {
    conference(ends, ConferenceKind::kReview, ConferenceDecision::kCpPlan);
    ends += rng_.between(80, 100);
  }
  conference(ends, ConferenceKind::kReview, ConferenceDecision::kNoPlan);
  add(EventType::kPlanEnded, day(ends), csc).ref_no = plan_id;
  hv_level(day(ends), hv, HvLevel::kUniversal);
  for (std::int32_t d = discussed + 1; d < ends; d += rng_.between(6, 9)) {
    contact(timed(d), csc, family(), ContactMode::kHomeVisit, ContactOutcome::kSeen);
  }
  for (std::int32_t d = initial + rng_.between(3, 10); d < ends; d += rng_.between(20, 28)) {
    contact(timed(d), hv, kMother | kChild, ContactMode::kHomeVisit, ContactOutcome::kSeen);
  }
  review_1_year();
}

}  // namespace

void plan_life(std::uint64_t seed, std::int64_t seq, std::int32_t booking_day, Child& child) {
  Life(seed, seq, booking_day, child).plan();
}

}  // namespace sightline::synth
