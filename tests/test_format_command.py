"""``essaycheck format``: essays, CSL-JSON, BibTeX and DOIs in; every output format out."""

import json
from pathlib import Path

import pytest

from essaycheck.commands import format as format_command
from essaycheck.cli import main
from resolve_support import doi_stand_in  # noqa: F401 - a fixture

FIXTURES = Path(__file__).with_name("http_fixtures")
RAJ_DOI = "10.1177/0146167217697299"
ESSAY = """Professional networking
Motivation matters (Ryan & Deci, 2000a, 2000b).
References
Ryan, R. M., & Deci, E. L. (2000a). Self-determination theory and the facilitation of intrinsic motivation, social development, and well-being. American Psychologist, 55(1), 68-78.
Ryan, R. M., & Deci, E. L. (2000b). Intrinsic and extrinsic motivations: Classic definitions and new directions. Contemporary Educational Psychology, 25(1), 54–67.
"""


def run(argv, capsys):
    code = main(["format", *argv])
    return code, capsys.readouterr()


def test_parser_shape():
    assert callable(format_command.add_parser) and callable(format_command.run)


def test_essay_is_formatted_sorted_and_suffixed(tmp_path, capsys):
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    code, out = run([str(essay), "--no-resolve", "--isolated"], capsys)
    assert code == 0
    lines = out.out.splitlines()
    assert lines[0].startswith("Ryan, R. M., & Deci, E. L. (2000a). Intrinsic and extrinsic")
    assert lines[1].startswith("Ryan, R. M., & Deci, E. L. (2000b). Self-determination") and "68–78." in lines[1]


def test_json_and_bib_inputs_together(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "w", "type": "book", "title": "Communities of practice",
                                                  "author": [{"family": "Wenger", "given": "Etienne"}],
                                                  "issued": {"date-parts": [[1998]]}, "publisher": "CUP"}]))
    (tmp_path / "b.bib").write_text("@book{a, author={Adams, Ann}, title={Alpha}, publisher={P}, year={2001}}")
    code, out = run([str(tmp_path / "a.json"), str(tmp_path / "b.bib"), "--to", "md"], capsys)
    assert code == 0
    assert out.out == "Adams, A. (2001). *Alpha*. P.\n\nWenger, E. (1998). *Communities of practice*. CUP.\n"


def test_docx_to_file(tmp_path, capsys):
    from docx import Document

    (tmp_path / "a.json").write_text(json.dumps({"id": "w", "type": "book", "title": "T", "publisher": "P"}))
    target = tmp_path / "refs.docx"
    code, _ = run([str(tmp_path / "a.json"), "--to", "docx", "-o", str(target)], capsys)
    assert code == 0 and Document(str(target)).paragraphs[1].runs[0].italic


def test_style_by_name_and_path(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"id": "w", "type": "book", "title": "T", "publisher": "P",
                                                 "author": [{"family": "Lee", "given": "Ann"}]}))
    code, out = run([str(tmp_path / "a.json"), "--style", "ieee"], capsys)
    assert code == 0 and out.out.startswith("[1] A. Lee")
    from essaycheck.formatting.style import style_path

    code, out = run([str(tmp_path / "a.json"), "--style", style_path("essaycheck-author-date")], capsys)
    assert code == 0 and out.out == "Lee, A. (n.d.). T. P.\n"


def test_bad_input_is_exit_2(tmp_path, capsys):
    assert run([str(tmp_path / "missing.json")], capsys)[0] == 2
    (tmp_path / "bad.json").write_text("{not json")
    assert run([str(tmp_path / "bad.json")], capsys)[0] == 2
    assert run([], capsys)[0] == 2
    (tmp_path / "a.json").write_text('[{"id": "a", "type": "book", "title": "T"}]')
    code, out = run([str(tmp_path / "a.json"), "--style", "no-such-style"], capsys)
    assert code == 2 and "no-such-style" in out.err


def test_doi_through_a_local_server(doi_stand_in, tmp_path, capsys):
    record = (FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8")
    doi_stand_in.expect_request(f"/doi/{RAJ_DOI}").respond_with_data(
        record, content_type="application/vnd.citationstyles.csl+json")
    doi_stand_in.expect_request("/doi/10.9999/none").respond_with_data("", status=404)
    doi_stand_in.expect_request("/crossref/works/10.9999/none").respond_with_data("", status=404)
    code, out = run(["--doi", RAJ_DOI, "--doi", "10.9999/none", "--allow-private-urls", "--no-cache", "--isolated"],
                    capsys)
    assert out.out.startswith("Raj, M., Fast, N. J., & Fisher, O. (2017).")
    assert "https://doi.org/10.1177/0146167217697299" in out.out
    assert "10.9999/none" in out.err and code == 1


def test_an_essay_list_is_formatted_once_per_work_with_dois_as_written(tmp_path, capsys):
    from essaycheck.cli import main

    essay = tmp_path / "essay.txt"
    ryan = ("Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic "
            "motivation, social development, and well-being. American Psychologist, 55(1), 68–78. "
            "https://doi.org/10.1037/0003-066X.55.1.68")
    essay.write_text(f"Essay\nMotivation matters (Ryan & Deci, 2000).\nReferences\n{ryan}\n{ryan}\n", encoding="utf-8")
    assert main(["format", "--no-resolve", str(essay)]) == 0
    out = capsys.readouterr().out
    assert out.count("Ryan, R. M.") == 1 and "(2000a)" not in out
    assert "https://doi.org/10.1037/0003-066X.55.1.68" in out
