"""Word's effective layout, one layer at a time: each property set directly, by the paragraph style,
by the style that one is based on, by the document defaults, by a list's numbering, and overridden
at a lower layer. Documents are built with python-docx and read back with essaycheck's reader."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

import essaycheck
from essaycheck.read import read_document
from essaycheck.settings import Settings

ENTRIES = [
    "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, "
    "3(2), 77–101.",
    "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality and Social "
    "Psychology Bulletin, 43(6), 772–784.",
    "Wenger, E. (1998). Communities of practice: Learning, meaning, and identity. Cambridge University Press.",
]
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
BODY = "Networks matter (Raj et al., 2017), themes emerged (Braun & Clarke, 2006) and practice (Wenger, 1998)."


def _set(element, tag: str, **attributes) -> None:
    """Set ``tag`` (w:ind, w:spacing …) on a pPr element with the given w: attributes."""
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.append(found)
    for key, value in attributes.items():
        found.set(qn(f"w:{key}"), str(value))


def _ppr(style_or_paragraph):
    """The w:pPr of a python-docx style or paragraph, made when missing."""
    if hasattr(style_or_paragraph, "_p"):
        return style_or_paragraph._p.get_or_add_pPr()
    return style_or_paragraph.element.get_or_add_pPr()


def _defaults_ppr(document):
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        ppr_default.append(ppr)
    return ppr


def build(path, *, entry_style: str | None = None, entry_direct=None, setup=None):
    """An essay whose reference entries use ``entry_style`` and get ``entry_direct(paragraph)``."""
    document = docx.Document()
    if setup:
        setup(document)
    document.add_paragraph("Professional networking")
    document.add_paragraph(BODY)
    document.add_paragraph("References")
    for entry in ENTRIES:
        paragraph = document.add_paragraph(entry, style=entry_style)
        if entry_direct:
            entry_direct(paragraph)
    document.save(path)
    return path


def entry_formats(path):
    document = read_document(path)
    return [document.formats[p.index] for p in document.paragraphs if p.text in ENTRIES]


def findings(path, rule):
    return [p for p in essaycheck.check(path, Settings(resolve=False, select=(rule,))).problems]


def _hanging_style(document, name="Bibliography APA", based_on=None, hanging=720, left=720):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if based_on:
        style.base_style = document.styles[based_on]
    if hanging is not None:
        _set(_ppr(style), "w:ind", left=left, hanging=hanging)
    return style


# --- the hanging indent ----------------------------------------------------------------------


def apa_entry(paragraph) -> None:
    """An entry laid out by hand as APA 7 wants it: 0.5 in hanging indent, double-spaced."""
    paragraph.paragraph_format.left_indent = Inches(0.5)
    paragraph.paragraph_format.first_line_indent = Inches(-0.5)
    paragraph.paragraph_format.line_spacing = 2.0


def test_hanging_indent_set_on_each_paragraph(tmp_path):
    path = build(tmp_path / "direct.docx", entry_direct=apa_entry)
    assert {(f.left, f.hanging) for f in entry_formats(path)} == {(0.5, 0.5)}
    assert findings(path, "layout-hanging-indent") == []


def test_hanging_indent_from_the_paragraph_style(tmp_path):
    path = build(tmp_path / "style.docx", entry_style="Bibliography APA",
                 setup=lambda d: _hanging_style(d))
    assert {f.hanging for f in entry_formats(path)} == {0.5}
    assert findings(path, "layout-hanging-indent") == []


def test_hanging_indent_from_the_style_the_style_is_based_on(tmp_path):
    def setup(document):
        _hanging_style(document, "Base list")
        _hanging_style(document, "Bibliography APA", based_on="Base list", hanging=None)

    path = build(tmp_path / "based.docx", entry_style="Bibliography APA", setup=setup)
    assert {f.hanging for f in entry_formats(path)} == {0.5}


def test_hanging_indent_from_the_document_defaults(tmp_path):
    def setup(document):
        _set(_defaults_ppr(document), "w:ind", left=720, hanging=720)
        normal = document.styles["Normal"].element.get_or_add_pPr()
        ind = normal.find(qn("w:ind"))
        if ind is not None:
            normal.remove(ind)

    path = build(tmp_path / "defaults.docx", setup=setup)
    assert {f.hanging for f in entry_formats(path)} == {0.5}


def test_a_lower_layer_overrides_the_first_line_only(tmp_path):
    """The style gives left 0.5 in and hanging 0.5 in; the paragraph sets a first-line indent of 0:
    Word keeps the left indent and drops the hanging one."""
    def direct(paragraph):
        _set(_ppr(paragraph), "w:ind", firstLine=0)

    path = build(tmp_path / "override.docx", entry_style="Bibliography APA", entry_direct=direct,
                 setup=lambda d: _hanging_style(d))
    assert {(f.left, f.hanging) for f in entry_formats(path)} == {(0.5, 0.0)}
    (finding,) = findings(path, "layout-hanging-indent")
    assert "all 3 entries have no hanging indent" in finding.message and "Hanging" in finding.message


def test_no_hanging_indent_anywhere(tmp_path):
    path = build(tmp_path / "none.docx")
    assert {f.hanging for f in entry_formats(path)} == {0.0}
    assert len(findings(path, "layout-hanging-indent")) == 1


def test_a_numbered_list_takes_its_indent_from_the_numbering_level(tmp_path):
    path = build(tmp_path / "numbered.docx", entry_style="List Number")
    formats = entry_formats(path)
    assert all(f.numbered for f in formats) and {f.hanging for f in formats} == {0.25}
    (finding,) = findings(path, "layout-hanging-indent")
    assert "numbered or bulleted list" in finding.message


def test_a_hanging_indent_of_another_size(tmp_path):
    path = build(tmp_path / "small.docx", entry_style="Bibliography APA",
                 setup=lambda d: _hanging_style(d, hanging=360, left=360))
    (finding,) = findings(path, "layout-hanging-indent")
    assert "0.64 cm instead of 1.27 cm" in finding.message


# --- spacing ---------------------------------------------------------------------------------


def test_line_spacing_from_each_layer(tmp_path):
    def style_double(document):
        style = _hanging_style(document)
        _set(_ppr(style), "w:spacing", line=480, lineRule="auto", after=0)

    path = build(tmp_path / "style-double.docx", entry_style="Bibliography APA", setup=style_double)
    assert {f.line_spacing for f in entry_formats(path)} == {2.0}
    assert findings(path, "layout-reference-spacing") == []

    def direct_single(paragraph):
        paragraph.paragraph_format.line_spacing = 1.0

    path = build(tmp_path / "direct-single.docx", entry_style="Bibliography APA", setup=style_double,
                 entry_direct=direct_single)
    assert {f.line_spacing for f in entry_formats(path)} == {1.0}
    (finding,) = findings(path, "layout-reference-spacing")
    assert "single spacing" in finding.message

    def exact(paragraph):
        paragraph.paragraph_format.line_spacing = Pt(24)

    path = build(tmp_path / "exact.docx", entry_style="Bibliography APA", setup=style_double, entry_direct=exact)
    assert {(f.line_spacing, f.line_height) for f in entry_formats(path)} == {(None, 24.0)}


def test_space_after_from_the_defaults_and_when_it_does_not_count(tmp_path):
    def setup(document):
        style = _hanging_style(document)
        _set(_ppr(style), "w:spacing", line=480, lineRule="auto")
        _set(_defaults_ppr(document), "w:spacing", after=240)
        normal = document.styles["Normal"].element.get_or_add_pPr()
        spacing = normal.find(qn("w:spacing"))
        if spacing is not None:
            normal.remove(spacing)

    path = build(tmp_path / "after.docx", entry_style="Bibliography APA", setup=setup)
    assert {f.space_after for f in entry_formats(path)} == {12.0}
    (finding,) = findings(path, "layout-reference-spacing")
    assert "extra space" in finding.message

    def contextual(paragraph):
        _set(_ppr(paragraph), "w:contextualSpacing")

    path = build(tmp_path / "contextual.docx", entry_style="Bibliography APA", setup=setup, entry_direct=contextual)
    assert findings(path, "layout-reference-spacing") == []


def test_empty_lines_between_entries(tmp_path):
    document = docx.Document()
    style = _hanging_style(document)
    _set(_ppr(style), "w:spacing", line=480, lineRule="auto", after=0)
    for text in ("Professional networking", BODY, "References"):
        document.add_paragraph(text)
    for entry in ENTRIES:
        document.add_paragraph(entry, style="Bibliography APA")
        document.add_paragraph("")
    document.save(tmp_path / "blank.docx")
    formats = entry_formats(tmp_path / "blank.docx")
    assert [f.blank_before for f in formats] == [0, 1, 1]
    assert len(findings(tmp_path / "blank.docx", "layout-reference-spacing")) == 1


# --- fonts, tables, sections -------------------------------------------------------------------


def test_fonts_from_the_run_the_style_and_the_theme(tmp_path):
    def setup(document):
        document.styles["Normal"].font.name = "Georgia"
        document.styles["Normal"].font.size = Pt(11)

    def direct(paragraph):
        paragraph.runs[0].font.name = "Arial"

    path = build(tmp_path / "fonts.docx", setup=setup, entry_direct=direct)
    document = read_document(path)
    assert (document.formats[1].font, document.formats[1].size) == ("Georgia", 11.0)
    assert {(f.font, f.size) for f in entry_formats(path)} == {("Arial", 11.0)}

    plain = read_document(build(tmp_path / "theme.docx"))  # python-docx's template: its theme's minor font
    assert plain.formats[0].font == "Cambria"


def test_a_table_style_gives_its_cells_their_spacing(tmp_path):
    document = docx.Document()
    document.add_paragraph("Professional networking")
    table = document.add_table(rows=1, cols=1)
    styles = document.styles.element
    table_style = copy.deepcopy(styles.find(qn("w:style")))
    table_style.set(qn("w:type"), "table")
    table_style.set(qn("w:styleId"), "Tight")
    for child in list(table_style):
        table_style.remove(child)
    name = OxmlElement("w:name")
    name.set(qn("w:val"), "Tight")
    table_style.append(name)
    ppr = OxmlElement("w:pPr")
    _set(ppr, "w:spacing", line=240, lineRule="auto")
    table_style.append(ppr)
    styles.append(table_style)
    tbl_pr = table._tbl.tblPr
    style_ref = OxmlElement("w:tblStyle")
    style_ref.set(qn("w:val"), "Tight")
    tbl_pr.insert(0, style_ref)
    table.cell(0, 0).text = "A cell of the table"
    document.save(tmp_path / "table.docx")
    read = read_document(tmp_path / "table.docx")
    (cell,) = [read.formats[p.index] for p in read.paragraphs if p.text == "A cell of the table"]
    assert cell.line_spacing == 1.0


def test_margins_and_the_page_number_in_the_header(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Inches(1)
    header = section.header.paragraphs[0]
    header.alignment = 2  # right
    run = header.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text:
            instruction = OxmlElement("w:instrText")
            instruction.text = text
            run._r.append(instruction)
    document.add_paragraph("Professional networking")
    document.save(tmp_path / "page.docx")
    (found,) = read_document(tmp_path / "page.docx").sections
    assert (found.top, found.right, found.bottom, found.left, found.page_number) == (1.0, 1.0, 1.0, 1.0, "right")

    bare = docx.Document()
    bare.add_paragraph("Professional networking")
    bare.save(tmp_path / "bare.docx")
    assert read_document(tmp_path / "bare.docx").sections[0].page_number == ""


@pytest.mark.parametrize("name", ["clean-essay.docx", "mistakes-essay.docx"])
def test_the_samples_have_apa_reference_lists(name):
    assert [p.rule for p in essaycheck.check(SAMPLES / name, Settings(resolve=False, select=("layout",))).problems] == []


def test_the_layout_mistakes_sample_is_the_clean_essay_with_its_list_laid_out_wrongly():
    found = essaycheck.check(SAMPLES / "layout-mistakes.docx", Settings(resolve=False)).problems
    clean = essaycheck.check(SAMPLES / "clean-essay.docx", Settings(resolve=False)).problems
    assert [p.rule for p in found] == [p.rule for p in clean] + ["layout-hanging-indent", "layout-reference-spacing"]
    spacing = found[-1].message
    assert "all 11 entries have single spacing, and there is extra space or an empty line between the entries" in spacing


def test_the_json_report_carries_the_layout_read(tmp_path):
    from essaycheck.render.json import report_to_json

    path = build(tmp_path / "json.docx", entry_direct=apa_entry)
    data = report_to_json(essaycheck.check(path, Settings(resolve=False)))
    entries = [p for p in data["layout"]["paragraphs"] if p["paragraph"] >= 4]
    assert [(p["left"], p["first_line"], p["line_spacing"]) for p in entries] == [(0.5, -0.5, 2.0)] * 3
    assert data["layout"]["sections"][0]["margins"]["left"] == 1.25  # python-docx's template
    text = report_to_json(essaycheck.check_text("Plain (Smith, 2019).\nReferences\nSmith, J. (2019). T. P.\n",
                                                Settings(resolve=False)))
    assert text["layout"] is None


def test_headings_by_style_level_and_bold_read_through_the_style(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    def essay(centre: bool, skip: bool, colon_not_bold: bool):
        document = docx.Document()
        document.add_paragraph("Professional networking")
        first = document.add_paragraph("Introduction", style="Heading 1")
        if centre:
            first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_paragraph(BODY)
        second = document.add_paragraph("", style="Heading 3" if skip else "Heading 2")
        second.add_run("Weak ties")
        if colon_not_bold:
            second.add_run(":").bold = False  # the style makes it bold; the colon is set plain
        document.add_paragraph(BODY)
        document.add_paragraph("References")
        for entry in ENTRIES:
            document.add_paragraph(entry)
        path = tmp_path / f"headings-{centre}-{skip}-{colon_not_bold}.docx"
        document.save(path)
        return findings(path, "layout-headings")

    assert essay(centre=True, skip=False, colon_not_bold=True) == []  # bold from the style, the colon aside
    (left,) = essay(centre=False, skip=False, colon_not_bold=False)
    assert "level 1 headings (“Introduction”) are not centred" in left.message
    assert left.location.text == "Introduction"
    (skipped,) = essay(centre=True, skip=True, colon_not_bold=False)
    assert "“Weak ties” is a level 3 heading under a level 1 one" in skipped.message


def test_the_annotated_copy_puts_list_findings_on_the_first_entry(tmp_path):
    from essaycheck.annotate import annotate_copy
    from test_annotate import anchored_texts, comments

    report = essaycheck.check(SAMPLES / "layout-mistakes.docx", Settings(resolve=False))
    target = tmp_path / "annotated.docx"
    assert annotate_copy(report, SAMPLES / "layout-mistakes.docx", target) == 2
    anchors = anchored_texts(target)
    first_entry = report.references[0].text
    for identifier, comment in comments(target).items():
        assert comment.text.startswith("About the whole reference list: In your reference list")
        assert anchors[identifier].strip() == first_entry


def test_a_hanging_indent_faked_with_line_breaks_and_tabs(tmp_path):
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for text in ("Professional networking", BODY, "References"):
        document.add_paragraph(text)
    for entry in ENTRIES:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.line_spacing = 2.0
        head, tail = entry[:60], entry[60:]
        run = paragraph.add_run(head)
        run.add_break(WD_BREAK.LINE)
        run.add_tab()
        paragraph.add_run(tail)
    document.save(tmp_path / "faked.docx")
    read = read_document(tmp_path / "faked.docx")
    assert [f.faked_indent for f in read.formats] == [False] * 3 + [True] * 3  # the three entries
    (finding,) = findings(tmp_path / "faked.docx", "layout-hanging-indent")
    assert "typed by hand (a line break, then a tab or spaces)" in finding.message


@pytest.mark.parametrize("name", ["mistakes-essay.txt", "clean-essay.md"])
def test_text_files_carry_no_layout_and_get_no_layout_finding(name):
    """Plain text and Markdown have no Word layout: every layout rule leaves them alone, even the
    essay whose Word form has its list unindented (the mistakes essay has no hanging indent as text)."""
    path = SAMPLES / name
    report = essaycheck.check(path, Settings(resolve=False))
    assert report.document.formats == () and report.document.sections == ()
    assert [p.rule for p in report.problems if p.rule.startswith("layout-")] == []


def test_spaced_pairs_of_entries_are_counted_by_place_not_by_format():
    from essaycheck.api import check_document
    from essaycheck.rules.examples import BRAUN, RAJ, WENGER, essay, layout_document

    cite = "Networks matter (Raj et al., 2017), themes emerged (Braun & Clarke, 2006) and identity (Wenger, 1998)."
    spaced, plain = "⟪left=0.5 first=-0.5 line=2 before=12 after=12⟫", "⟪left=0.5 first=-0.5 line=2⟫"
    # the first and third entries have the same format: both pairs are spaced, by one or the other
    text = essay(cite, spaced + BRAUN, plain + RAJ, spaced + WENGER)
    report = check_document(layout_document(text), Settings(resolve=False, select=("layout-reference-spacing",)))
    (finding,) = report.problems
    assert "between the entries" in finding.message and "pairs" not in finding.message
