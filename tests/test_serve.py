"""essaycheck serve over HTTP: the report, the downloads, the DOI box, bad input, limits and privacy.

Every request goes to a real server started on 127.0.0.1 in the test (tests/serve_support.py);
the DOI lookups go to a local stand-in (pytest-httpserver), never to the internet.
"""

from __future__ import annotations

import base64
import http.client
import io
import logging
import re
import tempfile
import threading
import time
from pathlib import Path

import docx
import pytest
import requests

import essaycheck
from essaycheck.errors import ConfigError
from essaycheck.serve import ServeLimits
from essaycheck.serve.job import display_name
from essaycheck.serve.limits import CheckGate, RateLimiter, limits_from_table, load_limits
from essaycheck.settings import Settings
from hostile import REFUSED
from resolve_support import doi_stand_in  # noqa: F401 - a fixture
from serve_support import RunningServer, events, upload

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).with_name("http_fixtures")
RAJ_DOI = "10.1177/0146167217697299"
OFFLINE = Settings(resolve=False, progress=False)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def offline_server():
    with RunningServer(OFFLINE, ServeLimits(checks_per_minute=10_000)) as server:  # many tests, one address
        yield server


def resolving(tmp_path, **changes) -> Settings:
    return Settings(cache_dir=str(tmp_path / "cache"), allow_private_urls=True, lookups=(), timeout=2.0,
                    progress=False, **changes)


# --- the page ------------------------------------------------------------------------------


def test_the_page_and_its_assets_come_from_the_server_alone(offline_server):
    page = requests.get(offline_server.url + "/", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    # nothing from elsewhere: every src and href is a path on this server
    for url in re.findall(r'(?:src|href)="([^"]*)"', page.text):
        assert url.startswith("/assets/"), url
    assert '<label for="essay"' in page.text and 'id="essay"' in page.text  # the file input is labelled
    for name in ("report.css", "page.css", "page.js"):
        asset = requests.get(f"{offline_server.url}/assets/{name}", timeout=10)
        assert asset.status_code == 200 and asset.content
    from essaycheck.render.html import PAGE_CSS

    # the page's report and the HTML report share one stylesheet
    assert requests.get(offline_server.url + "/assets/report.css", timeout=10).text == PAGE_CSS
    for bad in ("nothing.js", "..%2Fapp.py", ".hidden.css", "limits.py"):
        assert requests.get(f"{offline_server.url}/assets/{bad}", timeout=10).status_code == 404


# --- checking an upload --------------------------------------------------------------------


def test_a_docx_gets_the_same_report_as_the_command_line_and_its_downloads(offline_server):
    essay = SAMPLES / "mistakes-essay.docx"
    answer = upload(offline_server.url, essay)
    assert answer.status_code == 200
    result = answer.json()
    expected = essaycheck.check(essay, OFFLINE)
    assert result["name"] == "mistakes-essay.docx" and result["report"]["file"] == "mistakes-essay.docx"
    from essaycheck.render.json import problem_to_json

    assert result["report"]["problems"] == [problem_to_json(p) for p in expected.problems]
    assert result["html"].count('<li id="problem-') == len(expected.problems)
    assert "essaycheck-upload-" not in answer.text  # the temporary folder is never named

    downloads = {key: base64.b64decode(value["data"]) for key, value in result["downloads"].items()}
    assert set(downloads) == {"annotated", "fixed", "references_docx", "references_txt"}
    fixed = docx.Document(io.BytesIO(downloads["fixed"]))  # the sure fixes as tracked changes
    assert fixed.element.body.find(f"{W}p/{W}del") is not None or fixed.element.body.find(f".//{W}ins") is not None
    assert result["downloads"]["annotated"]["name"] == "mistakes-essay.annotated.docx"
    annotated = docx.Document(io.BytesIO(downloads["annotated"]))
    assert len(list(annotated.comments)) == len(expected.problems)

    entries = downloads["references_txt"].decode("utf-8").splitlines()
    assert len(entries) == len(expected.references) - _repeated(expected)
    listing = docx.Document(io.BytesIO(downloads["references_docx"]))
    paragraphs = [p for p in listing.paragraphs if p.text.strip()][1:]  # after the heading
    assert [p.text for p in paragraphs] == entries
    assert all(p.paragraph_format.first_line_indent < 0 for p in paragraphs)  # hanging indent
    assert any(run.italic for p in paragraphs for run in p.runs)


def _repeated(report) -> int:
    from essaycheck.references import works_of

    works = works_of(report.references)
    return sum(1 for ref in report.references if works[ref.index] != ref.index)


def test_a_text_essay_has_no_annotated_copy_but_its_reference_list(offline_server):
    result = upload(offline_server.url, SAMPLES / "mistakes-essay.txt").json()
    assert set(result["downloads"]) == {"references_docx", "references_txt"}
    blog = upload(offline_server.url, SAMPLES / "blog-post.txt").json()  # no reference list at all
    assert blog["downloads"] == {} and blog["report"]["summary"]["references"] == 0


def test_the_stream_reports_the_lookups_progress_then_the_report(tmp_path, doi_stand_in):
    record = (FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8")
    doi_stand_in.expect_request(f"/doi/{RAJ_DOI}").respond_with_data(
        record, content_type="application/vnd.citationstyles.csl+json")
    essay = tmp_path / "raj.txt"
    essay.write_text("Networks\n\nProfessionals network for status (Raj et al., 2017).\n\nReferences\n\n"
                     "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality "
                     f"and Social Psychology Bulletin, 43(6), 772\u2013784. https://doi.org/{RAJ_DOI}\n",
                     encoding="utf-8")
    with RunningServer(resolving(tmp_path)) as server:
        answer = upload(server.url, essay, stream=True)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-ndjson")
    seen = events(answer)
    assert seen[0]["event"] == "checking" and seen[-1]["event"] == "report"
    progress = [e for e in seen if e["event"] == "progress"]
    assert progress and progress[-1]["done"] == progress[-1]["total"] >= 1
    report = seen[-1]["report"]
    assert report["references"][0]["record"]["status"] == "ok"  # looked up at the stand-in


# --- bad input -----------------------------------------------------------------------------

UPLOADABLE = [case for case in REFUSED if case.name not in ("directory", "fifo", "symlink_to_device", "missing")]


@pytest.mark.parametrize("case", UPLOADABLE, ids=lambda case: case.name)
def test_bad_files_get_a_clear_message_and_the_server_keeps_serving(offline_server, case, tmp_path):
    path = case.build(tmp_path)
    answer = upload(offline_server.url, path)
    if not path.stat().st_size:
        assert answer.status_code == 400 and "No file was sent" in answer.json()["error"]
    else:
        assert answer.status_code == 422, answer.text
        message = answer.json()["error"]
        assert case.expect.lower() in message.lower()
        assert "\n" not in message and "essaycheck-upload-" not in message and str(tmp_path) not in message
    assert requests.get(offline_server.url + "/api/health", timeout=10).json()["status"] == "ok"


def test_the_stream_tells_the_page_when_a_file_cannot_be_read(offline_server, tmp_path):
    from hostile import encrypted_docx

    seen = events(upload(offline_server.url, encrypted_docx(tmp_path), stream=True))
    assert seen[-1]["event"] == "error" and seen[-1]["status"] == 422 and "password" in seen[-1]["message"]


def test_a_request_without_a_file(offline_server):
    answer = requests.post(offline_server.url + "/api/check", timeout=10)
    assert answer.status_code == 400 and "Choose your essay" in answer.json()["error"]
    assert requests.get(offline_server.url + "/api/check", timeout=10).status_code == 405


def test_an_upload_over_the_limit_is_refused_before_it_is_read(tmp_path):
    with RunningServer(OFFLINE, ServeLimits(max_upload_mb=1)) as server:
        host, port = server.listener.getsockname()[:2]
        connection = http.client.HTTPConnection(host, port, timeout=5)
        connection.putrequest("POST", "/api/check")
        connection.putheader("Content-Length", str(200 * 1024 * 1024))  # 200 MB announced, none sent
        connection.putheader("X-Essay-Name", "big.docx")
        connection.endheaders()
        started = time.monotonic()
        response = connection.getresponse()
        assert response.status == 413 and time.monotonic() - started < 3
        assert "larger than 1 MB" in response.read().decode("utf-8")
        connection.close()

        # without a length (chunked), it is cut off as soon as it passes the limit
        def chunks():
            for _ in range(64):
                yield b"x" * 65536

        answer = requests.post(server.url + "/api/check", data=chunks(), timeout=10,
                               headers={"X-Essay-Name": "big.txt"})
        assert answer.status_code == 413


def test_names_and_text_from_the_essay_are_escaped_and_names_made_safe(offline_server):
    hostile = "<img src=x onerror=alert(1)>/../../etc/passwd\x00.txt"
    text = ("A page\n\nHe wrote <script>alert('x')</script> and <b onmouseover=alert(2)>bold</b> "
            "(Smith, 2019).\n\nReferences\n\nSmith, J. (2019). <i>Title</i>. Publisher.\n")
    result = upload(offline_server.url, data=text.encode("utf-8"), name=hostile).json()
    assert "/" not in result["name"] and "\x00" not in result["name"]
    page = result["html"]
    assert "<script>" not in page and "<b onmouseover" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page or "&lt;script&gt;" in page


@pytest.mark.parametrize("given, shown", [
    ("essay.docx", "essay.docx"),
    ("C:\\Users\\ana\\My essay.docx", "My essay.docx"),
    ("../../etc/passwd", "passwd"),
    ("a\x00b<c>.txt", "a_b_c_.txt"),
    ("", "essay"),
    ("...", "essay"),
    ("x" * 300 + ".docx", "x" * 110 + ".docx"),
])
def test_display_names(given, shown):
    assert display_name(given) == shown


def test_nothing_of_an_upload_is_kept_or_logged(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    phrase = "Zanzibar-quokka-7731"
    text = f"Title\n\n{phrase} matters (Smith, 2019).\n\nReferences\n\nSmith, J. (2019). A book. Pub.\n"
    caplog.set_level(logging.DEBUG)
    with RunningServer(OFFLINE) as server:
        assert upload(server.url, data=text.encode(), name=f"{phrase}.txt").status_code == 200
        assert upload(server.url, data=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, name=f"{phrase}.docx").status_code == 422
    assert list(tmp_path.iterdir()) == []  # the temporary folders are gone
    assert phrase not in caplog.text


# --- limits --------------------------------------------------------------------------------


def test_a_client_over_its_rate_gets_429_with_retry_after_and_others_are_still_served():
    with RunningServer(OFFLINE, ServeLimits(checks_per_minute=3)) as server:
        essay = SAMPLES / "clean-essay.txt"
        codes = [upload(server.url, essay).status_code for _ in range(3)]
        refused = upload(server.url, essay)
        assert codes == [200, 200, 200] and refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        assert "Try again in" in refused.json()["error"]
        assert requests.get(server.url + "/api/health", timeout=10).status_code == 200


def test_ten_uploads_at_once_from_one_client_each_get_an_answer():
    with RunningServer(OFFLINE, ServeLimits(max_checks=2, max_waiting=5, checks_per_minute=8)) as server:
        answers: list = [None] * 10

        def send(i: int) -> None:
            answers[i] = upload(server.url, SAMPLES / "mistakes-essay.docx", stream=i % 2 == 0)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        outcomes = []
        for answer in answers:
            if answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-ndjson"):
                last = events(answer)[-1]
                outcomes.append("report" if last["event"] == "report" else last["status"])
            elif answer.status_code == 200:
                outcomes.append("report")
            else:
                assert answer.json()["error"]  # a sentence, not a crash
                outcomes.append(answer.status_code)
        assert outcomes.count(429) == 2  # eight a minute from one address
        assert set(outcomes) <= {"report", 429, 503} and outcomes.count("report") >= 2
        assert upload(server.url, SAMPLES / "clean-essay.txt").status_code in (200, 429)


def test_checks_beyond_the_limit_wait_in_line_and_beyond_the_line_are_turned_away(tmp_path, doi_stand_in):
    record = (FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8")

    def slow(request):
        time.sleep(1.0)
        from werkzeug import Response

        return Response(record, content_type="application/vnd.citationstyles.csl+json")

    doi_stand_in.expect_request(re.compile("/doi/.*")).respond_with_handler(slow)
    essays = []
    for n in range(3):
        essay = tmp_path / f"essay{n}.txt"  # a DOI of its own each, so none is answered from the cache
        essay.write_text(f"T\n\nText (Raj, 2017).\n\nReferences\n\nRaj, M. (2017). Identity. Journal, 4(1), 1\u20132. "
                         f"https://doi.org/10.1177/01461672176972{n}\n", encoding="utf-8")
        essays.append(essay)
    with RunningServer(resolving(tmp_path, cache=False), ServeLimits(max_checks=1, max_waiting=1)) as server:
        answers: list = [None] * 3

        def send(i: int) -> None:
            time.sleep(0.3 * i)  # in this order
            answers[i] = upload(server.url, essays[i], stream=i < 2)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    first, second = events(answers[0]), events(answers[1])
    assert first[-1]["event"] == "report" and second[-1]["event"] == "report"
    assert second[0]["event"] == "waiting" and second[0]["ahead"] == 1 and "before yours" in second[0]["message"]
    assert answers[2].status_code == 503 and answers[2].headers["retry-after"]


def test_rate_limiter_refills_with_time():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.try_take("a") == 0 and limiter.try_take("a") == 0
    assert limiter.try_take("a") == pytest.approx(30.0)
    assert limiter.try_take("b") == 0  # each client its own bucket
    now[0] = 30.0
    assert limiter.try_take("a") == 0


def test_gate_counts_who_is_ahead():
    import asyncio

    async def scenario():
        gate = CheckGate(running=1, waiting=1)
        assert gate.ahead() == 0
        await gate.enter()
        assert gate.ahead() == 1
        waiter = asyncio.ensure_future(gate.enter())
        await asyncio.sleep(0)
        assert gate.ahead() == 2
        from essaycheck.serve.limits import Busy

        with pytest.raises(Busy):
            await gate.enter()
        gate.leave()
        await waiter
        gate.leave()
        assert gate.ahead() == 0

    asyncio.run(scenario())


# --- the DOI box ---------------------------------------------------------------------------


def test_cite_a_doi(tmp_path, doi_stand_in):
    record = (FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8")
    doi_stand_in.expect_request(f"/doi/{RAJ_DOI}").respond_with_data(
        record, content_type="application/vnd.citationstyles.csl+json")
    doi_stand_in.expect_request(re.compile("/doi/10.9999.*")).respond_with_data("", status=404)
    doi_stand_in.expect_request(re.compile("/crossref/.*")).respond_with_data("", status=404)
    with RunningServer(resolving(tmp_path)) as server:
        def cite(doi):
            return requests.post(server.url + "/api/cite", json={"doi": doi}, timeout=20)

        found = cite(f"https://doi.org/{RAJ_DOI}")
        assert found.status_code == 200
        answer = found.json()
        assert answer["entry"].startswith("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and ")
        assert "<i>Personality and Social Psychology Bulletin</i>, <i>43</i>(6)" in answer["html"]
        assert answer["parenthetical"] == "(Raj et al., 2017)"
        assert cite("not a doi").status_code == 400
        assert cite("10.9999/nothing-here").status_code == 404
        assert requests.post(server.url + "/api/cite", data="{", timeout=10).status_code == 400
    with RunningServer(OFFLINE) as server:
        off = requests.post(server.url + "/api/cite", json={"doi": RAJ_DOI}, timeout=10)
        assert off.status_code == 503 and "switched off" in off.json()["error"]


# --- configuration -------------------------------------------------------------------------


def test_limits_come_from_the_serve_table(tmp_path):
    (tmp_path / "essaycheck.toml").write_text(
        "resolve = false\n[serve]\nmax-upload-mb = 5\nmax-checks = 3\nchecks-per-minute = 30\n", encoding="utf-8")
    assert load_limits(tmp_path) == ServeLimits(max_upload_mb=5, max_checks=3, checks_per_minute=30)
    from essaycheck.config import load_settings

    assert load_settings(tmp_path).resolve is False  # the checks read the same file, [serve] aside
    (tmp_path / "pyproject.toml").write_text("[tool.essaycheck.serve]\nmax-waiting = 4\n", encoding="utf-8")
    (tmp_path / "essaycheck.toml").unlink()
    assert load_limits(tmp_path).max_waiting == 4
    with pytest.raises(ConfigError, match="serve.max-uploads"):
        limits_from_table({"max-uploads": 3}, "x.toml")
    with pytest.raises(ConfigError, match="positive"):
        limits_from_table({"max-checks": 0}, "x.toml")
    with pytest.raises(ConfigError, match="positive"):
        limits_from_table({"max-checks": True}, "x.toml")


def test_assets_are_read_once_and_other_names_are_not_kept():
    from essaycheck.serve.page import _assets, asset

    assert asset("page.js")[1].startswith("text/javascript") and asset("report.css")[1].startswith("text/css")
    known = dict(_assets())
    for name in ("../secret", "x.js", ".page.js", "page.js/", "a" * 300):
        assert asset(name) is None
    assert _assets() == known  # nothing a client asked for was added
