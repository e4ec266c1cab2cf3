"""A zip of annotated copies laid out so the learning platform hands each one back to its student.

Which platforms take such a zip:

* **Moodle** does: Assignment > View all submissions > "Upload multiple feedback files in a zip"
  (the "Feedback files" feedback type must be on). Its importer
  (``mod/assign/feedback/file/importziplib.php``) splits each folder or file name of a member's
  path on ``_`` and takes the first one of the form ``Full Name_<participant id>_<plugin type>_
  <plugin name>[_rest]`` whose id is a participant; what follows the prefix becomes the
  feedback file's name. The annotated copy is therefore written beside the submission, under
  the very prefix Moodle gave it: ``Ana Núñez_4821_assignsubmission_file/essay.annotated.docx``
  (or ``Ana Núñez_4821_assignsubmission_file_essay.annotated.docx`` for the flat layout).
* **Canvas** does, for uploaded files: the assignment page's "Re-Upload Submissions" takes a zip
  of the downloaded files and reads the user id and attachment id from the first two
  all-digit ``_``-separated parts of each file name (``infer_comment_context_from_filename`` in
  ``app/models/assignment.rb``); each file becomes a comment on that submission. Files keep
  their downloaded path with ``.annotated`` before the suffix, so both ids stay in the name.
  Online text (``_text.html``), links and anonymous downloads (``anon_…``, no user id) carry
  no attachment id and are ignored by Canvas; tutors attach those copies in SpeedGrader.
* **Blackboard Learn**: no bulk upload of feedback files was found (not in Blackboard's help
  pages, nor in the universities' marking guides consulted; its code is not public). Tutors
  attach each copy to the attempt in the grading page ("Feedback to Learner" in the Original
  course view, the attempt's feedback panel in Ultra), or use an institution's own
  offline-marking tool with its own naming. The zip still hands the copies over tidily;
  Blackboard files keep their downloaded path, which names the username and attempt.

Files from no platform (a tutor's own folder) keep their relative path too.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path, PurePosixPath
from typing import Iterable

from ..outputs import atomic_path
from .platforms import MOODLE, identify

__all__ = ["ANNOTATED", "feedback_name", "write_feedback_zip"]

ANNOTATED = ".annotated"  # as in the batch's own outputs: essay.docx -> essay.annotated.docx


def feedback_name(submission_path: str, annotated_suffix: str = ".docx") -> str:
    """Where the annotated copy of the file downloaded at ``submission_path`` goes in the feedback zip.

    The submission's name with ``.annotated`` and ``annotated_suffix`` in place of its suffix;
    for Moodle, folders above the one Moodle named are dropped (its importer passes over them,
    and the zip reads better without the tutor's own folders).
    """
    path = submission_path.replace("\\", "/").strip("/")
    parts = PurePosixPath(path).parts
    if not parts or any(part in ("..", ".") for part in parts) or ":" in parts[0]:
        raise ValueError(f"{submission_path!r} is not a path relative to the class folder")
    submission = identify(path)
    if submission.platform == MOODLE:
        outer = submission.prefix.count("/")  # folders above the part Moodle named
        parts = parts[outer:]
    name = PurePosixPath(*parts)
    return str(name.with_name(f"{name.stem}{ANNOTATED}{annotated_suffix}"))


def write_feedback_zip(entries: Iterable[tuple[str, str | os.PathLike]], target: str | os.PathLike) -> list[str]:
    """Write ``target``: one member per (submission's path as downloaded, its annotated copy on disk).

    Written atomically (a reader sees the old zip or the new one). Returns the member names,
    in the order given. Raises ValueError when two entries would share a member name or a
    submission's path leaves the class folder, OSError when an annotated copy cannot be read.
    """
    members: list[tuple[str, Path]] = []
    seen: dict[str, str] = {}
    for submission_path, annotated in entries:
        annotated = Path(annotated)
        member = feedback_name(submission_path, annotated.suffix or ".docx")
        folded = member.casefold()
        if folded in seen:
            raise ValueError(f"{submission_path!r} and {seen[folded]!r} would both be {member!r} in the feedback zip")
        seen[folded] = submission_path
        members.append((member, annotated))
    with atomic_path(target) as tmp:
        # Python sets the UTF-8 flag on non-ASCII names, which Moodle and Canvas read as UTF-8.
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for member, annotated in members:
                archive.write(annotated, member)
    return [member for member, _ in members]
