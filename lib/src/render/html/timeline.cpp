// The withdrawal timeline: phase timings on a log time axis, reported ranges drawn as bands.
#include "render/html/figures.hpp"
#include "text/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace katlas::detail::html {
namespace {

// Narrow enough that a phone shows the chart at full size or larger: text stays at least 12 px.
constexpr double width = 340, left = 8, right = 332, row_height = 46, top = 8;

struct Axis {
  double lo, hi;  // hours, log-scaled
  double x(double hours) const {
    const double t = (std::log(std::clamp(hours, lo, hi)) - std::log(lo)) / (std::log(hi) - std::log(lo));
    return left + t * (right - left);
  }
};

std::string rect(const Axis& a, double from, double to, double y, double h, std::string_view cls) {
  const double x0 = a.x(from), x1 = std::max(a.x(to), x0 + 3);
  return "<rect class=\"" + std::string(cls) + "\" x=\"" + one_decimal(x0) + "\" y=\"" + one_decimal(y) +
         "\" width=\"" + one_decimal(x1 - x0) + "\" height=\"" + one_decimal(h) + "\"/>";
}

std::string ticks(const Axis& a, double y) {
  static constexpr std::pair<double, std::string_view> marks[] = {
      {6, "6 h"},      {12, "12 h"},     {24, "1 day"},    {48, "2 d"},       {72, "3 d"},
      {168, "1 week"}, {336, "2 weeks"}, {720, "1 month"}, {2160, "3 months"}};
  std::string out;
  double free_from = 0;  // where the last label ends: a mark whose label would touch it is left out
  for (const auto& [h, label] : marks) {
    if (h < a.lo || h > a.hi) continue;
    const double half = 3.4 * static_cast<double>(label.size());  // 12 px text is about 6.8 px a letter
    if (a.x(h) - half < free_from + 6) continue;
    free_from = a.x(h) + half;
    const std::string x = one_decimal(a.x(h));
    out += "<line class=\"tick\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + one_decimal(top) + "\" y2=\"" +
           one_decimal(y) + "\"/><text class=\"tick-label\" x=\"" + x + "\" y=\"" + one_decimal(y + 16) + "\">" +
           std::string(label) + "</text>";
  }
  return out;
}

// Striped: a reported range for a start or an end. Solid: under way by every report. Fading
// out: no known end. Told apart by pattern, not by shade, so they read the same in dark mode,
// in greyscale and on paper.
constexpr std::string_view defs =
    "<defs><pattern id=\"timeline-range\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
    "patternTransform=\"rotate(45)\"><rect class=\"range-ground\" width=\"6\" height=\"6\"/>"
    "<rect class=\"range-stripe\" width=\"3\" height=\"6\"/></pattern>"
    "<linearGradient id=\"timeline-open\"><stop offset=\"0\" class=\"open-from\"/>"
    "<stop offset=\"1\" class=\"open-to\"/></linearGradient></defs>\n";

std::string row(const Axis& a, const Concept& c, double y, bool focus) {
  const Timing& t = *c.timing;
  std::string out = "<g class=\"phase" + std::string(focus ? " focus" : "") + "\"><text class=\"phase-label\" x=\"" +
                    one_decimal(left) + "\" y=\"" + one_decimal(y + 14) + "\">" + escape_html(c.title) + "</text>";
  out += rect(a, t.start_min, t.start_max, y + 20, 16, "band");
  if (!t.has_end) return out + rect(a, t.start_max, a.hi, y + 20, 16, "open") + "</g>\n";
  if (t.end_min > t.start_max) out += rect(a, t.start_max, t.end_min, y + 20, 16, "core");
  out += rect(a, t.end_min, t.end_max, y + 20, 16, "band");
  return out + "</g>\n";
}

std::string table(const std::vector<const Concept*>& phases, std::string_view root) {
  std::string out =
      "<table class=\"timeline-table\">\n<caption>The timeline as a table (time after the last dose)"
      "</caption>\n<thead><tr><th scope=\"col\">Phase</th><th scope=\"col\">Starts</th>"
      "<th scope=\"col\">Ends</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n";
  for (const Concept* c : phases) {
    const Timing& t = *c->timing;
    out += "<tr><th scope=\"row\">" + concept_link(root, *c) + "</th><td>" + time_span(t.start_min, t.start_max, "–") +
           "</td><td>" + (t.has_end ? time_span(t.end_min, t.end_max, "–") : std::string("not known")) + "</td><td>" +
           std::string(to_string(t.evidence)) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// What each mark of the chart means, with the mark itself drawn beside the words.
std::string key() {
  const auto swatch = [](std::string_view cls) {
    return "<svg class=\"timeline swatch\" viewBox=\"0 0 24 12\" aria-hidden=\"true\"><rect class=\"" +
           std::string(cls) + "\" width=\"24\" height=\"12\"/></svg> ";
  };
  return "<ul class=\"timeline-key\">\n<li>" + swatch("band") +
         "Striped: the range sources give for when a phase starts or ends</li>\n<li>" + swatch("core") +
         "Solid: the phase is under way by every report</li>\n<li>" + swatch("open") +
         "Fading out: nobody has measured when it ends</li>\n</ul>\n";
}

}  // namespace

std::string timeline_figure(const Site& site, std::string_view root, const Concept* focus) {
  std::vector<const Concept*> phases;
  for (const Concept* c : site.atlas.list())
    if (c->timing) phases.push_back(c);
  if (phases.empty()) return {};
  // In time order: by when a phase starts, then ends; a phase with no known end after those
  // that start with it.
  const auto end_of = [](const Concept* c) { return c->timing->has_end ? c->timing->end_min : HUGE_VAL; };
  std::sort(phases.begin(), phases.end(), [&](const Concept* a, const Concept* b) {
    return std::tuple(a->timing->start_min, end_of(a), a->id) < std::tuple(b->timing->start_min, end_of(b), b->id);
  });
  Axis axis{1e9, 0};
  for (const Concept* c : phases) {
    const Timing& t = *c->timing;
    axis.lo = std::min(axis.lo, std::max(t.start_min, 1.0));
    axis.hi = std::max(axis.hi, t.has_end ? t.end_max : t.start_max * 2);  // an open end runs on for a while
  }
  axis.lo *= 0.8;
  axis.hi = std::max(axis.hi * 1.25, axis.lo * 4);
  const double axis_y = top + row_height * static_cast<double>(phases.size());
  std::string svg = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + one_decimal(width) +
                    " " + one_decimal(axis_y + 24) +
                    "\" role=\"img\" aria-labelledby=\"timeline-title\">\n<title id=\"timeline-title\">"
                    "Withdrawal timeline: when each phase starts and ends, after the last dose</title>\n" +
                    std::string(defs) + ticks(axis, axis_y);
  for (std::size_t i = 0; i < phases.size(); ++i)
    svg += row(axis, *phases[i], top + row_height * static_cast<double>(i), phases[i] == focus);
  svg += "</svg>\n";
  return "<figure class=\"timeline-figure\" aria-labelledby=\"timeline-caption\">\n" + svg + key() +
         "<figcaption id=\"timeline-caption\">Withdrawal timeline after the last dose (the time axis is stretched "
         "at the start). Nobody can say the exact hour, and most of these figures are not from studies.</figcaption>\n" +
         table(phases, root) + "</figure>\n";
}

}  // namespace katlas::detail::html
