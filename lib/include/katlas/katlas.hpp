/// @file katlas.hpp
/// @brief Umbrella header: everything a program needs to embed Kratom Atlas.
#pragma once

#include <katlas/atlas.hpp>
#include <katlas/content.hpp>
#include <katlas/diagnostic.hpp>
#include <katlas/explain.hpp>
#include <katlas/export.hpp>
#include <katlas/handout.hpp>
#include <katlas/json.hpp>
#include <katlas/readability.hpp>
#include <katlas/site.hpp>
