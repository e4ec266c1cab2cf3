"""The command line as a user meets it: help, exit codes, JSON contract, bad input."""

import hashlib
import json
import os
import subprocess
import sys

import pytest

import resolve_support as S
from essaycheck.cli import main
from essaycheck.rules.examples import RAJ
from essaycheck.rules.examples import essay as essay_text

server, running_server = S.server, S.running_server

CLEAN = ("Networking\nNetworks open doors (Granovetter, 1973).\nReferences\n"
         "Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, 78(6), "
         "1360–1380. https://doi.org/10.1086/225469\n")
SLIP = CLEAN.replace("(Granovetter, 1973)", "(Granovetter, 1974)")


def run(*args, cwd=None):
    """The installed command in a separate process, as a student runs it."""
    env = {**os.environ, "NO_COLOR": "", "ESSAYCHECK_CACHE_DIR": str(cwd or ".")}
    return subprocess.run([sys.executable, "-m", "essaycheck", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=60)


@pytest.fixture
def essay(tmp_path):
    def write(text, name="essay.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


def test_help_reads_well():
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout and "rules" in result.stdout
    result = run("check", "--help")
    assert "Exit status: 0 no errors, 1 errors found, 2" in result.stdout


def test_clean_essay_exits_0(essay, capsys):
    assert main(["check", "--no-resolve", str(essay(CLEAN))]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_errors_exit_1_and_show_the_fix(essay, capsys):
    assert main(["check", "--no-resolve", str(essay(SLIP))]) == 1
    out = capsys.readouterr().out
    assert "year-mismatch" in out and "Fix: Granovetter, 1973" in out


def test_usage_error_exits_2():
    assert run("check").returncode == 2
    assert run("check", "--select", "no-such-rule", "x.txt").returncode == 2


@pytest.mark.parametrize("name, content", [
    ("missing.docx", None),
    ("renamed.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
    ("empty.txt", b""),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = hashlib.sha256(content).hexdigest() if content is not None else None
    result = run("check", "--no-resolve", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("essaycheck: ")
    if content is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_one_bad_file_does_not_hide_the_others(essay, tmp_path, capsys):
    code = main(["check", "--no-resolve", str(tmp_path / "nope.txt"), str(essay(CLEAN))])
    captured = capsys.readouterr()
    assert code == 2
    assert "nope.txt" in captured.err and "0 errors" in captured.out


def test_json_contract(essay, capsys):
    assert main(["check", "--no-resolve", "--format", "json", str(essay(SLIP))]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"file", "citations", "references", "problems"}
    (citation,) = data["citations"]
    assert {"text", "authors", "year", "narrative", "reference", "location"} <= set(citation)
    assert citation["year"] == "1974" and citation["reference"] == 0 and citation["narrative"] is False
    (reference,) = data["references"]
    assert {"text", "authors", "year", "title", "container", "doi", "url", "type"} <= set(reference)
    assert reference["doi"] == "10.1086/225469" and reference["type"] == "article-journal"
    assert reference["apa"]["parenthetical"] == "(Granovetter, 1973)"
    assert reference["apa"]["narrative"] == "Granovetter (1973)"
    assert reference["apa"]["entry"].startswith("Granovetter, M. S. (1973). The strength of weak ties.")
    (problem,) = data["problems"]
    assert {"rule", "severity", "message", "citation", "reference", "location", "suggestion"} <= set(problem)
    assert (problem["rule"], problem["severity"], problem["citation"], problem["reference"]) == \
        ("year-mismatch", "error", 0, 0)
    assert problem["location"]["text"] == "Granovetter, 1974"


def test_output_file_is_written_and_input_untouched(essay, tmp_path):
    path = essay(SLIP)
    before = path.read_bytes()
    target = tmp_path / "out" 
    target.mkdir()
    assert main(["check", "--no-resolve", "--format", "json", "-o", str(target / "r.json"), str(path)]) == 1
    assert json.loads((target / "r.json").read_text())["problems"]
    assert path.read_bytes() == before
    assert sorted(p.name for p in target.iterdir()) == ["r.json"]  # no temporary file left behind


def test_colour_only_when_asked_or_on_a_terminal(essay, capsys):
    main(["check", "--no-resolve", str(essay(SLIP))])
    assert "\033[" not in capsys.readouterr().out
    main(["check", "--no-resolve", "--color", "always", str(essay(SLIP))])
    assert "\033[" in capsys.readouterr().out


def test_rules_command_explains_a_rule(capsys):
    assert main(["rules", "narrative-comma"]) == 0
    assert "no comma" in capsys.readouterr().out
    assert main(["rules"]) == 0
    assert "missing-reference" in capsys.readouterr().out


def test_html_report_and_annotated_copy_for_one_essay(tmp_path, capsys):
    import shutil
    from pathlib import Path

    import docx

    essay_path = tmp_path / "essay.docx"
    shutil.copy(Path(__file__).resolve().parent.parent / "samples" / "mistakes-essay.docx", essay_path)
    before = essay_path.read_bytes()
    report = tmp_path / "report.html"
    code = main(["check", "--no-resolve", "--format", "html", "-o", str(report), "--annotate", str(essay_path)])
    assert code == 1
    page = report.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "narrative-comma" in page
    assert "<script src=" not in page and "<link " not in page  # self-contained
    copy = tmp_path / "essay.checked.docx"
    comments = list(docx.Document(copy).comments)
    assert comments and any("comma" in c.text for c in comments)
    assert essay_path.read_bytes() == before
    assert "annotated copy written to" in capsys.readouterr().err


def test_annotating_a_text_file_is_a_clear_error(essay, capsys):
    assert main(["check", "--no-resolve", "--annotate", str(essay(CLEAN))]) == 2
    err = capsys.readouterr().err
    assert "annotated copies are made of Word (.docx) and PDF essays" in err and err.count("\n") == 1


def test_several_essays_share_one_lookup_per_doi(tmp_path, monkeypatch, server, capsys):
    S.serve_doi(server, S.RAJ_DOI, "raj2017.csl.json")
    monkeypatch.setenv("ESSAYCHECK_DOI_URL", server.url_for("/doi").rstrip("/"))
    monkeypatch.setenv("ESSAYCHECK_CROSSREF_URL", server.url_for("/crossref").rstrip("/"))
    paths = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        path.write_text(essay_text("Identity matters (Raj et al., 2017).", RAJ), encoding="utf-8")
        paths.append(str(path))
    code = main(["check", "--isolated", "--no-cache", "--format", "json", *paths])
    reports = json.loads(capsys.readouterr().out)
    assert code == 0 and [r["references"][0]["record"]["status"] for r in reports] == ["ok", "ok"]
    assert len(S.requests_to(server, f"/doi/{S.RAJ_DOI}")) == 1


def test_annotating_a_pdf_writes_a_pdf_with_a_note_at_each_problem(tmp_path, capsys):
    import pypdf

    from class_downloads import write_essay

    pdf = write_essay(tmp_path / "essay.pdf", "mistakes-essay", "pdf")
    before = pdf.read_bytes()
    assert main(["check", "--no-resolve", "--isolated", "--annotate", str(pdf)]) == 1
    copy = tmp_path / "essay.checked.pdf"
    notes = [annotation.get_object() for page in pypdf.PdfReader(copy).pages
             for annotation in page.get("/Annots", [])]
    highlights = [note for note in notes if note["/Subtype"] == "/Highlight"]
    assert len(highlights) >= 10 and any("comma" in str(note.get("/Contents", "")) for note in highlights)
    assert pdf.read_bytes() == before
