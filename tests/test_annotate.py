"""The annotated .docx copy: one Word comment per problem, anchored on exactly its text."""

import hashlib

import docx
import pytest
from docx.enum.text import WD_BREAK

from essaycheck.annotate import AUTHOR, annotate_docx, body_paragraphs
from essaycheck.errors import InputError
from essaycheck.model import Diagnostic, Location, Report, Severity
from essaycheck.read import read_document
from essaycheck.read.styles import StyleSheet

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build_essay(path):
    doc = docx.Document()
    doc.add_heading("Networking for librarians", level=1)
    p = doc.add_paragraph("  Professional networks matter (Smith 2019). As ")
    p.add_run("Raj et al.").italic = True
    p.add_run(", (2017) argue, ties\tmatter")
    br = p.add_run(" across ")
    br.add_break(WD_BREAK.LINE)
    p.add_run("sectors (Lee & Ng, 2020).")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell citation (Brown, 2018)"
    table.cell(0, 1).text = "Second cell"
    doc.add_paragraph("")
    doc.add_paragraph("References", style="Heading 1")
    doc.add_paragraph("Smith, J. (2019). Networks. Journal of Things, 1(2), 3\u20134.")
    doc.save(path)
    return path


def at(document, paragraph, quoted, rule="r", severity=Severity.ERROR, suggestion=None, occurrence=0):
    text = document.paragraphs[paragraph].text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quoted, start + 1)
    location = Location(paragraph, start, start + len(quoted), quoted)
    return Diagnostic(rule, severity, f"message for {quoted}", location, suggestion=suggestion)


def report_for(path, problems):
    document = read_document(path)
    return document, Report(str(path), document, (), (), (), tuple(problems))


def anchored_texts(path):
    """Comment id -> the text between its commentRangeStart and commentRangeEnd, in document order."""
    body = docx.Document(str(path)).element.body
    open_ids, texts = set(), {}
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            texts.setdefault(element.get(f"{W}id"), "")
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}t" and element.text:
            for cid in open_ids:
                texts[cid] += element.text
        elif element.tag in (f"{W}tab", f"{W}br"):
            for cid in open_ids:
                texts[cid] += " "
    return texts


def comments(path):
    return {str(c.comment_id): c for c in docx.Document(str(path)).comments}


def test_walker_sees_the_same_paragraphs_as_the_reader(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    document = read_document(essay)
    opened = docx.Document(str(essay))
    walked = body_paragraphs(opened.element.body, StyleSheet(opened.styles.element))
    assert [p.text.strip() for p in walked] == [p.text for p in document.paragraphs]


def test_comments_anchor_exactly_the_quoted_text_across_runs(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    before = hashlib.sha256(essay.read_bytes()).hexdigest()
    document, _ = report_for(essay, [])
    problems = [
        at(document, 1, "Smith 2019", "missing-comma", suggestion="Smith, 2019"),  # inside one run
        at(document, 1, "Raj et al., (2017)", "narrative-comma", Severity.WARNING),  # across three runs
        at(document, 1, "ties matter across"),  # across a tab and a line break
        at(document, 2, "Brown, 2018", "missing-reference"),  # in a table cell
        at(document, 5, "Smith, J.", "reference-order"),  # after an empty paragraph
    ]
    _, report = report_for(essay, problems)
    target = tmp_path / "out" / "essay.annotated.docx"
    assert annotate_docx(report, essay, target) == 5

    assert hashlib.sha256(essay.read_bytes()).hexdigest() == before  # the original is untouched
    found = comments(target)
    anchors = anchored_texts(target)
    assert len(found) == 5
    by_text = {anchors[cid]: found[cid] for cid in found}
    assert set(by_text) == {p.location.text for p in problems}
    smith = by_text["Smith 2019"]
    assert smith.author == AUTHOR
    assert smith.text == "message for Smith 2019\nSuggested: Smith, 2019\n[error: missing-comma]"
    assert by_text["Raj et al., (2017)"].text.endswith("[warning: narrative-comma]")
    # the text of the document is unchanged by the splitting
    assert [p.text for p in read_document(target).paragraphs] == [p.text for p in document.paragraphs]


def test_comment_text_with_markup_and_control_characters_is_kept_as_written(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    document, _ = report_for(essay, [])
    problem = at(document, 1, "Smith 2019", suggestion="Smith & Lee <2019> \"x\"\x0b'y'")
    _, report = report_for(essay, [problem])
    target = tmp_path / "copy.docx"
    assert annotate_docx(report, essay, target) == 1
    (comment,) = comments(target).values()
    # markup escaped, a vertical tab (which XML cannot hold) dropped, not the comment
    assert comment.text.split("\n")[1] == "Suggested: Smith & Lee <2019> \"x\"'y'"


def test_two_problems_in_one_run_and_overlapping(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    document, _ = report_for(essay, [])
    problems = [at(document, 1, "Professional networks"), at(document, 1, "networks matter"),
                at(document, 1, "matter", occurrence=1)]
    _, report = report_for(essay, problems)
    target = tmp_path / "copy.docx"
    annotate_docx(report, essay, target)
    assert sorted(anchored_texts(target).values()) == ["Professional networks", "matter", "networks matter"]


def test_unplaced_problems_go_on_the_first_paragraph_with_their_place(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    document, _ = report_for(essay, [])
    stale = Diagnostic("x", Severity.ERROR, "stale", Location(1, 0, 5, "not in the essay"))
    whole = Diagnostic("no-reference-list", Severity.ERROR, "No reference list")
    _, report = report_for(essay, [stale, whole])
    target = tmp_path / "copy.docx"
    annotate_docx(report, essay, target)
    texts = sorted(c.text for c in comments(target).values())
    assert texts[0].startswith("About the whole essay: No reference list")
    assert texts[1].startswith("\u201cnot in the essay\u201d: stale")
    anchors = anchored_texts(target)
    assert document.paragraphs[1].text in {v.strip() for v in anchors.values()}


def test_point_problem_anchors_the_word_before(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    document, _ = report_for(essay, [])
    text = document.paragraphs[1].text
    offset = text.index(" (Smith")
    point = Diagnostic("p", Severity.INFO, "comma here", Location(1, offset, offset, ""))
    _, report = report_for(essay, [point])
    annotate_docx(report, essay, tmp_path / "copy.docx")
    assert list(anchored_texts(tmp_path / "copy.docx").values()) == ["matter"]


def test_refuses_to_overwrite_the_essay(tmp_path):
    essay = build_essay(tmp_path / "essay.docx")
    _, report = report_for(essay, [])
    with pytest.raises(InputError):
        annotate_docx(report, essay, essay)


def _read_both_ways(doc, tmp_path):
    """Save ``doc``; read it with the reader; check the annotator walks the same paragraphs."""
    essay = tmp_path / "essay.docx"
    doc.save(essay)
    document = read_document(essay)
    opened = docx.Document(str(essay))
    walked = body_paragraphs(opened.element.body, StyleSheet(opened.styles.element))
    assert [p.text.strip() for p in walked] == [p.text for p in document.paragraphs]
    return essay, document


def test_walker_skips_hidden_text_and_soft_hyphens_like_the_reader(tmp_path):
    doc = docx.Document()
    paragraph = doc.add_paragraph("Pub\u00adlic networks (Smith 2019)")
    paragraph.add_run(" (Hidden, 2018)").font.hidden = True
    paragraph.add_run(" matter.")
    doc.add_paragraph("").add_run("All hidden").font.hidden = True
    doc.add_paragraph("Last")
    essay, document = _read_both_ways(doc, tmp_path)
    assert [p.text for p in document.paragraphs] == ["Public networks (Smith 2019) matter.", "Last"]
    _, report = report_for(essay, [at(document, 0, "Smith 2019"), at(document, 0, "lic net")])
    target = tmp_path / "copy.docx"
    annotate_docx(report, essay, target)
    assert sorted(anchored_texts(target).values()) == ["Smith 2019", "lic net"]
    # splitting a run keeps its soft hyphen where it was
    assert [p.text for p in docx.Document(str(target)).paragraphs][0].startswith("Pub\u00adlic networks")


def test_walker_joins_paragraphs_whose_mark_was_deleted_like_the_reader(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Intro.")
    first = doc.add_paragraph("Later work agreed (Smith ")
    first._p.get_or_add_pPr().append(docx.oxml.parse_xml(  # the paragraph mark, deleted with tracking on
        f'<w:rPr xmlns:w="{W[1:-1]}"><w:del w:id="7" w:author="T" w:date="2026-01-01T00:00:00Z"/></w:rPr>'))
    doc.add_paragraph("2019) too.")
    essay, document = _read_both_ways(doc, tmp_path)
    assert [p.text for p in document.paragraphs] == ["Intro.", "Later work agreed (Smith 2019) too."]
    _, report = report_for(essay, [at(document, 1, "Smith 2019", "missing-comma"), at(document, 1, "too")])
    target = tmp_path / "copy.docx"
    annotate_docx(report, essay, target)
    assert sorted(anchored_texts(target).values()) == ["Smith 2019", "too"]
    assert [p.text for p in read_document(target).paragraphs] == [p.text for p in document.paragraphs]


def test_the_copy_declares_its_comments_and_keeps_every_other_part_as_it_was(tmp_path):
    import zipfile

    essay = build_essay(tmp_path / "essay.docx")
    doc = docx.Document(str(essay))
    doc.add_comment(doc.paragraphs[1].runs[0], text="A tutor's own comment", author="Tutor")
    doc.save(str(essay))
    document, report = report_for(essay, [at(read_document(essay), 1, "Smith 2019")])
    copy = tmp_path / "copy.docx"
    assert annotate_docx(report, essay, copy) == 1
    found = docx.Document(str(copy)).comments
    assert [(c.author, c.comment_id) for c in found] == [("Tutor", 0), (AUTHOR, 1)]  # ids go on after the tutor's
    with zipfile.ZipFile(essay) as before, zipfile.ZipFile(copy) as after:
        changed = {"word/document.xml", "word/comments.xml"}
        assert sorted(before.namelist()) == sorted(after.namelist())
        assert all(before.read(name) == after.read(name) for name in before.namelist() if name not in changed)


def test_a_copy_of_an_essay_without_comments_gets_a_declared_comments_part(tmp_path):
    import zipfile

    essay = build_essay(tmp_path / "essay.docx")
    document, report = report_for(essay, [at(read_document(essay), 1, "Smith 2019")])
    copy = tmp_path / "copy.docx"
    annotate_docx(report, essay, copy)
    with zipfile.ZipFile(copy) as after:
        assert "word/comments.xml" in after.namelist()
        assert b"/word/comments.xml" in after.read("[Content_Types].xml")
        assert b'Target="comments.xml"' in after.read("word/_rels/document.xml.rels")
    assert [c.text for c in docx.Document(str(copy)).comments][0].startswith("message for Smith 2019")
