// Node-link diagrams laid out at build time and drawn as inline SVG: stars by star_svg(), the
// rest by Graphviz (libgvc).
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct GVC_s;

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
  std::string id;           ///< Unique on its page; prefixes the SVG's internal ids.
  std::string title;        ///< Accessible name (the SVG's <title>).
  std::string engine = "dot";  ///< Graphviz layout: `dot` (layered) or `circo` (a circle).
};

/// Splits a label into lines of about `width` characters at spaces (a longer word keeps its own line).
std::vector<std::string> wrap_label(const std::string& text, std::size_t width);

/// Characters (code points) in UTF-8 text, for sizing boxes.
std::size_t utf8_length(std::string_view text);

/// Lays out a star: node 0 in the middle and every edge touching it, in three columns (what
/// points at node 0 on the left, what node 0 points at on the right). Deterministic and free of
/// Graphviz, so it is cheap enough for one diagram on every concept page. Labels are escaped
/// here. Throws std::invalid_argument when an edge misses node 0.
std::string star_svg(const Diagram& diagram);

/// Owns a Graphviz context; one per site render. Graphviz is not thread-safe, so svg() lays
/// out one diagram at a time while callers on other threads do the rest of their work.
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

 private:
  GVC_s* gvc_;
  std::mutex mutex_;
};

}  // namespace katlas::detail::html
