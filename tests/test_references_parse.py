"""parse_reference on real APA 7 entries: every field of every entry is checked."""

from __future__ import annotations

import dataclasses

import pytest

from essaycheck.model import Author, Location, Reference
from essaycheck.references import parse_reference

_FIELDS = [f for f in dataclasses.fields(Reference) if f.name not in ("index", "text", "location")]
_DEFAULTS = {f.name: f.default for f in _FIELDS}


def people(*names: str) -> tuple[Author, ...]:
    """people("Raj|M.", "Fast|N. J.") -> the Author values."""
    return tuple(Author(family=n.split("|")[0], given=n.split("|")[1]) for n in names)


def group(name: str) -> tuple[Author, ...]:
    return (Author(literal=name),)


RAJ = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. "
       "Personality & Social Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299")
RAJ_FIELDS = dict(
    type="article-journal", authors=people("Raj|M.", "Fast|N. J.", "Fisher|O."),
    authors_text="Raj, M., Fast, N. J., & Fisher, O.", year="2017", year_number=2017,
    title="Identity and professional networking", container_title="Personality & Social Psychology Bulletin",
    volume="43", issue="6", pages="772–784", doi="10.1177/0146167217697299",
    doi_text="https://doi.org/10.1177/0146167217697299",
)
RYAN = ("Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic "
        "motivation, social development, and well-being. American Psychologist, 55(1), 68–78. ")
RYAN_FIELDS = dict(
    type="article-journal", authors=people("Ryan|R. M.", "Deci|E. L."), authors_text="Ryan, R. M., & Deci, E. L.",
    year="2000", year_number=2000,
    title="Self-determination theory and the facilitation of intrinsic motivation, social development, and well-being",
    container_title="American Psychologist", volume="55", issue="1", pages="68–78",
    doi="10.1037/0003-066x.55.1.68",
)
KALNAY_NAMES = ("Kalnay|E.", "Kanamitsu|M.", "Kistler|R.", "Collins|W.", "Deaven|D.", "Gandin|L.", "Iredell|M.",
                "Saha|S.", "White|G.", "Woollen|J.", "Zhu|Y.", "Chelliah|M.", "Ebisuzaki|W.", "Higgins|W.",
                "Janowiak|J.", "Mo|K. C.", "Ropelewski|C.", "Wang|J.", "Leetmaa|A.", "Joseph|D.")
KALNAY_AUTHORS = ", ".join(n.replace("|", ", ") for n in KALNAY_NAMES[:-1]) + ", . . . Joseph, D."

CASES = [
    pytest.param(RAJ, RAJ_FIELDS, id="seed-journal-article"),
    pytest.param(
        RAJ.replace("Personality & Social", "Personality and Social"),
        {**RAJ_FIELDS, "container_title": "Personality and Social Psychology Bulletin"},
        id="journal-name-with-and",
    ),
    pytest.param(
        "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in "
        "Psychology, 3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa",
        dict(type="article-journal", authors=people("Braun|V.", "Clarke|V."), authors_text="Braun, V., & Clarke, V.",
             year="2006", year_number=2006, title="Using thematic analysis in psychology",
             container_title="Qualitative Research in Psychology", volume="3", issue="2", pages="77–101",
             doi="10.1191/1478088706qp063oa", doi_text="https://doi.org/10.1191/1478088706qp063oa"),
        id="braun-clarke",
    ),
    pytest.param(
        "Hattie, J., & Timperley, H. (2007). The power of feedback. Review of Educational Research, 77(1), "
        "81-112. http://dx.doi.org/10.3102/003465430298487",
        dict(type="article-journal", authors=people("Hattie|J.", "Timperley|H."),
             authors_text="Hattie, J., & Timperley, H.", year="2007", year_number=2007, title="The power of feedback",
             container_title="Review of Educational Research", volume="77", issue="1", pages="81-112",
             doi="10.3102/003465430298487", doi_text="http://dx.doi.org/10.3102/003465430298487"),
        id="hattie-hyphen-pages-dx-doi",
    ),
    pytest.param(RYAN + "https://doi.org/10.1037/0003-066X.55.1.68",
                 {**RYAN_FIELDS, "doi_text": "https://doi.org/10.1037/0003-066X.55.1.68"}, id="ryan-deci"),
    pytest.param(RYAN + "doi:10.1037/0003-066X.55.1.68", {**RYAN_FIELDS, "doi_text": "doi:10.1037/0003-066X.55.1.68"},
                 id="doi-colon"),
    pytest.param(RYAN + "DOI: 10.1037/0003-066X.55.1.68.",
                 {**RYAN_FIELDS, "doi_text": "DOI: 10.1037/0003-066X.55.1.68"}, id="doi-label-trailing-period"),
    pytest.param(
        "Vygotsky, L. S. (1978). Mind in society: The development of higher psychological processes. "
        "Harvard University Press.",
        dict(type="book", authors=people("Vygotsky|L. S."), authors_text="Vygotsky, L. S.", year="1978",
             year_number=1978, title="Mind in society: The development of higher psychological processes",
             publisher="Harvard University Press"),
        id="vygotsky-book",
    ),
    pytest.param(
        "boyd, d. m., & Ellison, N. B. (2007). Social network sites: Definition, history, and scholarship. "
        "Journal of Computer-Mediated Communication, 13(1), 210–230. "
        "https://doi.org/10.1111/j.1083-6101.2007.00393.x",
        dict(type="article-journal", authors=people("boyd|d. m.", "Ellison|N. B."),
             authors_text="boyd, d. m., & Ellison, N. B.", year="2007", year_number=2007,
             title="Social network sites: Definition, history, and scholarship",
             container_title="Journal of Computer-Mediated Communication", volume="13", issue="1", pages="210–230",
             doi="10.1111/j.1083-6101.2007.00393.x", doi_text="https://doi.org/10.1111/j.1083-6101.2007.00393.x"),
        id="boyd-lowercase-name",
    ),
    pytest.param(
        "van Merriënboer, J. J. G., & Sweller, J. (2005). Cognitive load theory and complex learning: Recent "
        "developments and future directions. Educational Psychology Review, 17(2), 147–177. "
        "https://doi.org/10.1007/s10648-005-3951-0",
        dict(type="article-journal", authors=people("van Merriënboer|J. J. G.", "Sweller|J."),
             authors_text="van Merriënboer, J. J. G., & Sweller, J.", year="2005", year_number=2005,
             title="Cognitive load theory and complex learning: Recent developments and future directions",
             container_title="Educational Psychology Review", volume="17", issue="2", pages="147–177",
             doi="10.1007/s10648-005-3951-0", doi_text="https://doi.org/10.1007/s10648-005-3951-0"),
        id="particle-and-diaeresis",
    ),
    pytest.param(
        "Van Dijk, T. A. (1993). Principles of critical discourse analysis. Discourse & Society, 4(2), 249–283. "
        "https://doi.org/10.1177/0957926593004002006",
        dict(type="article-journal", authors=people("Van Dijk|T. A."), authors_text="Van Dijk, T. A.",
             year="1993", year_number=1993, title="Principles of critical discourse analysis",
             container_title="Discourse & Society", volume="4", issue="2", pages="249–283",
             doi="10.1177/0957926593004002006", doi_text="https://doi.org/10.1177/0957926593004002006"),
        id="capital-particle-single-author",
    ),
    pytest.param(
        "Jerrentrup, A., Mueller, T., Glowalla, U., Herder, M., Henrichs, N., Neubauer, A., & Schaefer, J. R. "
        "(2018). Teaching medicine with the help of \"Dr. House.\" PLoS ONE, 13(3), Article e0193972. "
        "https://doi.org/10.1371/journal.pone.0193972",
        dict(type="article-journal",
             authors=people("Jerrentrup|A.", "Mueller|T.", "Glowalla|U.", "Herder|M.", "Henrichs|N.", "Neubauer|A.",
                            "Schaefer|J. R."),
             authors_text="Jerrentrup, A., Mueller, T., Glowalla, U., Herder, M., Henrichs, N., Neubauer, A., & "
                          "Schaefer, J. R.",
             year="2018", year_number=2018, title="Teaching medicine with the help of \"Dr. House\"",
             container_title="PLoS ONE", volume="13", issue="3", article_number="e0193972",
             doi="10.1371/journal.pone.0193972", doi_text="https://doi.org/10.1371/journal.pone.0193972"),
        id="article-number-quoted-title",
    ),
    pytest.param(
        "Nowak, Ł., Øvrebø, K., & Müller, H.-J. (2021). Article 12 of the charter. Journal of European Law, 12, "
        "Article 12. https://doi.org/10.1000/jel.2021.12",
        dict(type="article-journal", authors=people("Nowak|Ł.", "Øvrebø|K.", "Müller|H.-J."),
             authors_text="Nowak, Ł., Øvrebø, K., & Müller, H.-J.", year="2021", year_number=2021,
             title="Article 12 of the charter", container_title="Journal of European Law", volume="12",
             article_number="12", doi="10.1000/jel.2021.12", doi_text="https://doi.org/10.1000/jel.2021.12"),
        id="non-ascii-names-article-number-without-issue",
    ),
    pytest.param(
        KALNAY_AUTHORS + " (1996). The NCEP/NCAR 40-year reanalysis project. Bulletin of the American "
        "Meteorological Society, 77(3), 437–471. https://doi.org/10.1175/1520-0477(1996)077<0437:TNYRP>2.0.CO;2",
        dict(type="article-journal", authors=people(*KALNAY_NAMES), authors_text=KALNAY_AUTHORS, author_ellipsis=True,
             year="1996", year_number=1996, title="The NCEP/NCAR 40-year reanalysis project",
             container_title="Bulletin of the American Meteorological Society", volume="77", issue="3",
             pages="437–471", doi="10.1175/1520-0477(1996)077<0437:tnyrp>2.0.co;2",
             doi_text="https://doi.org/10.1175/1520-0477(1996)077<0437:TNYRP>2.0.CO;2"),
        id="21-plus-authors-ellipsis",
    ),
    pytest.param(
        "Smith, J. A., & Osborn, M. (2015). Interpretative phenomenological analysis. In J. A. Smith (Ed.), "
        "Qualitative psychology: A practical guide to research methods (3rd ed., pp. 25–52). SAGE Publications.",
        dict(type="chapter", authors=people("Smith|J. A.", "Osborn|M."), authors_text="Smith, J. A., & Osborn, M.",
             editors=people("Smith|J. A."), year="2015", year_number=2015,
             title="Interpretative phenomenological analysis",
             container_title="Qualitative psychology: A practical guide to research methods", edition="3rd",
             pages="25–52", publisher="SAGE Publications"),
        id="chapter-one-editor-edition",
    ),
    pytest.param(
        "Deci, E. L., & Ryan, R. M. (2012). Self-determination theory. In P. A. M. Van Lange, A. W. Kruglanski, "
        "& E. T. Higgins (Eds.), Handbook of theories of social psychology (Vol. 1, pp. 416–436). SAGE "
        "Publications. https://doi.org/10.4135/9781446249215.n21",
        dict(type="chapter", authors=people("Deci|E. L.", "Ryan|R. M."), authors_text="Deci, E. L., & Ryan, R. M.",
             editors=people("Van Lange|P. A. M.", "Kruglanski|A. W.", "Higgins|E. T."), year="2012",
             year_number=2012, title="Self-determination theory",
             container_title="Handbook of theories of social psychology", volume="1", pages="416–436",
             publisher="SAGE Publications", doi="10.4135/9781446249215.n21",
             doi_text="https://doi.org/10.4135/9781446249215.n21"),
        id="chapter-three-editors-volume",
    ),
    pytest.param(
        "Braun, V., Clarke, V., Hayfield, N., & Terry, G. (2019). Thematic analysis. In P. Liamputtong (Ed.), "
        "Handbook of research methods in health social sciences (pp. 843–860). Springer. "
        "https://doi.org/10.1007/978-981-10-5251-4_103",
        dict(type="chapter", authors=people("Braun|V.", "Clarke|V.", "Hayfield|N.", "Terry|G."),
             authors_text="Braun, V., Clarke, V., Hayfield, N., & Terry, G.", editors=people("Liamputtong|P."),
             year="2019", year_number=2019, title="Thematic analysis",
             container_title="Handbook of research methods in health social sciences", pages="843–860",
             publisher="Springer", doi="10.1007/978-981-10-5251-4_103",
             doi_text="https://doi.org/10.1007/978-981-10-5251-4_103"),
        id="chapter-doi",
    ),
    pytest.param(
        "Creswell, J. W., & Creswell, J. D. (2018). Research design: Qualitative, quantitative, and mixed methods "
        "approaches (5th ed.). SAGE Publications.",
        dict(type="book", authors=people("Creswell|J. W.", "Creswell|J. D."),
             authors_text="Creswell, J. W., & Creswell, J. D.", year="2018", year_number=2018,
             title="Research design: Qualitative, quantitative, and mixed methods approaches", edition="5th",
             publisher="SAGE Publications"),
        id="book-edition",
    ),
    pytest.param(
        "American Psychological Association. (2020). Publication manual of the American Psychological "
        "Association (7th ed.). https://doi.org/10.1037/0000165-000",
        dict(type="book", authors=group("American Psychological Association"),
             authors_text="American Psychological Association.", year="2020", year_number=2020,
             title="Publication manual of the American Psychological Association", edition="7th",
             doi="10.1037/0000165-000", doi_text="https://doi.org/10.1037/0000165-000"),
        id="group-author-book",
    ),
    pytest.param(
        "Kesharwani, P. (Ed.). (2020). Nanotechnology based approaches for tuberculosis treatment. Academic Press.",
        dict(type="book", editors=people("Kesharwani|P."), editors_as_authors=True,
             authors_text="Kesharwani, P. (Ed.).", year="2020", year_number=2020,
             title="Nanotechnology based approaches for tuberculosis treatment", publisher="Academic Press"),
        id="editor-as-author",
    ),
    pytest.param(
        "Hygum, E., & Pedersen, P. M. (Eds.). (2010). Early childhood education: Values and practices in "
        "Denmark. Hans Reitzels Forlag.",
        dict(type="book", editors=people("Hygum|E.", "Pedersen|P. M."), editors_as_authors=True,
             authors_text="Hygum, E., & Pedersen, P. M. (Eds.).", year="2010", year_number=2010,
             title="Early childhood education: Values and practices in Denmark", publisher="Hans Reitzels Forlag"),
        id="editors-as-authors",
    ),
    pytest.param(
        "King, M. L., Jr. (1963). Why we can't wait. Harper & Row.",
        dict(type="book", authors=people("King|M. L., Jr."), authors_text="King, M. L., Jr.", year="1963",
             year_number=1963, title="Why we can't wait", publisher="Harper & Row"),
        id="suffix-jr",
    ),
    pytest.param(
        "Evans, A. C., Jr., Garbarino, J., Bocanegra, E., Kinscherff, R. T., & Márquez-Greene, N. (2019, August "
        "8–11). Gun violence: An event on the power of community [Conference presentation]. APA 2019 Convention, "
        "Chicago, IL, United States. https://convention.apa.org/2019-video",
        dict(type="paper-conference",
             authors=people("Evans|A. C., Jr.", "Garbarino|J.", "Bocanegra|E.", "Kinscherff|R. T.",
                            "Márquez-Greene|N."),
             authors_text="Evans, A. C., Jr., Garbarino, J., Bocanegra, E., Kinscherff, R. T., & Márquez-Greene, N.",
             year="2019", year_number=2019, date_extra="August 8–11",
             title="Gun violence: An event on the power of community",
             container_title="APA 2019 Convention, Chicago, IL, United States",
             url="https://convention.apa.org/2019-video", genre="Conference presentation"),
        id="conference-presentation",
    ),
    pytest.param(
        "Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K. (2019). BERT: Pre-training of deep bidirectional "
        "transformers for language understanding. In Proceedings of the 2019 Conference of the North American "
        "Chapter of the Association for Computational Linguistics: Human Language Technologies (Vol. 1, "
        "pp. 4171–4186). Association for Computational Linguistics. https://doi.org/10.18653/v1/N19-1423",
        dict(type="paper-conference", authors=people("Devlin|J.", "Chang|M.-W.", "Lee|K.", "Toutanova|K."),
             authors_text="Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K.", year="2019", year_number=2019,
             title="BERT: Pre-training of deep bidirectional transformers for language understanding",
             container_title="Proceedings of the 2019 Conference of the North American Chapter of the Association "
                             "for Computational Linguistics: Human Language Technologies",
             volume="1", pages="4171–4186", publisher="Association for Computational Linguistics",
             doi="10.18653/v1/n19-1423", doi_text="https://doi.org/10.18653/v1/N19-1423"),
        id="proceedings-hyphenated-initials",
    ),
    pytest.param(
        "Nguyen, T. H. (2018). Peer feedback in first-year academic writing [Doctoral dissertation, University of "
        "Sydney]. Sydney eScholarship Repository. https://hdl.handle.net/2123/18243",
        dict(type="thesis", authors=people("Nguyen|T. H."), authors_text="Nguyen, T. H.", year="2018",
             year_number=2018, title="Peer feedback in first-year academic writing",
             container_title="Sydney eScholarship Repository", publisher="University of Sydney",
             genre="Doctoral dissertation", url="https://hdl.handle.net/2123/18243"),
        id="doctoral-dissertation",
    ),
    pytest.param(
        "Ebert, L. (2016). Professional networking among early-career librarians [Master's thesis, Charles Sturt "
        "University]. CSU Research Output.",
        dict(type="thesis", authors=people("Ebert|L."), authors_text="Ebert, L.", year="2016", year_number=2016,
             title="Professional networking among early-career librarians", container_title="CSU Research Output",
             publisher="Charles Sturt University", genre="Master's thesis"),
        id="masters-thesis",
    ),
    pytest.param(
        "National Cancer Institute. (2019). Taking time: Support for people with cancer (NIH Publication No. "
        "18-2059). U.S. Department of Health and Human Services, National Institutes of Health. "
        "https://www.cancer.gov/publications/patient-education/takingtime.pdf",
        dict(type="report", authors=group("National Cancer Institute"), authors_text="National Cancer Institute.",
             year="2019", year_number=2019, title="Taking time: Support for people with cancer",
             genre="NIH Publication No. 18-2059",
             publisher="U.S. Department of Health and Human Services, National Institutes of Health",
             url="https://www.cancer.gov/publications/patient-education/takingtime.pdf"),
        id="report-publication-number",
    ),
    pytest.param(
        "Australian Institute of Health and Welfare. (2020). Australia's health 2020: Data insights (Report No. "
        "16). AIHW.",
        dict(type="report", authors=group("Australian Institute of Health and Welfare"),
             authors_text="Australian Institute of Health and Welfare.", year="2020", year_number=2020,
             title="Australia's health 2020: Data insights", genre="Report No. 16", publisher="AIHW"),
        id="report-number",
    ),
    pytest.param(
        "World Health Organization. (2020). Global tuberculosis report 2020. "
        "https://www.who.int/publications/i/item/9789240013131",
        dict(type="report", authors=group("World Health Organization"), authors_text="World Health Organization.",
             year="2020", year_number=2020, title="Global tuberculosis report 2020",
             url="https://www.who.int/publications/i/item/9789240013131"),
        id="report-by-group-author",
    ),
    pytest.param(
        "Page Group. (2022). Top 12 benefits of networking: Why networking is important. "
        "https://www.michaelpage.com.au/advice/career-advice/career-progression/"
        "top-12-benefits-networking-why-networking-important",
        dict(type="webpage", authors=group("Page Group"), authors_text="Page Group.", year="2022", year_number=2022,
             title="Top 12 benefits of networking: Why networking is important",
             url="https://www.michaelpage.com.au/advice/career-advice/career-progression/"
                 "top-12-benefits-networking-why-networking-important"),
        id="seed-webpage-group-author",
    ),
    pytest.param(
        "Bologna, C. (2019, October 31). Why some people with anxiety love watching horror movies. HuffPost. "
        "https://www.huffpost.com/entry/anxiety-love-watching-horror-movies_l_5d277587e4b02a5a5d57b59e",
        dict(type="webpage", authors=people("Bologna|C."), authors_text="Bologna, C.", year="2019",
             year_number=2019, date_extra="October 31",
             title="Why some people with anxiety love watching horror movies", container_title="HuffPost",
             url="https://www.huffpost.com/entry/anxiety-love-watching-horror-movies_l_5d277587e4b02a5a5d57b59e"),
        id="webpage-with-date",
    ),
    pytest.param(
        "Climate change and health. (2021, October 30). World Health Organization. "
        "https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health",
        dict(type="webpage", year="2021", year_number=2021, date_extra="October 30",
             title="Climate change and health", container_title="World Health Organization",
             url="https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health"),
        id="no-author-title-first",
    ),
    pytest.param(
        "Merriam-Webster. (n.d.). Culture. In Merriam-Webster.com dictionary. Retrieved September 9, 2019, from "
        "https://www.merriam-webster.com/dictionary/culture",
        dict(type="chapter", authors=group("Merriam-Webster"), authors_text="Merriam-Webster.", year="n.d.",
             title="Culture", container_title="Merriam-Webster.com dictionary",
             url="https://www.merriam-webster.com/dictionary/culture", retrieved="September 9, 2019",
             retrieved_from=True),
        id="dictionary-entry-retrieved-date",
    ),
    pytest.param(
        "Centers for Disease Control and Prevention. (n.d.-a). Show me the science: Why wash your hands? "
        "Retrieved from https://www.cdc.gov/handwashing/why-handwashing.html",
        dict(type="webpage", authors=group("Centers for Disease Control and Prevention"),
             authors_text="Centers for Disease Control and Prevention.", year="n.d.-a", year_suffix="a",
             title="Show me the science: Why wash your hands?",
             url="https://www.cdc.gov/handwashing/why-handwashing.html", retrieved_from=True),
        id="webpage-nd-suffix-retrieved-from",
    ),
    pytest.param(
        "Fisher, O., & Raj, M. (in press). Networking at work. Journal of Applied Psychology.",
        dict(type="article-journal", authors=people("Fisher|O.", "Raj|M."), authors_text="Fisher, O., & Raj, M.",
             year="in press", title="Networking at work", container_title="Journal of Applied Psychology"),
        id="in-press-no-volume",
    ),
    pytest.param(
        "Ellison, N. B., & boyd, d. m. (2013a). Sociality through social network sites. Social Media + Society. "
        "Advance online publication. https://doi.org/10.1000/smas.2013.1",
        dict(type="article-journal", authors=people("Ellison|N. B.", "boyd|d. m."),
             authors_text="Ellison, N. B., & boyd, d. m.", year="2013a", year_number=2013, year_suffix="a",
             title="Sociality through social network sites", container_title="Social Media + Society",
             doi="10.1000/smas.2013.1", doi_text="https://doi.org/10.1000/smas.2013.1"),
        id="advance-online-publication",
    ),
    pytest.param(
        "Smith, J. (n.d.). Networking basics. Penguin.",
        dict(type="book", authors=people("Smith|J."), authors_text="Smith, J.", year="n.d.",
             title="Networking basics", publisher="Penguin"),
        id="no-date",
    ),
    pytest.param(
        "American Psychological Association [APA]. (2020). Publication manual of the American Psychological "
        "Association (7th ed.).",
        dict(type="book", authors=group("American Psychological Association"),
             authors_text="American Psychological Association [APA].", year="2020", year_number=2020,
             title="Publication manual of the American Psychological Association", edition="7th"),
        id="group-abbreviation-in-brackets",
    ),
    pytest.param(
        "Raj et al. (2017). Identity and professional networking. Personality and Social Psychology Bulletin, 43(6), "
        "772–784.",
        dict(type="article-journal", authors=(Author(family="Raj"),), authors_text="Raj et al.", year="2017",
             year_number=2017, title="Identity and professional networking",
             container_title="Personality and Social Psychology Bulletin", volume="43", issue="6", pages="772–784",
             warnings=("et al. in the author part",)),
        id="et-al-in-the-list",
    ),
    pytest.param(
        "Nolan, C. (Director), & Thomas, E. (Producer). (2010). Inception [Film]. Warner Bros.",
        dict(type="other", authors=people("Nolan|C.", "Thomas|E."),
             authors_text="Nolan, C. (Director), & Thomas, E. (Producer).", year="2010", year_number=2010,
             title="Inception", genre="Film", publisher="Warner Bros"),
        id="film-with-roles",
    ),
    pytest.param(
        "Ellison, N. B. (2019, May 24). Networking beyond the conference [Paper presentation]. Annual Meeting of "
        "the International Communication Association, Washington, DC, United States.",
        dict(type="paper-conference", authors=people("Ellison|N. B."), authors_text="Ellison, N. B.", year="2019",
             year_number=2019, date_extra="May 24", title="Networking beyond the conference",
             genre="Paper presentation",
             container_title="Annual Meeting of the International Communication Association, Washington, DC, "
                             "United States"),
        id="paper-presentation",
    ),
    pytest.param(
        "World Health Organization. (2021). Climate change and health [Fact sheet]. "
        "https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health",
        dict(type="report", authors=group("World Health Organization"), authors_text="World Health Organization.",
             year="2021", year_number=2021, title="Climate change and health", genre="Fact sheet",
             url="https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health"),
        id="fact-sheet",
    ),
    pytest.param(
        "Klymkowsky, M. (2018, September 15). Can we talk scientifically about free will? [Blog post]. "
        "https://blogs.plos.org/scied/2018/09/15/can-we-talk-scientifically-about-free-will/",
        dict(type="webpage", authors=people("Klymkowsky|M."), authors_text="Klymkowsky, M.", year="2018",
             year_number=2018, date_extra="September 15", title="Can we talk scientifically about free will?",
             genre="Blog post", url="https://blogs.plos.org/scied/2018/09/15/can-we-talk-scientifically-about-free-will/"),
        id="blog-post-question-title",
    ),
    pytest.param(
        "Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic motivation. "
        "Am. Psychol., 55(1), 68–78.",
        dict(type="article-journal", authors=people("Ryan|R. M.", "Deci|E. L."),
             authors_text="Ryan, R. M., & Deci, E. L.", year="2000", year_number=2000,
             title="Self-determination theory and the facilitation of intrinsic motivation",
             container_title="Am. Psychol.", volume="55", issue="1", pages="68–78"),
        id="abbreviated-journal-name",
    ),
    pytest.param(
        "Lee, K. (2021). Memories retrieved from sleep. Journal of Sleep Studies, 4(2), 1–9.",
        dict(type="article-journal", authors=people("Lee|K."), authors_text="Lee, K.", year="2021",
             year_number=2021, title="Memories retrieved from sleep", container_title="Journal of Sleep Studies",
             volume="4", issue="2", pages="1–9"),
        id="retrieved-from-inside-a-title",
    ),
    pytest.param(
        "Hattie J., & Timperley H. (2007). The power of feedback. Review of Educational Research, 77(1), 81–112.",
        dict(type="article-journal", authors=people("Hattie|J.", "Timperley|H."),
             authors_text="Hattie J., & Timperley H.", year="2007", year_number=2007, title="The power of feedback",
             container_title="Review of Educational Research", volume="77", issue="1", pages="81–112",
             warnings=("no comma between family name and initials",)),
        id="no-comma-before-initials",
    ),
    pytest.param(
        "Hattie, J. (2009a). Visible learning: A synthesis of over 800 meta-analyses relating to achievement. "
        "Routledge.",
        dict(type="book", authors=people("Hattie|J."), authors_text="Hattie, J.", year="2009a", year_number=2009,
             year_suffix="a", title="Visible learning: A synthesis of over 800 meta-analyses relating to achievement",
             publisher="Routledge"),
        id="year-suffix",
    ),
    pytest.param(
        "Lee, K. (2020, Spring). Networking for shy people. Library Journal Online. https://example.org/lj/shy",
        dict(type="webpage", authors=people("Lee|K."), authors_text="Lee, K.", year="2020", year_number=2020,
             date_extra="Spring", title="Networking for shy people", container_title="Library Journal Online",
             url="https://example.org/lj/shy"),
        id="season",
    ),
    pytest.param(
        "de la Cruz, M. (2019, March 3). Mentoring in public libraries. Public Libraries Online. "
        "Retrieved March 3, 2020, from https://publiclibrariesonline.org/2019/03/mentoring/",
        dict(type="webpage", authors=people("de la Cruz|M."), authors_text="de la Cruz, M.", year="2019",
             year_number=2019, date_extra="March 3", title="Mentoring in public libraries",
             container_title="Public Libraries Online", url="https://publiclibrariesonline.org/2019/03/mentoring/",
             retrieved="March 3, 2020", retrieved_from=True),
        id="retrieved-with-date",
    ),
    pytest.param(
        "Ebbinghaus, H. (1913). Memory: A contribution to experimental psychology. Teachers College, "
        "Columbia University. (Original work published 1885)",
        dict(type="book", authors=people("Ebbinghaus|H."), authors_text="Ebbinghaus, H.", year="1913",
             year_number=1913, title="Memory: A contribution to experimental psychology",
             publisher="Teachers College, Columbia University", original_year="1885"),
        id="republished-work-note-is-not-the-publisher",
    ),
    pytest.param(
        "Karasek, R. A., Jr. (1979). Job demands, job decision latitude, and mental strain. Administrative "
        "Science Quarterly, 24(2), 285–308. https://doi.org/10.2307/2392498",
        dict(type="article-journal", authors=people("Karasek|R. A., Jr."), authors_text="Karasek, R. A., Jr.",
             year="1979", year_number=1979, title="Job demands, job decision latitude, and mental strain",
             container_title="Administrative Science Quarterly", volume="24", issue="2", pages="285–308",
             doi="10.2307/2392498", doi_text="https://doi.org/10.2307/2392498"),
        id="name-suffix",
    ),
    pytest.param(
        "U.S. Department of Health and Human Services. (2018). Physical activity guidelines for Americans "
        "(2nd ed.). https://health.gov/sites/default/files/2019-09/Physical_Activity_Guidelines_2nd_edition.pdf",
        dict(type="book", authors=group("U.S. Department of Health and Human Services"),
             authors_text="U.S. Department of Health and Human Services.", year="2018", year_number=2018,
             title="Physical activity guidelines for Americans", edition="2nd",
             url="https://health.gov/sites/default/files/2019-09/Physical_Activity_Guidelines_2nd_edition.pdf"),
        id="edition-online-without-publisher-is-not-a-web-page",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_reference_reads_every_field(text: str, expected: dict) -> None:
    ref = parse_reference(text)
    got = {f.name: getattr(ref, f.name) for f in _FIELDS}
    assert got == {**_DEFAULTS, **expected}


def test_parse_reference_keeps_text_and_builds_a_location() -> None:
    ref = parse_reference("  Vygotsky, L. S.\n(1978).   Mind in society.  Harvard University Press. ", index=3)
    assert ref.index == 3
    assert ref.text == "Vygotsky, L. S. (1978). Mind in society. Harvard University Press."
    assert ref.location == Location(paragraph=0, start=0, end=len(ref.text), text=ref.text)


def test_parse_reference_uses_the_given_location() -> None:
    where = Location(paragraph=7, start=4, end=20, text="x", line=12)
    assert parse_reference("Page Group. (2022). Title.", location=where).location is where


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        pytest.param("Smith, J. Networking and you. Penguin.", "no date in parentheses", id="no-date"),
        pytest.param("(2020). Networking and you. Penguin.", "no author", id="no-author"),
        pytest.param("Smith, J. (2020).", "no title", id="no-title"),
        pytest.param("Smith, J. (2020). Title. https://a.example/x https://b.example/y", "more than one URL",
                     id="two-urls"),
        pytest.param("1. Smith, J. (2020). Title. Penguin.", "numbered or bulleted entry", id="numbered"),
        pytest.param("Smith, J. (2020). Title. Journal, 4(2), 1–9. Reprinted somewhere",
                     "not understood after the journal: Reprinted somewhere", id="tail-after-journal"),
    ],
)
def test_parse_reference_names_what_it_could_not_read(text: str, warning: str) -> None:
    assert warning in parse_reference(text).warnings


def test_parse_reference_without_date_still_reads_authors_and_title() -> None:
    ref = parse_reference("Smith, J., & Lee, K. Networking and you. Penguin.")
    assert ref.authors == people("Smith|J.", "Lee|K.")
    assert ref.authors_text == "Smith, J., & Lee, K."
    assert (ref.title, ref.publisher, ref.type, ref.year) == ("Networking and you", "Penguin", "book", "")
