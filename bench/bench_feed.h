// Synthetic feeds for the micro-benchmarks, generated once per process.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "synth/synth.h"

namespace sightline::bench {

// The feed of `children` synthetic children (seed 1) as one text.
inline const std::string& synthetic_feed(std::int64_t children) {
  static std::map<std::int64_t, std::string> feeds;
  auto [it, added] = feeds.try_emplace(children);
  if (added) {
    synth::Options options;
    options.children = children;
    options.seed = 1;
    synth::generate(options, [&](std::string_view chunk) { it->second += chunk; });
  }
  return it->second;
}

// Its lines, without the '\n'.
inline std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t end; (end = text.find('\n')) != std::string_view::npos;) {
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace sightline::bench
