"""``essaycheck export`` and :mod:`essaycheck.managers.export`: CSL-JSON, BibTeX and RIS from the
records reference managers stored in an essay.

The converters are tested on hand-written CSL items, and read back with the libraries (bibtexparser
for BibTeX, rispy for RIS); the command on .docx files that tests/managed_docs.py builds the way each
manager leaves them, and on one built here with a single Zotero field.
"""

import hashlib
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from pylatexenc.latex2text import LatexNodes2Text

import managed_docs
from docx_factory import build_docx, docx_from_xml, field, p
from essaycheck.cli import main
from essaycheck.managers.export import citation_keys, to_bibtex, to_csl_json, to_ris

ARTICLE = {
    "id": "ryan", "type": "article-journal",
    "title": "Self-determination theory and the facilitation of intrinsic motivation",
    "author": [{"family": "Ryan", "given": "Richard M."}, {"family": "Deci", "given": "Edward L."}],
    "container-title": "American Psychologist", "volume": "55", "issue": "1", "page": "68–78",
    "issued": {"date-parts": [[2000, 1]]}, "DOI": "10.1037/0003-066x.55.1.68", "ISSN": "0003-066X",
}
EDITED_BOOK = {
    "id": "handbook", "type": "book", "title": "Handbook of self-determination research",
    "editor": [{"family": "Deci", "given": "Edward L."}, {"family": "Ryan", "given": "Richard M."}],
    "edition": "2", "publisher": "University of Rochester Press", "publisher-place": "Rochester, NY",
    "issued": {"date-parts": [[2004]]}, "ISBN": "978-1-58046-156-6", "collection-title": "Psychology series",
}
CHAPTER = {
    "id": "chapter", "type": "chapter", "title": "Feedback loops in peer tutoring",
    "author": [{"family": "Ibáñez", "given": "José Luis"}],
    "editor": [{"family": "Petrov", "given": "Anya"}, {"family": "Hale", "given": "Simon"}],
    "container-title": "Peer learning in higher education", "page": "45-67",
    "publisher": "Northgate University Press", "publisher-place": "Leeds", "issued": {"date-parts": [[2020]]},
}
GROUP_REPORT = {
    "id": "who", "type": "report", "title": "World report on ageing and health",
    "author": [{"literal": "World Health Organization"}], "publisher": "World Health Organization",
    "publisher-place": "Geneva", "number": "WHO/FWC/ALC/15.01", "genre": "Technical report",
    "issued": {"date-parts": [[2015]]}, "URL": "https://apps.who.int/iris/handle/10665/186463",
}
THESIS = {
    "id": "thesis", "type": "thesis", "title": "Motivation in online learning", "genre": "Doctoral dissertation",
    "author": [{"family": "Lindqvist", "given": "Per"}], "publisher": "Uppsala University",
    "issued": {"date-parts": [[2021]]},
}
MASTERS = {**THESIS, "id": "masters", "genre": "Master's thesis", "issued": {"date-parts": [[2019]]}}
WEB_PAGE = {
    "id": "page", "type": "webpage", "title": "How to plan a revision week",
    "author": [{"family": "Nakamura", "given": "Hiro"}], "container-title": "StudyHub Guides",
    "issued": {"date-parts": [[2023, 9, 14]]}, "accessed": {"date-parts": [[2024, 2, 1]]},
    "URL": "https://studyhub.example.org/guides/revision_week?a=1%20b",
}
NON_ASCII = {
    "id": "lodz", "type": "article-journal", "title": "Łódź, São Paulo and Zürich: “Cities” – a comparison",
    "author": [{"family": "Łukasiewicz", "given": "Zoë"}, {"family": "Øvrebø", "given": "Ægir"},
               {"family": "Merriënboer", "non-dropping-particle": "van", "given": "Jeroen J. G."},
               {"family": "李", "given": "明"}],
    "container-title": "Études urbaines", "issued": {"date-parts": [[2018]]}, "page": "1-20",
}
ALL = [ARTICLE, EDITED_BOOK, CHAPTER, GROUP_REPORT, THESIS, MASTERS, WEB_PAGE, NON_ASCII]


def parse_bibtex(text):
    """Entries read back by bibtexparser, names split, every value decoded from LaTeX with pylatexenc."""
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    decode = LatexNodes2Text().latex_to_text
    entries = {}
    for entry in library.entries:
        fields = {}
        for item in entry.fields:
            if isinstance(item.value, list):  # author, editor: NameParts
                fields[item.key] = [tuple(decode(" ".join(part)) for part in (n.von + n.last, n.first, n.jr))
                                    for n in item.value]
            else:
                fields[item.key] = decode(item.value)
        entries[entry.key] = (entry.entry_type, fields)
    return entries


def bib_entry(item):
    [(kind, fields)] = parse_bibtex(to_bibtex([item])).values()
    return kind, fields


def ris_record(item):
    [record] = rispy.loads(to_ris([item]))
    return record


# --- CSL-JSON -----------------------------------------------------------------------------------


def test_csl_json_is_one_indented_array_of_the_items_in_utf8():
    text = to_csl_json(ALL)
    assert json.loads(text) == ALL
    assert text.startswith("[\n  {\n") and text.endswith("]\n")
    assert "Łukasiewicz" in text and "\\u" not in text


def test_csl_json_of_nothing_is_an_empty_array():
    assert json.loads(to_csl_json([])) == []


# --- BibTeX -------------------------------------------------------------------------------------


def test_bibtex_article_with_doi():
    text = to_bibtex([ARTICLE])
    assert text.startswith("@article{Ryan2000,\n")
    assert "  pages = {68--78},\n" in text and "  month = jan,\n" in text
    kind, fields = bib_entry(ARTICLE)
    assert kind == "article"
    assert fields["author"] == [("Ryan", "Richard M.", ""), ("Deci", "Edward L.", "")]
    assert fields["title"] == ARTICLE["title"] and fields["journal"] == "American Psychologist"
    assert (fields["year"], fields["month"], fields["volume"], fields["number"]) == ("2000", "jan", "55", "1")
    assert fields["pages"] == "68–78"  # "--" is LaTeX's en dash
    assert fields["doi"] == "10.1037/0003-066x.55.1.68" and fields["issn"] == "0003-066X"


def test_bibtex_edited_book_with_edition():
    kind, fields = bib_entry(EDITED_BOOK)
    assert kind == "book" and "author" not in fields
    assert fields["editor"] == [("Deci", "Edward L.", ""), ("Ryan", "Richard M.", "")]
    assert fields["edition"] == "2" and fields["publisher"] == "University of Rochester Press"
    assert fields["address"] == "Rochester, NY" and fields["isbn"] == "978-1-58046-156-6"
    assert fields["series"] == "Psychology series"


def test_bibtex_chapter_has_booktitle_and_editors():
    kind, fields = bib_entry(CHAPTER)
    assert kind == "incollection"
    assert fields["booktitle"] == "Peer learning in higher education" and "journal" not in fields
    assert fields["author"] == [("Ibáñez", "José Luis", "")]
    assert fields["editor"] == [("Petrov", "Anya", ""), ("Hale", "Simon", "")]
    assert fields["pages"] == "45–67"


def test_bibtex_group_author_is_braced_and_keyed_by_initials():
    text = to_bibtex([GROUP_REPORT])
    assert "author = {{World Health Organization}}" in text
    assert text.startswith("@techreport{WHO2015,")
    kind, fields = bib_entry(GROUP_REPORT)
    assert kind == "techreport"
    assert fields["author"] == [("World Health Organization", "", "")]  # one name, not three
    assert fields["institution"] == "World Health Organization" and fields["number"] == "WHO/FWC/ALC/15.01"
    assert fields["type"] == "Technical report" and fields["url"] == GROUP_REPORT["URL"]


def test_bibtex_theses_doctoral_and_masters():
    entries = parse_bibtex(to_bibtex([THESIS, MASTERS]))
    assert entries["Lindqvist2021"][0] == "phdthesis" and entries["Lindqvist2019"][0] == "mastersthesis"
    assert entries["Lindqvist2021"][1]["school"] == "Uppsala University"
    assert entries["Lindqvist2021"][1]["type"] == "Doctoral dissertation"


def test_bibtex_web_page_with_accessed_date():
    text = to_bibtex([WEB_PAGE])
    assert "url = {https://studyhub.example.org/guides/revision_week?a=1%20b}" in text  # verbatim, not escaped
    kind, fields = bib_entry(WEB_PAGE)
    assert kind == "online"
    assert fields["urldate"] == "2024-02-01" and fields["date"] == "2023-09-14" and fields["month"] == "sep"
    assert fields["organization"] == "StudyHub Guides"


def test_bibtex_keeps_non_ascii_names_but_keys_are_ascii():
    text = to_bibtex([NON_ASCII])
    assert text.startswith("@article{Lukasiewicz2018,") and "Łukasiewicz, Zoë" in text
    _, fields = bib_entry(NON_ASCII)
    assert fields["author"] == [("Łukasiewicz", "Zoë", ""), ("Øvrebø", "Ægir", ""),
                                ("van Merriënboer", "Jeroen J. G.", ""), ("李", "明", "")]
    assert fields["title"] == NON_ASCII["title"] and fields["journal"] == "Études urbaines"


@pytest.mark.parametrize("title", [
    "Costs & benefits: 50% of $5 for item #1 in snake_case ~ approx",
    "Ἀρχή and “quotes” — dashes – and 'apostrophes'",
])
def test_bibtex_escapes_latex_specials_and_reads_back_the_same(title):
    text = to_bibtex([{**ARTICLE, "title": title}])
    assert "\\&" in text or "&" not in title
    _, fields = bib_entry({**ARTICLE, "title": title})
    assert fields["title"] == title


def test_bibtex_braces_and_backslashes_cannot_unbalance_an_entry():
    item = {**ARTICLE, "title": "Sets {a, b} and a\\b, x^2 < y > z }"}
    text = to_bibtex([item])
    assert ("title = {Sets \\textbraceleft{}a, b\\textbraceright{} and a\\textbackslash{}b, "
            "x\\textasciicircum{}2 \\textless{} y \\textgreater{} z \\textbraceright{}}") in text
    assert len(parse_bibtex(text)) == 1  # parsed whole: no failed block


def test_bibtex_title_case_and_rich_text():
    title = 'The <i>Drosophila</i> genome of <span class="nocase">iPhone</span> users: DNA in Europe'
    item = {**ARTICLE, "title": title}
    text = to_bibtex([item])
    assert ("title = {The \\textit{{Drosophila}} genome of {iPhone} users: {DNA} in {Europe}}") in text
    assert ris_record(item)["title"] == "The Drosophila genome of iPhone users: DNA in Europe"


def test_bibtex_rich_text_stays_balanced_when_tags_are_not():
    item = {**ARTICLE, "title": "CO<sub>2</sub> &amp; H<sup>+</sup></b> in <i>vitro <b>and vivo"}
    assert "title = {{CO}\\textsubscript{2} \\& {H}\\textsuperscript{+} in \\textit{vitro \\textbf{and vivo}}}" \
        in to_bibtex([item])
    assert ris_record(item)["title"] == "CO2 & H+ in vitro and vivo"


def test_bibtex_names_with_particles_suffixes_and_commas():
    item = {**ARTICLE, "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                                  {"family": "Gogh", "non-dropping-particle": "van", "given": "Vincent"},
                                  {"family": "Sanders", "given": "Anders and Co"},
                                  {"literal": "Smith & Jones, Ltd."}]}
    text = to_bibtex([item])
    assert "author = {King, Jr., Martin Luther and van Gogh, Vincent and Sanders, {Anders and Co} and " \
           "{Smith \\& Jones, Ltd.}}" in text
    _, fields = bib_entry(item)
    assert fields["author"] == [("King", "Martin Luther", "Jr."), ("van Gogh", "Vincent", ""),
                                ("Sanders", "Anders and Co", ""), ("Smith & Jones, Ltd.", "", "")]


def test_bibtex_round_trip_of_every_item():
    entries = parse_bibtex(to_bibtex(ALL))
    assert list(entries) == citation_keys(ALL)
    for item, (kind, fields) in zip(ALL, entries.values()):
        assert fields["title"] == item["title"]
        assert fields["year"] == str(item["issued"]["date-parts"][0][0])
        role = "author" if item.get("author") else "editor"
        assert len(fields[role]) == len(item[role])


def test_citation_keys():
    def item(family, year=None):
        return {"author": [{"family": family}], **({"issued": {"date-parts": [[year]]}} if year else {})}

    items = [item("Müller", 2020), item("Smith", 2020), item("Muller", 2020), item("Smith", 2021),
             item("O'Brien-Ní Fhaoláin"), item("李"), {"title": "Anonymous work"}, {}]
    assert citation_keys(items) == ["Muller2020a", "Smith2020", "Muller2020b", "Smith2021", "OBrienNiFhaolainnd",
                                    "anonnda", "Anonymousnd", "anonndb"]


def test_bibtex_of_nothing_is_empty():
    assert to_bibtex([]) == "" and to_ris([]) == ""


# --- RIS ----------------------------------------------------------------------------------------


def test_ris_article_with_doi():
    text = to_ris([ARTICLE])
    assert text.startswith("TY  - JOUR\n") and "\nER  - \n" in text
    record = ris_record(ARTICLE)
    assert record["authors"] == ["Ryan, Richard M.", "Deci, Edward L."]
    assert record["title"] == ARTICLE["title"] and record["secondary_title"] == "American Psychologist"
    assert (record["year"], record["date"], record["volume"], record["number"]) == ("2000", "2000/01", "55", "1")
    assert (record["start_page"], record["end_page"]) == ("68", "78")
    assert record["doi"] == ARTICLE["DOI"] and record["issn"] == "0003-066X"


def test_ris_edited_book_editors_where_zotero_reads_them():
    record = ris_record(EDITED_BOOK)
    assert record["type_of_reference"] == "BOOK" and "authors" not in record
    assert record["tertiary_authors"] == ["Deci, Edward L.", "Ryan, Richard M."]  # A3: a book's editors
    assert record["secondary_title"] == "Psychology series"  # T2: a book's series
    assert (record["edition"], record["publisher"], record["place_published"]) == (
        "2", "University of Rochester Press", "Rochester, NY")
    assert record["issn"] == "978-1-58046-156-6"  # SN holds the ISBN


def test_ris_chapter():
    record = ris_record(CHAPTER)
    assert record["type_of_reference"] == "CHAP"
    assert record["authors"] == ["Ibáñez, José Luis"]
    assert record["secondary_authors"] == ["Petrov, Anya", "Hale, Simon"]  # A2: a chapter's editors
    assert record["secondary_title"] == "Peer learning in higher education"
    assert (record["start_page"], record["end_page"]) == ("45", "67")


def test_ris_group_author_report():
    record = ris_record(GROUP_REPORT)
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["World Health Organization"]
    assert record["issn"] == "WHO/FWC/ALC/15.01" and record["type_of_work"] == "Technical report"
    assert record["urls"] == [GROUP_REPORT["URL"]]


def test_ris_thesis_and_web_page():
    thesis, page = rispy.loads(to_ris([THESIS, WEB_PAGE]))
    assert thesis["type_of_reference"] == "THES" and thesis["type_of_work"] == "Doctoral dissertation"
    assert thesis["publisher"] == "Uppsala University"
    assert page["type_of_reference"] == "ELEC" and page["secondary_title"] == "StudyHub Guides"
    assert page["date"] == "2023/09/14" and page["access_date"] == "2024/02/01" and page["urls"] == [WEB_PAGE["URL"]]


def test_ris_non_ascii_names_and_particles():
    record = ris_record(NON_ASCII)
    assert record["authors"] == ["Łukasiewicz, Zoë", "Øvrebø, Ægir", "van Merriënboer, Jeroen J. G.", "李, 明"]
    assert record["title"] == NON_ASCII["title"]


def test_ris_round_trip_of_every_item():
    records = rispy.loads(to_ris(ALL))
    assert [r["type_of_reference"] for r in records] == ["JOUR", "BOOK", "CHAP", "RPRT", "THES", "THES", "ELEC", "JOUR"]
    assert [r["title"] for r in records] == [item["title"] for item in ALL]


# --- the command --------------------------------------------------------------------------------


def export(argv, capsys):
    code = main(["export", *argv])
    return code, capsys.readouterr()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_zotero_field(path, item):
    """A .docx with one paragraph holding one Zotero citation of ``item``."""
    citation = {"citationID": "a1", "properties": {"plainCitation": "(Łukasiewicz et al., 2018)"},
                "citationItems": [{"id": 7, "itemData": {**item, "id": 7}}],
                "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}
    return docx_from_xml(path, p("Cities differ ", field(" ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(citation)
                                                         + " ", "(Łukasiewicz et al., 2018)"), "."))


@pytest.mark.parametrize("manager", ["zotero", "mendeley-desktop", "mendeley-cite", "endnote", "word"])
def test_export_csl_json_from_each_manager(manager, tmp_path, capsys):
    doc = managed_docs.build(manager)
    essay = doc.save(tmp_path / "essay.docx")
    code, out = export([str(essay), "--to", "csl-json"], capsys)
    assert code == 0 and out.err == ""
    items = json.loads(out.out)
    assert sorted(i["title"] for i in items) == sorted(r["title"] for r in doc.records.values())
    assert len({i["id"] for i in items}) == len(items)


@pytest.mark.parametrize("to", ["bibtex", "ris"])
def test_export_bibtex_and_ris_to_standard_output(to, tmp_path, capsys):
    doc = managed_docs.build("zotero")
    code, out = export([str(doc.save(tmp_path / "essay.docx")), "--to", to], capsys)
    assert code == 0
    count = len(parse_bibtex(out.out)) if to == "bibtex" else len(rispy.loads(out.out))
    assert count == len(doc.records)


def test_export_one_zotero_field_built_here(tmp_path, capsys):
    essay = one_zotero_field(tmp_path / "essay.docx", NON_ASCII)
    code, out = export([str(essay), "--to", "bibtex"], capsys)
    assert code == 0
    [(kind, fields)] = parse_bibtex(out.out).values()
    assert kind == "article" and fields["author"][0] == ("Łukasiewicz", "Zoë", "")
    assert out.out.startswith("@article{Lukasiewicz2018,")


def test_export_to_a_file_leaves_the_essay_untouched(tmp_path, capsys):
    essay = managed_docs.build("zotero").save(tmp_path / "essay.docx")
    before = digest(essay)
    target = tmp_path / "library.ris"
    code, out = export([str(essay), "--to", "ris", "-o", str(target)], capsys)
    assert code == 0 and out.out == ""
    assert out.err == f"essaycheck export: 7 works from Zotero written to {target}\n"
    assert len(rispy.loads(target.read_text(encoding="utf-8"))) == 7
    assert digest(essay) == before
    assert sorted(f.name for f in tmp_path.iterdir()) == ["essay.docx", "library.ris"]  # no temporary left


def test_export_never_writes_over_the_essay(tmp_path, capsys):
    essay = managed_docs.build("zotero").save(tmp_path / "essay.docx")
    before = digest(essay)
    code, out = export([str(essay), "--to", "csl-json", "-o", str(tmp_path / "." / "essay.docx")], capsys)
    assert code == 2 and "must not overwrite the essay" in out.err and out.out == ""
    assert digest(essay) == before


def test_an_output_that_cannot_be_written_exits_2(tmp_path, capsys):
    essay = managed_docs.build("zotero").save(tmp_path / "essay.docx")
    (tmp_path / "folder").mkdir()
    code, out = export([str(essay), "--to", "ris", "-o", str(tmp_path / "folder")], capsys)
    assert code == 2 and out.err.startswith(f"essaycheck export: cannot write {tmp_path / 'folder'}: ")
    assert out.err.count("\n") == 1 and sorted(f.name for f in tmp_path.iterdir()) == ["essay.docx", "folder"]


def test_exported_csl_json_is_what_format_reads(tmp_path, capsys):
    essay = managed_docs.build("mendeley-desktop").save(tmp_path / "essay.docx")
    assert export([str(essay), "--to", "csl-json", "-o", str(tmp_path / "refs.json")], capsys)[0] == 0
    code = main(["format", str(tmp_path / "refs.json"), "--no-resolve", "--isolated"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Marsh, E. (2021). Reading in the margins: Notes on study practice. Halcyon Academic Press." in out


def test_zotero_bookmarks_give_exit_1_and_the_note(tmp_path, capsys):
    essay = managed_docs.build("zotero-bookmarks").save(tmp_path / "essay.docx")
    code, out = export([str(essay), "--to", "ris"], capsys)
    assert code == 1 and out.out == ""
    assert out.err.count("\n") == 1 and "stores this document's citations as bookmarks" in out.err


def test_citations_typed_by_hand_give_exit_1(tmp_path, capsys):
    essay = build_docx(tmp_path / "essay.docx", ["Sleep matters (Okafor, 2019)."],
                       ["Okafor, C. A. (2019). Sleep timing. *Journal of Learning Habits*, *14*(2), 115–131."])
    code, out = export([str(essay), "--to", "bibtex"], capsys)
    assert code == 1 and out.out == ""
    assert out.err.count("\n") == 1 and "typed by hand" in out.err


def test_a_manager_field_without_records_gives_exit_1(tmp_path, capsys):
    essay = docx_from_xml(tmp_path / "essay.docx", p(field(managed_docs.ZOTERO_BIBL, "Okafor, C. A. (2019).")))
    code, out = export([str(essay), "--to", "bibtex"], capsys)
    assert code == 1 and "Zotero left citations or a bibliography" in out.err and out.err.count("\n") == 1


def test_a_text_essay_gives_exit_1(tmp_path, capsys):
    essay = tmp_path / "essay.txt"
    essay.write_text("Sleep matters (Okafor, 2019).\n\nReferences\n\nOkafor, C. A. (2019). Sleep. Journal.\n")
    code, out = export([str(essay), "--to", "csl-json"], capsys)
    assert code == 1 and out.out == ""
    assert out.err == (f"essaycheck export: {essay} has no reference-manager records: only a Word (.docx) essay "
                       "can hold them, and this is a .txt file\n")


def test_a_missing_essay_gives_exit_2(tmp_path, capsys):
    code, out = export([str(tmp_path / "gone.docx"), "--to", "ris"], capsys)
    assert code == 2 and out.out == "" and out.err.count("\n") == 1 and "gone.docx" in out.err


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(tmp_path / "essay.docx")])  # --to is required
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(tmp_path / "essay.docx"), "--to", "endnote-xml"])
    assert exit_info.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_help_says_what_it_does_and_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--help"])
    help_text = capsys.readouterr().out
    assert exit_info.value.code == 0
    for words in ("Zotero, Mendeley, EndNote", "--to {csl-json,bibtex,ris}", "-o FILE", "Exit status: 0",
                  "typed by hand", "never changed"):
        assert words in help_text
