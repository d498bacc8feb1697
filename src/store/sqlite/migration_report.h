// What opening a SQLite store did to its schema: the migrations it applied,
// or that the store was already at the newest version.
#pragma once

#include <string>
#include <vector>

namespace sightline {

struct AppliedMigration {
  int version = 0;
  std::string summary;
};

struct MigrationReport {
  std::string path;
  int from_version = 0;                   // as found; 0 for a new, empty file
  int to_version = 0;                     // as left: the newest this Sightline knows
  std::vector<AppliedMigration> applied;  // in order
  // Tables, indexes and triggers of version 1 added to a store made by an
  // early build of it, which lacked them.
  std::vector<std::string> completed;
  bool projections_rebuilt = false;

  bool changed() const { return !applied.empty() || !completed.empty(); }
};

}  // namespace sightline
