// Node-link diagrams laid out at build time and drawn as inline SVG: stars by star_svg(), the
// rest by Graphviz (libgvc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail::html {

/// A diagram to lay out: boxes with labels and labelled arrows between them.
struct Diagram {
  struct Node {
    std::string label;
    bool focus = false;  ///< Drawn highlighted (the page's own concept).
  };
  struct Edge {
    std::size_t from = 0, to = 0;  ///< Indexes into `nodes`.
    std::string label;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::string id;              ///< Unique on its page; prefixes the SVG's internal ids.
  std::string title;           ///< Accessible name (the SVG's <title>).
  std::string engine = "dot";  ///< Graphviz layout: `dot` (layered) or `circo` (a circle).
};

/// Characters (code points) in UTF-8 text, for sizing boxes and labels.
std::size_t utf8_length(std::string_view text);

/// A node's label wrapped into lines of about 22 characters, and the size in points of the
/// box that holds them at the 12px label size. Both layouts size their boxes with this.
struct LabelBox {
  std::vector<std::string> lines;
  double width = 0, height = 0;
};
LabelBox label_box(const std::string& label);

/// A node: a rounded `width` × `height` box centred on (x, y) with `box`'s lines, escaped.
std::string box_svg(const LabelBox& box, double x, double y, double width, double height, bool focus);

/// An arrow along the SVG `path`, ending in the diagram's arrowhead, with `label` (escaped)
/// at (x, y) unless `label` is null.
std::string arrow_svg(const Diagram& diagram, std::string_view path, const std::string* label, double x, double y);

/// The opening `<svg>` of a diagram: viewBox `left -4 width height`, the accessible title and
/// the arrowhead marker. `left` is written as given.
std::string svg_open(const Diagram& diagram, std::string_view left, double width, double height);

/// Lays out a star: node 0 in the middle and every edge touching it, in three columns (what
/// points at node 0 on the left, what node 0 points at on the right). Deterministic and free of
/// Graphviz, so it is cheap enough for one diagram on every concept page. Labels are escaped
/// here. Throws std::invalid_argument when an edge misses node 0.
std::string star_svg(const Diagram& diagram);

/// Lays out diagrams with the process's one Graphviz context. Graphviz is not thread-safe, so
/// svg() lays out one diagram at a time (across every GraphLayout) while callers on other
/// threads do the rest of their work.
class GraphLayout {
 public:
  GraphLayout();
  ~GraphLayout();
  GraphLayout(const GraphLayout&) = delete;
  GraphLayout& operator=(const GraphLayout&) = delete;

  /// The diagram as an `<svg>` element sized by its viewBox. Every label is escaped here;
  /// Graphviz only sees sizes and indexes. Throws std::runtime_error when layout fails.
  /// Safe to call from many threads.
  std::string svg(const Diagram& diagram);
};

}  // namespace katlas::detail::html
