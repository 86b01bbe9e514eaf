// Handout recipes: YAML to HandoutRecipe with file:line:column diagnostics, then checks against the atlas.
#include "load/handout_recipe.hpp"

#include <katlas/urls.hpp>

#include "load/parse.hpp"
#include "load/read_folder.hpp"
#include "load/yaml_fields.hpp"
#include "text/edit_distance.hpp"

#include <algorithm>

namespace katlas {
namespace detail {
namespace {

std::optional<HandoutQuery> parse_query(const YAML::Node& node, FieldReader& reader) {
  const auto fields = reader.mapping(node, "query", {{"related-to", true}, {"relation"}, {"kind"}, {"limit"}});
  if (!fields) return std::nullopt;
  HandoutQuery query;
  query.loc = fields->loc;
  query.related_to = reader.id(*fields, "related-to").value_or("");
  query.relation = reader.id(*fields, "relation").value_or("");
  query.kind = reader.id(*fields, "kind").value_or("");
  // Each value's own place, so that a message about it points at it, not at `query:`.
  const auto place = [&](std::string_view key) {
    const YAML::Node* node = fields->get(key);
    return node ? reader.loc(*node) : fields->loc;
  };
  query.related_to_loc = place("related-to");
  query.relation_loc = place("relation");
  query.kind_loc = place("kind");
  if (const std::optional<int> limit = reader.integer(*fields, "limit")) {
    if (*limit < 1 || *limit > 12)
      reader.error(fields->key_loc("limit"), "'limit' must be between 1 and 12");
    else
      query.limit = static_cast<std::size_t>(*limit);
  }
  return query;
}

HandoutSectionRecipe parse_section(const YAML::Node& node, FieldReader& reader) {
  HandoutSectionRecipe section;
  const auto fields = reader.mapping(node, "section", {{"heading", true}, {"intro"}, {"concepts"}, {"query"}});
  if (!fields) return section;
  section.loc = fields->loc;
  section.heading = reader.text(*fields, "heading").value_or("");
  section.intro = reader.text(*fields, "intro").value_or("");
  section.concepts = reader.text_list(*fields, "concepts", &section.concept_locs);
  if (const YAML::Node* query = fields->get("query")) section.query = parse_query(*query, reader);
  const YAML::Node* concepts = fields->get("concepts");
  if (concepts && section.query)
    reader.error(section.loc, "a section has both 'concepts' and 'query'",
                 "keep one: list concept ids, or pick them with 'query: {related-to: ...}'");
  else if (concepts && section.concepts.empty() && !concepts->IsScalar())
    reader.error(reader.loc(*concepts), "'concepts' is empty",
                 "list concept ids, e.g. 'concepts: [tolerance]', or pick them with 'query: {related-to: ...}'");
  else if (!concepts && !section.query)
    reader.error(section.loc, "a section needs 'concepts' or 'query'",
                 "list concept ids, e.g. 'concepts: [tolerance]', or pick them with 'query: {related-to: ...}'");
  return section;
}

std::vector<GlossaryTerm> parse_glossary(const YAML::Node& node, FieldReader& reader) {
  std::vector<GlossaryTerm> terms;
  if (!node.IsSequence()) {
    reader.error(reader.loc(node), "'glossary' must be a list", "start each entry with '- term: ...'");
    return terms;
  }
  for (const YAML::Node& item : node) {
    const auto fields = reader.mapping(item, "glossary entry", {{"term", true}, {"definition", true}});
    if (!fields) continue;
    terms.push_back(
        {reader.text(*fields, "term").value_or(""), reader.text(*fields, "definition").value_or(""), fields->loc});
  }
  return terms;
}

template <class T>
std::optional<T> one_of(const Fields& fields, std::string_view key, FieldReader& reader,
                        std::initializer_list<std::pair<std::string_view, T>> words) {
  const std::optional<std::string> value = reader.text(fields, key);
  if (!value) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& [word, result] : words) {
    if (*value == word) return result;
    names.emplace_back(word);
  }
  std::string hint = did_you_mean(*value, names);
  if (hint.empty()) hint = "use " + names[0] + " or " + names[1] + (names.size() > 2 ? " or " + names[2] : "");
  reader.error(reader.loc(*fields.get(key)), "unknown " + std::string(key) + " '" + *value + "'", hint);
  return std::nullopt;
}

void read_recipe_fields(const Fields& fields, FieldReader& reader, HandoutRecipe& recipe) {
  recipe.loc = fields.loc;
  recipe.id = reader.id(fields, "id").value_or("");
  recipe.title = reader.text(fields, "title").value_or("");
  recipe.purpose = reader.text(fields, "purpose").value_or("");
  recipe.audience = one_of<Audience>(fields, "audience", reader, {{"lay", Audience::lay}, {"pro", Audience::pro}})
                        .value_or(Audience::lay);
  if (fields.get("help-box"))
    recipe.help_box =
        one_of<HelpBox>(fields, "help-box", reader,
                        {{"auto", HelpBox::automatic}, {"always", HelpBox::always}, {"never", HelpBox::never}})
            .value_or(HelpBox::automatic);
  recipe.topic = reader.id(fields, "topic").value_or("");
  if (const YAML::Node* topic = fields.get("topic")) recipe.topic_loc = reader.loc(*topic);
  recipe.site_url = reader.text(fields, "site-url").value_or("");
  if (const YAML::Node* url = fields.get("site-url")) {
    recipe.site_url_loc = reader.loc(*url);
    if (const Status status = check_site_url(recipe.site_url); !status) {
      reader.error(recipe.site_url_loc, status.message(),
                   "or leave 'site-url' out and give --site-url to katlas handout");
      recipe.site_url.clear();
    }
  }
  recipe.key_points = reader.text_list(fields, "key-points");
  recipe.actions = reader.text_list(fields, "actions");
  recipe.teach_back = reader.text_list(fields, "teach-back");
  if (const YAML::Node* glossary = fields.get("glossary")) recipe.glossary = parse_glossary(*glossary, reader);
  if (const YAML::Node* sections = fields.get("sections")) {
    if (!sections->IsSequence() || sections->size() == 0)
      reader.error(reader.loc(*sections), "'sections' must be a non-empty list",
                   "start each section with '- heading: ...'");
    else
      for (const YAML::Node& item : *sections) recipe.sections.push_back(parse_section(item, reader));
  }
}

void check_id(const Atlas& atlas, const std::string& id, const SourceLoc& at, std::string_view what, Diagnostics& out) {
  if (atlas.find(id)) return;
  std::string hint;
  if (const std::vector<std::string> close = atlas.suggest(id); !close.empty()) hint = did_you_mean(id, close);
  out.push_back({Severity::error, at, "unknown " + std::string(what) + " '" + id + "'",
                 hint.empty() ? "use a concept id, e.g. from 'katlas list'" : hint});
}

}  // namespace

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

std::optional<HandoutRecipe> parse_handout_recipe(const ContentFile& file, std::string_view display_root,
                                                  Diagnostics& out) {
  const std::size_t errors_before = out.count(Severity::error);
  FieldReader reader(display_path(display_root, file.path), out);
  const std::optional<YAML::Node> root = parse_yaml(file, reader);
  if (!root) return std::nullopt;
  const auto fields = reader.mapping(*root, "handout recipe",
                                     {{"id", true},
                                      {"title", true},
                                      {"audience", true},
                                      {"purpose", true},
                                      {"sections", true},
                                      {"key-points"},
                                      {"actions"},
                                      {"teach-back"},
                                      {"glossary"},
                                      {"help-box"},
                                      {"topic"},
                                      {"site-url"}});
  if (!fields) return std::nullopt;
  HandoutRecipe recipe;
  read_recipe_fields(*fields, reader, recipe);
  const std::string stem = std::filesystem::path(file.path).stem().string();
  if (!recipe.id.empty() && recipe.id != stem)
    reader.error(reader.loc(*fields->get("id")), "file name '" + stem + ".yaml' does not match id '" + recipe.id + "'",
                 "rename the file to '" + recipe.id + ".yaml' or change the id");
  if (out.count(Severity::error) > errors_before) return std::nullopt;
  return recipe;
}

bool check_recipe(const HandoutRecipe& recipe, const Atlas& atlas, Diagnostics& out) {
  const std::size_t errors_before = out.count(Severity::error);
  if (!recipe.topic.empty()) check_id(atlas, recipe.topic, recipe.topic_loc, "topic concept", out);
  for (const HandoutSectionRecipe& section : recipe.sections) {
    for (std::size_t i = 0; i < section.concepts.size(); ++i)
      check_id(atlas, section.concepts[i], section.concept_locs[i], "concept", out);
    if (!section.query) continue;
    const HandoutQuery& q = *section.query;
    check_id(atlas, q.related_to, q.related_to_loc, "concept", out);
    if (!q.kind.empty() && !atlas.kind(q.kind)) {
      const std::string hint = did_you_mean(q.kind, ids_of(atlas.content().kinds));
      out.push_back({Severity::error, q.kind_loc, "unknown kind '" + q.kind + "'",
                     hint.empty() ? "kinds are listed in kinds.yaml ('katlas list' shows each concept's)" : hint});
    }
    if (!q.relation.empty() && !atlas.relation_type(q.relation)) {
      const std::string hint = did_you_mean(q.relation, ids_of(atlas.content().relation_types));
      out.push_back({Severity::error, q.relation_loc, "unknown relation type '" + q.relation + "'",
                     hint.empty() ? "relation types are listed in relations.yaml" : hint});
    }
  }
  return out.count(Severity::error) == errors_before;
}

}  // namespace detail

}  // namespace katlas
