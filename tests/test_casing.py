"""Capitals in titles (essaycheck.casing) and the title-case and periodical-case rules on whole essays."""

from __future__ import annotations

import pytest

from essaycheck import check_text
from essaycheck.casing import (capitalised_after_colons, is_all_capitals, is_english, is_title_case,
                               journal_title_case, proper_words, sentence_case)
from essaycheck.settings import Settings

OFFLINE = Settings(resolve=False)


@pytest.mark.parametrize("written, expected", [
    # articles, books, chapters, reports, web pages
    ("Trustworthiness of Crowds Is Gleaned in Half a Second", "Trustworthiness of crowds is gleaned in half a second"),
    ("Using Thematic Analysis in Psychology", "Using thematic analysis in psychology"),
    ("Communities of Practice: Learning, Meaning, and Identity", "Communities of practice: Learning, meaning, and identity"),
    ("The Strength of Weak Ties", "The strength of weak ties"),
    ("Why Do People Use Facebook?", "Why do people use Facebook?"),
    ("Self-Determination Theory and the Facilitation of Intrinsic Motivation",
     "Self-determination theory and the facilitation of intrinsic motivation"),
    ("Learning Online — A Guide for Busy Teachers", "Learning online — A guide for busy teachers"),
    ("Is It Working? Evaluating Peer Tutoring Programs", "Is it working? Evaluating peer tutoring programs"),
    # acronyms, inner capitals, names and nationalities keep their capitals
    ("Teaching With COVID-19 Data in UK Schools", "Teaching with COVID-19 data in UK schools"),
    ("How McDonald's Changed the Way Families Eat", "How McDonald's changed the way families eat"),
    ("iPhone Use Among Australian Students", "iPhone use among Australian students"),
    ("Education Reform in China and Turkey: A Comparative Study", "Education reform in China and Turkey: A comparative study"),
    ("Sleep and Health Behaviors of Adolescents in the United States",
     "Sleep and health behaviors of adolescents in the United States"),
    ("Black Students and White Teachers in Urban Schools", "Black students and White teachers in urban schools"),
    ("Networks of Practice in the Victorian Era", "Networks of practice in the Victorian era"),
])
def test_title_case_titles_are_found_and_corrected(written, expected):
    assert is_title_case(written)
    assert sentence_case(written) == expected


@pytest.mark.parametrize("title", [
    "The Chicago face database: A free stimulus set of faces and norming data",
    "Learning from COVID-19 in Sub-Saharan Africa",
    "Identity and professional networking",
    "Communities of Practice",  # one major word after the first: could be a name
    "Die Entwicklung der Sprache im Kindesalter",  # German nouns keep their capitals
    "La educación en América Latina",
    "TRUSTWORTHINESS OF CROWDS IS GLEANED",  # capitals: a finding of its own, without a rewrite
    "Piaget and Vygotsky on Learning",  # names the word lists do not know
])
def test_titles_left_alone(title):
    assert not is_title_case(title)


def test_sentence_case_never_lowers_a_word_it_does_not_know_or_the_essay_shows_as_a_name():
    assert sentence_case("Learning With Zorblat Methods in Practice") == "Learning with Zorblat methods in practice"
    known = proper_words(["We visited the Brown Institute and talked to Brown about it.",
                          "Both groups used Moodle, as the World Health Organization advised."], names=["Okafor"])
    assert {"moodle", "world health organization", "okafor"} <= known
    assert sentence_case("Using Moodle and Okafor Methods for World Health Organization Guidance", known) == \
        "Using Moodle and Okafor methods for World Health Organization guidance"


def test_a_word_the_essay_also_writes_in_lower_case_is_not_a_name():
    known = proper_words(["Students used Machine Learning tools.", "Most machine learning courses are new."])
    assert "machine" not in known and "machine learning" not in known


def test_a_title_quoted_in_the_essay_names_nothing():
    title = "Perception of Body Weight Status Is Associated with Food Intake"
    known = proper_words([f'A study by Mbogori, titled "{title}," asked teenagers.',
                          "A study in the Lancet, \u201cGrowth Charts Reconsidered in Practice\u201d, agreed."])
    assert not {"body", "weight", "body weight status is associated", "growth charts reconsidered in practice"} & known
    assert "lancet" in known  # what stands outside the quotation marks still counts
    assert is_title_case(title, known)


def test_capitals_and_language():
    assert is_all_capitals("THE STRENGTH OF WEAK TIES") and not is_all_capitals("The UK and the USA")
    assert is_english("The strength of weak ties") and not is_english("Die Entwicklung der Sprache")
    assert not is_english("Revista de Saúde Pública")


def test_first_word_after_a_colon():
    assert capitalised_after_colons("Weather impacts: a quantitative analysis") == "Weather impacts: A quantitative analysis"
    assert capitalised_after_colons("Phones in class: iPhone habits") == "Phones in class: iPhone habits"
    assert capitalised_after_colons("Meeting at 10:30 today") == "Meeting at 10:30 today"


@pytest.mark.parametrize("written, expected", [
    ("Qualitative research in psychology", "Qualitative Research in Psychology"),
    ("Accident analysis & prevention", "Accident Analysis & Prevention"),
    ("Journal of Computer-Mediated Communication", "Journal of Computer-Mediated Communication"),
    ("iScience", "iScience"),
    ("PLoS ONE", "PLoS ONE"),
    ("Revista de Saúde Pública", "Revista de Saúde Pública"),
])
def test_journal_names_in_title_case(written, expected):
    assert journal_title_case(written) == expected


def _problems(essay: str, rule: str):
    return [p for p in check_text(essay, OFFLINE.updated(select=(rule,))).problems]


def test_one_finding_per_entry_with_the_title_as_its_place():
    essay = ("Networks\nTies matter (Granovetter, 1973).\nReferences\n"
             "Granovetter, M. S. (1973). The Strength of Weak Ties. American journal of sociology, 78(6), 1360–1380.\n")
    (title,) = _problems(essay, "title-case")
    assert title.location.text == "The Strength of Weak Ties" and title.suggestion == "The strength of weak ties"
    assert "sentence case" in title.message
    (journal,) = _problems(essay, "periodical-case")
    assert journal.location.text == "American journal of sociology"
    assert journal.suggestion == "American Journal of Sociology"


def test_a_title_in_capitals_is_told_without_a_rewrite():
    essay = ("Networks\nTies matter (Granovetter, 1973).\nReferences\n"
             "Granovetter, M. S. (1973). THE STRENGTH OF WEAK TIES. American Journal of Sociology, 78(6), 1360–1380.\n")
    (found,) = _problems(essay, "title-case")
    assert "capitals" in found.message and found.suggestion is None


@pytest.mark.parametrize(("title", "expected"), [
    # the main title in title case, the subtitle in sentence case
    ("Data Privacy in Machine Learning: A technical deep-dive", "Data privacy in machine learning: A technical deep-dive"),
    ("Data Privacy in Machine Learning: a technical deep-dive", "Data privacy in machine learning: A technical deep-dive"),
    # a span of years ends the title: it is no page range read into it
    ("Disparities in Access to Health Care in the US 2011-2015", "Disparities in access to health care in the US 2011-2015"),
    # left alone: a short main title may be a name ("Deep Learning"); sentence case throughout
    ("Deep Learning: A review of the field", None),
    ("Data privacy in machine learning: A technical deep-dive", None),
])
def test_title_case_before_a_colon_and_before_a_span_of_years(title, expected):
    essay = (f"Networks\nPrivacy matters (Dorsch, 2020).\nReferences\nDorsch, A. (2020). {title}. Journal of Lantern "
             "Privacy, 3(2), 1–9.\n")
    found = _problems(essay, "title-case")
    assert [p.suggestion for p in found] == ([expected] if expected else [])


@pytest.mark.parametrize(("entry", "flagged"), [
    # a title read together with what follows it is judged on its own part
    ("S. Lee, X. Zhao, L. Stan Demystifying CNNs for Images by Matched Lanterns (2022), pp. 1-10", True),
    ("Jose, J. (2022). INTRODUCTION TO TIME SERIES ANALYSIS AND ITS LANTERNS.ResearchGate.https://www.example.net/x",
     True),
    ("Lee, S. (2022). Memory for lanterns: A new model. Journal of Lanterns, 3(2), 1–9.", False),
    # a book's title with its series run into it
    ("Lee, A., & Buerk, A. (2001). Soil carbon for lanterns. In C. Martin (Ed.), Managing Organic Lanterns in Tropical "
     "Soils: Scope and Limitations. Developments in Plant Sciences (pp. 131–142). Springer.", True),
])
def test_a_title_read_with_the_next_field_is_judged_on_its_own(entry, flagged):
    essay = f"Networks\nLanterns matter (Lee et al., 2022; Jose, 2022; Lee, 2022).\nReferences\n{entry}\n"
    assert bool(_problems(essay, "title-case")) is flagged
    from essaycheck.rules.capitalisation import _leading_title

    # unless the source was read into it too
    assert _leading_title("Support Vector Lanterns: A new model, Ain Shams Lantern Journal, Volume 15, 2024") == ""


def test_a_heading_of_the_essay_in_title_case_names_nothing():
    known = proper_words(["Water Quality Monitoring Using Zigbee Based Sensor Networks",
                          "This paper applies Zigbee Based sensor networks to ponds."])
    assert "zigbee based" in known and not any("monitoring" in w or "quality" in w for w in known)


def test_a_repeated_entry_is_left_to_duplicate_reference():
    entry = "Granovetter, M. S. (1973). The Strength of Weak Ties. American Journal of Sociology, 78(6), 1360–1380."
    essay = f"Networks\nTies matter (Granovetter, 1973).\nReferences\n{entry}\n{entry}\n"
    assert len(_problems(essay, "title-case")) == 1


def test_metadata_mismatch_ignores_a_difference_of_case_alone():
    from essaycheck.model import Author
    from essaycheck.resolve.compare import compare
    from resolve_support import entry

    reference = entry(title="Identity and professional networking", authors=(Author("Raj", "M."),),
                      year="2017", year_number=2017, type="article-journal")
    record = {"title": "Identity and Professional Networking", "author": [{"family": "Raj", "given": "M."}],
              "issued": {"date-parts": [[2017]]}}
    assert compare(reference, record).title_score >= 99


def test_format_writes_titles_in_apa_case():
    from essaycheck.formatting import format_bibliography

    items = [{"id": "a", "type": "article-journal", "title": "Identity and Professional Networking",
              "container-title": "Personality and social psychology bulletin", "volume": "43", "issue": "6",
              "page": "772-784", "author": [{"family": "Raj", "given": "Maya"}], "issued": {"date-parts": [[2017]]}},
             {"id": "b", "type": "book", "title": "Die Entwicklung der Sprache im Kindesalter",
              "author": [{"family": "Hashimoto", "given": "Kenji"}], "issued": {"date-parts": [[2019]]},
              "publisher": "Springer"}]
    text = format_bibliography(items, "apa", "text")
    assert "Identity and professional networking. Personality and Social Psychology Bulletin" in text
    assert "Die Entwicklung der Sprache im Kindesalter" in text  # German keeps its capitals


def test_the_corrected_entry_of_reference_format_is_in_sentence_case_too():
    essay = ("Networks\nTies matter (Granovetter, 1973).\nReferences\n"
             "Granovetter, M. S. (1973). The Strength of Weak Ties. American Journal of Sociology, 78 (6), 1360–1380.\n")
    (finding,) = _problems(essay, "reference-format")
    assert "The strength of weak ties. American Journal of Sociology, 78(6)" in finding.suggestion


def test_the_corrected_entry_keeps_a_name_the_essay_shows():
    essay = ("Mentoring\nStudents in the Bridges Program stayed longer (Ode, 2020), and the Bridges Program grew.\n"
             "References\nOde, A. (2020). Evaluating the Bridges Program. Journal of Lantern Mentoring, 3 (2), 1–9.\n")
    report = check_text(essay, OFFLINE)
    (entry,) = [p for p in report.problems if p.rule == "reference-format"]
    assert "Evaluating the Bridges Program." in entry.suggestion
    assert not [p for p in report.problems if p.rule == "title-case"]
