// The site's search index as a script (assets/search-index.js).
#pragma once

#include "render/html/page_cache.hpp"

#include <katlas/atlas.hpp>

#include <string>

namespace katlas::detail::html {

/// The index Atlas::search() ranks with, and what a result shows, for lib/assets/search.js:
/// the site's search ranks as `katlas search` does because it ranks with the same index
/// (tests/incremental_test.cpp compares the two, words from the build cache included).
/// Written as nlohmann::json's dump() writes the document, piece by piece: at 10,000 concepts
/// it holds millions of values, far more than is worth building as a tree first.
/// With `cache`, a concept whose words the previous build recorded is not gathered again, and
/// this build's words are recorded there and saved (`saved` says how that went).
std::string search_script(const Atlas& atlas, WordsCache* cache, Status& saved);

}  // namespace katlas::detail::html
