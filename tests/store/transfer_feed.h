// A feed of transfers between Ealing's and Luton's children's social care,
// stored after the Sofia scenario (which defines both agencies), for the
// tests of the stores that read transfers and sightings.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/test_support.h"
#include "core/date.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace sightline::testing {

// Tia (Luton has seen her since), Uma (seen before her transfer; an earlier
// transfer of hers corrected by a later one), Vic (declined) and Wyn
// (accepted, and seen at the acceptance) and Yan (accepted, not seen), from
// Ealing to Luton; Xan from Luton to Ealing.
constexpr const char* kTransferFeed =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-csc","given":"Tia","family":"Example"}
{"type":"person","id":"uma","at":"2026-01-05","by":"ealing-csc","given":"Uma","family":"Example"}
{"type":"person","id":"vic","at":"2026-01-05","by":"ealing-csc","given":"Vic","family":"Example"}
{"type":"person","id":"wyn","at":"2026-01-05","by":"ealing-csc","given":"Wyn","family":"Example"}
{"type":"person","id":"xan","at":"2026-01-05","by":"luton-csc","given":"Xan","family":"Example"}
{"type":"transfer","id":"tr-tia","at":"2026-02-02","by":"ealing-csc","child":"tia","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":["homelessness"],"summary":"Moved to Luton"}
{"type":"contact","at":"2026-02-04T10:00","by":"luton-csc","persons":["tia"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"transfer","id":"tr-uma-1","at":"2026-02-03","by":"ealing-csc","child":"uma","from":"ealing-csc","to":"luton-csc","status":"welfare_check","risks":[]}
{"type":"contact","at":"2026-02-01T10:00","by":"luton-csc","persons":["uma"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"transfer","id":"tr-uma-2","at":"2026-02-05","by":"ealing-csc","child":"uma","from":"ealing-csc","to":"luton-csc","status":"incomplete_s47","risks":["domestic_abuse"],"mode":"verbal"}
{"type":"transfer","id":"tr-vic","at":"2026-02-06","by":"ealing-csc","child":"vic","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer_declined","at":"2026-02-07","by":"luton-csc","transfer":"tr-vic","reason":"not in our area"}
{"type":"transfer","id":"tr-wyn","at":"2026-02-06","by":"ealing-csc","child":"wyn","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer_accepted","at":"2026-02-09","by":"luton-csc","transfer":"tr-wyn","child_seen":true}
{"type":"person","id":"yan","at":"2026-01-05","by":"ealing-csc","given":"Yan","family":"Example"}
{"type":"transfer","id":"tr-yan","at":"2026-02-06","by":"ealing-csc","child":"yan","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer_accepted","at":"2026-02-09","by":"luton-csc","transfer":"tr-yan","child_seen":false}
{"type":"transfer","id":"tr-xan","at":"2026-02-10","by":"luton-csc","child":"xan","from":"luton-csc","to":"ealing-csc","status":"child_protection","risks":[]}
)";

// Creates the store at `path` holding the Sofia scenario and kTransferFeed.
inline bool make_transfer_store(const std::string& path) {
  auto store = open_sqlite_store(path);
  std::ifstream sofia(scenario("sofia.jsonl"));
  std::istringstream transfers(kTransferFeed);
  return import_feed(*store, sofia, "sofia.jsonl", {}).committed &&
         import_feed(*store, transfers, "transfers", {}).committed;
}

// Seconds as events.at_s counts them, for a day in February (GMT).
inline std::int64_t february_seconds(int day, int hour = 12) {
  return std::int64_t{Date::from_ymd(2026, 2, day)->days()} * 86400 + hour * 3600;
}

}  // namespace sightline::testing
