// Every field of Content, in declaration order; each get_*() mirrors the put() above it.
// Concepts go through the parse cache's codec (content_codec.cpp), which keeps every field.
#include "cache/content_snapshot.hpp"

#include "cache/binary.hpp"
#include "cache/content_codec.hpp"

namespace katlas::detail::cache {
namespace {

// Guards against a field the snapshot forgets: a new field of any of these structs stops the
// build here. Add it to put() and get_*() below (a field of Concept, Relation, Side or Timing:
// to content_codec.cpp, whose concept codec the snapshot uses) and to every_field() in
// tests/snapshot_test.cpp, then update the numbers. Two guards, because each misses what the
// other sees: the count of fields (any compiler; blind to a field that changes type), and the
// size (blind to a bool that fits in padding; it differs by ABI, so it is checked on the
// target only, x86-64 with libstdc++ as on Debian 12, and elsewhere the count alone speaks).

/// Converts to any type, to count an aggregate's fields (never called: unevaluated only).
struct AnyField {
  template <class T>
  operator T() const;
};

/// How many fields a brace initialiser of T takes: its number of fields.
template <class T, class... Fields>
constexpr std::size_t field_count() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; })
    return field_count<T, Fields..., AnyField>();
  else
    return sizeof...(Fields);
}

#if defined(__x86_64__) && defined(__GLIBCXX__)
constexpr bool on_target = true;
#else
constexpr bool on_target = false;
#endif

/// T still has this many fields and (on the target) this size.
template <class T>
constexpr bool has_shape(std::size_t fields, std::size_t bytes) {
  return field_count<T>() == fields && (!on_target || sizeof(T) == bytes);
}

static_assert(has_shape<SourceLoc>(3, 40), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Kind>(9, 176), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<RelationType>(13, 520),
              "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Source>(13, 376), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Relation>(11, 312), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Side>(5, 128), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Timing>(10, 160), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Concept>(21, 720), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<StartPath>(7, 216), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<FeaturedCycle>(7, 200),
              "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<SiteConfig>(10, 488), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<HelpLine>(6, 208), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<HelpRegion>(7, 232), "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<HandoutQuery>(8, 264),
              "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<HandoutSectionRecipe>(6, 424),
              "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<GlossaryTerm>(3, 104),
              "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<HandoutRecipe>(16, 424),
              "a new field? add it to content_snapshot.cpp, then update these numbers");
static_assert(has_shape<Content>(7, 632), "a new field? add it to content_snapshot.cpp, then update these numbers");

// The least bytes one encoded item of a list takes (a text is at least its 8-byte size, a
// position 16 bytes): bounds for Reader::count(), so a damaged count allocates nothing large.
constexpr std::size_t text_bytes = sizeof(std::uint64_t);
constexpr std::size_t loc_bytes = text_bytes + 2 * sizeof(std::uint32_t);

template <class Enum>
void put_enum(Writer& out, Enum value) {
  out.u32(static_cast<std::uint32_t>(value));
}

/// A Reader that also turns false on values no writer writes (an enumerator out of range).
class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : in(bytes) {}

  bool ok() const { return in.ok() && !damaged_; }
  void fail() { damaged_ = true; }

  /// An enumerator up to and including `last`.
  template <class Enum>
  Enum enumerator(Enum last) {
    const std::uint32_t v = in.u32();
    if (v > static_cast<std::uint32_t>(last)) return fail(), Enum{};
    return static_cast<Enum>(v);
  }

  /// A list whose items take at least `min_bytes` each, read one by one with `item(*this)`;
  /// stops at the first damage.
  template <class T, class ReadItem>
  std::vector<T> list(std::size_t min_bytes, ReadItem item) {
    std::vector<T> out(in.count(min_bytes));
    for (T& v : out) {
      if (!ok()) break;
      v = item(*this);
    }
    return out;
  }

  Reader in;

 private:
  bool damaged_ = false;
};

void put(Writer& out, const SourceLoc& loc) {
  out.text(loc.file);
  out.u32(static_cast<std::uint32_t>(loc.line));
  out.u32(static_cast<std::uint32_t>(loc.column));
}

SourceLoc get_loc(Decoder& d) {
  SourceLoc loc;
  loc.file = d.in.text();
  loc.line = static_cast<int>(d.in.u32());
  loc.column = static_cast<int>(d.in.u32());
  return loc;
}

void put(Writer& out, const std::vector<SourceLoc>& locs) {
  out.u64(locs.size());
  for (const SourceLoc& loc : locs) put(out, loc);
}

std::vector<SourceLoc> get_locs(Decoder& d) { return d.list<SourceLoc>(loc_bytes, get_loc); }

void put(Writer& out, const Kind& k) {
  for (const std::string* s : {&k.id, &k.title, &k.plural, &k.description}) out.text(*s);
  for (const bool b : {k.needs_help_link, k.help_box, k.needs_verdict}) out.boolean(b);
  out.u32(static_cast<std::uint32_t>(k.review_every_months));
  put(out, k.loc);
}

Kind get_kind(Decoder& d) {
  Kind k;
  for (std::string* s : {&k.id, &k.title, &k.plural, &k.description}) *s = d.in.text();
  for (bool* b : {&k.needs_help_link, &k.help_box, &k.needs_verdict}) *b = d.in.boolean();
  k.review_every_months = static_cast<int>(d.in.u32());
  k.loc = get_loc(d);
  return k;
}

void put(Writer& out, const RelationType& t) {
  for (const std::string* s : {&t.id, &t.label, &t.inverse_label, &t.heading, &t.inverse_heading}) out.text(*s);
  for (const auto* templates : {&t.sentences, &t.inverse_sentences})
    for (const std::string& s : *templates) out.text(s);
  out.boolean(t.structural);
  out.texts(t.from_kinds);
  out.texts(t.to_kinds);
  out.boolean(t.acyclic);
  out.boolean(t.help_link);
  put(out, t.loc);
}

RelationType get_relation_type(Decoder& d) {
  RelationType t;
  for (std::string* s : {&t.id, &t.label, &t.inverse_label, &t.heading, &t.inverse_heading}) *s = d.in.text();
  for (auto* templates : {&t.sentences, &t.inverse_sentences})
    for (std::string& s : *templates) s = d.in.text();
  t.structural = d.in.boolean();
  t.from_kinds = d.in.texts();
  t.to_kinds = d.in.texts();
  t.acyclic = d.in.boolean();
  t.help_link = d.in.boolean();
  t.loc = get_loc(d);
  return t;
}

void put(Writer& out, const Source& s) {
  out.text(s.id);
  out.text(s.authors);
  out.u32(static_cast<std::uint32_t>(s.year));
  for (const std::string* v : {&s.title, &s.venue, &s.doi, &s.url, &s.pmid, &s.copy_url, &s.note, &s.curation})
    out.text(*v);
  out.boolean(s.type.has_value());
  put_enum(out, s.type.value_or(SourceType::peer_reviewed));
  put(out, s.loc);
}

Source get_source(Decoder& d) {
  Source s;
  s.id = d.in.text();
  s.authors = d.in.text();
  s.year = static_cast<int>(d.in.u32());
  for (std::string* v : {&s.title, &s.venue, &s.doi, &s.url, &s.pmid, &s.copy_url, &s.note, &s.curation})
    *v = d.in.text();
  const bool has_type = d.in.boolean();
  const SourceType type = d.enumerator(SourceType::user_report);
  if (has_type) s.type = type;
  s.loc = get_loc(d);
  return s;
}

void put(Writer& out, const Concept& entry) { write(out, entry); }  // the parse cache's codec

Concept get_concept(Decoder& d) {
  std::optional<Concept> entry = read_concept(d.in);
  if (!entry) return d.fail(), Concept{};
  return std::move(*entry);
}

void put(Writer& out, const StartPath& p) {
  out.text(p.heading);
  out.text(p.intro);
  out.texts(p.concepts);
  put(out, p.concept_locs);
  out.text(p.more_url);
  out.text(p.more_text);
  put(out, p.loc);
}

StartPath get_start_path(Decoder& d) {
  StartPath p;
  p.heading = d.in.text();
  p.intro = d.in.text();
  p.concepts = d.in.texts();
  p.concept_locs = get_locs(d);
  p.more_url = d.in.text();
  p.more_text = d.in.text();
  p.loc = get_loc(d);
  return p;
}

void put(Writer& out, const FeaturedCycle& c) {
  out.text(c.through);
  out.texts(c.types);
  for (const std::string* s : {&c.heading, &c.intro, &c.caption}) out.text(*s);
  put_enum(out, c.min_evidence);
  put(out, c.loc);
}

FeaturedCycle get_cycle(Decoder& d) {
  FeaturedCycle c;
  c.through = d.in.text();
  c.types = d.in.texts();
  for (std::string* s : {&c.heading, &c.intro, &c.caption}) *s = d.in.text();
  c.min_evidence = d.enumerator(Evidence::anecdotal);
  c.loc = get_loc(d);
  return c;
}

void put(Writer& out, const SiteConfig& site) {
  for (const std::string* s : {&site.title, &site.lead, &site.description, &site.help}) out.text(*s);
  put(out, site.help_loc);
  out.u64(site.start_paths.size());
  for (const StartPath& p : site.start_paths) put(out, p);
  out.boolean(site.cycle.has_value());
  if (site.cycle) put(out, *site.cycle);
  out.u64(site.schema_types.size());
  for (const auto& [kind, type] : site.schema_types) {
    out.text(kind);
    out.text(type);
  }
  put(out, site.schema_type_locs);
  put(out, site.loc);
}

SiteConfig get_site(Decoder& d) {
  SiteConfig site;
  for (std::string* s : {&site.title, &site.lead, &site.description, &site.help}) *s = d.in.text();
  site.help_loc = get_loc(d);
  site.start_paths = d.list<StartPath>(4 * text_bytes, get_start_path);
  if (d.in.boolean()) site.cycle = get_cycle(d);
  site.schema_types = d.list<std::pair<std::string, std::string>>(2 * text_bytes, [](Decoder& pair) {
    std::string kind = pair.in.text();
    return std::pair(std::move(kind), pair.in.text());
  });
  site.schema_type_locs = get_locs(d);
  site.loc = get_loc(d);
  return site;
}

void put(Writer& out, const HandoutSectionRecipe& s) {
  out.text(s.heading);
  out.text(s.intro);
  out.texts(s.concepts);
  put(out, s.concept_locs);
  out.boolean(s.query.has_value());
  if (s.query) {
    for (const std::string* v : {&s.query->related_to, &s.query->relation, &s.query->kind}) out.text(*v);
    out.u64(s.query->limit);
    for (const SourceLoc* loc : {&s.query->loc, &s.query->related_to_loc, &s.query->relation_loc, &s.query->kind_loc})
      put(out, *loc);
  }
  put(out, s.loc);
}

HandoutSectionRecipe get_section(Decoder& d) {
  HandoutSectionRecipe s;
  s.heading = d.in.text();
  s.intro = d.in.text();
  s.concepts = d.in.texts();
  s.concept_locs = get_locs(d);
  if (d.in.boolean()) {
    HandoutQuery q;
    for (std::string* v : {&q.related_to, &q.relation, &q.kind}) *v = d.in.text();
    q.limit = static_cast<std::size_t>(d.in.u64());
    for (SourceLoc* loc : {&q.loc, &q.related_to_loc, &q.relation_loc, &q.kind_loc}) *loc = get_loc(d);
    s.query = std::move(q);
  }
  s.loc = get_loc(d);
  return s;
}

void put(Writer& out, const GlossaryTerm& g) {
  out.text(g.term);
  out.text(g.definition);
  put(out, g.loc);
}

GlossaryTerm get_glossary_term(Decoder& d) {
  GlossaryTerm g;
  g.term = d.in.text();
  g.definition = d.in.text();
  g.loc = get_loc(d);
  return g;
}

void put(Writer& out, const HandoutRecipe& r) {
  out.text(r.id);
  out.text(r.title);
  put_enum(out, r.audience);
  out.text(r.purpose);
  out.u64(r.sections.size());
  for (const HandoutSectionRecipe& s : r.sections) put(out, s);
  for (const auto* list : {&r.key_points, &r.actions, &r.teach_back}) out.texts(*list);
  out.u64(r.glossary.size());
  for (const GlossaryTerm& g : r.glossary) put(out, g);
  put_enum(out, r.help_box);
  out.text(r.topic);
  put(out, r.topic_loc);
  out.text(r.site_url);
  put(out, r.site_url_loc);
  out.boolean(r.any_audience);
  put(out, r.loc);
}

HandoutRecipe get_recipe(Decoder& d) {
  HandoutRecipe r;
  r.id = d.in.text();
  r.title = d.in.text();
  r.audience = d.enumerator(Audience::pro);
  r.purpose = d.in.text();
  r.sections = d.list<HandoutSectionRecipe>(4 * text_bytes, get_section);
  for (auto* list : {&r.key_points, &r.actions, &r.teach_back}) *list = d.in.texts();
  r.glossary = d.list<GlossaryTerm>(2 * text_bytes + loc_bytes, get_glossary_term);
  r.help_box = d.enumerator(HelpBox::never);
  r.topic = d.in.text();
  r.topic_loc = get_loc(d);
  r.site_url = d.in.text();
  r.site_url_loc = get_loc(d);
  r.any_audience = d.in.boolean();
  r.loc = get_loc(d);
  return r;
}

void put(Writer& out, const HelpLine& l) {
  for (const std::string* s : {&l.service, &l.number, &l.when, &l.source}) out.text(*s);
  put(out, l.loc);
  put(out, l.source_loc);
}

HelpLine get_help_line(Decoder& d) {
  HelpLine l;
  for (std::string* s : {&l.service, &l.number, &l.when, &l.source}) *s = d.in.text();
  l.loc = get_loc(d);
  l.source_loc = get_loc(d);
  return l;
}

void put(Writer& out, const HelpRegion& r) {
  for (const std::string* s : {&r.id, &r.name, &r.concept_id, &r.reviewed}) out.text(*s);
  out.u64(r.lines.size());
  for (const HelpLine& l : r.lines) put(out, l);
  put(out, r.loc);
  put(out, r.concept_loc);
}

HelpRegion get_help_region(Decoder& d) {
  HelpRegion r;
  for (std::string* s : {&r.id, &r.name, &r.concept_id, &r.reviewed}) *s = d.in.text();
  r.lines = d.list<HelpLine>(4 * text_bytes + 2 * loc_bytes, get_help_line);
  r.loc = get_loc(d);
  r.concept_loc = get_loc(d);
  return r;
}

template <class T>
void put_list(Writer& out, const std::vector<T>& list) {
  out.u64(list.size());
  for (const T& v : list) put(out, v);
}

void put(Writer& out, const Content& c) {
  put_list(out, c.kinds);
  put_list(out, c.relation_types);
  put_list(out, c.sources);
  put_list(out, c.concepts);
  put(out, c.site);
  put_list(out, c.handouts);
  put_list(out, c.help_regions);
}

Content get_content(Decoder& d) {
  Content c;
  c.kinds = d.list<Kind>(4 * text_bytes + loc_bytes, get_kind);
  c.relation_types = d.list<RelationType>(13 * text_bytes + loc_bytes, get_relation_type);
  c.sources = d.list<Source>(10 * text_bytes + loc_bytes, get_source);
  c.concepts = d.list<Concept>(12 * text_bytes, get_concept);
  c.site = get_site(d);
  c.handouts = d.list<HandoutRecipe>(6 * text_bytes + 3 * loc_bytes, get_recipe);
  c.help_regions = d.list<HelpRegion>(4 * text_bytes + 2 * loc_bytes, get_help_region);
  return c;
}

}  // namespace

std::string write_snapshot(const Content& content) {
  Writer body;
  put(body, content);
  Writer out;
  out.bytes() = snapshot_magic;
  out.u32(snapshot_format);
  out.u64(body.bytes().size());
  out.hash(hash_bytes(body.bytes()));
  out.bytes() += body.bytes();
  return std::move(out.bytes());
}

std::optional<Content> read_snapshot(std::string_view bytes) {
  if (!bytes.starts_with(snapshot_magic)) return std::nullopt;
  Reader header(bytes.substr(snapshot_magic.size()));
  if (header.u32() != snapshot_format) return std::nullopt;
  const std::uint64_t size = header.u64();
  const Hash checksum = header.hash();
  const std::size_t header_bytes = snapshot_magic.size() + sizeof(std::uint32_t) + 3 * sizeof(std::uint64_t);
  if (!header.ok() || size != bytes.size() - header_bytes) return std::nullopt;
  const std::string_view body = bytes.substr(header_bytes);
  if (hash_bytes(body) != checksum) return std::nullopt;
  Decoder d(body);
  Content content = get_content(d);
  if (!d.ok() || !d.in.at_end()) return std::nullopt;
  return content;
}

}  // namespace katlas::detail::cache
