// The Python module katlas._katlas (pybind11): the Atlas, its lookups and queries, ContentError.
// The value classes it returns are in values.cpp; each holds a copy of its atlas (held.hpp).
#include "held.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace katlas::python {
namespace {

// What a Python Atlas is: the atlas and the warnings its load gave.
struct AtlasObject {
  Atlas atlas;
  Diagnostics diagnostics;
};

// A concept given from Python: a Concept object or a name (id, alias or title).
using ConceptArg = std::variant<std::string, ConceptRef>;

PyObject* content_error_type = nullptr;  // katlas.ContentError, created with the module

// --- words: the schema's words for enums, and ValueError for any other ------------------

template <class Enum, std::size_t N, class Name>
Enum parse_word(std::string_view what, const std::string& word, const std::array<Enum, N>& values, Name name) {
  std::string valid;
  for (const Enum value : values) {
    if (name(value) == word) return value;
    valid += (valid.empty() ? "" : ", ") + std::string(name(value));
  }
  throw py::value_error("unknown " + std::string(what) + " '" + word + "' (one of: " + valid + ")");
}

Evidence evidence_of(const std::string& word) {
  return parse_word("evidence level", word, evidence_levels, [](Evidence e) { return to_string(e); });
}

Audience audience_of(const std::string& word) {
  return parse_word("audience", word, std::array{Audience::lay, Audience::pro},
                    [](Audience a) { return to_string(a); });
}

Depth depth_of(const std::string& word) {
  return parse_word("depth", word, std::array{Depth::summary, Depth::details, Depth::neighbours},
                    [](Depth d) { return to_string(d); });
}

Direction direction_of(const std::string& word) {
  return parse_word("direction", word, std::array{Direction::out, Direction::in, Direction::both},
                    [](Direction d) { return to_string(d); });
}

// A relation type id, checked against the atlas; an unknown one is a ValueError naming them all.
std::string relation_type_of(const Atlas& atlas, const std::string& word) {
  if (atlas.relation_type(word)) return word;
  std::string valid;
  for (const RelationType& type : atlas.content().relation_types) valid += (valid.empty() ? "" : ", ") + type.id;
  throw py::value_error("unknown relation type '" + word + "' (one of: " + valid + ")");
}

// --- concepts: lookups, with KeyError and "did you mean" for unknown names --------------

const Concept* lookup(const Atlas& atlas, const ConceptArg& arg) {
  if (const auto* ref = std::get_if<ConceptRef>(&arg)) {
    const Concept* found = atlas.find(ref->value->id);
    return found && found->id == ref->value->id ? found : nullptr;
  }
  return atlas.find(std::get<std::string>(arg));
}

const Concept& resolve(const Atlas& atlas, const ConceptArg& arg) {
  if (const Concept* found = lookup(atlas, arg)) return *found;
  if (const auto* ref = std::get_if<ConceptRef>(&arg))
    throw py::key_error("concept '" + ref->value->id + "' is not in this atlas");
  const std::string& name = std::get<std::string>(arg);
  std::string message = "no concept '" + name + "'";
  const std::vector<std::string> close = atlas.suggest(name);
  for (std::size_t i = 0; i < close.size(); ++i)
    message += std::string(i == 0 ? " (did you mean '" : i + 1 == close.size() ? " or '" : ", '") + close[i] + "'";
  throw py::key_error(close.empty() ? message : message + "?)");
}

// --- every use of LoadResult and of ExplainRequest: one helper each ---------------------

[[noreturn]] void raise_content_error(const Diagnostics& diagnostics) {
  std::string text = diagnostics.format();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  const py::object error = py::reinterpret_borrow<py::object>(content_error_type)(text);
  error.attr("diagnostics") = py::cast(static_cast<const std::vector<Diagnostic>&>(diagnostics));
  PyErr_SetObject(content_error_type, error.ptr());
  throw py::error_already_set();
}

// The loaded atlas with its warnings, or ContentError carrying every diagnostic.
AtlasObject atlas_or_raise(LoadResult result) {
  if (!result.ok()) raise_content_error(result.diagnostics);
  return {std::move(result).atlas(), std::move(result.diagnostics)};
}

ExplainRequest explain_request(const std::string& query, Audience audience, Depth depth, std::size_t max_neighbours) {
  ExplainRequest request;
  request.query = query;
  request.audience = audience;
  request.depth = depth;
  request.max_neighbours = max_neighbours;
  return request;
}

// --- the Atlas's methods ---------------------------------------------------------------

AtlasObject load(const std::filesystem::path& folder, bool strict) {
  LoadOptions options;
  options.strict = strict;
  return atlas_or_raise([&] {
    const py::gil_scoped_release release;
    return Atlas::load(folder, options);
  }());
}

std::vector<LinkRef> related(const AtlasObject& self, const ConceptArg& entry, const std::optional<std::string>& type,
                             const std::string& direction) {
  const Concept& from = resolve(self.atlas, entry);
  RelatedQuery query;
  const std::string type_id = type ? relation_type_of(self.atlas, *type) : std::string();
  query.type = type_id;
  query.direction = direction_of(direction);
  std::vector<LinkRef> out;
  for (Link& link : self.atlas.related(from, query)) out.push_back({self.atlas, std::move(link)});
  return out;
}

std::optional<std::vector<StepRef>> path(const AtlasObject& self, const ConceptArg& from, const ConceptArg& to,
                                         const std::string& min_evidence) {
  const Concept& start = resolve(self.atlas, from);
  const Concept& end = resolve(self.atlas, to);
  PathQuery query;
  query.min_evidence = evidence_of(min_evidence);
  std::optional<std::vector<PathStep>> steps;
  {
    const py::gil_scoped_release release;
    steps = self.atlas.path(start, end, query);
  }
  if (!steps) return std::nullopt;
  std::vector<StepRef> out;
  for (PathStep& step : *steps) out.push_back({self.atlas, std::move(step)});
  return out;
}

std::vector<HitRef> search(const AtlasObject& self, const std::string& text, std::size_t limit) {
  std::vector<SearchHit> hits;
  {
    const py::gil_scoped_release release;
    hits = self.atlas.search(text, limit);
  }
  std::vector<HitRef> out;
  for (const SearchHit& hit : hits) out.push_back({self.atlas, hit});
  return out;
}

// A Concept is explained as it is; a name or question as katlas::explain() reads it.
std::optional<ExplanationRef> explain(const AtlasObject& self, const ConceptArg& query, const std::string& audience,
                                      const std::string& depth, std::size_t max_neighbours) {
  const auto* ref = std::get_if<ConceptRef>(&query);
  const Concept* entry = ref ? &resolve(self.atlas, query) : nullptr;
  const ExplainRequest request = explain_request(ref ? ref->value->id : std::get<std::string>(query),
                                                 audience_of(audience), depth_of(depth), max_neighbours);
  std::optional<Explanation> found;
  {
    const py::gil_scoped_release release;
    found = entry ? katlas::explain(self.atlas, *entry, request) : katlas::explain(self.atlas, request);
  }
  if (!found) return std::nullopt;
  return ExplanationRef{self.atlas, std::move(*found)};
}

std::vector<ConceptRef> concepts(const AtlasObject& self, const std::optional<std::string>& kind) {
  if (kind && !self.atlas.kind(*kind)) {
    std::string valid;
    for (const Kind& k : self.atlas.content().kinds) valid += (valid.empty() ? "" : ", ") + k.id;
    throw py::value_error("unknown kind '" + *kind + "' (one of: " + valid + ")");
  }
  std::vector<ConceptRef> out;
  for (const Concept* entry : self.atlas.list(kind.value_or(""))) out.push_back({self.atlas, entry});
  return out;
}

void bind_atlas(py::module_& m) {
  py::class_<AtlasObject>(m, "Atlas", "An immutable, loaded content folder with its concept graph.")
      .def_static(
          "builtin",
          [] {
            const py::gil_scoped_release release;  // the first call loads the compiled-in content
            return AtlasObject{Atlas::builtin(), {}};
          },
          "The content compiled into the library.")
      .def_static("load", &load, py::arg("path"), py::arg("strict") = false,
                  "Reads and checks a content folder; raises ContentError when it has errors.")
      .def_property_readonly(
          "diagnostics",
          [](const AtlasObject& self) { return static_cast<const std::vector<Diagnostic>&>(self.diagnostics); },
          "The warnings the load gave.")
      .def(
          "find",
          [](const AtlasObject& self, const std::string& name) -> std::optional<ConceptRef> {
            if (const Concept* found = self.atlas.find(name)) return ConceptRef{self.atlas, found};
            return std::nullopt;
          },
          py::arg("name"), "A concept by id, alias or title (case-, accent- and spacing-insensitive), or None.")
      .def(
          "suggest",
          [](const AtlasObject& self, const std::string& text, std::size_t limit) {
            return self.atlas.suggest(text, limit);
          },
          py::arg("text"), py::arg("limit") = 3)
      .def(
          "source",
          [](const AtlasObject& self, const std::string& id) -> std::optional<SourceRef> {
            if (const Source* found = self.atlas.source(id)) return SourceRef{self.atlas, found};
            return std::nullopt;
          },
          py::arg("id"))
      .def("concepts", &concepts, py::arg("kind") = py::none(), "Concepts of one kind (or all), sorted by title.")
      .def("related", &related, py::arg("concept"), py::arg("type") = py::none(), py::arg("direction") = "both")
      .def("path", &path, py::arg("from_"), py::arg("to"), py::arg("min_evidence") = "anecdotal")
      .def("search", &search, py::arg("text"), py::arg("limit") = 10)
      .def("explain", &explain, py::arg("query"), py::arg("audience") = "lay", py::arg("depth") = "neighbours",
           py::arg("max_neighbours") = 12)
      .def("__getitem__",
           [](const AtlasObject& self, const ConceptArg& name) {
             return ConceptRef{self.atlas, &resolve(self.atlas, name)};
           })
      .def("__contains__",
           [](const AtlasObject& self, const ConceptArg& name) { return lookup(self.atlas, name) != nullptr; })
      .def("__contains__", [](const AtlasObject&, const py::object&) { return false; })  // neither name nor concept
      .def("__len__", [](const AtlasObject& self) { return self.atlas.content().concepts.size(); })
      .def("__iter__",
           [](const AtlasObject& self) {
             py::list out;
             for (const Concept& entry : self.atlas.content().concepts) out.append(ConceptRef{self.atlas, &entry});
             return py::iter(out);
           })
      .def("__repr__", [](const AtlasObject& self) {
        return "<Atlas of " + std::to_string(self.atlas.content().concepts.size()) + " concepts>";
      });
}

}  // namespace
}  // namespace katlas::python

PYBIND11_MODULE(_katlas, m) {
  using namespace katlas::python;
  m.doc() = "Kratom Atlas: evidence-graded content as a concept graph, with queries and explanations.";
  content_error_type = PyErr_NewExceptionWithDoc("katlas.ContentError",
                                                 "Content that does not load; .diagnostics holds every problem found.",
                                                 PyExc_ValueError, nullptr);
  m.add_object("ContentError", py::handle(content_error_type));
  bind_values(m);
  bind_atlas(m);
}
