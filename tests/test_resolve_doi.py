"""DOIs end to end against a local server: found, not found, mismatch, retracted, missing DOI."""

from __future__ import annotations


from essaycheck.model import Severity
from essaycheck.resolve import Resolver, resolve_references
import resolve_support as S  # shared server, entries and settings

server, running_server = S.server, S.running_server  # the fixtures


def run(server, tmp_path, references, settings=None, **config):
    settings = settings or S.settings_for(tmp_path)
    return resolve_references(references, settings, config=S.config_for(server, **config))


def rules(resolution):
    return [p.rule for p in resolution.problems]


def test_a_correct_entry_resolves_by_content_negotiation_and_has_no_problem(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    result = run(server, tmp_path, [S.raj()])
    assert result.problems == ()
    record = result.records[0]
    assert record["status"] == "ok" and record["source"] == "doi.org"
    assert record["csl"]["title"] == "Identity and Professional Networking"
    assert record["csl"]["type"] == "article-journal" and record["csl"]["issued"] == {"date-parts": [[2017, 6]]}
    request = S.requests_to(server)[0]
    assert request.headers["Accept"] == S.CSL
    assert request.headers["User-Agent"].startswith("essaycheck/")
    assert "mailto:teacher@example.edu" in request.headers["User-Agent"]


def test_crossref_is_asked_when_doi_org_gives_no_record(server, tmp_path):
    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_data("<html>landing page</html>", content_type="text/html")
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_json(S.load("raj2017.crossref.json"))
    result = run(server, tmp_path, [S.raj()])
    assert result.problems == ()
    assert result.records[0]["source"] == "crossref"
    assert result.records[0]["csl"]["container-title"] == "Personality and Social Psychology Bulletin"
    crossref = S.requests_to(server, "/crossref")[0]
    assert crossref.args["mailto"] == "teacher@example.edu"


def test_a_doi_that_does_not_exist_is_an_error_and_the_search_offers_the_right_one(server, tmp_path):
    typo = "10.1177/0146167217697298"
    server.expect_request(f"/doi/{typo}").respond_with_data("DOI Not Found", status=404)
    server.expect_request("/crossref/works").respond_with_json(S.load("search-raj2017.crossref.json"))
    result = run(server, tmp_path, [S.raj(doi=typo)])
    [problem] = result.problems
    assert problem.rule == "doi-not-found" and problem.severity is Severity.ERROR
    assert typo in problem.message and "does not exist" in problem.message
    assert problem.suggestion == S.RAJ_LINK
    assert problem.location.text.lower() == f"https://doi.org/{typo}" and problem.reference == 0
    assert result.records[0]["status"] == "not-found"
    search = S.requests_to(server, "/crossref/works")[0]
    assert "Identity and professional networking" in search.args["query.bibliographic"]
    assert typo not in search.args["query.bibliographic"]


def test_a_doi_of_another_work_is_a_mismatch_naming_that_work_and_the_right_doi(server, tmp_path):
    S.serve_doi(server, S.BRAUN_DOI, "braun2006.csl.json")
    server.expect_request("/crossref/works").respond_with_json(S.load("search-raj2017.crossref.json"))
    result = run(server, tmp_path, [S.raj(doi=S.BRAUN_DOI)])
    [problem] = result.problems
    assert problem.rule == "doi-mismatch"
    assert "Braun & Clarke (2006)" in problem.message and "Using thematic analysis in psychology" in problem.message
    assert problem.suggestion == S.RAJ_LINK
    assert result.records[0]["status"] == "mismatch" and result.records[0]["suggested_doi"] == S.RAJ_DOI


def test_a_mismatch_without_a_confident_search_result_gives_no_suggestion(server, tmp_path):
    S.serve_doi(server, S.BRAUN_DOI, "braun2006.csl.json")
    server.expect_request("/crossref/works").respond_with_json(S.load("search-nothing.crossref.json"))
    [problem] = run(server, tmp_path, [S.raj(doi=S.BRAUN_DOI)]).problems
    assert problem.rule == "doi-mismatch" and problem.suggestion is None
    assert "search.crossref.org" in problem.message


def test_a_wrong_year_and_journal_are_metadata_mismatches_with_the_real_values(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    entry = S.raj(year="2016", year_number=2016, container_title="Journal of Personality and Social Psychology")
    entry = S.entry(0, entry.text.replace("Personality and Social Psychology Bulletin",
                                          "Journal of Personality and Social Psychology"),
                    **{k: getattr(entry, k) for k in ("type", "authors", "year", "year_number", "title", "container_title",
                                                     "volume", "issue", "pages", "doi", "doi_text")})
    result = run(server, tmp_path, [entry])
    found = {p.message.split(" in your entry")[0]: p for p in result.problems}
    assert rules(result) == ["metadata-mismatch", "metadata-mismatch"]
    year = found["The year"]
    assert year.severity is Severity.WARNING and year.suggestion == "2017" and year.location.text == "2016"
    assert "it says \"2017\"" in year.message
    assert found["The journal name"].suggestion == "Personality and Social Psychology Bulletin"
    assert {m["field"] for m in result.records[0]["mismatches"]} == {"year", "journal"}


def test_a_retracted_article_is_an_error_with_the_notice(server, tmp_path):
    server.expect_request(f"/doi/{S.WAKEFIELD_DOI}").respond_with_data("", status=406)
    server.expect_request(f"/crossref/works/{S.WAKEFIELD_DOI}").respond_with_json(S.load("wakefield1998.crossref.json"))
    result = run(server, tmp_path, [S.wakefield()])
    assert rules(result) == ["retracted"]  # the "RETRACTED:" title prefix is not a title mismatch
    problem = result.problems[0]
    assert problem.severity is Severity.ERROR
    assert "retracted in 2010" in problem.message and S.NOTICE_DOI in problem.message
    assert result.records[0]["status"] == "retracted"
    assert [u["type"] for u in result.records[0]["updates"]] == ["retraction"]


def test_citing_the_retraction_notice_itself_is_reported(server, tmp_path):
    server.expect_request(f"/doi/{S.NOTICE_DOI}").respond_with_data("", status=406)
    server.expect_request(f"/crossref/works/{S.NOTICE_DOI}").respond_with_json(S.load("lancet2010-retraction.crossref.json"))
    notice = S.entry(0, "The Editors of The Lancet. (2010). Retraction\u2014Ileal-lymphoid-nodular hyperplasia. "
                     "https://doi.org/10.1016/S0140-6736(10)60175-4", type="article-journal", doi=S.NOTICE_DOI)
    [problem] = run(server, tmp_path, [notice]).problems
    assert problem.rule == "retracted" and "notice" in problem.message and S.WAKEFIELD_DOI in problem.message


def test_a_missing_doi_is_found_by_a_confident_search(server, tmp_path):
    server.expect_request("/crossref/works").respond_with_json(S.load("search-raj2017.crossref.json"))
    result = run(server, tmp_path, [S.raj(doi="")])
    [problem] = result.problems
    assert problem.rule == "missing-doi" and problem.severity is Severity.WARNING
    assert S.RAJ_LINK in problem.message
    assert problem.suggestion == f"{S.raj(doi='').text} {S.RAJ_LINK}"
    assert result.records[0]["status"] == "missing-doi"
    search = S.requests_to(server, "/crossref/works")[0]
    assert search.args["rows"] == "5" and search.args["mailto"] == "teacher@example.edu"


def test_no_missing_doi_when_the_search_is_not_confident(server, tmp_path):
    server.expect_request("/crossref/works").respond_with_json(S.load("search-nothing.crossref.json"))
    result = run(server, tmp_path, [S.raj(doi="")])
    assert result.problems == ()
    assert result.records[0]["status"] == "no-doi"


def test_web_pages_are_not_looked_up(server, tmp_path):
    page = S.entry(0, "World Health Organization. (2020). Obesity facts. https://example.org/obesity", type="webpage",
                   title="Obesity facts", year="2020", year_number=2020)
    assert run(server, tmp_path, [page]).records == {}
    assert server.log == []


def test_each_distinct_doi_is_fetched_once_across_references_and_essays(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    settings = S.settings_for(tmp_path, cache=False)
    with Resolver(settings, config=S.config_for(server)) as resolver:
        first, second = resolver.resolve_many([[S.raj(0), S.raj(1)], [S.raj(0), S.raj(1, doi_text="doi:10.1177/0146167217697299")]])
        third = resolver.resolve([S.raj(5)])
    assert len(S.requests_to(server, "/doi")) == 1
    assert set(first.records) == {0, 1} and set(third.records) == {5}
    assert all(r["status"] == "ok" for r in [*first.records.values(), *second.records.values()])


def test_a_second_check_is_answered_from_the_cache_without_any_request(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    server.expect_request(f"/doi/{S.BRAUN_DOI}").respond_with_data("DOI Not Found", status=404)
    server.expect_request("/crossref/works").respond_with_json(S.load("search-raj2017.crossref.json"))
    essay = [S.raj(0), S.raj(1, doi=S.BRAUN_DOI)]
    first = run(server, tmp_path, essay)
    sent = len(server.log)
    assert sent == 3
    again = run(server, tmp_path, essay)
    assert len(server.log) == sent  # nothing reached the server
    assert again == first


def test_offline_answers_from_the_cache(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    run(server, tmp_path, [S.raj()])
    server.clear_log()
    result = run(server, tmp_path, [S.raj()], settings=S.settings_for(tmp_path, offline=True))
    assert server.log == [] and result.problems == () and result.records[0]["status"] == "ok"


def test_offline_without_the_cache_says_not_checked_and_sends_nothing(server, tmp_path):
    for cache in (True, False):
        settings = S.settings_for(tmp_path, offline=True, cache=cache)
        result = run(server, tmp_path, [S.raj(0), S.raj(1, doi="", url="https://example.org/raj")], settings=settings)
        assert server.log == []
        assert [r["status"] for r in result.records.values()] == ["not-checked", "no-doi"]
        assert result.records[1]["url"]["outcome"] == "not-checked"
        assert rules(result) == ["unresolved", "unresolved"]
        assert all(p.severity is Severity.INFO and "not a problem with your entry" in p.message for p in result.problems)


def test_no_resolve_does_nothing(server, tmp_path):
    result = run(server, tmp_path, [S.raj()], settings=S.settings_for(tmp_path, resolve=False))
    assert result.records == {} and result.problems == () and server.log == []


def test_rules_can_be_switched_off_and_given_another_severity(server, tmp_path):
    server.expect_request(f"/doi/{S.WAKEFIELD_DOI}").respond_with_data("", status=406)
    server.expect_request(f"/crossref/works/{S.WAKEFIELD_DOI}").respond_with_json(S.load("wakefield1998.crossref.json"))
    settings = S.settings_for(tmp_path, severity={"retracted": Severity.WARNING})
    assert run(server, tmp_path, [S.wakefield()], settings=settings).problems[0].severity is Severity.WARNING
    settings = S.settings_for(tmp_path, ignore=("retracted",))
    result = run(server, tmp_path, [S.wakefield()], settings=settings)
    assert result.problems == () and result.records[0]["status"] == "retracted"


def test_an_invalid_doi_is_recorded_and_not_sent(server, tmp_path):
    result = run(server, tmp_path, [S.raj(doi="10.11/abc", doi_text="10.11/abc")],
                 settings=S.settings_for(tmp_path, lookups=()))
    assert result.records[0]["status"] == "invalid" and result.problems == () and server.log == []


def test_fetch_csl_for_the_formatter(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    server.expect_request("/doi/10.1177/0000000000000000").respond_with_data("", status=404)
    from essaycheck.resolve import fetch_csl

    got = fetch_csl([f"https://doi.org/{S.RAJ_DOI.upper()}", "10.1177/0000000000000000"], S.settings_for(tmp_path),
                    config=S.config_for(server))
    assert got["10.1177/0000000000000000"] is None
    csl = got[f"https://doi.org/{S.RAJ_DOI.upper()}"]
    assert csl["DOI"] == S.RAJ_DOI and csl["author"][0] == {"family": "Raj", "given": "Medha"}
    assert csl["page"] == "772-784" and csl["ISSN"] == "0146-1672"
