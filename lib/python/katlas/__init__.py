"""Kratom Atlas: evidence-graded content about kratom tolerance as a concept graph, with
queries and explanations.

    >>> import katlas
    >>> atlas = katlas.Atlas.builtin()
    >>> atlas.find("7-OH").id
    'seven-hydroxymitragynine'

Objects that come from an atlas (concepts, links, path steps, explanations) keep it alive:
they stay valid after the Atlas object itself is gone.
"""

from importlib import metadata as _metadata

from ._katlas import (
    Atlas,
    Concept,
    ContentError,
    Diagnostic,
    Explanation,
    Link,
    PathStep,
    SearchHit,
    Source,
)

try:
    __version__ = _metadata.version("katlas")
except _metadata.PackageNotFoundError:  # imported from a build tree, not installed
    __version__ = "0+unknown"

__all__ = [
    "Atlas",
    "Concept",
    "ContentError",
    "Diagnostic",
    "Explanation",
    "Link",
    "PathStep",
    "SearchHit",
    "Source",
]
