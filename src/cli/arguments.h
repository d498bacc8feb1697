// Command-line arguments of one `sightline` command: positionals, `--name
// value` options and `--flag`s. Anything else is refused with kUsage (exit
// code 2).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sightline::cli {

struct ArgumentSpec {
  std::set<std::string, std::less<>> options;  // take a value: "--db"
  std::set<std::string, std::less<>> flags;    // take none: "--json"
  std::size_t min_positionals = 0;
  std::size_t max_positionals = 0;
};

class Arguments {
 public:
  // The arguments, or a kUsage error naming the offending one.
  static Expected<Arguments> parse(const std::vector<std::string_view>& args,
                                   const ArgumentSpec& spec);

  const std::vector<std::string>& positionals() const { return positionals_; }
  std::optional<std::string> option(std::string_view name) const;
  // The option's value, or a kUsage error saying it is required.
  Expected<std::string> required(std::string_view name) const;
  bool flag(std::string_view name) const { return flags_.contains(std::string(name)); }

 private:
  Arguments() = default;
  std::vector<std::string> positionals_;
  std::map<std::string, std::string, std::less<>> options_;
  std::set<std::string, std::less<>> flags_;
};

}  // namespace sightline::cli
