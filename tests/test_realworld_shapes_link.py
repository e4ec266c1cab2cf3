"""Linking citations to entries as real essays write them, and the rules that depend on the link.

Each shape here once gave a false alarm in a real essay (a missing reference, an uncited entry, an
ambiguous citation, a year mismatch, a rewrite of an entry in another style); the examples are
invented, of the same shape. Every check that a finding does NOT appear comes with a check that
the right thing happens instead (the citation is linked to the right entry, the right finding
fires).
"""

from __future__ import annotations

import pytest

from essaycheck import check_text
from essaycheck.model import Report
from essaycheck.settings import Settings

OFFLINE = Settings(resolve=False)


def checked(body: str, *entries: str) -> Report:
    return check_text("Essay\n" + body + "\nReferences\n" + "\n".join(entries) + "\n", OFFLINE)


def links(report: Report) -> list[tuple[str, int | None, str]]:
    """(citation as written, entry index, quality) for every citation."""
    return [(citation.text, link.reference, link.quality) for citation, link in zip(report.citations, report.links)]


def rules(report: Report) -> set[str]:
    return {problem.rule for problem in report.problems}


def findings_on_entry(report: Report, index: int) -> list[str]:
    return sorted(problem.rule for problem in report.problems if problem.reference == index)


LINK_FALSE_ALARMS = ("missing-reference", "uncited-reference", "author-mismatch", "year-mismatch", "ambiguous-citation")


# --- L1, L2: names written another way on one side --------------------------------------------------------

@pytest.mark.parametrize(("body", "entries", "expected"), [
    pytest.param(
        "Markets open early (Okafor & Obi, 2018).",
        ["Okafor, Chinedu, Amara Obi. (2018). Markets at dawn. Lagos Press."],
        [("Okafor & Obi, 2018", 0, "exact")],
        id="L1-full-given-names-in-the-entry",
    ),
    pytest.param(
        "Rivers carry silt (Zhou Meiling, 2013). Palms grow (Zulkifli Rahman, 2009).",
        ["Rahman, Z. (2009). Palm plantations of the coast. Coastal Press.",
         "Zhou, M. (2013). Silt in the delta. Delta Press."],
        [("Zhou Meiling, 2013", 1, "exact"), ("Zulkifli Rahman, 2009", 0, "exact")],
        id="L2-given-names-in-the-citation",
    ),
])
def test_names_written_differently_still_link(body: str, entries: list[str], expected: list) -> None:
    report = checked(body, *entries)
    assert links(report) == expected
    assert not rules(report) & set(LINK_FALSE_ALARMS)


# --- L3: et al. and the number of authors -----------------------------------------------------------------

def test_L3_et_al_means_the_entry_with_three_or_more_authors() -> None:
    report = checked("Dienert et al. (2021) found little effect.",
                     "Dienert, T., Amsel, B., & Corwin, D. (2021). Screens and sleep. Journal of Sleep Habits, 4(2), "
                     "1–9.",
                     "Dienert, T., & Sung, Y. (2021). Screens and mood. Journal of Mood, 5(1), 10–19.")
    assert links(report) == [("Dienert et al. (2021)", 0, "exact")]
    assert "ambiguous-citation" not in rules(report) and "suffix-needed" not in rules(report)
    assert findings_on_entry(report, 1) == ["uncited-reference"]  # the two-author work is indeed not cited


def test_L3_a_single_name_means_the_single_author_entry() -> None:
    report = checked("Pride rose (Tvedt, 2001).",
                     "Tvedt, J. M. (2001). Pride across decades. Journal of Pride, 3(1), 1–9.",
                     "Tvedt, J. M., & Camden, W. K. (2001). Pride and age. Journal of Age, 2(1), 5–9.")
    assert links(report) == [("Tvedt, 2001", 0, "exact")]
    assert "ambiguous-citation" not in rules(report) and "suffix-needed" not in rules(report)
    assert findings_on_entry(report, 1) == ["uncited-reference"]


# --- L4: a year mismatch needs the same authors ----------------------------------------------------------

@pytest.mark.parametrize(("body", "entry", "expected_link", "expected_rule", "absent_rule"), [
    pytest.param(
        "Kaufer (2010) studied motivation.",
        "Kaufer, R., & Ackroyd, P. L. (1989). Motivation and ability. Journal of Ability, 74(4), 657–690.",
        ("Kaufer (2010)", None, "missing"), "missing-reference", "year-mismatch",
        id="L4-one-name-against-two-authors-is-missing",
    ),
    pytest.param(
        "Sleep matters (Smyth, 2019).",
        "Smyth, J. (2018). Sleep and school. Journal of School Sleep, 2(2), 3–9.",
        ("Smyth, 2019", 0, "year-mismatch"), "year-mismatch", "missing-reference",
        id="L4-same-author-other-year-is-a-mismatch",
    ),
])
def test_L4_year_mismatch_or_missing(body, entry, expected_link, expected_rule, absent_rule) -> None:
    report = checked(body, entry)
    assert links(report) == [expected_link]
    assert expected_rule in rules(report) and absent_rule not in rules(report)


# --- L5, L6: an entry named in the text is not uncited ---------------------------------------------------

def test_L5_an_author_named_without_a_year_is_not_uncited() -> None:
    report = checked("Children learn by talking (Bruner, 1983). Vygorin's ideas about play still guide teachers.",
                     "Bruner, J. (1983). Child's talk. Norton.",
                     "Lantier, P. (1952). The origins of play. Harbour Press.",
                     "Vygorin, L. S. (1978). Mind at play. Harvard University Press.")
    assert links(report) == [("Bruner, 1983", 0, "exact")]
    assert findings_on_entry(report, 1) == ["uncited-reference"]  # nobody names Lantier
    assert findings_on_entry(report, 2) == []


@pytest.mark.parametrize("citation", ["(Remotely 2019)", "(Remotely, 2019)"])
def test_L6_a_citation_naming_the_site_of_an_entry(citation: str) -> None:
    report = checked(f"Remote work is here to stay {citation}.",
                     "Reilly, K. (2019). Why remote teams thrive. https://www.remotely.com/sites/teams/remote-teams")
    assert links(report) == [(citation.strip("()"), None, "missing")]
    assert "missing-reference" in rules(report)
    assert "uncited-reference" not in findings_on_entry(report, 0)


def test_L6_what_names_another_work_does_not_hide_an_uncited_entry() -> None:
    entries = ("Corrado, J. M. (2003). Apples and pears in meta-analysis. Lantern Methods, 6(4), 339–361.",
               "Keel, C. T., & Corrado, J. M. (2001). Validity over time. Journal of Lanterns, 86(4), 673–697.",
               "Lanterna. (2015, June 2). Task management. Lanterna.com. https://www.lanterna.example.com/task",
               "What is a task in project management? (n.d.). Wrikel. https://www.wrikel.example.com/task",
               "Why recycle at work? (n.d.). Blue River Recycling Solutions. https://blueriver.example.com/why",
               "Cardboard prices reach highs. (n.d.). Mill Supply Stores. https://mill.example.com/prices")
    report = checked("A later handbook disagrees (Corrado & Luchs, 2013). Task management matters in teams, and "
                     "Wrikel is one tool for it. Firms sell their waste (Blue River, Recycling Solutions 2020), "
                     "and prices rose (Mill Supply Stores).", *entries)
    # the first author of the unlisted work may have meant this entry (one mistake, one finding: the
    # citation's); a co-author of it, a title in plain words, a product named in passing: not this work
    assert [findings_on_entry(report, i).count("uncited-reference") for i in range(4)] == [0, 1, 1, 1]
    # a site of several words in the text, or any site alone in brackets, means the entry
    assert "uncited-reference" not in findings_on_entry(report, 4) + findings_on_entry(report, 5)


# --- L7: a repeated entry --------------------------------------------------------------------------------

KITES = "Lund, A. (2022). Kite physics for young beginners. Journal of Kites, 7(1), 123–130."
KITES_DOI = KITES + " https://doi.org/10.1234/kites.2022.7"


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(KITES_DOI, KITES_DOI, id="same-doi"),
    pytest.param(KITES, "Lund, A. (2022). Kite physics for young beginners, Journal of Kites, Volume 7, 2022, 123",
                 id="title-prefix-pasted-from-elsewhere"),
])
def test_L7_a_repeated_entry_is_one_duplicate(first: str, second: str) -> None:
    report = checked("Kites fly in strong wind (Lund, 2022).", first, second)
    assert links(report) == [("Lund, 2022", 0, "exact")]
    duplicates = [problem.reference for problem in report.problems if problem.rule == "duplicate-reference"]
    assert duplicates == [1]
    assert not rules(report) & {"suffix-needed", "ambiguous-citation", "uncited-reference"}


# --- L8: an entry in another style is told once what to change -------------------------------------------

@pytest.mark.parametrize(("body", "entry", "advice"), [
    pytest.param("Crafts are learnt in groups (Wendell, 1998).", "Wendell E 1998 Circles of craft",
                 ["(1998)", "Wendell, E."], id="no-punctuation-at-all"),
    pytest.param("Crafts are learnt in groups (Wendell, 1998).",
                 "Wendell, E. 1998. Circles of craft. Cambridge: Cambridge University Press.",
                 ["(1998)", "place of publication"], id="free-year-and-place"),
    pytest.param("Fish glow in the dark (Harlow et al., 2020).",
                 "C. Harlow, D. Jennet, E. Brodie Lantern fish of the deep shelf. Journal of Deep Water, 8 (2020), "
                 "1–9.",
                 ["Harlow, C.", "&"], id="initials-first"),
])
def test_L8_an_entry_in_another_style_gets_one_finding_with_advice(body: str, entry: str, advice: list[str]) -> None:
    report = checked(body, entry)
    assert [(link.reference, link.quality) for link in report.links] == [(0, "exact")]
    (problem,) = [problem for problem in report.problems if problem.reference == 0]
    assert (problem.rule, problem.suggestion) == ("reference-format", None)
    for words in advice:
        assert words in problem.message
    assert "ampersand-in-reference" not in rules(report)


def test_L9_given_names_written_as_family_names_still_link() -> None:
    # the list wrote each author's given name where the family name goes and the family initial after it
    entry = ("Hongli, L., Guanwei, L., & Weifan, P. (2015). Pond sensors in practice. Journal of Lantern "
             "Fisheries, 3(2), 1–9.")
    report = checked("Sensors watch the ponds (Luo, Li & Peng, 2015).", entry)
    assert links(report) == [("Luo, Li & Peng, 2015", 0, "author-mismatch")]
    assert not rules(report) & {"missing-reference", "uncited-reference"}
    (entry_format,) = [p.message for p in report.problems if p.rule == "reference-format"]
    assert "family names are written as given names" in entry_format and "Luo" in entry_format
    # initials that only happen to agree with another year, or a single author, link to nothing
    assert links(checked("Sensors watch the ponds (Luo, Li & Peng, 2016).", entry))[0][1:] == (None, "missing")
    assert links(checked("Sensors watch the ponds (Hmm, 2015).", entry))[0][1:] == (None, "missing")


def test_L10_initials_inside_a_citation_are_read_and_named_once() -> None:
    entry = "Pavel Kumar, C., & Pranav, S. (2018). Lantern quality by drone. Journal of Lanterns, 3(2), 1–9."
    for written in ("Ch. Pavel Kumar & S. Pranav, 2018", "Pavel Kumar, C., & Pranav, S., 2018"):
        report = checked(f"Drones inspect lanterns ({written}).", entry)
        assert links(report) == [(written, 0, "exact")]
        assert [p.rule for p in report.problems if p.citation == 0] == ["citation-form"]


# --- L11: what an entry gets wrong that its rendering would not show ------------------------------------

@pytest.mark.parametrize(("body", "entry", "rule", "words"), [
    pytest.param("Boxes pile up (“Why Boxes Matter,” n.d.).", "Why boxes matter. (n. d.). Box Blog. "
                 "https://boxes.example.com/why", "reference-format", "(n.d.), with no space", id="spaced-n-d"),
    pytest.param("Monitoring helps (Alder & Cole, 2021).", "Alder, O., & Cole, M. (2021). Remote monitoring at home. "
                 "International Journal of Lantern Care, 2021, Article ID 5566712.", "reference-format",
                 "“ID”", id="article-id"),
    pytest.param("Gradients flow back (Kim, 2019).", "Kim, H. (2019, November 3). Backpropagation step by step. "
                 "Data Blog. https://blog.example.com/ai/backprop/#:~:text=Backpropagation%2C%20short",
                 "reference-format", "before “#:~:text=", id="highlight-in-link"),
    # an entry read with a warning is not rendered, so the month must be named apart
    pytest.param("Time helps grades (Britt & Tess, 1991).", "Britt, B. K., & Tess, A. (1991, September). Effects of "
                 "time management on grades. Journal of Lantern Psychology, 83(3), 405-410. Available from "
                 "https://example.org/britt", "reference-format", "(1991), not (1991, September)", id="month-of-article"),
    pytest.param("Images are classified (Parks & Yang, 2019).", "Y. Parks, H.S. Yang Extreme learning for lanterns "
                 "Neurocomputing, 339 (2019), pp. 66-76, 10.1016/j.neucom.2018.12.080", "pages-prefix-in-article",
                 "Delete “pp.”", id="pp-in-elsevier-form"),
    pytest.param("Pandemics were fought (Giusti et al., 2022).", "F. Giusti, W. Shi, Y. Zhu, T. Naren, et al. "
                 "Explainable lanterns in pandemics: A review IEEE Reviews in Lanterns (2022), 10.1109/RBME.2022.31",
                 "et-al-in-reference", "Write out every author", id="et-al-after-initials-first-names"),
    pytest.param("Reviews were sorted (Przyby et al., 2018).", "Przyby, P., Brock, A. J., Le Pogam, M. -A., and Anani, "
                 "S. (2018). Sorting references with lanterns. Journal of Lantern Reviews, 2(1), 1–9.",
                 "ampersand-in-reference", "Put “&”", id="initials-with-a-spaced-hyphen"),
    pytest.param("Spacing works (Chen & Kaly, 2019).", "Chen, O., & Kaly, S. (2019). Lantern load theory and "
                 "spacing (pp. 1–26). https://doi.org/10.4018/978-1-5225-9833-6.ch001", "reference-format",
                 "pages 1–26 belong to a chapter", id="chapter-without-its-book"),
    pytest.param("Load depletes (Chen et al., 2024).", "Chen, O., Chan, B., & Sweller, J. (2024). Lantern load and "
                 "spacing. Contemporary Lantern Psychology, 102281. https://doi.org/10.1016/j.cedpsych.2024.102281",
                 "reference-format", "Article 102281", id="article-number-without-article"),
    pytest.param("Learning is visible (Hattie, 2008).", "Hattie, J. (2008). Visible lanterns: A synthesis. routledge.",
                 "reference-format", "Routledge", id="publisher-in-lower-case"),
    pytest.param("Aid follows politics (Ales & Doll, 2000).", "Ales, A., & Doll, D. (2000). Who gives aid to whom? "
                 "[Article]. Journal of Lantern Growth, 5(1), 33-63. https://doi.org/10.1023/A:1009874203400",
                 "reference-format", "[Article]", id="reference-manager-description"),
    pytest.param("Risk varies (Chen et al., 2023).", "Chen, C., Noble, I., & Chawla, N. (2023). Lantern adaptation "
                 "index technical report. In.", "reference-format", "stray “In.”", id="stray-in"),
    pytest.param("Backgrounds were removed (Gatis, 2025).", "Gatis, D. (2025). Rembg (Version 2.0.66) [Computer "
                 "software]. 'https://github.com/example/rembg'", "reference-format", "quotation marks off the link",
                 id="link-in-quotes"),
    pytest.param("Maize adapts (Makum et al., 2018).", "Makum, D., Asse, G., Asse, G., & Banz, M. (2018). Maize "
                 "under stress. Crop Lanterns, 58, 1492–1507. https://doi.org/10.2135/cropsci2017.09.0531",
                 "reference-format", "Asse, G. is listed twice", id="author-listed-twice"),
    pytest.param("Skin conducts (Boucs, 2012).", "Boucs, W. (2012). Electrodermal activity. In Springer eBooks. "
                 "https://doi.org/10.1007/978-1-4614-1126-0", "reference-format", "names no book", id="in-ebooks"),
    pytest.param("Diagnosis is hard (Yana & Tri, 2019).", "Yana, J., & Tri, E. (2019). Seven challenges for diagnosis. "
                 "In International journal of lantern informatics (Vol. 129, pp. 413–422). Elsevier Ireland Ltd.",
                 "reference-format", "is a journal", id="journal-written-as-a-book"),
    pytest.param("Rice needs phosphorus (Vand & Aho, 2018).", "Vand, E., & Aho, K. (2018). Phosphorus micro-dosing. "
                 "Field Lantern Research, 222(March), 39–49. https://doi.org/10.1016/j.fcr.2018.02.016",
                 "reference-format", "not the month (March)", id="month-as-issue"),
    pytest.param("Sentences are vectors (Lee & Mik, 2014).", "Lee, Q., & Mik, T. (2014, January). Distributed "
                 "representations. In International Conference on Lantern Learning (pp. 1188-1196).",
                 "reference-format", "a paper in published proceedings", id="month-of-proceedings-paper"),
    pytest.param("Fish farms grow (“How Fish Farms Work,” 2008).", "How Fish Farms Work. (2008, May 23). Retrieved "
                 "January 24, 2019, from https://animals.example.com/fish-farms.htm", "reference-format",
                 "add the name of the website", id="title-first-page-without-its-site"),
    pytest.param("Stress is common (World Lantern Organization, 2020).", "World Lantern Organization. (2020, January "
                 "30). Statement on lanterns. WLO | World Lantern Organization. https://www.wlo.example.int/item",
                 "reference-format", "it repeats the author's", id="site-repeats-the-group"),
    pytest.param("Load matters (Swell, 1988).", "Cognitive Load Theory: Swell, J. (1988). Cognitive load during "
                 "problem solving. Lantern Science, 12(2), 257–285.", "reference-format", "leave out the label",
                 id="topic-label-before-the-authors"),
    pytest.param("Signals were classified (Mohs et al., 2023).", "Mohs, S., Ghon, S., & Alza, M. (2023). Classifying "
                 "lantern signals. Computers, Lanterns & Continua/Computers, Lanterns & Continua (Print), 75(3), "
                 "5271–5286.", "reference-format", "write the journal's name once", id="journal-name-doubled"),
    pytest.param("Spacing helps engineers (Beg et al., 2017).", "Beg, C. R., Lyle, K. B., & Ralst, P. A. (2017). "
                 "2017 IEEE frontiers in lantern education conference (FIE). 2017-October, 1–5. "
                 "https://doi.org/10.1109/FIE.2017.8190463", "reference-format", "the title is the conference's",
                 id="conference-name-as-title"),
])
def test_L11_slips_no_rendering_shows_are_named(body: str, entry: str, rule: str, words: str) -> None:
    report = checked(body, entry)
    assert [link.reference for link in report.links] == [0]
    assert any(p.rule == rule and words in p.message for p in report.problems), [
        (p.rule, p.message) for p in report.problems]


def test_L11_a_rendered_article_with_a_month_is_told_once() -> None:
    report = checked("Time helps grades (Britt & Tess, 1991).", "Britt, B. K., & Tess, A. (1991, September). Effects "
                     "of time management on grades. Journal of Lantern Psychology, 83(3), 405–410.")
    (problem,) = [p for p in report.problems if p.reference == 0]
    assert "“(1991, September).” → “(1991).”" in problem.message and "not (1991, September)" not in problem.message


def test_L12_a_citation_naming_fewer_or_more_authors_than_it_should() -> None:
    pair = "Adler, R. V., & Blair, E. (2019). Time management and grades. Lantern Open, 9(1), 1–9."
    report = checked("Control of time matters (Adler, 2019).", pair)
    assert links(report) == [("Adler, 2019", 0, "exact")]
    assert [p.message for p in report.problems if p.rule == "et-al-misuse"] == [
        "“Adler, 2019”: this work has two authors, so write both names."]
    # three names written for a one-author entry: "et al." whatever the entry says
    single = "Ployer, R. E. (2006). Staffing in the 21st century. Journal of Lantern Management, 32(6), 868–897."
    report = checked("Staffing changed (Polyer, Snyder, & Smith, 2006).", single)
    assert [p.rule for p in report.problems if p.citation == 0].count("et-al-misuse") == 1
