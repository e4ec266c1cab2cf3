"""Essays written with a reference manager, through the whole check: links made through the records,
the records in the JSON and HTML, and the findings that concern the manager (examples marked ⟦…⟧,
see essaycheck.rules.examples)."""

from essaycheck import Settings
from essaycheck.api import check_document
from essaycheck.render.html import render_html
from essaycheck.render.json import report_to_json
from essaycheck.rules.examples import BRAUN, RAJ, WENGER, managed_document, managed_essay

OFFLINE = Settings(resolve=False)


def run(text: str):
    return check_document(managed_document(text), OFFLINE)


def test_a_managed_citation_is_linked_through_its_record_not_its_text():
    # the text names Braun, but Zotero's record is Raj's article: the citation is Raj's (and typed over)
    report = run(managed_essay('Networks matter ⟦Zotero RAJ "(Raj et al., 2017)"⟧(Braun & Clarke, 2006)⟦/⟧.',
                               RAJ, BRAUN, bibliography=False))
    [citation] = [i for i, c in enumerate(report.citations) if c.authors[0] == "Braun"]
    assert report.links[citation].reference == 0 and report.links[citation].quality == "exact"
    assert [p.rule for p in report.problems if p.rule == "edited-citation"] == ["edited-citation"]


def test_the_json_carries_the_manager_and_the_record_of_each_managed_citation():
    data = report_to_json(run(managed_essay("Networks matter ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧; "
                                            "communities too (Wenger, 1998).", RAJ, WENGER, bibliography=False)))
    managed, typed = data["citations"]
    assert managed["managed"]["manager"] == "Zotero"
    assert managed["managed"]["record"]["DOI"] == "10.1177/0146167217697299"
    assert typed["managed"] is None


def test_the_html_underlines_managed_citations_with_their_record():
    page = render_html(run(managed_essay("Networks matter ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧.", RAJ)))
    assert '<span class="managed" title="Inserted by Zotero: Raj et al. (2017), Identity and professional ' \
           'networking">(Raj et al., 2017)</span>' in page
    assert "citations Zotero inserted" in page


def test_a_citation_word_wrote_in_another_style_is_told_the_apa_form_once():
    report = run(managed_essay("Networks matter ⟦Word RAJ⟧(Mihir Raj, Identity and professional networking, "
                               "2017)⟦/⟧.", RAJ, bibliography=False))
    citation_form = [p for p in report.problems if p.rule == "citation-form"]
    assert len(citation_form) == 1 and citation_form[0].suggestion == "(Raj et al., 2017)"
    assert "References tab" in citation_form[0].message
    assert report.links[0].reference == 0  # linked through the source, whatever the text says


def test_word_citations_in_apa_form_are_left_alone():
    report = run(managed_essay("Networks matter ⟦Word RAJ⟧(Raj et al., 2017)⟦/⟧.", RAJ, bibliography=False))
    assert not [p for p in report.problems if p.rule == "citation-form"]


def test_an_entry_a_manager_made_is_fixed_in_the_record_not_by_hand():
    entry = RAJ.replace("Personality and Social Psychology Bulletin, 43(6)", "Personality and social psychology "
                        "bulletin, 43(6)")
    report = run(managed_essay("Networks matter ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧.", entry))
    [finding] = [p for p in report.problems if p.rule == "periodical-case"]
    assert "Zotero made this entry from your record" in finding.message and finding.suggestion is None


def test_a_stale_bibliography_is_one_finding_not_a_missing_and_an_uncited_reference():
    report = run(managed_essay("Networks matter ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧; communities too "
                               "⟦Zotero WENGER⟧(Wenger, 1998)⟦/⟧.", RAJ, BRAUN))
    rules = [p.rule for p in report.problems if p.rule in ("bibliography-stale", "missing-reference",
                                                           "uncited-reference")]
    assert rules == ["bibliography-stale"]
    assert "Wenger (1998)" in next(p.message for p in report.problems if p.rule == "bibliography-stale")


def test_a_word_bibliography_listing_an_uncited_source_is_an_uncited_reference():
    # Word lists every source of the document's list, cited or not: that is no stale list
    report = run(managed_essay("Networks matter ⟦Word RAJ⟧(Raj et al., 2017)⟦/⟧.", RAJ, BRAUN)
                 .replace("⟦Zotero bibliography⟧", "⟦Word bibliography⟧"))
    assert [p.rule for p in report.problems if p.rule in ("bibliography-stale", "uncited-reference")] == [
        "uncited-reference"]


def test_a_lookup_finding_on_an_entry_the_manager_made_says_to_fix_the_record():
    from essaycheck.model import Diagnostic, Severity
    from essaycheck.resolve import Resolution

    essay = managed_essay("Networks matter ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧.", RAJ)
    plain = check_document(managed_document(essay), OFFLINE)
    [entry] = plain.references
    found = [Diagnostic(rule, Severity.WARNING, "This work has a DOI.", entry.location, reference=0)
             for rule in ("missing-doi", "retracted")]
    report = check_document(managed_document(essay), Settings(), resolution=Resolution({}, tuple(found)))
    messages = {p.rule: p.message for p in report.problems}
    assert messages["missing-doi"].startswith("This work has a DOI. Zotero made this entry from your record")
    assert messages["retracted"] == "This work has a DOI."  # its fix is not in the record

    typed = managed_essay("Networks matter (Raj et al., 2017).", RAJ, bibliography=False)
    report = check_document(managed_document(typed), Settings(), resolution=Resolution({}, (found[0],)))
    assert [p.message for p in report.problems if p.rule == "missing-doi"] == ["This work has a DOI."]
