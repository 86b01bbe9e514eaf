// The handout's one stylesheet: print layout for A4 or US Letter, calm type, boxes for key points and help.
#include "render/handout/style.hpp"

namespace katlas::detail::handout {
namespace {

// Kept here rather than in lib/assets/ (the site's asset folder, embedded for the site) so the
// handout stays independent of the site's asset list; it is one page of CSS for one page type.
constexpr std::string_view base_css = R"css(
:root { --ink: #1a1a1a; --muted: #444; --line: #9fb0ba; --calm: #eef4f7; --help: #8a1414; --help-bg: #fdf1f1; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; color: var(--ink);
  font: 12pt/1.27 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
body.pro { font-size: 10pt; line-height: 1.24; }
header { border-bottom: 2.5pt solid #2f5d73; padding-bottom: 2mm; margin-bottom: 2.5mm; }
.brand { font-size: 9.5pt; letter-spacing: .04em; text-transform: uppercase; color: #2f5d73; margin: 0; }
.pro .brand { font-size: 9pt; }
h1 { font-size: 20pt; line-height: 1.15; margin: 1mm 0 1.2mm; }
.pro h1 { font-size: 16pt; }
.meta { font-size: 9.5pt; color: var(--muted); margin: 0; }
.pro .meta { font-size: 9pt; }
.purpose { margin: 0 0 2mm; }
h2 { font-size: 14pt; color: #2f5d73; margin: 2.5mm 0 .8mm; break-after: avoid; }
.pro h2 { font-size: 11.5pt; margin: 2mm 0 .8mm; }
h3 { font-size: 12pt; margin: 1.6mm 0 .3mm; break-after: avoid; }
.pro h3 { font-size: 10pt; margin: 1.4mm 0 .2mm; }
p { margin: 0 0 1.4mm; }
.entry { break-inside: avoid; }
.entry p { margin-bottom: .8mm; }
.evidence { font-weight: normal; font-size: 9.5pt; color: var(--muted); border: .6pt solid var(--line);
  border-radius: 2mm; padding: 0 1.6mm; margin-left: 1.5mm; white-space: nowrap; vertical-align: .1em; }
.pro .evidence { font-size: 9pt; }
sup.ref { font-size: 9pt; color: var(--muted); line-height: 0; }
.box { border: 1pt solid var(--line); background: var(--calm); border-radius: 2mm; padding: 1.2mm 3.5mm;
  margin: 2mm 0; break-inside: avoid; }
.box h2 { margin-top: .5mm; }
.box ul, .box ol { margin: 0; padding-left: 5.5mm; }
.box li { margin: .2mm 0; }
.help { border: 3pt solid var(--help); background: var(--help-bg); }
.help h2 { color: var(--help); display: flex; align-items: center; gap: 2mm; font-size: 15pt; }
.pro .help h2 { font-size: 12pt; }
.help-icon { width: 1.25em; height: 1.15em; flex: none; }
.help p { margin-bottom: 1mm; }
.help .lines-heading { font-weight: bold; margin: 1.2mm 0 .4mm; }
.help ul.help-lines { list-style: none; padding-left: 0; columns: 2; column-gap: 5mm; }
.help ul.help-lines li { break-inside: avoid; margin-bottom: .6mm; }
.help .number { white-space: nowrap; }
.help .checked { font-size: 9pt; color: var(--muted); }
.write-in { display: flex; gap: 2mm; align-items: flex-end; margin: 1.6mm 0 1.2mm; }
.write-in span:first-child { font-weight: bold; }
.write-in .blank { flex: 1; border-bottom: 1pt solid var(--ink); min-height: 1.3em; }
.actions li::marker { content: "\2713  "; color: #2f5d73; font-weight: bold; }
.teach { background: #fff; border-style: dashed; }
.glossary, .evidence-key { break-inside: avoid; }
.glossary dl { margin: 0; columns: 2; column-gap: 6mm; font-size: 10pt; line-height: 1.25; }
.pro .glossary dl { font-size: 9pt; }
.glossary dt, .evidence-key dt { font-weight: bold; break-after: avoid; }
.glossary dd { margin: 0 0 .8mm; break-inside: avoid; }
.evidence-key dl { margin: 0; font-size: 10pt; display: grid; grid-template-columns: max-content 1fr; gap: .3mm 3mm; }
.pro .evidence-key dl { font-size: 9pt; }
.evidence-key dd { margin: 0; }
footer { margin-top: 1.5mm; border-top: .8pt solid var(--line); padding-top: 1mm; font-size: 9pt; line-height: 1.25; color: #222; }
footer p { margin: 0 0 .8mm; }
footer { break-inside: avoid; }
.qr-box { float: right; width: 21mm; margin: 0 0 1mm 4mm; text-align: center; font-size: 9pt; line-height: 1.15; color: var(--muted); }
.pro .qr-box { width: 18mm; }
.qr-box span { display: block; }
.qr { width: 20mm; height: 20mm; display: block; margin: 0 auto; }
.pro .qr { width: 17mm; height: 17mm; }
a { color: #1d4f66; overflow-wrap: anywhere; }
.references h2 { font-size: 10pt; color: #222; margin: 1.6mm 0 .8mm; }
.references ol { columns: 2; column-gap: 6mm; margin: 0; padding-left: 5.5mm; font-size: 9pt; line-height: 1.25; }
.pro .references ol { columns: 1; }
.references { font-size: 9pt; }
.references h2 span { font-weight: normal; }
.references li { break-inside: avoid; margin-bottom: .5mm; overflow-wrap: anywhere; }
.references .reports { margin: 1mm 0 0; }
.lay.many .topics { columns: 2; column-gap: 6mm; }
.lay.many .glossary dl, .lay.many .references ol { columns: 3; column-gap: 5mm; }
.lay.many .topics h2:first-child, .lay.many .topics .entry:first-child h3 { margin-top: 0; }
.pro main { columns: 2; column-gap: 6mm; }
.pro header, .pro .purpose, .pro .help { column-span: all; }
.pro .box { margin: 1.4mm 0; padding: .8mm 2.5mm; }
.pro .box h2 { margin-top: .2mm; }
.pro .glossary dl { columns: 1; }
@media screen { body { padding: 10mm; } }
)css";

constexpr std::string_view print_css = R"css(
@media print { body { max-width: none; padding: 0; } a { text-decoration: none; } }
@page { margin: 12mm 14mm 13mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt "DejaVu Sans", sans-serif; color: #444; } }
)css";

}  // namespace

std::string handout_css(Paper paper) {
  std::string css(base_css);
  css += print_css;
  css += paper == Paper::letter ? "@page { size: letter; }\n" : "@page { size: A4; }\n";
  return css;
}

}  // namespace katlas::detail::handout
