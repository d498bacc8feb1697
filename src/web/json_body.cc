#include "web/json_body.h"

namespace sightline::web {
namespace {

template <typename Json>
Json parse_bounded(std::string_view body) {
  bool too_deep = false;
  // The callback's depth counts the containers around the value: an array
  // opened at depth d is the (d+1)th level. Returning false there drops the
  // container unbuilt, so nothing deeper is ever allocated.
  const typename Json::parser_callback_t bound =
      [&too_deep](int depth, typename Json::parse_event_t event, Json&) {
        const bool opens =
            event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
        if (opens && depth + 1 > kMaxJsonBodyDepth) {
          too_deep = true;
          return false;
        }
        return true;
      };
  Json parsed = Json::parse(body.begin(), body.end(), bound, /*allow_exceptions=*/false);
  if (too_deep) return Json(Json::value_t::discarded);
  return parsed;
}

}  // namespace

nlohmann::json parse_json_body(std::string_view body) {
  return parse_bounded<nlohmann::json>(body);
}

nlohmann::ordered_json parse_ordered_json_body(std::string_view body) {
  return parse_bounded<nlohmann::ordered_json>(body);
}

}  // namespace sightline::web
