// An address asked on a form: where a child was found, or where a contact
// took place. The fields are named PREFIX + "line1", "line2", "town",
// "postcode" and "area" (the area a select of every local-authority area,
// the user's own agency's area until the form is sent).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pages/components.h"
#include "pages/record_form.h"
#include "pages/visit.h"

namespace sightline::pages {

// How much of an address the form asks for: a home's full address (first
// line, town, postcode, area), or a place given by its postcode and area.
enum class AddressDetail : bool { kFull, kPostcode };

struct AddressAnswer {
  std::string line1 = {}, line2 = {}, town = {}, postcode = {}, area = {};
  // Whether anything but the area (which has a default) was typed.
  bool given() const;
};

// What was sent, or before the form is sent, nothing but the user's area.
AddressAnswer read_address_answer(const Visit& v, const std::string& prefix);
// Adds an error for each field the detail needs that is missing, to the
// field's id.
void check_address_answer(const AddressAnswer& a, const std::string& prefix, AddressDetail detail,
                          FieldErrors& errors);
// The events-v1 address object of a checked answer.
nlohmann::ordered_json address_object(const AddressAnswer& a);
// How the validator's faults on the event's address `event_field` map to the
// form's fields, for store_event.
std::map<std::string, std::string> address_field_ids(const std::string& event_field,
                                                     const std::string& prefix);
// The fields, without a fieldset of their own.
Html address_inputs(const AddressAnswer& a, const std::string& prefix, AddressDetail detail,
                    const FieldErrors& errors);

// The GSS code of the signed-in user's agency's area ("" when not known).
std::string own_area(const Visit& v);
// Every local-authority area by name, `chosen` selected, after a first
// "Choose an area".
std::vector<SelectItem> area_items(const std::string& chosen);

}  // namespace sightline::pages
