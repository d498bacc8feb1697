// A bar chart as SVG drawn by the server: no script, no external resource.
//
// The SVG is an image (role="img") named by its <title> and described by its
// <desc> (aria-labelledby both), so a screen reader announces what it shows;
// the numbers themselves belong in a table beside it, the accessible
// alternative. Bars are GOV.UK blue (#1d70b8, 5.2:1 on white), text and axes
// GOV.UK black: every colour used passes WCAG's 3:1 for graphics and 4.5:1
// for text. Bar values are printed above the bars, so colour carries nothing
// on its own.
#pragma once

#include <string>
#include <vector>

#include "pages/html.h"

namespace sightline::pages {

struct Bar {
  std::string label = {};       // under the bar: "Nov 26"
  double value = 0;             // its height, in the chart's unit
  std::string value_text = {};  // over the bar: "66.7%", "4"; "" prints nothing
};

struct BarChartOptions {
  std::string id = {};           // unique on the page; the title and desc ids derive from it
  std::string title = {};        // what the chart shows
  std::string description = {};  // the figures in words, or where to find them
  std::vector<Bar> bars = {};
  double max = 0;                // the top of the scale; 0 scales to the largest bar
  std::string unit_suffix = {};  // after the axis's numbers: "%" or ""
};

Html bar_chart(const BarChartOptions& o);

}  // namespace sightline::pages
