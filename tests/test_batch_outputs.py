"""The atomic writer: whole files or nothing, no temporary files left behind."""

import os

import pytest

from essaycheck.outputs import atomic_open, atomic_path, write_bytes, write_text


def test_write_text_creates_parents_and_replaces(tmp_path):
    target = tmp_path / "a" / "b" / "report.html"
    write_text(target, "first")
    write_text(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert sorted(os.listdir(target.parent)) == ["report.html"]


def test_write_bytes_and_permissions_follow_umask(tmp_path):
    target = write_bytes(tmp_path / "x.bin", b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_failure_keeps_old_file_and_removes_temporary(tmp_path):
    target = tmp_path / "summary.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as handle:
            handle.write("half of the new")
            raise RuntimeError("disk on fire")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["summary.csv"]


def test_atomic_path_for_libraries_that_save_themselves(tmp_path):
    target = tmp_path / "copy.docx"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".copy.docx.")
        tmp.write_bytes(b"PK")
    assert target.read_bytes() == b"PK"
    assert os.listdir(tmp_path) == ["copy.docx"]


def test_atomic_open_refuses_append(tmp_path):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "x", "a"):
            pass


def test_not_durable_is_still_atomic(tmp_path):
    target = write_text(tmp_path / "r.json", "{}", durable=False)
    assert target.read_text() == "{}" and os.listdir(tmp_path) == ["r.json"]
