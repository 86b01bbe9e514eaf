// Parses content files with yaml-cpp into plain Content values, keeping every position.
#include "load/parse.hpp"

#include "load/handout_recipe.hpp"
#include "load/parse_concept.hpp"
#include "load/parse_vocabulary.hpp"

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

// A node's tag as it was written ("!foo", "!!int"); empty when it has none. yaml-cpp gives a
// plain value "?" and a quoted one "!" (the non-specific tags), and spells "!!x" in full.
std::string written_tag(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  if (tag.empty() || tag == "?" || tag == "!") return {};
  constexpr std::string_view core = "tag:yaml.org,2002:";
  return tag.starts_with(core) ? "!!" + tag.substr(core.size()) : tag;
}

// Reports every tagged node of the document once, in file order (an alias names its anchor's
// node again); true when there was one. The walk is iterative and bounded by the file's size,
// as aliases can make the node graph repeat itself.
bool report_tags(const YAML::Node& root, std::size_t file_bytes, FieldReader& reader) {
  std::vector<YAML::Node> stack{root};
  std::vector<std::pair<SourceLoc, std::string>> tagged;
  for (std::size_t visits = 0; !stack.empty() && visits < file_bytes + 16; ++visits) {
    const YAML::Node node = stack.back();
    stack.pop_back();
    if (std::string tag = written_tag(node); !tag.empty()) tagged.emplace_back(reader.loc(node), std::move(tag));
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) stack.push_back(item);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        stack.push_back(it->first);
        stack.push_back(it->second);
      }
    }
  }
  const auto by_place = [](const auto& a, const auto& b) {
    return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
  };
  const auto same_place = [&](const auto& a, const auto& b) { return !by_place(a, b) && !by_place(b, a); };
  std::sort(tagged.begin(), tagged.end(), by_place);
  tagged.erase(std::unique(tagged.begin(), tagged.end(), same_place), tagged.end());
  for (const auto& [at, tag] : tagged)
    reader.error(at, "YAML tag '" + shown(tag) + "' is not allowed: content is plain text, lists and mappings",
                 "delete '" + shown(tag) + "' and keep the value after it: every value is read as the text written");
  return !tagged.empty();
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
    // A tag asks for a type the loader does not give (`!!int`, `!!binary`) or names one of the
    // writer's own (`!foo`); either way the value would not be read as the writer meant. Every
    // tag is written with a '!', so a file without one needs no walk.
    if (file.text.find('!') != std::string::npos && report_tags(root, file.text.size(), reader)) return std::nullopt;
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

std::string display_path(std::string_view root, std::string_view rel) {
  if (root.empty()) return std::string(rel);
  std::string out(root);
  if (out.back() != '/') out += '/';
  return out + std::string(rel);
}

std::string missing_file(std::string_view name) { return "missing " + std::string(name); }

bool is_missing_file(const Diagnostic& d) {
  const std::string_view file = d.loc.file;
  const std::size_t slash = file.find_last_of('/');
  return d.message == missing_file(slash == std::string_view::npos ? file : file.substr(slash + 1));
}

namespace {

/// Every file's parse, done on every core: files are independent of each other.
struct Parsed {
  std::vector<ParsedConcept> concepts;         ///< In file order.
  std::vector<ParsedVocabulary> vocabularies;  ///< In file order.
};

Parsed parse_in_parallel(const std::vector<ContentFile>& files, std::string_view display_root,
                         const ParseCache* cache) {
  std::vector<const ContentFile*> concept_files, vocabulary_files;
  for (const ContentFile& f : files) {
    if (f.path.starts_with("concepts/"))
      concept_files.push_back(&f);
    else if (is_vocabulary(f.path))
      vocabulary_files.push_back(&f);
  }
  Parsed parsed;
  parsed.concepts.resize(concept_files.size());
  parsed.vocabularies.resize(vocabulary_files.size());
  // The vocabularies first, as sources.yaml is the largest file.
  parallel_for(vocabulary_files.size() + concept_files.size(), [&](std::size_t job) {
    if (job < vocabulary_files.size())
      parsed.vocabularies[job] = parse_vocabulary_file(*vocabulary_files[job], display_root);
    else
      parsed.concepts[job - vocabulary_files.size()] =
          parse_concept_file(*concept_files[job - vocabulary_files.size()], display_root, cache);
  });
  return parsed;
}

/// Which vocabulary files were there, and which could not be used.
struct Seen {
  bool kinds = false, relation_types = false, sources = false, concepts = false;
};

void take_vocabulary(const ContentFile& file, ParsedVocabulary& result, Content& content, Diagnostics& out, Seen& seen,
                     ParseGaps& gaps) {
  out.append(std::move(result.diagnostics));
  const bool kinds = file.path == "kinds.yaml", relations = file.path == "relations.yaml";
  const bool sources = file.path == "sources.yaml";
  seen.kinds |= kinds;
  seen.relation_types |= relations;
  seen.sources |= sources;
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

void report_missing(const Seen& seen, std::string_view display_root, Diagnostics& out, ParseGaps& gaps) {
  // Atlas::load() drops these for a file its folder reader refused (too large, unreadable):
  // that error says why.
  const auto missing = [&](bool there, std::string_view name) {
    if (!there)
      out.push_back({Severity::error,
                     {display_path(display_root, name), 0, 0},
                     missing_file(name),
                     "every content folder needs kinds.yaml, relations.yaml and sources.yaml"});
  };
  missing(seen.kinds, "kinds.yaml");
  missing(seen.relation_types, "relations.yaml");
  missing(seen.sources, "sources.yaml");
  // No concept file: an atlas of nothing, which a build would publish over a whole site.
  if (!seen.concepts)
    out.push_back({Severity::error,
                   {display_path(display_root, "concepts"), 0, 0},
                   std::string(no_concept_files),
                   "add one file per concept as concepts/<kind>/<id>.yaml"});
  gaps.concepts |= !seen.concepts;
  gaps.kinds |= !seen.kinds;
  gaps.relation_types |= !seen.relation_types;
  gaps.sources |= !seen.sources;
}

}  // namespace

Content parse_files(const std::vector<ContentFile>& files, std::string_view display_root, Diagnostics& out,
                    ParseGaps& gaps, ParseCache* cache) {
  // Parsed on every core, then taken in file order, so that diagnostics and content come out
  // as a serial run gives them.
  Parsed parsed = parse_in_parallel(files, display_root, cache);
  Content content;
  content.concepts.reserve(parsed.concepts.size());
  std::size_t next_concept = 0, next_vocabulary = 0;
  Seen seen;
  for (const ContentFile& file : files) {
    if (file.path.starts_with("concepts/")) {
      seen.concepts = true;
      ParsedConcept& result = parsed.concepts[next_concept++];
      if (cache && (result.cached || !result.cache_bytes.empty()))
        cache->keep(result.key, std::move(result.cache_bytes));
      out.append(std::move(result.diagnostics));
      if (result.unreadable) gaps.concept_ids.push_back(std::filesystem::path(file.path).stem().string());
      if (result.entry) content.concepts.push_back(std::move(*result.entry));
    } else if (file.path.starts_with("handouts/")) {
      // Recipes are checked against the atlas once it is built (load.cpp).
      if (std::optional<HandoutRecipe> recipe = parse_handout_recipe(file, display_root, out))
        content.handouts.push_back(std::move(*recipe));
    } else if (is_vocabulary(file.path)) {
      take_vocabulary(file, parsed.vocabularies[next_vocabulary++], content, out, seen, gaps);
    } else {
      FieldReader reader(display_path(display_root, file.path), out);
      reader.warning(reader.file_loc(), "file is not part of the content schema and was ignored",
                     "concepts go under concepts/<kind>/<id>.yaml");
    }
  }
  report_missing(seen, display_root, out, gaps);
  return content;
}

}  // namespace katlas::detail
