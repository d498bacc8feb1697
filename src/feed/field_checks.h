// Shape checks for the free-text fields events-v1 constrains. Private to the
// feed module; each answers only "does this text have the required form".
#pragma once

#include <string_view>

namespace sightline::feed_checks {

// Ten digits whose last is the NHS modulus-11 check digit of the first nine.
bool is_valid_nhs_number(std::string_view text);

// The shape of a UK postcode, case-insensitive, with or without the space
// before the inward code: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA.
// Whether the postcode exists is not checked.
bool looks_like_postcode(std::string_view text);

// Two upper-case letters (ISO 3166 alpha-2, not checked against the list), or
// "EEA" / "non-EEA".
bool is_nationality(std::string_view text);

// A telephone number as people write it: digits, with spaces, hyphens and
// brackets between them and an optional leading "+", and 7 to 15 digits in
// all (the international maximum). Whether the number exists is not checked.
bool looks_like_phone(std::string_view text);

// An email address's shape: one "@" with text before it, and after it a
// domain of at least two dot-separated labels; no spaces. Whether it is
// delivered is not checked.
bool looks_like_email(std::string_view text);

// A lower-case letter followed by lower-case letters, digits and underscores.
bool is_snake_case(std::string_view text);

// True when `text` has the layout of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`
// whatever its digits; tells a malformed value from an impossible one.
bool has_timestamp_shape(std::string_view text);

}  // namespace sightline::feed_checks
