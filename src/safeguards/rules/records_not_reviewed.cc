// records-not-reviewed (F8): records transferred with `accessed: false` for a
// child who is enhanced or has active indicators in 2+ domains must be
// reviewed by the receiver within 5 WD: a later records_transfer to it with
// `accessed: true`, or a contact by it (about the child or a carer).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class RecordsNotReviewed final : public Rule {
 public:
  RecordsNotReviewed()
      : Rule({.id = "records-not-reviewed",
              .finding = "F8",
              .source = "Health visitor record-keeping and transfer guidance: records received "
                        "for a vulnerable child are read on receipt; Sofia SCR Finding 8",
              .title = "Transferred records not reviewed",
              .meaning = "Records were transferred but not opened for a child with enhanced needs "
                         "or concerns in two or more areas; the receiver must review them within "
                         "5 working days.",
              .resolves = "Record that the records were accessed, or a contact by the receiving "
                          "agency."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kRecordsTransfer, EventType::kContact};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kContact) {
      const AgencyId by = ctx.agency(e.by);
      for (const Id& id : e.as<ContactEvent>().persons) {
        const PersonId p = ctx.find_person(id);
        resolve_by(ctx, p, by);
        for (PersonId c : ctx.state(p).children) resolve_by(ctx, c, by);
      }
      return;
    }
    const auto& b = e.as<RecordsTransferEvent>();
    const PersonId child = ctx.find_person(b.child);
    const AgencyId to = ctx.agency(b.to);
    if (b.accessed) {
      resolve_by(ctx, child, to);
      return;
    }
    const AreaId area = ctx.agency_info(to).area;
    const PersonState& s = ctx.state(child);
    if (!s.enhanced() &&
        domain_count(ctx.active_indicators(child)) < ctx.param(min_domains_, area)) {
      return;
    }
    ctx.triggered(child);
    DutySpec spec;
    spec.child = child;
    spec.owner = to;
    spec.trigger = e.at.date;
    spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, area));
    spec.subject = to;
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

 private:
  void resolve_by(RuleContext& ctx, PersonId child, AgencyId receiver) const {
    ctx.for_each_open(child, [&](DutyId d) {
      if (ctx.duty(d).subject == receiver) ctx.resolve(d);
    });
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 5, "the receiver reviews the records within N WD");
  const Parameter min_domains_ = parameter(
      "min_domains", 2, "active indicators in at least N domains make a child vulnerable");
};

}  // namespace

const Rule& records_not_reviewed() {
  static const RecordsNotReviewed rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
