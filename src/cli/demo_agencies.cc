#include "cli/demo_agencies.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>

namespace sightline::cli {
namespace {

struct DemoArea {
  const char* id_prefix;  // of the agencies' ids
  const char* code;       // GSS
  const char* name;
  const char* parent;  // the area's safeguarding partnership
  const char* school;  // an invented primary school's name
  const char* nursery;
};

constexpr DemoArea kAreas[] = {
    {"ealing", "E09000009", "Ealing", "lscb-ealing", "Northfield Road Primary School",
     "Elm Tree Nursery"},
    {"westminster", "E09000033", "Westminster", "lscb-westminster", "St Anne's Primary School",
     "Paddington Green Nursery"},
    {"camden", "E09000007", "Camden", "lscb-camden", "Regent Fields Primary School",
     "Kentish Green Nursery"},
    {"haringey", "E09000014", "Haringey", "lscb-haringey", "Lordship Lane Primary School",
     "Bruce Park Nursery"},
    {"hillingdon", "E09000017", "Hillingdon", "lscb-hillingdon", "Colne Valley Primary School",
     "Harefield Meadow Nursery"},
    {"luton", "E06000032", "Luton", "lscb-luton", "Wardown Primary School", "Lea Valley Nursery"},
    {"hf", "E09000013", "Hammersmith and Fulham", "lscb-hf", "Riverside Primary School",
     "Ravenscourt Nursery"},
    {"birmingham", "E08000025", "Birmingham", "E08000025-lscp", "Canal Side Primary School",
     "Edgbaston Park Nursery"},
};

}  // namespace

std::string merge_duplicate_agencies(const std::string& feed,
                                     const std::vector<AgencyView>& existing) {
  // (kind, area) -> the existing agency that may still take a place.
  std::map<std::pair<std::string, std::string>, std::string> free;
  for (const AgencyView& a : existing) {
    if (!a.area.empty()) free.try_emplace({std::string(to_string(a.kind)), a.area}, a.id);
  }
  std::map<std::string, std::string> replaced;  // "\"feed id\"" -> "\"existing id\""
  std::set<std::string> names;                  // in lower case
  const auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  for (const AgencyView& a : existing) names.insert(lower(a.name));
  std::string kept;
  kept.reserve(feed.size());
  std::istringstream in(feed);
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"type\":\"agency\"") != std::string::npos) {
      const auto agency = nlohmann::json::parse(line, nullptr, false);
      if (agency.is_object()) {
        const auto place = free.find({agency.value("kind", ""), agency.value("area", "")});
        if (place != free.end()) {
          replaced.emplace("\"" + agency.value("id", "") + "\"", "\"" + place->second + "\"");
          free.erase(place);
          continue;
        }
        // Two areas of one name (a county before and after it became a
        // unitary authority): the second says which area it is.
        const std::string name = agency.value("name", "");
        if (!names.insert(lower(name)).second) {
          auto ordered = nlohmann::ordered_json::parse(line);
          ordered["name"] = name + " (" + agency.value("area", "") + ")";
          names.insert(lower(ordered["name"].get<std::string>()));
          line = ordered.dump();
        }
      }
    }
    kept += line;
    kept += '\n';
  }
  // Ids are JSON strings: with their quotes, each replacement is of whole
  // ids only.
  for (const auto& [from, to] : replaced) {
    std::string out;
    out.reserve(kept.size());
    std::size_t i = 0;
    for (std::size_t at = kept.find(from); at != std::string::npos; at = kept.find(from, i)) {
      out.append(kept, i, at - i);
      out += to;
      i = at + from.size();
    }
    out.append(kept, i);
    kept = std::move(out);
  }
  return kept;
}

std::string demo_education_agencies(const std::string& at) {
  std::string out;
  const auto line = [&](const std::string& id, const std::string& name, const char* kind,
                        const DemoArea& a) {
    out += nlohmann::json{{"type", "agency"}, {"id", id},       {"at", at},          {"name", name},
                          {"kind", kind},     {"area", a.code}, {"parent", a.parent}}
               .dump();
    out += '\n';
  };
  for (const DemoArea& a : kAreas) {
    const std::string prefix = a.id_prefix;
    line(prefix + "-primary", std::string(a.school) + ", " + a.name, "school", a);
    line(prefix + "-nursery", std::string(a.nursery) + ", " + a.name, "early_years", a);
    line(prefix + "-education", std::string(a.name) + " Council education welfare service",
         "school", a);
  }
  return out;
}

}  // namespace sightline::cli
