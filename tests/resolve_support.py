"""Shared pieces of the resolve tests: a threaded HTTP server on 127.0.0.1, entries, settings.

Imported by the test_resolve_* files (pytest puts tests/ on the path); holds no tests itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from essaycheck.model import Author, Location, Reference
from essaycheck.resolve.config import ResolveConfig
from essaycheck.settings import Settings

FIXTURES = Path(__file__).with_name("http_fixtures")

RAJ_DOI = "10.1177/0146167217697299"
BRAUN_DOI = "10.1191/1478088706qp063oa"
WAKEFIELD_DOI = "10.1016/s0140-6736(97)11096-0"
NOTICE_DOI = "10.1016/s0140-6736(10)60175-4"
CSL = "application/vnd.citationstyles.csl+json"


def load(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else text


@pytest.fixture(scope="module")
def running_server():
    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.stop()


@pytest.fixture
def server(running_server):
    """A threaded local server, emptied for each test; every HTTP test talks to it and nothing else."""
    running_server.clear()
    yield running_server
    running_server.clear()


@pytest.fixture
def doi_stand_in(monkeypatch):
    """A local stand-in for doi.org and Crossref, set as their addresses for the code under test
    (ESSAYCHECK_DOI_URL, ESSAYCHECK_CROSSREF_URL)."""
    stand_in = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    stand_in.start()
    monkeypatch.setenv("ESSAYCHECK_DOI_URL", stand_in.url_for("/doi").rstrip("/"))
    monkeypatch.setenv("ESSAYCHECK_CROSSREF_URL", stand_in.url_for("/crossref").rstrip("/"))
    yield stand_in
    stand_in.clear()
    stand_in.stop()


def config_for(server: HTTPServer, **changes) -> ResolveConfig:
    values = dict(doi_url=server.url_for("/doi").rstrip("/"), crossref_url=server.url_for("/crossref").rstrip("/"),
                  openalex_url=server.url_for("/openalex").rstrip("/"),
                  openlibrary_url=server.url_for("/openlibrary").rstrip("/"),
                  backoff=0.01, max_wait=2.0, body_seconds=2.0)
    values.update(changes)
    return ResolveConfig(**values)


def settings_for(tmp_path, **changes) -> Settings:
    values = dict(cache_dir=str(tmp_path / "cache"), timeout=1.0, concurrency=4, progress=False,
                  mailto="teacher@example.edu")
    values.update(changes)
    return Settings(**values)


def entry(index: int = 0, text: str = "", **fields) -> Reference:
    """A reference built by hand, as the parser would give it."""
    text = text or fields.get("title", "An entry")
    return Reference(index=index, text=text, location=Location(paragraph=20 + index, start=0, end=len(text), text=text),
                     **fields)


RAJ_LINK = f"https://doi.org/{RAJ_DOI}"
RAJ_TEXT = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. "
            f"Personality and Social Psychology Bulletin, 43(6), 772\u2013784. {RAJ_LINK}")


def raj(index: int = 0, **changes) -> Reference:
    fields = dict(type="article-journal", authors=(Author("Raj", "M."), Author("Fast", "N. J."), Author("Fisher", "O.")),
                  authors_text="Raj, M., Fast, N. J., & Fisher, O.", year="2017", year_number=2017,
                  title="Identity and professional networking", container_title="Personality and Social Psychology Bulletin",
                  volume="43", issue="6", pages="772\u2013784", doi=RAJ_DOI, doi_text=RAJ_LINK)
    fields.update(changes)
    text = RAJ_TEXT
    if fields["year"] != "2017":
        text = text.replace("(2017)", f"({fields['year']})")
    if not fields["doi"]:  # the entry without its DOI
        text, fields["doi_text"] = text.replace(f" {RAJ_LINK}", ""), ""
    elif fields["doi"] != RAJ_DOI:
        text = text.replace(RAJ_DOI, fields["doi"])
        fields["doi_text"] = fields["doi_text"].replace(RAJ_DOI, fields["doi"])
    return entry(index, text, **fields)


def wakefield(index: int = 0) -> Reference:
    text = ("Wakefield, A. J., Murch, S. H., Anthony, A., Linnell, J., Casson, D. M., Malik, M., Berelowitz, M., "
            "Dhillon, A. P., Thomson, M. A., Harvey, P., Valentine, A., Davies, S. E., & Walker-Smith, J. A. (1998). "
            "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. "
            "The Lancet, 351(9103), 637\u2013641. https://doi.org/10.1016/S0140-6736(97)11096-0")
    return entry(index, text, type="article-journal", authors=(Author("Wakefield", "A. J."),), year="1998",
                 year_number=1998, title="Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
                 "developmental disorder in children", container_title="The Lancet", volume="351", issue="9103",
                 pages="637\u2013641", doi=WAKEFIELD_DOI, doi_text="https://doi.org/10.1016/S0140-6736(97)11096-0")


def serve_doi(server: HTTPServer, doi: str, fixture: str) -> None:
    server.expect_request(f"/doi/{doi}", headers={"Accept": CSL}).respond_with_json(load(fixture))


def requests_to(server: HTTPServer, prefix: str = "") -> list:
    return [request for request, _ in server.log if request.path.startswith(prefix)]
