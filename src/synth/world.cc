#include "synth/world.h"

#include <array>
#include <utility>

#include "core/areas.h"
#include "core/json_string.h"

namespace sightline::synth {
namespace {

struct SlotInfo {
  std::string_view suffix;  // of the agency id
  AgencyKind kind;
  std::string_view name;  // after the town's name
};

constexpr std::array<SlotInfo, kSlotCount> kSlots = {{
    {"lscp", AgencyKind::kSafeguardingPartnership, " Safeguarding Children Partnership"},
    {"gp1", AgencyKind::kGpPractice, " GP practice 1"},
    {"gp2", AgencyKind::kGpPractice, " GP practice 2"},
    {"hv", AgencyKind::kHealthVisiting, " health visiting"},
    {"mw", AgencyKind::kMidwifery, " maternity service"},
    {"hosp", AgencyKind::kHospital, " hospital"},
    {"paed", AgencyKind::kPaediatrics, " community paediatrics"},
    {"csc", AgencyKind::kChildrensSocialCare, " children's social care"},
    {"housing", AgencyKind::kHousing, " housing options"},
    {"police", AgencyKind::kPolice, " police"},
}};

}  // namespace

const World& World::england() {
  static const World world;
  return world;
}

World::World() {
  for (const LocalAuthorityArea& a : all_areas()) {
    // Upper-tier English authorities are the ones with children's services.
    if (a.code.empty() || a.code[0] != 'E' || a.code != a.upper_tier) continue;
    const auto i = areas_.size();
    std::string outward = "Z";
    outward += static_cast<char>('A' + i / 9);
    outward += static_cast<char>('1' + i % 9);
    std::string name, town;
    append_json_string_content(name, a.name);
    append_json_string_content(town, std::string_view(a.name).substr(0, a.name.find(',')));
    areas_.push_back(Area{a.code, std::move(name), std::move(town), std::move(outward)});
  }
  for (const Area& area : areas_) {
    for (const SlotInfo& slot : kSlots) {
      std::string id = area.code;
      id += '-';
      id += slot.suffix;
      agency_ids_.push_back(std::move(id));
    }
  }
}

std::string_view World::premises_line1(Premises p) {
  return p == Premises::kHostel ? "Hostel, 2 Market Street" : "Day Centre, 5 Market Street";
}

std::string_view World::premises_inward(Premises p) {
  return p == Premises::kHostel ? "1HT" : "1DC";
}

void World::write_reference_lines(Date day, std::string& out, std::int64_t* by_type) const {
  const std::string at = day.to_string();
  for (std::size_t a = 0; a < areas_.size(); ++a) {
    const Area& area = areas_[a];
    for (int s = 0; s < kSlotCount; ++s) {
      const SlotInfo& slot = kSlots[static_cast<std::size_t>(s)];
      out += R"({"type":"agency","id":")";
      out += agency_id(agency(static_cast<AreaIndex>(a), static_cast<Slot>(s)));
      out += R"(","at":")";
      out += at;
      out += R"(","name":")";
      out += area.name;
      out += slot.name;
      out += R"(","kind":")";
      out += to_string(slot.kind);
      out += R"(","area":")";
      out += area.code;
      if (slot.kind != AgencyKind::kSafeguardingPartnership) {
        out += R"(","parent":")";
        out += agency_id(agency(static_cast<AreaIndex>(a), Slot::kPartnership));
      }
      out += "\"}\n";
      ++by_type[static_cast<int>(EventType::kAgency)];
    }
  }
  for (const Area& area : areas_) {
    for (const Premises p : {Premises::kHostel, Premises::kDayCentre}) {
      out += R"({"type":"premises","at":")";
      out += at;
      out += R"(","address":{"line1":")";
      out += premises_line1(p);
      out += R"(","town":")";
      out += area.town;
      out += R"(","postcode":")";
      out += area.outward;
      out += ' ';
      out += premises_inward(p);
      out += R"(","area":")";
      out += area.code;
      out += R"("},"kind":")";
      out += p == Premises::kHostel ? "hostel" : "day_centre";
      out += "\"}\n";
      ++by_type[static_cast<int>(EventType::kPremises)];
    }
  }
}

}  // namespace sightline::synth
