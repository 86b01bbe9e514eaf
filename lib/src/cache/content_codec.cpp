// Field by field, in declaration order; read_concept() mirrors write(const Concept&).
#include "cache/content_codec.hpp"

namespace katlas::detail::cache {
namespace {

// A concept's positions almost all name its own file: that file is written once, first,
// and a position in it is a flag and two numbers.
void write(Writer& out, const SourceLoc& loc, std::string_view file) {
  out.boolean(loc.file != file);
  if (loc.file != file) out.text(loc.file);
  out.u32(static_cast<std::uint32_t>(loc.line));
  out.u32(static_cast<std::uint32_t>(loc.column));
}

void write(Writer& out, const std::vector<SourceLoc>& locs, std::string_view file) {
  out.u64(locs.size());
  for (const SourceLoc& loc : locs) write(out, loc, file);
}

SourceLoc read_loc(Reader& in, const std::string& file) {
  SourceLoc loc;
  loc.file = in.boolean() ? in.text() : file;
  loc.line = static_cast<int>(in.u32());
  loc.column = static_cast<int>(in.u32());
  return loc;
}

std::vector<SourceLoc> read_locs(Reader& in, const std::string& file) {
  std::vector<SourceLoc> locs(in.count(3 * sizeof(std::uint32_t)));
  for (SourceLoc& loc : locs) loc = read_loc(in, file);
  return locs;
}

// Evidence as its schema word's position; anything else read back is damage.
std::optional<Evidence> read_evidence(Reader& in) {
  const std::uint32_t v = in.u32();
  if (v > static_cast<std::uint32_t>(Evidence::anecdotal)) return std::nullopt;
  return static_cast<Evidence>(v);
}

}  // namespace

void write(Writer& out, const Concept& c, ConceptPart part) {
  const std::string_view file = c.loc.file;
  const bool whole = part == ConceptPart::whole;
  // Positions and the details only for the whole concept (see ConceptPart::listed).
  const auto position = [&](const SourceLoc& loc) {
    if (whole) write(out, loc, file);
  };
  const auto positions = [&](const std::vector<SourceLoc>& locs) {
    if (whole) write(out, locs, file);
  };
  out.text(file);
  for (const std::string* s : {&c.id, &c.title, &c.kind, &c.sentence_name}) out.text(*s);
  out.texts(c.aliases);
  out.texts(c.search_phrases);
  out.text(c.summary);
  if (whole) out.text(c.details);
  out.u32(static_cast<std::uint32_t>(c.evidence));
  out.boolean(c.verdict.has_value());
  out.u32(static_cast<std::uint32_t>(c.verdict.value_or(Verdict::supported)));
  out.texts(c.sources);
  positions(c.source_locs);
  out.text(c.reviewed);
  out.u32(static_cast<std::uint32_t>(c.review_every_months));
  out.u64(c.relations.size());
  for (const Relation& r : c.relations) {
    out.text(r.type);
    out.text(r.target);
    out.boolean(r.evidence.has_value());
    out.u32(static_cast<std::uint32_t>(r.evidence.value_or(Evidence::established)));
    out.boolean(r.basis.has_value());
    out.u32(static_cast<std::uint32_t>(r.basis.value_or(Basis::observed)));
    out.texts(r.sources);
    positions(r.source_locs);
    out.text(r.note);
    out.text(r.pro_note);
    for (const SourceLoc* loc : {&r.loc, &r.type_loc, &r.target_loc}) position(*loc);
  }
  out.u64(c.sides.size());
  for (const Side& s : c.sides) {
    out.u32(static_cast<std::uint32_t>(s.position));
    out.text(s.text);
    out.texts(s.sources);
    positions(s.source_locs);
    position(s.loc);
  }
  out.boolean(c.timing.has_value());
  if (c.timing) {
    const Timing& t = *c.timing;
    for (const double v : {t.start_min, t.start_max, t.end_min, t.end_max}) out.f64(v);
    out.boolean(t.has_end);
    out.u32(static_cast<std::uint32_t>(t.evidence));
    out.texts(t.sources);
    positions(t.source_locs);
    out.text(t.note);
    position(t.loc);
  }
  for (const SourceLoc* loc : {&c.loc, &c.id_loc, &c.summary_loc, &c.kind_loc}) position(*loc);
}

std::optional<Concept> read_concept(Reader& in) {
  Concept c;
  const std::string file = in.text();
  for (std::string* s : {&c.id, &c.title, &c.kind, &c.sentence_name}) *s = in.text();
  c.aliases = in.texts();
  c.search_phrases = in.texts();
  c.summary = in.text();
  c.details = in.text();
  const std::optional<Evidence> evidence = read_evidence(in);
  if (!evidence) return std::nullopt;
  c.evidence = *evidence;
  const bool has_verdict = in.boolean();
  const std::uint32_t verdict = in.u32();
  if (verdict > static_cast<std::uint32_t>(Verdict::unresolved)) return std::nullopt;
  if (has_verdict) c.verdict = static_cast<Verdict>(verdict);
  c.sources = in.texts();
  c.source_locs = read_locs(in, file);
  c.reviewed = in.text();
  c.review_every_months = static_cast<int>(in.u32());
  if (c.review_every_months < 0 || c.review_every_months > 120) return std::nullopt;
  c.relations.resize(in.count(8 * sizeof(std::uint64_t)));  // at least its counts and sizes
  for (Relation& r : c.relations) {
    r.type = in.text();
    r.target = in.text();
    const bool has_evidence = in.boolean();
    const std::optional<Evidence> level = read_evidence(in);
    if (!level) return std::nullopt;
    if (has_evidence) r.evidence = level;
    const bool has_basis = in.boolean();
    const std::uint32_t basis = in.u32();
    if (basis > static_cast<std::uint32_t>(Basis::predicted)) return std::nullopt;
    if (has_basis) r.basis = static_cast<Basis>(basis);
    r.sources = in.texts();
    r.source_locs = read_locs(in, file);
    r.note = in.text();
    r.pro_note = in.text();
    for (SourceLoc* loc : {&r.loc, &r.type_loc, &r.target_loc}) *loc = read_loc(in, file);
  }
  c.sides.resize(in.count(4 * sizeof(std::uint64_t)));
  for (Side& s : c.sides) {
    const std::uint32_t position = in.u32();
    if (position > static_cast<std::uint32_t>(Side::Position::against_claim)) return std::nullopt;
    s.position = static_cast<Side::Position>(position);
    s.text = in.text();
    s.sources = in.texts();
    s.source_locs = read_locs(in, file);
    s.loc = read_loc(in, file);
  }
  if (in.boolean()) {
    Timing t;
    for (double* v : {&t.start_min, &t.start_max, &t.end_min, &t.end_max}) *v = in.f64();
    t.has_end = in.boolean();
    const std::optional<Evidence> level = read_evidence(in);
    if (!level) return std::nullopt;
    t.evidence = *level;
    t.sources = in.texts();
    t.source_locs = read_locs(in, file);
    t.note = in.text();
    t.loc = read_loc(in, file);
    c.timing = std::move(t);
  }
  for (SourceLoc* loc : {&c.loc, &c.id_loc, &c.summary_loc, &c.kind_loc}) *loc = read_loc(in, file);
  if (!in.ok()) return std::nullopt;
  return c;
}

void write(Writer& out, const Kind& k) {
  for (const std::string* s : {&k.id, &k.title, &k.plural, &k.description}) out.text(*s);
  out.boolean(k.needs_help_link);
  out.boolean(k.help_box);
  out.boolean(k.needs_verdict);
  out.u32(static_cast<std::uint32_t>(k.review_every_months));
}

void write(Writer& out, const RelationType& t) {
  for (const std::string* s : {&t.id, &t.label, &t.inverse_label, &t.heading, &t.inverse_heading}) out.text(*s);
  for (const auto* templates : {&t.sentences, &t.inverse_sentences})
    for (const std::string& s : *templates) out.text(s);
  out.boolean(t.structural);
  out.texts(t.from_kinds);
  out.texts(t.to_kinds);
  out.boolean(t.acyclic);
  out.boolean(t.help_link);
}

void write(Writer& out, const Source& s) {
  for (const std::string* v :
       {&s.id, &s.authors, &s.title, &s.venue, &s.doi, &s.url, &s.copy_url, &s.pmid, &s.note, &s.curation})
    out.text(*v);
  out.u64(static_cast<std::uint64_t>(s.year));
  out.boolean(s.type.has_value());
  if (s.type) out.u32(static_cast<std::uint32_t>(*s.type));
}

void write(Writer& out, const SiteConfig& site) {
  for (const std::string* s : {&site.title, &site.lead, &site.description, &site.help}) out.text(*s);
  out.u64(site.start_paths.size());
  for (const StartPath& p : site.start_paths) {
    for (const std::string* s : {&p.heading, &p.intro, &p.more_url, &p.more_text}) out.text(*s);
    out.texts(p.concepts);
  }
  out.boolean(site.cycle.has_value());
  if (site.cycle) {
    for (const std::string* s : {&site.cycle->through, &site.cycle->heading, &site.cycle->intro, &site.cycle->caption})
      out.text(*s);
    out.texts(site.cycle->types);
    out.u32(static_cast<std::uint32_t>(site.cycle->min_evidence));
  }
  out.u64(site.schema_types.size());
  for (const auto& [kind, type] : site.schema_types) {
    out.text(kind);
    out.text(type);
  }
}

}  // namespace katlas::detail::cache
