// The Python module's value classes: diagnostics, sources, concepts, links, path steps, search
// hits and explanations. Each is read-only and holds its atlas (held.hpp).
#include "held.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katlas::python {
namespace {

// The sources with these ids, each held with the atlas.
std::vector<SourceRef> sources_of(const Atlas& atlas, const std::vector<std::string>& ids) {
  std::vector<SourceRef> out;
  for (const std::string& id : ids)
    if (const Source* source = atlas.source(id)) out.push_back({atlas, source});
  return out;
}

// A string as Python writes it ('CYP3A4'), for __repr__.
std::string python_repr(std::string_view text) { return py::repr(py::str(std::string(text))); }

void bind_diagnostic(py::module_& m) {
  py::class_<Diagnostic>(m, "Diagnostic", "One problem found in content: where, what, and how to fix it.")
      .def_property_readonly(
          "severity", [](const Diagnostic& d) { return d.severity == Severity::error ? "error" : "warning"; },
          "'error' (the content cannot be used) or 'warning'.")
      .def_property_readonly("file", [](const Diagnostic& d) { return d.loc.file; })
      .def_property_readonly(
          "line", [](const Diagnostic& d) { return d.loc.line; }, "1-based; 0 when unknown.")
      .def_property_readonly(
          "column", [](const Diagnostic& d) { return d.loc.column; }, "1-based; 0 when unknown.")
      .def_readonly("message", &Diagnostic::message)
      .def_readonly("hint", &Diagnostic::hint, "How to fix it; may be empty.")
      .def("__str__", [](const Diagnostic& d) { return format(d); })
      .def("__repr__", [](const Diagnostic& d) { return "<Diagnostic " + format(d) + ">"; });
}

void bind_source(py::module_& m) {
  py::class_<SourceRef>(m, "Source", "A bibliography entry.")
      .def_property_readonly("id", [](const SourceRef& s) { return s.value->id; })
      .def_property_readonly("authors", [](const SourceRef& s) { return s.value->authors; })
      .def_property_readonly("year", [](const SourceRef& s) { return s.value->year; })
      .def_property_readonly("title", [](const SourceRef& s) { return s.value->title; })
      .def_property_readonly("venue", [](const SourceRef& s) { return s.value->venue; })
      .def_property_readonly("doi", [](const SourceRef& s) { return s.value->doi; })
      .def_property_readonly("url", [](const SourceRef& s) { return s.value->url; })
      .def_property_readonly(
          "link", [](const SourceRef& s) { return s.value->link(); }, "https://doi.org/<doi>, else url.")
      .def_property_readonly("type",
                             [](const SourceRef& s) {
                               return s.value->type ? std::optional<std::string>(to_string(*s.value->type))
                                                    : std::nullopt;
                             })
      .def("__repr__", [](const SourceRef& s) { return "<Source " + s.value->id + ">"; });
}

void bind_concept(py::module_& m) {
  py::class_<ConceptRef>(m, "Concept", "One concept of an atlas. Equal concepts have the same id.")
      .def_property_readonly("id", [](const ConceptRef& c) { return c.value->id; })
      .def_property_readonly("title", [](const ConceptRef& c) { return c.value->title; })
      .def_property_readonly("kind", [](const ConceptRef& c) { return c.value->kind; })
      .def_property_readonly("aliases", [](const ConceptRef& c) { return c.value->aliases; })
      .def_property_readonly(
          "summary", [](const ConceptRef& c) { return c.value->summary; }, "Lay text.")
      .def_property_readonly(
          "details", [](const ConceptRef& c) { return c.value->details; }, "Professional text (Markdown).")
      .def_property_readonly("evidence", [](const ConceptRef& c) { return to_string(c.value->evidence); })
      .def_property_readonly("verdict",
                             [](const ConceptRef& c) {
                               return c.value->verdict ? std::optional<std::string>(to_string(*c.value->verdict))
                                                       : std::nullopt;
                             })
      .def_property_readonly("reviewed", [](const ConceptRef& c) { return c.value->reviewed; })
      .def_property_readonly("sources", [](const ConceptRef& c) { return sources_of(c.atlas, c.value->sources); })
      .def(
          "__eq__", [](const ConceptRef& a, const ConceptRef& b) { return a.value->id == b.value->id; },
          py::is_operator())
      .def("__hash__", [](const ConceptRef& c) { return py::hash(py::str(c.value->id)); })
      .def("__repr__",
           [](const ConceptRef& c) { return "<Concept " + c.value->id + ": " + python_repr(c.value->title) + ">"; });
}

void bind_link_and_step(py::module_& m) {
  py::class_<LinkRef>(m, "Link", "A relation seen from one concept.")
      .def_property_readonly("type", [](const LinkRef& l) { return l.value.type->id; })
      .def_property_readonly(
          "direction", [](const LinkRef& l) { return to_string(l.value.direction); },
          "'out' when the concept asked about holds the relation, else 'in'.")
      .def_property_readonly("other",
                             [](const LinkRef& l) {
                               return ConceptRef{l.atlas, l.value.other};
                             })
      .def_property_readonly("sentence", [](const LinkRef& l) { return l.value.sentence; })
      .def_property_readonly("heading", [](const LinkRef& l) { return l.value.heading; })
      .def_property_readonly("evidence", [](const LinkRef& l) { return to_string(l.value.evidence); })
      .def_property_readonly("evidence_written", [](const LinkRef& l) { return l.value.evidence_written; })
      .def_property_readonly("note", [](const LinkRef& l) { return relation_note(*l.value.relation, false); })
      .def_property_readonly("pro_note", [](const LinkRef& l) { return relation_note(*l.value.relation, true); })
      .def_property_readonly("sources", [](const LinkRef& l) { return sources_of(l.atlas, l.value.relation->sources); })
      .def("__repr__", [](const LinkRef& l) {
        return "<Link " + l.value.type->id + " " + std::string(to_string(l.value.direction)) + " " + l.value.other->id +
               ">";
      });
  py::class_<StepRef>(m, "PathStep", "One step of an explanation path.")
      .def_property_readonly("from_",
                             [](const StepRef& s) {
                               return ConceptRef{s.atlas, s.value.from};
                             })
      .def_property_readonly("to",
                             [](const StepRef& s) {
                               return ConceptRef{s.atlas, s.value.to};
                             })
      .def_property_readonly("type", [](const StepRef& s) { return s.value.type->id; })
      .def_property_readonly(
          "direction", [](const StepRef& s) { return to_string(s.value.direction); },
          "'in' when the step walks a relation backwards.")
      .def_property_readonly("sentence", [](const StepRef& s) { return s.value.sentence; })
      .def_property_readonly("evidence", [](const StepRef& s) { return to_string(s.value.evidence); })
      .def_property_readonly("evidence_written", [](const StepRef& s) { return s.value.evidence_written; })
      .def("__repr__", [](const StepRef& s) {
        return "<PathStep " + s.value.from->id + " " + s.value.type->id + " " +
               std::string(to_string(s.value.direction)) + " " + s.value.to->id + ">";
      });
  py::class_<HitRef>(m, "SearchHit", "A scored search result.")
      .def_property_readonly("concept",
                             [](const HitRef& h) {
                               return ConceptRef{h.atlas, h.value.entry};
                             })
      .def_property_readonly(
          "score", [](const HitRef& h) { return h.value.score; }, "Higher is better; whole-name matches score 90+.")
      .def("__repr__", [](const HitRef& h) {
        return "<SearchHit " + h.value.entry->id + " " + std::string(py::str(py::float_(h.value.score))) + ">";
      });
}

void bind_explanation(py::module_& m) {
  py::class_<ExplanationRef>(m, "Explanation", "An explanation of one concept, ready to render.")
      .def_property_readonly("concept",
                             [](const ExplanationRef& e) {
                               return ConceptRef{e.atlas, e.value.entry};
                             })
      .def_property_readonly(
          "exact", [](const ExplanationRef& e) { return e.value.exact; },
          "False when the query was free text and the best search hit was taken.")
      .def_property_readonly("title", [](const ExplanationRef& e) { return e.value.title; })
      .def_property_readonly("summary", [](const ExplanationRef& e) { return e.value.summary; })
      .def_property_readonly("details", [](const ExplanationRef& e) { return e.value.details; })
      .def_property_readonly("evidence", [](const ExplanationRef& e) { return to_string(e.value.evidence); })
      .def_property_readonly("evidence_explained", [](const ExplanationRef& e) { return e.value.evidence_explained; })
      .def_property_readonly("audience", [](const ExplanationRef& e) { return to_string(e.value.audience); })
      .def_property_readonly("reviewed", [](const ExplanationRef& e) { return e.value.reviewed; })
      .def_property_readonly("reading_grade", [](const ExplanationRef& e) { return e.value.reading_level.grade; })
      .def_property_readonly("reading_ease", [](const ExplanationRef& e) { return e.value.reading_level.reading_ease; })
      .def_property_readonly("citations",
                             [](const ExplanationRef& e) {
                               std::vector<SourceRef> out;
                               for (const Source* s : e.value.citations) out.push_back({e.atlas, s});
                               return out;
                             })
      .def_property_readonly("neighbours",
                             [](const ExplanationRef& e) {
                               std::vector<LinkRef> out;
                               for (const Link& link : e.value.neighbours) out.push_back({e.atlas, link});
                               return out;
                             })
      .def("to_text", [](const ExplanationRef& e) { return to_text(e.value); })
      .def(
          "to_markdown",
          [](const ExplanationRef& e, const std::string& base_url) { return to_markdown(e.value, base_url); },
          py::arg("base_url") = "")
      .def(
          "to_html",
          [](const ExplanationRef& e, const std::string& base_url) { return to_html_fragment(e.value, base_url); },
          py::arg("base_url") = "")
      .def("to_json", [](const ExplanationRef& e) { return to_json(e.value); })
      .def("as_dict",
           [](const ExplanationRef& e) { return py::module_::import("json").attr("loads")(to_json(e.value)); })
      .def("__repr__", [](const ExplanationRef& e) {
        return "<Explanation " + e.value.entry->id + " " + std::string(to_string(e.value.audience)) + ">";
      });
}

}  // namespace

void bind_values(py::module_& m) {
  bind_diagnostic(m);
  bind_source(m);
  bind_concept(m);
  bind_link_and_step(m);
  bind_explanation(m);
}

}  // namespace katlas::python
