"""URLs end to end against local servers: alive, broken, moved, looping, huge, and the address guard."""

from __future__ import annotations

import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from essaycheck.model import Severity
from essaycheck.resolve import resolve_references
import resolve_support as S  # shared server, entries and settings

server, running_server = S.server, S.running_server

PAGE = S.load("raj2017-landing.html")


def web_entry(url: str, index: int = 0, **fields):
    values = dict(type="webpage", authors=S.raj().authors, year="2017", year_number=2017,
                  title="Identity and professional networking", url=url)
    values.update(fields)
    text = f"Raj, M., Fast, N. J., & Fisher, O. (2017). {values['title']}. {url}"
    return S.entry(index, text, **values)


def check(server, tmp_path, url, allow_private=True, **config):
    settings = S.settings_for(tmp_path, allow_private_urls=allow_private)
    return resolve_references([web_entry(url)], settings, config=S.config_for(server, **config))


def test_a_live_page_whose_metadata_agrees_has_no_problem(server, tmp_path):
    server.expect_request("/article").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    result = check(server, tmp_path, server.url_for("/article"))
    assert result.problems == ()
    url = result.records[0]["url"]
    assert url["status"] == 200 and url["outcome"] == "ok"
    assert url["title"].startswith("Identity and Professional Networking")
    assert url["meta"]["meta_title"] == "Identity and Professional Networking"
    assert [r.method for r in S.requests_to(server)] == ["HEAD", "GET"]


def test_a_page_about_another_work_is_a_metadata_mismatch(server, tmp_path):
    page = PAGE.replace("Identity and Professional Networking", "Using thematic analysis in psychology")
    server.expect_request("/article").respond_with_data(page, content_type="text/html")
    [problem] = check(server, tmp_path, server.url_for("/article")).problems
    assert problem.rule == "metadata-mismatch" and "the page this link opens" in problem.message
    assert "Using thematic analysis in psychology" in problem.message


def test_a_page_without_citation_tags_is_not_judged(server, tmp_path):
    server.expect_request("/blog").respond_with_data("<title>My holiday</title>", content_type="text/html")
    assert check(server, tmp_path, server.url_for("/blog")).problems == ()


@pytest.mark.parametrize("status, words", [(404, "404 Not Found"), (410, "410 Gone")])
def test_a_missing_page_is_a_broken_url(server, tmp_path, status, words):
    server.expect_request("/gone").respond_with_data("nope", status=status)
    [problem] = check(server, tmp_path, server.url_for("/gone")).problems
    assert problem.rule == "broken-url" and problem.severity is Severity.ERROR
    assert words in problem.message and "web.archive.org" in problem.message
    assert problem.location.text == server.url_for("/gone")


def test_get_is_tried_when_head_is_refused(server, tmp_path):
    server.expect_request("/nohead", method="HEAD").respond_with_data("", status=405)
    server.expect_request("/nohead", method="GET").respond_with_data(PAGE, content_type="text/html")
    result = check(server, tmp_path, server.url_for("/nohead"))
    assert result.problems == () and result.records[0]["url"]["status"] == 200
    assert [r.method for r in S.requests_to(server)] == ["HEAD", "GET"]


def test_a_permanent_redirect_suggests_the_new_address(server, tmp_path):
    new = server.url_for("/new")
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    [problem] = check(server, tmp_path, server.url_for("/old")).problems
    assert problem.rule == "redirected-url" and problem.severity is Severity.INFO
    assert problem.suggestion == new and problem.location.text == server.url_for("/old")


def test_a_temporary_redirect_is_not_reported(server, tmp_path):
    server.expect_request("/today").respond_with_data("", status=302, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data("<title>x</title>", content_type="text/html")
    result = check(server, tmp_path, server.url_for("/today"))
    assert result.problems == () and result.records[0]["url"]["final_url"] == server.url_for("/new")


def test_a_redirect_loop_is_a_broken_url_and_stops(server, tmp_path):
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    [problem] = check(server, tmp_path, server.url_for("/a")).problems
    assert problem.rule == "broken-url" and "loop" in problem.message
    assert len(server.log) == 2


def test_more_than_ten_redirects_are_not_followed(server, tmp_path):
    for hop in range(20):
        server.expect_request(f"/hop{hop}").respond_with_data("", status=302, headers={"Location": f"/hop{hop + 1}"})
    [problem] = check(server, tmp_path, server.url_for("/hop0")).problems
    assert problem.rule == "broken-url" and "more than 10" in problem.message
    assert len(server.log) == 11


def test_a_tls_failure_is_named(server, tmp_path):
    server.expect_request("/secure").respond_with_data("plain http")
    url = server.url_for("/secure").replace("http://", "https://")
    [problem] = check(server, tmp_path, url).problems
    assert problem.rule == "broken-url" and "secure connection" in problem.message


def test_a_domain_that_cannot_exist_is_named_without_any_lookup(server, tmp_path):
    [problem] = check(server, tmp_path, "http://no..such.host/page").problems
    assert problem.rule == "broken-url" and "no..such.host" in problem.message and "not found" in problem.message


def test_a_server_error_is_not_checked_rather_than_broken(server, tmp_path):
    server.expect_request("/down").respond_with_data("oops", status=503)
    [problem] = check(server, tmp_path, server.url_for("/down")).problems
    assert problem.rule == "unresolved" and problem.severity is Severity.INFO
    assert "not a problem with your entry" in problem.message
    assert len(server.log) == 2 * 4  # HEAD with three retries, then GET with three retries


def test_a_huge_page_is_read_only_up_to_the_cap(server, tmp_path):
    sent = []

    def huge(request):
        def body():
            yield PAGE.encode()
            for _ in range(800):  # 50 MB if anybody read it all
                sent.append(1)
                yield b"x" * 65536
        return Response(body(), content_type="text/html")

    server.expect_request("/huge").respond_with_handler(huge)
    started = time.monotonic()
    result = check(server, tmp_path, server.url_for("/huge"), page_bytes=128 * 1024)
    assert result.problems == () and result.records[0]["url"]["meta"]["meta_title"]
    assert len(sent) * 65536 < 16 * 1024 * 1024 and time.monotonic() - started < 5


def test_a_second_check_of_urls_sends_nothing(server, tmp_path):
    server.expect_request("/article").respond_with_data(PAGE, content_type="text/html")
    server.expect_request("/gone").respond_with_data("", status=404)
    server.expect_request("/old").respond_with_data("", status=308, headers={"Location": "/article"})
    essay = [web_entry(server.url_for(p), i) for i, p in enumerate(("/article", "/gone", "/old"))]
    settings = S.settings_for(tmp_path, allow_private_urls=True)
    first = resolve_references(essay, settings, config=S.config_for(server))
    sent = len(server.log)
    second = resolve_references(essay, settings, config=S.config_for(server))
    assert len(server.log) == sent and second == first
    assert [p.rule for p in first.problems] == ["broken-url", "redirected-url"]


# --- the address guard, end to end ------------------------------------------------------


def test_private_addresses_are_refused_before_any_request(server, tmp_path):
    server.expect_request("/secret").respond_with_data("internal")
    for url in (server.url_for("/secret"), server.url_for("/secret").replace("127.0.0.1", "localhost")):
        [problem] = check(server, tmp_path, url, allow_private=False).problems
        assert problem.rule == "broken-url" and "private or local" in problem.message
    assert server.log == []


def test_private_addresses_are_fetched_when_allowed(server, tmp_path):
    server.expect_request("/secret").respond_with_data("internal")
    check(server, tmp_path, server.url_for("/secret"), allow_private=True)
    assert len(server.log) >= 1


@pytest.fixture
def second_loopback():
    """A server on 127.0.0.2: loopback, so safe, but not exempt like 127.0.0.1 below."""
    other = HTTPServer(host="127.0.0.2", port=0, threaded=True)
    try:
        other.start()
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    other.expect_request("/metadata").respond_with_data("secret")
    yield other
    other.stop()


def test_a_redirect_to_a_private_address_is_not_followed(server, tmp_path, second_loopback):
    target = second_loopback.url_for("/metadata")
    server.expect_request("/jump").respond_with_data("", status=302, headers={"Location": target})
    result = check(server, tmp_path, server.url_for("/jump"), allow_private=False, allowed_networks=("127.0.0.1/32",))
    assert len(server.log) == 1 and second_loopback.log == []
    [problem] = result.problems
    assert problem.rule == "unresolved" and "private or local network address" in problem.message


def test_the_doi_endpoints_are_trusted_but_their_redirects_elsewhere_are_guarded(server, tmp_path, second_loopback):
    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_data(
        "", status=302, headers={"Location": second_loopback.url_for("/metadata")})
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_json(S.load("raj2017.crossref.json"))
    result = resolve_references([S.raj()], S.settings_for(tmp_path), config=S.config_for(server))
    assert second_loopback.log == [] and result.problems == ()
    assert result.records[0]["source"] == "crossref"


def test_a_site_that_sets_a_cookie_and_sends_us_back_is_not_a_loop(server, tmp_path):
    def gate(request):
        if request.cookies.get("consent") == "yes":
            return Response(PAGE, content_type="text/html")
        return Response("", status=302, headers={"Location": "/gate", "Set-Cookie": "consent=yes; Path=/"})

    server.expect_request("/gate").respond_with_handler(gate)
    result = check(server, tmp_path, server.url_for("/gate"))
    assert result.problems == () and result.records[0]["url"]["status"] == 200


def test_no_network_at_all_is_not_a_broken_link(server, tmp_path):
    """Offline, every host name fails to resolve: that says nothing about the student's link."""
    settings = S.settings_for(tmp_path, allow_private_urls=True)
    config = S.config_for(server, doi_url="http://no..such.doi.resolver")
    [problem] = resolve_references([web_entry("http://no..such.host/page")], settings, config=config).problems
    assert problem.rule == "unresolved" and problem.severity is Severity.INFO
    assert "not a problem with your entry" in problem.message


def test_no_network_gives_one_note_for_the_essay(server, tmp_path):
    settings = S.settings_for(tmp_path, allow_private_urls=True)
    config = S.config_for(server, doi_url="http://no..such.doi.resolver")
    entries = [web_entry(f"http://no..such.host/page{n}", index=n) for n in range(3)]
    [note] = resolve_references(entries, settings, config=config).problems
    assert note.rule == "unresolved" and note.location is None
    assert "could not reach the internet, so 3 DOIs and links were not checked" in note.message
