#include "pages/bar_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sightline::pages {
namespace {

// The drawing's own units (the viewBox); CSS scales it to the column.
constexpr double kWidth = 640, kHeight = 260;
constexpr double kLeft = 48, kRight = 8, kTop = 24, kBottom = 36;
constexpr const char* kBarColour = "#1d70b8";
constexpr const char* kInkColour = "#0b0c0c";
constexpr const char* kGridColour = "#505a5f";

std::string number(double v) {
  char buffer[32];
  if (std::abs(v - std::round(v)) < 1e-9) {
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
  }
  return buffer;
}

// 1, 2, 5, 10, 20, 50, ...: the smallest at least `v`.
double nice_ceiling(double v) {
  double step = 1;
  while (true) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * step >= v) return m * step;
    }
    step *= 10;
  }
}

}  // namespace

Html bar_chart(const BarChartOptions& o) {
  double top = o.max;
  if (top <= 0) {
    double largest = 0;
    for (const Bar& b : o.bars) largest = std::max(largest, b.value);
    top = nice_ceiling(std::max(largest, 1.0));
  }
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  const double base = kTop + plot_h;
  const std::string title_id = o.id + "-title";
  const std::string desc_id = o.id + "-desc";
  std::string svg = "<svg class=\"app-chart\" id=\"" + escape(o.id) +
                    "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + number(kWidth) +
                    " " + number(kHeight) + "\" role=\"img\" aria-labelledby=\"" +
                    escape(title_id) + " " + escape(desc_id) + "\"><title id=\"" +
                    escape(title_id) + "\">" + escape(o.title) + "</title><desc id=\"" +
                    escape(desc_id) + "\">" + escape(o.description) + "</desc>";
  // The scale: 0, the middle (when a whole number for a count) and the top.
  std::vector<double> ticks = {0, top};
  if (o.unit_suffix == "%" || std::abs(top / 2 - std::round(top / 2)) < 1e-9) {
    ticks.insert(ticks.begin() + 1, top / 2);
  }
  // Each kind of mark in a group carrying its presentation, to keep the
  // markup small: gridlines, the scale's labels, bars, then the bars' labels.
  std::string grid = std::string("<g stroke=\"") + kGridColour + "\">";
  std::string scale =
      std::string("<g font-size=\"12\" text-anchor=\"end\" fill=\"") + kInkColour + "\">";
  for (double t : ticks) {
    const double y = base - plot_h * t / top;
    grid += "<line x1=\"" + number(kLeft) + "\" x2=\"" + number(kWidth - kRight) + "\" y1=\"" +
            number(y) + "\" y2=\"" + number(y) + "\" stroke-width=\"" + (t == 0 ? "2" : "0.5") +
            "\"/>";
    scale += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(y + 4) + "\">" +
             escape(number(t) + o.unit_suffix) + "</text>";
  }
  svg += grid + "</g>" + scale + "</g>";
  const double slot = o.bars.empty() ? plot_w : plot_w / static_cast<double>(o.bars.size());
  const double bar_w = slot * 0.64;
  std::string bars = std::string("<g fill=\"") + kBarColour + "\">";
  std::string labels =
      std::string("<g font-size=\"11\" text-anchor=\"middle\" fill=\"") + kInkColour + "\">";
  for (std::size_t i = 0; i < o.bars.size(); ++i) {
    const Bar& b = o.bars[i];
    const double h = plot_h * std::clamp(b.value / top, 0.0, 1.0);
    const double x = kLeft + slot * static_cast<double>(i) + (slot - bar_w) / 2;
    const std::string centre = number(x + bar_w / 2);
    if (h > 0) {
      bars += "<rect x=\"" + number(x) + "\" y=\"" + number(base - h) + "\" width=\"" +
              number(bar_w) + "\" height=\"" + number(h) + "\"/>";
    }
    if (!b.value_text.empty()) {
      labels += "<text x=\"" + centre + "\" y=\"" + number(base - h - 5) + "\">" +
                escape(b.value_text) + "</text>";
    }
    labels +=
        "<text x=\"" + centre + "\" y=\"" + number(base + 18) + "\">" + escape(b.label) + "</text>";
  }
  svg += bars + "</g>" + labels + "</g>";
  svg += "</svg>";
  return Html::trusted(std::move(svg));
}

}  // namespace sightline::pages
