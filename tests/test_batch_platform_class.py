"""Tutor mode on class folders as Moodle, Canvas and Blackboard hand them out, folder and zip:
every file has its row with the right status and student, the PDF, .odt and HTML essays give the
findings of the same essay as .docx, and the feedback zip holds one annotated copy per checked
Word or PDF essay. Built by tests/class_downloads.py."""

import csv
import zipfile

import openpyxl
import pytest

from class_downloads import PLATFORMS, zipped
from essaycheck.batch import run_batch
from essaycheck.cli import main
from essaycheck.settings import Settings

OFFLINE = Settings(resolve=False, jobs=2, progress=False)
FINDINGS = ("citations", "references", "errors", "warnings", "rules")


@pytest.fixture(scope="module", params=sorted(PLATFORMS))
def platform_class(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(request.param) / "download"
    expected = PLATFORMS[request.param](root)
    return request.param, root, expected


def _check_rows(result, expected):
    rows = {row.file: row for row in result.rows}
    assert sorted(rows) == sorted(expected)  # every file has its row, and nothing else does
    for name, want in expected.items():
        row = rows[name]
        assert (row.status, row.student, row.role, row.late) == (want.status, want.student, want.role, want.late), (
            name, row)
        assert row.reason if row.status != "checked" else row.report, name
    by_sample = {}
    for name, want in expected.items():
        if want.sample:
            found = tuple(getattr(rows[name], column) for column in FINDINGS)
            by_sample.setdefault(want.sample, set()).add(found)
    # The same essay as .docx, PDF, .odt or HTML: the same counts and the same rules, no tolerance
    assert all(len(variants) == 1 for variants in by_sample.values()), by_sample
    return rows


def test_every_file_of_the_folder_has_its_row(platform_class, tmp_path):
    name, root, expected = platform_class
    result = run_batch(root, tmp_path / "out", OFFLINE)
    rows = _check_rows(result, expected)
    not_checked = sum(1 for row in rows.values() if row.status != "checked")
    assert f"{not_checked} file{'s' * (not_checked != 1)} not checked" in result.summary_line
    assert result.exit_code == 1  # errors in the mistakes essay, and (Moodle, Canvas) an old .doc
    with open(tmp_path / "out" / "summary.csv", newline="", encoding="utf-8") as handle:
        table = {line["file"]: line for line in csv.DictReader(handle)}
    assert {file: line["student"] for file, line in table.items()} == {f: e.student for f, e in expected.items()}
    sheet = openpyxl.load_workbook(tmp_path / "out" / "summary.xlsx").active
    header = [cell.value for cell in sheet[1]]
    cells = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {file: line["student"] for file, line in cells.items()} == {f: e.student for f, e in expected.items()}
    for file, line in cells.items():  # numbers as numbers, for sorting and sums in the spreadsheet
        assert line["errors"] == (rows[file].errors if rows[file].has_report else None), file
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert all(f'data-status="{e.status}"' in index for e in expected.values())


def test_the_download_zip_gives_the_same_rows(platform_class, tmp_path):
    name, root, expected = platform_class
    archive = zipped(root, tmp_path / f"{name}.zip")
    result = run_batch(archive, tmp_path / "out", OFFLINE)
    _check_rows(result, expected)
    assert result.folder == archive
    assert not list(tmp_path.glob("essaycheck-class-*"))  # the unpacked copy is gone


def test_the_feedback_zip_holds_one_file_per_checked_submission(tmp_path):
    root = tmp_path / "download"
    expected = PLATFORMS["moodle"](root)
    feedback = tmp_path / "feedback.zip"
    result = run_batch(zipped(root, tmp_path / "moodle.zip"), tmp_path / "out", OFFLINE, feedback_zip=feedback)
    checked = {f for f, e in expected.items() if e.status == "checked"}
    annotated = {row.file for row in result.rows if row.annotated}
    assert annotated == {f for f in checked if f.endswith((".docx", ".pdf"))}
    with zipfile.ZipFile(feedback) as archive:
        names = archive.namelist()
        assert len(names) == len(checked)  # one each: the annotated copy, else the HTML report
        for file in checked:
            folder, original = file.split("/")
            stem, extension = original.rsplit(".", 1)
            kind = extension if file in annotated else "html"
            assert f"{folder.rstrip('_')}/{stem}.annotated.{kind}" in names or \
                f"{folder}/{stem}.annotated.{kind}" in names, (file, names)
        pdf = next(n for n in names if n.endswith(".pdf"))
        assert archive.read(pdf).startswith(b"%PDF")
        report = next(n for n in names if "Dev Patel" in n)
        assert report.endswith(".annotated.html") and b"<html" in archive.read(report)


def test_the_command_line_takes_the_zip_and_names_the_feedback_file(tmp_path, capsys):
    root = tmp_path / "download"
    PLATFORMS["canvas"](root)
    archive = zipped(root, tmp_path / "canvas.zip")
    code = main(["batch", str(archive), "--no-resolve", "--isolated", "-j", "1", "--no-progress",
                 "--feedback-zip", str(tmp_path / "back.zip")])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[0].startswith("3 essays checked, 1 could not be read; ")
    assert "1 file not checked" in out and (tmp_path / "canvas-essaycheck-report" / "summary.xlsx").is_file()
    assert "Feedback files:" in out and (tmp_path / "back.zip").is_file()


def test_a_hostile_zip_is_refused_in_one_line_and_nothing_is_written(tmp_path, capsys):
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("../escape.txt", "x")
    code = main(["batch", str(archive), "--no-resolve", "--isolated", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "escape.txt" in err
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path / "out" / "index.html").exists()
