// Parses content files with yaml-cpp into plain Content values, keeping every position.
#include "load/parse.hpp"

#include "load/handout_recipe.hpp"
#include "load/parse_site.hpp"

#include "cache/content_codec.hpp"
#include "load/prescan.hpp"
#include "load/yaml_fields.hpp"

#include "parallel.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <iterator>
#include <stdexcept>

#include <pthread.h>

namespace katlas::detail {
namespace {

// yaml-cpp recurses once a nesting level and stops itself at 500 levels (YAML::DeepRecursion),
// which needs about 250 KiB of stack: more than a small thread has. Files whose nesting bound
// is low parse on the caller's stack; the others on a thread of known size.
constexpr int inline_nesting = 128;
constexpr std::size_t parse_stack_bytes = 8 * 1024 * 1024;

struct LoadJob {
  const std::string* text;
  std::optional<YAML::Node> node;
  std::exception_ptr error;
};

void* run_load(void* arg) {
  auto* job = static_cast<LoadJob*>(arg);
  try {
    job->node = YAML::Load(*job->text);
  } catch (...) {
    job->error = std::current_exception();
  }
  return nullptr;
}

YAML::Node load_yaml(const std::string& text) {
  if (nesting_bound(text) <= inline_nesting) return YAML::Load(text);
  LoadJob job{&text, std::nullopt, nullptr};
  pthread_attr_t attr;
  pthread_t thread;
  const bool started = pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, parse_stack_bytes) == 0 &&
                       pthread_create(&thread, &attr, run_load, &job) == 0;
  pthread_attr_destroy(&attr);
  if (!started) throw std::runtime_error("cannot start a thread to parse a deeply nested file");
  pthread_join(thread, nullptr);
  if (job.error) std::rethrow_exception(job.error);
  return std::move(*job.node);
}

// How to fix a yaml-cpp syntax error, from its message; tabs are the most common cause of all.
std::string syntax_hint(std::string_view text, std::string_view message) {
  if (text.find('\t') != std::string_view::npos) return "YAML does not allow tabs for indentation; use spaces";
  const auto is = [&](std::string_view m) { return message.starts_with(m); };
  if (is(YAML::ErrorMsg::END_OF_SEQ_FLOW)) return "close the list with ']', or quote text that holds '['";
  if (is(YAML::ErrorMsg::END_OF_MAP_FLOW)) return "close the mapping with '}', or quote text that holds '{'";
  if (is(YAML::ErrorMsg::EOF_IN_SCALAR)) return "a quoted text is not closed; end it with the same quote";
  if (is(YAML::ErrorMsg::END_OF_MAP) || is(YAML::ErrorMsg::END_OF_SEQ))
    return "indent the keys of one mapping, or the entries of one list, by the same number of spaces";
  if (is(YAML::ErrorMsg::MAP_VALUE) || is(YAML::ErrorMsg::MAP_KEY))
    return "check this line's indentation against the lines above it, and quote text that holds ': '";
  if (is(YAML::ErrorMsg::BLOCK_ENTRY))
    return "a list entry ('- ') cannot follow a value on the same level; check the indentation";
  if (is(YAML::ErrorMsg::UNKNOWN_ANCHOR))
    return "define the anchor ('&name') before using it ('*name'); an alias used as a key needs a space "
           "before its colon ('*name :')";
  if (is(YAML::ErrorMsg::INVALID_ESCAPE) || is(YAML::ErrorMsg::INVALID_HEX) || is(YAML::ErrorMsg::INVALID_UNICODE))
    return "write a backslash in double quotes as '\\\\', or use single quotes";
  if (is(YAML::ErrorMsg::FLOW_END)) return "remove the extra ']' or '}'";
  return "check the YAML syntax at this position";
}

// True when a scalar of the document starts at `at` (yaml-cpp marks a quoted scalar at its
// quote). The walk is iterative and bounded: aliases can make the node graph loop.
bool has_scalar_at(const YAML::Node& root, const SourceLoc& at) {
  std::vector<YAML::Node> stack{root};
  for (std::size_t visits = 0; !stack.empty() && visits < 100'000; ++visits) {
    const YAML::Node node = stack.back();
    stack.pop_back();
    if (node.IsScalar()) {
      if (node.Mark().line + 1 == at.line && node.Mark().column + 1 == at.column) return true;
    } else if (node.IsSequence()) {
      for (const YAML::Node& item : node) stack.push_back(item);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        stack.push_back(it->first);
        stack.push_back(it->second);
      }
    }
  }
  return false;
}

// True when the file holds nothing but white space and comments.
bool blank(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  bool comment = false;
  for (const char c : text) {
    if (c == '\n')
      comment = false;
    else if (c == '#')
      comment = true;
    else if (!comment && c != ' ' && c != '\t' && c != '\r')
      return false;
  }
  return true;
}

}  // namespace

// yaml-cpp throws on syntax errors; they become diagnostics here.
std::optional<YAML::Node> parse_yaml(const ContentFile& file, FieldReader& reader) {
  if (file.text.size() > max_file_bytes) {
    reader.error(reader.file_loc(), "file is larger than " + std::to_string(max_file_bytes / (1024 * 1024)) + " MiB",
                 "split it into smaller files");
    return std::nullopt;
  }
  SourceLoc open_quote;
  if (std::optional<Diagnostic> problem = prescan(file.text, reader.file(), &open_quote)) {
    reader.error(problem->loc, problem->message, problem->hint);
    return std::nullopt;
  }
  if (blank(file.text)) {
    reader.error(reader.file_loc(), "file is empty",
                 "write the content or remove the file; see docs/content-schema.md");
    return std::nullopt;
  }
  // Aliases let a small file name the same text many times; reading more than this means
  // the file is multiplying text rather than writing it (escapes expand at most 1.5 times).
  reader.limit_text(2 * file.text.size() + 4096);
  try {
    YAML::Node root = load_yaml(file.text);
    if (open_quote.line > 0 && has_scalar_at(root, open_quote)) {
      reader.error(open_quote, "quoted text is never closed: it runs to the end of the file",
                   "end it with the same quote it starts with, or leave the quotes out");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::DeepRecursion& e) {
    reader.error({reader.file(), e.mark.line + 1, e.mark.column + 1},
                 "nesting is deeper than " + std::to_string(max_nesting) + " levels",
                 "content files need only a few levels of nesting");
  } catch (const YAML::Exception& e) {
    SourceLoc at = reader.file_loc();
    if (e.mark.line >= 0) at = {reader.file(), e.mark.line + 1, e.mark.column + 1};
    std::string message = e.msg.empty() ? "invalid YAML" : "invalid YAML: " + e.msg;
    std::string hint = syntax_hint(file.text, e.msg);
    reader.error(at, std::move(message), std::move(hint));
  } catch (const std::exception& e) {
    // yaml-cpp also throws standard exceptions on some malformed input; never let one escape.
    reader.error(reader.file_loc(), std::string("invalid YAML: ") + e.what(), "check the file's syntax");
  }
  return std::nullopt;
}

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
  source.year = reader.integer(*fields, "year").value_or(0);
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

std::optional<Concept> parse_concept(const YAML::Node& root, const ContentFile& file, FieldReader& reader) {
  const auto fields = reader.mapping(root, "concept",
                                     {{"id", true},
                                      {"title", true},
                                      {"kind", true},
                                      {"sentence-name"},
                                      {"aliases"},
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
    if (!relations->IsSequence())
      reader.error(reader.loc(*relations), "'relations' must be a list", "start each relation with '- type: ...'");
    else
      for (const YAML::Node& item : *relations) entry.relations.push_back(parse_relation(item, reader));
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

/// What one concept file gave: the concept (when it has an id) and its own diagnostics.
struct ParsedConcept {
  std::optional<Concept> entry;
  std::vector<Diagnostic> diagnostics;
  bool unreadable = false;  ///< Not valid YAML (or failed the prescan).
  cache::Hash key;          ///< The file's parse-cache key (with a cache only).
  bool cached = false;      ///< Taken from the cache rather than parsed.
  std::string cache_bytes;  ///< The entry as the cache stores it, when parsed clean now.
};

ParsedConcept parse_concept_file(const ContentFile& file, std::string_view display_root) {
  ParsedConcept parsed;
  FieldReader reader(display_path(display_root, file.path), parsed.diagnostics);
  if (const std::optional<YAML::Node> root = parse_yaml(file, reader))
    parsed.entry = parse_concept(*root, file, reader);
  else
    parsed.unreadable = true;
  return parsed;
}

/// What one vocabulary file (kinds, relations or sources) gave, read on its own thread.
struct ParsedVocabulary {
  Content part;  ///< Only the list this file holds is filled.
  std::vector<Diagnostic> diagnostics;
  bool readable = false;  ///< Valid YAML (and passed the prescan).
  bool is_list = true;    ///< The file is a list (else nothing of it could be used).
};

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

}  // namespace

std::string display_path(std::string_view root, std::string_view rel) {
  if (root.empty()) return std::string(rel);
  std::string out(root);
  if (out.back() != '/') out += '/';
  return out + std::string(rel);
}

Content parse_files(const std::vector<ContentFile>& files, std::string_view display_root, std::vector<Diagnostic>& out,
                    ParseGaps& gaps, ParseCache* cache) {
  Content content;
  // Files are independent of each other: parse them on every core first (the vocabularies
  // first, as sources.yaml is the largest file), then take their results in file order so
  // diagnostics and content come out as a serial run gives them.
  std::vector<std::size_t> concept_files, vocabulary_files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].path.starts_with("concepts/"))
      concept_files.push_back(i);
    else if (is_vocabulary(files[i].path))
      vocabulary_files.push_back(i);
  }
  std::vector<ParsedConcept> parsed(concept_files.size());
  std::vector<ParsedVocabulary> vocabularies(vocabulary_files.size());
  parallel_for(vocabulary_files.size() + concept_files.size(), [&](std::size_t job) {
    if (job < vocabulary_files.size()) {
      vocabularies[job] = parse_vocabulary_file(files[vocabulary_files[job]], display_root);
      return;
    }
    const std::size_t i = job - vocabulary_files.size();
    const ContentFile& file = files[concept_files[i]];
    if (!cache) {
      parsed[i] = parse_concept_file(file, display_root);
      return;
    }
    const cache::Hash key = ParseCache::key(file);
    if (std::optional<Concept> known = cache->find(key)) {
      parsed[i].entry = std::move(known);
      parsed[i].cached = true;
    } else {
      parsed[i] = parse_concept_file(file, display_root);
      if (parsed[i].entry && parsed[i].diagnostics.empty()) {
        cache::Writer bytes;
        cache::write(bytes, *parsed[i].entry);
        parsed[i].cache_bytes = std::move(bytes.bytes());
      }
    }
    parsed[i].key = key;
  });
  content.concepts.reserve(parsed.size());
  std::size_t next_concept = 0, next_vocabulary = 0;

  bool seen_kinds = false, seen_relations = false, seen_sources = false;
  for (const ContentFile& file : files) {
    if (file.path.starts_with("concepts/")) {
      ParsedConcept& result = parsed[next_concept++];
      if (cache && (result.cached || !result.cache_bytes.empty()))
        cache->keep(result.key, std::move(result.cache_bytes));
      std::move(result.diagnostics.begin(), result.diagnostics.end(), std::back_inserter(out));
      if (result.unreadable) gaps.concept_ids.push_back(std::filesystem::path(file.path).stem().string());
      if (result.entry) content.concepts.push_back(std::move(*result.entry));
      continue;
    }
    if (file.path.starts_with("handouts/")) {
      // Recipes are checked against the atlas once it is built (load.cpp).
      if (std::optional<HandoutRecipe> recipe = parse_handout_recipe(file, display_root, out))
        content.handouts.push_back(std::move(*recipe));
      continue;
    }
    if (!is_vocabulary(file.path)) {
      FieldReader reader(display_path(display_root, file.path), out);
      reader.warning(reader.file_loc(), "file is not part of the content schema and was ignored",
                     "concepts go under concepts/<kind>/<id>.yaml");
      continue;
    }
    ParsedVocabulary& result = vocabularies[next_vocabulary++];
    std::move(result.diagnostics.begin(), result.diagnostics.end(), std::back_inserter(out));
    const bool kinds = file.path == "kinds.yaml", relations = file.path == "relations.yaml";
    const bool sources = file.path == "sources.yaml";
    seen_kinds |= kinds;
    seen_relations |= relations;
    seen_sources |= sources;
    const bool unusable = !result.readable || !result.is_list;
    gaps.kinds |= kinds && unusable;
    gaps.relation_types |= relations && unusable;
    gaps.sources |= sources && unusable;
    std::move(result.part.kinds.begin(), result.part.kinds.end(), std::back_inserter(content.kinds));
    std::move(result.part.relation_types.begin(), result.part.relation_types.end(),
              std::back_inserter(content.relation_types));
    std::move(result.part.sources.begin(), result.part.sources.end(), std::back_inserter(content.sources));
    if (file.path == "site.yaml") content.site = std::move(result.part.site);
    if (file.path == "help-lines.yaml") content.help_regions = std::move(result.part.help_regions);
  }
  const auto missing = [&](bool seen, std::string_view name) {
    if (!seen)
      out.push_back({Severity::error,
                     {display_path(display_root, name), 0, 0},
                     "missing " + std::string(name),
                     "every content folder needs kinds.yaml, relations.yaml and sources.yaml"});
  };
  missing(seen_kinds, "kinds.yaml");
  missing(seen_relations, "relations.yaml");
  missing(seen_sources, "sources.yaml");
  gaps.kinds |= !seen_kinds;
  gaps.relation_types |= !seen_relations;
  gaps.sources |= !seen_sources;
  return content;
}

}  // namespace katlas::detail
