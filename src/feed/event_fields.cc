#include "feed/event_fields.h"

#include <array>

namespace sightline {
namespace {

constexpr std::array<std::string_view, 4> kPersonIdFields = {"child", "mother", "person", "other"};
constexpr std::array<std::string_view, 1> kPersonListFields = {"persons"};
constexpr std::array<std::string_view, 4> kEventReferenceFields = {"referral", "assessment", "plan",
                                                                   "transfer"};

}  // namespace

std::span<const std::string_view> person_id_fields() { return kPersonIdFields; }
std::span<const std::string_view> person_list_fields() { return kPersonListFields; }
std::span<const std::string_view> event_reference_fields() { return kEventReferenceFields; }

}  // namespace sightline
