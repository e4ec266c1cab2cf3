"""What the last run saw, so a rerun skips essays whose content has not changed.

The state file lives in the output folder. An essay is skipped when its bytes
hash to the same SHA-256 as last time, the settings and essaycheck version are
the same, and the outputs written for it are still there. A skipped essay keeps
its whole saved row (findings, and how many references were verified, found with
differences, not found and not checked); a row saved without one of today's
columns is not trusted, and that essay is checked again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from .. import __version__
from ..outputs import write_text
from ..settings import Settings
from .summary import EssayRow

__all__ = ["STATE_FILE", "content_hash", "settings_fingerprint", "BatchState"]

STATE_FILE = ".essaycheck-batch.json"
_FORMAT = 1
_IRRELEVANT = ("progress", "colour", "output_format", "jobs", "concurrency", "timeout")


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def settings_fingerprint(settings: Settings, *extra: object) -> str:
    """A short hash of everything that changes a report (not progress bars or worker counts)."""
    values = {k: v for k, v in asdict(settings).items() if k not in _IRRELEVANT}
    text = json.dumps([__version__, values, list(map(str, extra))], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


class BatchState:
    """Essay file (relative) → its content hash and summary row from the last run."""

    def __init__(self, path: Path, fingerprint: str, essays: dict[str, dict] | None = None):
        self.path = path
        self.fingerprint = fingerprint
        self.essays: dict[str, dict] = essays or {}

    @classmethod
    def load(cls, outdir: Path, fingerprint: str) -> "BatchState":
        """The saved state, or an empty one if there is none, it is unreadable or the settings changed."""
        path = outdir / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path, fingerprint)
        if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("fingerprint") != fingerprint:
            return cls(path, fingerprint)
        essays = data.get("essays")
        return cls(path, fingerprint, essays if isinstance(essays, dict) else {})

    def unchanged_row(self, file: str, digest: str, outdir: Path) -> EssayRow | None:
        """The saved row when ``file`` is unchanged and its outputs still exist, else None."""
        entry = self.essays.get(file)
        if not isinstance(entry, dict) or entry.get("digest") != digest:
            return None
        try:
            row = EssayRow.from_state(entry["row"])
        except (KeyError, TypeError, ValueError):
            return None
        if not row.has_report:
            return None  # unreadable last time: cheap to try again
        outputs = [row.report, row.annotated, *entry.get("outputs", [])]
        if not all(_nonempty(outdir / name) for name in outputs if name):
            return None
        return row

    def record(self, row: EssayRow, digest: str, outputs: list[str]) -> None:
        self.essays[row.file] = {"digest": digest, "row": row.to_state(), "outputs": outputs}

    def forget_missing(self, files: set[str]) -> None:
        """Drop essays that are no longer in the class folder."""
        for name in set(self.essays) - files:
            del self.essays[name]

    def save(self) -> None:
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, "essays": self.essays}
        write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
