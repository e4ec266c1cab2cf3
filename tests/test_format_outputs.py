"""Outputs of the reference list: text, html, md, docx (real italics, hanging indent), csl-json, bibtex, ris."""

import io
import json

import pytest

from essaycheck.errors import ConfigError
from essaycheck.formatting import format_bibliography, in_text_forms, render_entries
from essaycheck.formatting.bibtex import parse_bibtex
from essaycheck.formatting.csl_items import load_items

RAJ = {"id": "raj", "type": "article-journal", "author": [{"family": "Raj", "given": "Manav"},
       {"family": "Fast", "given": "Nathanael J."}, {"family": "Fisher", "given": "Oliver"}],
       "issued": {"date-parts": [[2017]]}, "title": "Identity and professional networking",
       "container-title": "Personality and Social Psychology Bulletin", "volume": "43", "issue": "6",
       "page": "772-784", "DOI": "10.1177/0146167217697299"}
WENGER = {"id": "wenger", "type": "book", "author": [{"family": "Wenger", "given": "Etienne"}],
          "issued": {"date-parts": [[1998]]}, "title": "Communities of practice", "publisher": "Cambridge University Press"}
RAJ_TEXT = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality and Social "
            "Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299")


def test_text_is_sorted_lines():
    assert format_bibliography([WENGER, RAJ]) == RAJ_TEXT + "\nWenger, E. (1998). Communities of practice. Cambridge University Press.\n"


def test_html_escapes_and_italicises():
    html = format_bibliography([RAJ], to="html")
    assert "&amp; Fisher" in html and "<i>Personality and Social Psychology Bulletin</i>, <i>43</i>(6)" in html
    assert "text-indent:-0.5in" in html


def test_markdown():
    assert format_bibliography([WENGER], to="md") == (
        "Wenger, E. (1998). *Communities of practice*. Cambridge University Press.\n")


def test_docx_has_real_italics_and_hanging_indent():
    from docx import Document
    from docx.shared import Inches

    document = Document(io.BytesIO(format_bibliography([RAJ, WENGER], to="docx")))
    entries = [p for p in document.paragraphs if p.text.startswith(("Raj", "Wenger"))]
    assert [p.text for p in entries][0] == RAJ_TEXT
    for paragraph in entries:
        assert paragraph.paragraph_format.left_indent == Inches(0.5)
        assert paragraph.paragraph_format.first_line_indent == -Inches(0.5)
    italic = [r.text for r in entries[0].runs if r.italic]
    assert italic == ["Personality and Social Psychology Bulletin", "43"]
    assert [r.text for r in entries[1].runs if r.italic] == ["Communities of practice"]


def test_csl_json_bibtex_ris():
    assert json.loads(format_bibliography([RAJ], to="csl-json"))[0]["DOI"] == RAJ["DOI"]
    bib = format_bibliography([RAJ], to="bibtex")
    assert bib.startswith("@article{raj,") and "pages = {772--784}" in bib
    back = parse_bibtex(bib)[0]
    assert back["author"][1] == {"family": "Fast", "given": "Nathanael J."} and back["page"] == "772-784"
    assert render_entries(back and [back])[0].text == RAJ_TEXT
    ris = format_bibliography([RAJ], to="ris")
    assert "TY  - JOUR" in ris and "SP  - 772" in ris and "EP  - 784" in ris and ris.rstrip().endswith("ER  -")


def test_unknown_output():
    with pytest.raises(ConfigError):
        format_bibliography([RAJ], to="pdf")


def test_bibtex_input(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("""@book{wenger98, author = {Wenger, Etienne}, title = {Communities of {P}ractice},
      publisher = {Cambridge University Press}, year = 1998}
    @article{x, author = {{World Health Organization}}, title = {Health \\& wealth}, journal = {Lancet},
      volume = {3}, pages = {1--9}, year = {2001}}""", encoding="utf-8")
    items = load_items(path)
    texts = [e.text for e in render_entries(items)]
    assert texts[0] == "Wenger, E. (1998). Communities of Practice. Cambridge University Press."
    assert texts[1] == "World Health Organization. (2001). Health & wealth. Lancet, 3, 1–9."


def test_json_input_single_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(WENGER), encoding="utf-8")
    assert load_items(path)[0]["id"] == "wenger"


def test_in_text_forms():
    other = {**RAJ, "id": "raj2", "title": "Another study"}
    assert in_text_forms(RAJ, [RAJ]) == ("(Raj et al., 2017)", "Raj et al. (2017)")
    assert in_text_forms(RAJ, [RAJ, other]) == ("(Raj et al., 2017b)", "Raj et al. (2017b)")
    assert in_text_forms(WENGER) == ("(Wenger, 1998)", "Wenger (1998)")


def test_format_references_for_reports_uses_record_else_entry():
    from essaycheck.formatting import format_references
    from essaycheck.references import parse_reference

    written = ("American Psychological Association. (2020). Publication manual of the American Psychological "
               "Association (7th ed.). https://doi.org/10.1037/0000165-000")
    refs = [parse_reference(written, index=0), parse_reference("Raj, M. (2017). Old title. Journal, 1, 2-3.", index=1)]
    formatted = format_references(refs, {1: {"csl": RAJ}})
    assert formatted[0].text == written and formatted[0].parenthetical == "(American Psychological Association, 2020)"
    assert formatted[1].text == RAJ_TEXT and formatted[1].narrative == "Raj et al. (2017)"
