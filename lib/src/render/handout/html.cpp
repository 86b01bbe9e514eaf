// Handout -> one self-contained, printable HTML page (inline CSS and SVG, no script, no external request).
#include "handout/handout_text.hpp"
#include "render/handout/qr_code.hpp"
#include "render/handout/style.hpp"
#include "text/escape.hpp"
#include "text/relation_prose.hpp"

#include <algorithm>
#include <array>

namespace katlas {
namespace {

using detail::escape_attribute;
using detail::escape_html;

std::string long_date(const std::string& iso) {
  static constexpr std::array<std::string_view, 12> months{"January",   "February", "March",    "April",
                                                           "May",       "June",     "July",     "August",
                                                           "September", "October",  "November", "December"};
  if (iso.size() != 10) return iso;
  const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + std::string(months[static_cast<std::size_t>(month - 1)]) + " " + iso.substr(0, 4);
}

std::string refs_html(std::vector<std::size_t> refs) {
  if (refs.empty()) return {};
  std::sort(refs.begin(), refs.end());
  std::string out = "<sup class=\"ref\">[";
  for (std::size_t i = 0; i < refs.size(); ++i) out += (i ? "," : "") + std::to_string(refs[i]);
  return out + "]</sup>";
}

std::string list_html(const std::vector<std::string>& items, std::string_view tag = "ul") {
  std::string out = "<" + std::string(tag) + ">";
  for (const std::string& item : items) out += "<li>" + escape_html(item) + "</li>";
  return out + "</" + std::string(tag) + ">\n";
}

// The site's words (one table in the library): the evidence level, and for a popular claim its
// verdict ("Not supported by the evidence"), never a bare "contested" that would make a refuted
// idea sound like an open question.
std::string label_of(const Concept& c, Audience audience) {
  if (!c.verdict) return std::string(to_string(c.evidence));
  std::string label(plain_label(*c.verdict));
  if (audience == Audience::pro) label += " (" + std::string(to_string(c.evidence)) + ")";
  return label;
}

// A lay reader gets the summary; a professional the start of the evidence, with its strong words.
std::string entry_html(const HandoutEntry& e, Audience audience) {
  const Concept& c = *e.entry;
  std::string out = "<div class=\"entry\" id=\"" + escape_attribute(c.id) + "\"><h3>" + escape_html(c.title) +
                    "<span class=\"evidence\">" + escape_html(label_of(c, audience)) + "</span></h3>";
  std::string text;
  for (const detail::handout::TextRun& run : detail::handout::entry_runs(c, audience))
    text += run.strong ? "<strong>" + escape_html(run.text) + "</strong>" : escape_html(run.text);
  out += "<p>" + text + refs_html(e.refs) + "</p>";
  return out + "</div>\n";
}

std::string read_more_html(const Handout& h) {
  return "Read more, with every source: <a href=\"" + escape_attribute(h.link) + "\">" + escape_html(h.link) + "</a>";
}

// The QR code sits beside the title, where it costs no room and is found first.
std::string header_html(const Handout& h, const HandoutOptions& options) {
  const std::string who = h.audience == Audience::lay ? "For you and your family" : "For clinicians and educators";
  std::string out = "<header>";
  if (!h.link.empty() && options.qr_code)
    out += "<div class=\"qr-box\">" + detail::handout::qr_svg(h.link, "QR code: " + h.link) +
           "<span>Scan to read more</span></div>";
  out += "<p class=\"brand\">" + escape_html(h.brand) + " handout &middot; " + who + "</p><h1>" + escape_html(h.title) +
         "</h1>";
  out += "<p class=\"meta\">Content last reviewed " + escape_html(long_date(h.reviewed));
  // A clinician's page is short of room: the disclaimer goes under the title, in one line.
  if (h.audience == Audience::pro) out += " &middot; For education only: not medical advice, no dosing advice.";
  out += "</p>";
  // Beside the QR code the header has a line to spare: a clinician's page keeps its link there.
  if (h.audience == Audience::pro && !h.link.empty()) out += "<p class=\"meta\">" + read_more_html(h) + "</p>";
  out += "</header>\n";
  return out + "<p class=\"purpose\">" + escape_html(h.purpose) + "</p>\n";
}

// More topics than this are set in two columns.
constexpr std::size_t many_topics = 6;

// A warning sign drawn in the page (no font needed): a triangle with "!", plain black on white
// so that it reads in greyscale as in colour.
constexpr std::string_view help_icon =
    "<svg class=\"help-icon\" viewBox=\"0 0 24 22\" aria-hidden=\"true\"><path d=\"M12 1 L23 21 H1 Z\" "
    "fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.4\" stroke-linejoin=\"round\"/><rect x=\"10.8\" y=\"7.5\" "
    "width=\"2.4\" height=\"7\" fill=\"currentColor\"/><rect x=\"10.8\" y=\"16.2\" width=\"2.4\" height=\"2.4\" "
    "fill=\"currentColor\"/></svg>";

std::string help_lines_html(const Handout& h) {
  if (h.help_lines.empty())
    return "<p class=\"write-in\"><span>Emergency number:</span><span class=\"blank\"></span></p>"
           "<p class=\"write-in\"><span>Poison centre or local help line:</span><span class=\"blank\"></span></p>\n";
  std::string out;
  if (h.region) out += "<p class=\"lines-heading\">Help lines: " + escape_html(h.region->name) + "</p>";
  out += "<ul class=\"help-lines\">";
  std::vector<std::string> pages;
  for (const HandoutHelpLine& line : h.help_lines) {
    out += "<li><strong>";
    if (!line.service.empty()) out += escape_html(line.service) + ": ";
    out += "<span class=\"number\">" + escape_html(line.number) + "</span></strong>";
    if (!line.when.empty()) out += " &ndash; " + escape_html(line.when);
    out += "</li>";
    if (!line.checked_at.empty() && std::find(pages.begin(), pages.end(), line.checked_at) == pages.end())
      pages.push_back(line.checked_at);
  }
  out += "</ul>\n";
  if (h.region && !pages.empty()) {
    out += "<p class=\"checked\">Numbers checked on " + escape_html(long_date(h.region->reviewed)) + " at ";
    for (std::size_t i = 0; i < pages.size(); ++i)
      out += std::string(detail::series_separator(i, pages.size())) + escape_html(pages[i]);
    out += ".</p>\n";
  }
  return out;
}

// On page 1, straight after the purpose: found by its sign, heavy border and title, not by colour.
std::string help_box_html(const Handout& h) {
  if (!h.help) return {};
  return "<section class=\"box help\" role=\"note\" aria-labelledby=\"help-title\"><h2 id=\"help-title\">" +
         std::string(help_icon) + "<span>" + escape_html(h.help->title) + "</span></h2><p>" +
         escape_html(h.help->summary) + "</p>" + help_lines_html(h) + "<p class=\"help-note\">" +
         escape_html(detail::handout::help_box_note) + "</p></section>\n";
}

// The labels this handout uses, each with what it means: the same words as on the site.
std::string evidence_key_html(const Handout& h) {
  std::vector<Evidence> used;
  for (const HandoutSection& s : h.sections)
    for (const HandoutEntry& e : s.entries)
      if (!e.entry->verdict && std::find(used.begin(), used.end(), e.entry->evidence) == used.end())
        used.push_back(e.entry->evidence);
  if (used.empty()) return {};
  std::sort(used.begin(), used.end());
  std::string out = "<section class=\"evidence-key\"><h2>How sure is the evidence?</h2><dl>";
  for (const Evidence e : used)
    out += "<dt>" + escape_html(to_string(e)) + "</dt><dd>" + escape_html(plain_explanation(e)) + "</dd>";
  return out + "</dl></section>\n";
}

std::string boxes_after_sections(const Handout& h) {
  const bool lay = h.audience == Audience::lay;
  std::string out;
  if (!h.actions.empty())
    out += "<section class=\"box actions\"><h2>" + std::string(lay ? "What you can do" : "What to do in practice") +
           "</h2>" + list_html(h.actions) + "</section>\n";
  if (!h.teach_back.empty())
    out += "<section class=\"box teach\"><h2>" +
           std::string(lay ? "Check your understanding" : "Teach-back questions") + "</h2><p>" +
           (lay ? "Try to answer these in your own words. It is fine to ask again."
                : "Ask the client to explain in their own words:") +
           "</p>" + list_html(h.teach_back, "ol") + "</section>\n";
  return out;
}

std::string glossary_html(const Handout& h) {
  if (h.glossary.empty()) return {};
  std::string out = "<section class=\"glossary\"><h2>Words used in this handout</h2><dl>";
  for (const GlossaryEntry& g : h.glossary)
    out += "<dt>" + escape_html(g.term) + "</dt><dd>" + escape_html(g.definition) + "</dd>";
  return out + "</dl></section>\n";
}

std::string source_html(const Source& s) {
  std::string out = escape_html(s.authors) + " (" + std::to_string(s.year) + "). " + escape_html(s.title) + ".";
  if (!s.venue.empty()) out += " <i>" + escape_html(s.venue) + "</i>.";
  const std::string link = s.link();
  // Printed without "https://": what a reader types, and a line shorter.
  std::string_view shown = link;
  if (shown.starts_with("https://")) shown.remove_prefix(8);
  if (const std::optional<std::string> url = detail::safe_url(link); url && !link.empty())
    out += " <a href=\"" + escape_attribute(*url) + "\">" + escape_html(shown) + "</a>";
  return out;
}

// A lay handout ends with its disclaimer and link; a professional one has both in its header.
std::string footer_html(const Handout& h) {
  if (h.audience == Audience::pro) return {};
  std::string out =
      "<footer><p><strong>This handout is for education only.</strong> It is not medical advice and does "
      "not replace care from a doctor, nurse or pharmacist. It gives no dosing advice. Talk to a health "
      "professional about your own situation.</p>";
  if (!h.link.empty()) out += "<p>" + read_more_html(h) + "</p>";
  return out + "</footer>\n";
}

// In the flow of the page (two columns on a professional handout), so the list fills the space left.
std::string references_html(const Handout& h) {
  if (h.references.empty() && h.reports.empty()) return {};
  std::string out = "<section class=\"references\"><h2>References <span>(the numbers in [brackets])</span></h2><ol>";
  for (const Source* s : h.references) out += "<li>" + source_html(*s) + "</li>";
  out += "</ol>";
  if (!h.reports.empty()) {
    out += "<p class=\"reports\"><strong>What people report</strong> (not peer reviewed, not numbered above): ";
    for (std::size_t i = 0; i < h.reports.size(); ++i)
      out += (i ? "; " : "") + escape_html(h.reports[i]->authors) + " (" + std::to_string(h.reports[i]->year) + ")";
    out += ".</p>";
  }
  return out + "</section>\n";
}

}  // namespace

std::string render_handout_html(const Handout& h, const HandoutOptions& options) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + escape_html(h.title) + " | Kratom Atlas</title>\n<style>" +
         detail::handout::handout_css(options.paper) + "</style>\n</head>\n";
  // Many topics (an ad-hoc handout) set in two columns keep to two pages, with the references
  // beside the text rather than on a page of their own.
  std::size_t topics = 0;
  for (const HandoutSection& s : h.sections) topics += s.entries.size();
  out += std::string("<body class=\"") + (h.audience == Audience::lay ? "lay" : "pro") +
         (topics > many_topics ? " many" : "") + "\">\n<main>\n";
  out += header_html(h, options);
  out += help_box_html(h);
  if (!h.key_points.empty())
    out += "<section class=\"box summary\"><h2>The main points</h2>" + list_html(h.key_points) + "</section>\n";
  out += "<div class=\"topics\">\n";
  for (const HandoutSection& s : h.sections) {
    out += "<section class=\"topic\">";
    if (!s.heading.empty()) out += "<h2>" + escape_html(s.heading) + "</h2>";
    out += "\n";
    if (!s.intro.empty()) out += "<p>" + escape_html(s.intro) + "</p>\n";
    for (const HandoutEntry& e : s.entries) out += entry_html(e, h.audience);
    out += "</section>\n";
  }
  out += "</div>\n" + boxes_after_sections(h);
  out += glossary_html(h);
  out += evidence_key_html(h);
  out += references_html(h);
  // The footer closes the flow (in the second column of a professional handout), not the page.
  out += footer_html(h) + "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace katlas
