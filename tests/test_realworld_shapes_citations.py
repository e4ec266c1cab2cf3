"""Citations in the forms real essays write them (made-up examples of shapes seen in real essays).

Each case says what is found (first author, year, linked or not) and which findings it gets; a
shape that is APA must get none.
"""

import pytest

from essaycheck import Settings, check_text

OFFLINE = Settings(resolve=False)

LIST = """
References

Ackerman, P. L. (1986). Individual differences in skill learning. Intelligence, 10(2), 101–139.
Ackerman, P. L. (1988). Determinants of skill acquisition. Journal of Experimental Psychology: General, 117(3), 288–318.
Cortina, J. M., & Luchman, J. N. (2013). Personnel selection. In N. Schmitt (Ed.), Handbook of psychology (pp. 143–183). Wiley.
Fleming, A. (2004). Ward rounds revisited. Clinical Teacher, 1(2), 60–64.
Foster, N. L., Mueller, M. L., & Was, C. (2019). Why does interleaving help? Memory, 27(3), 330–341.
Higgins, J., Smith, K., & Lee, M. (2001). Notes on drift. Journal of Drift, 1(2), 3–4.
Jiang, J., Shi, G., & Li, Z. (2013). Fish pond sensors. Journal of Aquaculture Systems, 3(2), 1–9.
Le, Q., & Mikolov, T. (2014). Distributed representations. Journal of Machine Reading, 3(2), 1–9.
Pandian, D. R., & Mala, K. (2015). Water quality monitoring. Journal of Water Systems, 4(1), 1–9.
Skinner, B. F. (1953). Science and human behavior. Macmillan.
Tinati, R., Halford, S., Carr, L., & Pope, C. (2016). Big data. Sociology, 48(4), 663–681.
Tóth, B. (2018, August 13). How backpropagation works. Data Blog. https://example.org/backprop
Uniform Crime Reporting Program. (n.d.). Crime in the nation. https://example.org/ucr
"""


def run(body: str, rule: str | None = None):
    report = check_text(f"Essay\n{body}\n{LIST}", OFFLINE if rule is None else OFFLINE.updated(select=(rule,)))
    return report


@pytest.mark.parametrize(("body", "author", "year"), [
    ("Skills plateau (Ackerman, 1986; 1988).", "Ackerman", "1988"),
    ("Ackerman (1986; 1988) showed it.", "Ackerman", "1988"),
    ("Fit matters (Cortina & Luchman, 2013; p. 164).", "Cortina", "2013"),
    ("Few exceptions exist (exceptions being: Foster et al., 2019).", "Foster", "2019"),
    ("Drift is small, as Higgins & al. (2001) show.", "Higgins", "2001"),
    ("Drift is small, as Higgins et. al. (2001) show.", "Higgins", "2001"),
    ("Data are big, as Tinati, Halford, Carr, Pope (2016) found.", "Tinati", "2016"),
    ("Crime fell (Uniform Crime Reporting (UCR) Program, n.d.).", "Uniform Crime Reporting Program", "n.d."),
    ("In 2004, Fleming showed that rounds teach.", "Fleming", "2004"),
    ("Interleaving was studied by Foster et al. in 2019.", "Foster", "2019"),
    ("Learning follows reinforcement, as B. F. Skinner’s Behaviorist Theory (1953) holds.", "Skinner", "1953"),
    ("Sensors help (Jiang Jianming, Shi Guodong & Li Zhengming, July 2013).", "Jiang Jianming", "2013"),
    ("Water is monitored (Pandian D. R. & Dr. Mala K., 2015).", "Pandian", "2015"),
    ("Water is monitored (Pandian, D. R., & Mala, K., 2015).", "Pandian", "2015"),
    ("Spacing helps (Foster, N. L. et al., 2019).", "Foster", "2019"),
    ("Gradients flow backwards. Figure 2 Tóth, B. (2018, August 13)", "Tóth", "2018"),
])
def test_the_citation_is_found_and_linked(body, author, year):
    report = run(body)
    found = [(c.authors[0], c.year, link.quality) for c, link in zip(report.citations, report.links)]
    assert (author, year, "exact") in found, found
    assert not [p for p in report.problems if p.rule == "missing-reference"]


@pytest.mark.parametrize(("body", "slip"), [
    ("Water is monitored (Pandian D. R. & Dr. Mala K., 2015).", "Give only family names"),
    ("Water is monitored (Pandian, D. R., & Mala, K., 2015).", "Give only family names"),
    ("Spacing helps (Foster, N. L. et al., 2019).", "Give only family names"),
    # brackets standing where the sentence needs a name
    ("Wards were observed. (Fleming, 2004) showed that rounds teach.", "as a name"),
    ("In a trial in three wards, (Fleming, 2004) analyzed the rounds.", "as a name"),
    ("Rounds were discussed by (Fleming, 2004) at length.", "as a name"),
    ("Guides such as (Fleming, 2004) agree.", "as a name"),
    # narrative citations inside brackets: R Markdown's keys in square brackets, a "see" aside
    ("Teams share less [Tinati et al. (2016); Fleming (2004)].", "Round brackets, not square ones"),
    ("Rounds teach (see Fleming (2004) for a review).", "without brackets of its own"),
    ("In Fleming (2004)’s study, rounds taught juniors.", "Put the possessive on the names"),
    ("Rounds were studied with 2,979 juniors Fleming (2004).", "ends your sentence without being part of it"),
    ("Load is an alternative theory A. Fleming (2004).", "ends your sentence without being part of it"),
    ("Sensors help (Jiang Jianming, Shi Guodong & Li Zhengming, July 2013).", "Give only family names"),
    ("Gradients flow backwards. Figure 2 Tóth, B. (2018, August 13)", "how the reference list writes the work"),
    ("Drift is small, as Higgins et. al. (2001) show.", "Write “et al.”"),
    ("Words are vectors here, as in Le and Mikolov, 2014 before.", "Put the year in brackets"),
    ("Fit matters (Cortina & Luchman, 2013; p. 164).", "with a comma, not a semicolon"),
    ("Words are vectors (Le, Mikolov, 2014).", "Join two authors with “&”"),
])
def test_citation_form_names_the_slip_once(body, slip):
    problems = run(body, "citation-form").problems
    assert len(problems) == 1 and slip in problems[0].message, [p.message for p in problems]


@pytest.mark.parametrize("body", [
    "In 2004, Fleming showed that rounds teach.",
    "Fleming's 2004 paper is short.",
    "Skills plateau (Ackerman, 1986, 1988).",
    "Ackerman (1986, 1988) showed it.",
    "Crime fell (Uniform Crime Reporting Program, n.d.).",
    "Rounds teach (Fleming, 2004), showing that wards learn.",
    "Rounds teach (Fleming, 2004) and wards learn.",
    "As shown by Fleming (2004), rounds teach.",
    "Rounds teach juniors (Fleming, 2004). Reports agree.",
    "Rounds teach (see Fleming, 2004, for a review).",
    "In Fleming’s (2004) study, rounds taught juniors.",
    "Rounds were studied by Fleming (2004).",
    "Rounds were studied, as reviewed in Fleming (2004).",
    "The best account of rounds is still that of Fleming (2004).",
])
def test_apa_forms_get_no_citation_form_finding(body):
    report = run(body)
    assert not [p for p in report.problems if p.rule == "citation-form"]
    assert report.citations and all(link.reference is not None for link in report.links)


def test_an_entry_form_citation_is_one_finding_not_three():
    body = "Gradients flow backwards. Figure 2 Le, Q., & Mikolov, T. (2014)"
    rules = [p.rule for p in run(body).problems if p.location and p.location.text.startswith("Le, Q.")]
    assert rules == ["citation-form"]


def test_a_year_in_the_sentence_counts_only_for_a_listed_author_of_that_year():
    report = run("In 2019, Fleming was away; in 2004, 45% agreed. Fleming 1999 is no work of the list.")
    assert [(c.authors[0], c.year) for c in report.citations] == []


@pytest.mark.parametrize("body", [
    # the source named by the author's name alone, right after the quotation
    "Backpropagation is “an algorithm that computes the gradient of the loss”(Tóth).",
    # the entry's author part pasted after the quotation
    "Backpropagation is “an algorithm that computes the gradient of the loss.” Tóth, B. (2018, August 13). It is fast.",
])
def test_a_quotation_from_a_source_cited_the_wrong_way_still_needs_its_paragraph(body):
    assert [p.rule for p in run(body, "quote-without-page").problems] == ["quote-without-page"]


@pytest.mark.parametrize("body", [
    "Backpropagation computes gradients (Tóth).",  # no quotation
    "Backpropagation is “an algorithm that computes the gradient of the loss” (Tóth, 2018, para. 4).",
    "Tóth, B. (2018, August 13) explains backpropagation.",
])
def test_no_quotation_or_a_paragraph_given_is_left_alone(body):
    assert run(body, "quote-without-page").problems == ()


def test_a_loose_et_al_keeps_the_narrative_comma_after_it():
    report = run("Drift is small, as Higgins et. al., (2001) show.")
    assert {p.rule for p in report.problems if p.citation == 0} >= {"citation-form", "narrative-comma"}
    report = run("Drift is small, as Higgins et. al. (2001) show.")
    assert "narrative-comma" not in {p.rule for p in report.problems}


@pytest.mark.parametrize(("body", "flagged"), [
    ("Ponds are watched (Dayan Yadav, Ranjit Kumar & Pankaj Kumar, 2018).", True),
    ("Ponds are watched (Zeena Shareef & SRN Reddy, 2016).", True),
    # family names of two words, or with a particle, are no given names
    ("Ponds are watched (van Dijk & de Souza, 2016).", False),
    ("Ponds are watched (Mills & Reddy, 2016).", False),
])
def test_given_names_in_a_citation_without_an_entry(body, flagged):
    report = run(body)
    assert any("Give only family names" in p.message for p in report.problems) is flagged


@pytest.mark.parametrize(("body", "flagged"), [
    # a long quotation further on in the sentence the citation opens
    ("Fleming (2004) surveyed 4,500 juniors, of whom most showed “signs of unreadiness, including difficulty "
     "hearing or following the ward round” on arrival.", True),
    # a short saying further on is no quotation to locate: “save the time of the reader”
    ("Fleming's (2004) fourth law, “save the time of the reader,” still holds.", False),
    # a short phrase in quotation marks there is no quotation; nor is one in the next sentence
    ("Fleming (2004) surveyed juniors about “ward rounds” on arrival.", False),
    ("Fleming (2004) surveyed juniors. Most showed “signs of unreadiness, including difficulty hearing the round”.",
     False),
])
def test_a_quotation_later_in_the_sentence_of_a_narrative_citation(body, flagged):
    report = run(body, "quote-without-page")
    assert bool(report.problems) is flagged, [p.message for p in report.problems]


@pytest.mark.parametrize(("body", "flagged"), [
    ("Drift is small, as Higgins et al. argue.", True),
    ("Fit matters, as Cortina and Luchman showed.", True),
    ("Fit matters, as Jose M. Cortina and Joseph N. Luchman showed.", True),
    # cited earlier in the paragraph: APA 7 lets the year go; a named theory; a year after a comma
    ("Cortina and Luchman (2013) showed it. Cortina and Luchman also meta-analysed it.", False),
    ("Cortina and Luchman’s Fit Theory holds.", False),
    ("Studies (like those by Cortina & Luchman, 2013) agree.", False),
])
def test_authors_named_without_a_year(body, flagged):
    report = run(body, "citation-form")
    assert any("without the year" in p.message for p in report.problems) is flagged, [p.message for p in report.problems]


def test_et_al_with_the_year_in_the_sentence_cites_even_an_unlisted_work():
    report = run("Gates were introduced by Cho et al. in 2014 as a simpler unit.")
    assert [(c.authors, c.year) for c in report.citations] == [(("Cho",), "2014")]
    assert "missing-reference" in {p.rule for p in report.problems}
    assert "citation-form" not in {p.rule for p in report.problems}  # the year in the sentence is APA
    # without "et al." an unlisted name next to a year is no citation
    assert not run("Sales were reviewed by Cho in 2014 and again later.").citations


def test_a_tacked_on_citation_goes_into_brackets_with_its_initials_and_an_ampersand():
    report = run("Load is an alternative theory A. Cortina and Luchman (2013).", "citation-form")
    (problem,) = report.problems
    assert problem.location.text == "A. Cortina and Luchman (2013)"
    assert problem.suggestion == "(A. Cortina & Luchman, 2013)"
