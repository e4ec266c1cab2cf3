"""Resolution shared by the whole class: each distinct DOI and URL is fetched once.

Phase one reads every essay's reference list in the workers (no spaCy, no
network); the parent then looks every DOI and URL of the class up through one
:class:`~essaycheck.resolve.Resolver`, which fetches each distinct one once,
and phase two hands each essay its own part of the answers.
"""

from __future__ import annotations

import sys
from typing import Mapping, Sequence

from ..errors import EssaycheckError
from ..model import Reference
from ..settings import Settings

__all__ = ["references_of", "resolve_class"]


def references_of(paths: list[str]) -> list[tuple[str, tuple[Reference, ...]]]:
    """(path, its references) for each readable essay (runs in a worker; unreadable essays are left out)."""
    from ..read import read_document
    from ..references import parse_reference_list
    from ..sections import split_sections

    found = []
    for path in paths:
        try:
            found.append((path, parse_reference_list(split_sections(read_document(path)).references)))
        except EssaycheckError:
            continue  # phase two reports it
    return found


def resolve_class(settings: Settings, references: Mapping[str, Sequence[Reference]], *, log=sys.stderr) -> dict:
    """Path -> :class:`~essaycheck.resolve.Resolution` of that essay, all looked up together."""
    if not settings.resolve or not references:
        return {}
    from ..resolve import Resolver

    paths = list(references)
    targets = {ref.doi or ref.url for refs in references.values() for ref in refs if ref.doi or ref.url}
    if targets and not settings.offline:
        print(f"essaycheck: looking up {len(targets)} distinct DOIs and URLs for the class", file=log)
    with Resolver(settings) as resolver:
        resolutions = resolver.resolve_many([references[path] for path in paths])
    return dict(zip(paths, resolutions))
