// Lays out a star diagram (one concept and its neighbours) in three columns without Graphviz:
// what points at the concept on the left, the concept in the middle, what it points at on the
// right. This is the picture Graphviz's layered layout gives a star, at a small fraction of the
// cost, so a site of many thousand pages can draw one on every page.
#include "render/html/diagram.hpp"
#include "render/html/html.hpp"

#include "text/number.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace katlas::detail::html {
namespace {

constexpr double label_char_width = 5.6;  // points per character at the 10px edge-label size
constexpr double row_gap = 10;
constexpr double fan = 48;        // width of the zone where the arrows bend towards the middle box
constexpr double arrow_gap = 12;  // between arrows where they meet the middle box: arrowheads never touch
constexpr double label_gap = 16;  // between arrows that leave one neighbour: their labels never touch

/// A node's box and, once placed, its centre.
struct Box : LabelBox {
  explicit Box(LabelBox box) : LabelBox(std::move(box)) {}
  double x = 0, y = 0;
};

/// Stacks boxes from the top, `gap` apart; returns the column's height.
double stack(std::vector<Box*>& column, double x) {
  double y = 0;
  for (Box* b : column) {
    b->x = x;
    b->y = y + b->height / 2;
    y += b->height + row_gap;
  }
  return column.empty() ? 0 : y - row_gap;
}

}  // namespace

std::string star_svg(const Diagram& d) {
  if (d.nodes.empty()) throw std::invalid_argument("star_svg: a diagram needs its middle node");
  std::vector<Box> boxes;
  boxes.reserve(d.nodes.size());
  for (const Diagram::Node& n : d.nodes) boxes.emplace_back(label_box(n.label));

  // Boxes grow to give each of their arrows room: the middle one along its sides, a neighbour
  // with several arrows for their labels.
  std::vector<std::size_t> arrows_of(d.nodes.size(), 0);
  for (const Diagram::Edge& e : d.edges) ++arrows_of[e.from == 0 ? e.to : e.from];
  for (std::size_t i = 1; i < boxes.size(); ++i)
    if (arrows_of[i] > 1)
      boxes[i].height = std::max(boxes[i].height, static_cast<double>(arrows_of[i]) * label_gap + 4);

  // A neighbour goes left when every arrow between it and the middle points at the middle.
  std::vector<bool> left(d.nodes.size(), true);
  left[0] = false;
  double label_w[2] = {0, 0};  // widest edge label on the left, on the right
  for (const Diagram::Edge& e : d.edges) {
    if (e.from != 0 && e.to != 0) throw std::invalid_argument("star_svg: every arrow must touch the middle node");
    if (e.from == 0) left[e.to] = false;
  }
  for (const Diagram::Edge& e : d.edges) {
    const std::size_t other = e.from == 0 ? e.to : e.from;
    double& w = label_w[left[other] ? 0 : 1];
    w = std::max(w, static_cast<double>(utf8_length(e.label)) * label_char_width + 12);
  }
  std::vector<Box*> columns[2];
  double box_w[2] = {0, 0};
  for (std::size_t i = 1; i < boxes.size(); ++i) {
    columns[left[i] ? 0 : 1].push_back(&boxes[i]);
    box_w[left[i] ? 0 : 1] = std::max(box_w[left[i] ? 0 : 1], boxes[i].width);
  }

  // x from the left edge: left boxes | labels | fan | middle box | fan | labels | right boxes.
  Box& mid = boxes[0];
  std::size_t per_side[2] = {0, 0};
  for (const Diagram::Edge& e : d.edges) ++per_side[left[e.from == 0 ? e.to : e.from] ? 0 : 1];
  mid.height = std::max(mid.height, static_cast<double>(std::max(per_side[0], per_side[1])) * arrow_gap + 8);
  const double zone[2] = {columns[0].empty() ? 0 : label_w[0] + fan, columns[1].empty() ? 0 : label_w[1] + fan};
  const double mid_x = box_w[0] + zone[0] + mid.width / 2;
  const double heights[2] = {stack(columns[0], box_w[0] / 2),
                             stack(columns[1], mid_x + mid.width / 2 + zone[1] + box_w[1] / 2)};
  const double height = std::max({heights[0], heights[1], mid.height});
  for (int side = 0; side < 2; ++side)  // centre each column on the middle box
    for (Box* b : columns[side]) b->y += (height - heights[side]) / 2;
  mid.x = mid_x;
  mid.y = height / 2;
  const double width = mid_x + mid.width / 2 + zone[1] + box_w[1];

  std::string out = svg_open(d, "-4", width + 8, height + 8);

  // Arrows between the same pair are spread apart; arrows reaching the middle box spread along its side.
  std::vector<std::size_t> seen(d.nodes.size(), 0), count(d.nodes.size(), 0);
  for (const Diagram::Edge& e : d.edges) ++count[e.from == 0 ? e.to : e.from];
  std::vector<double> y_outs(d.edges.size());
  for (std::size_t k = 0; k < d.edges.size(); ++k) {
    const std::size_t other = d.edges[k].from == 0 ? d.edges[k].to : d.edges[k].from;
    const double spread = std::min(label_gap, (boxes[other].height - 4) / static_cast<double>(count[other]));
    y_outs[k] =
        boxes[other].y + (static_cast<double>(seen[other]++) - (static_cast<double>(count[other]) - 1) / 2) * spread;
  }
  // Arrows meet the middle box in the order they leave their boxes, top to bottom: no two cross.
  std::vector<std::size_t> order(d.edges.size()), slot(d.edges.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return y_outs[a] < y_outs[b]; });
  std::size_t at_side[2] = {0, 0};
  for (const std::size_t k : order)
    slot[k] = at_side[left[d.edges[k].from == 0 ? d.edges[k].to : d.edges[k].from] ? 0 : 1]++;
  for (std::size_t k = 0; k < d.edges.size(); ++k) {
    const Diagram::Edge& e = d.edges[k];
    const std::size_t other = e.from == 0 ? e.to : e.from;
    const int side = left[other] ? 0 : 1;
    const Box& b = boxes[other];
    const double y_out = y_outs[k];
    const double mid_spread = std::min(arrow_gap, (mid.height - 8) / static_cast<double>(per_side[side]));
    const double y_mid =
        mid.y + (static_cast<double>(slot[k]) - (static_cast<double>(per_side[side]) - 1) / 2) * mid_spread;
    // A straight run beside the neighbour carries the label; a curve in the fan zone meets the middle box.
    const double x_box = side == 0 ? b.x + box_w[0] / 2 : b.x - box_w[1] / 2;
    const double x_bend = side == 0 ? x_box + label_w[0] : x_box - label_w[1];
    const double x_mid = side == 0 ? mid.x - mid.width / 2 : mid.x + mid.width / 2;
    const double x_edge = side == 0 ? b.x + b.width / 2 : b.x - b.width / 2;
    const double c = (x_bend + x_mid) / 2;
    const auto point = [](double x, double y) { return concat(one_decimal(x), ",", one_decimal(y)); };
    const std::string from_box = point(x_edge, y_out), at_bend = point(x_bend, y_out), to_mid = point(x_mid, y_mid);
    // Paths run in the arrow's direction so marker-end sits on the box it points at.
    const std::string path =
        e.from == 0 ? concat("M", to_mid, " C", point(c, y_mid), " ", point(c, y_out), " ", at_bend, " L", from_box)
                    : concat("M", from_box, " L", at_bend, " C", point(c, y_out), " ", point(c, y_mid), " ", to_mid);
    out += arrow_svg(d, path, &e.label, (x_box + x_bend) / 2, y_out - 3);
  }
  for (std::size_t i = 0; i < boxes.size(); ++i)
    out += box_svg(boxes[i], boxes[i].x, boxes[i].y, boxes[i].width, boxes[i].height, d.nodes[i].focus);
  out += "</svg>\n";
  return out;
}

}  // namespace katlas::detail::html
