// What the Python module's files share: values that point into an atlas, held with the atlas.
#pragma once

#include <katlas/atlas.hpp>
#include <katlas/explain.hpp>

#include <pybind11/pybind11.h>

namespace katlas::python {

namespace py = pybind11;

// A value that points into an atlas (a Concept*, a Link's views), with a copy of the atlas
// that keeps it valid. Copies of an Atlas share their data, so holding one costs a reference
// count, and the Python object stays usable after the Python Atlas is gone.
template <class T>
struct Held {
  Atlas atlas;
  T value;
};

using ConceptRef = Held<const Concept*>;
using SourceRef = Held<const Source*>;
using LinkRef = Held<Link>;
using StepRef = Held<PathStep>;
using HitRef = Held<SearchHit>;
using ExplanationRef = Held<Explanation>;

// Binds Diagnostic, Source, Concept, Link, PathStep, SearchHit and Explanation.
void bind_values(py::module_& m);

}  // namespace katlas::python
