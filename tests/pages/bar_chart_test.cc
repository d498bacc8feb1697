// The dashboard's SVG bar chart: an image named and described for assistive
// technology, bars scaled to the top of the scale, every text escaped.
#include "pages/bar_chart.h"

#include <gtest/gtest.h>

namespace sightline::pages {
namespace {

TEST(BarChartTest, AnImageWithATitleAndADescriptionAndBarsToScale) {
  const std::string svg = bar_chart({.id = "chart-x",
                                     .title = "Share <seen> & \"on time\"",
                                     .description = "Bar chart. January 2026: 50.0%",
                                     .bars = {{"Jan 26", 50, "50.0%"}, {"Feb 26", 0, ""}},
                                     .max = 100,
                                     .unit_suffix = "%"})
                              .str();
  EXPECT_EQ(svg.rfind("<svg class=\"app-chart\" id=\"chart-x\" ", 0), 0u) << svg;
  EXPECT_NE(svg.find("role=\"img\" aria-labelledby=\"chart-x-title chart-x-desc\""),
            std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-x-title\">Share &lt;seen&gt; &amp; &quot;on "
                     "time&quot;</title>"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<desc id=\"chart-x-desc\">Bar chart. January 2026: 50.0%</desc>"),
            std::string::npos);
  // The plot is 200 units high (260 less 24 above and 36 below): 50% of 100
  // is a bar 100 high standing on the baseline at 224, 64% of its 292-wide
  // slot wide (the plot is 584 wide, two months); an empty month draws
  // no bar but keeps its label.
  EXPECT_NE(svg.find("y=\"124\" width=\"186.9\" height=\"100\"/>"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("<rect", svg.find("<rect") + 1), std::string::npos);
  EXPECT_NE(svg.find(">50.0%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Feb 26</text>"), std::string::npos);
  EXPECT_NE(svg.find(">100%</text>"), std::string::npos);  // the top of the scale
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("style="), std::string::npos);  // the pages' CSP allows no inline style
}

TEST(BarChartTest, ACountScalesToARoundNumberAboveTheLargestBar) {
  const std::string svg =
      bar_chart({.id = "c", .title = "t", .description = "d", .bars = {{"Jan 26", 7, "7"}}}).str();
  EXPECT_NE(svg.find(">10</text>"), std::string::npos) << svg;  // 1, 2, 5, 10: the top
  EXPECT_NE(svg.find(">5</text>"), std::string::npos) << svg;   // and its middle
  // 7 of 10: a bar 140 high.
  EXPECT_NE(svg.find("height=\"140\"/>"), std::string::npos) << svg;
}

}  // namespace
}  // namespace sightline::pages
