// The withdrawal timeline: phase timings on a log time axis, reported ranges drawn as bands.
#include "render/html/figures.hpp"
#include "text/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace katlas::detail::html {
namespace {

constexpr double width = 400, left = 12, right = 388, row_height = 44, top = 8;

struct Axis {
  double lo, hi;  // hours, log-scaled
  double x(double hours) const {
    const double t = (std::log(std::max(hours, lo)) - std::log(lo)) / (std::log(hi) - std::log(lo));
    return left + t * (right - left);
  }
};

/// "6", "1.5": hours as written in content, without trailing zeros.
std::string hours(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", h);
  return buf;
}

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
  for (const auto& [h, label] : marks) {
    if (h < a.lo || h > a.hi) continue;
    const std::string x = one_decimal(a.x(h));
    out += "<line class=\"tick\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + one_decimal(top) + "\" y2=\"" +
           one_decimal(y) + "\"/><text class=\"tick-label\" x=\"" + x + "\" y=\"" + one_decimal(y + 14) + "\">" +
           std::string(label) + "</text>";
  }
  return out;
}

std::string row(const Axis& a, const Concept& c, double y, bool focus) {
  const Timing& t = *c.timing;
  std::string out = "<g class=\"phase" + std::string(focus ? " focus" : "") + "\"><text class=\"phase-label\" x=\"" +
                    one_decimal(left) + "\" y=\"" + one_decimal(y + 12) + "\">" + escape_html(c.title) + "</text>";
  out += rect(a, t.start_min, t.start_max, y + 18, 16, "band");
  if (t.end_min > t.start_max) out += rect(a, t.start_max, t.end_min, y + 18, 16, "core");
  out += rect(a, t.end_min, t.end_max, y + 18, 16, "band");
  return out + "</g>\n";
}

std::string table(const std::vector<const Concept*>& phases, std::string_view root) {
  std::string out =
      "<table class=\"timeline-table\">\n<caption>The timeline as a table (hours after the last dose)"
      "</caption>\n<thead><tr><th scope=\"col\">Phase</th><th scope=\"col\">Starts</th>"
      "<th scope=\"col\">Ends</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n";
  for (const Concept* c : phases) {
    const Timing& t = *c->timing;
    out += "<tr><th scope=\"row\">" + concept_link(root, *c) + "</th><td>" + hours(t.start_min) + "–" +
           hours(t.start_max) + "&#160;h</td><td>" + hours(t.end_min) + "–" + hours(t.end_max) + "&#160;h</td><td>" +
           std::string(to_string(t.evidence)) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string timeline_figure(const Site& site, std::string_view root, const Concept* focus) {
  std::vector<const Concept*> phases;
  for (const Concept* c : site.atlas.list())
    if (c->timing) phases.push_back(c);
  if (phases.empty()) return {};
  std::sort(phases.begin(), phases.end(), [](const Concept* a, const Concept* b) {
    return std::tie(a->timing->start_min, a->timing->end_min, a->id) <
           std::tie(b->timing->start_min, b->timing->end_min, b->id);
  });
  Axis axis{1e9, 0};
  for (const Concept* c : phases) {
    axis.lo = std::min(axis.lo, std::max(c->timing->start_min, 1.0));
    axis.hi = std::max(axis.hi, c->timing->end_max);
  }
  axis.lo *= 0.8;
  axis.hi = std::max(axis.hi * 1.25, axis.lo * 4);
  const double axis_y = top + row_height * static_cast<double>(phases.size());
  std::string svg = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + one_decimal(width) +
                    " " + one_decimal(axis_y + 22) +
                    "\" role=\"img\" aria-labelledby=\"timeline-title\">\n<title id=\"timeline-title\">"
                    "Withdrawal timeline: when each phase starts and ends, in hours after the last dose</title>\n" +
                    ticks(axis, axis_y);
  for (std::size_t i = 0; i < phases.size(); ++i)
    svg += row(axis, *phases[i], top + row_height * static_cast<double>(i), phases[i] == focus);
  svg += "</svg>\n";
  return "<figure class=\"timeline-figure\" aria-labelledby=\"timeline-caption\">\n" + svg +
         "<figcaption id=\"timeline-caption\">Withdrawal timeline after the last dose (time axis stretched at the "
         "start). Pale bands show the range that sources report for when a phase starts or ends: nobody can say the "
         "exact hour, and most of these figures are not from studies.</figcaption>\n" +
         table(phases, root) + "</figure>\n";
}

}  // namespace katlas::detail::html
