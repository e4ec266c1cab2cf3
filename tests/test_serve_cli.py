"""``essaycheck serve`` as a command, and the app under uvicorn with two worker processes.

Every server listens on 127.0.0.1 only; lookups go to a local stand-in.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from pytest_httpserver import HTTPServer

from essaycheck.cli import build_parser
from essaycheck.commands.serve import _listen
from essaycheck.errors import InputError
from serve_support import upload

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("http_fixtures")
RAJ_DOI = "10.1177/0146167217697299"


def _start(args: list[str], cwd: Path, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "essaycheck", "serve", "--no-browser", *args], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    line = process.stdout.readline()
    found = re.search(r"(http://\S+/)", line)
    if not found:
        process.kill()
        raise AssertionError(f"no address printed: {line!r} {process.stderr.read()}")
    return process, found.group(1).rstrip("/")


def test_serve_listens_on_this_computer_only_by_default_and_stops_on_ctrl_c(tmp_path):
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    process, base = _start(["--no-resolve", "--isolated"], tmp_path)
    try:
        assert base.startswith("http://127.0.0.1:")
        assert requests.get(base + "/api/health", timeout=10).json()["status"] == "ok"
        assert upload(base, ROOT / "samples" / "clean-essay.txt").status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "stopped" in err and "Traceback" not in err


def test_the_listening_socket_is_bound_to_loopback_alone():
    listener = _listen("127.0.0.1", 0)
    try:
        assert listener.getsockname()[0] == "127.0.0.1"
    finally:
        listener.close()


def test_a_port_in_use_is_a_one_line_error(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(InputError, match="cannot listen on 127.0.0.1"):
            _listen("127.0.0.1", port)
        result = subprocess.run([sys.executable, "-m", "essaycheck", "serve", "--no-browser", "--isolated",
                                 "--port", str(port)], cwd=tmp_path, capture_output=True, text=True, timeout=30)
    finally:
        taken.close()
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "cannot listen" in result.stderr


def test_help_says_what_it_does_and_what_it_does_not():
    result = subprocess.run([sys.executable, "-m", "essaycheck", "serve", "--help"], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0
    for words in ("127.0.0.1", "--host", "--port", "--no-browser", "reverse proxy", "[serve]"):
        assert words in result.stdout


def test_two_worker_processes_share_one_lookup_cache(tmp_path):
    """The department set-up of the README: uvicorn, two workers, one cache folder."""
    stand_in = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    stand_in.start()
    record = (FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8")
    stand_in.expect_request(f"/doi/{RAJ_DOI}").respond_with_data(
        record, content_type="application/vnd.citationstyles.csl+json")
    (tmp_path / "essaycheck.toml").write_text(
        f'cache-dir = "{tmp_path / "cache"}"\nallow-private-urls = true\nlookups = []\n'
        "[serve]\nchecks-per-minute = 1000\n", encoding="utf-8")
    essay = tmp_path / "raj.txt"
    essay.write_text("Networks\n\nProfessionals network (Raj et al., 2017).\n\nReferences\n\n"
                     "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality "
                     f"and Social Psychology Bulletin, 43(6), 772\u2013784. https://doi.org/{RAJ_DOI}\n", encoding="utf-8")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    env = {**os.environ, "ESSAYCHECK_DOI_URL": stand_in.url_for("/doi").rstrip("/"),
           "ESSAYCHECK_CROSSREF_URL": stand_in.url_for("/crossref").rstrip("/")}
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "essaycheck.serve:create_app",
                                "--workers", "2", "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            try:  # a new connection each time; the kernel hands them to either worker
                workers.add(requests.get(base + "/api/health", timeout=5, headers={"Connection": "close"})
                            .json()["worker"])
            except requests.ConnectionError:
                time.sleep(0.2)
        assert len(workers) == 2, "two worker processes answer"
        reports = [upload(base, essay, timeout=60).json()["report"] for _ in range(6)]
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
        stand_in.stop()
    assert all(r["references"][0]["record"]["status"] == "ok" for r in reports)
    doi_requests = [r for r, _ in stand_in.log if r.path.startswith("/doi/")]
    assert len(doi_requests) == 1  # the first check filled the shared cache; every later one read it


def test_serve_opens_the_page_in_the_browser_once_it_answers(tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > "{opened}"\n', encoding="utf-8")
    browser.chmod(0o755)
    process = subprocess.Popen([sys.executable, "-m", "essaycheck", "serve", "--no-resolve", "--isolated"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "BROWSER": str(browser)})
    try:
        address = re.search(r"(http://\S+/)", process.stdout.readline()).group(1)
        deadline = time.monotonic() + 20
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text(encoding="utf-8").strip() == address
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
