// QR codes as inline SVG (libqrencode does the encoding).
#pragma once

#include <string>
#include <string_view>

namespace katlas::detail::handout {

/// An `<svg>` element drawing `text` as a QR code (error correction M, 4-module quiet zone),
/// one `<path>` of dark modules, sized by CSS. Empty when the text cannot be encoded.
std::string qr_svg(std::string_view text, std::string_view label);

}  // namespace katlas::detail::handout
