#include "core/areas.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/csv_rows.h"

namespace sightline {
namespace embedded {
extern const std::string_view local_authority_areas;
}  // namespace embedded

namespace {

constexpr std::string_view kTable = "local authority areas";
constexpr std::array<std::string_view, 3> kHeader = {"code", "name", "upper_tier"};

// Parses and checks the table: codes well formed and unique, every upper tier
// a listed area that is its own upper tier. The embedded table is checked by
// the tests, so a failure here is a fault in data/local-authority-areas.csv.
std::vector<LocalAuthorityArea> parse_areas(std::string_view text) {
  const std::vector<csv::Row> rows = csv::read_rows(text, kTable);
  if (rows.empty()) csv::fail(kTable, 1, "the header line code,name,upper_tier is missing");
  const auto& header = rows.front().fields;
  if (!std::equal(header.begin(), header.end(), kHeader.begin(), kHeader.end())) {
    csv::fail(kTable, rows.front().line, "expected the header line code,name,upper_tier");
  }

  struct Entry {
    LocalAuthorityArea area;
    int line;
  };
  std::vector<Entry> entries;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    if (row.fields.size() != kHeader.size()) {
      csv::fail(kTable, row.line, "expected 3 fields, found " + std::to_string(row.fields.size()));
    }
    LocalAuthorityArea area{row.fields[0], row.fields[1], row.fields[2]};
    if (!looks_like_gss_code(area.code)) {
      csv::fail(kTable, row.line, "'" + area.code + "' is not a GSS code");
    }
    if (area.name.empty()) csv::fail(kTable, row.line, "the name is empty");
    if (!looks_like_gss_code(area.upper_tier)) {
      csv::fail(kTable, row.line, "upper tier '" + area.upper_tier + "' is not a GSS code");
    }
    entries.push_back({std::move(area), row.line});
  }

  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.area.code < b.area.code; });
  for (std::size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].area.code == entries[i - 1].area.code) {
      csv::fail(kTable, entries[i].line,
                entries[i].area.code + " is already listed on line " +
                    std::to_string(entries[i - 1].line));
    }
  }
  for (const Entry& e : entries) {
    const auto upper = std::lower_bound(
        entries.begin(), entries.end(), e.area.upper_tier,
        [](const Entry& a, const std::string& code) { return a.area.code < code; });
    if (upper == entries.end() || upper->area.code != e.area.upper_tier) {
      csv::fail(kTable, e.line, "upper tier " + e.area.upper_tier + " is not listed");
    }
    if (upper->area.upper_tier != upper->area.code) {
      csv::fail(kTable, e.line, "upper tier " + upper->area.code + " is not its own upper tier");
    }
  }

  std::vector<LocalAuthorityArea> areas;
  areas.reserve(entries.size());
  for (Entry& e : entries) areas.push_back(std::move(e.area));
  return areas;
}

}  // namespace

const std::vector<LocalAuthorityArea>& all_areas() {
  static const std::vector<LocalAuthorityArea> areas = parse_areas(embedded::local_authority_areas);
  return areas;
}

const LocalAuthorityArea* find_area(std::string_view gss_code) {
  const auto& areas = all_areas();
  const auto it = std::lower_bound(
      areas.begin(), areas.end(), gss_code,
      [](const LocalAuthorityArea& a, std::string_view code) { return a.code < code; });
  return it != areas.end() && it->code == gss_code ? &*it : nullptr;
}

bool looks_like_gss_code(std::string_view text) {
  if (text.size() != 9 || (text[0] != 'E' && text[0] != 'W')) return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace sightline
