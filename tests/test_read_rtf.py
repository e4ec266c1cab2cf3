"""The RTF reader: escapes, paragraphs, italics, tables, notes, fields, on RTF written the way Word writes it."""

import re

import pytest
from equivalence import assert_read_as_the_docx, linked_runs

from essaycheck.errors import InputError
from essaycheck.read import read_document
from essaycheck.read.rtf import rtf_paragraphs

HEADER = (r"{\rtf1\ansi\ansicpg1252\deff0\deflang1033{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
          r"{\f1\fswiss\fcharset204 Arial Cyr;}}{\colortbl;\red0\green0\blue0;}"
          r"{\stylesheet{\ql \widctlpar\fs24 \snext0 Normal;}"
          r"{\s1\ql \outlinelevel0\b\fs32 \sbasedon0 \snext0 heading 1;}"
          r"{\s2\ql \outlinelevel1\b \sbasedon0 \snext0 heading 2;}{\*\cs10 \additive Default Paragraph Font;}}"
          r"{\*\generator Riched20 10.0.19041}{\info{\title Essay title}{\author Student}}\viewkind4\uc1 ")


def rtf(body: str) -> bytes:
    return (HEADER + body + "}").encode("latin-1")


def read(body: str):
    return rtf_paragraphs(rtf(body), "essay.rtf")


def texts(body: str):
    return [paragraph.text for paragraph in read(body)]


def test_paragraph_boundaries_and_line_breaks():
    assert texts(r"\pard First (Smith, 2020).\par Second\line same paragraph\tab end.\par\par Third\par") == [
        "First (Smith, 2020).", "Second same paragraph end.", "Third"]


def test_a_backslash_before_a_line_end_is_a_par():
    assert texts("\\pard One\\\nTwo\\par") == ["One", "Two"]


def test_hex_escapes_in_the_document_code_page():
    assert texts(r"\pard Sch\'f6n, D. A. (1983) \'96 \'93quoted\'94 \'91single\'92\par") == [
        "Schön, D. A. (1983) – “quoted” ‘single’"]


def test_hex_escapes_in_a_fonts_charset():
    assert texts(r"\pard Name: {\f1 \'cf\'e5\'f2\'f0\'ee\'e2}\par") == ["Name: Петров"]


def test_font_table_without_groups():
    data = rb"{\rtf1\ansi{\fonttbl\f0\fnil Arial;\f1\fnil\fcharset204 Cyr;}\pard a{\f1 \'e0}\par}"
    assert [p.text for p in rtf_paragraphs(data, "x.rtf")] == ["aа"]


def test_ansicpg_sets_the_code_page():
    data = rb"{\rtf1\ansi\ansicpg1250 \pard Dvo\'f8\'e1k\par}"
    assert [p.text for p in rtf_paragraphs(data, "x.rtf")] == ["Dvořák"]


def test_unicode_escapes_skip_their_fallbacks():
    assert texts(r"\pard caf\u233?, M\u252\'fcller, \u8211-\u8220?q\u8221?\par") == ["café, Müller, –“q”"]
    assert texts(r"\pard{\uc2 a\u8211\'96\'96b}\uc0 c\u8212 d\par") == ["a–bc—d"]
    assert texts(r"\pard smile \u-10179?\u-8704?\par") == ["smile 😀"]


def test_named_special_characters():
    assert texts(r"\pard a\endash b\emdash c\ldblquote d\rdblquote e\lquote f\rquote g\~h\-i\_j\par") == [
        "a–b—c“d”e‘f’g\u00a0hi\u2011j"]


def test_italics_and_bold_headings():
    paragraphs = read(r"\pard\plain\s1\outlinelevel0\b\fs32 Method\par"
                      r"\pard\plain Smith, J. (2020). {\i Title of the book}. Pub.\par"
                      r"\pard\plain\b References\b0\par"
                      r"\pard\plain \i Whole \i0 half\par")
    assert [(q.text, q.style, q.is_heading) for q in paragraphs] == [
        ("Method", "Heading 1", True), ("Smith, J. (2020). Title of the book. Pub.", "Normal", False),
        ("References", "Normal", True), ("Whole half", "Normal", False)]
    assert paragraphs[1].italic == ((18, 35),)
    assert paragraphs[3].italic == ((0, 6),)  # "Whole " with the space before \\i0


def test_plain_resets_and_groups_restore():
    paragraph = read(r"\pard{\i a{\i0 b}c}d{\i e\plain f}\par")[0]
    assert paragraph.text == "abcdef"
    assert [paragraph.text[s:e] for s, e in paragraph.italic] == ["a", "c", "e"]


def test_tables_cell_by_cell():
    paragraphs = read(r"\pard Before\par\trowd\cellx2000\cellx4000\pard\intbl Activity\cell Hours\cell"
                      r"\row\trowd\cellx2000\cellx4000\pard\intbl{\i Reading}\cell 12\cell\row\pard After\par")
    assert [(q.text, q.part) for q in paragraphs] == [
        ("Before", "body"), ("Activity", "table"), ("Hours", "table"), ("Reading", "table"), ("12", "table"),
        ("After", "body")]


def test_notes_leave_their_mark_and_follow_the_body():
    paragraphs = read(r"\pard Claim{\super\chftn}{\footnote\pard\plain\s2{\super\chftn} A note (Lee, 2019).\par}"
                      r" stands.\par\pard Later{\super\chftn}{\footnote\ftnalt\pard{\super\chftn} An endnote.\par}"
                      r".\par")
    assert [(q.text, q.part, q.is_heading) for q in paragraphs] == [
        ("Claim stands.", "body", False), ("Later.", "body", False),
        ("A note (Lee, 2019).", "footnote", True), ("An endnote.", "endnote", False)]


def test_hyperlink_fields_and_other_fields_show_their_result():
    paragraph = read(r'\pard See {\field{\*\fldinst{HYPERLINK "https://doi.org/10.1037/a1"}}{\fldrslt{\ul\cf1 '
                     r'https://doi.org/10.1037/a1}}} on page {\field{\*\fldinst PAGE }{\fldrslt 3}}.\par')[0]
    assert paragraph.text == "See https://doi.org/10.1037/a1 on page 3."
    assert [(paragraph.text[x.start:x.end], x.url) for x in paragraph.links] == [
        ("https://doi.org/10.1037/a1", "https://doi.org/10.1037/a1")]


def test_text_boxes_follow_their_paragraph():
    paragraphs = read(r"\pard Host{\shp{\*\shpinst\shpleft0{\sp{\sn shapeType}{\sv 202}}{\shptxt\pard Boxed\par}}"
                      r"{\shprslt{\*\do\dobxcolumn{\dptxbxtext\pard Boxed\par}}}} text.\par\pard Next\par")
    assert [(q.text, q.part) for q in paragraphs] == [("Host text.", "body"), ("Boxed", "textbox"), ("Next", "body")]


def test_hidden_deleted_and_destinations_are_not_read():
    paragraphs = read(r"\pard Shown {\v hidden }{\deleted removed }{\*\bkmkstart b1}{\*\bkmkend b1}"
                      r"{\*\atnid T}{\*\annotation{\*\atnauthor Tutor} a comment}kept"
                      r"{\*\unknowndestination nothing}{\pict\pngblip 89504e47}{\*\listtext 1.}.\par")
    assert [q.text for q in paragraphs] == ["Shown kept."]


def test_binary_data_is_skipped():
    data = HEADER.encode() + rb"\pard A{\pict\bin5 }}{{x}B\par}"
    assert [p.text for p in rtf_paragraphs(data, "x.rtf")] == ["AB"]


def test_not_rtf_is_an_error():
    with pytest.raises(InputError, match="not a Rich Text"):
        rtf_paragraphs(b"Just text", "x.rtf")


def test_unbalanced_braces_do_not_crash():
    assert [p.text for p in rtf_paragraphs(rb"{\rtf1\ansi \pard one\par}} two\par{{{", "x.rtf")] == ["one", "two"]
    cut = rb"{\rtf1\ansi \pard body{\footnote\pard note"
    assert [(p.text, p.part) for p in rtf_paragraphs(cut, "x.rtf")] == [("body", "body"), ("note", "footnote")]


# --- the same essay as .docx and .rtf -----------------------------------------------------


def rtf_from_paragraphs(paragraphs) -> bytes:
    """Model Paragraphs as RTF the way Word writes it: \\uN for non-ASCII, \\i runs, HYPERLINK fields,
    headings with their style and outline level, table paragraphs as one-cell rows."""
    body = []
    for paragraph in paragraphs:
        level = re.fullmatch(r"Heading ([1-9])", paragraph.style)
        if paragraph.part == "table":
            body.append(r"\trowd\cellx9000\pard\plain\intbl " + _runs(paragraph) + r"\cell\row")
        elif paragraph.is_heading and level:
            body.append(rf"\pard\plain\s{level.group(1)}\outlinelevel{int(level.group(1)) - 1}\b "
                        + _runs(paragraph) + r"\par")
        elif paragraph.is_heading:
            body.append(r"\pard\plain\b " + _runs(paragraph) + r"\b0\par")
        else:
            body.append(r"\pard\plain\fi-720\li720 " + _runs(paragraph) + r"\par")
    return rtf("\n".join(body))


def _escaped(text: str) -> str:
    out = []
    for character in text:
        if character in "\\{}":
            out.append("\\" + character)
        elif ord(character) < 128:
            out.append(character)
        else:
            code = ord(character)
            fallback = character.encode("cp1252", errors="replace")
            out.append(rf"\u{code if code < 32768 else code - 65536}\'{fallback[0]:02x}")
    return "".join(out)


def _runs(paragraph) -> str:
    out = []
    for url, runs in linked_runs(paragraph):
        text = "".join(rf"{{\i {_escaped(piece)}}}" if italic else _escaped(piece) for piece, italic in runs)
        out.append(r'{\field{\*\fldinst{HYPERLINK "' + url + r'"}}{\fldrslt{' + text + "}}}" if url else text)
    return "".join(out)


@pytest.mark.parametrize("sample", ["clean-essay", "mistakes-essay"])
def test_same_essay_as_docx_and_rtf(tmp_path, sample):
    original = read_document(f"samples/{sample}.docx")
    path = tmp_path / f"{sample}.rtf"
    path.write_bytes(rtf_from_paragraphs(original.paragraphs))
    paragraphs = rtf_paragraphs(path.read_bytes(), str(path))
    assert_read_as_the_docx(original, "rtf", path, paragraphs)
