// The handout's one stylesheet: print layout for A4 or US Letter, calm type, boxes for key points and help.
#include "render/handout/style.hpp"

namespace katlas::detail::handout {
namespace {

// Kept here rather than in lib/assets/ (the site's asset folder, embedded for the site) so the
// handout stays independent of the site's asset list; it is one page of CSS for one page type.
constexpr std::string_view base_css = R"css(
:root { --ink: #1a1a1a; --muted: #555; --line: #b8c4cc; --calm: #eef4f7; --help: #9b1c1c; --help-bg: #fdf1f1; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; color: var(--ink);
  font: 10.3pt/1.33 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
body.pro { font-size: 8.4pt; line-height: 1.3; }
header { border-bottom: 2.5pt solid #2f5d73; padding-bottom: 2.5mm; margin-bottom: 3mm; }
.brand { font-size: 8.5pt; letter-spacing: .04em; text-transform: uppercase; color: #2f5d73; margin: 0; }
h1 { font-size: 19pt; line-height: 1.15; margin: 1mm 0 1.5mm; }
.pro h1 { font-size: 15pt; }
.meta { font-size: 8.5pt; color: var(--muted); margin: 0; }
.purpose { font-size: 11.2pt; margin: 0 0 2.5mm; }
.pro .purpose { font-size: 9.6pt; }
h2 { font-size: 12.5pt; color: #2f5d73; margin: 2.5mm 0 .8mm; break-after: avoid; }
.pro h2 { font-size: 10.5pt; margin: 2.5mm 0 1mm; }
h3 { font-size: 10.6pt; margin: 1.8mm 0 .3mm; break-after: avoid; }
.pro h3 { font-size: 9.2pt; margin: 1.6mm 0 .3mm; }
p { margin: 0 0 1.6mm; }
.entry { break-inside: avoid; }
.entry p { margin-bottom: 1mm; }
.evidence { font-weight: normal; font-size: 7.8pt; color: var(--muted); border: .6pt solid var(--line);
  border-radius: 2mm; padding: 0 1.6mm; margin-left: 1.5mm; white-space: nowrap; vertical-align: .1em; }
sup.ref { font-size: 7pt; color: var(--muted); line-height: 0; }
.box { border: 1pt solid var(--line); background: var(--calm); border-radius: 2mm; padding: 1.5mm 3.5mm;
  margin: 2.5mm 0; break-inside: avoid; }
.box h2 { margin-top: .5mm; }
.box ul, .box ol { margin: 0; padding-left: 5.5mm; }
.box li { margin: .3mm 0; }
.help { border: 1.6pt solid var(--help); background: var(--help-bg); }
.help h2 { color: var(--help); }
.actions li::marker { content: "\2713  "; color: #2f5d73; font-weight: bold; }
.teach { background: #fff; border-style: dashed; }
.glossary { break-inside: avoid; }
.glossary dl { margin: 0; columns: 2; column-gap: 6mm; font-size: 8.8pt; line-height: 1.3; }
.pro .glossary dl { font-size: 8pt; }
.glossary dt { font-weight: bold; break-after: avoid; }
.glossary dd { margin: 0 0 .9mm; break-inside: avoid; }
footer { margin-top: 3mm; border-top: .8pt solid var(--line); padding-top: 2mm; font-size: 8pt; color: #333; }
.footer-top { display: flex; gap: 4mm; align-items: flex-start; break-inside: avoid; }
.footer-top p { margin: 0 0 1mm; }
.qr { width: 19mm; height: 19mm; flex: none; }
a { color: #1d4f66; overflow-wrap: anywhere; }
.references h2 { font-size: 9pt; color: #333; margin: 2mm 0 1mm; }
.references ol { columns: 2; column-gap: 6mm; margin: 0; padding-left: 5mm; font-size: 7pt; line-height: 1.3; }
.references li { break-inside: avoid; margin-bottom: .6mm; overflow-wrap: anywhere; }
.pro .topics { columns: 2; column-gap: 6mm; }
.pro .entry { break-inside: auto; }
.pro .topics h2:first-child { margin-top: 0; }
.pro .box { margin: 1.8mm 0; padding: 1.2mm 3mm; }
.pro .glossary dl { columns: 3; }
@media screen { body { padding: 10mm; } }
)css";

constexpr std::string_view print_css = R"css(
@media print { body { max-width: none; padding: 0; } a { text-decoration: none; } }
@page { margin: 12mm 14mm 13mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt "DejaVu Sans", sans-serif; color: #555; } }
)css";

}  // namespace

std::string handout_css(Paper paper) {
  std::string css(base_css);
  css += print_css;
  css += paper == Paper::letter ? "@page { size: letter; }\n" : "@page { size: A4; }\n";
  return css;
}

}  // namespace katlas::detail::handout
