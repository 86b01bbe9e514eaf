/// @file urls.hpp
/// @brief Addresses of the reader's site: where a concept's page is, and whether an address can be a site's.
#pragma once

#include <katlas/core_export.hpp>

#include <katlas/diagnostic.hpp>

#include <string>
#include <string_view>

KATLAS_API_BEGIN

namespace katlas {

/// The path of a concept's page inside the site: `concepts/<id>.html` (a link target for
/// other programs and for printed handouts).
[[nodiscard]] std::string concept_page_path(std::string_view id);

/// Checks that `url` can be the address of a reader's site: an absolute `http://` or
/// `https://` URL with a host, and no spaces, quotes, angle brackets or backslashes. Fails
/// with a message that names the problem and shows a good address.
Status check_site_url(std::string_view url);

/// The address of a concept's page under `site_url` (a `/` is added after the site address when missing).
[[nodiscard]] std::string concept_page_url(std::string_view site_url, std::string_view id);

}  // namespace katlas

KATLAS_API_END
