// The stylesheet inlined into every handout.
#pragma once

#include <katlas/handout.hpp>

#include <string>

namespace katlas::detail::handout {

/// The handout CSS with an `@page` size rule for `paper`.
std::string handout_css(Paper paper);

}  // namespace katlas::detail::handout
