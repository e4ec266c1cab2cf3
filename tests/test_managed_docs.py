"""tests/managed_docs.py writes .docx files as reference managers leave them; these tests check the
builder: every file opens, reads as it claims, and holds the structures it claims (checked with lxml)."""

import base64
import io
import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import docx
import pytest
from lxml import etree

import managed_docs
from essaycheck.read import read_document
from managed_docs import MANAGERS, NS, PLACEMENTS, WORKS, Cite, build

ROOT = Path(__file__).resolve().parent.parent
FIELD_MANAGERS = ("zotero", "mendeley-desktop", "endnote", "word")
PLACEABLE = ([(manager, placement) for manager in FIELD_MANAGERS for placement in PLACEMENTS]
             + [("zotero-bookmarks", "hyperlink"), ("mendeley-cite", "hyperlink"), ("mendeley-cite", "footnote")])


def q(name):
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def part(doc, name):
    with zipfile.ZipFile(io.BytesIO(doc.data)) as package:
        return etree.fromstring(package.read(name))


def has_part(doc, name):
    with zipfile.ZipFile(io.BytesIO(doc.data)) as package:
        return name in package.namelist()


def relationships(doc, source):
    """{rId: (type, target part name)} of the part ``source`` ('' for the package)."""
    folder = PurePosixPath(source).parent if source else PurePosixPath("")
    rels = folder / "_rels" / f"{PurePosixPath(source).name}.rels"
    found = {}
    for rel in part(doc, str(rels)):
        target = rel.get("Target")
        if rel.get("TargetMode") != "External":
            target = str(PurePosixPath(*_normal(folder / target)))
        found[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
    return found


def _normal(path):
    parts = []
    for piece in path.parts:
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return parts


def fields(root):
    """Every complex field in document order: instruction, instrText run count, fldData, result
    text, the begin w:fldChar and the instruction of the field it sits in (or None)."""
    done, stack = [], []
    for element in root.iter(q("w:fldChar"), q("w:instrText"), q("w:t")):
        if element.tag == q("w:fldChar"):
            kind = element.get(q("w:fldCharType"))
            if kind == "begin":
                data = element.find(q("w:fldData"))
                outer = "".join(stack[-1]["instruction"]) if stack else None
                stack.append({"instruction": [], "runs": 0, "result": [], "separated": False, "begin": element,
                              "data": data.text if data is not None else None, "outer": outer})
            elif kind == "separate":
                stack[-1]["separated"] = True
            else:
                field = stack.pop()
                field["instruction"] = "".join(field["instruction"])
                field["result"] = "".join(field["result"])
                done.append(field)
                if stack and stack[-1]["separated"]:
                    stack[-1]["result"].append(field["result"])
        elif element.tag == q("w:instrText") and stack and not stack[-1]["separated"]:
            stack[-1]["instruction"].append(element.text or "")
            stack[-1]["runs"] += 1
        elif element.tag == q("w:t") and stack and stack[-1]["separated"]:
            stack[-1]["result"].append(element.text or "")
    assert not stack, "every field ends"
    return done


def citation_fields(root, marker):
    return [field for field in fields(root) if marker in field["instruction"]]


def texts(element):
    return "".join(t.text or "" for t in element.iter(q("w:t")))


def csl_json(instruction):
    return json.loads(instruction[instruction.index("{"):instruction.rindex("}") + 1])


def properties(doc):
    return {prop.get("name"): prop[0].text for prop in part(doc, "docProps/custom.xml")}


@pytest.fixture(scope="module")
def docs():
    return {manager: build(manager) for manager in MANAGERS}


# --- every document --------------------------------------------------------------------


@pytest.mark.parametrize("manager", MANAGERS)
def test_each_document_opens_and_reads_as_its_visible_paragraphs(docs, manager, tmp_path):
    doc = docs[manager]
    assert docx.Document(io.BytesIO(doc.data)).paragraphs  # python-docx opens it
    document = read_document(doc.save(tmp_path / f"{manager}.docx"))
    assert tuple(paragraph.text for paragraph in document.paragraphs) == doc.visible
    assert doc.bibliography and set(doc.bibliography) <= set(doc.visible)
    assert list(doc.records) == list(dict.fromkeys(key for cite in doc.citations for key in cite.works))


@pytest.mark.parametrize("manager", MANAGERS)
def test_a_rebuild_gives_the_same_bytes(docs, manager):
    assert build(manager).data == docs[manager].data


@pytest.mark.parametrize("manager", MANAGERS)
def test_default_citations_include_an_edited_one(docs, manager):
    edited = [cite for cite in docs[manager].citations if cite.edited]
    assert edited and all(cite.shown in docs[manager].visible[1 + docs[manager].citations.index(cite)]
                          for cite in edited)
    assert any(len(cite.works) == 2 for cite in docs[manager].citations)
    assert any(cite.locator == "45" for cite in docs[manager].citations)


def test_records_of_the_csl_json_managers_are_what_the_fields_embed(docs):
    for manager in ("zotero", "mendeley-desktop"):
        doc = docs[manager]
        marker = "ZOTERO_ITEM" if manager == "zotero" else "CSL_CITATION"
        for field, cite in zip(citation_fields(part(doc, "word/document.xml"), marker), doc.citations):
            embedded = [item["itemData"] for item in csl_json(field["instruction"])["citationItems"]]
            assert embedded == list(cite.items)
            for key, item in zip(cite.works, embedded):
                assert doc.records[key]["title"] == item["title"] == WORKS[key].title


# --- Zotero ------------------------------------------------------------------------------


def test_zotero_instructions_are_split_over_runs_of_255_characters(docs):
    doc = docs["zotero"]
    found = citation_fields(part(doc, "word/document.xml"), "ZOTERO_ITEM")
    assert [field["instruction"] for field in found] == [cite.instruction for cite in doc.citations]
    for field in found:
        assert field["runs"] == math.ceil(len(field["instruction"]) / 255) > 1
    runs = [text.text for text in part(doc, "word/document.xml").iter(q("w:instrText"))
            if "ZOTERO_BIBL" not in text.text]
    assert max(map(len, runs)) == 255


@pytest.mark.parametrize("run_length, runs", [(0, lambda n: 1), (100, lambda n: math.ceil(n / 100))])
def test_zotero_run_length_can_be_chosen(run_length, runs):
    doc = build("zotero", [Cite(("okafor2019",))], run_length=run_length)
    (field,) = citation_fields(part(doc, "word/document.xml"), "ZOTERO_ITEM")
    assert field["runs"] == runs(len(field["instruction"]))


def test_zotero_citation_json_has_the_shape_zotero_writes(docs):
    doc = docs["zotero"]
    for cite in doc.citations:
        assert cite.instruction.startswith(" ADDIN ZOTERO_ITEM CSL_CITATION {") and cite.instruction.endswith("} ")
        code = csl_json(cite.instruction)
        assert list(code) == ["citationID", "properties", "citationItems", "schema"]
        assert code["properties"]["plainCitation"] == code["properties"]["formattedCitation"] == cite.recorded
        assert code["properties"].get("dontUpdate", False) == cite.override
        assert code["properties"]["noteIndex"] == 0
        for item in code["citationItems"]:
            assert item["uris"][0].startswith("http://zotero.org/users/") and item["id"] == item["itemData"]["id"]
            assert isinstance(item["itemData"]["issued"]["date-parts"][0][0], str)  # Zotero's year is a string
        if cite.locator:
            assert code["citationItems"][0]["locator"] == cite.locator and code["citationItems"][0]["label"] == "page"
    edited = [cite for cite in doc.citations if cite.edited]
    assert {cite.override for cite in edited} == {True, False}
    assert all(cite.shown != cite.recorded for cite in edited)


def test_zotero_bibliography_result_is_one_paragraph_per_entry(docs):
    doc = docs["zotero"]
    body = part(doc, "word/document.xml").find(q("w:body"))
    paragraphs = list(body.iter(q("w:p")))
    opening = next(i for i, p in enumerate(paragraphs)
                   if "ZOTERO_BIBL" in "".join(t.text for t in p.iter(q("w:instrText"))))
    closing = next(i for i, p in enumerate(paragraphs) if i > opening
                   and any(c.get(q("w:fldCharType")) == "end" for c in p.iter(q("w:fldChar"))))
    (bibl,) = citation_fields(body, "ZOTERO_BIBL")
    assert bibl["instruction"] == ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY '
    assert [texts(p) for p in paragraphs[opening:closing]] == list(doc.bibliography)
    assert texts(paragraphs[closing]) == ""  # the end marker stands in a paragraph of its own
    assert all(p.find(f"{q('w:pPr')}/{q('w:pStyle')}").get(q("w:val")) == "Bibliography"
               for p in paragraphs[opening:closing])


def test_zotero_document_preferences_are_in_255_character_properties(docs):
    props = properties(docs["zotero"])
    prefs = "".join(props[f"ZOTERO_PREF_{n}"] for n in range(1, 10) if f"ZOTERO_PREF_{n}" in props)
    assert len(props["ZOTERO_PREF_1"]) == 255 and '<pref name="fieldType" value="Field"/>' in prefs
    assert etree.fromstring(prefs).tag == "data"


def test_zotero_bookmarks_hold_no_fields_and_their_codes_are_in_properties(docs):
    doc = docs["zotero-bookmarks"]
    root = part(doc, "word/document.xml")
    assert not list(root.iter(q("w:fldChar"))) and not list(root.iter(q("w:instrText")))
    starts = [b for b in root.iter(q("w:bookmarkStart")) if b.get(q("w:name")).startswith("ZOTERO_BREF_")]
    assert len(starts) == len(doc.citations) + 1  # and the bibliography
    props = properties(doc)
    for start, cite in zip(starts, doc.citations):
        name = start.get(q("w:name"))
        pieces = [props[f"{name}_{n}"] for n in range(1, 50) if f"{name}_{n}" in props]
        assert all(len(piece) <= 255 for piece in pieces) and len(pieces) > 1
        assert "".join(pieces) == cite.instruction
        assert cite.instruction.startswith("ZOTERO_ITEM CSL_CITATION {")
        assert [item["itemData"] for item in csl_json(cite.instruction)["citationItems"]] == list(cite.items)
        end = next(e for e in root.iter(q("w:bookmarkEnd")) if e.get(q("w:id")) == start.get(q("w:id")))
        between = start.itersiblings()
        shown = "".join(texts(run) for run in iter(lambda: next(between), end))
        assert shown == cite.shown
    bibliography = starts[-1].get(q("w:name"))
    assert props[f"{bibliography}_1"].startswith("ZOTERO_BIBL {")
    assert 'value="Bookmark"' in "".join(v for k, v in props.items() if k.startswith("ZOTERO_PREF_"))


# --- Mendeley ----------------------------------------------------------------------------


def test_mendeley_desktop_fields_are_locked_and_hold_sorted_csl_json(docs):
    doc = docs["mendeley-desktop"]
    root = part(doc, "word/document.xml")
    found = citation_fields(root, "ADDIN CSL_CITATION")
    assert [field["instruction"] for field in found] == [cite.instruction for cite in doc.citations]
    for field, cite in zip(found, doc.citations):
        assert field["begin"].get(q("w:fldLock")) == "1"
        assert field["instruction"].startswith("ADDIN CSL_CITATION {")  # no leading space, as Mendeley writes
        code = csl_json(field["instruction"])
        assert list(code) == ["citationItems", "mendeley", "properties", "schema"]
        assert code["mendeley"]["plainTextFormattedCitation"] == cite.recorded
        assert code["mendeley"].get("manualFormatting") == (cite.shown if cite.override else None)
        for number, item in enumerate(code["citationItems"], start=1):
            assert item["id"] == item["itemData"]["id"] == f"ITEM-{number}"
            assert list(item["itemData"]) == sorted(item["itemData"])
            assert item["uris"][0].startswith("http://www.mendeley.com/documents/?uuid=")
        assert field["result"] == cite.shown
    (bibliography,) = citation_fields(root, "Mendeley Bibliography")
    assert bibliography["instruction"] == "ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY "
    assert properties(doc)["Mendeley Recent Style Id 0_1"] == "http://www.zotero.org/styles/apa"


def test_mendeley_desktop_gives_characters_outside_ascii_runs_of_their_own(docs):
    root = part(docs["mendeley-desktop"], "word/document.xml")
    own = [text for text in root.iter(q("w:instrText")) if text.text and ord(text.text[0]) > 0x7F]
    assert {text.text for text in own} >= {"á", "ñ", "é"}
    assert all(len(text.text) == 1 and text.getparent().find(f"{q('w:rPr')}/{q('w:rFonts')}") is not None
               for text in own)


def test_mendeley_cite_content_controls_carry_base64_json_in_their_tags(docs):
    doc = docs["mendeley-cite"]
    root = part(doc, "word/document.xml")
    assert not list(root.iter(q("w:fldChar")))
    controls = [sdt for sdt in root.iter(q("w:sdt"))
                if sdt.find(f"{q('w:sdtPr')}/{q('w:tag')}").get(q("w:val")).startswith("MENDELEY_CITATION_v3_")]
    assert len(controls) == len(doc.citations)
    for control, cite in zip(controls, doc.citations):
        tag = control.find(f"{q('w:sdtPr')}/{q('w:tag')}").get(q("w:val"))
        assert tag == cite.instruction
        payload = json.loads(base64.b64decode(tag.removeprefix("MENDELEY_CITATION_v3_")))
        assert payload["citationID"].startswith("MENDELEY_CITATION_")
        assert [item["itemData"] for item in payload["citationItems"]] == list(cite.items)
        assert payload["manualOverride"]["citeprocText"] == cite.recorded
        assert payload["manualOverride"]["isManuallyOverridden"] == cite.override
        assert texts(control.find(q("w:sdtContent"))) == cite.shown
    (bibliography,) = [sdt for sdt in root.iter(q("w:sdt"))
                       if sdt.find(f"{q('w:sdtPr')}/{q('w:tag')}").get(q("w:val")) == "MENDELEY_BIBLIOGRAPHY"]
    entries = bibliography.find(q("w:sdtContent")).findall(q("w:p"))
    assert [texts(p) for p in entries] == list(doc.bibliography)


def test_mendeley_cite_repeats_its_citations_in_a_web_extension(docs):
    doc = docs["mendeley-cite"]
    ((_, panes),) = [v for v in relationships(doc, "").values() if v[0] == "webextensiontaskpanes"]
    ((_, extension),) = relationships(doc, panes).values()
    (prop,) = part(doc, extension).iter(q("we:property"))
    assert prop.get("name") == "MENDELEY_CITATIONS"
    stored = json.loads(prop.get("value"))
    assert [citation["citationTag"] for citation in stored] == [cite.instruction for cite in doc.citations]


# --- EndNote -----------------------------------------------------------------------------


def endnote_xml(cite):
    if cite.data:
        return etree.fromstring(base64.b64decode(cite.data).rstrip(b"\x00"))
    return etree.fromstring(cite.instruction.removeprefix(" ADDIN EN.CITE ").encode())


def test_endnote_writes_its_xml_escaped_into_the_instruction(docs):
    doc = docs["endnote"]
    with zipfile.ZipFile(io.BytesIO(doc.data)) as package:
        raw = package.read("word/document.xml").decode()
    assert "ADDIN EN.CITE &lt;EndNote&gt;&lt;Cite&gt;&lt;Author&gt;" in raw
    assert "&lt;DisplayText&gt;(Okafor &amp;amp; Lindqvist, 2019)&lt;/DisplayText&gt;" in raw  # & is escaped twice
    inline = [cite for cite in doc.citations if not cite.data]
    found = [field for field in citation_fields(part(doc, "word/document.xml"), "ADDIN EN.CITE <EndNote>")]
    assert [field["instruction"] for field in found] == [cite.instruction for cite in inline]
    for field, cite in zip(found, inline):
        assert field["runs"] == 1 and field["result"] == cite.shown


def test_endnote_xml_names_each_record_and_the_display_text_once(docs):
    doc = docs["endnote"]
    for cite in doc.citations:
        xml = endnote_xml(cite)
        cites = xml.findall("Cite")
        assert [c.findtext("RecNum") for c in cites] == [str(WORKS[key].recnum) for key in cite.works]
        assert [c.findtext("record/rec-number") for c in cites] == [c.findtext("RecNum") for c in cites]
        assert cites[0].findtext("DisplayText") == cite.recorded
        assert all(c.find("DisplayText") is None for c in cites[1:])
        assert cites[0].findtext("Pages") == (cite.locator or None)
        for record, item in zip((c.find("record") for c in cites), cite.items):
            assert record.findtext("titles/title") == item["title"]
            assert record.findtext("dates/year") == str(item["issued"]["date-parts"][0][0])
            assert record.findtext("electronic-resource-num") == item.get("DOI")
            authors = [a.text for a in record.iterfind("contributors/authors/author")]
            assert authors == [f"{n['literal']}," if "literal" in n else f"{n['family']}, {n['given']}"
                               for n in item["author"]]


def test_endnote_cite_data_is_base64_in_two_nested_fields(docs):
    doc = docs["endnote"]
    stored = [cite for cite in doc.citations if cite.data]
    assert len(stored) == 2
    all_fields = fields(part(doc, "word/document.xml"))
    inner = [field for field in all_fields if field["instruction"] == " ADDIN EN.CITE.DATA "]
    outer = [field for field in all_fields if field["instruction"] == " ADDIN EN.CITE "]
    assert len(inner) == len(outer) == 2
    for data_field, cite_field, cite in zip(inner, outer, stored):
        assert data_field["outer"] == " ADDIN EN.CITE " and data_field["result"] == ""
        assert data_field["data"] == cite_field["data"] == cite.data
        lines = cite.data.split("\n")
        assert lines[-1] == "" and all(0 < len(line) <= 76 for line in lines[:-1])
        assert cite_field["result"] == cite.shown
    assert base64.b64decode(stored[1].data).endswith(b"</EndNote>\x00")  # the trailing NUL some files have
    assert base64.b64decode(stored[0].data).endswith(b"</EndNote>")


def test_endnote_reflist_and_the_citation_links_into_it(docs):
    doc = docs["endnote"]
    root = part(doc, "word/document.xml")
    (reflist,) = citation_fields(root, "EN.REFLIST")
    assert reflist["instruction"] == " ADDIN EN.REFLIST "
    paragraphs = [p for p in root.iter(q("w:p")) if p.find(f"{q('w:pPr')}/{q('w:pStyle')}") is not None
                  and p.find(f"{q('w:pPr')}/{q('w:pStyle')}").get(q("w:val")) == "EndNoteBibliography"]
    assert [texts(p) for p in paragraphs] == list(doc.bibliography)
    assert paragraphs[-1].findall(f"{q('w:r')}/{q('w:fldChar')}")[-1].get(q("w:fldCharType")) == "end"
    anchors = {b.get(q("w:name")) for b in root.iter(q("w:bookmarkStart"))}
    links = [h for h in root.iter(q("w:hyperlink")) if h.get(q("w:anchor"))]
    assert links and all(h.get(q("w:anchor")) in anchors and "#" in h.get(q("w:tooltip")) for h in links)


# --- Word --------------------------------------------------------------------------------


def test_word_citations_are_citation_fields_in_content_controls(docs):
    doc = docs["word"]
    root = part(doc, "word/document.xml")
    controls = [sdt for sdt in root.iter(q("w:sdt")) if sdt.find(f"{q('w:sdtPr')}/{q('w:citation')}") is not None]
    assert len(controls) == len(doc.citations)
    for control, cite in zip(controls, doc.citations):
        (field,) = fields(control)
        assert field["instruction"] == cite.instruction and field["result"] == cite.shown
        assert cite.recorded == ""
    instructions = [cite.instruction for cite in doc.citations]
    assert " CITATION Oka19 \\l 1033 " in instructions
    assert " CITATION Mar21 \\p 45 \\l 1033 " in instructions
    assert " CITATION Mar21 \\l 1033  \\m Oka19" in instructions


def test_word_bibliography_is_a_field_in_the_gallery_content_control(docs):
    doc = docs["word"]
    root = part(doc, "word/document.xml")
    (gallery,) = [sdt for sdt in root.iter(q("w:sdt"))
                  if sdt.find(f".//{q('w:docPartGallery')}") is not None]
    assert gallery.find(f".//{q('w:docPartGallery')}").get(q("w:val")) == "Bibliographies"
    (inner,) = [sdt for sdt in gallery.iter(q("w:sdt"))
                if sdt.find(f"{q('w:sdtPr')}/{q('w:bibliography')}") is not None]
    (field,) = fields(inner)
    assert field["instruction"] == " BIBLIOGRAPHY "
    assert [texts(p) for p in inner.find(q("w:sdtContent")) if texts(p)] == list(doc.bibliography)


def test_word_sources_are_a_custom_xml_part_of_the_main_document(docs):
    doc = docs["word"]
    items = [target for kind, target in relationships(doc, "word/document.xml").values() if kind == "customXml"]
    assert len(items) == 2  # the sources and an unrelated item
    (sources_part,) = [name for name in items if part(doc, name).tag == q("b:Sources")]
    ((kind, props),) = relationships(doc, sources_part).values()
    assert kind == "customXmlProps"
    assert part(doc, props).find(f".//{q('ds:schemaRef')}").get(q("ds:uri")) == NS["b"]
    sources = part(doc, sources_part)
    assert sources.get("StyleName") == "APA" and sources.get("SelectedStyle")
    by_tag = {source.findtext(q("b:Tag")): source for source in sources}
    assert set(by_tag) == {record["id"] for record in doc.records.values()}
    assert {source.findtext(q("b:SourceType")) for source in sources} == {
        "JournalArticle", "Book", "BookSection", "InternetSite", "Report"}
    for record in doc.records.values():
        source = by_tag[record["id"]]
        assert source.findtext(q("b:Title")) == record["title"]
        assert source.findtext(q("b:Year")) == str(record["issued"]["date-parts"][0][0])
        people = source.findall(f"{q('b:Author')}/{q('b:Author')}/{q('b:NameList')}/{q('b:Person')}")
        corporate = source.findtext(f"{q('b:Author')}/{q('b:Author')}/{q('b:Corporate')}")
        if corporate:
            assert record["author"] == [{"literal": corporate}]
        else:
            assert [{"family": p.findtext(q("b:Last")),
                     "given": " ".join(filter(None, (p.findtext(q("b:First")), p.findtext(q("b:Middle")))))}
                    for p in people] == record["author"]
    assert by_tag["Oka19"].findtext(f".//{q('b:Person')}/{q('b:Middle')}") == "A."
    assert by_tag["Iba20"].find(f"{q('b:Author')}/{q('b:Editor')}/{q('b:NameList')}") is not None


# --- awkward placements ------------------------------------------------------------------


@pytest.mark.parametrize("manager, placement", PLACEABLE)
def test_each_placement_reads_as_visible_and_holds_its_structure(manager, placement, tmp_path):
    doc = build(manager, [Cite(("okafor2019",), placement=placement), Cite(("marsh2021",))])
    document = read_document(doc.save(tmp_path / "placed.docx"))
    assert tuple(paragraph.text for paragraph in document.paragraphs) == doc.visible
    cite = doc.citations[0]
    body = part(doc, "word/document.xml")
    where = part(doc, "word/footnotes.xml") if placement == "footnote" else body
    anchor = _citation_anchor(where, cite)
    if placement == "simple-field":
        assert anchor.tag == q("w:fldSimple") and anchor.get(q("w:instr")) == cite.instruction
        assert texts(anchor) == cite.shown
    elif placement == "nested-field":
        (field,) = [f for f in fields(body) if f["begin"] is anchor]
        assert field["outer"] == ' HYPERLINK "https://doi.example.org/okafor2019" '
    elif placement == "hyperlink":
        assert any(ancestor.tag == q("w:hyperlink") for ancestor in anchor.iterancestors())
        assert any(rel[1] == "https://doi.example.org/okafor2019"
                   for rel in relationships(doc, "word/document.xml").values())
    elif placement == "footnote":
        assert cite.note == 1 and doc.visible[-1] == f"See {cite.shown}."
        assert document.paragraphs[-1].part == "footnote"
        assert [r.get(q("w:id")) for r in body.iter(q("w:footnoteReference"))] == ["1"]
        assert _citation_anchor(body, cite) is None
        if manager in ("zotero", "mendeley-desktop", "mendeley-cite"):
            code = (json.loads(base64.b64decode(cite.instruction.removeprefix("MENDELEY_CITATION_v3_")))
                    if manager == "mendeley-cite" else csl_json(cite.instruction))
            assert code["properties"]["noteIndex"] == 1


def _citation_anchor(root, cite):
    """Where the citation stands: its w:fldSimple, its begin w:fldChar, its content control or bookmark."""
    for simple in root.iter(q("w:fldSimple")):
        if simple.get(q("w:instr")) == cite.instruction:
            return simple
    for field in fields(root):
        if field["instruction"] == cite.instruction and (field["data"] or "") == cite.data:
            return field["begin"]
    for tag in root.iter(q("w:tag")):
        if tag.get(q("w:val")) == cite.instruction:
            return tag.getparent().getparent()
    for start in root.iter(q("w:bookmarkStart")):
        if start.get(q("w:name")).startswith("ZOTERO_BREF_"):
            return start
    return None


# --- the API and the script ----------------------------------------------------------------


@pytest.mark.parametrize("manager, cite", [
    ("zotero-bookmarks", Cite(("okafor2019",), placement="footnote")),
    ("mendeley-cite", Cite(("okafor2019",), placement="simple-field")),
    ("zotero", Cite(("okafor2019",), store="fldData")),
    ("endnote", Cite(("okafor2019",), store="fldData", placement="simple-field")),
    ("word", Cite(("okafor2019",), shown="Okafor (2019)", override=True)),
    ("zotero", Cite(("nobody1999",))),
])
def test_impossible_citations_are_refused(manager, cite):
    with pytest.raises(ValueError):
        build(manager, [cite])


def test_unknown_manager_is_refused():
    with pytest.raises(ValueError, match="unknown manager"):
        build("refworks")


def test_works_are_invented_with_test_identifiers():
    assert all(w.doi.startswith("10.5555/") for w in WORKS.values() if w.doi)
    assert all(".example.org/" in w.url for w in WORKS.values() if w.url)
    assert managed_docs.default_citations("word")


def test_sample_script_writes_documents_and_their_expectations(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_managed_samples.py"), str(tmp_path)],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"10 documents written to {tmp_path}"
    for name in ("zotero", "zotero-bookmarks", "mendeley-desktop", "mendeley-cite", "endnote", "word",
                 "endnote-placements"):
        expected = json.loads((tmp_path / f"{name}.expected.json").read_text(encoding="utf-8"))
        paragraphs = read_document(tmp_path / f"{name}.docx").paragraphs
        assert [paragraph.text for paragraph in paragraphs] == expected["visible"]
