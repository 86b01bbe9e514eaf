// Handout -> one self-contained, printable HTML page (inline CSS and SVG, no script, no external request).
#include "render/handout/handout_text.hpp"
#include "render/handout/qr_code.hpp"
#include "render/handout/style.hpp"
#include "text/escape.hpp"

#include <algorithm>
#include <array>

namespace katlas {
namespace {

using detail::escape_attribute;
using detail::escape_html;

std::string long_date(const std::string& iso) {
  static constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};
  if (iso.size() != 10) return iso;
  const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + std::string(months[static_cast<std::size_t>(month - 1)]) + " " + iso.substr(0, 4);
}

std::string_view evidence_label(Evidence evidence, Audience audience) {
  if (audience == Audience::pro) return to_string(evidence);
  switch (evidence) {
    case Evidence::established: return "strong evidence";
    case Evidence::limited: return "limited evidence";
    case Evidence::contested: return "experts disagree";
    case Evidence::anecdotal: return "personal accounts";
  }
  return "";
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

// A popular claim is labelled with its verdict ("Not supported by the evidence"), never with a
// bare "experts disagree" that would make a refuted idea sound like an open question.
std::string label_of(const Concept& c, Audience audience) {
  if (!c.verdict) return std::string(evidence_label(c.evidence, audience));
  std::string label(plain_label(*c.verdict));
  if (audience == Audience::pro) label += " (" + std::string(to_string(c.evidence)) + ")";
  return label;
}

std::string entry_html(const HandoutEntry& e, Audience audience) {
  const Concept& c = *e.entry;
  std::string out = "<div class=\"entry\" id=\"" + escape_attribute(c.id) + "\"><h3>" + escape_html(c.title) +
                    "<span class=\"evidence\">" + escape_html(label_of(c, audience)) + "</span></h3>";
  out += "<p>" + escape_html(c.summary) + refs_html(e.refs) + "</p>";
  if (audience == Audience::pro) {
    std::string lead;
    for (const detail::handout::TextRun& run : detail::handout::details_lead(c.details, detail::handout::pro_lead_words))
      lead += run.strong ? "<strong>" + escape_html(run.text) + "</strong>" : escape_html(run.text);
    if (!lead.empty()) out += "<p class=\"lead\">" + lead + "</p>";
  }
  return out + "</div>\n";
}

std::string header_html(const Handout& h) {
  const std::string who = h.audience == Audience::lay ? "For you and your family" : "For clinicians and educators";
  std::string out = "<header><p class=\"brand\">Kratom Atlas handout &middot; " + who + "</p><h1>" + escape_html(h.title) +
                    "</h1>";
  out += "<p class=\"meta\">Content last reviewed " + escape_html(long_date(h.reviewed)) + "</p></header>\n";
  return out + "<p class=\"purpose\">" + escape_html(h.purpose) + "</p>\n";
}

std::string boxes_after_sections(const Handout& h) {
  const bool lay = h.audience == Audience::lay;
  std::string out;
  if (!h.actions.empty())
    out += "<section class=\"box actions\"><h2>" + std::string(lay ? "What you can do" : "What to do in practice") +
           "</h2>" + list_html(h.actions) + "</section>\n";
  if (h.help)
    out += "<section class=\"box help\" role=\"note\"><h2>" + escape_html(h.help->title) + "</h2><p>" +
           escape_html(h.help->summary) + "</p><p>" + escape_html(detail::handout::help_box_note) + "</p></section>\n";
  if (!h.teach_back.empty())
    out += "<section class=\"box teach\"><h2>" + std::string(lay ? "Check your understanding" : "Teach-back questions") +
           "</h2><p>" + (lay ? "Try to answer these in your own words. It is fine to ask again." :
                               "Ask the client to explain in their own words:") +
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
  if (const std::optional<std::string> url = detail::safe_url(link); url && !link.empty())
    out += " <a href=\"" + escape_attribute(*url) + "\">" + escape_html(link) + "</a>";
  return out;
}

std::string footer_html(const Handout& h, const HandoutOptions& options) {
  std::string out = "<footer><div class=\"footer-top\">";
  const std::optional<std::string> site = detail::safe_url(h.site_url);
  if (site && options.qr_code && !site->empty()) out += detail::handout::qr_svg(*site, "QR code: " + *site);
  out += "<div><p><strong>This handout is for education only.</strong> It is not medical advice and does not "
         "replace care from a doctor, nurse or pharmacist. It gives no dosing advice. Talk to a health "
         "professional about your own situation.</p>";
  if (site && !site->empty())
    out += "<p>Read more, with every source: <a href=\"" + escape_attribute(*site) + "\">" + escape_html(*site) + "</a></p>";
  out += "<p>Made with Kratom Atlas from content last reviewed on " + escape_html(long_date(h.reviewed)) +
         ". Numbers in [brackets] point to the main references below; the website lists every source.</p></div></div>";
  out += "<section class=\"references\"><h2>References</h2><ol>";
  for (const Source* s : h.references) out += "<li>" + source_html(*s) + "</li>";
  return out + "</ol></section></footer>\n";
}

}  // namespace

std::string render_handout_html(const Handout& h, const HandoutOptions& options) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + escape_html(h.title) + " | Kratom Atlas</title>\n<style>" +
         detail::handout::handout_css(options.paper) + "</style>\n</head>\n";
  out += std::string("<body class=\"") + (h.audience == Audience::lay ? "lay" : "pro") + "\">\n<main>\n";
  out += header_html(h);
  if (!h.key_points.empty())
    out += "<section class=\"box summary\"><h2>The main points</h2>" + list_html(h.key_points) + "</section>\n";
  out += "<div class=\"topics\">\n";
  for (const HandoutSection& s : h.sections) {
    out += "<section class=\"topic\"><h2>" + escape_html(s.heading) + "</h2>\n";
    if (!s.intro.empty()) out += "<p>" + escape_html(s.intro) + "</p>\n";
    for (const HandoutEntry& e : s.entries) out += entry_html(e, h.audience);
    out += "</section>\n";
  }
  out += "</div>\n" + boxes_after_sections(h);
  out += glossary_html(h);
  out += "</main>\n" + footer_html(h, options) + "</body>\n</html>\n";
  return out;
}

}  // namespace katlas
