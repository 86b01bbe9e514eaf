// The figures of the site: a concept's neighbourhood, the withdrawal timeline and the tolerance cycle.
#pragma once

#include "render/html/html.hpp"

#include <string>
#include <string_view>

namespace katlas::detail::html {

/// A concept's direct relations as a diagram (at most a dozen neighbours drawn) followed by
/// the same neighbourhood as a list, inside a <figure>. Empty when it has no relations.
std::string neighbourhood_figure(const Site& site, const Concept& entry, std::string_view root);

/// Every phase with a `timing` on a log time axis, ranges drawn as uncertainty bands, with a
/// table as the text alternative. `focus` (optional) is highlighted. Empty when no phase has timing.
std::string timeline_figure(const Site& site, std::string_view root, const Concept* focus = nullptr);

/// The featured cycle of `site.yaml` (Atlas::cycle_through()) as a circular diagram plus an
/// ordered list. Empty when the site has none or the content has no such cycle.
std::string cycle_figure(const Site& site, std::string_view root);

}  // namespace katlas::detail::html
