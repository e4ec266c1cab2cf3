"""Pure pieces of the resolver: address classifier, DOI syntax, comparisons, page metadata, limits."""

from __future__ import annotations

import subprocess
import sys

import pytest

from essaycheck.model import Author, Location, Reference
from essaycheck.resolve.compare import compare, same_journal, title_score
from essaycheck.resolve.csl import to_csl, updates
from essaycheck.resolve.doi import clean_doi, is_valid_doi
from essaycheck.resolve.pagemeta import parse_page_meta
from essaycheck.resolve.ratelimit import RateLimiter, parse_interval, parse_retry_after
from essaycheck.resolve.safety import Guard, UnsafeURL, is_forbidden_address
from essaycheck.settings import Settings


@pytest.mark.parametrize("ip", ["10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "127.0.0.1", "::1",
                                "fe80::1", "fc00::1", "0.0.0.0", "100.64.0.1", "224.0.0.1", "::ffff:127.0.0.1",
                                "::ffff:10.0.0.1", "240.0.0.1", "255.255.255.255", "not an address"])
def test_forbidden_addresses(ip):
    assert is_forbidden_address(ip)


@pytest.mark.parametrize("ip", ["8.8.8.8", "2606:4700::1111", "1.1.1.1", "::ffff:8.8.8.8"])
def test_public_addresses(ip):
    assert not is_forbidden_address(ip)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http:///nohost"])
def test_the_guard_refuses_other_schemes_without_a_lookup(url):
    with pytest.raises(UnsafeURL):
        Guard().check(url)


def test_the_guard_checks_literal_addresses_and_respects_exemptions():
    with pytest.raises(UnsafeURL) as refused:
        Guard().check("http://[::1]:8080/")
    assert refused.value.literal
    Guard(allow_private=True).check("http://127.0.0.1/")
    Guard(allowed_networks=("127.0.0.0/8",)).check("http://127.0.0.1/")


@pytest.mark.parametrize("text, doi", [
    ("https://doi.org/10.1177/0146167217697299", "10.1177/0146167217697299"),
    ("doi:10.1191/1478088706QP063OA.", "10.1191/1478088706qp063oa"),
    ("https://dx.doi.org/10.1016/S0140-6736(97)11096-0", "10.1016/s0140-6736(97)11096-0"),
    ("10.1002/(SICI)1097-4679(199901)55:1%3C1::AID-JCLP1%3E3.0.CO;2-M", "10.1002/(sici)1097-4679(199901)55:1<1::aid-jclp1>3.0.co;2-m"),
])
def test_dois_are_cleaned(text, doi):
    assert clean_doi(text) == doi and is_valid_doi(doi)


@pytest.mark.parametrize("doi", ["10.11/abc", "11.1234/abc", "10.1234", "10.1234/has space", ""])
def test_invalid_dois(doi):
    assert not is_valid_doi(doi)


RAJ_RECORD = {
    "type": "journal-article", "DOI": "10.1177/0146167217697299", "title": ["Identity and Professional Networking"],
    "container-title": ["Personality and Social Psychology Bulletin"], "volume": "43", "page": "772-784",
    "author": [{"family": "Raj", "given": "Medha"}, {"family": "Fast", "given": "Nathanael J."}],
    "issued": {"date-parts": [[2017, 6]]},
}


def raj(**changes) -> Reference:
    fields = dict(index=0, text="", location=Location(0, 0, 0, ""), type="article-journal",
                  authors=(Author("Raj", "M."),), year="2017", year_number=2017,
                  title="Identity and professional networking", container_title="Personality and Social Psychology Bulletin",
                  volume="43", pages="772\u2013784")
    fields.update(changes)
    return Reference(**fields)


def test_the_same_work_with_apa_casing_and_an_en_dash_matches_cleanly():
    result = compare(raj(), RAJ_RECORD)
    assert result.verdict == "same" and result.mismatches == ()


@pytest.mark.parametrize("changes, field, real", [
    ({"year": "2016", "year_number": 2016}, "year", "2017"),
    ({"authors": (Author("Rai", "M."),)}, "author", "Raj"),
    ({"volume": "34"}, "volume", "43"),
    ({"pages": "722\u2013784"}, "pages", "772-784"),
    ({"container_title": "Journal of Personality and Social Psychology"}, "journal", "Personality and Social Psychology Bulletin"),
    ({"title": "Identity and networking at work"}, "title", "Identity and Professional Networking"),
])
def test_each_wrong_field_is_named_with_the_real_value(changes, field, real):
    result = compare(raj(**changes), RAJ_RECORD)
    assert result.verdict == "same"
    assert [(m.field, m.record) for m in result.mismatches] == [(field, real)]


def test_another_work_is_a_different_work_even_by_the_same_author():
    other = dict(RAJ_RECORD, title=["Psychology of choosing careers"])
    assert compare(raj(), other).verdict == "different"


def test_online_first_years_are_accepted():
    online_first = dict(RAJ_RECORD, issued={"date-parts": [[2016, 12]]}, **{"published-print": {"date-parts": [[2017, 6]]}})
    assert compare(raj(), online_first).mismatches == ()


def test_an_entry_without_a_title_is_not_judged():
    assert compare(raj(title=""), RAJ_RECORD).verdict == "unknown"


def test_titles_with_and_without_subtitles():
    record = {"title": ["Thinking, fast and slow"], "subtitle": ["A memoir"]}
    assert title_score("Thinking, fast and slow", record) >= 90
    assert title_score("Thinking, fast and slow: A memoir", record) >= 90


@pytest.mark.parametrize("mine, theirs, same", [
    ("The Lancet", "Lancet", True),
    ("Pers Soc Psychol Bull", "Personality and Social Psychology Bulletin", True),
    ("Personality and Social Pyschology Bulletin", "Personality and Social Psychology Bulletin", True),
    ("Journal of Personality and Social Psychology", "Personality and Social Psychology Bulletin", False),
    ("Psychological Science", "Psychological Science in the Public Interest", False),
])
def test_journal_names(mine, theirs, same):
    assert same_journal(mine, theirs) is same


def test_retractions_from_updated_by_update_to_relation_and_title():
    assert updates({"updated-by": [{"type": "correction", "DOI": "10.1/c"}]}) == []
    [found] = updates({"updated-by": [{"type": "retraction", "DOI": "10.1/R", "source": "retraction-watch",
                                       "updated": {"date-parts": [[2020, 5, 1]]}}]})
    assert found["doi"] == "10.1/r" and found["date"] == 2020 and found["source"] == "retraction-watch"
    assert updates({"update-to": [{"type": "retraction", "DOI": "10.1/x"}]})[0]["direction"] == "update-to"
    assert updates({"relation": {"is-retracted-by": [{"id": "10.1/n", "id-type": "doi"}]}})[0]["type"] == "retraction"
    assert updates({"updated-by": [{"type": "expression_of_concern", "DOI": "10.1/e"}]})[0]["type"] == "expression_of_concern"
    assert updates({"title": "RETRACTED: A study"})[0]["source"] == "title"
    assert updates({"title": 5, "updated-by": "nonsense", "relation": []}) == []


def test_to_csl_cleans_a_crossref_work():
    csl = to_csl(dict(RAJ_RECORD, ISSN=["0146-1672"], **{"short-container-title": ["Pers Soc Psychol Bull"]}))
    assert csl["type"] == "article-journal" and csl["title"] == "Identity and Professional Networking"
    assert csl["container-title-short"] == "Pers Soc Psychol Bull" and csl["ISSN"] == "0146-1672"
    assert csl["id"] == csl["DOI"] == "10.1177/0146167217697299"
    assert to_csl({"title": None, "issued": {"date-parts": [[None]]}, "author": "x"})["type"] == "article"


def test_page_metadata_is_read_from_the_head_only():
    html = (b"<html><head><title>Site | Paper</title><meta name='citation_title' content='A  paper'>"
            b"<meta name='citation_author' content='Raj, Medha'><meta name='DC.Date' content='2017-06-01'>"
            b"<meta property='og:title' content='OG'></head><body><meta name='citation_title' content='later'>")
    meta = parse_page_meta(html, "text/html; charset=utf-8")
    assert (meta.title, meta.meta_title, meta.og_title, meta.authors, meta.year) == \
        ("Site | Paper", "A paper", "OG", ["Raj, Medha"], 2017)
    assert parse_page_meta(b"\xff\xfe<<<title", "text/html; charset=bogus").meta_title == ""
    assert parse_page_meta("<title>Caf\u00e9</title>".encode("latin-1"), "text/html; charset=latin-1").title == "Caf\u00e9"


def test_rate_limit_headers_and_retry_after():
    assert parse_interval("1s") == 1.0 and parse_interval("500ms") == 0.5 and parse_interval("soon") is None
    assert parse_retry_after("7") == 7.0 and parse_retry_after(None) is None and parse_retry_after("later") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == pytest.approx(10.0)


def test_the_rate_limiter_spaces_requests_and_pauses_a_host():
    now = [0.0]
    slept = []
    limiter = RateLimiter(clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
    assert limiter.wait("api") == 0  # no limit known yet
    limiter.observe("api", {"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"})
    for _ in range(3):
        limiter.wait("api")
    assert slept == pytest.approx([0.02, 0.02])
    limiter.pause("other", 2.0)
    assert limiter.wait("other") == pytest.approx(2.0)


def test_session_identifies_itself_and_honours_the_cache_settings(tmp_path, monkeypatch):
    import requests
    from requests_cache import CachedSession

    from essaycheck.resolve import make_session
    from essaycheck.resolve.session import cache_dir

    monkeypatch.setenv("ESSAYCHECK_MAILTO", "env@example.org")
    monkeypatch.setenv("ESSAYCHECK_CACHE_DIR", str(tmp_path / "env-cache"))
    with make_session(Settings()) as session:
        assert isinstance(session, CachedSession)
        assert session.headers["User-Agent"].endswith("; mailto:env@example.org)")
    assert cache_dir(Settings()) == tmp_path / "env-cache"
    assert (tmp_path / "env-cache" / "http-cache.sqlite").exists()
    with make_session(Settings(cache=False, mailto="flag@example.org")) as plain:
        assert type(plain) is requests.Session and "mailto:flag@example.org" in plain.headers["User-Agent"]
    assert cache_dir(Settings(cache_dir=str(tmp_path / "flag"))) == tmp_path / "flag"


def test_endpoints_come_from_the_environment(monkeypatch):
    from essaycheck.resolve.config import ResolveConfig

    monkeypatch.setenv("ESSAYCHECK_DOI_URL", "http://127.0.0.1:9/doi/")
    monkeypatch.delenv("ESSAYCHECK_CROSSREF_URL", raising=False)
    config = ResolveConfig.from_env()
    assert config.doi_url == "http://127.0.0.1:9/doi" and config.crossref_url == "https://api.crossref.org"


def test_importing_the_package_stays_cheap():
    code = ("import sys, essaycheck.resolve as r; r.Resolution; "
            "print(any(m in sys.modules for m in ('requests', 'requests_cache', 'rapidfuzz', 'tqdm')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_malformed_html_never_raises():
    for html in (b"<![foo[ x ]]><title>t</title>", b"<!DOCTYPE x [<!ELEMENT", b"</", b"<title>a</title><!--"):
        parse_page_meta(html, "text/html")
