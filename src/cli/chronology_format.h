// How a chronology is shown: a readable layout for people, or JSON Lines for
// programs (one event per line with its type, at, recorded, by and fields).
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "chronology/views.h"
#include "store/store.h"

namespace sightline::cli {

// Names for the ids an event mentions; an unknown id is shown as itself.
struct NameLookup {
  std::function<std::string(const Id&)> agency;
  std::function<std::string(const Id&)> person;
};

// `notices` (what Sightline itself sent about the child) are shown among the
// events, on the day they were sent.
void print_chronology_text(std::ostream& out, const PersonView& subject,
                           const std::vector<ChronologyEntry>& entries,
                           const std::vector<NoticeRecord>& notices,
                           std::optional<Timestamp> as_known_at, const NameLookup& names);

// A notice is a line of type "notice", by null, with fields to, rule and text.
void print_chronology_json(std::ostream& out, const std::vector<ChronologyEntry>& entries,
                           const std::vector<NoticeRecord>& notices);

// The fields of an event other than its envelope, in words: "to: Luton CSC; status: welfare_check".
std::string describe_fields(const std::string& event_json, const NameLookup& names);

}  // namespace sightline::cli
