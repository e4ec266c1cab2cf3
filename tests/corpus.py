"""A seeded corpus of about a thousand hostile, broken and odd inputs, written into a folder.

:func:`build_corpus` returns one :class:`Sample` per file (or directory, pipe, symlink …),
each with the recipe that made it, so a failure names exactly what to rebuild. The same
seed gives the same files. Families:

- mutations of a valid .docx (bytes flipped, cut short, parts replaced, zip bombs, external
  entities aimed at a local marker file, entity expansion, deep nesting, odd encodings, missing
  or duplicated parts, zip-format tricks);
- other formats under essay names (PDF, images, zip archives, OLE, gzip, executables …);
- text files (random bytes, NUL bytes, UTF-16/32, Latin-1, mixed encodings, huge lines,
  bracket runs, nested brackets, thousands of citations, hostile Unicode);
- Markdown with pathological nesting;
- odd names and paths that are not regular files.

Every file is small on disk whatever it claims to unpack to (the corpus takes about 150 MB,
most of it a few multi-megabyte text files) and the whole corpus builds in a few seconds.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import random
import re
import socket
import struct
import tarfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from docx_factory import docx_from_xml, hyperlink, p, run
from hostile import MARKER

SEED = 20261123
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BODY = "word/document.xml"
_STYLES = "word/styles.xml"
_FOOTNOTES = "word/footnotes.xml"
_DOC_RELS = "word/_rels/document.xml.rels"
_PKG_RELS = "_rels/.rels"
_TYPES = "[Content_Types].xml"

ESSAY = (
    "Sleep matters for memory (Walker, 2017). Stickgold and Walker (2013) agree, as do others "
    "(Rasch & Born, 2013; Diekelmann et al., 2009, p. 12).\n"
    "Café culture in Zürich is not the topic (Müller, 2020).\n\n"
    "References\n"
    "Diekelmann, S., Wilhelm, I., & Born, J. (2009). The whats and whens of sleep. Sleep Medicine Reviews, 13(5).\n"
    "Müller, K. (2020). Kaffee. Verlag.\n"
    "Rasch, B., & Born, J. (2013). About sleep's role in memory. Physiological Reviews, 93(2), 681–766.\n"
    "Stickgold, R., & Walker, M. P. (2013). Sleep-dependent memory triage. Nature Neuroscience, 16(2).\n"
    "Walker, M. (2017). Why we sleep. Scribner. https://doi.org/10.1000/xyz\n"
)


@dataclass(frozen=True)
class Sample:
    """One corpus input: where it is, how it was made, and whether its bytes can be fingerprinted."""

    path: Path | str  # a str only where pathlib would normalise the oddity away (a trailing slash)
    recipe: str
    family: str
    regular: bool = True  # False for directories, pipes, sockets, devices and broken links


# --- zip writing -------------------------------------------------------------------------


@dataclass
class Member:
    """One zip entry; unset fields are computed honestly from ``data``."""

    name: str | bytes
    data: bytes = b""
    method: int = zipfile.ZIP_DEFLATED
    stream: bytes | None = None  # the stored (compressed) bytes, if not derived from data
    size: int | None = None  # declared uncompressed size
    crc: int | None = None
    flags: int = 0


def raw_zip(members: list[Member], *, count: int | None = None, cd_offset: int | None = None,
            comment: bytes = b"", comment_length: int | None = None, prefix: bytes = b"") -> bytes:
    """A zip archive written byte by byte, so that every header field can lie."""
    local, central = io.BytesIO(), io.BytesIO()
    local.write(prefix)
    for member in members:
        name = member.name if isinstance(member.name, bytes) else member.name.encode()
        flags = member.flags | (0x800 if isinstance(member.name, str) and not name.isascii() else 0)
        stream = member.stream if member.stream is not None else _compress(member.data, member.method)
        size = len(member.data) if member.size is None else member.size
        crc = zlib.crc32(member.data) if member.crc is None else member.crc
        offset = local.tell()
        local.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, member.method, 0, 0x21, crc,
                                len(stream), size, len(name), 0) + name + stream)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, member.method, 0, 0x21, crc,
                                  len(stream), size, len(name), 0, 0, 0, 0, 0, offset) + name)
    directory = central.getvalue()
    entries = len(members) if count is None else count
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, entries, entries, len(directory),
                      local.tell() if cd_offset is None else cd_offset,
                      len(comment) if comment_length is None else comment_length)
    return local.getvalue() + directory + end + comment


_DEFLATED: dict[bytes, bytes] = {}  # the same big parts (styles.xml …) go into hundreds of files


def _compress(data: bytes, method: int) -> bytes:
    if method != zipfile.ZIP_DEFLATED:
        return data  # stored, or a method nobody should decode: the bytes as they are
    if data not in _DEFLATED:
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        stream = compressor.compress(data) + compressor.flush()
        if len(data) < 100_000:
            return stream
        _DEFLATED[data] = stream
    return _DEFLATED[data]


def good_zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """An honest zip of ``parts``, in order."""
    return raw_zip([Member(name, data, method=method) for name, data in parts.items()])


def deflated_repeat(chunk: bytes, times: int) -> bytes:
    """A raw deflate stream of ``chunk`` repeated ``times`` times, built in milliseconds.

    After a full flush the compressor starts afresh, so the compressed chunk can be repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * times + compressor.flush()


def _repeat_crc(chunk: bytes, times: int) -> int:
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return crc


# --- the base essay ----------------------------------------------------------------------


def base_parts(folder: Path) -> dict[str, bytes]:
    """The parts of a valid essay .docx with a footnote and a hyperlink, to tamper with."""
    body = [p("Sleep matters for memory ", run("(Walker, 2017)."), " Stickgold and Walker (2013) agree."),
            p(hyperlink("rIdLink1", "A link"), " and Café culture (Müller, 2020)."),
            p("References", style="Heading1"),
            p("Müller, K. (2020). ", run("Kaffee", italic=True), ". Verlag."),
            p("Stickgold, R., & Walker, M. P. (2013). Sleep-dependent memory triage. ",
              run("Nature Neuroscience, 16", italic=True), "(2)."),
            p("Walker, M. (2017). ", run("Why we sleep", italic=True), ". Scribner.")]
    source = docx_from_xml(folder / "_base.docx", body, links={"rIdLink1": "https://example.org/"},
                           footnotes=[p("A note (Walker, 2017).")])
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    source.unlink()
    # Left out to keep hundreds of copies small: parts the reader never opens, and their references.
    for name, owner in (("word/stylesWithEffects.xml", _DOC_RELS), ("docProps/thumbnail.jpeg", _PKG_RELS)):
        del parts[name]
        pattern = rb'<Relationship [^>]*Target="[^"]*' + re.escape(name.split("/")[-1].encode()) + rb'"/>'
        parts[owner] = re.sub(pattern, b"", parts[owner])
    parts[_TYPES] = re.sub(rb'<Override PartName="/word/stylesWithEffects.xml"[^>]*/>', b"", parts[_TYPES])
    return parts


# --- XML tricks --------------------------------------------------------------------------


def _split_root(xml: str) -> tuple[str, str, str]:
    """(declaration, root start tag, rest) of a serialized XML part."""
    declaration = ""
    if xml.startswith("<?xml"):
        end = xml.index("?>") + 2
        declaration, xml = xml[:end], xml[end:]
    start = xml.index("<")
    while xml.startswith(("<?", "<!"), start):
        start = xml.index("<", xml.index(">", start))
    close = xml.index(">", start) + 1
    return declaration + xml[:start], xml[start:close], xml[close:]


def inject(xml: bytes, prolog: str = "", inside: str = "") -> str:
    """``xml`` with ``prolog`` before the root element and ``inside`` as its first content."""
    head, root, rest = _split_root(xml.decode("utf-8"))
    if root.endswith("/>"):
        name = root[1:].split()[0].rstrip("/>")
        return f"{head}{prolog}{root[:-2]}>{inside}</{name}>"
    return f"{head}{prolog}{root}{inside}{rest}"


def encode_xml(xml: str, encoding: str) -> bytes:
    """``xml`` in ``encoding``, its declaration (if any) saying so; BOM variants by name."""
    labels = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-be-bom": "UTF-16", "utf-16-le": "UTF-16LE",
              "utf-32": "UTF-32", "cp037": "IBM037", "utf-7": "UTF-7", "latin-1": "ISO-8859-1",
              "utf-16-lie": "UTF-8"}
    if xml.startswith("<?xml"):
        end = xml.index("?>") + 2
        xml = f'<?xml version="1.0" encoding="{labels[encoding]}" standalone="yes"?>' + xml[end:]
    if encoding == "utf-16-be-bom":
        return ("\ufeff" + xml).encode("utf-16-be")
    if encoding == "utf-16-lie":  # declared UTF-8, written as UTF-16
        return xml.encode("utf-16")
    return xml.encode(encoding, errors="xmlcharrefreplace")


def body_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{_W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<w:body>{body}</w:body></w:document>").encode()


_NESTINGS = {
    "sdt": ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:p><w:r><w:t>deep (Smith, 2020)</w:t></w:r></w:p>"),
    "unknown": ("<x>", "</x>", "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"),
    "table": ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "<w:p><w:r><w:t>cell</w:t></w:r></w:p>"),
    "alternate": ("<mc:AlternateContent><mc:Choice>", "</mc:Choice></mc:AlternateContent>",
                  "<w:p><w:r><w:t>choice</w:t></w:r></w:p>"),
}


def nested_body(kind: str, depth: int) -> str:
    """WordprocessingML nested ``depth`` times in one of several ways."""
    text = "<w:t>deep (Smith, 2020)</w:t>"
    if kind == "run":
        return "<w:p>" + "<w:r>" * depth + text + "</w:r>" * depth + "</w:p>"
    if kind == "hyperlink":
        return "<w:p>" + "<w:hyperlink>" * depth + f"<w:r>{text}</w:r>" + "</w:hyperlink>" * depth + "</w:p>"
    if kind == "insertion":
        return "<w:p>" + "<w:ins>" * depth + f"<w:r>{text}</w:r>" + "</w:ins>" * depth + "</w:p>"
    if kind == "simple-field":
        return ("<w:p>" + '<w:fldSimple w:instr="HYPERLINK &quot;https://x.org&quot;">' * depth + f"<w:r>{text}</w:r>"
                + "</w:fldSimple>" * depth + "</w:p>")
    if kind == "text-box":
        return "<w:p><w:r><w:txbxContent>" * depth + f"<w:p><w:r>{text}</w:r></w:p>" + \
            "</w:txbxContent></w:r></w:p>" * depth
    if kind == "math":
        return "<w:p>" + "<m:oMath>" * depth + "<m:t>x</m:t>" + "</m:oMath>" * depth + "</w:p>"
    opening, closing, inner = _NESTINGS[kind]
    return opening * depth + inner + closing * depth


# --- the corpus --------------------------------------------------------------------------


@dataclass
class _Corpus:
    folder: Path
    rng: random.Random
    samples: list[Sample] = field(default_factory=list)

    def add(self, family: str, name: str, data: bytes, recipe: str) -> Path:
        path = self.folder / f"{len(self.samples):04d}-{name}"
        path.write_bytes(data)
        self.samples.append(Sample(path, recipe, family))
        return path

    def add_named(self, family: str, name: str, data: bytes, recipe: str) -> Path:
        """A file whose exact name matters (extension, dots, case): in a folder of its own."""
        folder = self.folder / f"{len(self.samples):04d}"
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        self.samples.append(Sample(path, recipe, family))
        return path

    def add_special(self, family: str, path: Path | str, recipe: str) -> None:
        self.samples.append(Sample(path, recipe, family, regular=False))

    def special_folder(self) -> Path:
        folder = self.folder / f"{len(self.samples):04d}"
        folder.mkdir()
        return folder


def build_corpus(folder: Path, seed: int = SEED) -> list[Sample]:
    """Write the corpus into ``folder`` (which must exist) and return its samples."""
    corpus = _Corpus(folder, random.Random(seed))
    parts = base_parts(folder)
    secret = folder / "secret.txt"
    secret.write_text(f"{MARKER}\n")
    (folder / "secret.dtd").write_text(f'<!ENTITY xxe "{MARKER}">')
    _docx_bytes_mutations(corpus, parts)
    _docx_xml_mutations(corpus, parts)
    _docx_part_replacements(corpus, parts)
    _zip_bombs(corpus, parts)
    _zip_tricks(corpus, parts)
    _external_entities(corpus, parts, folder)
    _entity_expansion(corpus, parts)
    _deep_nesting(corpus, parts)
    _docx_encodings(corpus, parts)
    _docx_content(corpus, parts)
    _other_formats(corpus, parts)
    _text_files(corpus)
    _bracket_text(corpus)
    _unicode_text(corpus)
    _markdown(corpus)
    _names(corpus, parts)
    _special_paths(corpus, folder)
    return corpus.samples


def _docx_bytes_mutations(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    rng = corpus.rng
    for method, label in ((zipfile.ZIP_DEFLATED, "deflated"), (zipfile.ZIP_STORED, "stored")):
        base = good_zip(parts, method)
        for _ in range(60 if method == zipfile.ZIP_DEFLATED else 40):
            data = bytearray(base)
            flips = sorted(rng.sample(range(len(data)), rng.randint(1, 16)))
            for at in flips:
                data[at] ^= rng.randint(1, 255)
            corpus.add("docx-flip", "flip.docx", bytes(data), f"{label} base .docx, bytes XOR-flipped at {flips}")
        for _ in range(30 if method == zipfile.ZIP_DEFLATED else 15):
            cut = rng.randrange(1, len(base))
            corpus.add("docx-truncate", "cut.docx", base[:cut], f"{label} base .docx cut to {cut} of {len(base)} bytes")
        for _ in range(8):
            cut = rng.randrange(1, len(base))
            junk = rng.randbytes(rng.randint(1, 5000))
            corpus.add("docx-truncate", "cutjunk.docx", base[:cut] + junk,
                       f"{label} base .docx cut at {cut} then {len(junk)} random bytes appended")
        for _ in range(8):
            start = rng.randrange(len(base) - 100)
            length = rng.randint(1, 2000)
            data = base[:start] + base[start + length:]
            corpus.add("docx-splice", "hole.docx", data,
                       f"{label} base .docx with bytes {start}:{start + length} removed")
        for _ in range(6):
            start = rng.randrange(len(base))
            data = base[:start] + rng.randbytes(rng.randint(1, 3000)) + base[start:]
            corpus.add("docx-splice", "insert.docx", data, f"{label} base .docx with random bytes inserted at {start}")


def _docx_xml_mutations(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    """The zip is honest; the XML inside one part is damaged (so the XML parser sees it)."""
    rng = corpus.rng
    targets = [_BODY, _BODY, _BODY, _STYLES, _FOOTNOTES, _DOC_RELS, _PKG_RELS, _TYPES]
    for _ in range(70):
        target = rng.choice(targets)
        data = bytearray(parts[target])
        action = rng.choice(["flip", "delete", "duplicate", "insert-markup", "truncate"])
        if action == "flip":
            spots = rng.sample(range(len(data)), rng.randint(1, 8))
            for at in spots:
                data[at] ^= rng.randint(1, 255)
            detail = f"bytes flipped at {sorted(spots)}"
        elif action == "delete":
            start = rng.randrange(len(data))
            end = min(len(data), start + rng.randint(1, 400))
            del data[start:end]
            detail = f"bytes {start}:{end} deleted"
        elif action == "duplicate":
            start = rng.randrange(len(data))
            end = min(len(data), start + rng.randint(1, 400))
            data[end:end] = data[start:end] * rng.randint(1, 50)
            detail = f"bytes {start}:{end} repeated"
        elif action == "insert-markup":
            at = rng.randrange(len(data))
            piece = "".join(rng.choice(["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "<!--",
                                        "-->", "<?pi?>", '"', "'", "</w:p>", "<w:p>", "\x00", "\udcff"])
                            for _ in range(rng.randint(1, 12)))
            data[at:at] = piece.encode("utf-8", "surrogateescape")
            detail = f"markup {piece!r} inserted at {at}"
        else:
            cut = rng.randrange(len(data))
            del data[cut:]
            detail = f"cut at {cut}"
        corpus.add("docx-xml", "xml.docx", good_zip(parts | {target: bytes(data)}), f"{target}: {detail}")


def _docx_part_replacements(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    rng = corpus.rng
    for target in (_BODY, _STYLES, _FOOTNOTES, _DOC_RELS, _PKG_RELS, _TYPES):
        for label, data in (("empty", b""), ("random bytes", rng.randbytes(3000)), ("NUL bytes", bytes(5000)),
                            ("plain text", b"hello (Smith, 2020)"), ("a whole .docx", good_zip(parts)),
                            ("another root element", b"<html><body>Hi</body></html>")):
            corpus.add("docx-replace", "replaced.docx", good_zip(parts | {target: data}),
                       f"{target} replaced with {label}")
    for missing in (_BODY, _STYLES, _FOOTNOTES, _DOC_RELS, _PKG_RELS, _TYPES, "docProps/core.xml"):
        corpus.add("docx-missing", "missing.docx", good_zip({k: v for k, v in parts.items() if k != missing}),
                   f"{missing} left out")
    corpus.add("docx-missing", "onlyrels.docx", good_zip({_PKG_RELS: parts[_PKG_RELS], _TYPES: parts[_TYPES]}),
               "only [Content_Types].xml and _rels/.rels")
    corpus.add("docx-missing", "onlybody.docx", good_zip({_BODY: parts[_BODY]}), "only word/document.xml")
    # Relationships that point somewhere odd.
    main_rel = b'Target="word/document.xml"'
    for target in ("../../../../etc/passwd", "/word/document.xml", "word/styles.xml", "_rels/.rels",
                   "word/../word/../word/document.xml", "word/", "", "word/document.xml\x01",
                   "file:///etc/passwd", "word/" + "a" * 60_000):
        rels = parts[_PKG_RELS].replace(main_rel, f'Target="{target}"'.encode("utf-8", "replace"))
        corpus.add("docx-rels", "rels.docx", good_zip(parts | {_PKG_RELS: rels}),
                   f"_rels/.rels officeDocument target {target[:60]!r}")
    rels = parts[_PKG_RELS].replace(main_rel, main_rel + b' TargetMode="External"')
    corpus.add("docx-rels", "rels.docx", good_zip(parts | {_PKG_RELS: rels}), "officeDocument marked External")
    many = b"".join(b'<Relationship Id="rId%d" Type="x/styles" Target="styles.xml"/>' % n for n in range(20_000))
    rels = parts[_DOC_RELS].replace(b"</Relationships>", many + b"</Relationships>")
    corpus.add("docx-rels", "rels.docx", good_zip(parts | {_DOC_RELS: rels}), "20,000 styles relationships")
    styles_as_main = parts[_DOC_RELS].replace(b'Target="styles.xml"', b'Target="document.xml"')
    corpus.add("docx-rels", "rels.docx", good_zip(parts | {_DOC_RELS: styles_as_main}),
               "the styles relationship points at document.xml")
    notes_as_rels = parts[_DOC_RELS].replace(b'Target="footnotes.xml"', b'Target="_rels/document.xml.rels"')
    corpus.add("docx-rels", "rels.docx", good_zip(parts | {_DOC_RELS: notes_as_rels}),
               "the footnotes relationship points at the relationships part")


def _zip_bombs(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    """Parts inflating far beyond the limits, declared honestly or not, in several places."""
    zeros = bytes(1 << 20)
    xml_chunk = b"<w:p><w:r><w:t>lol (Smith, 2020)</w:t></w:r></w:p>" * 20_000
    text_chunk = b"a" * (1 << 20)

    def bomb(target: str, chunk: bytes, megabytes: int, declared: int | None, label: str, crc: int = 0) -> None:
        members = [Member(name, data) for name, data in parts.items() if name != target]
        size = len(chunk) * megabytes if declared is None else declared
        members.append(Member(target, stream=deflated_repeat(chunk, megabytes), size=size, crc=crc))
        corpus.add("zip-bomb", "bomb.docx", raw_zip(members), f"{target}: {label}")

    for target in (_BODY, _STYLES, _DOC_RELS, _PKG_RELS, _FOOTNOTES, _TYPES):
        bomb(target, zeros, 2048, None, "2 GiB of zeros, size declared honestly")
        bomb(target, zeros, 2048, 4096, "2 GiB of zeros declared as 4 KB")
    for megabytes in (21, 64, 256, 1024, 4000):
        bomb(_BODY, zeros, megabytes, 1000, f"{megabytes} MiB of zeros declared as 1000 bytes")
    bomb(_BODY, zeros, 4095, 0xFFFFFFFF, "4 GiB of zeros declared as 0xFFFFFFFF")
    bomb(_BODY, zeros, 19, None, "19 MiB of zeros (under the part cap): not XML")
    head = body_xml("")[:-len(b"</w:body></w:document>")]
    for megabytes in (2048, 64):
        members = [Member(n, d) for n, d in parts.items() if n != _BODY]
        stream = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = stream.compress(head) + stream.flush(zlib.Z_FULL_FLUSH)
        data += deflated_repeat(xml_chunk, megabytes)
        members.append(Member(_BODY, stream=data, size=4096, crc=0))
        corpus.add("zip-bomb", "xmlbomb.docx", raw_zip(members),
                   f"{_BODY}: {megabytes} x 1 MB of paragraphs after a document head, declared 4 KB")
    # Honest bombs just under the per-part cap: they inflate, then the XML/text limits must stop them.
    for chunk, label in ((xml_chunk, "paragraphs"), (text_chunk, "one text run")):
        repeats = 19_000_000 // len(chunk)
        inner = (chunk * repeats) if label == "paragraphs" else b"<w:p><w:r><w:t>" + chunk * 18 + b"</w:t></w:r></w:p>"
        corpus.add("zip-bomb", "near-cap.docx", good_zip(parts | {_BODY: body_xml(inner.decode())}),
                   f"{_BODY}: about 19 MB of {label} (just under the 20 MB part cap)")
    padding = " " * 19_000_000
    padded = {_STYLES: inject(parts[_STYLES], "", padding).encode(), _BODY: inject(parts[_BODY], "", padding).encode(),
              _FOOTNOTES: inject(parts[_FOOTNOTES], "", padding).encode()}
    corpus.add("zip-bomb", "three-parts.docx", good_zip(parts | padded),
               "styles, document and footnotes each padded to 19 MB (over the 40 MB XML total together)")
    # Declared sizes adding up to more than the 1 GB total, none actually large.
    members = [Member(n, d) for n, d in parts.items()]
    members += [Member(f"word/media/image{n}.png", b"x", size=0xF0000000, crc=0) for n in range(3)]
    corpus.add("zip-bomb", "declared.docx", raw_zip(members), "three 1-byte images declared as 3.75 GiB each")
    # A zip inside the zip (a "nested" bomb): only the outer one is ever opened.
    inner = raw_zip([Member("zeros", stream=deflated_repeat(zeros, 1024), size=1 << 30, crc=0)])
    corpus.add("zip-bomb", "nested.docx", good_zip(parts | {"word/embeddings/inner.zip": inner}),
               "an embedded zip that inflates to 1 GiB")
    corpus.add("zip-bomb", "nested-body.docx", good_zip(parts | {_BODY: inner}),
               "word/document.xml is itself a 1 GiB zip bomb")
    # Other compression methods zipfile understands, inflating past the cap.
    for method, label in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "lzma")):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in parts.items():
                if name != _BODY:
                    archive.writestr(zipfile.ZipInfo(name, _FIXED_TIME), data)
            archive.writestr(zipfile.ZipInfo(_BODY, _FIXED_TIME), bytes(24 << 20), compress_type=method)
        corpus.add("zip-bomb", f"{label}.docx", buffer.getvalue(), f"{_BODY}: 24 MiB of zeros, {label}-compressed")


def _zip_tricks(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    honest = [Member(name, data) for name, data in parts.items()]
    body = parts[_BODY]
    evil_body = body_xml("<w:p><w:r><w:t>the second copy</w:t></w:r></w:p>")

    def add(name: str, data: bytes, recipe: str) -> None:
        corpus.add("zip-trick", name, data, recipe)

    add("dup.docx", raw_zip(honest + [Member(_BODY, evil_body)]), "word/document.xml twice (second differs)")
    add("dup.docx", raw_zip([Member(_BODY, evil_body)] + honest), "word/document.xml twice (first differs)")
    add("dup.docx", raw_zip(honest + honest), "every member twice")
    add("dup.docx", raw_zip(honest + [Member(_BODY, b"garbage")]), "a garbage second word/document.xml")
    add("dup.docx", raw_zip(honest + [Member("word/Document.xml", evil_body)]), "word/Document.xml beside document.xml")
    for name in ("../../../../tmp/evil.xml", "/etc/passwd", "word\\document.xml", b"word/\x00document.xml",
                 "w" * 60_000, b"word/\xff\xfe\x80.xml", "C:/Windows/system.ini", "word/document.xml/"):
        add("name.docx", raw_zip(honest + [Member(name, b"<x/>")]), f"extra member named {name[:40]!r}")
    renamed = [Member(b"word/document.xml\x00", body) if m.name == _BODY else m for m in honest]
    add("name.docx", raw_zip(renamed), "word/document.xml written with a trailing NUL in its name")
    for method in (1, 6, 9, 12, 14, 19, 95, 98, 99, 0xFFFF):
        members = [Member(m.name, m.data, method=method, stream=m.data) if m.name == _BODY else m for m in honest]
        add("method.docx", raw_zip(members), f"{_BODY} marked with compression method {method} (bytes stored)")
    members = [Member(m.name, m.data, flags=1) if m.name == _BODY else m for m in honest]
    add("encrypted.docx", raw_zip(members), f"{_BODY} flagged as encrypted")
    members = [Member(m.name, m.data, flags=0x40 | 1) for m in honest]
    add("encrypted.docx", raw_zip(members), "every member flagged strongly encrypted")
    members = [Member(m.name, m.data, crc=0xDEADBEEF) if m.name == _BODY else m for m in honest]
    add("crc.docx", raw_zip(members), f"{_BODY} with a wrong CRC")
    members = [Member(m.name, m.data, size=len(m.data) + 1000) if m.name == _BODY else m for m in honest]
    add("size.docx", raw_zip(members), f"{_BODY} declared 1000 bytes longer than it is")
    members = [Member(m.name, m.data, size=10) if m.name == _BODY else m for m in honest]
    add("size.docx", raw_zip(members), f"{_BODY} declared 10 bytes long")
    members = [Member(m.name, m.data, method=0, stream=m.data[:50]) if m.name == _BODY else m for m in honest]
    add("size.docx", raw_zip(members), f"{_BODY} stored, stream cut to 50 bytes")
    for count in (0, 1, 999, 1000, 1001, 65535):
        add("count.docx", raw_zip(honest, count=count), f"end record claims {count} entries")
    for offset in (0, 1, 0xFFFFFFFF, 0x7FFFFFFF):
        add("offset.docx", raw_zip(honest, cd_offset=offset), f"central directory offset {offset:#x}")
    add("comment.docx", raw_zip(honest, comment=b"x" * 65_535), "a 64 KB archive comment")
    add("comment.docx", raw_zip(honest, comment_length=65_535), "comment length 65535 with no comment")
    add("comment.docx", raw_zip(honest, comment=b"PK\x05\x06" + bytes(18)), "a fake end record inside the comment")
    add("prefix.docx", raw_zip(honest, prefix=b"MZ" + bytes(4000)), "an executable stub before the zip")
    add("prefix.docx", raw_zip(honest, prefix=b"%PDF-1.4\n" + bytes(100)), "a PDF header before the zip")
    add("suffix.docx", good_zip(parts) + b"\x00" * 70_000, "70 KB of NULs after the end record")
    add("empty-zip.docx", b"PK\x05\x06" + bytes(18), "an empty zip archive (end record only)")
    add("empty-zip.docx", b"PK\x03\x04", "just a local-header signature")
    add("empty-zip.docx", b"PK\x03\x04" + bytes(26), "a local header of zeros")
    add("zip64.docx", raw_zip(honest)[:-22] + b"PK\x06\x07" + bytes(16) + raw_zip(honest)[-22:],
        "a zip64 locator pointing nowhere")
    # Many members, counted honestly (zipfile must never be asked to parse a huge directory).
    for total in (1000, 1001, 5000):
        members = honest + [Member(f"word/media/x{n}.bin", b"") for n in range(total - len(honest))]
        add("many.docx", raw_zip(members), f"{len(members)} members")


def _external_entities(corpus: _Corpus, parts: dict[str, bytes], folder: Path) -> None:
    """External entities, DTDs and XIncludes aimed at a local file holding the marker."""
    rng = corpus.rng
    uri = (folder / "secret.txt").resolve().as_uri()
    dtd = (folder / "secret.dtd").resolve().as_uri()
    plain = str((folder / "secret.txt").resolve())
    variants = {
        "general entity": (f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{uri}">]>', "&xxe;"),
        "entity by plain path": (f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{plain}">]>', "&xxe;"),
        "public entity": (f'<!DOCTYPE r [<!ENTITY xxe PUBLIC "-//X//EN" "{uri}">]>', "&xxe;"),
        "parameter entity": (f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{dtd}"> %p;]>', "&xxe;"),
        "external DTD": (f'<!DOCTYPE r SYSTEM "{dtd}">', "&xxe;"),
        "network entity": ('<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>', "&xxe;"),
        "xinclude": ("", f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/>'),
        "entity in attribute": (f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{uri}">]>', '<w:x w:val="&xxe;"/>'),
    }
    encodings = ["utf-8", "utf-16", "utf-16-be-bom", "utf-16-le", "utf-32", "cp037", "utf-7", "utf-16-lie"]
    combos = [(target, variant, encoding) for target in (_BODY, _STYLES, _FOOTNOTES, _DOC_RELS, _PKG_RELS)
              for variant in variants for encoding in encodings]
    chosen = [c for c in combos if c[0] == _BODY] + rng.sample([c for c in combos if c[0] != _BODY], 40)
    for target, variant, encoding in chosen:
        prolog, inside = variants[variant]
        xml = encode_xml(inject(parts[target], prolog, inside), encoding)
        corpus.add("xxe", "xxe.docx", good_zip(parts | {target: xml}), f"{target}: {variant}, {encoding}")
    # The entity used in a text run, where a reader would show it.
    body = body_xml("<w:p><w:r><w:t>Leak: &xxe;</w:t></w:r></w:p>")
    xml = inject(body, f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{uri}">]>')
    corpus.add("xxe", "xxe-run.docx", good_zip(parts | {_BODY: xml.encode()}), f"{_BODY}: &xxe; inside w:t")
    # A hyperlink relationship whose target is the secret file: a URL, never to be opened.
    rels = parts[_DOC_RELS].replace(b"https://example.org/", uri.encode())
    corpus.add("xxe", "xxe-link.docx", good_zip(parts | {_DOC_RELS: rels}), "hyperlink target is the secret file URI")


def _entity_expansion(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{(f"&lol{n - 1};" if n > 1 else "&lol;") * 10}">' for n in range(1, 10))
    quadratic = f'<!ENTITY a "{"a" * 50_000}">'
    variants = {
        "billion laughs": (f"<!DOCTYPE r [{laughs}]>", "&lol9;"),
        "quadratic blowup": (f"<!DOCTYPE r [{quadratic}]>", "&a;" * 20_000),
        "recursive entity": ('<!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]>', "&a;"),
        "parameter laughs": ('<!DOCTYPE r [<!ENTITY % a "aaaaaaaaaa"><!ENTITY % b "%a;%a;%a;%a;%a;%a;%a;%a;">'
                             '<!ENTITY c "%b;%b;%b;%b;%b;">]>', "&c;" * 1000),
        "undeclared entity": ("", "&undeclared;"),
    }
    for target in (_BODY, _STYLES, _FOOTNOTES, _DOC_RELS):
        for variant, (prolog, inside) in variants.items():
            for encoding in ("utf-8", "utf-16"):
                xml = encode_xml(inject(parts[target], prolog, inside), encoding)
                corpus.add("entities", "laughs.docx", good_zip(parts | {target: xml}),
                           f"{target}: {variant}, {encoding}")


def _deep_nesting(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    kinds = ("sdt", "unknown", "table", "alternate", "run", "hyperlink", "insertion", "simple-field", "text-box",
             "math")
    for kind in kinds:
        for depth in (100_000, 10_000, 300, 255, 254, 200, 120, 84):
            corpus.add("nesting", "deep.docx", good_zip(parts | {_BODY: body_xml(nested_body(kind, depth))}),
                       f"{_BODY}: {kind} nested {depth} deep")
    for target in (_STYLES, _FOOTNOTES, _DOC_RELS, _PKG_RELS):
        for depth in (100_000, 250):
            xml = inject(parts[target], "", "<x>" * depth + "</x>" * depth)
            corpus.add("nesting", "deep.docx", good_zip(parts | {target: xml.encode()}),
                       f"{target}: unknown element nested {depth} deep")
    chain = "".join(f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="s{n}"/><w:basedOn w:val="S{n + 1}"/>'
                    "</w:style>" for n in range(5000))
    cycle = ('<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>')
    for label, styles in (("a basedOn chain 5,000 long", chain), ("a basedOn cycle", cycle)):
        xml = inject(parts[_STYLES], "", styles).encode()
        style = "S0" if "chain" in label else "A"
        body = body_xml(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:rPr><w:rStyle w:val="{style}"/>'
                        "</w:rPr><w:t>Styled (Smith, 2020).</w:t></w:r></w:p>")
        corpus.add("nesting", "styles.docx", good_zip(parts | {_STYLES: xml, _BODY: body}), f"styles.xml: {label}")
    for fields in (1000, 3000):
        body = nested_fields(fields)
        corpus.add("nesting", "fields.docx", good_zip(parts | {_BODY: body}),
                   f"{_BODY}: {fields} nested open fields, then {fields} text runs")
    body = body_xml("<w:p>" + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' * 50_000 + "</w:p>"
                    + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>hidden</w:t></w:r></w:p>' * 2)
    corpus.add("nesting", "fields.docx", good_zip(parts | {_BODY: body}), f"{_BODY}: 50,000 unmatched field ends")


def _docx_encodings(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    rng = corpus.rng
    for encoding in ("utf-16", "utf-16-be-bom", "utf-16-le", "utf-32", "latin-1", "cp037", "utf-7", "utf-16-lie"):
        for target in (_BODY, _STYLES, _DOC_RELS):
            xml = encode_xml(parts[target].decode("utf-8"), encoding)
            corpus.add("docx-encoding", "enc.docx", good_zip(parts | {target: xml}),
                       f"{target} re-encoded as {encoding}")
    for _ in range(12):
        data = bytearray(parts[_BODY])
        at = data.index(b"<w:t")
        at = data.index(b">", at) + 1
        bad = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf", b"\x80\x80",
                          b"\xef\xbf\xbe", b"\xf4\x90\x80\x80"])
        data[at:at] = bad * rng.randint(1, 30)
        corpus.add("docx-encoding", "badutf8.docx", good_zip(parts | {_BODY: bytes(data)}),
                   f"{_BODY}: invalid UTF-8 {bad!r} inside the first w:t")
    for reference in ("&#0;", "&#x1;", "&#xD800;", "&#xFFFE;", "&#x110000;", "&#99999999999;", "&#x202E;", "&#x0B;"):
        body = body_xml(f"<w:p><w:r><w:t>Text {reference} (Smith, 2020).</w:t></w:r></w:p>")
        corpus.add("docx-encoding", "charref.docx", good_zip(parts | {_BODY: body}),
                   f"{_BODY}: character reference {reference}")
    body = body_xml("<w:p><w:r><w:t>Text (Smith, 2020).</w:t></w:r></w:p>").replace(b"UTF-8", b"x-no-such-encoding")
    corpus.add("docx-encoding", "charref.docx", good_zip(parts | {_BODY: body}), f"{_BODY}: unknown declared encoding")


def _docx_content(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    """Valid packages whose text is hostile for the stages after reading."""

    def add(name: str, paragraphs: list[str], recipe: str) -> None:
        body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in paragraphs)
        corpus.add("docx-content", name, good_zip(parts | {_BODY: body_xml(body)}), f"{_BODY}: {recipe}")

    add("parens.docx", ["An essay " + "(" * 20_000 + " (Smith, 2020)."], '20,000 "(" in a row')
    add("parens.docx", ["(2019" * 19_999], '"(2019" 19,999 times')
    add("parens.docx", ["(Smith, 2019" * 8000], '"(Smith, 2019" 8,000 times')
    add("parens.docx", ["(" * 50_000 + "Smith, 2019" + ")" * 49_000], "50,000-deep brackets around a citation")
    add("cites.docx", ["Text (Smith, 2019). " * 4000] * 20 + ["References", "Smith, J. (2019). T."],
        "20 paragraphs of 4,000 citations each")
    add("cites.docx", [f"Author{n} (2019) said (Name{n}, {1900 + n % 120})." for n in range(5000)],
        "5,000 paragraphs, each a narrative and a parenthetical citation")
    add("refs.docx", ["Text (A, 2001)."] + ["References"] +
        [f"Name{n}, A. ({1900 + n % 120}). Title {n}. https://doi.org/10.{n}/x" for n in range(600)],
        "600 reference entries")
    authors = ", ".join(f"Author{n}, A." for n in range(3000))
    add("refs.docx", ["Text (Author0 et al., 2019).", "References", f"{authors}, & Last, Z. (2019). T."],
        "one reference with 3,000 authors")
    add("big-run.docx", ["word " * 19_999], "a run of 99,995 characters")
    add("big-run.docx", ["word " * 20_001], "a run of 100,005 characters")
    add("many.docx", ["w"] * 60_000, "60,000 one-letter paragraphs")
    add("empty.docx", [" "] * 1000, "1,000 paragraphs of one space")
    body = body_xml("<w:p/>" * 700_000)
    corpus.add("docx-content", "elements.docx", good_zip(parts | {_BODY: body}), f"{_BODY}: 700,000 empty paragraphs")
    outline = "".join(f'<w:p><w:pPr><w:outlineLvl w:val="{v}"/></w:pPr><w:r><w:t>Head {n}</w:t></w:r></w:p>'
                      for n, v in enumerate(("²", "9" * 5000, "-1", "٣", "x", "")))
    corpus.add("docx-content", "outline.docx", good_zip(parts | {_BODY: body_xml(outline)}),
               f"{_BODY}: outline levels '²', 5,000 nines, -1, Arabic-Indic 3, x, empty")
    styles = inject(parts[_STYLES], "", '<w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1"/>'
                    '<w:pPr><w:outlineLvl w:val="²"/></w:pPr></w:style>'
                    '<w:style w:type="paragraph" w:styleId="Z"><w:pPr><w:outlineLvl w:val="٣"/></w:pPr></w:style>')
    body = body_xml('<w:p><w:pPr><w:pStyle w:val="Z"/></w:pPr><w:r><w:t>References</w:t></w:r></w:p>')
    corpus.add("docx-content", "outline.docx", good_zip(parts | {_STYLES: styles.encode(), _BODY: body}),
               "styles.xml: outline levels '²' and Arabic-Indic 3 in styles")
    hyper = "".join(f'<w:hyperlink r:id="rId{n}"><w:r><w:t>L{n}</w:t></w:r></w:hyperlink>' for n in range(10_000))
    corpus.add("docx-content", "links.docx", good_zip(parts | {_BODY: body_xml(f"<w:p>{hyper}</w:p>")}),
               f"{_BODY}: 10,000 hyperlinks to missing relationships")
    instr = "HYPERLINK &quot;" + "a" * 90_000
    field = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>{instr}</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    corpus.add("docx-content", "field.docx", good_zip(parts | {_BODY: body_xml(f"<w:p>{field}</w:p>")}),
               f"{_BODY}: a HYPERLINK field instruction with an unclosed 90,000-character quote")
    text = "\u202e\u200f" + "\u0301" * 5000 + "مرحبا (سميث، 2020) " + "\U0001F600" * 1000
    add("rtl.docx", [text, "References", "سميث. (2020). عنوان."],
        "RTL marks, 5,000 combining marks, Arabic, emoji")


def _other_formats(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    rng = corpus.rng
    essay = ESSAY.encode()

    def zipped(files: dict[str, bytes]) -> bytes:
        return good_zip(files)

    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w") as archive:
        info = tarfile.TarInfo("essay.txt")
        info.size, info.mtime = len(essay), 0
        archive.addfile(info, io.BytesIO(essay))
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    formats = {
        "pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        "late pdf": b"garbage line\n" * 50 + b"%PDF-1.4\n%%EOF\n",
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(200),
        "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + rng.randbytes(300),
        "gif": b"GIF89a" + rng.randbytes(100),
        "webp": b"RIFF\x00\x00\x00\x00WEBPVP8 " + rng.randbytes(100),
        "zip of notes": zipped({"notes.txt": b"hello"}),
        "zip of an essay text": zipped({"essay.txt": essay}),
        "odt": zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        "xlsx": zipped({"xl/workbook.xml": b"<workbook/>", _TYPES: parts[_TYPES]}),
        "pptx": zipped({"ppt/presentation.xml": b"<p/>"}),
        "epub": zipped({"mimetype": b"application/epub+zip", "OEBPS/content.opf": b"<package/>"}),
        "jar": zipped({"META-INF/MANIFEST.MF": b"Manifest-Version: 1.0\n"}),
        "old doc": ole + "WordDocument".encode("utf-16-le").ljust(64, b"\0") + bytes(448),
        "encrypted docx": ole + "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + bytes(448),
        "xls": ole + "Workbook".encode("utf-16-le").ljust(64, b"\0") + bytes(448),
        "ole header only": ole[:8],
        "gzip": gzip.compress(essay, mtime=0),
        "bzip2": bz2.compress(essay),
        "xz": lzma.compress(essay),
        "tar": tar_buffer.getvalue(),
        "7z": b"7z\xbc\xaf\x27\x1c\x00\x04" + rng.randbytes(100),
        "rar": b"Rar!\x1a\x07\x01\x00" + rng.randbytes(100),
        "elf": b"\x7fELF\x02\x01\x01" + bytes(57) + rng.randbytes(200),
        "exe": b"MZ\x90\x00\x03" + bytes(59) + rng.randbytes(200),
        "sqlite": b"SQLite format 3\x00" + bytes(84),
        "class": b"\xca\xfe\xba\xbe\x00\x00\x00\x34" + rng.randbytes(50),
        "rtf": b"{\\rtf1\\ansi Sleep (Walker, 2017).}",
        "html": b"<!DOCTYPE html><html><body><p>Sleep (Walker, 2017).</p></body></html>",
        "xml with xxe": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
        "json": b'{"essay": "Sleep (Walker, 2017)."}',
        "empty": b"",
        "one byte": b"x",
        "one newline": b"\n",
        "utf-8 BOM only": b"\xef\xbb\xbf",
        "utf-16 BOM only": b"\xff\xfe",
    }
    for label, data in formats.items():
        for extension in (".docx", ".txt", ".md", ""):
            corpus.add_named("format", f"essay{extension}", data, f"{label} named essay{extension}")


def _text_files(corpus: _Corpus) -> None:
    rng = corpus.rng
    essay = ESSAY
    lines = essay.split("\n")

    def add(name: str, data: bytes, recipe: str) -> None:
        corpus.add("text", name, data, recipe)

    for _ in range(25):
        size = rng.choice([1, 2, 3, 10, 100, 4096, 50_000, 300_000])
        add("random.txt", rng.randbytes(size), f"{size} random bytes")
    for _ in range(15):
        size = rng.choice([100, 5000, 100_000])
        data = bytes(rng.choice(b"abc de(2019)\n\x01\x02\x1b\x7f") for _ in range(size))
        add("controls.txt", data, f"{size} bytes of letters mixed with control characters")
    for _ in range(20):
        data = bytearray(essay.encode())
        spots = sorted(rng.sample(range(len(data)), rng.randint(1, 5)))
        for at in spots:
            data[at] = 0
        add("nul.txt", bytes(data), f"the essay with NUL bytes at {spots}")
    add("nul.txt", essay.encode() + bytes(1), "the essay with one NUL at the very end")
    add("nul.md", b"\x00" + essay.encode(), "the essay as .md with a NUL first")
    add("nul.txt", essay.encode() + b"\x00" * 9000, "the essay then 9,000 NULs")
    add("nul.txt", b"a" * 200_000 + b"\x00", "a NUL after 200,000 bytes (beyond any sample)")
    for text_label, text in (("the essay", essay),
                             ("CJK", "睡眠は記憶に重要です（ウォーカー、2017）。\n" * 50),
                             ("accented", "Café Zürich naïve façade (Müller, 2020).\n" * 30)):
        for codec, bom in (("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-le", b"\xff\xfe"),
                           ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b""), ("utf-32-le", b"\xff\xfe\x00\x00"),
                           ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-7", b"")):
            add("enc.txt", bom + text.encode(codec), f"{text_label} as {codec}{' with BOM' if bom else ''}")
        for codec in ("latin-1", "cp1252", "mac_roman", "cp437", "shift_jis", "gb18030", "koi8-r", "cp037"):
            add("legacy.txt", text.encode(codec, errors="replace"), f"{text_label} as {codec}")
    for _ in range(15):
        at = rng.randrange(len(lines))
        pieces = [line.encode("latin-1", "replace") if n == at else line.encode() for n, line in enumerate(lines)]
        extra = "Ünïcödé line (Müller, 2020).".encode(rng.choice(["latin-1", "cp1252", "utf-16-le"]))
        pieces.insert(rng.randrange(len(pieces) + 1), extra)
        add("mixed.txt", b"\n".join(pieces), f"UTF-8 essay with line {at} in Latin-1 and a foreign-encoded line")
    add("mixed.txt", essay.encode() + "é".encode("utf-16-le"), "UTF-8 then a UTF-16 character at the end")
    add("mixed.txt", "\ufeff".encode() * 5 + essay.encode(), "five UTF-8 BOMs")
    add("mixed.txt", essay.encode().replace(b"\n", b"\n\xef\xbb\xbf"), "a BOM after every newline")
    add("surrogate.txt", "Broken \ud800 surrogate (Smith, 2020).".encode("utf-8", "surrogatepass"),
        "a lone surrogate encoded as UTF-8 (invalid)")
    add("surrogate.txt", b"Escaped \\ud800\\udfff surrogates (Smith, 2020).\n", "surrogates written as \\u escapes")
    add("surrogate.txt", "Pair \U0001F600 (Smith, 2020).".encode("utf-16-le").decode("latin-1").encode(),
        "UTF-16 bytes of an emoji re-encoded as UTF-8 Latin-1 characters")
    # Control characters: ten are tolerated, eleven are binary.
    for count in (10, 11, 5000):
        add("control.txt", ("\x01" * count + essay).encode(), f"{count} SOH characters first")
    for char in ("\x1a", "\x0c", "\x0b", "\x85", "\u2028", "\u2029", "\r", "\r\n", "\x1b[31m"):
        add("newline.txt", essay.replace("\n", char).encode(), f"newlines written as {char!r}")
    add("newline.txt", b"\r" * 100_000 + essay.encode(), "100,000 carriage returns first")
    add("newline.txt", b"\n" * 7_900_000 + essay.encode(), "7.9 million empty lines, then the essay")
    add("newline.txt", b"\n" * 1_990_000 + essay.encode(), "1,990,000 empty lines, then the essay")
    add("newline.txt", b" \n" * 990_000, "990,000 lines of one space")
    add("newline.txt", b"a\n" * 150_000, "150,000 one-letter lines")
    add("newline.txt", b"a\n" * 1_000_001, "1,000,001 one-letter lines")
    # Long lines and sizes.
    add("long.txt", b"word " * 1_000_000, "one 5 MB line")
    add("long.txt", b"x" * 5_000_000, "one 5 MB line without a space")
    add("long.txt", b"(" * 5_000_000, 'one 5 MB line of "("')
    add("long.txt", b"x" * 100_000 + b"\n" + essay.encode(), "a 100,000-character line (the limit)")
    add("long.txt", b"x" * 100_001 + b"\n" + essay.encode(), "a 100,001-character line")
    add("long.txt", ("é" * 100_000).encode(), "100,000 two-byte characters on one line")
    add("long.txt", (("x" * 99_999 + "\n") * 20 + "y" * 10).encode(), "20 lines of 99,999 characters")
    add("long.txt", (("(Smith, 2019) " * 7000 + "\n") * 21).encode(),
        "21 lines of 7,000 citations (over 2,000,000 characters)")
    add("long.txt", b"a" * 8_000_001, "8,000,001 bytes")
    add("long.txt", ("é" * 99 + "\n").encode() * 20_001, "2,000,100 characters in 4 MB")
    add("long.txt", b"x" * 1_999_999, "1,999,999 characters on one line")


def _bracket_text(corpus: _Corpus) -> None:
    runs = {
        '20,000 "("': "(" * 20_000,
        '20,000 "(2019"': "(2019" * 20_000,
        '19,999 "(2019"': "(2019" * 19_999,
        '20,000 "(2019" one per line': "(2019\n" * 20_000,
        '20,000 ")"': ")" * 20_000,
        '20,000 "["': "[" * 20_000,
        '20,000 "()"': "()" * 20_000,
        '20,000 "(("': "((" * 20_000,
        '20,000 "((2019))"': "((2019))" * 12_000,
        '"(Smith, 2019" 7,000 times': "(Smith, 2019" * 7000,
        '"(2019; " 14,000 times': "(2019; " * 14_000,
        '"(Smith & " 10,000 times then 2019)': "(Smith & " * 10_000 + "2019)",
        '"et al. " 14,000 times then (2019)': "et al. " * 14_000 + "(2019)",
        '"(n.d.)" 15,000 times': "(n.d.)" * 15_000,
        '"(in press" 10,000 times': "(in press" * 10_000,
        '"(p. " 20,000 times': "(p. " * 20_000,
        '"2019 " 19,000 times inside one "("': "(" + "2019 " * 19_000 + ")",
        'years 1500-2099 in one parenthesis list': "(" + "; ".join(f"Smith, {y}" for y in range(1500, 2100)) + ")",
        '20,000 "(" then a citation': "(" * 20_000 + " Smith (2019) said (Jones, 2020).",
        "nested 10,000 deep": "(Smith, " * 10_000 + "2019" + ")" * 10_000,
        "nested 10,000 deep with years": "(2019 " * 10_000 + ")" * 10_000,
        "nested brackets of all kinds": "([{<" * 5000 + "Smith, 2019" + ">}])" * 5000,
        "alternating open and close": "()(" * 6000 + "2019)",
        "year soup": " ".join(["(2019)", "2019a", "(2019/2020)", "(n.d.-a)", "(in press-b)", "(2019, p. 3)"] * 2000),
    }
    for label, line in runs.items():
        for extension in (".txt", ".md"):
            text = f"An essay {line}\n\nReferences\nSmith, J. (2019). T.\n"
            corpus.add("brackets", f"brackets{extension}", text.encode(), f"{label} ({extension})")
    names = [f"Name{n}" for n in range(10_000)]
    cites = {
        "10,000 parenthetical citations on 100 lines": "\n".join(
            " ".join(f"(Smith, {1900 + n % 120})." for n in range(100)) for _ in range(100)),
        "5,000 narrative citations with distinct names": "\n".join(
            f"{name} et al. (2019) said so." for name in names[:5000]),
        "one parenthesis citing 500 works": "(" + "; ".join(f"{name}, 2019" for name in names[:500]) + ")",
        "2,000 citations of 40 authors each": "\n".join(
            "(" + ", ".join(names[:39]) + f", & {names[39]}, 2019)" for _ in range(2000)),
        "3,000 references and no body": "References\n" + "\n".join(
            f"{name}, A. (2019). Title {name}. https://doi.org/10.1000/{name}" for name in names[:3000]),
        "600 references cited once each": cited_once(600),
        "1,000 reference headings": "\n".join(["References", "Smith, J. (2019). T.", "(Smith, 2019)"] * 1000),
        "references with garbage DOIs and URLs": "Text (A, 2019).\nReferences\n" + "\n".join(
            f"A, B. (2019). T. https://doi.org/10.{'9' * n}/{'(' * n} http://{'a.' * n}x" for n in range(1, 400)),
        "one reference line of 90,000 characters": "Text (A, 2019).\nReferences\nA, B. (2019). " + "Title " * 15_000,
    }
    for label, text in cites.items():
        for extension in (".txt", ".md"):
            corpus.add("citations", f"cites{extension}", text.encode(), f"{label} ({extension})")


def cited_once(count: int) -> str:
    """``count`` works with similar names ("Name0" … ), each cited once and listed once."""
    names = [f"Name{n}" for n in range(count)]
    return ("\n".join(f"Text ({name}, 2019)." for name in names) + "\nReferences\n"
            + "\n".join(f"{name}, A. (2019). Title." for name in names))


def nested_fields(fields: int) -> bytes:
    """document.xml: ``fields`` complex fields opened (begin, separate) and never closed, then as many runs."""
    pair = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    return body_xml("<w:p>" + pair * fields + "<w:r><w:t>x</w:t></w:r>" * fields + "</w:p>")


def build_slow_cases(folder: Path) -> list[Sample]:
    """Inputs that take far longer than a few seconds (product bugs, see the test that uses them)."""
    corpus = _Corpus(folder, random.Random(SEED))
    parts = base_parts(folder)
    corpus.add("slow", "cited.txt", cited_once(10_000).encode(),
               "10,000 similar names (Name0 …), each cited once and listed once")
    corpus.add("slow", "fields.docx", good_zip(parts | {_BODY: nested_fields(90_000)}),
               f"{_BODY}: 90,000 nested open fields (begin, separate), then 90,000 text runs")
    return corpus.samples


def _unicode_text(corpus: _Corpus) -> None:
    rng = corpus.rng
    pools = {
        "RTL and bidi controls": "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c",
        "zero-width": "\u200b\u200c\u200d\u2060\ufeff\u00ad",
        "combining marks": "".join(chr(c) for c in range(0x300, 0x370)),
        "Arabic and Hebrew": "مرحباسميثשלוםכהן،؛",
        "astral": "\U0001F600\U0001F9D1\u200d\U0001F680\U00010348\U0001D11E\U000E0001\U0010FFFD",
        "specials": "\ufffd\ufffe\uffff\ue000\uf8ff\u2028\u2029\u0085",
        "punctuation look-alikes": "（）［］﹙﹚⁽⁾₍₎❨❩⟮⟯，；＆–—−‐",
        "digits": "０１２３٠١٢٣۰۱۲۳०१२३²³¹",
    }
    citation_bits = ["(", ")", "Smith", ", ", "2019", "; ", " et al.", " & ", "p. ", " ", "\n"]
    for label, pool in pools.items():
        for _ in range(6):
            length = rng.choice([50, 2000, 60_000])
            chars = [rng.choice(pool) if rng.random() < 0.6 else rng.choice(citation_bits) for _ in range(length // 3)]
            text = "".join(chars)
            extension = rng.choice([".txt", ".md", ".docx"])
            corpus.add("unicode", f"unicode{extension}", text.encode("utf-8", "surrogatepass"),
                       f"{len(chars)} pieces of {label} mixed with citation fragments, as {extension}")
    for _ in range(20):
        chars = []
        for _ in range(rng.choice([100, 5000, 30_000])):
            point = rng.choice([rng.randrange(0x20, 0x7F), rng.randrange(0xA0, 0xD800),
                                rng.randrange(0xE000, 0x110000)])
            chars.append(chr(point))
        corpus.add("unicode", "random.txt", "".join(chars).encode(), f"{len(chars)} random code points")
    corpus.add("unicode", "zalgo.txt", ("Sm" + "\u0301" * 20_000 + "ith (2019)\n").encode(),
               "20,000 combining marks on one letter of a cited name")
    corpus.add("unicode", "zalgo.txt", ("(" + "\u0301" * 50_000 + "Smith, 2019)\n").encode(),
               "50,000 combining marks inside a parenthesis")
    corpus.add("unicode", "rtl.txt", ("\u202e(Smith, 2019)\u202c " * 5000).encode(), "5,000 citations in RTL overrides")
    corpus.add("unicode", "rtl.txt", ("\u202e" * 90_000 + "(Smith, 2019)").encode(),
               "90,000 RTL overrides then a citation")
    corpus.add("unicode", "wide.txt", ("（Ｓｍｉｔｈ，２０１９）" * 5000).encode(),
               "5,000 full-width citations")


def _markdown(corpus: _Corpus) -> None:
    rng = corpus.rng
    tail = "\n\nText (Smith, 2019).\n\n# References\n\nSmith, J. (2019). *Title*.\n"
    shapes = {
        "50,000 '>' block quotes": ">" * 50_000 + " x",
        "5,000 '> ' block quotes": "> " * 5000 + "x",
        "5,000 nested '- ' items": "- " * 5000 + "y",
        "5,000 nested '1. ' items": "1. " * 5000 + "y",
        "1,200 indented list levels": "\n".join("  " * n + "- item (Smith, 2019)" for n in range(1200)),
        "1,500 indented quote levels": "\n".join(">" * n + " quote" for n in range(1500)),
        "50,000 '*'": "*" * 50_000,
        "50,000 '_'": "_" * 50_000,
        "10,000 '*a'": "*a" * 10_000,
        "8,000 '**a'": "**a" * 8000,
        "8,000 '*a _b'": "*a _b" * 8000,
        "12,000 '['": "[" * 12_000,
        "8,000 '](' ": "](" * 8000,
        "8,000 '!['": "![" * 8000,
        "8,000 '[a](' ": "[a](" * 8000,
        "link with 8,000 '(' in its URL": "[x](" + "(" * 8000 + ")",
        "5,000 nested links": "[" * 5000 + "x" + "](y)" * 5000,
        "50,000 '`'": "`" * 50_000,
        "10,000 '<'": "<" * 10_000,
        "8,000 '<div>'": "<div>" * 8000,
        "8,000 '&amp;' and '&#0;'": "&amp;&#0;" * 8000,
        "entity soup": "&#xD800;&#x110000;&#99999999;&xxe;&lol9;" * 2000,
        "5,000 '#' headings": "\n".join("#" * (n % 7 + 1) + f" Heading {n}" for n in range(5000)),
        "6,000 setext headings": "\n".join(["Title", "====="] * 6000),
        "unclosed code fence over 90,000 lines": "```\n" + "code (Smith, 2019)\n" * 90_000,
        "5,000 link definitions": "\n".join(f"[r{n}]: https://example.org/{n}" for n in range(5000))
        + "\n" + " ".join(f"[r{n}]" for n in range(5000)),
        "table with 5,000 columns": "|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n|" + "(Smith, 2019)|" * 5000,
        "table with 5,000 rows": "|a|b|\n|-|-|\n" + "|(Smith, 2019)|x|\n" * 5000,
        "5,000 autolinks": " ".join(f"<https://example.org/{n}>" for n in range(5000)),
        "html comment never closed": "<!--" + " (Smith, 2019)" * 8000,
        "DOCTYPE with entity": '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n&xxe;',
        "8,000 '(' in emphasis": "*" + "(" * 8000 + "*",
        "emphasis across 100,000 characters": "*" + "word (Smith, 2019) " * 5000 + "*",
    }
    for label, text in shapes.items():
        corpus.add("markdown", "nested.md", (text + tail).encode(), label)
    metachars = list("*_[]()<>`#>-+!\\&;:|~=\n ") + [
        "2019", "Smith", ", ", "et al.", "\n\n", "    ", "```", "](", "http://"]
    for _ in range(25):
        size = rng.choice([200, 5000, 8000])
        text = "".join(rng.choice(metachars) for _ in range(size))
        corpus.add("markdown", "soup.md", text.encode(), f"{size} random Markdown metacharacters and citation bits")


def _names(corpus: _Corpus, parts: dict[str, bytes]) -> None:
    docx = good_zip(parts)
    text = ESSAY.encode()
    for name in ("essay.DOCX", "essay.Docx", "ESSAY.DOCX", "essay.docx.txt", "essay.txt.docx", "essay.pdf.docx",
                 "essay.docx.pdf", ".docx", "essay", "essay.", "essay..docx", "essay.doc", "essay.odt", "essay .docx",
                 "essay.docx ", "ëssay ünïcödé.docx", "名前.docx", "-essay.docx", "essay.zip",
                 "e" * 250 + ".docx"):
        corpus.add_named("names", name, docx, f"a valid .docx named {name[:60]!r}")
    for name in ("essay.TXT", "essay.MD", "essay.Markdown", "essay", "essay.", ".txt", "essay.md.txt", "essay.txt.md",
                 "essay.docx", "essay.DOCX", "essay.rtf", "essay.pdf", "essay.html", "essay.text", "essay.tXt",
                 "-essay.txt", "essay\u202etxt.md", "e" * 251 + ".md"):
        corpus.add_named("names", name, text, f"the essay as UTF-8 text named {name[:60]!r}")


def _special_paths(corpus: _Corpus, folder: Path) -> None:
    """Directories, pipes, sockets, devices and links: never opened for reading if not regular."""

    def special(name: str, make, recipe: str, regular: bool = False) -> None:
        where = corpus.special_folder()
        path = where / name
        make(path, where)
        if regular:
            corpus.samples.append(Sample(path, recipe, "paths"))
        else:
            corpus.add_special("paths", path, recipe)

    special("essay.docx", lambda path, _: path.mkdir(), "a directory named essay.docx")
    special("essay.txt", lambda path, _: path.mkdir(), "a directory named essay.txt")
    special("essay", lambda path, _: path.mkdir(), "a directory named essay")
    for name in ("essay.txt", "essay.docx", "essay.md"):
        special(name, lambda path, _: os.mkfifo(path), f"a named pipe {name}")
    for device in ("/dev/zero", "/dev/null", "/dev/urandom", "/dev/random", "/dev/full", "/dev/tty"):
        for name in ("essay.txt", "essay.docx"):
            special(name, lambda path, _, d=device: path.symlink_to(d), f"{name} -> {device}")
    special("essay.txt", lambda path, _: path.symlink_to("/"), "essay.txt -> / (a directory)")
    special("essay.txt", lambda path, _: path.symlink_to(path.parent / "nowhere"), "a dangling symlink")
    special("essay.txt", lambda path, _: path.symlink_to(path), "a symlink to itself")

    def chain(path: Path, where: Path) -> None:
        (where / "end.txt").write_text(ESSAY)
        previous = where / "end.txt"
        for n in range(45):
            link = where / f"link{n}"
            link.symlink_to(previous)
            previous = link
        path.symlink_to(previous)

    special("essay.txt", chain, "a chain of 46 symlinks (beyond the kernel's 40)")

    def pipe_link(path: Path, where: Path) -> None:
        os.mkfifo(where / "pipe")
        path.symlink_to(where / "pipe")

    special("essay.docx", pipe_link, "essay.docx -> a named pipe")

    def unix_socket(path: Path, _: Path) -> None:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()

    special("essay.txt", unix_socket, "a Unix socket named essay.txt")
    special("essay.txt", lambda path, _: path.symlink_to("/proc/self/mem"), "essay.txt -> /proc/self/mem")
    special("essay.txt", lambda path, _: path.symlink_to("/proc/self/stat"),
            "essay.txt -> /proc/self/stat (size 0 but not empty)")
    where = corpus.special_folder()
    (where / "essay.txt").write_text(ESSAY)
    corpus.add_special("paths", f"{where}/essay.txt/", "a regular file given with a trailing slash")
    where = corpus.special_folder()
    (where / "file").write_text(ESSAY)
    corpus.add_special("paths", where / "file" / "inside.txt", "a path through a regular file (file/inside.txt)")
    special("e" * 300 + ".txt", lambda path, _: None, "a name of 304 bytes (too long for the file system)")
    special("missing.docx", lambda path, _: None, "a file that does not exist")
