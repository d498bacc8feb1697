#include "pages/resolve_links.h"

#include "pages/child_access.h"

namespace sightline::pages {
namespace {

// Each rule, in the catalogue's order, with the form whose event its
// RuleInfo says resolves it.
constexpr ResolveLink kLinks[] = {
    {"antenatal-contact-overdue", "record/contact", ""},
    {"assessment-overdue", "record/assessment-outcome", ""},
    {"child-not-seen", "record/contact", ""},
    {"closure-before-seen", "record/contact", ""},
    {"cp-review-overdue", "record/conference", "kind=review"},
    {"cp-transfer-in-conference", "record/conference", "kind=transfer_in"},
    {"handover-understated", "record/transfer", ""},
    // Raised only once overdue, when any health-visiting contact with the
    // child seen does it; the appointment form would have to be told which
    // of the three reviews is owed.
    {"healthy-child-contact-overdue", "record/contact", ""},
    {"hv-handover-missing", "record/transfer", ""},
    {"hv-new-registration", "record/appointment", "kind=new_birth_visit&outcome=attended"},
    {"hv-transfer-contact", "record/contact", ""},
    {"icpc-overdue", "record/conference", "kind=initial"},
    {"missing-alert-required", "record/missing", "alert=national_missing_child"},
    {"neglect-assessment-required", "record/assessment", "kind=neglect"},
    {"neglect-holistic-review", "record/assessment", "kind=neglect"},
    {"non-residential-address", "record/address", "kind=residential"},
    {"out-of-area-placement-notice", "record/notification", "subject=out_of_area_placement"},
    {"prebirth-assessment-required", "record/assessment", "kind=pre_birth"},
    {"records-not-reviewed", "record/contact", ""},
    {"referral-decision-overdue", "record/referral-outcome", ""},
    {"strategy-discussion-incomplete", "record/strategy-discussion", ""},
    {"strategy-review-missing", "record/strategy-discussion", ""},
    {"support-options-review", "record/options-review", ""},
    {"transfer-child-not-seen", "record/transfer-seen", ""},
    {"unverified-claim", "record/found", ""},
    {"was-not-brought", "record/contact", ""},
    {"whereabouts-unknown", "record/found", ""},
};

}  // namespace

std::span<const ResolveLink> resolve_links() { return kLinks; }

std::optional<std::string> resolve_href(std::string_view rule, const std::string& child) {
  for (const ResolveLink& l : kLinks) {
    if (l.rule != rule) continue;
    std::string href = l.form.starts_with('/') ? std::string(l.form)
                                               : child_path(child) + "/" + std::string(l.form);
    if (!l.prefill.empty()) href += "?" + std::string(l.prefill);
    return href;
  }
  return std::nullopt;
}

}  // namespace sightline::pages
