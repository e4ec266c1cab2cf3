"""The whole pipeline on the sample essays in samples/ and, when present, the project's seeds."""

from pathlib import Path

import pytest

from essaycheck import check
from essaycheck.model import Severity
from essaycheck.settings import Settings
from seeds import SEEDS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OFFLINE = Settings(resolve=False)

# One planted instance of each rule (samples/EXPECTED.md).
MISTAKES = {
    "missing-reference": "Siemens, 2005",
    "uncited-reference": "Schön, D. A. (1983).",
    "year-mismatch": "Hattie & Timperley, 2008",
    "author-mismatch": "Granoveter (1973)",
    "et-al-misuse": "boyd et al., 2007",
    "narrative-comma": "Raj et al., (2017)",
    "ampersand-in-narrative": "Braun & Clarke (2006)",
    "and-in-parenthetical": "Lave and Wenger, 1991",
    "missing-comma": "Granovetter 1973",
    "citation-order": "(Wenger, 1998; Lave & Wenger, 1991)",
    "reference-order": None,
    "doi-format": "doi:10.1191/1478088706qp063oa",
    "retrieved-from": "Retrieved from",
    "quote-without-page": "boyd & Ellison, 2007",
    "duplicate-reference": "Wenger, E. (1998).",
    "suffix-needed": None,
    "ambiguous-citation": None,
}


@pytest.mark.parametrize("name", ["clean-essay.docx", "clean-essay.txt", "clean-essay.md"])
def test_clean_essay_has_no_problems(name):
    report = check(SAMPLES / name, OFFLINE)
    assert [(p.rule, p.location and p.location.text) for p in report.problems] == []
    assert len(report.citations) == 20 and len(report.references) == 11
    assert all(link.reference is not None for link, c in zip(report.links, report.citations) if c.role == "work")


@pytest.mark.parametrize("name", ["mistakes-essay.docx", "mistakes-essay.txt"])
def test_mistakes_essay_catches_each_planted_mistake(name):
    report = check(SAMPLES / name, OFFLINE)
    found = {}
    for problem in report.problems:
        found.setdefault(problem.rule, []).append(problem.location.text if problem.location else "")
    for rule, text in MISTAKES.items():
        assert rule in found, f"{rule} not reported"
        if text:
            assert any(text in quoted for quoted in found[rule]), (rule, found[rule])
    unexpected = set(found) - set(MISTAKES)
    assert not unexpected, unexpected
    assert found["uncited-reference"] == [t for t in found["uncited-reference"] if "Schön" in t]


def test_blog_post_gives_nothing():
    report = check(SAMPLES / "blog-post.txt", OFFLINE)
    assert report.citations == ()
    assert all(p.severity is Severity.INFO for p in report.problems)


def test_docx_and_txt_of_the_mistakes_essay_agree():
    docx = check(SAMPLES / "mistakes-essay.docx", OFFLINE)
    txt = check(SAMPLES / "mistakes-essay.txt", OFFLINE)
    assert [(c.text, c.year) for c in docx.citations] == [(c.text, c.year) for c in txt.citations]
    # plain text carries no italics, so only the Word file can have italics findings
    assert sorted(p.rule for p in docx.problems if p.rule != "italics") == sorted(p.rule for p in txt.problems)


# --- the seeds this project started from (skipped when ../shared is not beside the checkout) ---

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")


@needs_seeds
def test_inf305_seed():
    report = check(SEEDS / "001_623e39b58d41a856.txt", OFFLINE)
    assert [(c.authors, c.year, c.narrative) for c in report.citations] == [
        (("Page Group",), "2022", False), (("Raj",), "2017", True)]
    assert [link.reference for link in report.links] == [0, 1]
    assert [(p.rule, p.location.text) for p in report.problems] == [("narrative-comma", "Raj et al., (2017)")]
    assert report.problems[0].suggestion == "Raj et al. (2017)"


@needs_seeds
def test_blog_seed():
    report = check(SEEDS / "000_c740e5f9a9bc5037.txt", OFFLINE)
    assert report.citations == ()
    assert all(p.severity is Severity.INFO for p in report.problems)


@needs_seeds
@pytest.mark.parametrize("seed", ["001_623e39b58d41a856.txt", "000_c740e5f9a9bc5037.txt"])
def test_seeds_as_word_files_give_the_same_report(tmp_path, seed):
    """Students send .docx: the seed typed into Word must give what the plain text gives."""
    import docx

    text_report = check(SEEDS / seed, OFFLINE)
    document = docx.Document()
    for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines():
        if line.strip() == "References":
            document.add_heading(line, level=1)
        elif line.strip():
            document.add_paragraph(line)
    path = tmp_path / "seed.docx"
    document.save(path)
    word_report = check(path, OFFLINE)
    assert [(c.text, c.year) for c in word_report.citations] == [(c.text, c.year) for c in text_report.citations]
    # typed without italics or a hanging indent, the Word file also needs italics and the list's layout
    assert [(p.rule, p.location and p.location.text) for p in word_report.problems
            if p.rule != "italics" and not p.rule.startswith("layout-")] == \
        [(p.rule, p.location and p.location.text) for p in text_report.problems]
    if len(text_report.references) >= 2:
        assert "layout-hanging-indent" in {p.rule for p in word_report.problems}
    italic = {p.location.text for p in word_report.problems if p.rule == "italics"}
    if text_report.references:
        assert {"43", "Top 12 benefits of networking: Why networking is important"} <= italic


TRICKY_BUT_CORRECT = """Networking and learning
The World Health Organization (2020) and others (World Health Organization [WHO], 2020) note burnout; later work agrees (WHO, 2020). According to the American Psychological Association (2020), style matters (see also Braun & Clarke, 2006, pp. 80–81).
Feedback helps learners (e.g., Hattie & Timperley, 2007; Vygotsky, 1978, as cited in Lave & Wenger, 1991). Mentors said so (M. Chen, personal communication, March 3, 2023). The edited volume (Smith, 2020) and the report ("Digital Skills," 2021) agree.
van Merriënboer and Sweller (2005) describe cognitive load; boyd and Ellison (2007) define social network sites. In 2019, 45% of members (n = 312) attended (see Table 2).
References
American Psychological Association. (2020). Publication manual of the American Psychological Association (7th ed.). https://doi.org/10.1037/0000165-000
boyd, d. m., & Ellison, N. B. (2007). Social network sites: Definition, history, and scholarship. Journal of Computer-Mediated Communication, 13(1), 210–230. https://doi.org/10.1111/j.1083-6101.2007.00393.x
Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, 3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa
Digital skills for the library workforce. (2021). Library Journal, 146(3), 12–14.
Hattie, J., & Timperley, H. (2007). The power of feedback. Review of Educational Research, 77(1), 81–112. https://doi.org/10.3102/003465430298487
Lave, J., & Wenger, E. (1991). Situated learning: Legitimate peripheral participation. Cambridge University Press.
Smith, J. (Ed.). (2020). Networks in practice. Routledge.
van Merriënboer, J. J. G., & Sweller, J. (2005). Cognitive load theory and complex learning: Recent developments and future directions. Educational Psychology Review, 17(2), 147–177. https://doi.org/10.1007/s10648-005-3951-0
World Health Organization. (2020). Burn-out an "occupational phenomenon". https://www.who.int/news/item/28-05-2019-burn-out-an-occupational-phenomenon-international-classification-of-diseases
"""


def test_correct_apa_in_its_less_common_forms_gives_no_problem():
    """Group authors and their abbreviation, secondary sources, personal communications, an edited
    book, a work without author cited by title, particles and lower-case names: all correct APA 7."""
    from essaycheck import check_text

    report = check_text(TRICKY_BUT_CORRECT, OFFLINE)
    assert [(p.rule, p.location and p.location.text) for p in report.problems] == []
    roles = {c.text: (c.role, link.reference) for c, link in zip(report.citations, report.links)}
    assert roles["WHO, 2020"] == ("work", 8)
    assert roles['"Digital Skills," 2021'] == ("work", 3)
    assert roles["Vygotsky, 1978"] == ("secondary-original", None)
    assert len(report.citations) == 13
