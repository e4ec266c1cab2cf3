"""Nothing a server sends crashes the check: bad answers, rate limits, errors, slowness, resets."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from werkzeug import Response

from essaycheck.model import Severity
from essaycheck.resolve import Resolver, resolve_references
import resolve_support as S  # shared server, entries and settings

server, running_server = S.server, S.running_server


def run(server, tmp_path, references, settings=None, **config):
    return resolve_references(references, settings or S.settings_for(tmp_path), config=S.config_for(server, **config))


def assert_not_checked(result, index=0):
    assert result.records[index]["status"] == "not-checked"
    [problem] = [p for p in result.problems if p.reference == index]
    assert problem.rule == "unresolved" and problem.severity is Severity.INFO
    assert "not a problem with your entry" in problem.message
    return problem


@pytest.mark.parametrize("body, content_type", [
    ("{not json", "application/vnd.citationstyles.csl+json"),
    ("<html><body>Service unavailable</body></html>", "text/html"),
    ("", "application/json"),
    ("[1, 2, 3]", "application/json"),
    ('{"message": "no record here"}', "application/json"),
])
def test_unreadable_answers_become_not_checked_and_the_rest_is_complete(server, tmp_path, body, content_type):
    server.expect_request(f"/doi/{S.BRAUN_DOI}").respond_with_data(body, content_type=content_type)
    server.expect_request(f"/crossref/works/{S.BRAUN_DOI}").respond_with_data(body, content_type=content_type)
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    braun = S.entry(1, "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology.", type="article-journal",
                    title="Using thematic analysis in psychology", doi=S.BRAUN_DOI)
    result = run(server, tmp_path, [S.raj(0), braun])
    assert result.records[0]["status"] == "ok"
    assert_not_checked(result, 1)


def test_a_429_is_retried_after_the_time_the_server_asks_for(server, tmp_path):
    server.expect_oneshot_request(f"/doi/{S.RAJ_DOI}").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    started = time.monotonic()
    result = run(server, tmp_path, [S.raj()])
    assert result.problems == () and result.records[0]["status"] == "ok"
    assert time.monotonic() - started >= 0.95 and len(server.log) == 2


def test_a_retry_after_longer_than_the_cap_is_not_waited_for(server, tmp_path):
    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    started = time.monotonic()
    assert_not_checked(run(server, tmp_path, [S.raj()]))
    assert time.monotonic() - started < 1 and len(server.log) == 2


def test_a_server_error_is_retried_with_back_off(server, tmp_path):
    server.expect_oneshot_request(f"/doi/{S.RAJ_DOI}").respond_with_data("boom", status=500)
    server.expect_oneshot_request(f"/doi/{S.RAJ_DOI}").respond_with_data("boom", status=502)
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    result = run(server, tmp_path, [S.raj()])
    assert result.problems == () and len(server.log) == 3


def test_errors_that_persist_end_as_not_checked_and_are_not_cached(server, tmp_path):
    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_data("boom", status=503)
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_data("boom", status=500)
    assert_not_checked(run(server, tmp_path, [S.raj()]))
    assert len(server.log) == 8  # 1 + 3 retries at each endpoint
    server.clear()
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    assert run(server, tmp_path, [S.raj()]).records[0]["status"] == "ok"


def test_a_server_that_does_not_answer_in_time(server, tmp_path):
    def sleepy(request):
        time.sleep(1.0)
        return Response("{}", content_type="application/json")

    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_handler(sleepy)
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_handler(sleepy)
    started = time.monotonic()
    problem = assert_not_checked(run(server, tmp_path, [S.raj()], settings=S.settings_for(tmp_path, timeout=0.2)))
    assert "did not answer in time" in problem.message and time.monotonic() - started < 2


def test_a_body_that_trickles_in_is_cut_off(server, tmp_path):
    def trickle(request):
        def body():
            for _ in range(100):
                time.sleep(0.05)
                yield b" "
        return Response(body(), content_type="application/json")

    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_handler(trickle)
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_handler(trickle)
    started = time.monotonic()
    assert_not_checked(run(server, tmp_path, [S.raj()], body_seconds=0.3))
    assert time.monotonic() - started < 3


def test_a_huge_answer_is_not_read_to_the_end(server, tmp_path):
    sent = []

    def huge(request):
        def body():
            yield b'{"title": "'
            for _ in range(800):
                sent.append(1)
                yield b"x" * 65536
        return Response(body(), content_type="application/json")

    server.expect_request(f"/doi/{S.RAJ_DOI}").respond_with_handler(huge)
    server.expect_request(f"/crossref/works/{S.RAJ_DOI}").respond_with_json(S.load("raj2017.crossref.json"))
    result = run(server, tmp_path, [S.raj()], max_bytes=256 * 1024)
    assert result.problems == () and result.records[0]["source"] == "crossref"
    assert len(sent) * 65536 < 16 * 1024 * 1024


@pytest.fixture
def resetting_server():
    """A TCP server that accepts and drops every connection (a connection reset)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    stop = threading.Event()
    accepted = []

    def serve():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (socket.timeout, OSError):
                continue
            accepted.append(1)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    listener.close()


def test_connection_resets_are_retried_then_not_checked(tmp_path, resetting_server):
    base, accepted = resetting_server
    from essaycheck.resolve.config import ResolveConfig

    config = ResolveConfig(doi_url=base, crossref_url=base, backoff=0.01)
    result = resolve_references([S.raj()], S.settings_for(tmp_path), config=config)
    assert_not_checked(result)
    assert len(accepted) == 8


def test_the_request_rate_announced_by_crossref_is_kept(server, tmp_path):
    headers = {"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Interval": "1s"}
    dois = [f"10.5555/rate{i}" for i in range(6)]
    for doi in dois:
        server.expect_request(f"/doi/{doi}").respond_with_data("", status=404, headers=headers)
    settings = S.settings_for(tmp_path, cache=False, concurrency=1)
    started = time.monotonic()
    with Resolver(settings, config=S.config_for(server)) as resolver:
        resolver.resolve([S.entry(i, doi=doi) for i, doi in enumerate(dois)])
        adapter = resolver.session.get_adapter(server.url_for("/"))
        assert adapter.limiter.spacing(f"127.0.0.1:{server.port}") == pytest.approx(0.1)
    assert time.monotonic() - started >= 0.38  # 0.1 s apart once the first answer told the limit


def test_progress_callback_sees_every_lookup(server, tmp_path):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    server.expect_request("/crossref/works").respond_with_json(S.load("search-nothing.crossref.json"))
    server.expect_request("/openalex/works").respond_with_json({"meta": {"count": 0}, "results": []})
    seen = []
    resolve_references([S.raj(0), S.raj(1, doi="")], S.settings_for(tmp_path),
                       progress=lambda done, total: seen.append((done, total)), config=S.config_for(server))
    assert seen[-1] == (3, 3)  # the DOI, and the entry without one in Crossref, then OpenAlex


def test_a_progress_bar_goes_to_stderr_when_asked(server, tmp_path, capsys):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    run(server, tmp_path, [S.raj()], settings=S.settings_for(tmp_path, progress=True), progress_delay=0)
    captured = capsys.readouterr()
    assert "Checking DOIs and links" in captured.err and captured.out == ""
