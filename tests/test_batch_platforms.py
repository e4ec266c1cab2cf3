"""Who handed in each file, from the names Moodle, Canvas and Blackboard write; which file is the essay."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from essaycheck.batch.platforms import (EXTRA_FILE, ESSAY, Submission, choose_essays, group_by_student, identify,
                                        is_blackboard_receipt, is_receipt, mark_roles)

# path -> (platform, student, student_id, late, receipt, original_name)
NAMES = {
    # Moodle 4.1+: a folder per student and plugin, no trailing "_"
    "Ana Núñez_4821_assignsubmission_file/essay.docx": ("moodle", "Ana Núñez", "4821", False, False, "essay.docx"),
    # Moodle 3.1-4.0: the folder ends in "_"
    "Ana Núñez_4821_assignsubmission_file_/essay.docx": ("moodle", "Ana Núñez", "4821", False, False, "essay.docx"),
    # Moodle, "download submissions in folders" off: the file name is prefixed
    "Ana Núñez_4821_assignsubmission_file_essay.docx": ("moodle", "Ana Núñez", "4821", False, False, "essay.docx"),
    "Seán O'Brien-Smith_77_assignsubmission_file/Final draft (2).docx":
        ("moodle", "Seán O'Brien-Smith", "77", False, False, "Final draft (2).docx"),
    "Zoë D’Arcy_1203_assignsubmission_file/figures/fig 1.png":
        ("moodle", "Zoë D’Arcy", "1203", False, False, "figures/fig 1.png"),
    "Seán O'Brien-Smith_77_assignsubmission_onlinetext/onlinetext.html":
        ("moodle", "Seán O'Brien-Smith", "77", False, False, "onlinetext.html"),
    "Seán O'Brien-Smith_77_assignsubmission_onlinetext_/onlinetext.html":
        ("moodle", "Seán O'Brien-Smith", "77", False, False, "onlinetext.html"),
    "Seán O'Brien-Smith_77_assignsubmission_onlinetext_onlinetext.html":
        ("moodle", "Seán O'Brien-Smith", "77", False, False, "onlinetext.html"),
    # Blind marking, and a class zip unpacked into a folder of its own
    "Participant_130452_assignsubmission_file/essay.docx": ("moodle", "Participant", "130452", False, False,
                                                            "essay.docx"),
    "PSY101-Essay 1-5521/Li Wei_9_assignsubmission_file/essay_v2.docx": ("moodle", "Li Wei", "9", False, False,
                                                                         "essay_v2.docx"),
    # Canvas: sortable name squashed and lower-cased, user id, attachment id, the student's file name
    "nuezana_4821_99001_essay.docx": ("canvas", "nuezana", "4821", False, False, "essay.docx"),
    "obriensean_LATE_77_99002_Final_Essay.docx": ("canvas", "obriensean", "77", True, False, "Final_Essay.docx"),
    "nuezana_4821_99003_essay-1.docx": ("canvas", "nuezana", "4821", False, False, "essay-1.docx"),
    "müllerjürgen_501_99004_Hausarbeit.odt": ("canvas", "müllerjürgen", "501", False, False, "Hausarbeit.odt"),
    "nuezana_4821_text.html": ("canvas", "nuezana", "4821", False, False, "text.html"),
    "obriensean_LATE_77_link.html": ("canvas", "obriensean", "77", True, False, "link.html"),
    "anon_Xk3Pq_99005_essay.pdf": ("canvas", "anon_Xk3Pq", "anon_Xk3Pq", False, False, "essay.pdf"),
    "LATE_anon_Xk3Pq_99006_essay.pdf": ("canvas", "anon_Xk3Pq", "anon_Xk3Pq", True, False, "essay.pdf"),
    # Blackboard: assignment, username, attempt stamp, the student's file name; the receipt
    "Essay 1_jsmith_attempt_2024-03-01-14-22-05_my_essay.docx":
        ("blackboard", "jsmith", "jsmith", False, False, "my_essay.docx"),
    "PSY_101 Essay_ab12345_attempt_2024-03-01-14-22-05_Essay Final.docx":
        ("blackboard", "ab12345", "ab12345", False, False, "Essay Final.docx"),
    "Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt": ("blackboard", "jsmith", "jsmith", False, True, ""),
    # Anything else: the tutor's own folder
    "essay.docx": ("", "", "", False, False, "essay.docx"),
    "week 3/Ana Nunez essay.docx": ("", "", "", False, False, "Ana Nunez essay.docx"),
    "Smith_2020_2021_notes.docx": ("", "", "", False, False, "Smith_2020_2021_notes.docx"),  # not lower case
    "2024_01_15_essay.docx": ("", "", "", False, False, "2024_01_15_essay.docx"),  # no name, only digits
    "Default group_assignsubmission_file/essay.docx": ("", "", "", False, False, "essay.docx"),  # no id
    "Essay 1_jsmith_attempt_2024-03-01_essay.docx": ("", "", "", False, False,
                                                     "Essay 1_jsmith_attempt_2024-03-01_essay.docx"),
}


@pytest.mark.parametrize("path", list(NAMES))
def test_identify(path):
    s = identify(path)
    assert (s.platform, s.student, s.student_id, s.late, s.receipt, s.original_name) == NAMES[path]
    assert s.path == path


def test_windows_separators_and_details():
    assert identify("Ana Núñez_4821_assignsubmission_file\\essay.docx").student_id == "4821"
    assert identify("nuezana_4821_99003_essay-2.docx").resubmission == 2
    assert identify("nuezana_4821_99003_essay-notes.docx").resubmission == 0
    assert identify("Essay 1_jsmith_attempt_2024-03-01-14-22-05_x.docx").attempt == "2024-03-01-14-22-05"
    assert identify("PSY101/Li Wei_9_assignsubmission_file_/a.docx").prefix == "PSY101/Li Wei_9_assignsubmission_file_"
    assert identify("Li Wei_9_assignsubmission_file_a.docx").prefix == "Li Wei_9_assignsubmission_file_"


RECEIPT = ("Name: Jane Smith (jsmith)\nAssignment: Essay 1\nDate Submitted: Friday, 1 March 2024 14:22:05 o'clock GMT\n"
           "Current Grade: Needs Grading\n\nSubmission Field:\nThere is no student submission text data for this "
           "assignment.\n\nComments:\nThere are no student comments for this assignment.\n\nFiles:\n"
           "\tOriginal filename: my essay.docx\n\tFilename: Essay 1_jsmith_attempt_2024-03-01-14-22-05_my essay.docx\n")


@pytest.mark.parametrize("path, text, expected", [
    ("Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt", None, True),
    ("Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt", RECEIPT, True),
    ("Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt", "\ufeffName: J (j)\r\nAssignment: E\r\n", True),
    ("Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt", "My essay on attachment theory.\n", False),
    ("Essay 1_jsmith_attempt_2024-03-01-14-22-05_notes.txt", RECEIPT, False),  # a file the student sent
    ("notes.txt", RECEIPT, False),
])
def test_blackboard_receipts(path, text, expected):
    assert is_blackboard_receipt(path, text) is expected


def test_is_receipt_reads_the_file(tmp_path):
    name = "Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt"
    (tmp_path / name).write_text(RECEIPT, encoding="utf-8")
    (tmp_path / "other.txt").write_text("An essay.", encoding="utf-8")
    assert is_receipt(name, tmp_path / name)
    assert not is_receipt(name, tmp_path / "other.txt")
    assert is_receipt(name, tmp_path / "missing.txt")  # unreadable: the name decides
    assert not is_receipt("other.txt", tmp_path / "other.txt")


# --- which file is the essay -------------------------------------------------------------------


def essay_of(paths, sizes=None):
    choices = choose_essays(group_by_student(identify(p) for p in paths), sizes)
    assert len(choices) == 1
    choice = next(iter(choices.values()))
    return (choice.essay.path if choice.essay else None, [s.path for s in choice.extras],
            [s.path for s in choice.receipts])


M = "Ana Núñez_4821_assignsubmission_file/"


@pytest.mark.parametrize("paths, sizes, essay", [
    ([M + "figure.png", M + "essay.docx", M + "data.xlsx"], None, M + "essay.docx"),
    ([M + "essay.pdf", M + "essay.docx"], None, M + "essay.docx"),
    ([M + "essay.odt", M + "essay.pdf", M + "essay.rtf"], None, M + "essay.odt"),
    ([M + "notes.txt", M + "essay.rtf"], None, M + "essay.rtf"),
    ([M + "slides.pptx", M + "essay.md"], None, M + "essay.md"),
    ([M + "outline.docx", M + "essay.docx"], {M + "outline.docx": 9_000, M + "essay.docx": 40_000}, M + "essay.docx"),
    ([M + "b.docx", M + "a.docx"], None, M + "a.docx"),  # no sizes: the path decides, not the order
    ([M + "scan.jpg", M + "marks.csv"], None, None),
    (["Ana Núñez_4821_assignsubmission_onlinetext/onlinetext.html", M + "essay.docx"], None, M + "essay.docx"),
    (["nuezana_4821_99001_essay.docx", "nuezana_4821_99002_essay-1.docx"],
     {"nuezana_4821_99001_essay.docx": 100, "nuezana_4821_99002_essay-1.docx": 100}, "nuezana_4821_99002_essay-1.docx"),
    (["E_js_attempt_2024-03-01-14-22-05_essay.docx", "E_js_attempt_2024-03-02-09-00-00_essay.docx",
      "E_js_attempt_2024-03-02-09-00-00.txt"], None, "E_js_attempt_2024-03-02-09-00-00_essay.docx"),
])
def test_choose_essays(paths, sizes, essay):
    chosen, extras, receipts = essay_of(paths, sizes)
    assert chosen == essay
    assert sorted(extras + receipts + ([chosen] if chosen else [])) == sorted(paths)
    assert all(identify(r).receipt for r in receipts) and not any(identify(e).receipt for e in extras)


def test_unidentified_files_are_each_their_own_essay():
    paths = ["essay one.docx", "essay two.docx", "figure.png", M + "essay.docx", M + "fig.png"]
    choices = choose_essays(group_by_student(identify(p) for p in paths))
    assert len(choices) == 4
    assert {c.essay.path for c in choices.values() if c.essay} == {"essay one.docx", "essay two.docx", M + "essay.docx"}


@dataclass(frozen=True)
class Row:
    file: str
    role: str = ""


def test_mark_roles_only_for_students_with_several_files():
    rows = [Row(M + "essay.docx"), Row(M + "fig.png"), Row("nuezana_4821_99001_essay.docx"),
            Row("E_js_attempt_2024-03-01-14-22-05_essay.docx"), Row("E_js_attempt_2024-03-01-14-22-05.txt"),
            Row("own.docx"), Row("own.pdf")]
    assert [row.role for row in mark_roles(rows)] == [ESSAY, EXTRA_FILE, "", "", "", "", ""]


def test_submission_is_immutable():
    with pytest.raises(AttributeError):
        identify("essay.docx").student = "x"  # type: ignore[misc]
    assert Submission("a.docx").key == ":a.docx"
    assert identify(M + "essay.docx").key == "moodle:4821"
