// The neighbourhood diagram of a concept (a star, laid out by star_svg) and the featured cycle (Graphviz).
#include "render/html/figures.hpp"
#include "render/html/diagram.hpp"

#include <algorithm>
#include <map>

namespace katlas::detail::html {
namespace {

constexpr std::size_t max_drawn = 12;  // more boxes than this stop being readable on a phone

/// Node index of a concept in the diagram, adding it on first use.
std::size_t node_of(Diagram& d, std::map<const Concept*, std::size_t>& index, const Concept& c) {
  const auto [it, added] = index.emplace(&c, d.nodes.size());
  if (added) d.nodes.push_back({c.title, false});
  return it->second;
}

std::string link_label(const Link& l) { return l.direction == Direction::out ? l.type->label : l.type->inverse_label; }

// An arrow's label says how sure the link is when it is less than established.
std::string edge_label(const Link& l) {
  if (l.evidence == Evidence::established || l.type->structural) return l.type->label;
  return l.type->label + " (" + std::string(to_string(l.evidence)) + ")";
}

}  // namespace

std::string neighbourhood_figure(const Site& site, const Concept& entry, std::string_view root) {
  const std::vector<Link> links = site.atlas.related(entry);
  if (links.empty()) return {};
  Diagram d;
  d.id = "neighbourhood";
  d.title = "Diagram: how " + entry.title + " connects to other topics";
  d.nodes.push_back({entry.title, true});
  std::map<const Concept*, std::size_t> index{{&entry, 0}};
  std::size_t hidden = 0;
  for (const Link& l : links) {
    if (!index.count(l.other) && index.size() > max_drawn) {
      ++hidden;
      continue;
    }
    const std::size_t other = node_of(d, index, *l.other);
    // Arrows follow the relation as written, so "A leads to B" points from A to B.
    if (l.direction == Direction::out)
      d.edges.push_back({0, other, edge_label(l)});
    else
      d.edges.push_back({other, 0, edge_label(l)});
  }
  // One line per kind of link: "breaks down: Fentanyl, Midazolam, Oxycodone".
  std::string items;
  for (std::size_t i = 0; i < links.size(); ++i) {
    const std::string label = link_label(links[i]);
    const bool first = i == 0 || link_label(links[i - 1]) != label;
    append(items, first ? "<li>" : ", ", first ? escape_html(label) + ": " : "", concept_link(root, *links[i].other));
    if (links[i].evidence != Evidence::established && !links[i].type->structural)
      append(items, " (", to_string(links[i].evidence), " evidence)");
    if (i + 1 == links.size() || link_label(links[i + 1]) != label) items += "</li>\n";
  }
  // Where the screen is narrower than the diagram (a phone), the same links show as a list in
  // its place: no sideways scrolling, no text shrunk below reading size. Wider, the diagram
  // shows, with the list folded under it. CSS shows one of the two (display: none hides the
  // other from screen readers too).
  std::string out =
      "<figure class=\"neighbourhood\" aria-labelledby=\"neighbourhood-caption\">\n"
      "<div class=\"diagram-scroll diagram-wide\" tabindex=\"0\" role=\"group\" "
      "aria-labelledby=\"neighbourhood-caption\">\n" +
      star_svg(d) + "</div>\n<ul class=\"diagram-list\">\n" + items +
      "</ul>\n<figcaption id=\"neighbourhood-caption\">How " + escape_html(entry.title) + " connects to other topics";
  if (hidden) out += " (" + std::to_string(hidden) + " more in the list)";
  out +=
      ".</figcaption>\n<details class=\"diagram-text diagram-wide\">\n<summary>The diagram as a list</summary>\n<ul>\n" +
      items + "</ul>\n</details>\n</figure>\n";
  return out;
}

std::string cycle_figure(const Site& site, std::string_view root) {
  const Concept* start = site.cycle();
  if (!start) return {};
  const FeaturedCycle& featured = *site.atlas.content().site.cycle;
  const std::vector<const Concept*> cycle = site.atlas.cycle_through(*start, featured.types, featured.min_evidence);
  if (cycle.empty()) return {};
  Diagram d;
  d.id = "cycle";
  d.title = "Diagram: " + featured.heading;
  d.engine = "circo";
  std::string list = "<ol class=\"cycle-list\">\n";
  for (std::size_t i = 0; i < cycle.size(); ++i) {
    const Concept& from = *cycle[i];
    const Concept& to = *cycle[(i + 1) % cycle.size()];
    d.nodes.push_back({from.title, &from == start});
    std::string label = "leads to";
    // The strongest link the cycle could have taken here, labelled with its level when that is
    // less than established (as the sentence below is worded for it).
    const Link* step = nullptr;
    const std::vector<Link> out = site.atlas.related(from, {.direction = Direction::out});
    for (const Link& l : out)
      if (l.other == &to && l.evidence <= featured.min_evidence &&
          std::find(featured.types.begin(), featured.types.end(), l.type->id) != featured.types.end() &&
          (!step || l.evidence < step->evidence))
        step = &l;
    if (step) {
      label = edge_label(*step);
      list += "<li>" + sentence_html(*step, root, true) + "</li>\n";
    }
    d.edges.push_back({i, (i + 1) % cycle.size(), label});
  }
  return "<figure class=\"cycle\" aria-labelledby=\"cycle-caption\">\n" + site.graphs->svg(d) +
         "<figcaption id=\"cycle-caption\">" + escape_html(featured.caption) + "</figcaption>\n" + list +
         "</ol>\n</figure>\n";
}

}  // namespace katlas::detail::html
