"""The .docx reader, one feature at a time, on files built by tests/docx_factory.py."""

import pytest

from docx_factory import (build_docx, deleted, docx_from_xml, field, footnote_ref, hyperlink, ins, moved, p,
                          run, sdt, simple_field, table, text_box)
from essaycheck.read import read_document

ITALIC_STYLE = ('<w:style w:type="character" w:styleId="BookTitleX"><w:name w:val="Book Title X"/>'
                "<w:rPr><w:i/></w:rPr></w:style>"
                '<w:style w:type="paragraph" w:styleId="RefHeading"><w:name w:val="Ref Heading"/>'
                '<w:basedOn w:val="Heading1"/></w:style>'
                '<w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="Outlined"/>'
                '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="Quoted"><w:name w:val="Quoted"/>'
                "<w:rPr><w:i/></w:rPr></w:style>")


def texts(path):
    return [paragraph.text for paragraph in read_document(path).paragraphs]


def only(path):
    (paragraph,) = read_document(path).paragraphs
    return paragraph


def test_build_docx_essay(tmp_path):
    document = read_document(build_docx(tmp_path / "e.docx", ["Body (Smith, 2020)."],
                                        ["Smith, J. (2020). *A title*. Pub."], title="My essay"))
    assert document.kind == "docx"
    assert [(p.index, p.text, p.style, p.is_heading) for p in document.paragraphs] == [
        (0, "My essay", "Title", True),
        (1, "Body (Smith, 2020).", "Normal", False),
        (2, "References", "Heading 1", True),
        (3, "Smith, J. (2020). A title. Pub.", "Normal", False),
    ]
    assert document.paragraphs[3].italic == ((18, 25),)
    assert all(p.line is None and p.part == "body" for p in document.paragraphs)


def test_reading_order_body_tables_sdt_text_boxes_then_notes(tmp_path):
    path = docx_from_xml(tmp_path / "o.docx", [
        p("one", footnote_ref(1)),
        table([["a", "b"], ["c", "d"]]),
        sdt(p("in a control")),
        p("host", text_box(p("boxed"))),
        p("last"),
    ], footnotes=[p("note")], endnotes=[p("end note")])
    document = read_document(path)
    assert [(p.text, p.part) for p in document.paragraphs] == [
        ("one", "body"), ("a", "table"), ("b", "table"), ("c", "table"), ("d", "table"),
        ("in a control", "body"), ("host", "body"), ("boxed", "textbox"), ("last", "body"),
        ("note", "footnote"), ("end note", "endnote"),
    ]
    assert [p.index for p in document.paragraphs] == list(range(11))


def test_empty_paragraphs_are_dropped(tmp_path):
    assert texts(docx_from_xml(tmp_path / "e.docx", [p("a"), "<w:p/>", p("   "), p("b")])) == ["a", "b"]


def test_tracked_changes_read_as_accepted(tmp_path):
    path = docx_from_xml(tmp_path / "t.docx", [
        p("Kept ", ins("inserted "), deleted("removed "), "end ", moved("moved-away", "moved-here")),
    ])
    assert only(path).text == "Kept inserted end moved-here"


def test_deleted_paragraph_content_disappears(tmp_path):
    assert texts(docx_from_xml(tmp_path / "d.docx", [p(deleted("All gone")), p("stays")])) == ["stays"]


def test_word_bibliography_content_control(tmp_path):
    path = docx_from_xml(tmp_path / "b.docx", [
        p("Body (Smith, 2020)."),
        sdt(p("References", style="Heading1"),
            p(field(" BIBLIOGRAPHY ", "Smith, J. (2020). ", run("Book", italic=True), ". Pub.")),
            gallery="Bibliographies"),
    ])
    document = read_document(path)
    assert [p.text for p in document.paragraphs] == ["Body (Smith, 2020).", "References",
                                                     "Smith, J. (2020). Book. Pub."]
    assert document.paragraphs[1].is_heading
    assert document.paragraphs[2].italic == ((18, 22),)


def joined(*content: str, style: str | None = None) -> str:
    """A w:p whose paragraph mark is a tracked deletion (Word's record of joining it to the next)."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f'<w:p><w:pPr>{style_xml}<w:rPr><w:del w:id="905" w:author="Tester" w:date="2026-01-01T00:00:00Z"/>'
            f"</w:rPr></w:pPr>{''.join(c if c.startswith('<') else run(c) for c in content)}</w:p>")


def test_deleted_paragraph_mark_joins_the_next_paragraph(tmp_path):
    # Accepted, a deleted paragraph mark joins the two paragraphs: a citation split over them
    # is one citation, and a wholly deleted paragraph leaves nothing behind.
    path = docx_from_xml(tmp_path / "j.docx", [
        p("First."),
        joined("Later work agreed (Smith & Lee, "),
        p("2019), and ", run("so", italic=True), " on."),
        joined(deleted("An old paragraph, deleted whole.")),
        p("References", style="Heading1"),
        table([[joined("Cell one"), "Cell two"]]),
        joined("Last words"),
    ])
    document = read_document(path)
    assert [(x.text, x.part, x.is_heading) for x in document.paragraphs] == [
        ("First.", "body", False), ("Later work agreed (Smith & Lee, 2019), and so on.", "body", False),
        ("References", "body", True), ("Cell one", "table", False), ("Cell two", "table", False),
        ("Last words", "body", False)]
    assert document.paragraphs[1].italic == ((43, 45),)  # "so"

def test_inline_content_control(tmp_path):
    inline = "<w:sdt><w:sdtPr><w:alias w:val='cite'/></w:sdtPr><w:sdtContent>" + run("(Lee, 2019)") + \
        "</w:sdtContent></w:sdt>"
    assert only(docx_from_xml(tmp_path / "i.docx", [p("As shown ", inline, ".")])).text == "As shown (Lee, 2019)."


def test_hyperlinks_keep_text_and_record_url(tmp_path):
    path = docx_from_xml(tmp_path / "h.docx", [
        p("See ", hyperlink("rIdX1", "https://doi.org/10.1/abc"), " and ",
          field('HYPERLINK "https://example.org/page"', "the page"), "."),
    ], links={"rIdX1": "https://doi.org/10.1/abc"})
    paragraph = only(path)
    assert paragraph.text == "See https://doi.org/10.1/abc and the page."
    assert [(paragraph.text[link.start:link.end], link.url) for link in paragraph.links] == [
        ("https://doi.org/10.1/abc", "https://doi.org/10.1/abc"), ("the page", "https://example.org/page")]


def test_internal_bookmark_link_is_text_only(tmp_path):
    link = '<w:hyperlink w:anchor="_Toc1">' + run("Section 2") + "</w:hyperlink>"
    paragraph = only(docx_from_xml(tmp_path / "a.docx", [p(link)]))
    assert paragraph.text == "Section 2" and paragraph.links == ()


def test_fields_show_result_not_instruction(tmp_path):
    path = docx_from_xml(tmp_path / "f.docx", [
        p("Cited ", field(" CITATION Smi20 \\l 1033 ", "(Smith, 2020)"), " on page ", simple_field(" PAGE ", "4"), "."),
        p(field(' ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"x"} ', "(Lee, 2019)")),
    ])
    assert texts(path) == ["Cited (Smith, 2020) on page 4.", "(Lee, 2019)"]


def test_nested_field_inside_instruction_is_dropped(tmp_path):
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
              + field(" PAGE ", "9") +
              '<w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              + run("b") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert only(docx_from_xml(tmp_path / "n.docx", [p("x ", nested)])).text == "x b"


def test_field_result_spanning_paragraphs(tmp_path):
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ADDIN ZOTERO_BIBL </w:instrText></w:r>' \
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    path = docx_from_xml(tmp_path / "z.docx", [p(begin, run("Lee, A. (2019). One.")), p(run("Smith, J. (2020). Two."), end)])
    assert texts(path) == ["Lee, A. (2019). One.", "Smith, J. (2020). Two."]


def test_smart_tags_custom_xml_tabs_and_breaks(tmp_path):
    smart = "<w:smartTag w:uri='x' w:element='place'>" + run("Sydney") + "</w:smartTag>"
    breaks = "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t></w:r>"
    assert texts(docx_from_xml(tmp_path / "s.docx", [p("In ", smart), p(breaks)])) == ["In Sydney", "a b c-d"]


HIDDEN_STYLES = ('<w:style w:type="character" w:styleId="HiddenX"><w:name w:val="Hidden X"/>'
                 "<w:rPr><w:vanish/></w:rPr></w:style>"
                 '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="Hidden Para"/>'
                 "<w:rPr><w:vanish/></w:rPr></w:style>")


def test_hidden_text_is_not_read(tmp_path):
    # Word neither prints nor (by default) shows w:vanish text: a hidden "(Jones, 2018)" or a
    # hidden old entry must not become a citation or a reference.
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (Jones, 2018)</w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> shown</w:t></w:r>'
    path = docx_from_xml(tmp_path / "v.docx", [
        p("Claim.", hidden, shown, run(" (by style)", style="HiddenX")),
        p("Jones, K. (2018). Old entry. Pub.", style="HiddenPara"),
        p(run("Kept", style="HiddenX"), '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t> too</w:t></w:r>',
          style="HiddenPara"),
    ], styles=HIDDEN_STYLES)
    assert texts(path) == ["Claim. shown", "too"]


def test_hidden_field_runs_keep_the_field_in_step(tmp_path):
    hidden_begin = '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    path = docx_from_xml(tmp_path / "hf.docx", [
        p("See ", hidden_begin, '<w:r><w:instrText> CITATION Lee19 </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("(Lee, 2019)"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "."),
    ])
    assert texts(path) == ["See (Lee, 2019)."]


def test_typed_soft_hyphens_are_dropped(tmp_path):
    # Text pasted from a PDF keeps U+00AD; Word shows none of them mid-line, so neither
    # the heading nor a name may keep one.
    path = docx_from_xml(tmp_path / "sh.docx", [
        p("Ameri\u00adcan (Ameri\u00adcan Psycho\u00adlogical Association, 2020)."),
        p("Refer\u00adences", style="Heading1"),
        p(run("Pub\u00adlication", italic=True), " manual\u00ad"),
    ])
    document = read_document(path)
    assert [x.text for x in document.paragraphs] == [
        "American (American Psychological Association, 2020).", "References", "Publication manual"]
    assert document.paragraphs[2].italic == ((0, 11),)

def test_footnotes_skip_separators_and_keep_italics(tmp_path):
    path = docx_from_xml(tmp_path / "fn.docx", [p("Claim.", footnote_ref(1))],
                         footnotes=[p('<w:r><w:footnoteRef/></w:r>', " See ", run("Book", italic=True), ".")])
    notes = [p for p in read_document(path).paragraphs if p.part == "footnote"]
    assert [(n.text, n.italic) for n in notes] == [("See Book.", ((4, 8),))]


def test_style_names_and_headings(tmp_path):
    path = docx_from_xml(tmp_path / "h.docx", [
        p("Heading", style="Heading2"), p("Custom", style="RefHeading"), p("Outlined", style="Outlined"),
        p("Direct outline", outline=2), p("Body level", outline=9), p("Plain"), p("Unknown", style="NoSuchStyle"),
    ], styles=ITALIC_STYLE)
    assert [(x.text, x.style, x.is_heading) for x in read_document(path).paragraphs] == [
        ("Heading", "Heading 2", True), ("Custom", "Ref Heading", True), ("Outlined", "Outlined", True),
        ("Direct outline", "Normal", True), ("Body level", "Normal", False), ("Plain", "Normal", False),
        ("Unknown", "NoSuchStyle", False),
    ]


@pytest.mark.parametrize("runs, heading", [
    ([run("References", bold=True)], True),
    ([run("Appendix A: ", bold=True), run("Survey", bold=True)], True),
    ([run("Partly ", bold=True), run("bold")], False),
    ([run("A bold sentence that is far too long to be taken for any kind of heading at all.", bold=True)], False),
])
def test_short_whole_bold_paragraph_is_a_heading(tmp_path, runs, heading):
    assert only(docx_from_xml(tmp_path / "b.docx", [p(*runs)])).is_heading is heading


@pytest.mark.parametrize("make_run, italic", [
    (lambda: run("x", italic=True), True),
    (lambda: run("x", italic_val="1"), True),
    (lambda: run("x", italic_val="true"), True),
    (lambda: run("x", italic_val="on"), True),
    (lambda: run("x", italic_val="0"), False),
    (lambda: run("x", italic_val="false"), False),
    (lambda: run("x", style="Emphasis"), True),  # python-docx's template: Emphasis is italic
    (lambda: run("x", style="BookTitleX"), True),
    (lambda: run("x", style="BookTitleX", italic=False), False),
    (lambda: run("x"), False),
])
def test_italic_runs(tmp_path, make_run, italic):
    paragraph = only(docx_from_xml(tmp_path / "i.docx", [p("a ", make_run(), " b")], styles=ITALIC_STYLE))
    assert paragraph.text == "a x b"
    assert paragraph.italic == (((2, 3),) if italic else ())


def test_italic_from_paragraph_style_and_spans_after_trimming(tmp_path):
    path = docx_from_xml(tmp_path / "q.docx", [p("  quoted  ", style="Quoted"), p("   ", run("lead", italic=True))],
                         styles=ITALIC_STYLE)
    assert [(x.text, x.italic) for x in read_document(path).paragraphs] == [("quoted", ((0, 6),)), ("lead", ((0, 4),))]


def test_adjacent_italic_runs_merge(tmp_path):
    paragraph = only(docx_from_xml(tmp_path / "m.docx", [p(run("Long ", italic=True), run("title", italic=True), ".")]))
    assert paragraph.italic == ((0, 10),)


def test_math_text_is_kept(tmp_path):
    math = "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>"
    assert only(docx_from_xml(tmp_path / "m.docx", [p("Let ", math, ".")])).text == "Let x+1."


def test_strict_open_xml_namespaces(tmp_path):
    import zipfile

    source = build_docx(tmp_path / "s.docx", ["Strict body."], [])
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(strict, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name.endswith(".xml"):
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            new.writestr(name, data)
    assert texts(strict) == ["Strict body.", "References"]


def test_text_docx_named_txt_is_read_as_docx(tmp_path):
    source = build_docx(tmp_path / "real.docx", ["Hello."], [], heading=None)
    renamed = tmp_path / "essay.txt"
    renamed.write_bytes(source.read_bytes())
    document = read_document(renamed)
    assert document.kind == "docx" and texts(renamed) == ["Hello."]


def test_reading_leaves_file_unchanged(tmp_path):
    path = build_docx(tmp_path / "u.docx", ["Body."], ["Ref."])
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_document(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_importing_the_reader_is_cheap():
    import subprocess
    import sys

    code = "import sys, essaycheck.read; print(sorted(m for m in ('docx', 'lxml', 'markdown_it') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=__file__.rsplit("/tests/", 1)[0])
    assert result.stdout.strip() == "[]"


def test_each_paragraph_has_its_own_format_after_a_text_box(tmp_path):
    justified = '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>last</w:t></w:r></w:p>'
    document = read_document(docx_from_xml(tmp_path / "b.docx", [p("host", text_box(p("boxed"))), justified],
                                           footnotes=[p("note")]))
    assert len(document.formats) == len(document.paragraphs)
    last = next(paragraph for paragraph in document.paragraphs if paragraph.text == "last")
    assert document.formats[last.index].alignment == "justify"


def test_a_tracked_change_of_the_page_is_no_section(tmp_path):
    import docx
    from docx.oxml import parse_xml as docx_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Text")
    sect_pr = document.sections[0]._sectPr
    sect_pr.append(docx_xml(f'<w:sectPrChange {nsdecls("w")} w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">'
                            '<w:sectPr><w:pgMar w:top="2880" w:right="2880" w:bottom="2880" w:left="2880"/>'
                            "</w:sectPr></w:sectPrChange>"))
    document.save(tmp_path / "s.docx")
    sections = read_document(tmp_path / "s.docx").sections
    assert len(sections) == 1 and sections[0].left != 2.0
