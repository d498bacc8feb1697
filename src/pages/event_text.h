// The words the pages use for events-v1 codes and events: what a
// practitioner would say, not the feed's identifiers.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "feed/event.h"

namespace sightline::pages {

// Agency id -> name, from the reference data.
using AgencyNames = std::map<std::string, std::string, std::less<>>;

// "no_fixed_abode" -> "No fixed abode"; "s47" -> "Section 47"; a code this
// table does not know is spelt out from its words.
std::string code_label(std::string_view code);
std::string domain_label(Domain domain);
// The agency's name, or its id when the reference data has no name for it.
std::string agency_name(const AgencyNames& names, std::string_view id);
// `text` with each word that is an agency's id (ignoring a trailing ".", ","
// or ":") replaced by the agency's name: "registered with ealing-gp on ..."
// -> "registered with Ealing GP practice on ...".
std::string agencies_named(std::string_view text, const AgencyNames& names);

// One line of a chronology, in words: `title` says what happened ("Home visit:
// child seen"), `detail` the rest worth reading at a glance (who referred to
// whom, the concerns, a decision), or is empty.
struct EventText {
  std::string title;
  std::string detail;
};
//
// What the words depend on beyond the event itself: an event before the
// child's birth is about the mother (an antenatal appointment is not "child
// not seen"), and one dated after today (or after the "as known at" date) has
// not happened yet, so it has no outcome to tell.
struct EventWhen {
  std::string child = {};  // the child's id, as the event's `persons` name her
  bool before_birth = false;
  bool planned = false;
};
EventText describe_event(const nlohmann::json& event, const AgencyNames& names,
                         const EventWhen& when = {});

}  // namespace sightline::pages
