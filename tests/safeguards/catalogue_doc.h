// The rules of the catalogue as docs/safeguards-v1.md lists them: the id of
// each row of its table, in order. Tests compare the engine's catalogue with
// it, so that the number of rules is never written down twice.
#pragma once

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../support/test_support.h"

namespace sightline::testing {

inline std::vector<std::string> catalogue_doc_rule_ids() {
  std::istringstream doc(read_file(source_dir() / "docs" / "safeguards-v1.md"));
  // A row of the table: | `rule-id` | finding | trigger | ...
  static const std::regex row(R"(^\| `([a-z0-9]+(-[a-z0-9]+)+)` \|)");
  std::vector<std::string> ids;
  std::string line;
  std::smatch m;
  while (std::getline(doc, line)) {
    if (line.rfind("## Clarifications", 0) == 0) break;  // the table is above
    if (std::regex_search(line, m, row)) ids.push_back(m[1]);
  }
  return ids;
}

}  // namespace sightline::testing
