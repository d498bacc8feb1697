// Dates as people type them into a search box or a form: day first, as in
// the UK (02/10/2012, 2/10/2012, 2.10.2012, 2-10-2012, 2 Oct 2012,
// 2nd October 2012), or the ISO form 2012-10-02.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace sightline {

// How to type a date, for the end of a message ("Enter a date of birth " +
// ...).
inline constexpr std::string_view kHowToTypeADate = "like 02/10/2012, 2 Oct 2012 or 2012-10-02";

// nullopt when `text` is not shaped like a date at all (a name, an NHS
// number, a postcode); otherwise the date, or a kBadRequest Error whose
// message says what is wrong with it ("31/02/2012 is not a real date:
// February 2012 has 28 days"). Three groups of digits are a date only when
// separated by '/', '.' or '-' (never spaces, so that "943 476 5919" stays an
// NHS number); a month by name may be separated by spaces, commas or '-'.
// A year must be given in full: 02/10/12 is an error, not a guess.
std::optional<Expected<Date>> read_typed_date(std::string_view text);

}  // namespace sightline
