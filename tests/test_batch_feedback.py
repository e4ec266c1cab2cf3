"""The feedback zip is laid out as Moodle's "Upload multiple feedback files in a zip" reads it.

``moodle_import`` re-implements the matching of Moodle's importer
(``mod/assign/feedback/file/importziplib.php``, ``is_valid_filename_for_import``), and
``canvas_ids`` that of Canvas's "Re-Upload Submissions" (``infer_comment_context_from_filename``
in ``app/models/assignment.rb``), so the test checks each member against the platforms' own rules.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from essaycheck.batch.archive import extract_class_zip
from essaycheck.batch.feedback import feedback_name, write_feedback_zip
from essaycheck.batch.platforms import identify

# The plugins a standard Moodle assignment has: (subtype, type) as get_plugin_by_type takes them.
MOODLE_PLUGINS = {("assignsubmission", "file"), ("assignsubmission", "onlinetext"),
                  ("assignsubmission", "comments"), ("assignfeedback", "file"), ("assignfeedback", "comments"),
                  ("assignfeedback", "editpdf"), ("assignfeedback", "offline")}
_PHP_NUMERIC = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


def moodle_import(member: str, participants: dict[int, str]) -> tuple[str, str] | None:
    """(participant's name, feedback file name) as Moodle's importer reads ``member``, or None when it skips it.

    Moodle first unpacks the zip below ``/import/``, then splits each part of the path on "_"
    (at most 5 pieces) and takes the first part of the form fullname_id_subtype_type[_rest]
    whose id is a participant and whose plugin exists; the rest of the path is the file name.
    """
    if member.endswith("/"):
        return None
    base = member.rsplit("/", 1)[-1]
    if base.startswith((".", "~")):  # hidden files are ignored
        return None
    path_parts = ("/import/" + member).split("/")
    while path_parts:
        part = path_parts.pop(0)
        info = part.split("_", 4)
        if len(info) < 4 or not _PHP_NUMERIC.match(info[1]):
            continue
        participant = float(info[1])
        if participant not in participants or (info[2], info[3]) not in MOODLE_PLUGINS:
            continue
        path_parts.insert(0, info[4] if len(info) == 5 else "")
        return participants[int(participant)], "/".join(path_parts)
    return None


def canvas_ids(member: str) -> tuple[str, str | None] | None:
    """(user id, attachment id) as Canvas reads a re-uploaded file's name, or None without a user id."""
    filename = member.rsplit("/", 1)[-1]
    split = filename.split("_")
    digits = [part for part in split if re.fullmatch(r"\d+", part)][:2]
    if not digits:
        return None
    attachment = digits[1] if len(digits) > 1 else None
    if split[-1].startswith("link") or filename.startswith("._"):
        attachment = None
    return digits[0], attachment


PARTICIPANTS = {4821: "Ana Núñez", 77: "Seán O'Brien-Smith", 9: "Li Wei", 1203: "Zoë D’Arcy", 130452: "Participant"}

# submission as downloaded -> member of the feedback zip
LAYOUT = {
    "Ana Núñez_4821_assignsubmission_file/essay.docx":
        "Ana Núñez_4821_assignsubmission_file/essay.annotated.docx",
    "Seán O'Brien-Smith_77_assignsubmission_file_/Final draft.docx":
        "Seán O'Brien-Smith_77_assignsubmission_file_/Final draft.annotated.docx",
    "Li Wei_9_assignsubmission_file_essay_v2.docx": "Li Wei_9_assignsubmission_file_essay_v2.annotated.docx",
    "PSY101-Essay 1-5521/Zoë D’Arcy_1203_assignsubmission_file/drafts/essay.docx":
        "Zoë D’Arcy_1203_assignsubmission_file/drafts/essay.annotated.docx",
    "Participant_130452_assignsubmission_file/essay.docx":
        "Participant_130452_assignsubmission_file/essay.annotated.docx",
    "nuezana_LATE_4821_99001_essay.docx": "nuezana_LATE_4821_99001_essay.annotated.docx",
    "Essay 1_jsmith_attempt_2024-03-01-14-22-05_my essay.docx":
        "Essay 1_jsmith_attempt_2024-03-01-14-22-05_my essay.annotated.docx",
    "week 3/essay.docx": "week 3/essay.annotated.docx",
}


@pytest.fixture
def entries(tmp_path):
    reports = tmp_path / "reports"
    found = []
    for number, submission in enumerate(LAYOUT):
        copy = reports / f"{number}" / "essay.annotated.docx"
        copy.parent.mkdir(parents=True)
        copy.write_bytes(f"annotated {submission}".encode())
        found.append((submission, copy))
    return found


def test_every_moodle_copy_goes_back_to_its_student(tmp_path, entries):
    target = tmp_path / "feedback.zip"
    members = write_feedback_zip(entries, target)
    assert members == list(LAYOUT.values())
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == members
        for (submission, copy), member in zip(entries, members):
            assert archive.read(member) == copy.read_bytes()
    for submission, member in LAYOUT.items():
        found = moodle_import(member, PARTICIPANTS)
        if identify(submission).platform != "moodle":
            assert found is None, member
            continue
        student, filename = found
        assert student == PARTICIPANTS[int(identify(submission).student_id)] == identify(submission).student
        # The feedback file keeps the student's own name with ".annotated", never the submission's
        # name itself (Moodle would take an unchanged submission file for no feedback at all).
        original = identify(submission).original_name
        assert filename.strip("/") == original.replace(".docx", ".annotated.docx")


def test_canvas_reads_the_user_and_attachment_from_the_name(entries, tmp_path):
    members = write_feedback_zip(entries, tmp_path / "feedback.zip")
    canvas = [(s, m) for s, m in zip(LAYOUT, members) if identify(s).platform == "canvas"]
    assert canvas
    for submission, member in canvas:
        assert canvas_ids(member) == canvas_ids(submission) == ("4821", "99001")


def test_the_zip_unpacks_safely_and_is_written_atomically(entries, tmp_path):
    target = tmp_path / "out" / "feedback.zip"
    target.parent.mkdir()
    target.write_bytes(b"old")
    write_feedback_zip(entries, target)
    assert [p.name for p in target.parent.iterdir()] == ["feedback.zip"]  # no temporary file left
    assert extract_class_zip(target, tmp_path / "unpacked") == list(LAYOUT.values())
    with zipfile.ZipFile(target) as archive:
        assert all(info.flag_bits & 0x800 for info in archive.infolist() if not info.filename.isascii())


def test_refusals_leave_the_old_zip(tmp_path, entries):
    target = tmp_path / "feedback.zip"
    target.write_bytes(b"old")
    submission, copy = entries[0]
    with pytest.raises(ValueError, match="would both be"):
        write_feedback_zip([(submission, copy), ("unpacked/" + submission, copy)], target)
    with pytest.raises(ValueError, match="not a path relative"):
        write_feedback_zip([("../" + submission, copy)], target)
    with pytest.raises(OSError):
        write_feedback_zip([(submission, tmp_path / "missing.docx")], target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feedback.zip", "reports"]


@pytest.mark.parametrize("submission, suffix, member", [
    ("Ana Núñez_4821_assignsubmission_file/essay.txt", ".docx",
     "Ana Núñez_4821_assignsubmission_file/essay.annotated.docx"),
    ("Ana Núñez_4821_assignsubmission_file\\essay.docx", ".docx",
     "Ana Núñez_4821_assignsubmission_file/essay.annotated.docx"),
    ("essay", ".docx", "essay.annotated.docx"),
])
def test_feedback_name(submission, suffix, member):
    assert feedback_name(submission, suffix) == member


@pytest.mark.parametrize("bad", ["../essay.docx", "a/../../essay.docx", "C:/essay.docx", ""])
def test_feedback_name_refuses_paths_out_of_the_folder(bad):
    with pytest.raises(ValueError):
        feedback_name(bad)
