// Lays out a Diagram with Graphviz and writes our own SVG, so every label goes through our escaping.
#include "render/html/diagram.hpp"
#include "render/html/html.hpp"

#include "text/escape.hpp"
#include "text/number.hpp"

#include <gvc.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace katlas::detail::html {
namespace {

constexpr double char_width = 7.0;   // points per character at the 12pt label size
constexpr std::size_t wrap_at = 22;  // characters per line in a box
constexpr double line_height = 15;   // points between the lines of a box

/// Splits a label into lines of about `width` characters at spaces (a longer word keeps its own line).
std::vector<std::string> wrap_label(const std::string& text, std::size_t width) {
  std::vector<std::string> lines{""};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + start, end - start);
    if (!lines.back().empty() && utf8_length(lines.back()) + 1 + utf8_length(word) > width) lines.emplace_back();
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += word;
    start = end + 1;
  }
  return lines;
}

/// DOT text with fixed-size nodes: layout never depends on the fonts installed.
std::string to_dot(const Diagram& d) {
  std::string dot =
      "digraph g {\n graph [rankdir=LR, nodesep=0.15, ranksep=0.5, margin=0];\n"
      " node [shape=box, fixedsize=true, label=\"\"];\n edge [fontsize=12, fontname=\"Helvetica\"];\n";
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    const LabelBox box = label_box(d.nodes[i].label);
    dot += " n" + std::to_string(i) + " [width=" + one_decimal(box.width / 72) +
           ", height=" + one_decimal(box.height / 72) + "];\n";
  }
  for (std::size_t i = 0; i < d.edges.size(); ++i)
    dot += " n" + std::to_string(d.edges[i].from) + " -> n" + std::to_string(d.edges[i].to) +
           " [k=" + std::to_string(i) + ", label=" + quote_dot(d.edges[i].label) + "];\n";
  return dot + "}\n";
}

std::string pt(pointf p, double height) { return one_decimal(p.x) + "," + one_decimal(height - p.y); }

std::string edge_svg(const Diagram& d, Agedge_t* e, double h) {
  const std::size_t index = std::stoul(agget(e, const_cast<char*>("k")));
  const splines* spl = ED_spl(e);
  if (!spl || spl->size == 0) return {};
  const bezier& bz = spl->list[0];
  std::string path = "M" + pt(bz.list[0], h);
  for (int i = 1; i + 2 < bz.size; i += 3)
    path += " C" + pt(bz.list[i], h) + " " + pt(bz.list[i + 1], h) + " " + pt(bz.list[i + 2], h);
  if (bz.eflag) path += " L" + pt(bz.ep, h);
  const textlabel_t* label = ED_label(e);
  return arrow_svg(d, path, label ? &d.edges[index].label : nullptr, label ? label->pos.x : 0,
                   label ? h - label->pos.y + 3 : 0);
}

std::string node_svg(const Diagram& d, Agnode_t* n, double h) {
  const Diagram::Node& node = d.nodes[std::stoul(agnameof(n) + 1)];
  return box_svg(label_box(node.label), ND_coord(n).x, h - ND_coord(n).y, ND_width(n) * 72, ND_height(n) * 72,
                 node.focus);
}

}  // namespace

LabelBox label_box(const std::string& label) {
  LabelBox box;
  box.lines = wrap_label(label, wrap_at);
  std::size_t longest = 0;
  for (const std::string& l : box.lines) longest = std::max(longest, utf8_length(l));
  box.width = static_cast<double>(longest) * char_width + 20;
  box.height = static_cast<double>(box.lines.size()) * line_height + 14;
  return box;
}

std::string box_svg(const LabelBox& box, double x, double y, double width, double height, bool focus) {
  std::string out = concat(focus ? "<g class=\"node focus\"><rect x=\"" : "<g class=\"node\"><rect x=\"",
                           one_decimal(x - width / 2), "\" y=\"", one_decimal(y - height / 2), "\" width=\"",
                           one_decimal(width), "\" height=\"", one_decimal(height), "\" rx=\"6\"/>");
  double line_y = y - (static_cast<double>(box.lines.size()) - 1) * line_height / 2 + 4;
  for (const std::string& line : box.lines) {
    append(out, "<text x=\"", one_decimal(x), "\" y=\"", one_decimal(line_y), "\">");
    append_escaped_html(out, line);
    out += "</text>";
    line_y += line_height;
  }
  out += "</g>\n";
  return out;
}

std::string arrow_svg(const Diagram& d, std::string_view path, const std::string* label, double x, double y) {
  std::string out = concat("<g class=\"edge\"><path d=\"", path, "\" marker-end=\"url(#", d.id, "-arrow)\"/>");
  if (label) {
    append(out, "<text x=\"", one_decimal(x), "\" y=\"", one_decimal(y), "\">");
    append_escaped_html(out, *label);
    out += "</text>";
  }
  out += "</g>\n";
  return out;
}

std::string svg_open(const Diagram& d, std::string_view left, double width, double height) {
  return concat("<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"", left, " -4 ",
                one_decimal(width), " ", one_decimal(height), "\" width=\"", one_decimal(width),
                "\" role=\"img\" aria-labelledby=\"", d.id, "-title\">\n<title id=\"", d.id, "-title\">",
                escape_html(d.title), "</title>\n<defs><marker id=\"", d.id,
                "-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n");
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;  // count lead bytes only
  return n;
}

namespace {

/// One Graphviz context for the whole process, never freed, used under one lock. Graphviz is
/// not thread-safe, and its Pango text plugin keeps a pointer to the last font name it saw,
/// which lives in the context: freeing a context and starting another (one per site build)
/// left that pointer dangling, and ThreadSanitizer caught the next build reading freed memory.
struct Graphviz {
  GVC_t* context = gvContext();
  std::mutex mutex;
};

Graphviz& graphviz() {
  static Graphviz* const shared = new Graphviz;  // never deleted: see above
  if (!shared->context) throw std::runtime_error("cannot start Graphviz");
  return *shared;
}

}  // namespace

GraphLayout::GraphLayout() { graphviz(); }

GraphLayout::~GraphLayout() = default;

std::string GraphLayout::svg(const Diagram& d) {
  const std::string dot = to_dot(d);
  Graphviz& gv = graphviz();
  const std::lock_guard lock(gv.mutex);
  GVC_t* const gvc = gv.context;
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) throw std::runtime_error("Graphviz could not read the diagram '" + d.title + "'");
  if (gvLayout(gvc, g, d.engine.c_str()) != 0) {
    agclose(g);
    throw std::runtime_error("Graphviz could not lay out the diagram '" + d.title + "'");
  }
  const boxf bb = GD_bb(g);
  const double w = bb.UR.x - bb.LL.x + 8, h = bb.UR.y - bb.LL.y + 8;
  std::string out = svg_open(d, one_decimal(bb.LL.x - 4), w, h);
  const double top = bb.UR.y;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) out += edge_svg(d, e, top);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) out += node_svg(d, n, top);
  gvFreeLayout(gvc, g);
  agclose(g);
  return out + "</svg>\n";
}

}  // namespace katlas::detail::html
