"""The existence verdicts in every output: the text report's line, the HTML entries, the JSON."""

from dataclasses import replace

from essaycheck import Settings, check_text
from essaycheck.render.html import render_html
from essaycheck.render.json import report_to_json
from essaycheck.render.text import render_text

ESSAY = """Essay
Networks matter (Raj et al., 2017). Tutors help (Smith & Patel, 2021). See the page (WHO, 2020).
References
Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality and Social Psychology Bulletin, 43(6), 772–784.
Smith, A., & Patel, R. (2021). Peer tutoring and retention: A meta-analysis of forty years. Journal of Learning Gains, 14(3), 201–229.
WHO. (2020). Obesity and overweight. https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight
"""


def _verdict(verdict, source=None, link=None, asked=("Crossref", "OpenAlex"), reason=None):
    return {"existence": {"verdict": verdict, "source": source, "link": link, "differences": [], "closest": None,
                          "asked": list(asked), "reason": reason}}


def looked_up_report():
    report = check_text(ESSAY, Settings(resolve=False))
    records = {0: _verdict("verified", "Crossref", "https://doi.org/10.1177/0146167217697299"),
               1: _verdict("not-found", reason="nothing close in Crossref or OpenAlex")}
    return replace(report, records=records)


def test_the_text_report_counts_the_verdicts():
    text = render_text(looked_up_report())
    assert "Do the references exist? 1 found, 1 not found anywhere, 1 not checked." in text


def test_no_verdict_line_when_nothing_was_looked_up():
    report = check_text(ESSAY, Settings(resolve=False))
    assert "Do the references exist?" not in render_text(report)
    assert 'class="verdict' not in render_html(report)
    assert report_to_json(report)["summary"]["existence"]["not-checked"] == 3


def test_each_entry_of_the_html_report_shows_its_verdict():
    page = render_html(looked_up_report())
    assert 'class="verdict verified">Found in Crossref: https://doi.org/10.1177/0146167217697299<' in page
    assert 'class="verdict not-found">Not found in Crossref, OpenAlex<' in page
    assert page.count('class="verdict not-checked"') == 1


def test_the_json_gives_every_reference_a_verdict():
    data = report_to_json(looked_up_report())
    assert [r["existence"]["verdict"] for r in data["references"]] == ["verified", "not-found", "not-checked"]
    assert data["summary"]["existence"] == {"verified": 1, "found-with-differences": 0, "not-found": 1,
                                            "not-checked": 1}
    assert data["references"][2]["existence"]["reason"] == "not looked up"


def test_a_reference_whose_doi_works_is_verified_from_the_doi_record(tmp_path):
    import resolve_support as S
    from pytest_httpserver import HTTPServer

    from essaycheck.resolve import resolve_references

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
        result = resolve_references([S.raj()], S.settings_for(tmp_path), config=S.config_for(server))
    finally:
        server.stop()
    existence = result.records[0]["existence"]
    assert existence["verdict"] == "verified" and existence["link"] == S.RAJ_LINK
