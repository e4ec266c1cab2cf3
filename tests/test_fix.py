"""essaycheck fix: fixes as Word tracked changes (and fixed text files) that a student accepts or rejects.

Accepted (what essaycheck's reader reads: insertions kept, deletions dropped), the copy checks
clean for every safe rule that fired; rejected (insertions dropped, deletions kept), it is the
original text; no other paragraph changes; the XML keeps the rules Word enforces.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import essaycheck
from essaycheck.cli import main
from essaycheck.fix import SAFE_RULES, fix_docx, fix_text
from essaycheck.read import read_document
from essaycheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
OFFLINE = Settings(resolve=False)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document_xml(path: Path):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def rejected(path: Path, target: Path) -> Path:
    """The copy with every change rejected: insertions dropped, deletions restored."""
    root = _document_xml(path)
    for change in list(root.iter(f"{W}pPrChange")):  # the paragraph's properties as they were
        properties = change.getparent()
        old = change.find(f"{W}pPr")
        kept = [c for c in properties if c.tag in (f"{W}rPr", f"{W}sectPr")]
        for child in list(properties):
            properties.remove(child)
        for child in [*old, *kept]:
            properties.append(child)
    for mark in list(root.iter(f"{W}ins")):  # an inserted paragraph (its mark inserted) goes whole
        if mark.getparent().tag == f"{W}rPr" and mark.getparent().getparent().tag == f"{W}pPr":
            paragraph = mark.getparent().getparent().getparent()
            paragraph.getparent().remove(paragraph)
    for mark in list(root.iter(f"{W}del")):  # a deleted paragraph mark is kept
        if mark.getparent().tag == f"{W}rPr" and mark.getparent().getparent().tag == f"{W}pPr":
            mark.getparent().remove(mark)
    for inserted in list(root.iter(f"{W}ins")):
        inserted.getparent().remove(inserted)
    for deleted in list(root.iter(f"{W}del")):
        for text in deleted.iter(f"{W}delText"):
            text.tag = f"{W}t"
        for child in list(deleted):
            deleted.addprevious(child)
        deleted.getparent().remove(deleted)
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(target, "w") as out:
        for member in original.infolist():
            data = etree.tostring(root) if member.filename == "word/document.xml" else original.read(member)
            out.writestr(member, data)
    return target


def _texts(path: Path) -> list[str]:
    return [p.text for p in read_document(path).paragraphs]


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fix")
    report = essaycheck.check(SAMPLES / "mistakes-essay.docx", OFFLINE)
    target = folder / "mistakes.fixed.docx"
    result = fix_docx(report, SAMPLES / "mistakes-essay.docx", target)
    return report, result, target, folder


def test_accepted_the_fixes_leave_no_safe_finding(mistakes):
    report, result, target, _ = mistakes
    fired = {p.rule for p in report.problems if p.rule in SAFE_RULES and (p.suggestion is not None or p.location is None
                                                                           or p.rule == "reference-order")}
    assert fired and {p.rule for p in result.applied} == fired
    after = essaycheck.check(target, OFFLINE)
    assert not [p.rule for p in after.problems if p.rule in SAFE_RULES]
    # what was not fixed is still there, and nothing new appears
    assert sorted(p.rule for p in after.problems) == sorted(
        p.rule for p in report.problems if p.rule not in {q.rule for q in result.applied})


def test_rejected_the_copy_is_the_original_text(mistakes):
    _, _, target, folder = mistakes
    assert _texts(rejected(target, folder / "rejected.docx")) == _texts(SAMPLES / "mistakes-essay.docx")


def test_a_fix_changes_only_its_own_paragraph(mistakes, tmp_path):
    from dataclasses import replace

    report, _, _, _ = mistakes
    report = replace(report, problems=tuple(p for p in report.problems if p.rule != "reference-order"))
    target = tmp_path / "in-place.docx"  # the list left in its order, so that every paragraph keeps its place
    result = fix_docx(report, SAMPLES / "mistakes-essay.docx", target)
    fixed_paragraphs = {p.location.paragraph for p in result.applied}
    before, after = _texts(SAMPLES / "mistakes-essay.docx"), _texts(target)
    assert len(before) == len(after)
    assert [t for i, t in enumerate(before) if i not in fixed_paragraphs] == \
        [t for i, t in enumerate(after) if i not in fixed_paragraphs]
    assert all(before[i] != after[i] for i in fixed_paragraphs)


def test_the_changes_are_tracked_minimal_and_valid_wordprocessingml(mistakes):
    _, result, target, _ = mistakes
    root = _document_xml(target)
    changes = list(root.iter(f"{W}ins")) + list(root.iter(f"{W}del"))
    assert changes and all(c.get(f"{W}author") == "essaycheck" and c.get(f"{W}date") for c in changes)
    comments = docx.Document(str(target)).comments
    ids = [c.get(f"{W}id") for c in changes] + [str(c.comment_id) for c in comments]
    assert len(ids) == len(set(ids))  # revision and comment ids are unique
    for change in changes:
        for run in change:
            assert run.tag in (f"{W}r", f"{W}hyperlink")
            assert run[0].tag == f"{W}rPr" or run.find(f"{W}rPr") is None  # w:rPr comes first in a run
    for deleted in root.iter(f"{W}del"):
        if deleted.getparent().tag == f"{W}rPr":
            continue  # a deleted paragraph mark
        assert deleted.find(f".//{W}t") is None and deleted.find(f".//{W}delText") is not None
    # minimal: "Raj et al., (2017)" -> "Raj et al. (2017)" deletes the comma alone
    deleted_texts = ["".join(t.text for t in d.iter(f"{W}delText")) for d in root.iter(f"{W}del")]
    assert "," in deleted_texts
    assert len(list(comments)) == len(result.applied)
    assert all("[" in c.text and "]" in c.text for c in comments)  # the finding's words and rule id


def test_a_fix_inside_italics_keeps_the_italics(tmp_path):
    document = docx.Document()
    document.add_paragraph("Networks")
    document.add_paragraph("Themes emerged (Braun & Clarke, 2006).")
    document.add_paragraph("References")
    entry = document.add_paragraph("Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. ")
    entry.add_run("Qualitative research in psychology, 3").italic = True
    entry.add_run("(2), 77–101.")
    document.save(tmp_path / "italic.docx")
    report = essaycheck.check(tmp_path / "italic.docx", OFFLINE)
    assert "periodical-case" in {p.rule for p in report.problems}
    result = fix_docx(report, tmp_path / "italic.docx", tmp_path / "fixed.docx")
    assert [p.rule for p in result.applied] == ["periodical-case"]
    root = _document_xml(tmp_path / "fixed.docx")
    inserted = [i for i in root.iter(f"{W}ins")]
    assert inserted and all(run.find(f"{W}rPr/{W}i") is not None for i in inserted for run in i)
    assert "Qualitative Research in Psychology" in _texts(tmp_path / "fixed.docx")[-1]


def test_a_citation_a_reference_manager_inserted_is_not_edited(tmp_path):
    from managed_docs import Cite, build

    built = build("zotero", [Cite(("okafor2019",), shown="(Okafor 2019)")])
    path = built.save(tmp_path / "zotero.docx")
    report = essaycheck.check(path, OFFLINE)
    commas = [p for p in report.problems if p.rule == "missing-comma"]
    assert commas
    result = fix_docx(report, path, tmp_path / "fixed.docx")
    assert not [p for p in result.applied if p.rule == "missing-comma"]
    assert any("reference manager" in reason for p, reason in result.skipped if p.rule == "missing-comma")
    assert _texts(tmp_path / "fixed.docx") == _texts(path)


def test_the_original_is_never_overwritten(tmp_path):
    source = tmp_path / "essay.docx"
    source.write_bytes((SAMPLES / "mistakes-essay.docx").read_bytes())
    report = essaycheck.check(source, OFFLINE)
    from essaycheck.errors import InputError

    with pytest.raises(InputError, match="must not overwrite"):
        fix_docx(report, source, source)


def test_text_essays_get_a_fixed_copy_and_a_diff(tmp_path, capsys):
    source = tmp_path / "essay.txt"
    source.write_text((SAMPLES / "mistakes-essay.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["fix", str(source), "--no-resolve", "--isolated"]) == 0
    out = capsys.readouterr()
    assert "-Networking does not come naturally to everyone. Raj et al., (2017)" in out.out
    assert "+Networking does not come naturally to everyone. Raj et al. (2017)" in out.out
    assert "12 fixes made in" in out.err and "left for you" in out.err  # eleven in the text, and the order
    fixed = essaycheck.check(tmp_path / "essay.fixed.txt", OFFLINE)
    assert not [p.rule for p in fixed.problems if p.rule in SAFE_RULES]  # the list sorted too
    assert source.read_text(encoding="utf-8") == (SAMPLES / "mistakes-essay.txt").read_text(encoding="utf-8")


def test_dry_run_writes_nothing(tmp_path, capsys):
    source = tmp_path / "essay.docx"
    source.write_bytes((SAMPLES / "mistakes-essay.docx").read_bytes())
    assert main(["fix", str(source), "--no-resolve", "--isolated", "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "+Networking does not come naturally to everyone. Raj et al. (2017)" in out.out
    assert "would be made" in out.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["essay.docx"]


def test_unsafe_fixes_only_when_asked(tmp_path):
    text = (SAMPLES / "mistakes-essay.txt").read_text(encoding="utf-8")
    report = essaycheck.check_text(text, OFFLINE)
    _, safe = fix_text(report, text)
    _, unsafe = fix_text(report, text, unsafe=True)
    assert "author-mismatch" not in {p.rule for p in safe.applied}
    assert "author-mismatch" in {p.rule for p in unsafe.applied}


def test_the_real_documents_open_and_keep_every_paragraph(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "realworld"))
    import realworld_score

    if not realworld_score.available():
        pytest.skip("../shared/realworld is not here")
    for stem in realworld_score.gold_stems():
        name = realworld_score.load_gold(stem)["document"]
        if not name.endswith(".docx"):
            continue
        source = realworld_score.corpus_dir() / "docs" / name
        report = essaycheck.check(source, OFFLINE)
        target = tmp_path / f"{stem}.fixed.docx"
        fix_docx(report, source, target, durable=False)
        try:
            docx.Document(str(source))
        except Exception:  # noqa: BLE001 - one real file has a damaged header python-docx cannot parse
            pass
        else:
            docx.Document(str(target))  # opens as the original does
        before, after = _texts(source), _texts(target)
        assert len(after) == len(before), stem
        assert _texts(rejected(target, tmp_path / f"{stem}.rejected.docx")) == before, stem


def test_the_reference_lists_layout_is_fixed_as_tracked_paragraph_changes(tmp_path):
    source = SAMPLES / "layout-mistakes.docx"
    report = essaycheck.check(source, OFFLINE)
    assert {"layout-hanging-indent", "layout-reference-spacing"} <= {p.rule for p in report.problems}
    target = tmp_path / "fixed.docx"
    result = fix_docx(report, source, target)
    assert {"layout-hanging-indent", "layout-reference-spacing"} <= {p.rule for p in result.applied}
    assert not [p.rule for p in essaycheck.check(target, OFFLINE).problems if p.rule.startswith("layout-")]
    formats = read_document(target).formats
    entries = [formats[ref.location.paragraph] for ref in report.references]
    assert {(f.left, f.hanging, f.line_spacing, f.space_after) for f in entries} == {(0.5, 0.5, 2.0, 0.0)}
    order = ["pStyle", "numPr", "spacing", "ind", "jc", "rPr", "sectPr", "pPrChange"]
    for properties in _document_xml(target).iter(f"{W}pPr"):
        if properties.find(f"{W}pPrChange") is None:
            continue
        names = [c.tag.split("}")[1] for c in properties if c.tag.split("}")[1] in order]
        assert names == sorted(names, key=order.index) and names[-1] == "pPrChange"
    back = read_document(rejected(target, tmp_path / "rejected.docx")).formats
    assert back == read_document(source).formats  # rejected: the layout as it was


def test_the_reference_list_is_put_in_order_by_tracked_moves(mistakes, tmp_path):
    from essaycheck.rules.ordering import reference_sort_key

    report, result, target, _ = mistakes
    assert "reference-order" in {p.rule for p in result.applied}
    after = essaycheck.check(target, OFFLINE)
    keys = [reference_sort_key(ref) for ref in after.references]
    assert keys == sorted(keys) and "reference-order" not in {p.rule for p in after.problems}
    assert sorted(r.text[:25] for r in after.references) == sorted(r.text[:25] for r in report.references)
    root = _document_xml(target)
    inserted_marks = [m for m in root.iter(f"{W}ins") if m.getparent().tag == f"{W}rPr"]
    deleted_marks = [m for m in root.iter(f"{W}del") if m.getparent().tag == f"{W}rPr"]
    assert len(inserted_marks) == len(deleted_marks) == 1  # one entry moved: the fewest that sort the list


def test_a_missing_doi_found_by_the_lookups_is_added_only_with_unsafe(tmp_path):
    """The lookups' missing-doi finding (tested against a stand-in Crossref in test_resolve_doi.py)
    suggests the entry with its DOI link: --unsafe appends the link as a tracked insertion."""
    from dataclasses import replace

    from essaycheck.model import Diagnostic, Severity

    source = SAMPLES / "clean-essay.docx"
    report = essaycheck.check(source, OFFLINE)
    entry = next(r for r in report.references if r.text.startswith("Lave, J."))
    link = "https://doi.org/10.1017/CBO9780511815355"
    finding = Diagnostic("missing-doi", Severity.WARNING, "This book has a DOI: add it.", entry.location,
                         reference=entry.index, suggestion=f"{entry.location.text.rstrip()} {link}")
    report = replace(report, problems=(*report.problems, finding))
    safe = fix_docx(report, source, tmp_path / "safe.docx")
    assert not safe.applied and "--unsafe" in dict((p.rule, r) for p, r in safe.skipped)["missing-doi"]
    unsafe = fix_docx(report, source, tmp_path / "unsafe.docx", unsafe=True)
    assert [p.rule for p in unsafe.applied] == ["missing-doi"]
    texts = _texts(tmp_path / "unsafe.docx")
    assert texts[entry.location.paragraph].endswith(f"Cambridge University Press. {link}")
    inserted = ["".join(t.text for t in i.iter(f"{W}t")) for i in _document_xml(tmp_path / "unsafe.docx").iter(f"{W}ins")]
    assert inserted == [f" {link}"]  # only the link is inserted; the entry is not rewritten


def test_a_text_fix_finds_its_words_on_an_indented_line_with_markup():
    text = ("Essay\n\n   Identity matters in *every* field (Raj et. al., 2017) today.\n\nReferences\n\n"
            "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. *Personality and "
            "Social Psychology Bulletin*, *43*(6), 772–784. https://doi.org/10.1177/0146167217697299\n")
    report = essaycheck.check_text(text, OFFLINE, kind="md")
    fixed, result = fix_text(report, text)
    assert [p.rule for p in result.applied] == ["citation-form"] and not result.skipped
    assert fixed.splitlines()[2] == "   Identity matters in *every* field (Raj et al., 2017) today."
