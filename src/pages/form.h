// A submitted HTML form (application/x-www-form-urlencoded), as the pages
// read it: a field may repeat (checkboxes), and values are kept as sent.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace sightline::pages {

class Form {
 public:
  Form() = default;
  // Never fails: a malformed pair is read as well as it can be (a name
  // without '=' has the empty value; bad percent escapes are kept as sent).
  static Form parse(std::string_view body);

  // The first value of `name`, with surrounding white space removed; empty
  // when absent.
  std::string get(std::string_view name) const;
  // Every value of `name`, in the order sent.
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace sightline::pages
