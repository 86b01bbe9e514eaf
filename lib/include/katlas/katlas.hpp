/// @file katlas.hpp
/// @brief Umbrella header: the core (core.hpp) and the site library (site, handouts).
#pragma once

#include <katlas/core.hpp>
#include <katlas/handout.hpp>
#include <katlas/site.hpp>
