// The kinds of fact the engine keeps about people: what an event changed,
// and what a state rule watches (C9).
//
// A state rule declares the facts its state is made of (Rule::watches()).
// The engine's update of each event kind marks every kind of fact it
// changes, where it changes it; after the event the engine re-checks each
// state rule for the children the event touched if, and only if, the event
// changed a fact the rule watches. So a new rule needs no edit anywhere else
// to be re-checked when, say, a health-visiting level or a GP registration
// changes what it watches.
#pragma once

#include <cstdint>
#include <initializer_list>

namespace sightline::safeguards {

enum class Fact : std::uint8_t {
  kChildhood,            // is a child, unborn, date of birth, edd, mother, death
  kCarers,               // carers and the children they care for
  kCircumstances,        // a carer's housing, income, immigration, health, nationality
  kAddress,              // addresses, their changes, the home area and moves
  kWhereabouts,          // whereabouts unknown, the events that located, `missing`
  kIndicators,           // recorded indicators and their resolutions, refusals, missed appointments
  kSightings,            // who saw the child, and when; who was last in contact
  kHealthVisiting,       // the HV level, who set it, the last HV agency to know the child
  kGp,                   // the GP practice the child is registered with
  kInvolvements,         // open involvement (assessments, s47, plans, enhanced HV, transfers)
  kAssessments,          // assessments started (the latest holistic one, a pre-birth one)
  kReferrals,            // referrals and their outcomes
  kTransfers,            // transfers, accepted or declined
  kKnownToServices,      // known to social care, adult care or housing (R30)
  kStrategyConferences,  // strategy discussions and conferences
  kAgencies,             // agencies and premises registered
};

// A set of Facts, one bit each.
class FactSet {
 public:
  constexpr FactSet() = default;
  constexpr FactSet(std::initializer_list<Fact> facts) {
    for (const Fact f : facts) add(f);
  }
  constexpr void add(Fact f) { bits_ |= bit(f); }
  constexpr FactSet operator|(FactSet other) const {
    FactSet out;
    out.bits_ = bits_ | other.bits_;
    return out;
  }
  constexpr bool contains(Fact f) const { return (bits_ & bit(f)) != 0; }
  constexpr bool intersects(FactSet other) const { return (bits_ & other.bits_) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  void clear() { bits_ = 0; }

 private:
  static constexpr std::uint32_t bit(Fact f) { return 1u << static_cast<unsigned>(f); }
  std::uint32_t bits_ = 0;
};

// What a child's active indicators ("Terms: active indicators") are made
// of: the recorded ones, the address changes (transience), the carers and
// their circumstances (homelessness, destitution, no recourse to public funds)
// and the refusals and missed appointments.
inline constexpr FactSet kActiveIndicatorFacts{Fact::kIndicators, Fact::kAddress, Fact::kCarers,
                                               Fact::kCircumstances};

// What "the child's area" (C1, R4) is found from: the child's or the
// mother's address, a carer's, the place of birth, the GP practice.
inline constexpr FactSet kChildAreaFacts{Fact::kAddress, Fact::kCarers, Fact::kChildhood,
                                         Fact::kGp};

}  // namespace sightline::safeguards
