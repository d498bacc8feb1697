// What the fields of a Planned event mean, by type (every type also uses
// `at`, `late`/`recorded`, `by` and `note`):
//
//   person           who: the one person (mother, father or child)
//   pregnancy        (the child's edd)
//   birth            a1: place; number: weight_g
//   relationship     e1: role; flag: known_to_professionals (father of the child)
//   circumstances    e1 housing; e2 income, e3 immigration (0xff: not given);
//                    flag: health given, mask: its codes (names::kHealthCodes)
//   address          who: persons; place; e1: notice
//   whereabouts_unknown / found   place: last known / found at (kNoPlace: none)
//   missing          e1: alert
//   claim            e1: claim; e2: detail (names::kClaimDetails); flag: verified
//   registration     a1: GP practice
//   deregistration   a1: GP practice; e1: reason
//   hv_level         e1: level
//   appointment      e1: kind; e2: outcome
//   medical          e1: concern; number: weight centile
//   records_transfer a1 → a2; flag: accessed
//   contact          who: persons; e1: mode; e2: outcome; flag: child_seen
//   referral         id_no; a1 → a2; mask: concerns (Indicator bits); who: names the mother
//   referral_outcome ref_no; e1: outcome; a2: to (passed_to/signposted only)
//   indicator        e1: indicator; e2: status
//   notification     a1 → a2; e1: subject; who: persons
//   assessment_started   id_no; e1: kind; a1: agency
//   assessment_completed ref_no; e1: outcome; flag: profile in mask (3 bits a domain)
//   strategy_discussion  id_no; e1: format; e2: decision; mask: participants (Slot
//                        bits, agencies of the convening agency's area)
//   s47_concluded    ref_no; e1: outcome
//   conference       e1: kind; e2: decision; mask: participants as above
//   plan_started     id_no; e1: kind; a1: agency
//   plan_ended       ref_no
//   transfer         id_no; a1 → a2; e1: status; e2: summary (names::kTransferSummaries);
//                    e3: mode; mask: risks (Indicator bits)
//   transfer_accepted    ref_no; flag: child_seen
//   case_closed      a1: agency; e1: reason
//   options_review   who: the person; a1: agency; mask: options (SupportOption bits)
//
// Event ids are the child's id, a dash, a letter for the kind and the number:
// c12-r1 (referral), c12-a2 (assessment), c12-s3 (strategy discussion),
// c12-p4 (plan), c12-t5 (transfer).
#include "synth/render.h"

#include <charconv>
#include <chrono>
#include <utility>

#include "synth/names.h"

namespace sightline::synth {
namespace {

template <class E>
E as(std::uint8_t code) {
  return static_cast<E>(code);
}

char id_letter(EventType type) {
  switch (type) {
    case EventType::kReferral:
    case EventType::kReferralOutcome:
      return 'r';
    case EventType::kAssessmentStarted:
    case EventType::kAssessmentCompleted:
    case EventType::kS47Concluded:
      return 'a';
    case EventType::kStrategyDiscussion:
      return 's';
    case EventType::kPlanStarted:
    case EventType::kPlanEnded:
      return 'p';
    default:
      return 't';  // transfer, transfer_accepted
  }
}

// Appends the members of one line; `out` already holds its start.
class Line {
 public:
  Line(std::string& out, const Child& child, const World& world)
      : out_(out), child_(child), world_(world) {}

  void raw(std::string_view s) { out_.append(s); }
  void key(std::string_view k) {
    out_ += ",\"";
    out_ += k;
    out_ += "\":";
  }
  void str(std::string_view k, std::string_view v) {
    key(k);
    quoted(v);
  }
  void quoted(std::string_view v) {
    out_ += '"';
    out_ += v;
    out_ += '"';
  }
  template <class E>
  void name(std::string_view k, E value) {
    str(k, to_string(value));
  }
  void number(std::string_view k, std::uint64_t v) {
    key(k);
    digits(v);
  }
  void boolean(std::string_view k, bool v) {
    key(k);
    out_ += v ? "true" : "false";
  }
  void digits(std::uint64_t v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, end);
  }

  void person_id(Who who) {
    out_ += '"';
    out_ += who == kMother ? 'm' : who == kFather ? 'f' : 'c';
    digits(static_cast<std::uint64_t>(child_.seq));
    out_ += '"';
  }
  void person(std::string_view k, Who who) {
    key(k);
    person_id(who);
  }
  void persons(std::string_view k, std::uint8_t who) {
    key(k);
    out_ += '[';
    bool first = true;
    for (const Who w : {kMother, kFather, kChild}) {
      if ((who & w) == 0) continue;
      if (!first) out_ += ',';
      first = false;
      person_id(w);
    }
    out_ += ']';
  }
  void agency(std::string_view k, AgencyIndex a) { str(k, world_.agency_id(a)); }
  void event_id(std::string_view k, char letter, std::uint8_t number) {
    key(k);
    out_ += "\"c";
    digits(static_cast<std::uint64_t>(child_.seq));
    out_ += '-';
    out_ += letter;
    digits(number);
    out_ += '"';
  }
  template <class E>
  void names_from_bits(std::string_view k, std::uint32_t bits, int count) {
    key(k);
    out_ += '[';
    bool first = true;
    for (int i = 0; i < count; ++i) {
      if ((bits & (1u << i)) == 0) continue;
      if (!first) out_ += ',';
      first = false;
      quoted(to_string(static_cast<E>(i)));
    }
    out_ += ']';
  }
  // Agencies of `area` whose Slot bit is set.
  void participants(std::string_view k, AreaIndex area, std::uint32_t slots) {
    key(k);
    out_ += '[';
    bool first = true;
    for (int s = 0; s < kSlotCount; ++s) {
      if ((slots & (1u << s)) == 0) continue;
      if (!first) out_ += ',';
      first = false;
      quoted(world_.agency_id(World::agency(area, static_cast<Slot>(s))));
    }
    out_ += ']';
  }
  void address(std::string_view k, std::uint8_t index) {
    const Place& p = child_.places[index];
    key(k);
    if (p.kind == AddressKind::kUnknown || p.kind == AddressKind::kNoFixedAbode) {
      out_ += "{\"kind\":\"";
      out_ += to_string(p.kind);
      out_ += "\"}";
      return;
    }
    out_ += "{\"line1\":\"";
    if (p.premises != Premises::kNone) {
      out_ += World::premises_line1(p.premises);
    } else {
      digits(p.house);
      out_ += ' ';
      out_ += names::kStreets[p.street];
    }
    out_ += "\",\"town\":\"";
    out_ += world_.town(p.area);
    out_ += "\",\"postcode\":\"";
    out_ += world_.outward(p.area);
    out_ += ' ';
    if (p.premises != Premises::kNone) {
      out_ += World::premises_inward(p.premises);
    } else {
      out_ += static_cast<char>('0' + p.house % 10);
      out_ += names::kInwardLetters[(p.street * 7u + p.house) % names::kInwardLetters.size()];
      out_ += names::kInwardLetters[(p.house / 10u) % names::kInwardLetters.size()];
    }
    out_ += "\",\"area\":\"";
    out_ += world_.area_code(p.area);
    out_ += '"';
    if (p.kind != AddressKind::kResidential) {
      out_ += ",\"kind\":\"";
      out_ += to_string(p.kind);
      out_ += '"';
    }
    out_ += '}';
  }

 private:
  std::string& out_;
  const Child& child_;
  const World& world_;
};

}  // namespace

std::string nhs_number(std::uint32_t index) {
  // A bijection of [0, 10^7) spreads consecutive people over the range: affine
  // steps (the multipliers are prime to 10) between rotations of the seven
  // digits, so that related indexes (a mother's and her child's) share no
  // visible pattern.
  constexpr std::uint64_t kRange = 10000000;
  std::uint64_t spread = index % kRange;
  for (const auto& [multiplier, offset] :
       {std::pair<std::uint64_t, std::uint64_t>{7654321, 1234567},
        {3141593, 2718281},
        {9876543, 1414213}}) {
    spread = (spread * multiplier + offset) % kRange;
    spread = spread % 1000 * 10000 + spread / 1000;
  }
  std::string text = "9";
  const std::string middle = std::to_string(spread);
  text.append(7 - middle.size(), '0');
  text += middle;
  // The ninth digit is chosen to make the check digit valid: its weight (2)
  // gives ten different remainders mod 11, so at most one choice fails.
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) sum += (text[i] - '0') * static_cast<int>(10 - i);
  for (int ninth = 0; ninth < 10; ++ninth) {
    int check = 11 - (sum + ninth * 2) % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    text += static_cast<char>('0' + ninth);
    text += static_cast<char>('0' + check);
    break;
  }
  return text;
}

void Renderer::date(std::string& out, std::int32_t day) {
  if (day != cached_day_) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    char* t = cached_text_;
    t[0] = static_cast<char>('0' + y / 1000);
    t[1] = static_cast<char>('0' + y / 100 % 10);
    t[2] = static_cast<char>('0' + y / 10 % 10);
    t[3] = static_cast<char>('0' + y % 10);
    t[4] = '-';
    t[5] = static_cast<char>('0' + m / 10);
    t[6] = static_cast<char>('0' + m % 10);
    t[7] = '-';
    t[8] = static_cast<char>('0' + d / 10);
    t[9] = static_cast<char>('0' + d % 10);
    cached_day_ = day;
  }
  out.append(cached_text_, sizeof cached_text_);
}

void Renderer::stamp(std::string& out, const Stamp& s) {
  out += '"';
  date(out, s.day);
  if (s.timed) {
    const int minutes = s.seconds / 60;
    const char hhmm[6] = {
        'T', static_cast<char>('0' + minutes / 600),     static_cast<char>('0' + minutes / 60 % 10),
        ':', static_cast<char>('0' + minutes % 60 / 10), static_cast<char>('0' + minutes % 10)};
    out.append(hhmm, sizeof hhmm);
  }
  out += '"';
}

void Renderer::render(const Child& c, const Planned& e, std::string& out) {
  Line line(out, c, world_);
  out += "{\"type\":\"";
  out += to_string(e.type);
  out += '"';
  if (e.type == EventType::kPerson) {
    line.person("id", static_cast<Who>(e.who));
  } else if (e.id_no != 0) {
    line.event_id("id", id_letter(e.type), e.id_no);
  }
  out += ",\"at\":";
  stamp(out, e.at);
  if (e.late) {
    out += ",\"recorded\":";
    stamp(out, e.recorded);
  }
  line.agency("by", e.by);

  const names::Origin& origin = names::kOrigins[c.origin];
  switch (e.type) {
    case EventType::kPerson:
      if (e.who == kMother) {
        line.str("given", names::kGivenFemale[c.mother_given]);
        line.str("family", names::kFamily[c.family]);
        line.key("dob");
        stamp(out, Stamp{c.mother_dob, 0, false});
        line.str("sex", "F");
        if (c.origin == 0) {
          line.str("nhs_number", nhs_number(static_cast<std::uint32_t>(5000000 + c.seq)));
        }
        line.str("nationality", origin.nationality);
        line.str("language", origin.language);
        line.boolean("interpreter", origin.interpreter);
      } else if (e.who == kFather) {
        line.str("given", names::kGivenMale[c.father_given]);
        line.str("family", names::kFamily[c.family]);
        line.str("sex", "M");
      } else {
        line.str("given", c.sex == Sex::kF ? names::kGivenFemale[c.child_given]
                                           : names::kGivenMale[c.child_given]);
        line.str("family", names::kFamily[c.family]);
        line.key("dob");
        stamp(out, Stamp{c.birth_day, 0, false});
        line.name("sex", c.sex);
        line.str("nhs_number", nhs_number(static_cast<std::uint32_t>(c.seq)));
      }
      break;
    case EventType::kPregnancy:
      line.person("mother", kMother);
      line.person("child", kChild);
      line.key("edd");
      stamp(out, Stamp{c.edd, 0, false});
      break;
    case EventType::kBirth:
      line.person("child", kChild);
      line.person("mother", kMother);
      line.agency("place", e.a1);
      line.number("weight_g", e.number);
      break;
    case EventType::kRelationship:
      line.person("person", kFather);
      line.person("other", kChild);
      line.name("role", as<RelationshipRole>(e.e1));
      line.boolean("known_to_professionals", e.flag);
      break;
    case EventType::kCircumstances:
      line.person("person", kMother);
      line.name("housing", as<Housing>(e.e1));
      if (e.e2 != 0xff) line.name("income", as<Income>(e.e2));
      if (e.e3 != 0xff) line.name("immigration", as<Immigration>(e.e3));
      if (e.flag) {
        line.key("health");
        out += '[';
        bool first = true;
        for (std::size_t i = 0; i < names::kHealthCodes.size(); ++i) {
          if ((e.mask & (1u << i)) == 0) continue;
          if (!first) out += ',';
          first = false;
          line.quoted(names::kHealthCodes[i]);
        }
        out += ']';
      }
      break;
    case EventType::kAddress:
      line.persons("persons", e.who);
      line.address("address", e.place);
      line.name("notice", as<AddressNotice>(e.e1));
      break;
    case EventType::kWhereaboutsUnknown:
      line.person("child", kChild);
      if (e.place != kNoPlace) line.address("last_known", e.place);
      break;
    case EventType::kMissing:
      line.person("child", kChild);
      line.name("alert", as<MissingAlert>(e.e1));
      break;
    case EventType::kFound:
      line.person("child", kChild);
      if (e.place != kNoPlace) line.address("address", e.place);
      break;
    case EventType::kClaim:
      line.person("child", kChild);
      line.name("claim", as<ClaimKind>(e.e1));
      line.str("detail", names::kClaimDetails[e.e2]);
      line.boolean("verified", e.flag);
      break;
    case EventType::kRegistration:
      line.person("child", kChild);
      line.agency("agency", e.a1);
      break;
    case EventType::kDeregistration:
      line.person("child", kChild);
      line.agency("agency", e.a1);
      line.name("reason", as<DeregistrationReason>(e.e1));
      break;
    case EventType::kHvLevel:
      line.person("child", kChild);
      line.name("level", as<HvLevel>(e.e1));
      break;
    case EventType::kAppointment:
      line.person("child", kChild);
      line.name("kind", as<AppointmentKind>(e.e1));
      line.name("outcome", as<AppointmentOutcome>(e.e2));
      break;
    case EventType::kMedical:
      line.person("child", kChild);
      line.key("findings");
      out += "{\"weight_centile\":";
      line.digits(e.number);
      out += ",\"injuries\":[]}";
      line.name("concern", as<Concern>(e.e1));
      break;
    case EventType::kRecordsTransfer:
      line.person("child", kChild);
      line.agency("from", e.a1);
      line.agency("to", e.a2);
      line.boolean("accessed", e.flag);
      break;
    case EventType::kContact:
      line.persons("persons", e.who);
      line.name("mode", as<ContactMode>(e.e1));
      line.boolean("child_seen", e.flag);
      line.name("outcome", as<ContactOutcome>(e.e2));
      break;
    case EventType::kReferral:
      line.person("child", kChild);
      if (e.who & kMother) line.person("mother", kMother);
      line.agency("from", e.a1);
      line.agency("to", e.a2);
      line.names_from_bits<Indicator>("concerns", e.mask, kIndicatorCount);
      break;
    case EventType::kReferralOutcome: {
      line.event_id("referral", 'r', e.ref_no);
      const auto outcome = as<ReferralOutcomeKind>(e.e1);
      line.name("outcome", outcome);
      if (outcome == ReferralOutcomeKind::kPassedTo ||
          outcome == ReferralOutcomeKind::kSignposted) {
        line.agency("to", e.a2);
      }
      break;
    }
    case EventType::kIndicator:
      line.person("child", kChild);
      line.name("indicator", as<Indicator>(e.e1));
      line.name("status", as<IndicatorStatus>(e.e2));
      break;
    case EventType::kNotification:
      line.agency("from", e.a1);
      line.agency("to", e.a2);
      line.name("subject", as<NotificationSubject>(e.e1));
      line.persons("persons", e.who);
      break;
    case EventType::kAssessmentStarted:
      line.person("child", kChild);
      line.name("kind", as<AssessmentKind>(e.e1));
      line.agency("agency", e.a1);
      break;
    case EventType::kAssessmentCompleted:
      line.event_id("assessment", 'a', e.ref_no);
      line.name("outcome", as<AssessmentOutcome>(e.e1));
      if (e.flag) {
        line.key("profile");
        out += '{';
        for (std::size_t i = 0; i < names::kProfileDomains.size(); ++i) {
          if (i) out += ',';
          line.quoted(names::kProfileDomains[i]);
          out += ':';
          line.digits((e.mask >> (3 * i)) & 7u);
        }
        out += '}';
      }
      break;
    case EventType::kStrategyDiscussion:
      line.person("child", kChild);
      line.name("format", as<DiscussionFormat>(e.e1));
      line.participants("participants", World::area_of(e.by), e.mask);
      line.name("decision", as<StrategyDecision>(e.e2));
      break;
    case EventType::kS47Concluded:
      line.event_id("assessment", 'a', e.ref_no);
      line.name("outcome", as<S47Outcome>(e.e1));
      break;
    case EventType::kConference:
      line.person("child", kChild);
      line.name("kind", as<ConferenceKind>(e.e1));
      line.participants("participants", World::area_of(e.by), e.mask);
      line.name("decision", as<ConferenceDecision>(e.e2));
      break;
    case EventType::kPlanStarted:
      line.person("child", kChild);
      line.name("kind", as<PlanKind>(e.e1));
      line.agency("agency", e.a1);
      break;
    case EventType::kPlanEnded:
      line.event_id("plan", 'p', e.ref_no);
      break;
    case EventType::kTransfer:
      line.person("child", kChild);
      line.agency("from", e.a1);
      line.agency("to", e.a2);
      line.name("status", as<TransferStatus>(e.e1));
      line.str("summary", names::kTransferSummaries[e.e2]);
      line.names_from_bits<Indicator>("risks", e.mask, kIndicatorCount);
      line.name("mode", as<TransferMode>(e.e3));
      break;
    case EventType::kTransferAccepted:
      line.event_id("transfer", 't', e.ref_no);
      line.boolean("child_seen", e.flag);
      break;
    case EventType::kCaseClosed:
      line.person("child", kChild);
      line.agency("agency", e.a1);
      line.name("reason", as<ClosureReason>(e.e1));
      break;
    case EventType::kOptionsReview:
      line.person("person", kMother);
      line.agency("agency", e.a1);
      line.names_from_bits<SupportOption>("options", e.mask, 6);
      break;
    case EventType::kAgency:
    case EventType::kPremises:
    case EventType::kDeath:
    case EventType::kTransferDeclined:
    case EventType::kAllocation:
      break;  // never planned for a child
  }
  if (e.note != nullptr) line.str("note", e.note);
  out += "}\n";
}

}  // namespace sightline::synth
