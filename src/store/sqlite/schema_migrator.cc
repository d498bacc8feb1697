#include "store/sqlite/schema_migrator.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "store/sqlite/schema.h"

namespace sightline::sqlite {
namespace {

constexpr const char* kSchemaVersionKey = "schema_version";

// The version `meta` records: 0 for a file without it (new, or empty).
int recorded_version(Connection& db, const std::string& path) {
  Statement has_meta(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.step()) return 0;
  Statement version(db, "SELECT value FROM meta WHERE key = ?");
  version.bind(1, std::string_view(kSchemaVersionKey));
  if (!version.step()) return 0;
  const std::string text = version.column_text(0);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    throw StoreError(path + ": schema version \"" + text + "\" is not a version number");
  }
  return value;
}

void record_version(Connection& db, int version) {
  Statement record(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  record.bind(1, std::string_view(kSchemaVersionKey)).bind(2, std::to_string(version)).run();
}

void refuse_if_newer(int found, int newest, const std::string& path) {
  if (found <= newest) return;
  throw StoreError(path + ": the store has schema version " + std::to_string(found) +
                   ", newer than this Sightline knows (up to version " + std::to_string(newest) +
                   "); open it with the Sightline that wrote it or a newer one");
}

std::set<std::string> schema_objects(Connection& db) {
  std::set<std::string> names;
  Statement list(db, "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
  while (list.step()) names.insert(list.column_text(0));
  return names;
}

// The tables, indexes and triggers version 1 makes, as its SQL makes them in
// an empty database.
const std::set<std::string>& version_1_objects(const Migration& first) {
  static const std::set<std::string> names = [&] {
    Connection scratch(":memory:");
    scratch.exec(first.sql);
    return schema_objects(scratch);
  }();
  return names;
}

// Stores were made at version 1 by builds that lacked some of its tables
// (safeguard_notices, p_involvement, ...), since tables were then added without
// a new version. Version 1's statements all say IF NOT EXISTS, so running them
// again adds what such a store lacks; a projection added so is filled from the
// store's events. Only a store that lacks something is written to.
void complete_version_1(Connection& db, const Migration& first,
                        const std::function<void()>& refill_projections, MigrationReport& report) {
  const std::set<std::string> present = schema_objects(db);
  if (std::includes(present.begin(), present.end(), version_1_objects(first).begin(),
                    version_1_objects(first).end())) {
    return;
  }
  in_transaction(db, TransactionMode::kWrite, [&] {
    const std::set<std::string> before = schema_objects(db);
    db.exec(first.sql);
    bool projection_added = false;
    for (const std::string& name : schema_objects(db)) {
      if (before.contains(name)) continue;
      report.completed.push_back(name);
      for (const char* table : kProjectionTables) projection_added |= name == table;
    }
    if (projection_added) {
      refill_projections();
      report.projections_rebuilt = true;
    }
  });
}

void check_numbering(std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      throw StoreError("migration " + std::to_string(migrations[i].version) +
                       " is listed as number " + std::to_string(i + 1) +
                       ": migrations must be numbered 1, 2, ... in order");
    }
  }
}

}  // namespace

MigrationReport migrate_schema(Connection& db, const std::string& path,
                               std::span<const Migration> migrations,
                               const std::function<void()>& refill_projections) {
  check_numbering(migrations);
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  MigrationReport report;
  report.path = path;
  report.from_version = recorded_version(db, path);
  refuse_if_newer(report.from_version, newest, path);
  if (report.from_version == 1) complete_version_1(db, migrations[0], refill_projections, report);
  for (const Migration& m : migrations) {
    if (m.version <= report.from_version) continue;
    in_transaction(db, TransactionMode::kWrite, [&] {
      // Another process opening the store at the same time may have applied it.
      const int now = recorded_version(db, path);
      refuse_if_newer(now, newest, path);
      if (now >= m.version) return;
      try {
        db.exec(m.sql);
      } catch (const StoreError& e) {
        throw StoreError(path + ": migration " + std::to_string(m.version) + " (" +
                         std::string(m.summary) + ") failed, the store stays at version " +
                         std::to_string(now) + ": " + e.what());
      }
      if (m.rebuilds_projections) {
        refill_projections();
        report.projections_rebuilt = true;
      }
      record_version(db, m.version);
      report.applied.push_back({m.version, std::string(m.summary)});
    });
  }
  report.to_version = std::max(report.from_version, newest);
  return report;
}

}  // namespace sightline::sqlite
