"""Class folders as Moodle, Canvas and Blackboard hand them out, built from the sample essays.

Each submission is one of the samples written in another format (.docx as saved by Word, a
text-layer PDF, an .odt, Moodle's online-text HTML) or a file that is not an essay (a fake old
.doc, a photo, Blackboard's receipt). :data:`Expected` says what the batch must say of each file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from html_factory import html_from_paragraphs
from odt_factory import odt_from_paragraphs
from pdf_factory import build_pdf

from essaycheck.read import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(1000)
PHOTO = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@dataclass(frozen=True)
class Expected:
    """What the batch must say of one file: status, student, role, and which sample it holds."""

    status: str
    student: str
    role: str = ""
    sample: str = ""  # "clean-essay" / "mistakes-essay" for an essay, else ""
    late: bool = False


def write_essay(path: Path, sample: str, kind: str) -> Path:
    """The sample essay ``sample`` written at ``path`` as ``kind`` (docx, pdf, odt, html)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "docx":
        path.write_bytes((SAMPLES / f"{sample}.docx").read_bytes())
        return path
    paragraphs = list(read_document(SAMPLES / f"{sample}.docx").paragraphs)
    if kind == "pdf":
        heading = max(i for i, p in enumerate(paragraphs) if p.is_heading and p.text == "References")
        return build_pdf(path, paragraphs[:heading], references=paragraphs[heading + 1:], header="INF 305")
    if kind == "odt":
        return odt_from_paragraphs(path, paragraphs)
    path.write_text(html_from_paragraphs(paragraphs), encoding="utf-8")
    return path


def _put(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def moodle_class(root: Path) -> dict[str, Expected]:
    """Moodle's "Download all submissions" (one folder per student and plugin)."""
    files = {
        "Ana Núñez_4821_assignsubmission_file_/essay.docx": ("docx", "mistakes-essay"),
        "Ben O'Neil_4822_assignsubmission_file_/Essay final.pdf": ("pdf", "mistakes-essay"),
        "Chloé Dubois_4823_assignsubmission_file_/essay.odt": ("odt", "mistakes-essay"),
        "Dev Patel_4824_assignsubmission_onlinetext_/onlinetext.html": ("html", "mistakes-essay"),
        "Femi Adé_4826_assignsubmission_file_/essay.docx": ("docx", "clean-essay"),
    }
    expected = {}
    for name, (kind, sample) in files.items():
        write_essay(root / name, sample, kind)
        expected[name] = Expected("checked", name.split("_")[0], sample=sample)
    _put(root, "Emma Stone_4825_assignsubmission_file_/old essay.doc", OLD_DOC)
    expected["Emma Stone_4825_assignsubmission_file_/old essay.doc"] = Expected("unreadable", "Emma Stone")
    _put(root, "Femi Adé_4826_assignsubmission_file_/photo of notes.png", PHOTO)
    expected["Femi Adé_4826_assignsubmission_file_/essay.docx"] = Expected("checked", "Femi Adé", "essay",
                                                                          "clean-essay")
    expected["Femi Adé_4826_assignsubmission_file_/photo of notes.png"] = Expected("not an essay", "Femi Adé",
                                                                                  "extra file")
    return expected


def canvas_class(root: Path) -> dict[str, Expected]:
    """Canvas's "Download Submissions": flat, name_id_id_file, LATE marked."""
    files = {
        "nunezana_4821_99001_essay.docx": ("docx", "mistakes-essay", False),
        "oneilben_LATE_4822_99002_Essay_final.pdf": ("pdf", "mistakes-essay", True),
        "duboischloe_4823_99003_essay.odt": ("odt", "clean-essay", False),
    }
    expected = {}
    for name, (kind, sample, late) in files.items():
        write_essay(root / name, sample, kind)
        expected[name] = Expected("checked", name.split("_")[0], sample=sample, late=late)
    _put(root, "stoneemma_4825_99004_old.doc", OLD_DOC)
    expected["stoneemma_4825_99004_old.doc"] = Expected("unreadable", "stoneemma")
    return expected


BLACKBOARD_RECEIPT = """Name: Ana Nunez (ana123)
Assignment: INF 305 Essay
Date Submitted: Sunday, 30 November 2026 14:22:05 o'clock GMT
Current Mark: Needs Marking

Submission Field:
There is no student submission text data for this assignment.

Comments:
There are no student comments for this assignment.

Files:
\tOriginal filename: essay.docx
\tFilename: INF 305 Essay_ana123_attempt_2026-11-30-14-22-05_essay.docx
"""


def blackboard_class(root: Path) -> dict[str, Expected]:
    """Blackboard's Grade Centre download: the essay and a receipt per attempt."""
    stamp = "INF 305 Essay_{user}_attempt_2026-11-30-14-22-05"
    expected = {}
    for user, kind, sample in (("ana123", "docx", "mistakes-essay"), ("ben456", "pdf", "clean-essay")):
        name = f"{stamp.format(user=user)}_essay.{kind}"
        write_essay(root / name, sample, kind)
        expected[name] = Expected("checked", user, sample=sample)  # a receipt is not a second file
        receipt = f"{stamp.format(user=user)}.txt"
        _put(root, receipt, BLACKBOARD_RECEIPT.replace("ana123", user).encode("utf-8"))
        expected[receipt] = Expected("not an essay", user)
    return expected


PLATFORMS = {"moodle": moodle_class, "canvas": canvas_class, "blackboard": blackboard_class}


def zipped(folder: Path, target: Path) -> Path:
    """The class folder as the platform's download zip (UTF-8 names, as Moodle writes them)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target
