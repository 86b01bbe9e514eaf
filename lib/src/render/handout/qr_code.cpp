// Draws a QR code of the site address as one SVG path, so the handout stays a single file.
#include "render/handout/qr_code.hpp"

#include "text/escape.hpp"

#include <qrencode.h>

#include <memory>

namespace katlas::detail::handout {

std::string qr_svg(std::string_view text, std::string_view label) {
  const std::string input(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) return {};
  constexpr int quiet = 4;
  const int width = code->width;
  const int size = width + 2 * quiet;
  std::string path;
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      if (code->data[y * width + x] & 1)  // bit 0: dark module
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
         std::to_string(size) + "\" role=\"img\" aria-label=\"" + escape_attribute(label) +
         "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path +
         "\" fill=\"#000\"/></svg>";
}

}  // namespace katlas::detail::handout
