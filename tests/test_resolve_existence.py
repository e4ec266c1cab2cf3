"""Does each reference exist? End to end against Crossref, OpenAlex and Open Library played by a local server.

The server answers with the shapes the real services document (Crossref's work list, OpenAlex's
``results``, Open Library's ``docs``); the resolver's endpoints point at /crossref, /openalex and
/openlibrary on 127.0.0.1.
"""

from __future__ import annotations

import json
import time

import pytest
from werkzeug import Response

from essaycheck.model import Author, Severity
from essaycheck.references.parse import parse_reference
from essaycheck.resolve import Resolver, resolve_references
from essaycheck.resolve import openalex, openlibrary
from essaycheck.resolve.config import ResolveConfig
import resolve_support as S  # shared server, entries and settings

server, running_server = S.server, S.running_server  # the fixtures

SMITH_TEXT = ("Smith, A., & Patel, R. (2021). Peer tutoring and retention: A meta-analysis of forty years. "
              "Journal of Learning Gains, 14(3), 201\u2013229.")
TURNER_TEXT = "Turner, Q. (2015). The invisible library of tomorrow. Meridian Academic Press."
KAHNEMAN_TEXT = "Kahneman, D. (2011). Thinking, fast and slow. Farrar, Straus and Giroux. ISBN 978-0-374-27563-1"
DAWKINS_TEXT = "Dawkins, R. (1989). The selfish gene (2nd ed.)."  # a book without its publisher
REPORT_TEXT = ("Okonkwo, A. (2019). Student retention in community colleges: A national survey (Report No. 12). "
               "National Center for Education Statistics.")
THESIS_TEXT = ("Lee, H. (2018). Peer mentoring and first-year persistence [Doctoral dissertation, University of "
               "Michigan]. ProQuest Dissertations and Theses.")
RAJ_OPENALEX = "https://openalex.org/W2604814364"


def run(server, tmp_path, references, settings=None, **config):
    return resolve_references(references, settings or S.settings_for(tmp_path), config=S.config_for(server, **config))


def serve(server, crossref: str | None = None, openalex: str | None = None, openlibrary: str | None = None) -> None:
    """Every search of each service answered with one fixture."""
    for path, fixture in (("/crossref/works", crossref), ("/openalex/works", openalex),
                          ("/openlibrary/search.json", openlibrary)):
        if fixture is not None:
            server.expect_request(path).respond_with_json(S.load(fixture))


def serve_empty(server) -> None:
    serve(server, "crossref-search-empty.json", "openalex-empty.json", "openlibrary-empty.json")


def answering(param: str, fixtures: dict[str, str], default: str):
    """A handler that answers with the fixture whose key occurs in the request's ``param``."""
    def handler(request):
        asked = request.args.get(param, "").lower()
        chosen = next((name for words, name in fixtures.items() if words.lower() in asked), default)
        return Response(json.dumps(S.load(chosen)), content_type="application/json")
    return handler


def book(index: int, text: str):
    reference = parse_reference(text, index)
    assert reference.type == "book"
    return reference


def existence(result, index: int = 0) -> dict:
    return result.records[index]["existence"]


def paths(server) -> list[str]:
    return [request.path for request, _ in server.log]


def raj_without_doi(index: int = 0, **changes):
    return S.raj(index, doi="", **changes)


# --- each verdict -------------------------------------------------------------------------------------


def test_a_work_crossref_has_is_verified_there_and_openalex_is_not_asked(server, tmp_path):
    serve(server, "search-raj2017.crossref.json", "openalex-raj2017.json")
    result = run(server, tmp_path, [raj_without_doi()])
    verdict = existence(result)
    assert verdict == {"verdict": "verified", "source": "Crossref", "link": S.RAJ_LINK, "differences": [],
                       "closest": None, "asked": ["Crossref"], "reason": None}
    assert paths(server) == ["/crossref/works"]
    assert [p.rule for p in result.problems] == ["missing-doi"]


def test_a_work_only_openalex_has_is_verified_from_openalex_asked_after_crossref(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-raj2017.json")
    result = run(server, tmp_path, [raj_without_doi()])
    verdict = existence(result)
    assert verdict["verdict"] == "verified" and verdict["source"] == "OpenAlex"
    assert verdict["link"] == RAJ_OPENALEX and verdict["asked"] == ["Crossref", "OpenAlex"]
    assert verdict["differences"] == [] and verdict["closest"] is None
    assert paths(server) == ["/crossref/works", "/openalex/works"]
    asked = S.requests_to(server, "/openalex")[0]
    assert asked.args["filter"] == "title.search:Identity and professional networking"
    assert asked.args["per-page"] == "10" and asked.args["select"] == openalex.SELECT
    assert asked.args["mailto"] == "teacher@example.edu" and "api_key" not in asked.args
    assert asked.headers["Accept"] == "application/json"
    assert asked.headers["User-Agent"].startswith("essaycheck/")


def test_a_doi_openalex_knows_is_a_missing_doi(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-raj2017.json")
    result = run(server, tmp_path, [raj_without_doi()])
    [problem] = result.problems
    assert problem.rule == "missing-doi" and problem.severity is Severity.WARNING
    assert problem.message.endswith(f"add {S.RAJ_LINK}")
    assert problem.suggestion == f"{raj_without_doi().text} {S.RAJ_LINK}"
    record = result.records[0]
    assert record["status"] == "missing-doi" and record["suggested_doi"] == S.RAJ_DOI


def test_authors_in_another_order_are_a_metadata_mismatch_naming_the_records_first_author(server, tmp_path):
    serve(server, "crossref-search-raj2017-reordered.json", "openalex-raj2017.json")
    result = run(server, tmp_path, [raj_without_doi()])
    verdict = existence(result)
    assert verdict["verdict"] == "found-with-differences" and verdict["source"] == "Crossref"
    assert verdict["differences"] == [{"field": "author-order", "entry": "Raj", "record": "Fast"}]
    assert verdict["asked"] == ["Crossref"]  # found, with differences: nobody else is asked
    mismatch = next(p for p in result.problems if p.rule == "metadata-mismatch")
    assert mismatch.severity is Severity.WARNING
    assert "it has Fast first, your entry has Raj" in mismatch.message
    assert f"the Crossref record of this work ({S.RAJ_LINK})" in mismatch.message
    assert not S.requests_to(server, "/openalex")


def test_a_wrong_year_is_a_metadata_mismatch_with_the_records_year_in_place(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-raj2017.json")
    entry = raj_without_doi(year="2014", year_number=2014)
    result = run(server, tmp_path, [entry])
    verdict = existence(result)
    assert verdict["verdict"] == "found-with-differences" and verdict["source"] == "OpenAlex"
    assert verdict["differences"] == [{"field": "year", "entry": "2014", "record": "2017"}]
    [mismatch] = [p for p in result.problems if p.rule == "metadata-mismatch"]
    assert "it says \"2017\", your entry says \"2014\"" in mismatch.message
    assert mismatch.suggestion == "2017" and mismatch.location.text == "2014"


def test_not_found_is_one_warning_naming_the_services_and_the_closest_record(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-peer-tutoring-near.json")
    result = run(server, tmp_path, [parse_reference(SMITH_TEXT, 0)])
    verdict = existence(result)
    assert verdict["verdict"] == "not-found" and verdict["source"] is None
    assert verdict["asked"] == ["Crossref", "OpenAlex"]
    assert verdict["closest"] == {"source": "OpenAlex", "link": "https://openalex.org/W3011223344",
                                  "title": "Peer tutoring and student retention", "first_author": "Okafor",
                                  "year": 2012}
    [problem] = result.problems
    assert problem.rule == "reference-not-found" and problem.severity is Severity.WARNING and problem.reference == 0
    assert problem.message.startswith("No record of this work in Crossref or OpenAlex.")
    assert ("The closest record is Okafor & Mensah (2012), \u201cPeer tutoring and student retention\u201d, in "
            "Studies in Higher Education (https://openalex.org/W3011223344).") in problem.message


@pytest.mark.parametrize("text, asked, services", [
    (SMITH_TEXT, ["Crossref", "OpenAlex"], "Crossref or OpenAlex"),
    (TURNER_TEXT, ["Open Library", "OpenAlex", "Crossref"], "Open Library, OpenAlex or Crossref"),
], ids=["article", "book"])
def test_the_invented_references_of_the_issue_are_not_found(server, tmp_path, text, asked, services):
    serve_empty(server)
    result = run(server, tmp_path, [parse_reference(text, 0)])
    assert existence(result) == {"verdict": "not-found", "source": None, "link": None, "differences": [],
                                 "closest": None, "asked": asked, "reason": f"nothing close in {services}"}
    [problem] = result.problems
    assert problem.rule == "reference-not-found" and problem.severity is Severity.WARNING
    assert problem.message.startswith(f"No record of this work in {services}. Check that it exists")
    assert "The closest record" not in problem.message
    assert len(server.log) == len(asked)  # each service asked once


def test_both_invented_references_in_one_essay_beside_a_real_one(server, tmp_path):
    server.expect_request("/crossref/works").respond_with_handler(
        answering("query.bibliographic", {"Identity and professional networking": "search-raj2017.crossref.json"},
                  "crossref-search-empty.json"))
    serve(server, openalex="openalex-empty.json", openlibrary="openlibrary-empty.json")
    essay = [raj_without_doi(0), parse_reference(SMITH_TEXT, 1), parse_reference(TURNER_TEXT, 2)]
    result = run(server, tmp_path, essay)
    assert [existence(result, i)["verdict"] for i in range(3)] == ["verified", "not-found", "not-found"]
    assert sorted((p.reference, p.rule) for p in result.problems) == [
        (0, "missing-doi"), (1, "reference-not-found"), (2, "reference-not-found")]


def test_the_same_title_by_other_people_in_another_year_is_not_checked_and_not_reported(server, tmp_path):
    serve(server, "crossref-search-near-miss.json", "openalex-empty.json")
    result = run(server, tmp_path, [raj_without_doi()])
    verdict = existence(result)
    assert verdict["verdict"] == "not-checked" and verdict["source"] is None
    assert verdict["asked"] == ["Crossref", "OpenAlex"]
    assert verdict["closest"]["first_author"] == "Jones" and verdict["closest"]["year"] == 2009
    assert "similar title" in verdict["reason"]
    assert result.problems == ()


def test_an_unrelated_record_from_openalex_does_not_stand_in_for_the_work(server, tmp_path):
    raj_work = S.load("openalex-raj2017.json")
    raj_work["results"] = raj_work["results"][1:]  # only the other paper on professional identity
    server.expect_request("/crossref/works").respond_with_json(S.load("crossref-search-empty.json"))
    server.expect_request("/openalex/works").respond_with_json(raj_work)
    verdict = existence(run(server, tmp_path, [raj_without_doi()]))
    assert verdict["verdict"] == "not-found"
    assert verdict["closest"]["first_author"] == "Lindqvist" and verdict["closest"]["year"] == 2012


@pytest.mark.parametrize("text", [REPORT_TEXT, THESIS_TEXT], ids=["report", "thesis"])
def test_reports_and_theses_are_looked_up_but_never_not_found(server, tmp_path, text):
    serve_empty(server)
    result = run(server, tmp_path, [parse_reference(text, 0)])
    verdict = existence(result)
    assert verdict["verdict"] == "not-checked" and verdict["asked"] == ["Crossref", "OpenAlex"]
    assert "often missing" in verdict["reason"]
    assert result.problems == ()


def test_web_pages_are_not_looked_up(server, tmp_path):
    server.expect_request("/obesity").respond_with_data("<html><head><title>Obesity</title></head></html>",
                                                        content_type="text/html")
    page = parse_reference("World Health Organization. (2020, March 3). Obesity and overweight facts for schools. "
                           f"{server.url_for('/obesity')}", 0)
    assert page.type == "webpage"
    result = run(server, tmp_path, [page], settings=S.settings_for(tmp_path, allow_private_urls=True))
    assert set(paths(server)) == {"/obesity"}  # the link is checked (HEAD, then GET); no index is asked
    assert existence(result)["verdict"] == "not-checked"
    assert existence(result)["reason"] == "this kind of work is not looked up"


def test_a_working_doi_is_the_evidence_and_nothing_is_searched(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    result = run(server, tmp_path, [S.raj()])
    assert paths(server) == [f"/doi/{S.RAJ_DOI}"] and result.problems == ()
    assert existence(result) == {"verdict": "verified", "source": "doi.org", "link": S.RAJ_LINK, "differences": [],
                                 "closest": None, "asked": ["doi.org"], "reason": None}


def test_a_doi_whose_record_differs_is_found_with_differences(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    result = run(server, tmp_path, [S.raj(year="2015", year_number=2015)])
    verdict = existence(result)
    assert verdict["verdict"] == "found-with-differences" and verdict["source"] == "doi.org"
    assert verdict["differences"] == [{"field": "year", "entry": "2015", "record": "2017"}]
    assert [p.rule for p in result.problems] == ["metadata-mismatch"]  # reported once, by the DOI check


def test_a_doi_answered_by_crossref_names_crossref_as_the_source(server, tmp_path):
    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_data("", status=406)
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_json(S.load("raj2017.crossref.json"))
    result = run(server, tmp_path, [S.raj()])
    assert "/crossref/works" not in paths(server) and result.problems == ()
    verdict = existence(result)
    assert verdict["verdict"] == "verified" and verdict["source"] == "Crossref" and verdict["asked"] == ["Crossref"]


# --- books ---------------------------------------------------------------------------------------------


def test_a_book_with_an_isbn_is_looked_up_by_it_in_open_library(server, tmp_path):
    serve(server, openlibrary="openlibrary-kahneman.json")
    result = run(server, tmp_path, [book(0, KAHNEMAN_TEXT)])
    [asked] = S.requests_to(server, "/openlibrary")
    assert asked.path == "/openlibrary/search.json"
    assert asked.args["isbn"] == "9780374275631" and "title" not in asked.args and "author" not in asked.args
    assert asked.args["fields"] == openlibrary.FIELDS and asked.args["limit"] == "10"
    verdict = existence(result)
    assert verdict["verdict"] == "verified" and verdict["source"] == "Open Library"
    assert verdict["link"] == server.url_for("/openlibrary/works/OL15936512W")
    assert verdict["asked"] == ["Open Library"] and paths(server) == ["/openlibrary/search.json"]
    assert result.problems == ()


def test_a_book_without_an_isbn_is_looked_up_by_title_and_author(server, tmp_path):
    serve(server, openlibrary="openlibrary-dawkins.json")
    result = run(server, tmp_path, [book(0, DAWKINS_TEXT)])
    [asked] = S.requests_to(server, "/openlibrary")
    assert asked.args["title"] == "The selfish gene" and asked.args["author"] == "Dawkins"
    assert "isbn" not in asked.args
    verdict = existence(result)
    assert verdict["verdict"] == "verified" and verdict["source"] == "Open Library"
    assert verdict["link"] == server.url_for("/openlibrary/works/OL1966505W")


def test_a_book_found_without_the_publisher_in_the_entry_is_a_missing_publisher(server, tmp_path):
    serve(server, openlibrary="openlibrary-dawkins.json")
    [problem] = run(server, tmp_path, [book(0, DAWKINS_TEXT)]).problems
    assert problem.rule == "missing-publisher" and problem.severity is Severity.WARNING
    assert problem.message == ("Your entry does not say who published this book. Open Library lists Oxford "
                               "University Press: add the publisher of the edition you used after the title.")


def test_the_other_editions_publishers_are_counted_in_missing_publisher(server, tmp_path):
    serve(server, openlibrary="openlibrary-kahneman.json")
    [problem] = run(server, tmp_path, [book(0, "Kahneman, D. (2013). Thinking, fast and slow (Rev. ed.).")]).problems
    assert problem.rule == "missing-publisher"
    assert "Open Library lists Farrar, Straus and Giroux (and 2 others for other editions)" in problem.message


def test_an_isbn_is_not_a_publisher(server, tmp_path):
    serve(server, openlibrary="openlibrary-kahneman.json")
    entry = book(0, "Kahneman, D. (2011). Thinking, fast and slow. ISBN 978-0-374-27563-1")
    result = run(server, tmp_path, [entry])
    assert existence(result)["verdict"] == "verified"
    assert [p.rule for p in result.problems] == ["missing-publisher"]


def test_a_book_open_library_lacks_is_asked_of_openalex_then_crossref(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-empty.json", "openlibrary-empty.json")
    result = run(server, tmp_path, [book(0, TURNER_TEXT)])
    assert paths(server) == ["/openlibrary/search.json", "/openalex/works", "/crossref/works"]
    assert existence(result)["asked"] == ["Open Library", "OpenAlex", "Crossref"]


# --- faults --------------------------------------------------------------------------------------------


def test_a_429_from_openalex_is_retried_after_the_time_it_asks_for(server, tmp_path):
    serve(server, crossref="crossref-search-empty.json")
    server.expect_oneshot_request("/openalex/works").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"})
    serve(server, openalex="openalex-raj2017.json")
    started = time.monotonic()
    result = run(server, tmp_path, [raj_without_doi()])
    assert time.monotonic() - started >= 0.95
    assert len(S.requests_to(server, "/openalex")) == 2
    assert existence(result)["verdict"] == "verified" and existence(result)["source"] == "OpenAlex"


def test_a_server_error_leaves_that_entry_not_checked_and_the_rest_of_the_report_intact(server, tmp_path):
    server.expect_request("/crossref/works").respond_with_handler(
        answering("query.bibliographic", {"Identity and professional networking": "search-raj2017.crossref.json"},
                  "crossref-search-empty.json"))
    server.expect_request("/openalex/works").respond_with_data("upstream timed out", status=503)
    essay = [raj_without_doi(0), parse_reference(SMITH_TEXT, 1)]
    result = run(server, tmp_path, essay)
    assert existence(result, 0)["verdict"] == "verified"
    broken = existence(result, 1)
    assert broken["verdict"] == "not-checked" and broken["asked"] == ["Crossref"]
    assert broken["reason"] == "OpenAlex could not be asked this time"
    assert result.records[1]["note"] == "the lookup could not run: OpenAlex answered 503 SERVICE UNAVAILABLE"
    assert [(p.reference, p.rule) for p in result.problems] == [(0, "missing-doi")]
    assert len(S.requests_to(server, "/openalex")) == 4  # the first try and three retries


def test_a_service_that_does_not_answer_in_time_leaves_the_entry_not_checked(server, tmp_path):
    def sleepy(request):
        time.sleep(0.4)
        return Response(json.dumps(S.load("openalex-raj2017.json")), content_type="application/json")

    serve(server, crossref="crossref-search-empty.json")
    server.expect_request("/openalex/works").respond_with_handler(sleepy)
    started = time.monotonic()
    result = run(server, tmp_path, [raj_without_doi()], settings=S.settings_for(tmp_path, timeout=0.15))
    assert time.monotonic() - started < 1
    verdict = existence(result)
    assert verdict["verdict"] == "not-checked" and verdict["reason"] == "OpenAlex could not be asked this time"
    assert "did not answer in time" in result.records[0]["note"]
    assert result.problems == ()
    deadline = time.monotonic() + 2
    while not S.requests_to(server, "/openalex") and time.monotonic() < deadline:
        time.sleep(0.02)  # let the slow answer finish here, not in the next test's log
    assert len(S.requests_to(server, "/openalex")) == 1  # a timeout is not retried


@pytest.mark.parametrize("service, body, content_type, note", [
    ("openalex", "{not json", "application/json", "the answer was not JSON (text)"),
    ("openalex", "<html><body>Bad gateway</body></html>", "text/html", "the answer was not JSON (html)"),
    ("openalex", '{"meta": {"count": 0}}', "application/json", "OpenAlex's answer had no list of works"),
    ("openlibrary", "", "application/json", "the answer was not JSON (empty)"),
    ("openlibrary", '{"numFound": 0, "docs": null}', "application/json", "Open Library's answer had no list of books"),
    ("crossref", '{"status": "ok", "message": {}}', "application/json",
     "Crossref's search answer had no list of works"),
])
def test_an_unreadable_answer_leaves_the_entry_not_checked(server, tmp_path, service, body, content_type, note):
    server.expect_request(f"/{service}/" + ("search.json" if service == "openlibrary" else "works")).respond_with_data(
        body, content_type=content_type)
    serve_empty(server)  # the others answer, and have nothing
    result = run(server, tmp_path, [book(0, TURNER_TEXT)])
    verdict = existence(result)
    name = {"openalex": "OpenAlex", "openlibrary": "Open Library", "crossref": "Crossref"}[service]
    assert verdict["verdict"] == "not-checked" and verdict["reason"] == f"{name} could not be asked this time"
    assert name not in verdict["asked"] and len(verdict["asked"]) == 2
    assert note in result.records[0]["note"]
    assert result.problems == ()  # never "not found" when a service could not say


def test_a_service_that_failed_three_times_is_not_asked_again(server, tmp_path):
    server.expect_request("/crossref/works").respond_with_data("boom", status=500)
    serve(server, openalex="openalex-empty.json")
    titles = ["Peer tutoring and retention in engineering", "Study habits of first-year nursing students",
              "Feedback literacy in large lecture courses", "Belonging and persistence among commuter students",
              "Academic advising and time to degree"]
    essay = [S.entry(i, f"Author, A. ({2010 + i}). {title}. Journal of Studies, 3(1), 1\u201310.",
                     type="article-journal", authors=(Author("Author", "A."),), year=str(2010 + i),
                     year_number=2010 + i, title=title) for i, title in enumerate(titles)]
    result = run(server, tmp_path, essay, settings=S.settings_for(tmp_path, concurrency=1), retries=0)
    assert len(S.requests_to(server, "/crossref")) == 3
    assert len(S.requests_to(server, "/openalex")) == 5  # OpenAlex still answers for every entry
    for index in range(5):
        verdict = existence(result, index)
        assert verdict["verdict"] == "not-checked" and verdict["reason"] == "Crossref could not be asked this time"
        assert verdict["asked"] == ["OpenAlex"]
    assert "did not answer earlier in this run" in result.records[4]["note"]
    assert "Crossref answered 500" in result.records[0]["note"]
    assert result.problems == ()


# --- settings and configuration ---------------------------------------------------------------------------


def test_lookups_limited_to_crossref_ask_only_crossref(server, tmp_path):
    serve_empty(server)
    settings = S.settings_for(tmp_path, lookups=("crossref",))
    result = run(server, tmp_path, [parse_reference(SMITH_TEXT, 0), book(1, TURNER_TEXT)], settings=settings)
    assert paths(server) == ["/crossref/works", "/crossref/works"]
    assert existence(result, 0)["asked"] == ["Crossref"] and existence(result, 1)["asked"] == ["Crossref"]
    assert existence(result, 0)["verdict"] == "not-found"


def test_no_lookups_at_all_leaves_entries_without_a_doi_unchecked(server, tmp_path):
    result = run(server, tmp_path, [parse_reference(SMITH_TEXT, 0)], settings=S.settings_for(tmp_path, lookups=()))
    assert server.log == [] and result.problems == () and result.records == {}


@pytest.mark.parametrize("cache", [True, False])
def test_offline_sends_nothing_and_checks_nothing(server, tmp_path, cache):
    serve_empty(server)
    settings = S.settings_for(tmp_path, offline=True, cache=cache)
    essay = [raj_without_doi(0), parse_reference(SMITH_TEXT, 1), book(2, TURNER_TEXT)]
    result = run(server, tmp_path, essay, settings=settings)
    assert server.log == []
    assert [existence(result, i)["verdict"] for i in range(3)] == ["not-checked"] * 3
    assert existence(result, 0)["reason"] == "Crossref and OpenAlex could not be asked this time"
    reason = existence(result, 2)["reason"]
    assert reason.endswith(" could not be asked this time")
    assert all(name in reason for name in ("Crossref", "OpenAlex", "Open Library"))
    assert result.problems == ()


def test_offline_answers_from_what_an_earlier_run_cached(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-raj2017.json")
    online = run(server, tmp_path, [raj_without_doi()])
    server.clear_log()
    offline = run(server, tmp_path, [raj_without_doi()], settings=S.settings_for(tmp_path, offline=True))
    assert server.log == []
    assert existence(offline) == existence(online) and existence(offline)["source"] == "OpenAlex"


def test_a_second_run_with_the_same_cache_sends_nothing_and_gives_the_same_verdicts(server, tmp_path):
    server.expect_request("/crossref/works").respond_with_handler(
        answering("query.bibliographic",
                  {"Identity and professional networking": "crossref-search-raj2017-reordered.json"},
                  "crossref-search-empty.json"))
    serve(server, openalex="openalex-peer-tutoring-near.json", openlibrary="openlibrary-kahneman.json")
    essay = [raj_without_doi(0), parse_reference(SMITH_TEXT, 1), book(2, KAHNEMAN_TEXT)]
    first = run(server, tmp_path, essay)
    assert [existence(first, i)["verdict"] for i in range(3)] == ["found-with-differences", "not-found", "verified"]
    sent = len(server.log)
    assert sent == 4
    with Resolver(S.settings_for(tmp_path), config=S.config_for(server)) as fresh:
        again = fresh.resolve(essay)
    assert len(server.log) == sent
    assert again == first


def test_the_openalex_key_is_sent_but_not_part_of_the_cache_key(server, tmp_path):
    serve(server, "crossref-search-empty.json", "openalex-raj2017.json")
    first = run(server, tmp_path, [raj_without_doi()], openalex_api_key="key-one-secret")
    [asked] = S.requests_to(server, "/openalex")
    assert asked.args["api_key"] == "key-one-secret" and asked.args["mailto"] == "teacher@example.edu"
    again = run(server, tmp_path, [raj_without_doi()], openalex_api_key="key-two-secret")
    assert len(S.requests_to(server, "/openalex")) == 1  # answered from the cache
    assert existence(again) == existence(first) and existence(again)["source"] == "OpenAlex"
    stored = (tmp_path / "cache" / "http-cache.sqlite").read_bytes()
    for extra in tmp_path.glob("cache/http-cache.sqlite-*"):
        stored += extra.read_bytes()
    assert b"title.search" in stored  # the request is there, without the key
    assert b"key-one-secret" not in stored and b"key-two-secret" not in stored


def test_resolve_config_reads_the_new_services_from_the_environment():
    config = ResolveConfig.from_env({"ESSAYCHECK_OPENALEX_URL": "http://127.0.0.1:8001/oa/",
                                     "ESSAYCHECK_OPENLIBRARY_URL": "http://127.0.0.1:8002/ol",
                                     "ESSAYCHECK_OPENALEX_API_KEY": "k-123"})
    assert config.openalex_url == "http://127.0.0.1:8001/oa"
    assert config.openlibrary_url == "http://127.0.0.1:8002/ol"
    assert config.openalex_api_key == "k-123"
    defaults = ResolveConfig.from_env({})
    assert defaults.openalex_url == "https://api.openalex.org" and defaults.openlibrary_url == "https://openlibrary.org"
    assert defaults.openalex_api_key is None
    assert ResolveConfig.from_env({"ESSAYCHECK_OPENALEX_API_KEY": ""}).openalex_api_key is None


def test_urls_in_the_settings_override_the_configuration(server, tmp_path):
    serve(server, crossref="crossref-search-empty.json")
    server.expect_request("/mirror/works").respond_with_json(S.load("openalex-raj2017.json"))
    settings = S.settings_for(tmp_path, openalex_url=server.url_for("/mirror") + "/")
    with Resolver(settings, config=S.config_for(server)) as resolver:
        assert resolver.config.openalex_url == server.url_for("/mirror")
        assert resolver.config.openlibrary_url == server.url_for("/openlibrary")  # not named: the config's
        result = resolver.resolve([raj_without_doi()])
    assert paths(server) == ["/crossref/works", "/mirror/works"]
    assert existence(result)["source"] == "OpenAlex"


def test_published_rates_apply_to_the_public_services_only():
    assert ResolveConfig().published_rates(True) == {"api.openalex.org": 10.0, "openlibrary.org": 3.0}
    assert ResolveConfig().published_rates(False) == {"api.openalex.org": 10.0, "openlibrary.org": 1.0}
    local = ResolveConfig(openalex_url="http://127.0.0.1:8001/openalex", openlibrary_url="http://127.0.0.1:8001/ol")
    assert local.published_rates(True) == {} and local.published_rates(False) == {}
    mixed = ResolveConfig.from_env({"ESSAYCHECK_OPENLIBRARY_URL": "https://openlibrary.org/"})
    assert mixed.published_rates(True) == {"api.openalex.org": 10.0, "openlibrary.org": 3.0}
