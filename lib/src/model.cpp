// Small helpers of the public value types: names, evidence words, diagnostic formatting.
#include <katlas/atlas.hpp>
#include <katlas/content.hpp>
#include <katlas/diagnostic.hpp>
#include <katlas/urls.hpp>
#include <katlas/version.hpp>

#include "text/escape.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace katlas {

std::string_view version() { return KATLAS_VERSION_STRING; }

std::string format(const Diagnostic& d) {
  // One line a diagnostic, safe for a terminal: a file name or a quoted value may hold
  // anything a file system or a YAML escape allows.
  std::string out = detail::printable_text(d.loc.file);
  if (d.loc.line > 0) {
    out += ":" + std::to_string(d.loc.line);
    if (d.loc.column > 0) out += ":" + std::to_string(d.loc.column);
  }
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += detail::printable_text(d.message);
  if (!d.hint.empty()) out += " (" + detail::printable_text(d.hint) + ")";
  return out;
}

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(begin(), end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::sort() {
  std::stable_sort(begin(), end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column) < std::tie(b.loc.file, b.loc.line, b.loc.column);
  });
}

std::string Diagnostics::format() const {
  std::string out;
  for (const Diagnostic& d : *this) out += katlas::format(d) + '\n';
  return out;
}

void Diagnostics::append(Diagnostics more) {
  if (empty()) {
    swap(more);
    return;
  }
  insert(end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

std::string_view to_string(Evidence evidence) {
  switch (evidence) {
    case Evidence::established: return "established";
    case Evidence::limited: return "limited";
    case Evidence::contested: return "contested";
    case Evidence::anecdotal: return "anecdotal";
  }
  return "anecdotal";
}

std::optional<Evidence> parse_evidence(std::string_view word) {
  for (const Evidence level : evidence_levels)
    if (word == to_string(level)) return level;
  return std::nullopt;
}

std::string_view plain_explanation(Evidence evidence) {
  switch (evidence) {
    case Evidence::established: return "Several studies agree, or there is good human data or an official record.";
    case Evidence::limited: return "Based on one study, on animal or lab work only, or on a small group of people.";
    case Evidence::contested: return "Studies or experts disagree. Both sides are shown.";
    case Evidence::anecdotal: return "Based on case reports, personal stories or websites, not on studies.";
  }
  return "";
}

std::string_view to_string(SourceType type) {
  switch (type) {
    case SourceType::peer_reviewed: return "peer-reviewed";
    case SourceType::official: return "official";
    case SourceType::grey: return "grey";
    case SourceType::user_report: return "user-report";
  }
  return "grey";
}

std::optional<SourceType> parse_source_type(std::string_view word) {
  for (const SourceType type :
       {SourceType::peer_reviewed, SourceType::official, SourceType::grey, SourceType::user_report})
    if (word == to_string(type)) return type;
  return std::nullopt;
}

std::string_view to_string(Audience audience) { return audience == Audience::pro ? "pro" : "lay"; }

std::optional<Audience> parse_audience(std::string_view word) {
  if (word == "lay") return Audience::lay;
  if (word == "pro") return Audience::pro;
  return std::nullopt;
}

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::supported: return "supported";
    case Verdict::partly_supported: return "partly-supported";
    case Verdict::unsupported: return "unsupported";
    case Verdict::refuted: return "refuted";
    case Verdict::unresolved: return "unresolved";
  }
  return "unresolved";
}

std::string_view plain_label(Verdict verdict) {
  switch (verdict) {
    case Verdict::supported: return "Supported by the evidence";
    case Verdict::partly_supported: return "Partly supported by the evidence";
    case Verdict::unsupported: return "Not supported by the evidence";
    case Verdict::refuted: return "Shown to be wrong";
    case Verdict::unresolved: return "Not settled yet";
  }
  return "Not settled yet";
}

std::string_view to_string(Basis basis) { return basis == Basis::observed ? "observed" : "predicted"; }

std::string_view plain_label(Basis basis) {
  return basis == Basis::observed ? "seen in people" : "predicted from lab data or labels, not seen in people";
}

const RelationType* help_relation_type(const Content& content) {
  for (const RelationType& type : content.relation_types)
    if (type.help_link) return &type;
  return nullptr;
}

std::pair<Evidence, bool> relation_evidence(const Relation& relation, const Concept& from, const Concept& to) {
  if (relation.evidence) return {*relation.evidence, true};
  return {weaker(from.evidence, to.evidence), false};
}

std::string sentence_template(const RelationType& type, Evidence evidence, Direction direction) {
  const std::array<std::string, 4>& templates = direction == Direction::in ? type.inverse_sentences : type.sentences;
  const auto level = static_cast<std::size_t>(evidence);
  if (!templates[level].empty()) return templates[level];
  // No template for this level (only a content folder that fails the strict check gets here).
  // A weaker level's wording is safe to use as it is; a stronger one's gets a hedge in front.
  for (std::size_t weaker_level = level + 1; weaker_level < templates.size(); ++weaker_level)
    if (!templates[weaker_level].empty()) return templates[weaker_level];
  for (std::size_t stronger = level; stronger-- > 0;) {
    if (templates[stronger].empty()) continue;
    std::string base = templates[stronger];
    if (base[0] >= 'A' && base[0] <= 'Z') base[0] = static_cast<char>(base[0] - 'A' + 'a');
    switch (evidence) {
      case Evidence::limited: return "Limited evidence suggests that " + base;
      case Evidence::contested: return "Studies disagree on whether " + base;
      case Evidence::anecdotal: return "Some reports say " + base;
      case Evidence::established: return base;
    }
  }
  return {};
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::out: return "out";
    case Direction::in: return "in";
    case Direction::both: return "both";
  }
  return "both";
}

std::optional<Direction> parse_direction(std::string_view word) {
  for (const Direction direction : {Direction::out, Direction::in, Direction::both})
    if (word == to_string(direction)) return direction;
  return std::nullopt;
}

namespace {

std::optional<std::chrono::year_month_day> parse_date(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t n, auto& out) {
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + n, out);
    return ec == std::errc() && end == text.data() + at + n;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string iso(std::chrono::year_month_day date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

int review_interval_months(const Concept& entry, const Kind* kind) {
  if (entry.review_every_months > 0) return entry.review_every_months;
  if (kind && kind->review_every_months > 0) return kind->review_every_months;
  return default_review_months;
}

std::string review_due(const Concept& entry, const Kind* kind) {
  const std::optional<std::chrono::year_month_day> reviewed = parse_date(entry.reviewed);
  if (!reviewed) return {};
  std::chrono::year_month_day due = *reviewed + std::chrono::months{review_interval_months(entry, kind)};
  // 31 August plus 6 months is the last day of February, not 3 March.
  if (!due.ok()) due = std::chrono::year_month_day_last{due.year(), std::chrono::month_day_last{due.month()}};
  return iso(due);
}

std::string today_utc() {
  return iso(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())});
}

std::string add_days(std::string_view date, int days) {
  const std::optional<std::chrono::year_month_day> parsed = parse_date(date);
  if (!parsed) return {};
  return iso(std::chrono::year_month_day{std::chrono::sys_days{*parsed} + std::chrono::days{days}});
}

std::string Source::link() const { return doi.empty() ? url : "https://doi.org/" + doi; }

std::string sentence_name(const Concept& entry) {
  if (!entry.sentence_name.empty()) return entry.sentence_name;
  std::string name = entry.title;
  if (name.empty()) return name;
  // An acronym or code ("CYP3A4", "DSM-5", "7-OH") keeps its case; an ordinary word does not.
  const std::size_t word_end = std::min(name.find(' '), name.size());
  const bool acronym = std::any_of(name.begin() + 1, name.begin() + static_cast<std::ptrdiff_t>(word_end),
                                   [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  if (!acronym && name[0] >= 'A' && name[0] <= 'Z') name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

Status check_site_url(std::string_view url) {
  const std::string example = " (for example https://atlas.example.org/)";
  const std::string shown = "'" + std::string(url.substr(0, 80)) + (url.size() > 80 ? "...'" : "'");
  if (!url.starts_with("https://") && !url.starts_with("http://"))
    return Status::failure("the site address " + shown + " must start with https:// or http://" + example);
  const auto bad = std::find_if(url.begin(), url.end(), [](unsigned char c) {
    return c <= ' ' || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`';
  });
  if (bad != url.end())
    return Status::failure("the site address " + shown +
                           " contains a space, quote, angle bracket or control character" + example);
  const std::string_view host = detail::url_host(url);
  if (host.empty() || host.front() == ':' || host.front() == '.' || host.find('@') != std::string_view::npos)
    return Status::failure("the site address " + shown + " has no host name" + example);
  return {};
}

}  // namespace katlas
