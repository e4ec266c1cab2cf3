"""Hostile, broken and wrong-format inputs: one clear InputError each, quickly, input untouched."""

import os
import stat
from pathlib import Path

import pytest

import hostile
from essaycheck.errors import InputError
from essaycheck.read import read_document


def _fingerprint(path):
    """Bytes (regular files only: never read a pipe or device) and modification time."""
    info = os.stat(path) if os.path.exists(path) else None
    if info is None:
        return None
    content = Path(path).read_bytes() if stat.S_ISREG(info.st_mode) else None
    return content, info.st_mtime_ns


@pytest.mark.parametrize("case", hostile.REFUSED, ids=lambda case: case.name)
def test_refused_with_one_clear_line(tmp_path, case):
    path = case.build(tmp_path)
    before = _fingerprint(path)
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert case.expect in message.lower()
    assert "\n" not in message and len(message) < 400
    assert "Traceback" not in message
    assert hostile.MARKER not in message
    assert _fingerprint(path) == before


@pytest.mark.parametrize("build", hostile.ACCEPTED, ids=lambda build: build.__name__)
def test_odd_but_readable(tmp_path, build):
    document = read_document(build(tmp_path))
    assert "(" * 20_000 in document.paragraphs[0].text


def test_xxe_marker_never_read(tmp_path):
    for build in (hostile.xxe_docx, hostile.xxe_utf16_docx, hostile.xxe_styles_docx):
        folder = tmp_path / build.__name__
        folder.mkdir()
        with pytest.raises(InputError) as caught:
            read_document(build(folder))
        assert hostile.MARKER not in repr(caught.value)


def test_symlink_to_regular_file_is_read(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("An essay.\n")
    link = tmp_path / "essay.txt"
    link.symlink_to(target)
    assert read_document(link).paragraphs[0].text == "An essay."


def test_hostile_files_are_small(tmp_path):
    for build in (hostile.zip_bomb_docx, hostile.lying_zip_bomb_docx, hostile.deep_nesting_docx):
        assert os.path.getsize(build(tmp_path)) < 5_000_000


def test_a_file_named_docx_is_read_as_what_it_is(tmp_path):
    document = read_document(hostile.rtf_as_docx(tmp_path))
    assert document.kind == "rtf" and [p.text for p in document.paragraphs] == ["Hello"]
