#include "chronology/involvement.h"

#include <algorithm>
#include <map>
#include <set>

#include "chronology/child_context.h"
#include "chronology/child_identity.h"
#include "chronology/replay_order.h"

namespace sightline {

std::string_view to_string(InvolvementKind kind) {
  switch (kind) {
    case InvolvementKind::kAssessment:
      return "assessment";
    case InvolvementKind::kS47:
      return "s47";
    case InvolvementKind::kChildInNeedPlan:
      return "child_in_need_plan";
    case InvolvementKind::kChildProtectionPlan:
      return "child_protection_plan";
    case InvolvementKind::kLookedAfterPlan:
      return "looked_after_plan";
    case InvolvementKind::kEnhancedHealthVisiting:
      return "enhanced_health_visiting";
    case InvolvementKind::kAcceptedTransfer:
      return "accepted_transfer";
  }
  return "assessment";
}

namespace {

bool enhanced(HvLevel level) {
  return level == HvLevel::kUniversalPlus || level == HvLevel::kPartnershipPlus;
}

// The fold over one child's events, as the engine keeps it.
class InvolvementFold {
 public:
  InvolvementFold(std::string_view child, const AgencyFacts& agencies)
      : child_(child), agencies_(agencies) {}

  void apply(const Event& e, const SightingContext& known) {
    record(e);
    seen_.clear();
    append_sightings(e, known, seen_);
    for (const Sighting& s : seen_) {
      if (s.child == child_) note_seen(std::string(s.by), e.at.instant());
    }
  }

  std::vector<OpenInvolvement> result() const { return open_; }

 private:
  struct Transfer {
    Id from, to;
    std::string status;
    std::int64_t at = 0;
    bool about_child = false;
  };

  void add(OpenInvolvement i) {
    for (const OpenInvolvement& o : open_) {
      if (o.agency == i.agency && o.kind == i.kind && o.ref == i.ref) return;
    }
    open_.push_back(std::move(i));
  }
  void remove(InvolvementKind kind, std::string_view agency, std::string_view ref) {
    std::erase_if(open_, [&](const OpenInvolvement& i) {
      return i.kind == kind && (agency.empty() || i.agency == agency) &&
             (ref.empty() || i.ref == ref);
    });
  }
  bool health_visiting(std::string_view agency) const {
    return agencies_.kind(agency) == AgencyKind::kHealthVisiting;
  }

  // hv-transfer-contact (R46, R68): a receiving health-visiting agency that
  // has seen the child since the transfer ends the sender's enhanced level.
  void handover_seen(const Id& receiver, std::int64_t seen) {
    for (const OpenInvolvement& i : open_) {
      if (i.kind != InvolvementKind::kEnhancedHealthVisiting || i.agency == receiver) continue;
      for (const auto& [id, t] : transfers_) {
        if (t.about_child && t.from == i.agency && t.to == receiver &&
            hands_over_enhanced_level(seen, i.since.date, t.at)) {
          remove(InvolvementKind::kEnhancedHealthVisiting, i.agency, "");
          return;
        }
      }
    }
  }

  void note_seen(const Id& by, std::int64_t t) {
    auto [it, fresh] = seen_by_.try_emplace(by, t);
    if (!fresh) it->second = std::max(it->second, t);
    if (health_visiting(by)) handover_seen(by, t);
  }

  void record(const Event& e) {
    switch (e.type) {
      case EventType::kAssessmentStarted: {
        const auto& b = e.as<AssessmentStartedEvent>();
        if (b.child != child_) return;
        assessments_.insert(e.id);
        if (b.kind == AssessmentKind::kS47) {
          add({b.agency, InvolvementKind::kS47, e.id, std::string(to_string(b.kind)), e.at});
        } else if (b.kind != AssessmentKind::kAdultNeeds) {
          add({b.agency, InvolvementKind::kAssessment, e.id, std::string(to_string(b.kind)), e.at});
        }
        return;
      }
      case EventType::kAssessmentCompleted: {
        const Id& ref = e.as<AssessmentCompletedEvent>().assessment;
        if (assessments_.contains(ref)) remove(InvolvementKind::kAssessment, "", ref);
        return;
      }
      case EventType::kS47Concluded: {
        const Id& ref = e.as<S47ConcludedEvent>().assessment;
        if (assessments_.contains(ref)) remove(InvolvementKind::kS47, "", ref);
        return;
      }
      case EventType::kPlanStarted: {
        const auto& b = e.as<PlanStartedEvent>();
        if (b.child != child_) return;
        plans_.insert(e.id);
        InvolvementKind kind = InvolvementKind::kChildInNeedPlan;
        if (b.kind == PlanKind::kChildProtection) kind = InvolvementKind::kChildProtectionPlan;
        if (b.kind == PlanKind::kLookedAfter) kind = InvolvementKind::kLookedAfterPlan;
        add({b.agency, kind, e.id, std::string(to_string(b.kind)), e.at});
        return;
      }
      case EventType::kPlanEnded: {
        const Id& ref = e.as<PlanEndedEvent>().plan;
        if (!plans_.contains(ref)) return;
        for (InvolvementKind k :
             {InvolvementKind::kChildInNeedPlan, InvolvementKind::kChildProtectionPlan,
              InvolvementKind::kLookedAfterPlan}) {
          remove(k, "", ref);
        }
        return;
      }
      case EventType::kHvLevel: {
        const auto& b = e.as<HvLevelEvent>();
        if (b.child != child_) return;
        // Restating an enhanced level by the agency that holds it continues it.
        Timestamp since = e.at;
        for (const OpenInvolvement& i : open_) {
          if (i.kind == InvolvementKind::kEnhancedHealthVisiting && i.agency == e.by)
            since = i.since;
        }
        remove(InvolvementKind::kEnhancedHealthVisiting, "", "");
        if (enhanced(b.level)) {
          add({e.by, InvolvementKind::kEnhancedHealthVisiting, "", std::string(to_string(b.level)),
               since});
        }
        return;
      }
      case EventType::kTransfer: {
        const auto& b = e.as<TransferEvent>();
        const bool about_child = b.child == child_;
        transfers_[e.id] =
            Transfer{b.from, b.to, std::string(to_string(b.status)), e.at.instant(), about_child};
        if (!about_child || !health_visiting(b.to)) return;
        // The receiving health visiting may have seen the child already (learnt late).
        const auto seen = seen_by_.find(b.to);
        if (seen != seen_by_.end() && seen->second >= e.at.instant()) {
          handover_seen(b.to, seen->second);
        }
        return;
      }
      case EventType::kTransferAccepted: {
        const auto it = transfers_.find(e.as<TransferAcceptedEvent>().transfer);
        if (it == transfers_.end() || !it->second.about_child) return;
        add({it->second.to, InvolvementKind::kAcceptedTransfer, it->first, it->second.status,
             e.at});
        return;
      }
      case EventType::kCaseClosed: {
        const auto& b = e.as<CaseClosedEvent>();
        if (b.child != child_) return;
        remove(InvolvementKind::kAcceptedTransfer, b.agency, "");
        remove(InvolvementKind::kEnhancedHealthVisiting, b.agency, "");
        return;
      }
      default:
        return;
    }
  }

  std::string_view child_;
  const AgencyFacts& agencies_;
  std::vector<OpenInvolvement> open_;
  std::set<Id, std::less<>> assessments_, plans_;
  std::map<Id, Transfer, std::less<>> transfers_;
  std::map<Id, std::int64_t, std::less<>> seen_by_;
  std::vector<Sighting> seen_;
};

}  // namespace

std::vector<OpenInvolvement> open_involvement(const std::vector<Event>& chronology,
                                              std::string_view child, const AgencyFacts& agencies) {
  const ChildChronologyContext known(chronology, child);
  InvolvementFold fold(child, agencies);
  for (const Event* e : in_replay_order(chronology)) fold.apply(*e, known);
  std::vector<OpenInvolvement> out = fold.result();
  std::stable_sort(out.begin(), out.end(), [](const OpenInvolvement& a, const OpenInvolvement& b) {
    return a.since.instant() < b.since.instant();
  });
  return out;
}

bool involves(const std::vector<OpenInvolvement>& involvement, std::string_view agency) {
  return std::any_of(involvement.begin(), involvement.end(),
                     [&](const OpenInvolvement& i) { return i.agency == agency; });
}

std::vector<OpenInvolvement> involvement_while_alive(const std::vector<Event>& chronology,
                                                     std::string_view child,
                                                     const AgencyFacts& agencies) {
  if (date_of_death(chronology, child)) return {};
  return open_involvement(chronology, child, agencies);
}

}  // namespace sightline
