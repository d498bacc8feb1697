// Which fields of an event (events-v1) hold a person's id, and which refer to
// an earlier event by its id: one list each, for whoever reads an event not
// yet typed (the JSON API checks whom a submitted batch is about before it is
// validated). persons_named (feed/event.h) names the same fields of a typed
// event; a test holds the two together.
#pragma once

#include <span>
#include <string_view>

namespace sightline {

// Fields whose value is one person id ("child", "mother", "person", "other").
std::span<const std::string_view> person_id_fields();
// Fields whose value is a list of person ids ("persons").
std::span<const std::string_view> person_list_fields();
// Fields that refer to an earlier event by its id ("referral", "assessment",
// "plan", "transfer").
std::span<const std::string_view> event_reference_fields();

}  // namespace sightline
