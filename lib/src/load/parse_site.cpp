// Parses site.yaml and help-lines.yaml: how the site presents the content and which phone lines handouts print.
#include "load/parse_site.hpp"

namespace katlas::detail {
namespace {

StartPath parse_start_path(const YAML::Node& node, FieldReader& reader) {
  StartPath path;
  const auto fields = reader.mapping(
      node, "start path", {{"heading", true}, {"intro", true}, {"concepts", true}, {"more-url"}, {"more-text"}});
  if (!fields) return path;
  path.loc = fields->loc;
  path.heading = reader.text(*fields, "heading").value_or("");
  path.intro = reader.text(*fields, "intro").value_or("");
  path.concepts = reader.text_list(*fields, "concepts", &path.concept_locs);
  path.more_url = reader.text(*fields, "more-url").value_or("");
  path.more_text = reader.text(*fields, "more-text").value_or("");
  if (path.more_url.empty() != path.more_text.empty())
    reader.error(fields->loc, "a start path needs both 'more-url' and 'more-text', or neither",
                 "for example more-url: contested.html and more-text: Contested claims, both sides");
  if (path.more_url.find(':') != std::string::npos || path.more_url.starts_with('/') ||
      path.more_url.find("..") != std::string::npos)
    reader.error(fields->key_loc("more-url"),
                 "'more-url' must be a page of the site, found '" + shown(path.more_url) + "'",
                 "write a path relative to the site's root, such as sources.html or kinds/phase.html");
  return path;
}

std::optional<FeaturedCycle> parse_cycle(const YAML::Node& node, FieldReader& reader) {
  const auto fields = reader.mapping(
      node, "cycle",
      {{"through", true}, {"types", true}, {"heading", true}, {"intro", true}, {"caption", true}, {"min-evidence"}});
  if (!fields) return std::nullopt;
  FeaturedCycle cycle;
  cycle.loc = fields->loc;
  cycle.through = reader.text(*fields, "through").value_or("");
  cycle.types = reader.text_list(*fields, "types");
  cycle.heading = reader.text(*fields, "heading").value_or("");
  cycle.intro = reader.text(*fields, "intro").value_or("");
  cycle.caption = reader.text(*fields, "caption").value_or("");
  cycle.min_evidence = reader.evidence(*fields, "min-evidence").value_or(Evidence::established);
  return cycle;
}

HelpLine parse_help_line(const YAML::Node& node, FieldReader& reader) {
  HelpLine line;
  const auto fields =
      reader.mapping(node, "help line", {{"service", true}, {"number", true}, {"when"}, {"source", true}});
  if (!fields) return line;
  line.loc = fields->loc;
  line.service = reader.text(*fields, "service").value_or("");
  line.number = reader.text(*fields, "number").value_or("");
  line.when = reader.text(*fields, "when").value_or("");
  line.source = reader.id(*fields, "source").value_or("");
  line.source_loc = fields->key_loc("source");
  if (const YAML::Node* source = fields->get("source")) line.source_loc = reader.loc(*source);
  return line;
}

HelpRegion parse_help_region(const YAML::Node& node, FieldReader& reader) {
  HelpRegion region;
  const auto fields = reader.mapping(node, "help-line region",
                                     {{"id", true}, {"name", true}, {"concept"}, {"reviewed", true}, {"lines", true}});
  if (!fields) return region;
  region.loc = fields->loc;
  region.id = reader.id(*fields, "id").value_or("");
  region.name = reader.text(*fields, "name").value_or("");
  region.concept_id = reader.id(*fields, "concept").value_or("");
  if (const YAML::Node* concept_node = fields->get("concept")) region.concept_loc = reader.loc(*concept_node);
  region.reviewed = reader.date(*fields, "reviewed").value_or("");
  if (const YAML::Node* lines = fields->get("lines"); lines) {
    if (!lines->IsSequence() || lines->size() == 0)
      reader.error(reader.loc(*lines), "'lines' must be a non-empty list",
                   "start each line with '- service: ...' and give its number and source");
    else
      for (const YAML::Node& item : *lines) region.lines.push_back(parse_help_line(item, reader));
  }
  return region;
}

}  // namespace

void parse_site(const YAML::Node& root, FieldReader& reader, SiteConfig& site) {
  site.loc = reader.file_loc();
  if (root.IsNull()) return;
  const auto fields = reader.mapping(
      root, "site.yaml",
      {{"title", true}, {"lead"}, {"description"}, {"help"}, {"start-paths"}, {"cycle"}, {"schema-types"}});
  if (!fields) return;
  site.title = reader.text(*fields, "title").value_or("");
  site.lead = reader.text(*fields, "lead").value_or("");
  site.description = reader.text(*fields, "description").value_or("");
  site.help = reader.text(*fields, "help").value_or("");
  site.help_loc = fields->get("help") ? reader.loc(*fields->get("help")) : fields->loc;
  if (const YAML::Node* paths = fields->get("start-paths"); paths && !paths->IsNull()) {
    if (!paths->IsSequence())
      reader.error(reader.loc(*paths), "'start-paths' must be a list", "start each path with '- heading: ...'");
    else
      for (const YAML::Node& item : *paths) site.start_paths.push_back(parse_start_path(item, reader));
  }
  if (const YAML::Node* cycle = fields->get("cycle"); cycle && !cycle->IsNull())
    site.cycle = parse_cycle(*cycle, reader);
  if (const YAML::Node* types = fields->get("schema-types"); types && !types->IsNull()) {
    if (!types->IsMap()) {
      reader.error(reader.loc(*types), "'schema-types' must map kind ids to schema.org types",
                   "for example 'symptom: MedicalSignOrSymptom'");
      return;
    }
    for (auto it = types->begin(); it != types->end(); ++it) {
      const YAML::Node key = it->first, value = it->second;
      if (!key.IsScalar() || !value.IsScalar() || value.Scalar().empty()) {
        reader.error(reader.loc(key), "each entry of 'schema-types' is 'kind: SchemaType'",
                     "for example 'symptom: MedicalSignOrSymptom'");
        continue;
      }
      site.schema_types.emplace_back(key.Scalar(), value.Scalar());
      site.schema_type_locs.push_back(reader.loc(key));
    }
  }
}

void parse_help_lines(const YAML::Node& root, FieldReader& reader, std::vector<HelpRegion>& regions) {
  if (root.IsNull()) return;
  const auto fields = reader.mapping(root, "help-lines.yaml", {{"regions", true}});
  if (!fields) return;
  const YAML::Node* list = fields->get("regions");
  if (!list || list->IsNull()) return;
  if (!list->IsSequence()) {
    reader.error(reader.loc(*list), "'regions' must be a list", "start each region with '- id: ...'");
    return;
  }
  for (const YAML::Node& item : *list) {
    HelpRegion region = parse_help_region(item, reader);
    if (!region.id.empty()) regions.push_back(std::move(region));
  }
}

}  // namespace katlas::detail
