/// @file core.hpp
/// @brief The core library's headers (katlas::core): content, load, queries, explanations, JSON, export.
#pragma once

#include <katlas/atlas.hpp>
#include <katlas/content.hpp>
#include <katlas/diagnostic.hpp>
#include <katlas/explain.hpp>
#include <katlas/export.hpp>
#include <katlas/json.hpp>
#include <katlas/readability.hpp>
#include <katlas/urls.hpp>
#include <katlas/version.hpp>
