"""Resolution shared by the whole class: each distinct DOI and URL is fetched once.

Phase one reads every essay's reference list (no spaCy, no network) in the
workers; the parent then resolves one reference per distinct DOI or URL, which
fills the on-disk cache; phase two checks the essays with ``offline=True``, so
every answer comes from that cache and nothing is fetched twice. Without a
cache (``--no-cache``) the batch uses a temporary one for its own run.
"""

from __future__ import annotations

import sys
import tempfile
from contextlib import contextmanager
from typing import Iterable, Iterator

from ..errors import EssaycheckError
from ..model import Reference
from ..settings import Settings

__all__ = ["references_of", "distinct_targets", "shared_resolution"]


def references_of(paths: list[str]) -> list[Reference]:
    """The references with a DOI or URL in each essay (runs in a worker; unreadable essays give none)."""
    from ..read import read_document
    from ..references import parse_reference_list
    from ..sections import split_sections

    found: list[Reference] = []
    for path in paths:
        try:
            references = parse_reference_list(split_sections(read_document(path)).references)
        except EssaycheckError:
            continue  # phase two reports it
        found.extend(ref for ref in references if ref.doi or ref.url)
    return found


def distinct_targets(references: Iterable[Reference]) -> list[Reference]:
    """One reference per distinct DOI (or URL when it has no DOI), first seen first."""
    seen: set[str] = set()
    chosen = []
    for ref in references:
        key = f"doi:{ref.doi.lower()}" if ref.doi else f"url:{ref.url}"
        if key not in seen:
            seen.add(key)
            chosen.append(ref)
    return chosen


def resolver_available() -> bool:
    try:
        from ..resolve import resolve_references  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def shared_resolution(settings: Settings, references: list[Reference], *, log=sys.stderr) -> Iterator[Settings]:
    """Resolve ``references`` once and yield the settings phase two should use (cache only)."""
    if not settings.resolve or settings.offline or not references:
        yield settings
        return
    from ..resolve import resolve_references

    with _cache_for_the_run(settings) as cached:
        targets = distinct_targets(references)
        print(f"essaycheck: looking up {len(targets)} distinct DOIs and URLs for the class", file=log)
        resolve_references(tuple(targets), cached)
        yield cached.updated(offline=True, concurrency=1)  # answers come from the local cache: no threads needed


@contextmanager
def _cache_for_the_run(settings: Settings) -> Iterator[Settings]:
    if settings.cache:
        yield settings
        return
    with tempfile.TemporaryDirectory(prefix="essaycheck-batch-cache-") as folder:
        yield settings.updated(cache=True, cache_dir=folder)
