"""The reference-format and italics rules, on contexts built by hand (and their example essays)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from essaycheck.model import Author, Document, Location, Reference
from essaycheck.read import document_from_text
from essaycheck.references import parse_reference_list
from essaycheck.rules.base import CheckContext
from essaycheck.rules.formatting import expected_item, reference_format
from essaycheck.rules.italics import italics
from essaycheck.sections import split_sections

FIXTURES = Path(__file__).with_name("http_fixtures")
RAJ = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality and Social "
       "Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299")


def context(text: str, kind: str = "txt", records=None, italic=()) -> CheckContext:
    document = document_from_text(text)
    if kind == "docx":
        paragraphs = tuple(replace(p, line=None, italic=italic if p.text.startswith("Raj") else ()) for p in document.paragraphs)
        document = Document(document.path, "docx", paragraphs)
    sections = split_sections(document)
    return CheckContext(document, sections, (), parse_reference_list(sections.references), (), records or {})


def essay(*entries: str) -> str:
    return "Title\nNetworks matter (Raj et al., 2017).\nReferences\n" + "\n".join(entries) + "\n"


@pytest.mark.parametrize("example", reference_format.fires)
def test_examples_fire(example):
    assert list(reference_format.check(context(example)))


@pytest.mark.parametrize("example", reference_format.passes)
def test_examples_pass(example):
    assert not list(reference_format.check(context(example)))


def test_finding_shows_difference_and_full_entry():
    (finding,) = reference_format.check(context(essay(RAJ.replace("(2017).", "(2017)").replace("N. J., &", "N. J. and"))))
    assert "“J. and” → “J., &”" in finding.message and "“(2017)” → “(2017).”" in finding.message
    assert finding.suggestion == RAJ
    assert finding.message.endswith(RAJ)


def test_ignores_white_space_quotes_and_page_range_hyphen():
    written = RAJ.replace("772–784", "772-784").replace(" (2017)", "  (2017)")
    assert not list(reference_format.check(context(essay(written))))


def test_dash_difference_counts_outside_number_ranges():
    from essaycheck.formatting.diff import word_changes

    assert not word_changes("pp. 772-784.", "pp. 772–784.")
    assert not word_changes("43(6), 772-784.", "43(6), 772–784.")
    assert word_changes("Self–determination theory", "Self-determination theory")


def test_record_in_title_case_does_not_cry_wolf():
    record = json.loads((FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8"))
    ctx = context(essay(RAJ), records={0: {"csl": record}})
    assert not list(reference_format.check(ctx))


def test_record_corrects_a_wrong_volume():
    record = json.loads((FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8"))
    ctx = context(essay(RAJ.replace("43(6)", "34(6)")), records={0: {"csl": record}})
    (finding,) = reference_format.check(ctx)
    assert "“34(6),” → “43(6),”" in finding.message and "DOI record" in finding.message


def test_entry_in_another_style_is_told_what_to_change_but_not_rewritten():
    ctx = context(essay("Raj M Fast N Fisher O 2017 Identity and professional networking Personality 43 772"))
    (finding,) = reference_format.check(ctx)
    assert finding.suggestion is None
    assert "put the year in parentheses right after the authors, then a period: (2017)" in finding.message


def test_entry_the_parser_could_not_place_at_all_is_left_alone():
    ctx = context(essay("Identity and professional networking, personality and more"))
    assert not list(reference_format.check(ctx))


def test_expected_item_keeps_students_title_case_when_same_words():
    ref = Reference(0, "x", Location(0, 0, 1, "x"), type="article-journal", authors=(Author("Raj", "M."),),
                    year="2017", year_number=2017, title="Identity and professional networking")
    item = expected_item(ref, {"type": "article-journal", "title": "Identity and Professional Networking",
                               "container-title": ["Journal"]})
    assert item["title"] == "Identity and professional networking" and item["container-title"] == "Journal"


def test_italics_only_for_word_files():
    assert not list(italics.check(context(essay(RAJ))))


def _span(text: str, piece: str, paragraph_text: str) -> tuple[int, int]:
    start = paragraph_text.index(piece)
    return (start, start + len(piece))


def test_italics_missing_journal_and_volume():
    ctx = context(essay(RAJ), kind="docx")
    findings = list(italics.check(ctx))
    assert [f.location.text for f in findings] == ["Personality and Social Psychology Bulletin", "43"]


def test_italics_right():
    journal = _span(RAJ, "Personality and Social Psychology Bulletin", RAJ)
    volume = (RAJ.index("43("), RAJ.index("43(") + 2)
    assert not list(italics.check(context(essay(RAJ), kind="docx", italic=(journal, volume))))


def test_italic_article_title_flagged():
    journal = _span(RAJ, "Personality and Social Psychology Bulletin", RAJ)
    volume = (RAJ.index("43("), RAJ.index("43(") + 2)
    title = _span(RAJ, "Identity and professional networking", RAJ)
    (finding,) = italics.check(context(essay(RAJ), kind="docx", italic=(title, journal, volume)))
    assert "is not in italics" in finding.message and finding.location.text == "Identity and professional networking"


OSC = ("Open Science Collaboration. (2015). Estimating the reproducibility of psychological science. "
       "{journal}, {volume}(6251), Article aac4716. https://doi.org/10.1126/science.aac4716")


def _markdown_context(entry: str) -> CheckContext:
    document = document_from_text("Title\n\nIt failed (Open Science Collaboration, 2015).\n\n# References\n\n"
                                  + entry + "\n", kind="md")
    sections = split_sections(document)
    return CheckContext(document, sections, (), parse_reference_list(sections.references), (), {})


@pytest.mark.parametrize("journal, volume, reported", [
    # the journal is in italics; "Science" in the group's name is not, and need not be
    ("*Science*", "*349*", []),
    # neither is: the journal's "Science" is reported, not the group's (the text after each finding shows where)
    ("Science", "349", ["Science, 349", "349(6251)"]),
])
def test_italics_finds_the_journal_not_the_same_word_earlier(journal, volume, reported):
    ctx = _markdown_context(OSC.format(journal=journal, volume=volume))
    paragraph = next(p for p in ctx.document.paragraphs if p.text.startswith("Open Science"))
    findings = list(italics.check(ctx))
    assert [paragraph.text[f.location.start:f.location.start + len(want)] for f, want in zip(findings, reported)] \
        == reported and len(findings) == len(reported)


CORRECT_ENTRIES = {
    "book": "Bandura, A. (1977). Social learning theory. Prentice Hall.",
    "article with article number": "Smith, J. (2021). Networking after the pandemic. Journal of Library "
                                   "Administration, 61(4), Article e102345. https://doi.org/10.1080/01930826.2021.1234567",
    "chapter": "Jones, A. (2019). Learning in networks. In B. Smith & C. Park (Eds.), Handbook of professional "
               "learning (2nd ed., pp. 45–67). Springer.",
    "dated web page": "Kim, J.-W., & Lee, S. (2021, March 3). How librarians network online. Library Blog. "
                      "https://libraryblog.example.org/networking",
    "report with a number": "National Institute of Mental Health. (2018). Mental health information (NIH Publication "
                            "No. 18-2059). U.S. Department of Health and Human Services. https://www.nimh.nih.gov/health",
    "thesis in a repository": "Nguyen, T. (2020). Professional identity in academic libraries [Doctoral dissertation, "
                              "University of Toronto]. TSpace. https://hdl.handle.net/1807/12345",
    "name suffixes": "Roediger, H. L., III, & Karpicke, J. D. (2006). Test-enhanced learning: Taking memory tests "
                     "improves long-term retention. Psychological Science, 17(3), 249–255. "
                     "https://doi.org/10.1111/j.1467-9280.2006.01693.x",
    "name suffix, one author": "Karasek, R. A., Jr. (1979). Job demands, job decision latitude, and mental strain: "
                               "Implications for job redesign. Administrative Science Quarterly, 24(2), 285–308. "
                               "https://doi.org/10.2307/2392498",
    "republished work": "Ebbinghaus, H. (1913). Memory: A contribution to experimental psychology (H. A. Ruger & "
                        "C. E. Bussenius, Trans.). Teachers College, Columbia University. (Original work "
                        "published 1885)",
    "group report with an edition, online": "U.S. Department of Health and Human Services. (2018). Physical "
                                            "activity guidelines for Americans (2nd ed.). https://health.gov/sites/"
                                            "default/files/2019-09/Physical_Activity_Guidelines_2nd_edition.pdf",
}


@pytest.mark.parametrize("entry", CORRECT_ENTRIES.values(), ids=CORRECT_ENTRIES.keys())
def test_correct_entries_of_each_type_pass(entry):
    from essaycheck import check_text
    from essaycheck.references import parse_reference
    from essaycheck.settings import Settings

    ref = parse_reference(entry)
    essay = f"Essay\nIt is so ({ref.family_names[0]}, {ref.year}).\nReferences\n{entry}\n"
    report = check_text(essay, Settings(resolve=False, select=("reference-format",)))
    assert report.problems == ()


def test_swapped_italics_in_an_entry_not_rewritten_are_named():
    from essaycheck import Settings, check_text

    essay = ("Essay\n\nStress shows on the skin (Hossain et al., 2022).\n\n# References\n\n"
             "Hossain, M. B., Posada, H. F., & Kong, Y. 2022. *Automatic motion artifact detection*. "
             "Biomedical Signal Processing and Control, 74(2), 10–19. https://doi.org/10.1016/j.bspc.2022.103483\n")
    report = check_text(essay, Settings(resolve=False, select=("italics",)), kind="md")
    messages = [p.message for p in report.problems]
    assert any("Biomedical Signal Processing and Control" in m and "not the article's title" in m for m in messages), \
        messages
    fixed = essay.replace("*Automatic motion artifact detection*", "Automatic motion artifact detection").replace(
        "Biomedical Signal Processing and Control, 74", "*Biomedical Signal Processing and Control, 74*")
    assert not [p for p in check_text(fixed, Settings(resolve=False, select=("italics",)), kind="md").problems
                if "not the article's title" in p.message]


PREPRINT_ESSAY = ("Essay\n\nModels transfer across languages (Lample & Conneau, 2019).\n\n# References\n\n"
                  "Bandura, A. (1977). *Social learning theory*. Prentice Hall.\n\n"
                  "Lample, G., & Conneau, A. (2019). {title}. {source}\n\n"
                  "Wenger, E. (1998). *Communities of practice*. Cambridge University Press.\n")


@pytest.mark.parametrize(("title", "source", "wanted"), [
    # Google Scholar's form: the archive with its number, no link
    ("*Cross-lingual language model pretraining*", "arXiv preprint arXiv:1901.07291.",
     {"reference-format": "https://doi.org/10.48550/arXiv.1901.07291"}),
    # APA 7 itself, but the title roman
    ("Cross-lingual language model pretraining", "arXiv. https://doi.org/10.48550/arXiv.1901.07291",
     {"italics": "in italics"}),
    ("Cross-lingual language model pretraining", "*arXiv*. https://doi.org/10.48550/arXiv.1901.07291",
     {"italics": "italicises a preprint's title"}),
    # a placeholder where the DOI would go
    ("*Cross-lingual language model pretraining*", "TechRxiv. doi: [DOI pending]",
     {"reference-format": "placeholder"}),
    # APA 7: nothing to say
    ("*Cross-lingual language model pretraining*", "arXiv. https://doi.org/10.48550/arXiv.1901.07291", {}),
])
def test_preprints_are_told_apart_from_journals(title, source, wanted):
    from essaycheck import Settings, check_text

    report = check_text(PREPRINT_ESSAY.format(title=title, source=source), Settings(resolve=False), kind="md")
    found = {p.rule: p.message for p in report.problems if p.reference is not None and p.rule != "uncited-reference"}
    assert set(found) == set(wanted), found
    for rule_id, words in wanted.items():
        assert words in found[rule_id]


@pytest.mark.parametrize(("url", "kind"), [
    ("https://lib.example.edu:2443/login?url=https://www.proquest.com/docview/1", "library login"),
    ("https://www-jstor-org.ezproxy.example.ac.uk/stable/1", "library login"),
    ("https://login.abcprx01.example.ca/login?url=https://search.ebscohost.com/login.aspx", "library login"),
    ("https://example.idm.oclc.org/x", "library login"),
    ("http://ovidsp.ovid.com/ovidweb.cgi?T=JS", "database"),
    ("https://search.ebscohost.com/login.aspx?direct=true&db=a9h", "database"),
    ("https://www.proquest.com/docview/1931722866", "database"),
    # public addresses, even with "proxy" in them
    ("https://www.proxy-statement.example.com/a", ""),
    ("https://example.org/proxy/how-it-works", ""),
    ("https://journals.sagepub.com/doi/10.1177/0146167217697299", ""),
    ("https://www.jstor.org/stable/2392498", ""),
])
def test_links_readers_cannot_open_are_told_apart(url, kind):
    from essaycheck.references.links import database_link

    assert database_link(url) == kind


@pytest.mark.parametrize(("link", "advised"), [
    ("https://lib.example.edu:2443/login?url=https://www.proquest.com/docview/1", "library's login"),
    ("http://ovidsp.ovid.com/ovidweb.cgi?T=JS&NEWS=N", "database link"),
    ("https://www.jstor.org/stable/2392498", None),
])
def test_a_library_or_database_link_is_advised_against(link, advised):
    entry = ("Rea, C. P., & Modigliani, V. (1985). The effect of expanded versus massed practice. Human Learning, "
             f"4(1), 11–18. {link}")
    messages = [f.message for f in reference_format.check(context(essay(entry)))]
    if advised is None:
        assert not any("login" in m or "database" in m for m in messages), messages
    else:
        assert any(advised in m for m in messages), messages
