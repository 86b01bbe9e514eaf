// Parses the vocabulary files with yaml-cpp into plain values, keeping every position.
#include "load/parse_vocabulary.hpp"

#include "load/parse.hpp"
#include "load/parse_site.hpp"

namespace katlas::detail {
namespace {

Kind parse_kind(const YAML::Node& node, FieldReader& reader) {
  Kind kind;
  const auto fields = reader.mapping(node, "kind",
                                     {{"id", true},
                                      {"title", true},
                                      {"plural", true},
                                      {"description", true},
                                      {"needs-help-link"},
                                      {"help-box"},
                                      {"needs-verdict"},
                                      {"review-every"}});
  if (!fields) return kind;
  kind.loc = fields->loc;
  kind.id = reader.id(*fields, "id").value_or("");
  kind.title = reader.text(*fields, "title").value_or("");
  kind.plural = reader.text(*fields, "plural").value_or("");
  kind.description = reader.text(*fields, "description").value_or("");
  kind.needs_help_link = reader.boolean(*fields, "needs-help-link").value_or(false);
  kind.help_box = reader.boolean(*fields, "help-box").value_or(false);
  kind.needs_verdict = reader.boolean(*fields, "needs-verdict").value_or(false);
  kind.review_every_months = reader.months(*fields, "review-every").value_or(0);
  return kind;
}

// `sentence:` is a mapping from evidence level to template, or one template: for a structural
// type that serves every level; for any other type it is taken as the established wording
// only (weaker links then get a hedge in front, and the strict check asks for their wording).
void parse_templates(const Fields& fields, std::string_view key, bool structural, FieldReader& reader,
                     std::array<std::string, 4>& out) {
  const YAML::Node* node = fields.get(key);
  if (!node) return;
  const auto check = [&](const std::string& templ, const YAML::Node& at) {
    if (!templ.empty() && (templ.find("{from}") == std::string::npos || templ.find("{to}") == std::string::npos))
      reader.error(reader.loc(at), "'" + std::string(key) + "' must name both {from} and {to}",
                   "for example \"{from} inhibits {to}.\"");
  };
  if (!node->IsMap()) {
    const std::string templ = reader.text(fields, key).value_or("");
    check(templ, *node);
    if (structural)
      out.fill(templ);
    else
      out[static_cast<std::size_t>(Evidence::established)] = templ;
    return;
  }
  const auto levels = reader.mapping(*node, key, {{"established"}, {"limited"}, {"contested"}, {"anecdotal"}});
  if (!levels) return;
  for (std::size_t i = 0; i < evidence_levels.size(); ++i) {
    const std::string_view level = to_string(evidence_levels[i]);
    out[i] = reader.text(*levels, level).value_or("");
    if (const YAML::Node* templ = levels->get(level)) check(out[i], *templ);
  }
}

RelationType parse_relation_type(const YAML::Node& node, FieldReader& reader) {
  RelationType type;
  const auto fields = reader.mapping(node, "relation type",
                                     {{"id", true},
                                      {"label", true},
                                      {"inverse-label", true},
                                      {"heading"},
                                      {"inverse-heading"},
                                      {"sentence", true},
                                      {"inverse-sentence", true},
                                      {"from"},
                                      {"to"},
                                      {"acyclic"},
                                      {"structural"},
                                      {"help-link"}});
  if (!fields) return type;
  type.loc = fields->loc;
  type.id = reader.id(*fields, "id").value_or("");
  type.label = reader.text(*fields, "label").value_or("");
  type.inverse_label = reader.text(*fields, "inverse-label").value_or("");
  type.heading = reader.text(*fields, "heading").value_or(type.label);
  type.inverse_heading = reader.text(*fields, "inverse-heading").value_or(type.inverse_label);
  type.structural = reader.boolean(*fields, "structural").value_or(false);
  type.help_link = reader.boolean(*fields, "help-link").value_or(false);
  parse_templates(*fields, "sentence", type.structural, reader, type.sentences);
  parse_templates(*fields, "inverse-sentence", type.structural, reader, type.inverse_sentences);
  type.from_kinds = reader.text_list(*fields, "from");
  type.to_kinds = reader.text_list(*fields, "to");
  type.acyclic = reader.boolean(*fields, "acyclic").value_or(false);
  return type;
}

Source parse_source(const YAML::Node& node, FieldReader& reader) {
  Source source;
  const auto fields = reader.mapping(node, "source",
                                     {{"id", true},
                                      {"authors", true},
                                      {"year", true},
                                      {"title", true},
                                      {"venue"},
                                      {"doi"},
                                      {"url"},
                                      {"copy-url"},
                                      {"pmid"},
                                      {"note"},
                                      {"curation"},
                                      {"type"}});
  if (!fields) return source;
  source.loc = fields->loc;
  source.id = reader.id(*fields, "id").value_or("");
  source.authors = reader.text(*fields, "authors").value_or("");
  // Before 1800 there is no source a reader could check; past next year is a typo (20260).
  // The oldest source of the built-in content is from 2000; next year allows a page dated ahead.
  const std::optional<int> year = reader.integer(*fields, "year");
  if (const int latest = std::stoi(today_utc().substr(0, 4)) + 1; year && (*year < 1800 || *year > latest))
    reader.error(
        reader.loc(*fields->get("year")),
        "'year' " + std::to_string(*year) + " is not a plausible year for a source: it must be from 1800 to next year",
        "write the year of publication, or for an undated page the year it was consulted");
  else
    source.year = year.value_or(0);
  source.title = reader.text(*fields, "title").value_or("");
  source.venue = reader.text(*fields, "venue").value_or("");
  source.doi = reader.text(*fields, "doi").value_or("");
  source.url = reader.text(*fields, "url").value_or("");
  source.pmid = reader.text(*fields, "pmid").value_or("");
  source.copy_url = reader.text(*fields, "copy-url").value_or("");
  source.note = reader.text(*fields, "note").value_or("");
  source.curation = reader.text(*fields, "curation").value_or("");
  static const std::vector<std::string> type_words{"peer-reviewed", "official", "grey", "user-report"};
  if (const std::optional<std::size_t> type = reader.word(*fields, "type", "source type", type_words))
    source.type = parse_source_type(type_words[*type]);
  if (source.doi.empty() && source.url.empty() && source.copy_url.empty() && fields->key_locs.contains("id"))
    reader.error(fields->loc, "source '" + shown(source.id) + "' has neither 'doi' nor 'url'",
                 "add the DOI (bare, e.g. 10.1021/jacs.6b00360) or a http(s) URL");
  for (const auto& [key, url] : {std::pair{"url", &source.url}, std::pair{"copy-url", &source.copy_url}})
    if (!url->empty() && !url->starts_with("https://") && !url->starts_with("http://"))
      reader.error(fields->key_loc(key), "source URL must start with http:// or https://, found '" + shown(*url) + "'");
  if (!source.doi.empty() && !source.doi.starts_with("10."))
    reader.error(fields->key_loc("doi"),
                 "DOI must be written bare and start with '10.', found '" + shown(source.doi) + "'",
                 "write 10.1021/jacs.6b00360, not https://doi.org/10.1021/jacs.6b00360");
  return source;
}

// False when the file is not a list at all (then nothing of it can be used).
template <class T, class Parse>
bool parse_list_file(const YAML::Node& root, FieldReader& reader, std::string_view what, std::vector<T>& out,
                     Parse parse) {
  if (root.IsNull()) return true;
  if (!root.IsSequence()) {
    reader.error(reader.loc(root), "this file must be a list of " + std::string(what) + " entries",
                 "start each entry with '- id: ...'");
    return false;
  }
  for (const YAML::Node& item : root) {
    T value = parse(item, reader);
    if (!value.id.empty()) out.push_back(std::move(value));
  }
  return true;
}

}  // namespace

bool is_vocabulary(std::string_view path) {
  return path == "kinds.yaml" || path == "relations.yaml" || path == "sources.yaml" || path == "site.yaml" ||
         path == "help-lines.yaml";
}

ParsedVocabulary parse_vocabulary_file(const ContentFile& file, std::string_view display_root) {
  ParsedVocabulary parsed;
  FieldReader reader(display_path(display_root, file.path), parsed.diagnostics);
  const std::optional<YAML::Node> root = parse_yaml(file, reader);
  if (!root) return parsed;
  parsed.readable = true;
  Content& part = parsed.part;
  if (file.path == "kinds.yaml")
    parsed.is_list = parse_list_file(*root, reader, "kind", part.kinds, parse_kind);
  else if (file.path == "relations.yaml")
    parsed.is_list = parse_list_file(*root, reader, "relation type", part.relation_types, parse_relation_type);
  else if (file.path == "site.yaml")
    parse_site(*root, reader, part.site);
  else if (file.path == "help-lines.yaml")
    parse_help_lines(*root, reader, part.help_regions);
  else
    parsed.is_list = parse_list_file(*root, reader, "source", part.sources, parse_source);
  return parsed;
}

}  // namespace katlas::detail
