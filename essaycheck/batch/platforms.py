"""Who handed in a file, read from the name a learning platform gave it in its class download.

:func:`identify` reads one path (relative to the class folder); :func:`group_by_student` and
:func:`choose_essays` pick, for each student who handed in several files, the one that is the essay.

The names each platform writes, as their own code builds them:

* **Moodle** (``mod/assign/classes/downloader.php``; ``mod/assign/locallib.php`` before 4.1):
  the prefix is the full name with ``_`` turned into spaces, then ``_<participant id>``, then the
  plugin (``assignsubmission_file``, ``assignsubmission_onlinetext``). "Download submissions in
  folders" (the default since 3.1) makes it a folder: ``Ana Núñez_4821_assignsubmission_file/essay.docx``
  (4.1 and later) or ``…_assignsubmission_file_/essay.docx`` (3.1 to 4.0); otherwise the file name
  itself is prefixed: ``Ana Núñez_4821_assignsubmission_file_essay.docx``. Online text is
  ``onlinetext.html``. Blind marking writes ``Participant`` for the name.
* **Canvas** (``lib/content_zipper.rb``): ``<name>[_LATE]_<user id>_<attachment id>_<file name>``, the
  name being the student's sortable name lower-cased with everything but letters and digits removed
  (``nuezana``), or ``anon_<id>`` when the assignment is anonymous; online text is
  ``<name>_<user id>_text.html``, a URL ``…_link.html``. A file uploaded twice under one name
  becomes ``essay-1.docx``.
* **Blackboard Learn** (Grade Center "Download assignment"; its code is not public, so this is the
  form tutors' unpacking tools rely on): ``<assignment>_<username>_attempt_<yyyy-mm-dd-hh-mm-ss>_
  <file name>``, plus a receipt ``<assignment>_<username>_attempt_<stamp>.txt`` that begins
  ``Name: Full Name (username)`` and ``Assignment: …``. A username with ``_`` in it cannot be told
  from the assignment's name; the last part before ``_attempt_`` is taken.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Iterable, Mapping, Sequence, TypeVar

__all__ = ["Submission", "Choice", "identify", "is_blackboard_receipt", "is_receipt", "group_by_student",
           "choose_essays", "mark_roles", "ESSAY_PREFERENCE", "NEVER_ESSAYS", "ESSAY", "EXTRA_FILE"]

MOODLE, CANVAS, BLACKBOARD = "moodle", "canvas", "blackboard"


@dataclass(frozen=True)
class Submission:
    """One downloaded file and what its name tells: the platform, the student, late or not."""

    path: str  # relative to the class folder, forward slashes
    platform: str = ""  # "moodle", "canvas", "blackboard", or "" when no platform's layout is seen
    student: str = ""  # the name as the platform wrote it ("" when unknown)
    student_id: str = ""  # Moodle's participant id, Canvas's user id, Blackboard's username
    late: bool = False  # Canvas marks late submissions in the name
    receipt: bool = False  # Blackboard's submission receipt, never an essay
    original_name: str = ""  # the file's name as the student handed it in (below Moodle's folder: its path)
    attempt: str = ""  # Blackboard's attempt time stamp, "2024-03-01-14-22-05"
    resubmission: int = 0  # Canvas's "-N" on a file uploaded again under the same name
    prefix: str = field(default="", repr=False)  # the platform's part of the path, as written

    @property
    def key(self) -> str:
        """Who this is, for grouping: the platform and the student's id (or name); a file of its own when unknown."""
        if not self.platform:
            return f":{self.path}"
        return f"{self.platform}:{self.student_id or self.student}"


_MOODLE_FOLDER = re.compile(
    r"^(?P<name>[^_/]+)_(?P<id>\d+)_(?P<plugin>assign(?:submission|feedback)_[a-z0-9]+)_?$")
_MOODLE_FILE = re.compile(
    r"^(?P<name>[^_/]+)_(?P<id>\d+)_(?P<plugin>assign(?:submission|feedback)_[a-z0-9]+)_(?P<original>.+)$")
_CANVAS_FILE = re.compile(r"^(?P<name>[^\W_]+)(?P<late>_LATE)?_(?P<id>\d+)_(?P<attachment>\d+)_(?P<original>.+)$")
_CANVAS_ANON = re.compile(r"^(?P<late>LATE_)?(?P<id>anon_[A-Za-z0-9]+)_(?P<attachment>\d+)_(?P<original>.+)$")
_CANVAS_ONLINE = re.compile(r"^(?P<name>[^\W_]+)(?P<late>_LATE)?_(?P<id>\d+)_(?P<original>text\.html|link\.html)$")
_CANVAS_AGAIN = re.compile(r"-(?P<n>[1-9]\d*)(?=\.[^.]+$|$)")
_BLACKBOARD = re.compile(
    r"^(?P<assignment>.+)_(?P<user>[^_]+)_attempt_(?P<stamp>\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)"
    r"(?:_(?P<original>.+)|(?P<receipt>\.txt))$")
_RECEIPT_TEXT = re.compile(r"\A\ufeff?\s*Name:[^\r\n]*\r?\n(?:[ \t]*\r?\n)*[ \t]*Assignment:")


def identify(relative_path: str) -> Submission:
    """What the platform's naming says of the file at ``relative_path`` (relative to the class folder)."""
    path = relative_path.replace("\\", "/").strip("/")
    return _moodle(path) or _canvas(path) or _blackboard(path) or Submission(path, original_name=_base(path))


def _base(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _moodle(path: str) -> Submission | None:
    parts = path.split("/")
    # Like Moodle's importer, take the first part of the path that has the form (the class zip
    # may have been unpacked into a folder of its own).
    for index, part in enumerate(parts):
        folder = _MOODLE_FOLDER.match(part) if index < len(parts) - 1 else None
        if folder:
            return Submission(path, MOODLE, folder["name"].strip(), folder["id"],
                              original_name="/".join(parts[index + 1:]), prefix="/".join(parts[:index + 1]))
        flat = _MOODLE_FILE.match(part) if index == len(parts) - 1 else None
        if flat:
            prefix = part[:len(part) - len(flat["original"])]
            return Submission(path, MOODLE, flat["name"].strip(), flat["id"], original_name=flat["original"],
                              prefix="/".join(parts[:index] + [prefix]))
    return None


def _canvas(path: str) -> Submission | None:
    name = _base(path)
    anon = _CANVAS_ANON.match(name)
    if anon:
        # Anonymous grading: Canvas writes "anon_<id>" where the name would be, and no user id.
        return _canvas_file(path, anon["id"], anon["id"], bool(anon["late"]), anon["original"])
    match = _CANVAS_FILE.match(name)
    if match and _canvas_name(match["name"]):
        return _canvas_file(path, match["name"], match["id"], bool(match["late"]), match["original"])
    online = _CANVAS_ONLINE.match(name)
    if online and _canvas_name(online["name"]):
        return Submission(path, CANVAS, online["name"], online["id"], late=bool(online["late"]),
                          original_name=online["original"], prefix=path[:len(path) - len(online["original"])])
    return None


def _canvas_name(name: str) -> bool:
    """Whether ``name`` can be Canvas's squashed name: lower case, and letters (a tutor's "2024_01_15_…" is not)."""
    return name == name.lower() and not name.isdigit()


def _canvas_file(path: str, student: str, student_id: str, late: bool, original: str) -> Submission:
    again = _CANVAS_AGAIN.search(original)
    return Submission(path, CANVAS, student, student_id, late=late, original_name=original,
                      resubmission=int(again["n"]) if again else 0, prefix=path[:len(path) - len(original)])


def _blackboard(path: str) -> Submission | None:
    match = _BLACKBOARD.match(_base(path))
    if not match:
        return None
    receipt = bool(match["receipt"])
    original = "" if receipt else match["original"]
    return Submission(path, BLACKBOARD, match["user"], match["user"], receipt=receipt, original_name=original,
                      attempt=match["stamp"], prefix=path[:len(path) - len(original)] if original else path)


def is_blackboard_receipt(relative_path: str, text: str | None = None) -> bool:
    """Whether the file is Blackboard's submission receipt: its name has no file name after the
    attempt's time stamp and ends ``.txt``; when ``text`` is given, it must also begin with a
    ``Name:`` line followed by an ``Assignment:`` line."""
    if not identify(relative_path).receipt:
        return False
    return text is None or bool(_RECEIPT_TEXT.match(text))


def is_receipt(relative_path: str, source: str | os.PathLike | None = None) -> bool:
    """:func:`is_blackboard_receipt`, with ``source`` the receipt's text (a str) or the file to
    read its beginning from (a path object); an unreadable file is judged by its name alone."""
    if isinstance(source, os.PathLike):
        if not identify(relative_path).receipt:
            return False
        try:
            with open(source, "rb") as handle:
                source = handle.read(4096).decode("utf-8", errors="replace")
        except OSError:
            source = None
    return is_blackboard_receipt(relative_path, source)


# --- choosing the essay among a student's files ------------------------------------------------

ESSAY_PREFERENCE = (".docx", ".odt", ".pdf", ".rtf", ".doc", ".html", ".htm", ".txt", ".md")
"""Document formats, the likeliest essay first; any other format comes after all of these."""

NEVER_ESSAYS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".svg",  # images
    ".xlsx", ".xls", ".xlsm", ".ods", ".csv", ".tsv", ".numbers",  # spreadsheets
    ".zip", ".7z", ".rar", ".tar", ".gz",  # archives: reported, not checked
})
"""Formats never taken for the essay (they are extra files), like Blackboard's receipts."""

_RANKS = {suffix: rank for rank, suffix in enumerate(ESSAY_PREFERENCE)}
_RANKS[".htm"] = _RANKS[".html"]
_RANKS[".md"] = _RANKS[".txt"]


@dataclass(frozen=True)
class Choice:
    """One student's files: the essay (None when none could be), the extra files, the receipts."""

    key: str
    essay: Submission | None
    extras: tuple[Submission, ...] = ()
    receipts: tuple[Submission, ...] = ()


def group_by_student(submissions: Iterable[Submission]) -> dict[str, list[Submission]]:
    """Submissions by :attr:`Submission.key`, in the order given; each unidentified file stands alone."""
    groups: dict[str, list[Submission]] = {}
    for submission in submissions:
        groups.setdefault(submission.key, []).append(submission)
    return groups


def _suffix(submission: Submission) -> str:
    return PurePosixPath(submission.original_name or submission.path).suffix.lower()


def choose_essays(submissions_by_student: Mapping[str, Sequence[Submission]],
                  sizes: Mapping[str, int] | None = None) -> dict[str, Choice]:
    """For each student, which file is the essay and which are extra files.

    The rule, in order: receipts, images, spreadsheets and archives are never the essay; then
    the format earliest in :data:`ESSAY_PREFERENCE` (.docx, .odt, .pdf, .rtf, .doc, .html,
    .txt/.md, then any other); then Blackboard's latest attempt; then the largest file
    (``sizes`` maps :attr:`Submission.path` to bytes; unknown sizes count as 0); then
    Canvas's latest re-upload ("essay-2.docx" before "essay-1.docx"); then the path, so the
    choice never depends on the order files were found.
    """
    sizes = sizes or {}
    chosen: dict[str, Choice] = {}
    for key, files in submissions_by_student.items():
        receipts = tuple(s for s in files if s.receipt)
        candidates = [s for s in files if not s.receipt and _suffix(s) not in NEVER_ESSAYS]
        essay = min(candidates, key=lambda s: (_RANKS.get(_suffix(s), len(ESSAY_PREFERENCE)),
                                               _descending(s.attempt), -sizes.get(s.path, 0),
                                               -s.resubmission, s.path), default=None)
        extras = tuple(s for s in files if s is not essay and not s.receipt)
        chosen[key] = Choice(key, essay, extras, receipts)
    return chosen


def _descending(stamp: str) -> tuple[int, ...]:
    """A sort key putting later "yyyy-mm-dd-hh-mm-ss" stamps first (no stamp last)."""
    return tuple(-int(n) for n in stamp.split("-")) if stamp else (1,)


ESSAY, EXTRA_FILE = "essay", "extra file"
Row = TypeVar("Row")


def mark_roles(rows: Sequence[Row], sizes: Mapping[str, int] | None = None) -> list[Row]:
    """The rows (any frozen dataclass with ``file`` and ``role``), with ``role`` set to
    ``"essay"`` or ``"extra file"`` for each student who handed in several files, by the rule of
    :func:`choose_essays`; other rows, and receipts, come back unchanged."""
    submissions = {row.file: identify(row.file) for row in rows}
    roles: dict[str, str] = {}
    for choice in choose_essays(group_by_student(submissions.values()), sizes).values():
        if len(choice.extras) + (choice.essay is not None) < 2:
            continue
        roles.update({extra.path: EXTRA_FILE for extra in choice.extras})
        if choice.essay is not None:
            roles[choice.essay.path] = ESSAY
    return [replace(row, role=roles[submissions[row.file].path]) if submissions[row.file].path in roles else row
            for row in rows]
