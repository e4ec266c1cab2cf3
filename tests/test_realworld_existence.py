"""Does a real reference come out as existing? Forty real entries against stand-in answers of the services.

Calling a real reference "not found" is the worst mistake the existence check can make. Each entry
of ``realworld/existence_standins.json`` is a real entry of a document in ``../shared/realworld``
(third-party, never committed), found by parsing the document as essaycheck does and locating the
gold entry as ``realworld_score.py`` does. Its DOI and link are taken away, and the service that
covers its kind answers with the real work's record, written the way that service writes it:
another case, no subtitle, HTML, odd dashes, initials, another order, a year off by one, a near
neighbour ranked first. The entry must come out verified or found with differences; with a few
words of its title changed, or another first author, it must not come out verified; and with no
service answering, every verdict is "not checked". The tests skip when the documents are absent.
"""

from __future__ import annotations

import json
import re
import socket
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from essaycheck.model import Author, Reference
from essaycheck.read import read_document
from essaycheck.references import parse_reference_list
from essaycheck.resolve import resolve_references
from essaycheck.sections import split_sections
import resolve_support as S  # shared server, entries and settings
from realworld import realworld_score

server, running_server = S.server, S.running_server

CASES = json.loads((Path(__file__).parent / "realworld" / "existence_standins.json").read_text(encoding="utf-8"))[
    "entries"]
FOUND = ("verified", "found-with-differences")
# Where each service is asked, and how it wraps its list of records.
SEARCH_PATHS = {"crossref": "/crossref/works", "openalex": "/openalex/works", "openlibrary": "/openlibrary/search.json"}
ENVELOPES = {
    "crossref": lambda items: {"status": "ok", "message-type": "work-list",
                               "message": {"total-results": len(items), "items": items}},
    "openalex": lambda works: {"meta": {"count": len(works)}, "results": works},
    "openlibrary": lambda docs: {"numFound": len(docs), "docs": docs},
}
OTHER_WORDS = ("harbour", "orchestra")  # what replaces two words of a title
OTHER_AUTHOR = "Lindqvist"  # a family name no stand-in record has
_SHORT_WORDS = {"with", "from", "into", "that", "this", "their", "about", "between", "using", "based"}

pytestmark = pytest.mark.skipif(not (realworld_score.corpus_dir() / "docs").is_dir(),
                                reason="../shared/realworld is not here")


def cases_for(check: str) -> list:
    """The cases, each named by its entry id, marked xfail where essaycheck gets ``check`` wrong today."""
    return [pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(reason=case["xfail"][check], strict=True)]
                         if check in case.get("xfail", {}) else []) for case in CASES]


@cache
def entries_of(stem: str) -> dict[str, Reference]:
    """Gold id -> the entry essaycheck parses from the document, matched as realworld_score.py matches them."""
    gold = realworld_score.load_gold(stem)
    document = read_document(realworld_score.corpus_dir() / "docs" / gold["document"])
    references = parse_reference_list(split_sections(document).references)
    mapping = realworld_score._index_map(gold, document)
    free, found = list(gold["references"]), {}
    for ref in references:
        lead = realworld_score.author_key(ref.text.lstrip("•*-–0123456789.[]() "))
        here = [g for g in free if mapping.get(g["p"], g["p"]) == ref.location.paragraph]
        match = next((g for g in here if realworld_score.author_key(g["lead"]) == lead), None) or next(iter(here), None)
        if match:
            free.remove(match)
            found[match["id"]] = ref
    return found


def entry_of(case: dict, index: int = 0) -> Reference:
    """The case's entry as parsed, without its DOI or link (the lookups are what is tested)."""
    stem, gold_id = case["id"].split(":", 1)
    reference = entries_of(stem).get(gold_id)
    assert reference is not None, f"{case['id']}: no parsed entry matches this gold entry"
    return replace(reference, index=index, doi="", doi_text="", url="")


def serve(server, case: dict) -> None:
    """The case's service answers with its records; the others know nothing."""
    for service, path in SEARCH_PATHS.items():
        records = case["answer"] if service == case["service"] else []
        server.expect_request(path).respond_with_json(ENVELOPES[service](records))


def verdicts(server, tmp_path, references: list[Reference], run: str, **config) -> dict[int, dict]:
    settings = S.settings_for(tmp_path / run)
    result = resolve_references(references, settings, config=S.config_for(server, **config))
    # an entry of a kind that is not looked up has no record: not checked
    return {ref.index: (result.records.get(ref.index) or {}).get("existence") or {"verdict": "not-checked"}
            for ref in references}


def verdict(server, tmp_path, reference: Reference, run: str) -> dict:
    return verdicts(server, tmp_path, [reference], run)[reference.index]


def described(found: dict) -> str:
    return f"{found['verdict']} ({found.get('reason') or found.get('differences') or found.get('source')})"


def with_title_changed(reference: Reference) -> Reference:
    """Two words of the main title (of the whole title when the main one is too short) replaced."""
    title = reference.title
    main = re.split(r"[:?!]\s", title, maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W\d_]{4,}", main) if w.lower() not in _SHORT_WORDS]
    if len(words) < 2:
        words = [w for w in re.findall(r"[^\W\d_]{4,}", title) if w.lower() not in _SHORT_WORDS]
    changed = title
    for old, new in zip((words[0], words[-1]), OTHER_WORDS):
        changed = re.sub(rf"\b{re.escape(old)}\b", new, changed, count=1)
    assert changed != title
    return replace(reference, title=changed, text=reference.text.replace(title, changed, 1))


def with_first_author_changed(reference: Reference) -> Reference:
    """The first author (or the group, or nobody) replaced by someone the records do not name."""
    first = reference.authors[0] if reference.authors else Author()
    other = Author(OTHER_AUTHOR, first.given or "K.")
    text = reference.text.replace(first.name, OTHER_AUTHOR, 1) if first.name else f"{OTHER_AUTHOR}, K. {reference.text}"
    return replace(reference, authors=(other,) + reference.authors[1:], text=text,
                   authors_text=reference.authors_text.replace(first.name, OTHER_AUTHOR, 1) if first.name else "")


@pytest.mark.parametrize("case", cases_for("found"))
def test_a_real_entry_is_found(server, tmp_path, case):
    serve(server, case)
    found = verdict(server, tmp_path, entry_of(case), "as-written")
    assert found["verdict"] in FOUND, described(found)


@pytest.mark.parametrize("case", cases_for("title"))
def test_the_entry_with_its_title_changed_is_not_verified(server, tmp_path, case):
    serve(server, case)
    found = verdict(server, tmp_path, with_title_changed(entry_of(case)), "title-changed")
    assert found["verdict"] != "verified", described(found)


@pytest.mark.parametrize("case", cases_for("author"))
def test_the_entry_with_another_first_author_is_not_verified(server, tmp_path, case):
    serve(server, case)
    found = verdict(server, tmp_path, with_first_author_changed(entry_of(case)), "author-changed")
    assert found["verdict"] != "verified", described(found)


def _closed_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]


@pytest.mark.parametrize("outage", ["every service answers 503", "nothing listens"])
def test_with_no_service_answering_every_verdict_is_not_checked(server, tmp_path, outage):
    references = [entry_of(case, index) for index, case in enumerate(CASES)]
    if outage == "nothing listens":
        base = f"http://127.0.0.1:{_closed_port()}"
        urls = {name: f"{base}/{name}" for name in ("doi", "crossref", "openalex", "openlibrary")}
        found = verdicts(server, tmp_path, references, "down", **{f"{name}_url": url for name, url in urls.items()})
    else:
        for path in (*SEARCH_PATHS.values(), re.compile("^/doi/.*")):
            server.expect_request(path).respond_with_data("Service Unavailable", status=503)
        found = verdicts(server, tmp_path, references, "down")
    wrong = {CASES[i]["id"]: described(v) for i, v in found.items() if v["verdict"] != "not-checked"}
    assert not wrong
