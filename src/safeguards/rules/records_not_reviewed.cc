// records-not-reviewed (F8): records transferred with `accessed: false` for a
// child who is enhanced or has active indicators in 2+ domains must be
// reviewed by the receiver within 5 WD: a later records_transfer to it with
// `accessed: true`, or a contact by it (about the child or a carer).
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

enum Param : std::size_t { kWorkingDays, kMinDomains };

class RecordsNotReviewed final : public Rule {
 public:
  RecordsNotReviewed()
      : Rule({"records-not-reviewed",
              "F8",
              "Health visitor record-keeping and transfer guidance: records received for a "
              "vulnerable child are read on receipt; Sofia SCR Finding 8",
              {{"working_days", 5, "the receiver reviews the records within N WD"},
               {"min_domains", 2,
                "active indicators in at least N domains make a child vulnerable"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kRecordsTransfer, EventType::kContact};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    if (e.type == EventType::kContact) {
      const AgencyId by = core.agency(e.by);
      for (const Id& id : e.as<ContactEvent>().persons) {
        const PersonId p = core.find_person(id);
        resolve_by(core, p, by);
        for (PersonId c : core.state(p).children) resolve_by(core, c, by);
      }
      return;
    }
    const auto& b = e.as<RecordsTransferEvent>();
    const PersonId child = core.find_person(b.child);
    const AgencyId to = core.agency(b.to);
    if (b.accessed) {
      resolve_by(core, child, to);
      return;
    }
    const AreaId area = core.agency_info(to).area;
    const PersonState& s = core.state(child);
    if (!s.enhanced() && EngineCore::domain_count(core.active_indicators(child)) <
                             core.param(*this, kMinDomains, area)) {
      return;
    }
    core.triggered(*this, child);
    DutySpec spec;
    spec.child = child;
    spec.owner = to;
    spec.trigger = e.at.date;
    spec.due = core.add_wd(e.at.date, core.param(*this, kWorkingDays, area));
    spec.subject = to;
    spec.occurrence = EngineCore::occurrence_of(e);
    core.open(*this, std::move(spec));
  }

 private:
  void resolve_by(EngineCore& core, PersonId child, AgencyId receiver) const {
    core.for_each_open(child, *this, [&](DutyId d) {
      if (core.duty(d).subject == receiver) core.resolve(d);
    });
  }
};

}  // namespace

const Rule& records_not_reviewed() {
  static const RecordsNotReviewed rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
