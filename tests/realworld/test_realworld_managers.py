"""The four real documents written with a reference manager (see ../shared/realworld/README.md):
every managed citation is read with its record and linked through it. Skips without the documents.

The managed fields are counted here independently of essaycheck's reader, from the raw XML of
each document's main part (every field instruction and content-control tag a manager writes).
"""

import json
import re
import zipfile

import pytest

import realworld_score
from essaycheck import Settings, check

DOCUMENTS = {  # stem -> manager
    "face_trust_proposal": "Zotero",
    "maize_microdosing_litrev": "Mendeley",
    "adaptation_proposal": "EndNote",
    "telehealth_sentiment": "Word",
}
# A citation field's instruction as it stands in the XML (EndNote's EN.CITE.DATA is part of an EN.CITE)
_CITATION_FIELDS = re.compile(r"ADDIN (?:ZOTERO_ITEM|CSL_CITATION|EN\.CITE(?!\.DATA))|(?<![\w.])CITATION\s+\w")

pytestmark = pytest.mark.skipif(not realworld_score.available(), reason="../shared/realworld is not here")


def _instructions(path) -> str:
    """The field instructions of the main part, joined (Word splits them over w:instrText runs)."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    runs = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>|w:instr=\"([^\"]*)\"", xml)
    return "".join(a or b for a, b in runs).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def document(request):
    path = realworld_score.corpus_dir() / "docs" / f"{request.param}.docx"
    return request.param, path, check(path, Settings(resolve=False))


def test_every_managed_citation_is_read_with_its_records(document):
    stem, path, report = document
    fields = len(_CITATION_FIELDS.findall(_instructions(path)))
    assert fields and len(report.managed.citations) == fields, (stem, fields, len(report.managed.citations))
    assert {c.manager for c in report.managed.citations} == {DOCUMENTS[stem]}
    for field in report.managed.citations:
        for record in field.items:
            # (a web page may have no date, "n.d.", and no author: its site is its author in APA 7)
            assert record.get("title") and (
                record.get("author") or record.get("editor") or record.get("container-title")), (stem, record)


def test_every_managed_citation_is_linked_through_its_record(document):
    stem, _, report = document
    linked = [report.links[i].reference for i in report.managed_links.cites]
    assert linked and all(reference is not None for reference in linked), stem
    assert len(report.managed.bibliographies) == 1, stem


def test_every_stored_work_is_exported_once_in_each_format(document):
    """`essaycheck export`: each distinct record, read back by the libraries other tools use."""
    import bibtexparser
    import rispy

    from essaycheck.managers.export import to_bibtex, to_csl_json, to_ris

    stem, _, report = document
    records = report.managed.records()
    titles = {" ".join(record["title"].split()) for record in records}
    assert len(records) == len(titles), stem  # one record per work, not one per citation
    assert len(json.loads(to_csl_json(records))) == len(records)
    library = bibtexparser.parse_string(to_bibtex(records))
    assert len(library.entries) == len(records) and not library.failed_blocks, stem
    assert len(rispy.loads(to_ris(records))) == len(records), stem
