"""Plain text: decoding the bytes (UTF-8 only) and one paragraph per non-empty line."""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Paragraph
from .limits import MAX_CHARS, MAX_TEXT_FILE_BYTES
from .paragraphs import TextBudget, too_much_text, trimmed_paragraph

SAVE_AS_UTF8 = "Open it in your editor and save it as UTF-8 text, then try again."
# Control characters that never occur in real text (tab, newlines, form feed and Ctrl-Z are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_CONTROL_BYTES = re.compile(_CONTROL.pattern.encode())
_BINARY = "contains binary data, so it is not a text file. Give your essay as .docx, .txt or .md."


def decode_text(data: bytes, path: str) -> str:
    """The text of a .txt / .md file: UTF-8 (a BOM is fine) with newlines normalised to ``\\n``."""
    if len(data) > MAX_TEXT_FILE_BYTES:
        raise InputError(f"{path} is larger than {MAX_TEXT_FILE_BYTES // 1_000_000} MB of text, far beyond any "
                         "essay. Check that you picked the right file.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data):
        raise InputError(f"{path} is saved as UTF-16 text. {SAVE_AS_UTF8}")
    if b"\x00" in data or len(_CONTROL_BYTES.findall(data[:100_000])) > 10:
        raise InputError(f"{path} {_BINARY}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise InputError(f"{path} is not saved as UTF-8 (it looks like Latin-1 or Windows-1252; first odd "
                         f"character on line {line}). {SAVE_AS_UTF8}") from None
    return normalise_text(text, path)


def normalise_text(text: str, path: str) -> str:
    """``text`` with ``\\r\\n`` / ``\\r`` as ``\\n`` and no BOM; InputError if too large or binary."""
    if len(text) > MAX_CHARS:
        raise too_much_text(path)
    if len(_CONTROL.findall(text[:100_000])) > 10 or "\x00" in text:
        raise InputError(f"{path} {_BINARY}")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_paragraphs(text: str, path: str) -> tuple[Paragraph, ...]:
    """One Paragraph per non-empty line; ``line`` is its 1-based line number."""
    budget = TextBudget(path)
    paragraphs: list[Paragraph] = []
    for number, line in enumerate(text.split("\n"), start=1):
        budget.spend(line)
        paragraph = trimmed_paragraph(len(paragraphs), line, line=number)
        if paragraph is not None:
            paragraphs.append(paragraph)
    return tuple(paragraphs)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: most ASCII characters come with a zero byte beside them."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.1 * half
