"""Unpacking a platform's class download: ordinary zips come out exactly, hostile ones are refused.

Every zip is built here, byte by byte where zipfile would not write it (lying headers, links,
encryption flags, names without the UTF-8 flag); each refusal must be one line naming the zip
and the member, write nothing outside the target and leave the target as it was.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from essaycheck.batch.archive import ArchiveLimits, extract_class_zip, is_zip
from essaycheck.errors import InputError

MIB = 1 << 20


@dataclass
class Raw:
    """One member as it will be written, headers and all."""

    name: bytes
    data: bytes = b""  # the stored or deflated bytes
    method: int = 0  # 0 stored, 8 deflated
    size: int | None = None  # declared unpacked size (default: len(data), for stored members)
    crc: int | None = None  # declared CRC-32 (default: that of data, for stored members)
    flags: int = 0
    external_attr: int = 0
    made_by: int = 20  # (3 << 8) | 20 for a Unix-made zip
    extra: bytes = b""


def raw_zip(path: Path, members: list[Raw]) -> Path:
    """A zip written field by field, so that every header says exactly what the test wants."""
    local, central = io.BytesIO(), io.BytesIO()
    for m in members:
        size = len(m.data) if m.size is None else m.size
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        offset = local.tell()
        local.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, m.flags, m.method, 0, 0x21, crc, len(m.data),
                                size, len(m.name), len(m.extra)) + m.name + m.extra + m.data)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", m.made_by, 20, m.flags, m.method, 0, 0x21, crc,
                                  len(m.data), size, len(m.name), len(m.extra), 0, 0, 0, m.external_attr, offset)
                      + m.name + m.extra)
    directory = central.getvalue()
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), local.tell(), 0)
    path.write_bytes(local.getvalue() + directory + end)
    return path


def deflated_zeros(mebibytes: int) -> bytes:
    """A raw deflate stream of ``mebibytes`` MiB of zeros, built in milliseconds (a fully flushed
    block restarts the compressor, so one MiB's block can be repeated)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * mebibytes + compressor.flush()


def unicode_path_extra(raw_name: bytes, name: str) -> bytes:
    """Info-ZIP's Unicode Path field (0x7075): version 1, CRC of the raw name, the UTF-8 name."""
    body = b"\x01" + struct.pack("<L", zlib.crc32(raw_name)) + name.encode("utf-8")
    return struct.pack("<HH", 0x7075, len(body)) + body


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


# --- ordinary class downloads ------------------------------------------------------------------


def test_moodle_canvas_and_blackboard_names_unpack_exactly(tmp_path):
    utf8_flagged = {
        "Ana Núñez_4821_assignsubmission_file/essay.docx": b"docx bytes",
        "Seán O'Brien-Smith_77_assignsubmission_onlinetext/onlinetext.html": b"<p>text</p>",
        "nuezana_LATE_4821_99001_Ensayo final-1.docx": b"canvas",
        "Essay 1_jsmith_attempt_2024-03-01-14-22-05_my essay.docx": b"blackboard",
        "Essay 1_jsmith_attempt_2024-03-01-14-22-05.txt": b"Name: J Smith (jsmith)\nAssignment: Essay 1\n",
    }
    members = [Raw(name.encode("utf-8"), data, flags=0x800) for name, data in utf8_flagged.items()]
    # Old Windows tools write CP437 without the flag; others write UTF-8 without it.
    members.append(Raw("José García_5_assignsubmission_file_essay.docx".encode("cp437"), b"cp437"))
    members.append(Raw("Zoë Brontë_6_assignsubmission_file_/essay.docx".encode("utf-8"), b"utf8 unflagged"))
    raw = "Rene_7_assignsubmission_file_/r.docx".encode("cp437")
    members.append(Raw(raw, b"info-zip", extra=unicode_path_extra(raw, "René_7_assignsubmission_file_/r.docx")))
    members.append(Raw(b"Empty folder/"))
    zip_path = raw_zip(tmp_path / "class.zip", members)

    written = extract_class_zip(zip_path, tmp_path / "out")

    expected = {**utf8_flagged,
                "José García_5_assignsubmission_file_essay.docx": b"cp437",
                "Zoë Brontë_6_assignsubmission_file_/essay.docx": b"utf8 unflagged",
                "René_7_assignsubmission_file_/r.docx": b"info-zip"}
    assert written == list(expected)
    for name, data in expected.items():
        assert (tmp_path / "out" / name).read_bytes() == data
    assert (tmp_path / "out" / "Empty folder").is_dir()
    assert tree(tmp_path) - {"class.zip"} == {"out", "out/Empty folder", *(f"out/{n}" for n in expected),
                                              *{f"out/{n.rsplit('/', 1)[0]}" for n in expected if "/" in n}}


def test_deflated_members_and_an_existing_empty_target(tmp_path):
    zip_path = tmp_path / "class.zip"
    text = "Smith (2020) argues… ".encode() * 5_000
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a/essay.txt", text)
        archive.writestr("a/inner.zip", b"PK\x05\x06" + bytes(18))  # a zip inside is written, not unpacked
    (tmp_path / "out").mkdir()
    assert extract_class_zip(zip_path, tmp_path / "out") == ["a/essay.txt", "a/inner.zip"]
    assert (tmp_path / "out/a/essay.txt").read_bytes() == text
    assert is_zip(tmp_path / "out/a/inner.zip")


def test_the_target_must_be_empty(tmp_path):
    zip_path = raw_zip(tmp_path / "class.zip", [Raw(b"essay.txt", b"x")])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.docx").write_bytes(b"keep")
    with pytest.raises(InputError, match="must be an empty folder"):
        extract_class_zip(zip_path, tmp_path / "out")
    assert tree(tmp_path / "out") == {"mine.docx"}


# --- hostile and damaged zips --------------------------------------------------------------------


def _bomb(path):
    return raw_zip(path, [Raw(b"essay.docx", deflated_zeros(300), method=8, size=300 * MIB, crc=0)])


def _declared_total(path):
    zeros = deflated_zeros(400)
    return raw_zip(path, [Raw(f"part{i}.docx".encode(), zeros, method=8, size=400 * MIB, crc=0) for i in range(11)])


def _lying_header(path):
    # Declares 1,000 bytes (with the CRC of 1,000 zeros, so zipfile itself would be content)
    # but its data inflates to 50 MiB; a good member comes first and must not survive.
    return raw_zip(path, [Raw(b"good.txt", b"fine"),
                          Raw(b"liar.docx", deflated_zeros(50), method=8, size=1_000, crc=zlib.crc32(bytes(1_000)))])


def _many(path):
    return raw_zip(path, [Raw(f"f{i}.txt".encode(), b"x") for i in range(10_000)])


def _truncated(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(5):
            archive.writestr(f"essay{i}.txt", f"essay {i} ".encode() * 2_000)
    data = buffer.getvalue()
    path.write_bytes(data[:len(data) // 2])
    return path


def _bad_crc(path):
    return raw_zip(path, [Raw(b"good.txt", b"fine"), Raw(b"essay.docx", b"some bytes", crc=12345)])


def _symlink(path):
    return raw_zip(path, [Raw(b"good.txt", b"fine"),
                          Raw(b"link", b"/etc/passwd", external_attr=0o120777 << 16, made_by=(3 << 8) | 20)])


REFUSED = {
    "bomb": (_bomb, ["'essay.docx'", "compressed", "zip bomb"]),
    "declared total": (_declared_total, ["claims to unpack to 4.6 GB"]),
    "lying header": (_lying_header, ["'liar.docx'", "inflates beyond the 1,000 bytes", "zip bomb"]),
    "parent": (lambda p: raw_zip(p, [Raw(b"../evil.txt", b"x")]), ["'../evil.txt'", "outside"]),
    "absolute": (lambda p: raw_zip(p, [Raw(b"/etc/x", b"x")]), ["'/etc/x'", "absolute path"]),
    "drive letter": (lambda p: raw_zip(p, [Raw(b"C:\\x", b"x")]), ["'C:\\\\x'", "drive letter"]),
    "backslash parent": (lambda p: raw_zip(p, [Raw(b"a\\..\\..\\evil.txt", b"x")]), ["evil.txt", "outside"]),
    "colon": (lambda p: raw_zip(p, [Raw(b"essay.docx:hidden", b"x")]), ["'essay.docx:hidden'", "colon"]),
    "symbolic link": (_symlink, ["'link'", "symbolic link"]),
    "many entries": (_many, ["10,000 files"]),
    "encrypted": (lambda p: raw_zip(p, [Raw(b"essay.docx", b"x" * 12, flags=0x1)]), ["'essay.docx'", "encrypted"]),
    "truncated": (_truncated, ["damaged or incomplete"]),
    "bad checksum": (_bad_crc, ["'essay.docx'", "damaged"]),
    "duplicate by case": (lambda p: raw_zip(p, [Raw(b"Essay.docx", b"1"), Raw(b"essay.docx", b"2")]),
                          ["'essay.docx'", "same name as 'Essay.docx'"]),
    "duplicate by path": (lambda p: raw_zip(p, [Raw(b"a/b.txt", b"1"), Raw(b"a//./b.txt", b"2")]),
                          ["'a//./b.txt'", "same name"]),
    "duplicate by accent": (lambda p: raw_zip(p, [Raw("Zoë.docx".encode(), b"1", flags=0x800),
                                                  Raw("Zoe\u0308.docx".encode(), b"2", flags=0x800)]),
                            ["same name"]),
    "file and folder": (lambda p: raw_zip(p, [Raw(b"a", b"1"), Raw(b"a/b.txt", b"2")]), ["'a/b.txt'", "'a'"]),
    "not a zip": (lambda p: (p.write_bytes(b"PK\x03\x04 but nothing more"), p)[1], ["damaged or incomplete"]),
}


@pytest.mark.parametrize("target_exists", [False, True], ids=["new target", "empty target"])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_zips_are_refused_in_one_line_and_leave_nothing(tmp_path, case, target_exists):
    build, words = REFUSED[case]
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    zip_path = build(sandbox / "class.zip")
    target = sandbox / "deep" / "out"
    if target_exists:
        target.mkdir(parents=True)
    before = tree(tmp_path)

    with pytest.raises(InputError) as caught:
        extract_class_zip(zip_path, target)

    message = str(caught.value)
    assert "\n" not in message and message.startswith("class.zip ")
    for word in words:
        assert word in message
    assert tree(tmp_path) == before  # nothing outside, and the target as it was (absent or empty)
    assert not (tmp_path / "evil.txt").exists() and not (sandbox / "evil.txt").exists()


def test_a_bomb_is_refused_fast_and_small(tmp_path):
    zip_path = _bomb(tmp_path / "class.zip")
    assert zip_path.stat().st_size < 2 * MIB
    with pytest.raises(InputError):
        extract_class_zip(zip_path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_limits_can_be_set_and_large_members_inflate_exactly(tmp_path):
    zip_path = raw_zip(tmp_path / "class.zip",
                       [Raw(b"big.txt", deflated_zeros(3), method=8, size=3 * MIB, crc=zlib.crc32(bytes(3 * MIB)))])
    with pytest.raises(InputError, match="'big.txt' is compressed 1,0"):  # zeros: 1,000 times
        extract_class_zip(zip_path, tmp_path / "default")
    with pytest.raises(InputError, match="claims to unpack to"):
        extract_class_zip(zip_path, tmp_path / "small", ArchiveLimits(total_bytes=2 * MIB, ratio=10_000))
    assert extract_class_zip(zip_path, tmp_path / "ok", ArchiveLimits(ratio=10_000)) == ["big.txt"]
    assert (tmp_path / "ok/big.txt").read_bytes() == bytes(3 * MIB)


def test_a_missing_zip_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="missing.zip could not be unpacked"):
        extract_class_zip(tmp_path / "missing.zip", tmp_path / "out")


# --- is_zip ---------------------------------------------------------------------------------------


def test_is_zip_tells_archives_from_documents(tmp_path):
    archive = raw_zip(tmp_path / "class.zip", [Raw(b"essay.docx", b"x")])
    docx = raw_zip(tmp_path / "essay.docx", [Raw(b"[Content_Types].xml", b"<Types/>"), Raw(b"word/document.xml")])
    odt = raw_zip(tmp_path / "essay.odt", [Raw(b"mimetype", b"application/vnd.oasis.opendocument.text")])
    (tmp_path / "essay.txt").write_text("Name: not a zip")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + bytes(10))
    assert is_zip(archive) and is_zip(broken)
    assert not is_zip(docx) and not is_zip(odt)
    assert not is_zip(tmp_path / "essay.txt") and not is_zip(tmp_path / "absent.zip")
