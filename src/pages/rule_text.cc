#include "pages/rule_text.h"

#include <array>

namespace sightline::pages {
namespace {

constexpr std::array<RuleText, 27> kRules = {{
    {"hv-new-registration", "New GP registration: health visitor to see the child",
     "A child under 5 has registered with a GP practice in your area; health visiting must see "
     "them within 7 working days.",
     "Record a contact by a health visitor with the child seen."},
    {"hv-handover-missing", "Health-visiting handover not sent",
     "A child known to health visiting has moved to another area; the sending health visitors "
     "must send a transfer to the new area's health visitors within 2 working days.",
     "Record a transfer to a health-visiting agency of the new area."},
    {"hv-transfer-contact", "Transferred child not yet seen by the new health visitor",
     "A child has been transferred to, or moved into the area of, a health-visiting agency; it "
     "must see the child within 7 working days.",
     "Record a contact by the receiving health visitor with the child seen."},
    {"handover-understated", "Transfer understates what the sender knows",
     "A transfer gave a lower status, or fewer risks, than the sending agency knows about (for "
     "example \u2018child in need\u2019 during an open assessment).",
     "Send a corrected transfer with the right status and every active risk."},
    {"records-not-reviewed", "Transferred records not reviewed",
     "Records were transferred but not opened for a child with enhanced needs or concerns in "
     "two or more areas; the receiver must review them within 5 working days.",
     "Record that the records were accessed, or a contact by the receiving agency."},
    {"transfer-child-not-seen", "Transfer not accepted with the child seen",
     "A social-care transfer must be accepted, with the child seen, within 5 working days; both "
     "agencies stay responsible until then.",
     "The receiving agency records the transfer accepted with the child seen."},
    {"closure-before-seen", "Case closed before the child was seen",
     "A case was closed while the child's whereabouts were unknown, a transfer was not accepted "
     "with the child seen, or an assessment was still open.",
     "Any professional sees the child and records it."},
    {"strategy-discussion-incomplete", "Strategy discussion without a key agency",
     "A strategy discussion took place without social care, the police, health, or the agency "
     "that referred.",
     "Hold and record a further strategy discussion that includes them."},
    {"strategy-review-missing", "Further strategy discussion needed",
     "An s47 enquiry ended without a child protection conference while concerns remain in two "
     "or more areas; a further strategy discussion is due within 5 working days.",
     "Record a strategy discussion."},
    {"neglect-holistic-review", "Neglect not looked at as a whole",
     "A medical found no concern, or an assessment closed with no further action, while "
     "concerns remain in two or more areas beyond physical care.",
     "Start a neglect assessment, or complete the open child and family assessment weighing "
     "the other concerns."},
    {"neglect-assessment-required", "Neglect assessment needed",
     "Concerns span three or more areas of the child's life and no neglect or child and family "
     "assessment has started in the last 90 days.",
     "Start a neglect or child and family assessment."},
    {"prebirth-assessment-required", "Pre-birth assessment needed",
     "An unborn child's mother has housing or money concerns and no pre-birth assessment was "
     "started.",
     "Start a pre-birth assessment."},
    {"support-options-review", "Support options not reviewed",
     "A carer has no recourse to public funds, or no income, and is not settled in housing; "
     "the options for support must be reviewed within 10 working days.",
     "Record an options review covering section 17 support and specialist advice."},
    {"child-not-seen", "Child not seen often enough",
     "Your agency has open involvement with the child and has not seen them as often as it "
     "must (every 10, 20 or 30 working days).",
     "Record a contact or visit with the child seen."},
    {"whereabouts-unknown", "Whereabouts unknown",
     "Nobody knows where the child is living; they must be located within 1 working day when "
     "an agency is involved, else 5.",
     "Record the child seen, found, or at a verified address."},
    {"missing-alert-required", "Missing alert not raised",
     "The child was not located in time while under an s47, a plan, an assessment or enhanced "
     "health visiting, and no missing alert was recorded.",
     "Record a missing alert, or the child located."},
    {"unverified-claim", "Claim not verified",
     "A claim about the child (for example, that they are abroad) was recorded as unverified; "
     "it must be checked within 5 working days.",
     "Record the claim verified, the child found, or the child seen."},
    {"non-residential-address", "Living at a non-residential address",
     "The child's address is known premises that are not a home (for example, a shop or "
     "office).",
     "Record a residential address."},
    {"healthy-child-contact-overdue", "Health visiting review overdue",
     "A new birth visit (by day 14), 6\u20138 week review or 1-year review is overdue.",
     "Record the review, or a health-visiting contact with the child seen."},
    {"was-not-brought", "Child not brought to appointments",
     "The child was not brought to health appointments (twice in 180 days, or once while "
     "enhanced or involved).",
     "A health professional sees the child and records it."},
    {"cp-transfer-in-conference", "Transfer-in conference needed",
     "A child with a child protection plan moved to another local authority; a transfer-in "
     "conference is due within 15 working days, and the old area keeps visiting until then.",
     "Record the transfer-in conference."},
    {"referral-decision-overdue", "Referral decision overdue",
     "A referral to social care needs a decision within 1 working day.",
     "Record the referral's outcome."},
    {"assessment-overdue", "Assessment overdue",
     "An assessment must be completed within 45 working days of the referral.",
     "Record the assessment completed, or the s47 concluded."},
    {"icpc-overdue", "Child protection conference overdue",
     "An s47 enquiry decided on a child protection conference; it is due within 15 working "
     "days of the strategy discussion.",
     "Record the conference."},
    {"cp-review-overdue", "Child protection review overdue",
     "A child protection plan must be reviewed within 3 months of the first conference, then "
     "every 6 months.",
     "Record the review conference."},
    {"antenatal-contact-overdue", "Antenatal contact overdue",
     "A health visitor must have contact with the mother by 36 weeks of pregnancy.",
     "Record a health-visiting contact with the mother."},
    {"out-of-area-placement-notice", "Out-of-area placement not notified",
     "A family was placed in temporary housing in another area; that area must be told within "
     "14 days.",
     "Record a notification of the out-of-area placement to the receiving area."},
}};

struct Finding {
  std::string_view code, title;
};

// The review's findings, each shortened to a plain title.
constexpr std::array<Finding, 8> kFindings = {{
    {"F1", "Support options for families without recourse to public funds missed"},
    {"F2", "Homeless pregnant women not assessed"},
    {"F3", "GP registrations not passed to health visitors"},
    {"F4", "Strategy discussions without every agency"},
    {"F5", "Neglect judged by physical signs alone"},
    {"F6", "Destitution and transience not seen as safeguarding"},
    {"F7", "A child in need of protection handed over as merely in need"},
    {"F8", "Families lost when they move between health visitors"},
}};

}  // namespace

std::span<const RuleText> rule_texts() { return kRules; }

const RuleText* rule_text(std::string_view id) {
  for (const RuleText& r : kRules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string_view finding_title(std::string_view code) {
  for (const Finding& f : kFindings) {
    if (f.code == code) return f.title;
  }
  return {};
}

std::string findings_text(std::string_view codes) {
  std::string out;
  std::size_t pos = 0;
  while ((pos = codes.find('F', pos)) != std::string_view::npos) {
    const std::string code(codes.substr(pos, 2));
    if (!out.empty()) out += "; ";
    out += code;
    if (const auto title = finding_title(code); !title.empty()) out += ": " + std::string(title);
    pos += 2;
  }
  return out;
}

}  // namespace sightline::pages
