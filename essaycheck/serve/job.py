"""One uploaded essay checked: the report as the page shows it and the files it offers to download.

The upload is written to a temporary folder of its own, read and checked like any essay on
disk, and the folder is removed before the answer leaves: nothing of the essay is kept.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import EssaycheckError
from ..settings import Settings

__all__ = ["CheckedUpload", "UploadError", "check_upload", "display_name"]

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TYPES = {".docx": DOCX_TYPE, ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8"}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


class UploadError(EssaycheckError):
    """The upload is not an essay that can be read; the message says what to do instead."""


@dataclass(frozen=True)
class CheckedUpload:
    """What the page gets back: the report (HTML and JSON) and the downloads (name, type, bytes)."""

    name: str
    html: str
    report: dict
    downloads: dict[str, tuple[str, str, bytes]]

    def to_json(self) -> dict:
        return {"name": self.name, "html": self.html, "report": self.report,
                "downloads": {key: {"name": name, "type": kind, "data": base64.b64encode(data).decode("ascii")}
                              for key, (name, kind, data) in self.downloads.items()}}


def display_name(name: str | None) -> str:
    """The file name the student gave, safe to show and to use in a download's name: the last
    part of a path only, no control characters or separators, at most 120 characters."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip(" .")
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:110] + dot + suffix[:9]) if dot and len(suffix) < 10 else name[:120]
    return name or "essay"


def check_upload(data: bytes, name: str | None, settings: Settings,
                 progress: Callable[[int, int], None] | None = None, *, session=None) -> CheckedUpload:
    """Check the uploaded ``data``; raises :class:`UploadError` with a student's message when it
    cannot be read (the temporary folder's path is never in it). ``session``: the server's HTTP
    session for the lookups (a new one otherwise)."""
    shown = display_name(name)
    with tempfile.TemporaryDirectory(prefix="essaycheck-upload-", ignore_cleanup_errors=True) as temporary:
        folder = Path(temporary)
        path = folder / shown
        with open(path, "xb") as handle:
            handle.write(data)
        try:
            return _checked(path, shown, settings, progress, session)
        except EssaycheckError as error:
            raise UploadError(str(error).replace(f"{folder}{os.sep}", "")) from None


def _checked(path: Path, shown: str, settings: Settings, progress, session) -> CheckedUpload:
    from ..annotate import ANNOTATED_KINDS, annotate_copy
    from ..api import check
    from ..render.html import report_body
    from ..render.json import report_to_json

    if session is not None and settings.resolve:
        from ..resolve.resolver import Resolver

        with Resolver(settings, session) as resolver:  # (its memo is this essay's; the session is shared)
            report = check(path, settings, resolver=resolver, progress=progress)
    else:
        report = check(path, settings, progress=progress)
    stem = Path(shown).stem or "essay"
    downloads: dict[str, tuple[str, str, bytes]] = {}
    if report.document.kind in ANNOTATED_KINDS:
        suffix = f".{report.document.kind}"
        annotated = path.with_name(f"annotated{suffix}")
        annotate_copy(report, path, annotated, durable=False)
        downloads["annotated"] = (f"{stem}.annotated{suffix}", _TYPES[suffix], annotated.read_bytes())
    from ..fix import fix_docx, fixable

    if report.document.kind == "docx" and fixable(report):  # (an essay with nothing to fix is not copied)
        fixed = path.with_name("fixed.docx")
        if fix_docx(report, path, fixed, durable=False).applied:
            downloads["fixed"] = (f"{stem}.fixed.docx", DOCX_TYPE, fixed.read_bytes())
    downloads.update(reference_downloads(report, stem))
    data = report_to_json(report)
    data["file"] = shown  # not the temporary folder's path
    return CheckedUpload(shown, report_body(report, shown), data, downloads)


def reference_downloads(report, stem: str) -> dict[str, tuple[str, str, bytes]]:
    """The corrected reference list as Word (hanging indent, italics) and as plain text; an entry
    written twice is in it once."""
    from ..formatting import report_references
    from ..formatting.outputs import to_docx, to_text
    from ..references import works_of

    if not report.references:
        return {}
    works = works_of(report.references)
    try:
        formatted = report_references(report)
    except Exception:  # noqa: BLE001 - a third-party engine on student data must not lose the report
        return {}
    entries = [entry for index, entry in formatted.items() if works[index] == index]
    if not entries:
        return {}
    return {"references_docx": (f"{stem} references.docx", DOCX_TYPE, to_docx(entries)),
            "references_txt": (f"{stem} references.txt", _TYPES[".txt"], to_text(entries).encode("utf-8"))}
