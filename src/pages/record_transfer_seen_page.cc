// The receiving agency records that it has seen a child transferred to it:
// a `transfer_accepted` with `child_seen: true` (events-v1), the one event
// that resolves `transfer-child-not-seen` (the rule resolves on nothing else:
// a contact by the receiver does not). It is the form both for a transfer
// still awaiting an answer (recording it accepts the transfer) and for one
// accepted earlier without the child seen, which has no other way to be done.
//
// The transfers offered are the child's, to the user's agency, that GET
// /api/v1/transfers lists as awaiting acceptance or accepted unseen; with
// `?transfer=ID` (the transfers page's link) that one is chosen. An agency
// that only sent the child's transfer is told the receiver must record it,
// with the transfers it waits on, and is given no form: only the receiving
// agency may answer a transfer (the API refuses anyone else).
#include "pages/child_access.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

// A transfer of the child that awaits its receiver's sighting.
struct AwaitedTransfer {
  json transfer;
  bool accepted = false;  // accepted already, without the child seen
};

// The child's transfers that await a sighting, as the API lists them to the
// user's agency: those it receives (`incoming`) and those it sent.
struct ChildsTransfers {
  std::vector<AwaitedTransfer> incoming, outgoing;
};

ChildsTransfers childs_transfers(const Visit& v, const std::string& child) {
  ChildsTransfers out;
  const ApiReply reply = v.api.get("/api/v1/transfers");
  if (!reply.ok()) return out;
  const auto add = [&](const json& t, bool incoming, bool accepted) {
    if (text_field(t, "child") != child) return;
    (incoming ? out.incoming : out.outgoing).push_back({t, accepted});
  };
  for (const json& t : reply.body.value("incoming", json::array())) add(t, true, false);
  for (const json& t : reply.body.value("outgoing", json::array())) add(t, false, false);
  for (const json& t : reply.body.value("accepted_unseen", json::array())) {
    add(t, text_field(t, "direction") == "incoming", true);
  }
  return out;
}

// "Sent 2 February by Ealing Children's Social Care; accepted 4 February
// without the child seen".
std::string transfer_words(const AwaitedTransfer& a, const AgencyNames& names, bool incoming) {
  const json& t = a.transfer;
  std::string out = "Sent " + display_date(text_field(t, "sent")) +
                    (incoming ? " by " + agency_name(names, text_field(t, "from"))
                              : " to " + agency_name(names, text_field(t, "to")));
  out += a.accepted
             ? "; accepted " + display_date(text_field(t, "accepted")) + " without the child seen"
             : "; not yet accepted";
  return out;
}

// For an agency the child was not transferred to: who must record it.
Html senders_view(const ChildsTransfers& transfers, const AgencyNames& names) {
  if (transfers.outgoing.empty()) {
    return Html::trusted("<p class=\"govuk-body\">") +
           text("No transfer of this child to your agency is waiting for the child to be seen.") +
           Html::trusted("</p>");
  }
  Html list = Html::trusted("<ul class=\"govuk-list govuk-list--bullet\">");
  for (const AwaitedTransfer& a : transfers.outgoing) {
    list += Html::trusted("<li>") + text(transfer_words(a, names, false)) + Html::trusted("</li>");
  }
  list += Html::trusted("</ul>");
  return Html::trusted("<p class=\"govuk-body\">") +
         text(
             "Your agency sent this child's transfer. Only the receiving agency can record "
             "that it has seen the child; until it does, your agency stays responsible too.") +
         Html::trusted("</p>") + list +
         Html::trusted(
             "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/transfers\">See your "
             "agency's transfers</a></p>");
}

}  // namespace

web::Response record_transfer_seen(const Visit& v) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  const FormChild& form_child = std::get<FormChild>(loaded);
  const std::string& child = form_child.id;
  const std::string title = "Record the child seen after a transfer";
  const auto agencies = agency_list(v.parts);
  const ChildsTransfers transfers = childs_transfers(v, child);
  if (transfers.incoming.empty()) {
    return record_page(v,
                       {.title = title,
                        .child = child,
                        .child_name = form_child.name,
                        .fields = senders_view(transfers, agencies->names),
                        .show_form = false,
                        .active_nav = "/transfers"},
                       FieldErrors());
  }

  const bool posted = v.request.method == "POST";
  // One transfer needs no choosing; of several, the one the link named.
  std::string chosen = answer_or_prefill(v, "transfer");
  if (transfers.incoming.size() == 1 && !posted)
    chosen = text_field(transfers.incoming[0].transfer, "id");
  const AwaitedTransfer* transfer = nullptr;
  for (const AwaitedTransfer& a : transfers.incoming) {
    if (text_field(a.transfer, "id") == chosen) transfer = &a;
  }
  FieldErrors errors;
  if (posted) {
    if (transfer == nullptr) errors.add("transfer", "Select the transfer of the child you saw");
    const auto at = read_event_at(v, "at", "your agency saw the child", errors);
    if (errors.empty()) {
      const nlohmann::ordered_json event = {{"type", "transfer_accepted"},
                                            {"at", *at},
                                            {"recorded", now_text(v.parts.clock)},
                                            {"by", v.session.account.agency},
                                            {"transfer", chosen},
                                            {"child_seen", true}};
      if (store_event(v, event, {{"at", "at-day"}, {"transfer", "transfer"}}, "transfer", errors)) {
        return redirect("/transfers?answered=accepted_seen&child=" + url_encode(child));
      }
    }
  }
  std::vector<ChoiceItem> items;
  for (const AwaitedTransfer& a : transfers.incoming) {
    const std::string id = text_field(a.transfer, "id");
    items.push_back({id, transfer_words(a, agencies->names, true),
                     "Taking on: " + code_label(text_field(a.transfer, "status")), id == chosen});
  }
  Html fields = radios(
      {.id_prefix = "transfer",
       .name = "transfer",
       .legend = {"Which transfer of the child to your agency?", "govuk-fieldset__legend--m"},
       .items = items,
       .error = errors.of("transfer")});
  fields += when_field(v, "When did your agency see the child?", errors);
  const Html before = inset_text(
      text("Seen means seen in person, or on video, by your agency. Recording it accepts the "
           "transfer with the child seen: the transfer is then done, and the sending agency "
           "may close its case."));
  return record_page(v,
                     {.title = title,
                      .child = child,
                      .child_name = form_child.name,
                      .fields = fields,
                      .submit = "Record the child seen",
                      .before_form = before,
                      .active_nav = "/transfers"},
                     errors);
}

}  // namespace sightline::pages
