#include "cli/arguments.h"

namespace sightline::cli {

namespace {

Unexpected usage(std::string field, std::string message) {
  return Unexpected(field_error(ErrorCode::kUsage, std::move(field), std::move(message)));
}

}  // namespace

Expected<Arguments> Arguments::parse(const std::vector<std::string_view>& args,
                                     const ArgumentSpec& spec) {
  Arguments parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg(args[i]);
    if (arg.starts_with("--")) {
      std::string value;
      bool has_inline_value = false;
      if (const auto eq = arg.find('='); eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg.resize(eq);
        has_inline_value = true;
      }
      if (spec.flags.contains(arg) && !has_inline_value) {
        parsed.flags_.insert(arg);
      } else if (spec.options.contains(arg)) {
        if (!has_inline_value) {
          if (i + 1 >= args.size()) return usage(arg, arg + " needs a value");
          value = std::string(args[++i]);
        }
        if (parsed.options_.contains(arg)) return usage(arg, arg + " given twice");
        parsed.options_[arg] = value;
      } else {
        return usage(arg, "unknown option " + arg);
      }
    } else {
      parsed.positionals_.push_back(arg);
    }
  }
  if (parsed.positionals_.size() < spec.min_positionals) return usage("", "missing argument");
  if (parsed.positionals_.size() > spec.max_positionals) {
    return usage(parsed.positionals_[spec.max_positionals],
                 "unexpected argument \"" + parsed.positionals_[spec.max_positionals] + "\"");
  }
  return parsed;
}

std::optional<std::string> Arguments::option(std::string_view name) const {
  if (auto it = options_.find(name); it != options_.end()) return it->second;
  return std::nullopt;
}

Expected<std::string> Arguments::required(std::string_view name) const {
  if (auto value = option(name)) return *value;
  return usage(std::string(name), std::string(name) + " is required");
}

}  // namespace sightline::cli
