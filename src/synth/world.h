// The places and agencies of the synthetic population: every English
// upper-tier local-authority area (the authorities with children's services)
// from core/areas.h, each with the same set of agencies and two premises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"

namespace sightline::synth {

// The agencies each area has, in the order their lines are written. The
// partnership comes first: every other agency names it as `parent`.
enum class Slot : std::uint8_t {
  kPartnership,
  kGp1,
  kGp2,
  kHealthVisiting,
  kMidwifery,
  kHospital,
  kPaediatrics,
  kSocialCare,
  kHousing,
  kPolice,
};
inline constexpr int kSlotCount = static_cast<int>(Slot::kPolice) + 1;

using AreaIndex = std::uint16_t;
using AgencyIndex = std::uint16_t;

// Non-residential premises of each area (events-v1 `premises`).
enum class Premises : std::uint8_t { kNone, kHostel, kDayCentre };

class World {
 public:
  // Built once from the embedded area table; immutable, safe to share.
  static const World& england();

  std::size_t area_count() const { return areas_.size(); }
  std::string_view area_code(AreaIndex a) const { return areas_[a].code; }
  // The area's name up to any comma ("Bristol, City of" gives "Bristol"),
  // escaped for a JSON string.
  std::string_view town(AreaIndex a) const { return areas_[a].town; }
  // A postcode district that no real postcode uses ("ZA1" ...), one per area.
  std::string_view outward(AreaIndex a) const { return areas_[a].outward; }

  static AgencyIndex agency(AreaIndex area, Slot slot) {
    return static_cast<AgencyIndex>(area * kSlotCount + static_cast<int>(slot));
  }
  static AreaIndex area_of(AgencyIndex agency) {
    return static_cast<AreaIndex>(agency / kSlotCount);
  }
  // "E09000033-hv"; JSON-safe.
  std::string_view agency_id(AgencyIndex agency) const { return agency_ids_[agency]; }

  // The first line of a premises' address and its inward postcode code.
  static std::string_view premises_line1(Premises p);
  static std::string_view premises_inward(Premises p);

  // Appends the reference lines (every agency, then every premises), all dated
  // `day`, and counts them into `by_type`.
  void write_reference_lines(Date day, std::string& out, std::int64_t* by_type) const;
  std::size_t reference_line_count() const { return areas_.size() * (kSlotCount + 2); }

 private:
  struct Area {
    std::string code, name, town, outward;  // name and town JSON-escaped
  };
  World();

  std::vector<Area> areas_;
  std::vector<std::string> agency_ids_;
};

}  // namespace sightline::synth
