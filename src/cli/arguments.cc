#include "cli/arguments.h"

namespace sightline::cli {

Arguments::Arguments(const std::vector<std::string_view>& args, const ArgumentSpec& spec) {
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
        flags_.insert(arg);
      } else if (spec.options.contains(arg)) {
        if (!has_inline_value) {
          if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
          value = std::string(args[++i]);
        }
        if (options_.contains(arg)) throw UsageError(arg + " given twice");
        options_[arg] = value;
      } else {
        throw UsageError("unknown option " + arg);
      }
    } else {
      positionals_.push_back(arg);
    }
  }
  if (positionals_.size() < spec.min_positionals) throw UsageError("missing argument");
  if (positionals_.size() > spec.max_positionals) {
    throw UsageError("unexpected argument \"" + positionals_[spec.max_positionals] + "\"");
  }
}

std::optional<std::string> Arguments::option(std::string_view name) const {
  if (auto it = options_.find(name); it != options_.end()) return it->second;
  return std::nullopt;
}

std::string Arguments::required(std::string_view name) const {
  if (auto value = option(name)) return *value;
  throw UsageError(std::string(name) + " is required");
}

}  // namespace sightline::cli
