"""Reading what reference managers store in a .docx, on documents built with their real structures
(tests/managed_docs.py): every citation with its records, wherever it stands, and the links made
through them."""

import dataclasses

import pytest

import managed_docs
from managed_docs import Cite
from essaycheck import Settings
from essaycheck.api import check_document
from essaycheck.managers import read_managed
from essaycheck.names import fold
from essaycheck.read import read_document

MANAGER_NAMES = {"zotero": "Zotero", "mendeley-desktop": "Mendeley", "mendeley-cite": "Mendeley",
                 "endnote": "EndNote", "word": "Word"}
READABLE = tuple(MANAGER_NAMES)


def _read(doc, tmp_path):
    return read_document(doc.save(tmp_path / "essay.docx"))


def _key_fields(item: dict) -> tuple:
    """What must survive the reading exactly: title, first author, year, container, volume, pages, DOI."""
    people = item.get("author") or item.get("editor") or [{}]
    first = people[0].get("family") or people[0].get("literal") or ""
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0])
    page = (item.get("page") or "").replace("–", "-")
    return (item.get("title"), fold(first), year, item.get("container-title"), item.get("volume"), page,
            (item.get("DOI") or "").lower())


def _placements(manager):
    for placement in managed_docs.PLACEMENTS:
        try:
            managed_docs.build(manager, [Cite(("okafor2019",), placement=placement)], bibliography=False)
        except ValueError:
            continue
        yield placement


@pytest.mark.parametrize("manager", READABLE)
def test_every_citation_is_read_with_its_records(manager, tmp_path):
    doc = managed_docs.build(manager)
    managed = read_managed(_read(doc, tmp_path))
    assert len(managed.citations) == len(doc.citations)
    for read, expected in zip(managed.citations, doc.citations):
        assert read.manager == MANAGER_NAMES[manager]
        assert [_key_fields(i) for i in read.items] == [_key_fields(i) for i in expected.items]
        assert " ".join(read.location.text.split()) == " ".join(expected.shown.split())
        assert read.locators[0].replace("p. ", "") == expected.locator.replace("p. ", "")
    assert [b.manager for b in managed.bibliographies] == [MANAGER_NAMES[manager]]


@pytest.mark.parametrize("manager, placement", [(m, p) for m in READABLE for p in _placements(m)])
def test_a_citation_is_read_wherever_it_stands(manager, placement, tmp_path):
    doc = managed_docs.build(manager, [Cite(("okafor2019", "marsh2021"), placement=placement)], bibliography=False)
    [read] = read_managed(_read(doc, tmp_path)).citations
    assert [_key_fields(i) for i in read.items] == [_key_fields(i) for i in doc.citations[0].items]


@pytest.mark.parametrize("manager", ["zotero"])
@pytest.mark.parametrize("run_length", [0, 1, 7, 255])
def test_an_instruction_split_over_many_runs_is_read_whole(manager, run_length, tmp_path):
    doc = managed_docs.build(manager, [Cite(("vanderberg2018",))], bibliography=False, run_length=run_length)
    [read] = read_managed(_read(doc, tmp_path)).citations
    assert _key_fields(read.items[0]) == _key_fields(doc.citations[0].items[0])


@pytest.mark.parametrize("store", ["instruction", "fldData", "fldData+nul"])
def test_endnote_records_are_read_from_the_instruction_or_the_field_data(store, tmp_path):
    doc = managed_docs.build("endnote", [Cite(("okafor2019", "council2022"), store=store)], bibliography=False)
    [read] = read_managed(_read(doc, tmp_path)).citations
    assert [_key_fields(i) for i in read.items] == [_key_fields(i) for i in doc.citations[0].items]
    assert read.items[1]["author"] == [{"literal": "Regional Council for Student Wellbeing"}]


def test_zotero_bookmarks_are_named_as_unreadable(tmp_path):
    managed = read_managed(_read(managed_docs.build("zotero-bookmarks"), tmp_path))
    assert not managed.citations and "bookmarks" in managed.notes[0]


@pytest.mark.parametrize("manager", READABLE)
def test_each_managed_citation_links_to_the_entry_of_its_record(manager, tmp_path):
    doc = managed_docs.build(manager)
    report = check_document(_read(doc, tmp_path), Settings(resolve=False))
    assert report.managed_links.cites
    for citation, (field, item) in report.managed_links.cites.items():
        record = report.managed.citations[field].items[item]
        entry = report.references[report.links[citation].reference]
        assert fold(record["title"])[:30] in fold(entry.text), (record["title"], entry.text)


@pytest.mark.parametrize("manager", READABLE)
def test_a_clean_managed_essay_gets_no_finding_about_its_manager(manager, tmp_path):
    doc = managed_docs.build(manager, [Cite(("okafor2019",)), Cite(("marsh2021", "vanderberg2018"), page="45")])
    report = check_document(_read(doc, tmp_path), Settings(resolve=False))
    assert not [p for p in report.problems if p.rule in (
        "edited-citation", "unlinked-citation", "bibliography-stale", "manual-bibliography-entry",
        "record-incomplete", "citations-unreadable")], report.problems


@pytest.mark.parametrize("manager", ["zotero", "mendeley-desktop", "mendeley-cite", "endnote"])
def test_a_citation_typed_over_with_another_year_is_an_edited_citation(manager, tmp_path):
    doc = managed_docs.build(manager, [Cite(("okafor2019",)), Cite(("marsh2021",), shown="(Marsh, 2019)")])
    report = check_document(_read(doc, tmp_path), Settings(resolve=False))
    [finding] = [p for p in report.problems if p.rule == "edited-citation"]
    assert finding.location.text == "(Marsh, 2019)" and finding.suggestion == "(Marsh, 2021)"


# --- each finding about the manager, on each manager's own structures -------------------------

W = "{%s}" % managed_docs.NS["w"]


def _edited(doc, tmp_path, change):
    """``doc`` saved with ``change(body)`` applied to word/document.xml's body; read back."""
    import io
    import zipfile

    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(doc.data))
    target = tmp_path / "essay.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                root = etree.fromstring(data)
                change(root.find(f"{W}body"))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            out.writestr(member, data)
    return read_document(target)


def _paragraph(text: str):
    from lxml import etree

    p = etree.Element(f"{W}p")
    etree.SubElement(etree.SubElement(p, f"{W}r"), f"{W}t").text = text
    return p


def _paragraph_with(body, text: str):
    """The last w:p of the body (in any content control) whose text contains ``text``."""
    found = [p for p in body.iter(f"{W}p") if text in "".join(t.text or "" for t in p.iter(f"{W}t"))]
    assert found, text
    return found[-1]


def _rules(document) -> list[str]:
    return [p.rule for p in check_document(document, Settings(resolve=False)).problems]


CITED = [Cite(("okafor2019",)), Cite(("marsh2021",)), Cite(("vanderberg2018",))]
MANAGER_RULES = ("edited-citation", "unlinked-citation", "bibliography-stale", "manual-bibliography-entry",
                 "record-incomplete", "citations-unreadable")


@pytest.mark.parametrize("manager", READABLE)
def test_a_citation_typed_by_hand_among_managed_ones_is_an_unlinked_citation(manager, tmp_path):
    def add(body):
        first = _paragraph_with(body, "Okafor & Lindqvist, 2019")
        first.addnext(_paragraph("Laptops did no better (van der Berg et al., 2018)."))

    rules = _rules(_edited(managed_docs.build(manager, CITED), tmp_path, add))
    assert [r for r in rules if r in MANAGER_RULES] == ["unlinked-citation"]


@pytest.mark.parametrize("manager", READABLE)
def test_an_entry_typed_below_the_managed_bibliography_is_a_manual_entry(manager, tmp_path):
    def add(body):  # after the bibliography's field or content control, as the document's last paragraph
        body[-1].addprevious(_paragraph(
            "Delacroix, A., & Brandt, J. (2020). The quiet hour effect on library study time. Library Use "
            "Studies, 3(1), 1–18."))
        _paragraph_with(body, "Okafor & Lindqvist, 2019").addnext(_paragraph("Quiet rooms help (Delacroix & "
                                                                            "Brandt, 2020)."))

    rules = _rules(_edited(managed_docs.build(manager, CITED), tmp_path, add))
    assert [r for r in rules if r in MANAGER_RULES] == ["unlinked-citation", "manual-bibliography-entry"], rules
    assert "missing-reference" not in rules and "uncited-reference" not in rules, rules


@pytest.mark.parametrize("manager", ["zotero", "mendeley-desktop", "mendeley-cite", "endnote"])
def test_an_entry_typed_into_the_managed_bibliography_is_named_in_its_stale_finding(manager, tmp_path):
    def add(body):
        _paragraph_with(body, "Halcyon Academic Press").addnext(_paragraph(
            "Delacroix, A., & Brandt, J. (2020). The quiet hour effect. Library Use Studies, 3(1), 1–18."))

    report = check_document(_edited(managed_docs.build(manager, CITED), tmp_path, add), Settings(resolve=False))
    [stale] = [p for p in report.problems if p.rule == "bibliography-stale"]
    assert "Delacroix" in stale.message and "typed into the bibliography by hand" in stale.message
    assert "uncited-reference" not in [p.rule for p in report.problems]


@pytest.mark.parametrize("manager", READABLE)
def test_a_bibliography_not_refreshed_is_stale_once(manager, tmp_path):
    def drop_marsh(body):  # the entry's text goes; the field's own marks stay where they are
        for t in _paragraph_with(body, "Halcyon Academic Press").iter(f"{W}t"):
            t.text = ""

    rules = _rules(_edited(managed_docs.build(manager, CITED), tmp_path, drop_marsh))
    assert rules.count("bibliography-stale") == 1, rules
    assert "missing-reference" not in rules, rules


@pytest.mark.parametrize("manager", READABLE)
def test_an_article_record_without_its_pages_is_incomplete(manager, tmp_path, monkeypatch):
    work = managed_docs.WORKS["delacroix2020"]
    monkeypatch.setitem(managed_docs.WORKS, "delacroix2020", dataclasses.replace(
        work, page="", entry=work.entry.replace(", 1–18.", ".")))
    doc = managed_docs.build(manager, [Cite(("okafor2019",)), Cite(("delacroix2020",))])
    report = check_document(_read(doc, tmp_path), Settings(resolve=False))
    [finding] = [p for p in report.problems if p.rule in MANAGER_RULES]
    assert finding.rule == "record-incomplete" and "Delacroix" in finding.location.text
    assert "page range" in finding.message and manager.split("-")[0] in finding.message.lower()
