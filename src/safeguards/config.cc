#include "safeguards/config.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/areas.h"
#include "safeguards/catalogue.h"

namespace sightline::safeguards {
namespace {

using nlohmann::json;

// The refusal of the configuration at key `path`; the message starts with it.
Unexpected refuse(const std::string& path, const std::string& message) {
  return Unexpected(field_error(ErrorCode::kInvalidConfig, path, path + ": " + message));
}

std::string names_of_sections() {
  std::string out;
  for (const SectionSpec& s : config_sections()) {
    if (!out.empty()) out += ", ";
    out += s.name;
  }
  return out;
}

// Applies one {"<section>": {"<parameter>": n}} object to `table`.
Expected<void> apply_sections(const json& sections, const std::string& path,
                              const SafeguardsConfig& config, std::vector<int>& table) {
  if (!sections.is_object())
    return refuse(path, "expected an object of rules; got " + sections.dump());
  const std::vector<SectionSpec>& specs = config_sections();
  for (const auto& [name, params] : sections.items()) {
    const std::string section_path = path + "." + name;
    std::size_t s = 0;
    while (s < specs.size() && specs[s].name != name) ++s;
    if (s == specs.size()) {
      return refuse(section_path,
                    "unknown rule or section; expected one of " + names_of_sections());
    }
    if (!params.is_object()) {
      return refuse(section_path, "expected an object of parameters; got " + params.dump());
    }
    const std::vector<ParameterSpec>& list = *specs[s].params;
    for (const auto& [param, value] : params.items()) {
      const std::string param_path = section_path + "." + param;
      std::size_t p = 0;
      while (p < list.size() && list[p].name != param) ++p;
      if (p == list.size()) {
        std::string known;
        for (const ParameterSpec& spec : list)
          known += (known.empty() ? "" : ", ") + std::string(spec.name);
        return refuse(param_path, known.empty() ? "unknown parameter; this rule has none"
                                                : "unknown parameter; expected one of " + known);
      }
      if (!value.is_number_integer()) {
        return refuse(param_path, "expected a whole number; got " + value.dump());
      }
      const auto n = value.get<std::int64_t>();
      if (n < 0) return refuse(param_path, "expected a number of 0 or more; got " + value.dump());
      if (n > 100000) return refuse(param_path, "expected at most 100000; got " + value.dump());
      table[config.offset(s) + p] = static_cast<int>(n);
    }
  }
  return {};
}

}  // namespace

SafeguardsConfig::SafeguardsConfig() {
  for (const SectionSpec& s : config_sections()) {
    offsets_.push_back(defaults_.size());
    for (const ParameterSpec& p : *s.params) defaults_.push_back(p.default_value);
  }
}

const std::vector<int>& SafeguardsConfig::table(std::string_view area) const {
  if (const auto it = areas_.find(area); it != areas_.end()) return it->second;
  return defaults_;
}

Expected<SafeguardsConfig> SafeguardsConfig::from_json(std::string_view text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    // The library's exception, turned into the refusal it stands for here.
    return refuse("(json)", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object())
    return refuse("(top level)", "expected an object with \"defaults\" and/or \"areas\"");
  SafeguardsConfig config;
  for (const auto& [key, value] : doc.items()) {
    if (key != "defaults" && key != "areas") {
      return refuse(key, "unknown member; expected \"defaults\" or \"areas\"");
    }
  }
  if (doc.contains("defaults")) {
    if (auto applied = apply_sections(doc["defaults"], "defaults", config, config.defaults_);
        !applied) {
      return Unexpected(applied.error());
    }
  }
  if (doc.contains("areas")) {
    const json& areas = doc["areas"];
    if (!areas.is_object()) return refuse("areas", "expected an object keyed by GSS area code");
    for (const auto& [code, sections] : areas.items()) {
      if (!looks_like_gss_code(code)) {
        return refuse("areas." + code,
                      "expected a GSS area code (E or W and 8 digits, e.g. E09000033)");
      }
    }
    for (const auto& [code, sections] : areas.items()) {
      std::vector<int> table = config.defaults_;
      if (auto applied = apply_sections(sections, "areas." + code, config, table); !applied) {
        return Unexpected(applied.error());
      }
      config.areas_.emplace(code, std::move(table));
    }
  }
  return config;
}

Expected<SafeguardsConfig> SafeguardsConfig::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return refuse(path, "cannot read the configuration file");
  std::stringstream s;
  s << in.rdbuf();
  auto config = from_json(s.str());
  if (!config) config.error().message = path + ": " + config.error().message;
  return config;
}

}  // namespace sightline::safeguards
