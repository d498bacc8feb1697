#include "pages/form.h"

#include "web/http.h"

namespace sightline::pages {

Form Form::parse(std::string_view body) {
  Form form;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    std::string name = web::percent_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos
                            ? std::string()
                            : web::percent_decode(pair.substr(eq + 1), true);
    form.fields_.emplace_back(std::move(name), std::move(value));
  }
  return form;
}

std::string Form::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return trimmed(value);
  }
  return {};
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields_) {
    if (key == name) out.push_back(value);
  }
  return out;
}

bool Form::has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (field.first == name) return true;
  }
  return false;
}

}  // namespace sightline::pages
