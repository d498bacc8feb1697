#include "chronology/views.h"

namespace sightline {

std::string PersonView::display_name() const {
  std::string name = given;
  if (!family.empty()) name += (name.empty() ? "" : " ") + family;
  if (!name.empty()) return name;
  if (expected && !born) return "unborn child " + id;
  return id;
}

}  // namespace sightline
