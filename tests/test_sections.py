"""Splitting at the reference-list heading: spellings, numbering, the last heading, where the list ends."""


import pytest

from docx_factory import build_docx, docx_from_xml, footnote_ref, p, run
from essaycheck.model import Document, Paragraph
from essaycheck.read import document_from_text, read_document
from essaycheck.sections import split_sections
from seeds import seed



def texts(paragraphs):
    return [paragraph.text for paragraph in paragraphs]


def split_text(text, kind="txt"):
    return split_sections(document_from_text(text, kind=kind))


@pytest.mark.parametrize("heading", [
    "References", "REFERENCES", "references", "References:", "Reference", "Reference list", "Reference List",
    "Bibliography", "Works Cited", "works cited:", "Sources", "Literature cited", "Literature Cited",
    "5. References", "5 References", "V. References", "iv. Bibliography", "A. Works Cited", "3.2 References",
    "**References**", "# References", "References cited", "List of references", "Works consulted",
])
def test_heading_spellings(heading):
    sections = split_text(f"Body text (Smith, 2020).\n{heading}\nSmith, J. (2020). Title.\n")
    assert sections.heading is not None and sections.heading.text == heading
    assert texts(sections.body) == ["Body text (Smith, 2020)."]
    assert texts(sections.references) == ["Smith, J. (2020). Title."]


@pytest.mark.parametrize("line", [
    "References are listed below.", "See the references", "My sources", "Sources of stress at work",
    "The bibliography", "References (APA 7)",
])
def test_sentences_mentioning_references_are_not_headings(line):
    assert split_text(f"Body.\n{line}\nMore.\n").heading is None


def test_no_list():
    sections = split_text("Just an essay.\nWith no list.\n")
    assert sections.heading is None and sections.references == () and texts(sections.body) == [
        "Just an essay.", "With no list."]


def test_last_heading_wins():
    sections = split_text("Intro.\nReferences\nA table of contents line.\nBody.\nReferences\nSmith, J. (2020).\n")
    assert sections.heading.line == 5
    assert texts(sections.body) == ["Intro.", "References", "A table of contents line.", "Body."]
    assert texts(sections.references) == ["Smith, J. (2020)."]


def test_heading_with_nothing_after_it():
    sections = split_text("Body.\nReferences\n")
    assert sections.heading.text == "References" and sections.references == ()


@pytest.mark.parametrize("end", [
    "Appendix", "Appendix A", "Appendix B: Survey questions", "APPENDICES", "Appendix 1 - Interview guide",
    "Tables", "Figures", "Footnotes", "Table 1", "Figure 2", "6. Appendix",
])
def test_list_ends_at_appendix_and_similar(end):
    sections = split_text(f"Body.\nReferences\nSmith, J. (2020).\n{end}\nQuestion one?\n")
    assert texts(sections.references) == ["Smith, J. (2020)."]
    assert texts(sections.body) == ["Body.", end, "Question one?"]


def test_reference_entry_mentioning_an_appendix_does_not_end_the_list():
    sections = split_text("Body.\nReferences\nSmith, J. (2020). Appendix tables in practice. Pub.\nLee, A. (2019).\n")
    assert len(sections.references) == 2


def test_docx_list_ends_at_next_heading_but_not_at_a_sub_heading(tmp_path):
    path = docx_from_xml(tmp_path / "h.docx", [
        p("Body (Smith, 2020)."), p("References", style="Heading1"), p("Primary sources", style="Heading2"),
        p("Smith, J. (2020)."), p("Acknowledgements", style="Heading1"), p("Thanks to my tutor."),
    ])
    sections = split_sections(read_document(path))
    # the sub-heading belongs to neither: it is no entry, and no part of the essay's text
    assert texts(sections.references) == ["Smith, J. (2020)."]
    assert texts(sections.body) == ["Body (Smith, 2020).", "Acknowledgements", "Thanks to my tutor."]


def test_docx_bold_heading_and_plain_heading(tmp_path):
    bold = docx_from_xml(tmp_path / "b.docx", [p("Body."), p(run("References", bold=True)), p("Smith, J. (2020)."),
                                               p(run("Author note", bold=True)), p("Note text.")])
    sections = split_sections(read_document(bold))
    assert sections.heading.text == "References" and texts(sections.references) == ["Smith, J. (2020)."]
    plain = build_docx(tmp_path / "p.docx", ["Body."], ["Smith, J. (2020)."], heading="Reference List",
                       heading_style=None)
    sections = split_sections(read_document(plain))
    assert sections.heading.text == "Reference List" and texts(sections.references) == ["Smith, J. (2020)."]


def test_footnotes_belong_to_the_body(tmp_path):
    path = docx_from_xml(tmp_path / "f.docx", [p("Body.", footnote_ref(1)), p("References", style="Heading1"),
                                               p("Smith, J. (2020).")],
                         footnotes=[p("A note (Lee, 2019).")], endnotes=[p("References")])
    sections = split_sections(read_document(path))
    assert sections.heading.part == "body"
    assert texts(sections.references) == ["Smith, J. (2020)."]
    assert [(x.text, x.part) for x in sections.body] == [
        ("Body.", "body"), ("A note (Lee, 2019).", "footnote"), ("References", "endnote")]


def test_markdown_heading_levels():
    sections = split_text("# Essay\n\nBody.\n\n## References\n\nSmith, J. (2020).\n\n## Appendix\n\nMore.\n", "md")
    assert texts(sections.references) == ["Smith, J. (2020)."]
    assert texts(sections.body) == ["Essay", "Body.", "Appendix", "More."]


def test_sections_keep_paragraph_objects():
    paragraphs = (Paragraph(0, "Body."), Paragraph(1, "Bibliography"), Paragraph(2, "Entry."))
    sections = split_sections(Document("x", "txt", paragraphs))
    assert sections.body == paragraphs[:1] and sections.heading is paragraphs[1]
    assert sections.references == paragraphs[2:]


def test_inf305_seed_splits_into_body_and_list():
    sections = split_sections(read_document(seed("001_623e39b58d41a856.txt")))
    assert [p.line for p in sections.body] == [1, 2, 3]
    assert sections.body[0].text == "INF 305 Professional Learning and Networking"
    assert (sections.heading.text, sections.heading.line) == ("References", 4)
    # the first entry's URL sits on a line of its own: joining it is the reference parser's job
    assert [p.line for p in sections.references] == [5, 6, 7]
    assert sections.references[0].text.startswith("Page Group. (2022).")
    assert sections.references[2].text.startswith("Raj, M., Fast, N. J., & Fisher, O. (2017).")


def test_inf305_seed_as_docx(tmp_path):
    lines = [line for line in seed("001_623e39b58d41a856.txt").read_text(encoding="utf-8").splitlines() if line]
    heading = lines.index("References")
    path = build_docx(tmp_path / "inf305.docx", lines[1:heading], lines[heading + 1:], title=lines[0])
    sections = split_sections(read_document(path))
    assert len(sections.body) == 3 and sections.heading.style == "Heading 1" and len(sections.references) == 3


def test_blog_seed_has_no_reference_list():
    sections = split_sections(read_document(seed("000_c740e5f9a9bc5037.txt")))
    assert sections.heading is None and sections.references == ()
    assert len(sections.body) == len(read_document(seed("000_c740e5f9a9bc5037.txt")).paragraphs)
