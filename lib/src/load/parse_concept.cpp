// Parses concept files with yaml-cpp into plain values, keeping every position.
#include "load/parse_concept.hpp"

#include "cache/content_codec.hpp"
#include "load/parse.hpp"
#include "load/yaml_fields.hpp"

namespace katlas::detail {
namespace {

Relation parse_relation(const YAML::Node& node, FieldReader& reader) {
  Relation relation;
  const auto fields =
      reader.mapping(node, "relation",
                     {{"type", true}, {"target", true}, {"evidence"}, {"basis"}, {"sources"}, {"note"}, {"pro-note"}});
  if (!fields) return relation;
  relation.loc = fields->loc;
  relation.type_loc = fields->get("type") ? reader.loc(*fields->get("type")) : fields->loc;
  relation.target_loc = fields->get("target") ? reader.loc(*fields->get("target")) : fields->loc;
  relation.type = reader.text(*fields, "type").value_or("");
  relation.target = reader.text(*fields, "target").value_or("");
  relation.evidence = reader.evidence(*fields, "evidence");
  if (const auto basis = reader.word(*fields, "basis", "basis", {"observed", "predicted"}))
    relation.basis = static_cast<Basis>(*basis);
  relation.sources = reader.text_list(*fields, "sources", &relation.source_locs);
  relation.note = reader.text(*fields, "note").value_or("");
  relation.pro_note = reader.text(*fields, "pro-note").value_or("");
  return relation;
}

Side parse_side(const YAML::Node& node, FieldReader& reader) {
  Side side;
  const auto fields = reader.mapping(node, "side", {{"position", true}, {"text", true}, {"sources", true}});
  if (!fields) return side;
  side.loc = fields->loc;
  if (const auto position = reader.text(*fields, "position")) {
    if (*position == "for")
      side.position = Side::Position::for_claim;
    else if (*position == "against")
      side.position = Side::Position::against_claim;
    else
      reader.error(reader.loc(*fields->get("position")), "unknown position '" + shown(*position) + "'",
                   "use 'for' or 'against'");
  }
  side.text = reader.text(*fields, "text").value_or("");
  side.sources = reader.text_list(*fields, "sources", &side.source_locs);
  return side;
}

std::optional<Timing> parse_timing(const YAML::Node& node, FieldReader& reader) {
  const auto fields = reader.mapping(
      node, "timing", {{"start-hours", true}, {"end-hours"}, {"evidence", true}, {"sources", true}, {"note"}});
  if (!fields) return std::nullopt;
  Timing timing;
  timing.loc = fields->loc;
  const auto start = reader.range(*fields, "start-hours");
  const auto end = reader.range(*fields, "end-hours");
  if (start) std::tie(timing.start_min, timing.start_max) = *start;
  if (end) std::tie(timing.end_min, timing.end_max) = *end;
  timing.has_end = fields->get("end-hours") != nullptr;
  timing.evidence = reader.evidence(*fields, "evidence").value_or(Evidence::anecdotal);
  timing.sources = reader.text_list(*fields, "sources", &timing.source_locs);
  timing.note = reader.text(*fields, "note").value_or("");
  if (start && end && end->second < start->first)
    reader.error(reader.loc(*fields->get("end-hours")), "the phase ends before it starts",
                 "end-hours must not be earlier than start-hours");
  return timing;
}

std::optional<Concept> parse_concept(const YAML::Node& root, const ContentFile& file, FieldReader& reader) {
  const auto fields = reader.mapping(root, "concept",
                                     {{"id", true},
                                      {"title", true},
                                      {"kind", true},
                                      {"sentence-name"},
                                      {"aliases"},
                                      {"search-phrases"},
                                      {"summary", true},
                                      {"details", true},
                                      {"evidence", true},
                                      {"verdict"},
                                      {"sources", true},
                                      {"reviewed", true},
                                      {"review-every"},
                                      {"relations"},
                                      {"sides"},
                                      {"timing"}});
  if (!fields) return std::nullopt;
  Concept entry;
  entry.loc = reader.file_loc();
  entry.id_loc = fields->get("id") ? reader.loc(*fields->get("id")) : fields->loc;
  entry.kind_loc = fields->get("kind") ? reader.loc(*fields->get("kind")) : fields->loc;
  entry.summary_loc = fields->get("summary") ? reader.loc(*fields->get("summary")) : fields->loc;
  entry.id = reader.id(*fields, "id").value_or("");
  entry.title = reader.text(*fields, "title").value_or("");
  entry.kind = reader.text(*fields, "kind").value_or("");
  entry.sentence_name = reader.text(*fields, "sentence-name").value_or("");
  entry.aliases = reader.text_list(*fields, "aliases");
  entry.search_phrases = reader.text_list(*fields, "search-phrases");
  entry.summary = reader.text(*fields, "summary").value_or("");
  entry.details = reader.text(*fields, "details").value_or("");
  entry.evidence = reader.evidence(*fields, "evidence").value_or(Evidence::anecdotal);
  if (const auto verdict = reader.word(*fields, "verdict", "verdict",
                                       {"supported", "partly-supported", "unsupported", "refuted", "unresolved"}))
    entry.verdict = static_cast<Verdict>(*verdict);
  entry.sources = reader.text_list(*fields, "sources", &entry.source_locs);
  entry.reviewed = reader.date(*fields, "reviewed").value_or("");
  entry.review_every_months = reader.months(*fields, "review-every").value_or(0);
  if (const YAML::Node* relations = fields->get("relations"); relations && !relations->IsNull()) {
    // Hundreds of links on one page help no reader, and a complete graph of a few thousand
    // concepts would be millions of links: a limit with a message, not minutes and gigabytes.
    if (relations->IsSequence() && relations->size() > max_relations_per_concept)
      reader.error(reader.loc(*relations),
                   "a concept may have at most " + std::to_string(max_relations_per_concept) +
                       " relations; this one has " + std::to_string(relations->size()),
                   "keep the links a reader needs; group the rest under a broader concept");
    else if (!relations->IsSequence())
      reader.error(reader.loc(*relations), "'relations' must be a list", "start each relation with '- type: ...'");
    else {
      entry.relations.reserve(relations->size());
      for (const YAML::Node& item : *relations) entry.relations.push_back(parse_relation(item, reader));
    }
  }
  if (const YAML::Node* sides = fields->get("sides"); sides && !sides->IsNull()) {
    if (!sides->IsSequence())
      reader.error(reader.loc(*sides), "'sides' must be a list", "start each side with '- position: for'");
    else
      for (const YAML::Node& item : *sides) entry.sides.push_back(parse_side(item, reader));
  }
  if (const YAML::Node* timing = fields->get("timing")) entry.timing = parse_timing(*timing, reader);

  // The path says what the file holds: concepts/<kind>/<id>.yaml.
  const std::filesystem::path rel(file.path);
  const std::string stem = rel.stem().string();
  const std::string folder = rel.parent_path().filename().string();
  if (!entry.id.empty() && stem != entry.id)
    reader.error(entry.id_loc, "file name '" + rel.filename().string() + "' does not match id '" + entry.id + "'",
                 "rename the file to '" + entry.id + ".yaml' or change the id");
  if (!entry.kind.empty() && folder != "concepts" && folder != entry.kind)
    reader.error(entry.kind_loc, "concept of kind '" + shown(entry.kind) + "' is in folder '" + shown(folder) + "'",
                 "move it to concepts/" + shown(entry.kind) + "/ or change its kind");
  if (entry.id.empty()) return std::nullopt;
  return entry;
}

ParsedConcept parse_file(const ContentFile& file, std::string_view display_root) {
  ParsedConcept parsed;
  FieldReader reader(display_path(display_root, file.path), parsed.diagnostics);
  if (const std::optional<YAML::Node> root = parse_yaml(file, reader))
    parsed.entry = parse_concept(*root, file, reader);
  else
    parsed.unreadable = true;
  return parsed;
}

}  // namespace

ParsedConcept parse_concept_file(const ContentFile& file, std::string_view display_root, const ParseCache* cache) {
  if (!cache) return parse_file(file, display_root);
  const cache::Hash key = ParseCache::key(file);
  ParsedConcept parsed;
  if (std::optional<Concept> known = cache->find(key)) {
    parsed.entry = std::move(known);
    parsed.cached = true;
  } else {
    parsed = parse_file(file, display_root);
    if (parsed.entry && parsed.diagnostics.empty()) {
      cache::Writer bytes;
      cache::write(bytes, *parsed.entry);
      parsed.cache_bytes = std::move(bytes.bytes());
    }
  }
  parsed.key = key;
  return parsed;
}

}  // namespace katlas::detail
