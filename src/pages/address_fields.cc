#include "pages/address_fields.h"

#include <algorithm>

#include "core/areas.h"
#include "pages/child_access.h"

namespace sightline::pages {

bool AddressAnswer::given() const {
  return !line1.empty() || !line2.empty() || !town.empty() || !postcode.empty();
}

AddressAnswer read_address_answer(const Visit& v, const std::string& prefix) {
  const bool posted = v.request.method == "POST";
  return {.line1 = v.form.get(prefix + "line1"),
          .line2 = v.form.get(prefix + "line2"),
          .town = v.form.get(prefix + "town"),
          .postcode = v.form.get(prefix + "postcode"),
          .area = posted ? v.form.get(prefix + "area") : own_area(v)};
}

void check_address_answer(const AddressAnswer& a, const std::string& prefix, AddressDetail detail,
                          FieldErrors& errors) {
  if (detail == AddressDetail::kFull) {
    if (a.line1.empty()) errors.add(prefix + "line1", "Enter the first line of the address");
    if (a.town.empty()) errors.add(prefix + "town", "Enter the town or city");
  }
  // Its shape is the validator's to check (store_event shows its fault here).
  if (a.postcode.empty()) errors.add(prefix + "postcode", "Enter the postcode");
  if (find_area(a.area) == nullptr) errors.add(prefix + "area", "Select the local authority area");
}

std::map<std::string, std::string> address_field_ids(const std::string& event_field,
                                                     const std::string& prefix) {
  std::map<std::string, std::string> out = {{event_field, prefix + "postcode"}};
  for (const char* f : {"line1", "line2", "town", "postcode", "area"}) {
    out[event_field + "." + f] = prefix + f;
  }
  return out;
}

nlohmann::ordered_json address_object(const AddressAnswer& a) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (!a.line1.empty()) out["line1"] = a.line1;
  if (!a.line2.empty()) out["line2"] = a.line2;
  if (!a.town.empty()) out["town"] = a.town;
  out["postcode"] = a.postcode;
  out["area"] = a.area;
  return out;
}

Html address_inputs(const AddressAnswer& a, const std::string& prefix, AddressDetail detail,
                    const FieldErrors& errors) {
  const bool full = detail == AddressDetail::kFull;
  Html out = text_input({.id = prefix + "line1",
                         .name = prefix + "line1",
                         .label = {full ? "Address line 1" : "Address line 1 (optional)"},
                         .value = a.line1,
                         .error = errors.of(prefix + "line1")});
  if (full) {
    out += text_input({.id = prefix + "line2",
                       .name = prefix + "line2",
                       .label = {"Address line 2 (optional)"},
                       .value = a.line2});
  }
  out += text_input({.id = prefix + "town",
                     .name = prefix + "town",
                     .label = {full ? "Town or city" : "Town or city (optional)"},
                     .value = a.town,
                     .error = errors.of(prefix + "town"),
                     .classes = "govuk-!-width-two-thirds"});
  out += text_input({.id = prefix + "postcode",
                     .name = prefix + "postcode",
                     .label = {"Postcode"},
                     .value = a.postcode,
                     .error = errors.of(prefix + "postcode"),
                     .classes = "govuk-input--width-10"});
  out += select({.id = prefix + "area",
                 .name = prefix + "area",
                 .label = {"Local authority area"},
                 .items = area_items(a.area),
                 .error = errors.of(prefix + "area")});
  return out;
}

std::string own_area(const Visit& v) {
  const auto list = agency_list(v.parts);
  for (const AgencyView& a : list->by_name) {
    if (a.id == v.session.account.agency) return a.area;
  }
  return {};
}

std::vector<SelectItem> area_items(const std::string& chosen) {
  std::vector<const LocalAuthorityArea*> areas;
  for (const LocalAuthorityArea& a : all_areas()) areas.push_back(&a);
  std::sort(areas.begin(), areas.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  std::vector<SelectItem> items = {{"", "Choose an area", chosen.empty()}};
  for (const LocalAuthorityArea* a : areas) items.push_back({a->code, a->name, a->code == chosen});
  return items;
}

}  // namespace sightline::pages
