#include "store/stored_event_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "store/store.h"

namespace sightline {
namespace {

// A contact about a person no line of this reader defined: stored lines passed
// validation when stored, so what they refer to is taken on trust.
constexpr const char* kContact =
    R"({"type":"contact","id":"c1","at":"2013-01-02","recorded":"2013-01-02","by":"ealing-hv",)"
    R"("persons":["sofia"],"mode":"home_visit","child_seen":true,"outcome":"seen"})";

TEST(StoredEventReader, ReadsAStoredLineTakingItsReferencesOnTrust) {
  StoredEventReader reader;
  const Event e = reader.read(kContact, 7);
  EXPECT_EQ(e.type, EventType::kContact);
  EXPECT_EQ(e.at.to_string(), "2013-01-02");
}

TEST(StoredEventReader, ALineThatNoLongerParsesIsTheStoresFailureNamingTheEvent) {
  StoredEventReader reader;
  try {
    reader.read(R"({"type":"contact","id":"c2"})", 42);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("stored event 42 no longer parses: "), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace sightline
