"""Tutor mode end to end: a class folder with good, bad, corrupt, locked, empty and duplicate essays."""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import docx
import pytest

import resolve_support as S
from essaycheck.api import check
from essaycheck.batch import run_batch
from essaycheck.batch.discover import find_files
from essaycheck.cli import main
from essaycheck.model import Severity
from essaycheck.render.json import report_to_json
from essaycheck.rules.examples import BRAUN, RAJ, essay
from essaycheck.settings import Settings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
server, running_server = S.server, S.running_server
OFFLINE = Settings(resolve=False, jobs=2)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

READABLE = ["alice/clean.docx", "bob/mistakes.docx", "carol/mistakes.txt", "dan/clean.md", "erin/blog.txt"]
DUPLICATE = "frank/copy of alice.docx"
UNREADABLE = ["alice/draft.pdf", "gina/broken.docx", "hugo/locked.docx", "ivy/empty.txt"]


def build_class(root: Path) -> Path:
    """A class folder: five readable essays and a duplicate, four unreadable, and files to pass over."""
    def put(name, data):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    clean = (SAMPLES / "clean-essay.docx").read_bytes()
    put("alice/clean.docx", clean)
    put("bob/mistakes.docx", (SAMPLES / "mistakes-essay.docx").read_bytes())
    put("carol/mistakes.txt", (SAMPLES / "mistakes-essay.txt").read_bytes())
    put("dan/clean.md", (SAMPLES / "clean-essay.md").read_bytes())
    put("erin/blog.txt", (SAMPLES / "blog-post.txt").read_bytes())
    put("frank/copy of alice.docx", clean)
    put("gina/broken.docx", clean[:600])  # truncated download
    put("hugo/locked.docx", OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(1000))
    put("ivy/empty.txt", b"")
    put("alice/draft.pdf", b"%PDF-1.7")  # a PDF cut short: a row saying it is damaged
    # passed over (and counted): Word's lock file, hidden files and folders; never read: the output folder
    put("alice/~$clean.docx", b"lock")
    put("alice/.notes.md", b"# private")
    put(".trash/old.txt", b"Old essay (Smith 2019).")
    put("reports/leftover.txt", b"an earlier output")
    return root


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    root = build_class(tmp_path_factory.mktemp("class"))
    result = run_batch(root, root / "reports", OFFLINE)
    return root, result


def rows_by_file(result):
    return {row.file: row for row in result.rows}


def test_discovery_finds_every_file_but_hidden_system_and_output_files(tmp_path):
    root = build_class(tmp_path)
    found = find_files(root, exclude=(root / "reports",))
    assert [p.relative_to(root).as_posix() for p in found.files] == sorted(
        READABLE + [DUPLICATE] + UNREADABLE, key=str.lower)
    assert found.ignored == 3


def test_summary_counts_are_exact(first_run):
    root, result = first_run
    rows = rows_by_file(result)
    assert sorted(rows) == sorted(READABLE + [DUPLICATE] + UNREADABLE)
    assert Counter(row.status for row in result.rows) == {"checked": 5, "duplicate": 1, "unreadable": 4}
    expected = {}
    for name in READABLE:
        report = check(root / name, OFFLINE)
        expected[name] = (report.document.word_count, len(report.citations), len(report.references),
                          report.count(Severity.ERROR), report.count(Severity.WARNING))
        row = rows[name]
        assert (row.words, row.citations, row.references, row.errors, row.warnings) == expected[name], name
    for name in ("alice/clean.docx", "dan/clean.md", "erin/blog.txt"):
        assert (rows[name].errors, rows[name].warnings) == (0, 0), name  # samples/EXPECTED.md: no findings
    assert rows["bob/mistakes.docx"].errors > 0
    errors = sum(e[3] for e in expected.values())
    warnings = sum(e[4] for e in expected.values())
    assert result.summary_line == (f"5 essays checked, 4 could not be read, 1 duplicate of another submission; "
                                   f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; "
                                   "4 files not checked (see the Status column); 3 hidden or system files ignored")
    assert result.exit_code == 1


def test_unreadable_essays_have_their_reason(first_run):
    _, result = first_run
    rows = rows_by_file(result)
    assert "damaged" in rows["gina/broken.docx"].reason or "zip" in rows["gina/broken.docx"].reason
    assert "password" in rows["hugo/locked.docx"].reason
    assert "empty" in rows["ivy/empty.txt"].reason
    assert "PDF" in rows["alice/draft.pdf"].reason
    assert all(not rows[name].report for name in UNREADABLE)


def test_a_duplicate_is_named_and_not_checked_again(first_run):
    root, result = first_run
    rows = rows_by_file(result)
    assert rows[DUPLICATE].duplicate_of == "alice/clean.docx" and rows[DUPLICATE].status == "duplicate"
    assert rows[DUPLICATE].report == rows["alice/clean.docx"].report  # the original's report serves both
    assert not (root / "reports" / f"{DUPLICATE}.json").exists()
    assert rows["alice/clean.docx"].duplicate_of == ""


def test_summary_csv_and_outputs_per_essay(first_run):
    root, result = first_run
    out = root / "reports"
    with open(out / "summary.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["file"] for r in table] == [row.file for row in result.rows]
    by_file = {r["file"]: r for r in table}
    assert by_file["hugo/locked.docx"]["status"] == "unreadable"
    assert int(by_file["bob/mistakes.docx"]["errors"]) == rows_by_file(result)["bob/mistakes.docx"].errors
    for name in READABLE:
        assert (out / f"{name}.json").is_file() and (out / f"{name}.html").is_file()
    assert (out / "bob/mistakes.annotated.docx").is_file()
    assert not (out / "carol/mistakes.annotated.docx").exists()  # only Word essays get a copy
    # the JSON report is the check --format json contract
    data = json.loads((out / "carol/mistakes.txt.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(report_to_json(check(str(root / "carol/mistakes.txt"), OFFLINE))))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="bob/mistakes.docx.html"' in index and 'same content as alice/clean.docx' in index
    assert "Most common problems" in index
    assert not list(out.rglob("*.tmp"))


def test_annotated_copy_has_a_comment_anchored_at_each_problem(first_run):
    root, _ = first_run
    report = check(root / "bob/mistakes.docx", OFFLINE)
    copy = docx.Document(str(root / "reports/bob/mistakes.annotated.docx"))
    comments = {str(c.comment_id): c.text for c in copy.comments}
    assert len(comments) == len(report.problems) > 0
    anchors, open_ids = {}, set()
    for element in copy.element.body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            anchors[element.get(f"{W}id")] = ""
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}t":
            for cid in open_ids:
                anchors[cid] += element.text or ""
    expected = Counter((p.location.text, p.message) for p in report.problems if p.location and p.location.text)
    found = Counter((anchors[cid], text.split("\n")[0]) for cid, text in comments.items())
    assert expected - found == Counter()
    # the original essay is untouched
    assert (root / "bob/mistakes.docx").read_bytes() == (SAMPLES / "mistakes-essay.docx").read_bytes()


def test_rerun_skips_unchanged_rechecks_changed_and_force(tmp_path):
    root = build_class(tmp_path)
    out = root / "reports"
    run_batch(root, out, OFFLINE)
    again = run_batch(root, out, OFFLINE)
    assert Counter(r.status for r in again.rows) == {"unchanged": 5, "duplicate": 1, "unreadable": 4}
    assert again.summary_line.startswith("0 essays checked, 5 skipped (unchanged), 4 could not be read, 1 duplicate")
    first_errors = sum(r.errors for r in again.rows)

    with open(root / "erin/blog.txt", "a", encoding="utf-8") as handle:
        handle.write("\nOne more line (Nobody, 2020).\n")
    (out / "dan/clean.md.html").unlink()  # a lost output is rebuilt
    third = rows_by_file(run_batch(root, out, OFFLINE))
    assert {name for name, row in third.items() if row.status == "checked"} == {"erin/blog.txt", "dan/clean.md"}
    assert (out / "dan/clean.md.html").is_file()

    forced = run_batch(root, out, OFFLINE, force=True)
    assert Counter(r.status for r in forced.rows) == {"checked": 5, "duplicate": 1, "unreadable": 4}
    assert sum(r.errors for r in forced.rows) >= first_errors


def test_one_internal_error_does_not_stop_the_batch(tmp_path, monkeypatch):
    import essaycheck.api

    root = tmp_path / "class"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):  # three essays, not three copies of one
        (root / name).write_text((SAMPLES / "clean-essay.txt").read_text(encoding="utf-8") + f"\n{name}\n",
                                 encoding="utf-8")
    real = essaycheck.api.check

    def flaky(path, settings=None, **options):
        if str(path).endswith("b.txt"):
            raise ZeroDivisionError("a bug")
        return real(path, settings, **options)

    monkeypatch.setattr(essaycheck.api, "check", flaky)
    result = run_batch(root, tmp_path / "out", Settings(resolve=False, jobs=1), force=True)
    rows = rows_by_file(result)
    assert rows["b.txt"].status == "internal error"
    assert rows["b.txt"].reason.startswith("internal error: ZeroDivisionError: a bug")
    assert rows["a.txt"].status == rows["c.txt"].status == "checked"
    assert result.summary_line.startswith("2 essays checked, 1 failed (internal error); ")


def test_resolution_fetches_each_distinct_doi_once_for_the_class(tmp_path, monkeypatch, server):
    """Three essays share two DOIs and a web page: each is fetched once for the class (real local server)."""
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    S.serve_doi(server, S.BRAUN_DOI, "braun2006.csl.json")
    server.expect_request("/page").respond_with_data("<title>Networking guide</title>", content_type="text/html")
    monkeypatch.setenv("ESSAYCHECK_DOI_URL", server.url_for("/doi").rstrip("/"))
    monkeypatch.setenv("ESSAYCHECK_CROSSREF_URL", server.url_for("/crossref").rstrip("/"))
    page = f"Page Group. (2022). Networking guide. {server.url_for('/page')}"
    root = tmp_path / "class"
    root.mkdir()
    for n, word in enumerate(("matter", "count", "help")):  # three essays, not three copies of one
        (root / f"essay{n}.txt").write_text(essay(
            f"Networks {word} (Page Group, 2022; Raj et al., 2017) and themes emerge (Braun & Clarke, 2006).",
            BRAUN, page, RAJ), encoding="utf-8")
    settings = Settings(resolve=True, jobs=2, cache_dir=str(tmp_path / "cache"), allow_private_urls=True,
                        progress=False)
    result = run_batch(root, tmp_path / "out", settings)
    assert [row.status for row in result.rows] == ["checked"] * 3
    assert len(S.requests_to(server, f"/doi/{S.RAJ_DOI}")) == 1
    assert len(S.requests_to(server, f"/doi/{S.BRAUN_DOI}")) == 1
    assert [r.method for r in S.requests_to(server, "/page")] == ["HEAD", "GET"]
    report = json.loads((tmp_path / "out" / "essay2.txt.json").read_text(encoding="utf-8"))
    assert [r["record"]["status"] for r in report["references"]][::2] == ["ok", "ok"]  # the DOIs, resolved


def test_cli_exit_codes_and_plain_progress(tmp_path):
    clean = tmp_path / "clean-class"
    clean.mkdir()
    shutil.copy(SAMPLES / "clean-essay.txt", clean / "a.txt")
    shutil.copy(SAMPLES / "blog-post.txt", clean / "b.txt")
    assert main(["batch", str(clean), "--no-resolve", "--isolated", "-j", "1"]) == 0
    assert (clean / "essaycheck-report" / "index.html").is_file()
    assert main(["batch", str(tmp_path / "missing"), "--no-resolve"]) == 2

    root = build_class(tmp_path / "class")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "essaycheck", "batch", str(root), "-o", str(root / "reports"),
                           "--no-resolve", "--isolated", "-j", "2"], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 1
    assert "[9/9]" in done.stderr and "[1/9]" in done.stderr
    assert done.stdout.splitlines()[0].startswith("5 essays checked, 4 could not be read, 1 duplicate of another ")


def test_ctrl_c_stops_cleanly_and_keeps_what_is_finished(tmp_path):
    root = tmp_path / "class"
    root.mkdir()
    text = (SAMPLES / "mistakes-essay.txt").read_text(encoding="utf-8")
    for i in range(60):  # sixty essays, not copies of one (a copy is not checked again)
        (root / f"essay{i:02}.txt").write_text(f"{text}\nEssay {i}.\n", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen([sys.executable, "-m", "essaycheck", "batch", str(root), "-o", str(out),
                                "--no-resolve", "--isolated", "-j", "2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    for line in process.stderr:  # wait until a few essays are done, then press Ctrl-C
        if line.startswith("[3/"):
            os.killpg(process.pid, signal.SIGINT)
            break
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    summary = stdout.splitlines()[0]
    assert "not checked (interrupted)" in summary
    with open(out / "summary.csv", newline="", encoding="utf-8") as handle:
        finished = [r["file"] for r in csv.DictReader(handle)]
    assert 3 <= len(finished) < 60
    for name in finished:
        assert (out / f"{name}.html").is_file()
    assert not list(out.rglob("*.tmp"))
    rerun = run_batch(root, out, OFFLINE)
    statuses = Counter(r.status for r in rerun.rows)
    assert statuses["unchanged"] == len(finished) and statuses["checked"] == 60 - len(finished)
