// The words synthetic people and places are made of. Fictional combinations
// of common names; every entry is JSON-safe (no quotes, backslashes or control
// characters), so the renderer writes them as they are.
#pragma once

#include <array>
#include <string_view>

namespace sightline::synth::names {

inline constexpr std::array<std::string_view, 40> kGivenFemale = {
    "Olivia", "Amelia", "Isla",  "Ava",       "Mia",    "Ivy",      "Lily",  "Isabella",
    "Rosie",  "Sophia", "Grace", "Freya",     "Willow", "Florence", "Emily", "Ella",
    "Poppy",  "Evie",   "Elsie", "Charlotte", "Aisha",  "Maryam",   "Zara",  "Hana",
    "Amara",  "Zofia",  "Maja",  "Ioana",     "Ana",    "Leila",    "Nia",   "Ruby",
    "Sienna", "Daisy",  "Alice", "Harper",    "Layla",  "Esme",     "Nadia", "Chloe"};

inline constexpr std::array<std::string_view, 40> kGivenMale = {
    "Noah",   "Muhammad", "Oliver", "George",  "Leo",     "Arthur",   "Oscar",  "Harry",
    "Archie", "Jack",     "Henry",  "Charlie", "Freddie", "Theodore", "Thomas", "Finley",
    "Alfie",  "Theo",     "Isaac",  "Jacob",   "Yusuf",   "Ibrahim",  "Omar",   "Adam",
    "Jakub",  "Andrei",   "Tomas",  "Luca",    "Samuel",  "Elijah",   "Reuben", "Joseph",
    "Daniel", "Ethan",    "Kai",    "Rory",    "Felix",   "Hugo",     "Ayaan",  "Tobias"};

inline constexpr std::array<std::string_view, 48> kFamily = {
    "Smith",   "Jones",   "Williams", "Taylor",   "Brown",    "Davies",   "Evans",  "Wilson",
    "Thomas",  "Johnson", "Roberts",  "Robinson", "Thompson", "Wright",   "Walker", "White",
    "Edwards", "Hughes",  "Green",    "Hall",     "Lewis",    "Harris",   "Clarke", "Patel",
    "Jackson", "Wood",    "Turner",   "Martin",   "Cooper",   "Hill",     "Ward",   "Morris",
    "Moore",   "Clark",   "Lee",      "King",     "Baker",    "Harrison", "Morgan", "Allen",
    "Khan",    "Ahmed",   "Begum",    "Nowak",    "Kowalski", "Popescu",  "Okafor", "Silva"};

inline constexpr std::array<std::string_view, 24> kStreets = {
    "Station Road", "Church Lane",      "Mill Street",   "Park Avenue",    "Victoria Road",
    "Green Lane",   "Manor Road",       "Church Street", "Kings Road",     "Queens Road",
    "High Street",  "New Road",         "Grange Road",   "Alexandra Road", "Albert Road",
    "York Road",    "Springfield Road", "Chapel Street", "North Street",   "South Street",
    "Windsor Road", "Orchard Close",    "Meadow Way",    "Elm Grove"};

// Letters of the inward part of a postcode (after the digit).
inline constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

// A mother's nationality (events-v1 `nationality`), language and whether she
// asked for an interpreter. Indexes 3-6 are EEA nationals, 7-9 non-EEA.
struct Origin {
  std::string_view nationality, language;
  bool interpreter;
};
inline constexpr std::array<Origin, 10> kOrigins = {{
    {"GB", "English", false},
    {"GB", "Bengali", false},
    {"GB", "Urdu", false},
    {"PL", "Polish", false},
    {"RO", "Romanian", true},
    {"PT", "Portuguese", false},
    {"LT", "Lithuanian", true},
    {"NG", "Yoruba", false},
    {"AL", "Albanian", true},
    {"PK", "Urdu", true},
}};
inline constexpr int kFirstEeaOrigin = 3, kFirstNonEeaOrigin = 7;

// Free text the format requires (claim `detail`) or allows (transfer `summary`),
// indexed by Planned::e2.
inline constexpr std::array<std::string_view, 2> kClaimDetails = {
    "Mother says the child is staying with relatives abroad",
    "Mother says the child is with the maternal grandmother in another town",
};
inline constexpr std::array<std::string_view, 3> kTransferSummaries = {
    "Universal service; new birth visit, reviews and immunisations up to date; no concerns.",
    "Verbal referral: the family has moved to your area.",
    "Family has moved to your area; please visit to check the child's welfare.",
};

// Health codes of `circumstances.health`, as bits of Planned::mask.
inline constexpr std::array<std::string_view, 3> kHealthCodes = {"mental_health",
                                                                 "substance_misuse", "cancer"};

// Domains of a neglect profile (`assessment_completed.profile`), three bits each
// in Planned::mask, in this order.
inline constexpr std::array<std::string_view, 5> kProfileDomains = {
    "physical_care", "safety", "emotional_care", "development", "home_and_stability"};

}  // namespace sightline::synth::names
