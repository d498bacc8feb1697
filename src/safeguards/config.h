// Per-area configuration of the safeguards: every number of the catalogue is a
// national default that an area (by GSS code) may override.
//
// File format (JSON), documented in docs/safeguards-config.md:
//   {"defaults": {"<rule or section>": {"<parameter>": <whole number>, ...}, ...},
//    "areas": {"<GSS code>": {"<rule or section>": {"<parameter>": n, ...}}, ...}}
// Both members are optional. An area's value wins over "defaults", which wins
// over the catalogue's default. Anything else is refused (kInvalidConfig)
// naming the key path: an unknown member, rule or parameter, a value that is
// not a whole number, a negative number, an area that is not a GSS code.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "safeguards/rule_info.h"

namespace sightline::safeguards {

class SafeguardsConfig {
 public:
  // The catalogue's defaults everywhere.
  SafeguardsConfig();
  // Refuses bad configuration with kInvalidConfig: the error's field is the
  // key path and its message starts with it.
  static Expected<SafeguardsConfig> from_json(std::string_view text);
  // Reads and parses a file; refused also when it cannot be read (the
  // message then starts with the file's path).
  static Expected<SafeguardsConfig> from_file(const std::string& path);

  // Every parameter of every section, flattened: section s's parameter p is at
  // offset(s) + p.
  std::size_t offset(std::size_t section) const { return offsets_[section]; }
  // The flat table of values for an area (GSS code); the defaults table for an
  // area without overrides.
  const std::vector<int>& table(std::string_view area) const;
  const std::vector<int>& defaults() const { return defaults_; }
  // Areas that have overrides, by GSS code.
  const std::map<std::string, std::vector<int>, std::less<>>& areas() const { return areas_; }

 private:
  std::vector<std::size_t> offsets_;
  std::vector<int> defaults_;
  std::map<std::string, std::vector<int>, std::less<>> areas_;
};

}  // namespace sightline::safeguards
