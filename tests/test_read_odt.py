"""The .odt reader, one feature at a time, on files built by tests/odt_factory.py."""

import zipfile

import pytest
from equivalence import assert_read_as_the_docx, summary

import essaycheck
from essaycheck.api import check_document
from essaycheck.errors import InputError
from essaycheck.read import read_document
from essaycheck.read.odt import odt_paragraphs
from odt_factory import (MIMETYPE, build_odt, change, deletion, frame, h, link, note, odt_from_paragraphs,
                         odt_from_xml, p, span, table, text_list)


def read(path):
    return odt_paragraphs(path.read_bytes(), str(path))


def texts(path):
    return [paragraph.text for paragraph in read(path)]


def only(path):
    (paragraph,) = read(path)
    return paragraph


def test_build_odt_essay(tmp_path):
    paragraphs = read(build_odt(tmp_path / "e.odt", ["Body (Smith, 2020)."],
                                ["Smith, J. (2020). *A title*. Pub."], title="My essay"))
    assert [(q.index, q.text, q.style, q.is_heading, q.part) for q in paragraphs] == [
        (0, "My essay", "Title", True, "body"),
        (1, "Body (Smith, 2020).", "Text body", False, "body"),
        (2, "References", "Heading 1", True, "body"),
        (3, "Smith, J. (2020). A title. Pub.", "Bibliography Entry", False, "body"),  # P1's named parent
    ]
    assert paragraphs[3].italic == ((18, 25),)


def test_headings_take_their_outline_level(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "h.odt", [
        h("Method", 1), h("Participants", 2),
        '<text:h text:style-name="P9" text:outline-level="3">Odd style</text:h>',
        '<text:p text:style-name="Heading_20_2">Written as text:p</text:p>',
    ], automatic_styles='<style:style style:name="P9" style:family="paragraph"/>'))
    assert [(q.text, q.style, q.is_heading) for q in paragraphs] == [
        ("Method", "Heading 1", True), ("Participants", "Heading 2", True), ("Odd style", "Heading 3", True),
        ("Written as text:p", "Heading 2", True)]


def test_italics_from_automatic_named_parent_and_paragraph_styles(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "i.odt", [
        p("A ", span("auto", "T1"), " b ", span("named", "Emphasis"), " c ", span("child", "Book_20_Title"), "."),
        p("All italic ", span("but this", "T3"), " again", style="P2"),
    ]))
    first = paragraphs[0]
    assert [first.text[s:e] for s, e in first.italic] == ["auto", "named", "child"]
    second = paragraphs[1]
    assert [second.text[s:e] for s, e in second.italic] == ["All italic ", " again"]


def test_default_style_italic_is_inherited(tmp_path):
    path = odt_from_xml(tmp_path / "d.odt", [p("x")])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["styles.xml"] = parts["styles.xml"].replace(b'fo:font-size="12pt"', b'fo:font-style="italic"')
    rewritten = tmp_path / "default.odt"
    with zipfile.ZipFile(rewritten, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, value in parts.items():
            archive.writestr(name, value)
    assert only(rewritten).italic == ((0, 1),)


def test_hyperlinks_record_the_url_but_not_internal_anchors(tmp_path):
    paragraph = only(odt_from_xml(tmp_path / "l.odt", [
        p("See ", link("the page", "https://example.org/a?b=1&c=2"), " and ", link("section 2", "#s2"), ".")]))
    assert paragraph.text == "See the page and section 2."
    assert [(paragraph.text[x.start:x.end], x.url) for x in paragraph.links] == [
        ("the page", "https://example.org/a?b=1&c=2")]


def test_spaces_tabs_line_breaks_and_page_breaks(tmp_path):
    paragraph = only(odt_from_xml(tmp_path / "s.odt", [
        p("One<text:s/>two<text:s text:c=\"3\"/>three<text:tab/>four<text:line-break/>five"
          "<text:soft-page-break/>six")]))
    assert paragraph.text == "One two   three four five" + "six"


def test_xml_whitespace_collapses_as_odf_says(tmp_path):
    paragraph = only(odt_from_xml(tmp_path / "w.odt", [
        '<text:p>\n   Smith,\n   J.  <text:span text:style-name="T1"> (2020)</text:span>\n end </text:p>']))
    assert paragraph.text == "Smith, J. (2020) end"
    assert [paragraph.text[s:e] for s, e in paragraph.italic] == ["(2020)"]


def test_lists_and_tables(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "t.odt", [
        p("Before"),
        text_list(p("first item"), p("second item") + text_list(p("nested item"))),
        table([["Activity", "Hours"], ["Reading *journals*", "12"]]),
        p("After"),
    ]))
    assert [(q.text, q.part) for q in paragraphs] == [
        ("Before", "body"), ("first item", "body"), ("second item", "body"), ("nested item", "body"),
        ("Activity", "table"), ("Hours", "table"), ("Reading journals", "table"), ("12", "table"),
        ("After", "body")]
    assert paragraphs[6].italic == ((8, 16),)


def test_frames_follow_their_paragraph_as_text_boxes(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "f.odt", [
        p("Host ", frame(p("Boxed (Lee, 2019)."), h("Box heading", 2)), "text."),
        p("Next"),
        frame(p("Page-anchored box")),
    ]))
    assert [(q.text, q.part) for q in paragraphs] == [
        ("Host text.", "body"), ("Boxed (Lee, 2019).", "textbox"), ("Box heading", "textbox"), ("Next", "body"),
        ("Page-anchored box", "textbox")]
    assert "decorative" not in " ".join(q.text for q in paragraphs)  # the frame's svg:title


def test_notes_leave_their_mark_out_and_follow_the_body(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "n.odt", [
        p("Claim", note("1", p("A footnote (Smith, 2020).", style="Footnote"), number=1), " stands."),
        p("Later", note("i", p("An endnote."), endnote=True, number=2), "."),
        "<table:table><table:table-row><table:table-cell>"
        + p("Cell", note("2", p("Note in a table."), number=3)) + "</table:table-cell></table:table-row></table:table>",
    ]))
    assert [(q.text, q.part) for q in paragraphs] == [
        ("Claim stands.", "body"), ("Later.", "body"), ("Cell", "table"),
        ("A footnote (Smith, 2020).", "footnote"), ("Note in a table.", "footnote"), ("An endnote.", "endnote")]
    assert [q.index for q in paragraphs] == list(range(6))


def test_tracked_deletions_are_not_read(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "c.odt", [
        p("Kept ", change("ct1"), "text", '<text:change-start text:change-id="ct2"/> inserted'
          '<text:change-end text:change-id="ct2"/>.'),
    ], tracked_changes=deletion("ct1", p("removed words (Gone, 1999)"))))
    assert [q.text for q in paragraphs] == ["Kept text inserted."]


def test_hidden_text_sections_paragraphs_and_comments_are_not_read(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "x.odt", [
        p("Shown ", span("secret ", "Hidden"), "text",
          '<text:hidden-text text:condition="ooow:1" text:string-value="x" text:is-hidden="true">gone'
          "</text:hidden-text>",
          '<text:hidden-text text:condition="ooow:0" text:string-value="x" text:is-hidden="false"> kept'
          "</text:hidden-text>."),
        '<text:section text:name="S1" text:display="none">' + p("Hidden section") + "</text:section>",
        '<text:section text:name="S2">' + p("Visible section") + "</text:section>",
        p('<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>Hidden paragraph'),
        p("Commented<office:annotation><dc:creator>Tutor</dc:creator>" + p("A comment") + "</office:annotation>"
          " text."),
    ]))
    assert [q.text for q in paragraphs] == ["Shown text kept.", "Visible section", "Commented text."]


def test_bold_short_paragraph_is_a_heading(tmp_path):
    paragraphs = read(odt_from_xml(tmp_path / "b.odt", [p(span("References", "T2")), p("Body text.")]))
    assert [(q.text, q.is_heading) for q in paragraphs] == [("References", True), ("Body text.", False)]


def test_fields_show_their_result(tmp_path):
    paragraph = only(odt_from_xml(tmp_path / "f.odt", [
        p('Printed <text:date text:date-value="2026-03-01">1 March 2026</text:date> (Smith, '
          '<text:bibliography-mark text:identifier="Smi20" text:bibliography-type="book">2020'
          "</text:bibliography-mark>)")]))
    assert paragraph.text == "Printed 1 March 2026 (Smith, 2020)"


# --- errors ----------------------------------------------------------------------------


def error_of(path) -> str:
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_password_protected(tmp_path):
    message = error_of(odt_from_xml(tmp_path / "p.odt", [p("x")], encrypted=True))
    assert "protected with a password" in message


@pytest.mark.parametrize("kind, words", [("spreadsheet", "spreadsheet (.ods)"),
                                         ("presentation", "presentation (.odp)"),
                                         ("graphics", "drawing (.odg)")])
def test_other_opendocument_kinds_are_named(tmp_path, kind, words):
    path = odt_from_xml(tmp_path / "o.odt", [p("x")], mimetype=f"application/vnd.oasis.opendocument.{kind}")
    message = error_of(path)
    assert words in message and "not a text document" in message


def test_not_a_zip(tmp_path):
    path = tmp_path / "n.odt"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert "could not be read as an OpenDocument text (.odt)" in error_of(path)


def test_damaged_content_xml(tmp_path):
    message = error_of(odt_from_xml(tmp_path / "d.odt", content_xml="<office:document-content><broken"))
    assert "OpenDocument text" in message and "content.xml is damaged" in message and "Word" not in message


def test_doctype_is_refused(tmp_path):
    content = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'
    message = error_of(odt_from_xml(tmp_path / "d.odt", content_xml=content))
    assert "DOCTYPE" in message and "OpenDocument" in message


def test_missing_content(tmp_path):
    path = tmp_path / "m.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
    assert "has no content.xml" in error_of(path)


def test_content_without_text_body(tmp_path):
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
               "<office:body><office:spreadsheet/></office:body></office:document-content>")
    assert "office:text is missing" in error_of(odt_from_xml(tmp_path / "s.odt", content_xml=content))


def test_a_docx_is_not_an_odt(tmp_path):
    path = tmp_path / "w.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert "is a Word document, not an OpenDocument text" in error_of(path)


def test_too_many_members_is_refused_before_reading(tmp_path):
    path = tmp_path / "many.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
        for number in range(1_001):
            archive.writestr(f"Pictures/{number}.png", b"")
    message = error_of(path)
    assert "1,002 files" in message and "text document" in message and "Word" not in message


def test_zip_bomb_part_is_stopped_while_inflating(tmp_path):
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
        archive.writestr("content.xml", b"<a>" + b" " * 30_000_000 + b"</a>")
    assert "unpacks to more than" in error_of(path)


# --- the same essay as .docx and .odt -----------------------------------------------------


@pytest.mark.parametrize("sample", ["clean-essay", "mistakes-essay"])
def test_same_essay_as_docx_and_odt(tmp_path, sample):
    original = read_document(f"samples/{sample}.docx")
    path = odt_from_paragraphs(tmp_path / f"{sample}.odt", original.paragraphs)
    paragraphs = read(path)
    assert_read_as_the_docx(original, "odt", path, paragraphs)
    assert (sample == "clean-essay") == (not summary(check_document(original, essaycheck.Settings(resolve=False)))[2])
