"""Reading entries written the way real students write them, in APA and in other styles.

Each shape here was once misread in a real essay; the examples are invented, of the same shape.
An entry in another style (a free-standing year, "Journal 12: 4-9", "Place: Publisher", names
given first, semicolons, Vancouver) must still give its authors, year, title and source, so that
citations link to it, and it must carry a warning, so that no rule rewrites it from a reading
that may be wrong. A clean APA entry carries none.
"""

from __future__ import annotations

import pytest

from essaycheck.references import parse_reference
from essaycheck.references import slips


def read(entry: str, fields) -> dict:
    """The named fields of the parsed entry; "families" is the authors' family names, "given" their given names."""
    ref = parse_reference(entry)
    values = {"families": tuple(a.family for a in ref.authors), "given": tuple(a.given for a in ref.authors)}
    return {name: values[name] if name in values else getattr(ref, name) for name in fields}


OTHER_STYLES = [
    # P1, P2: journal, volume and pages without APA's punctuation
    pytest.param(
        "Lindqvist, A. (2003). Signals in the dark. Trends in Listening 26, 507–513.",
        dict(families=("Lindqvist",), year="2003", title="Signals in the dark", container_title="Trends in Listening",
             volume="26", issue="", pages="507–513"),
        id="P1-volume-after-journal-without-comma",
    ),
    pytest.param(
        "Lindqvist, A. (2003). Signals in the dark. Journal of Quiet Things, 8: 7-28.",
        dict(families=("Lindqvist",), year="2003", title="Signals in the dark",
             container_title="Journal of Quiet Things", volume="8", issue="", pages="7-28", type="article-journal"),
        id="P2-volume-colon-pages",
    ),
    # P3: other styles' journal forms
    pytest.param(
        'Birchwood, Sarah 2001. "Gardens of the western shore." Perspectives on Horticulture 2 (3): 355–377.',
        dict(families=("Birchwood",), given=("Sarah",), year="2001", title="Gardens of the western shore",
             container_title="Perspectives on Horticulture", volume="2", issue="3", pages="355–377",
             type="article-journal"),
        id="P3-free-year-quoted-title-volume-space-issue",
    ),
    pytest.param(
        "Fenwick, T. (2012). Moss and memory. Journal of Damp Places, Vol. 12, No. 3, pp. 4-9.",
        dict(families=("Fenwick",), year="2012", title="Moss and memory", container_title="Journal of Damp Places",
             volume="12", issue="3", pages="4-9"),
        id="P3-vol-no-pp",
    ),
    pytest.param(
        "Fenwick, T. (2012). Moss and memory. In: Journal of Damp Places, 73, 1, 31 - 56.",
        dict(families=("Fenwick",), year="2012", title="Moss and memory", container_title="Journal of Damp Places",
             volume="73", issue="1", pages="31 - 56", type="article-journal"),
        id="P3-in-journal-bare-numbers",
    ),
    # P4: books with their place of publication
    pytest.param(
        "Wendell, E. 1998. Circles of craft. Cambridge: Cambridge University Press.",
        dict(families=("Wendell",), year="1998", title="Circles of craft", publisher="Cambridge University Press"),
        id="P4-place-colon-publisher",
    ),
    pytest.param(
        "Müller, Hans (2007): Gärten der Stadt. Eine Geschichte der Beete. Wiesbaden: Verlag Grünblatt.",
        dict(families=("Müller",), given=("Hans",), year="2007",
             title="Gärten der Stadt. Eine Geschichte der Beete", publisher="Verlag Grünblatt"),
        id="P4-german-two-sentence-title",
    ),
    # P5: author lists written another way
    pytest.param(
        "Adamczak, Grzegorz; Gostner, Peter (2007): Die Ordnung der Dinge. Berlin: Verlag Nord.",
        dict(families=("Adamczak", "Gostner"), given=("Grzegorz", "Peter"), year="2007", title="Die Ordnung der Dinge",
             publisher="Verlag Nord"),
        id="P5-semicolons",
    ),
    pytest.param(
        "Hollis RG, Darby J (2003) Costs of quiet wards. Health Econ Rev 4: 11-19.",
        dict(families=("Hollis", "Darby"), given=("RG", "J"), year="2003", title="Costs of quiet wards",
             container_title="Health Econ Rev", volume="4", pages="11-19"),
        id="P5-vancouver",
    ),
    pytest.param(
        "Andersson, Rudy B. and Jacques Thomason. 2003. Voting by lantern light. London: Harbour Books.",
        dict(families=("Andersson", "Thomason"), given=("Rudy B.", "Jacques"), year="2003",
             title="Voting by lantern light", publisher="Harbour Books"),
        id="P5-given-names-first-after-the-first-author",
    ),
    pytest.param(
        "Okafor, Chinedu, Amara Obi. (2018). Markets at dawn. Lagos Press.",
        dict(families=("Okafor", "Obi"), given=("Chinedu", "Amara"), year="2018", title="Markets at dawn",
             publisher="Lagos Press"),
        id="P5-full-given-names",
    ),
    pytest.param(
        "Xu, Q, X. (2019). Paper lanterns. Lantern Press.",
        dict(families=("Xu",), year="2019", title="Paper lanterns", publisher="Lantern Press"),
        id="P5-initial-without-period-then-initial",
    ),
    pytest.param(
        "Brooks, M., E. (2019). River stones. Stone Press.",
        dict(families=("Brooks",), year="2019", title="River stones", publisher="Stone Press"),
        id="P5-comma-between-initials",
    ),
    pytest.param(
        "C. Szabo, V. Vannucci, Z. Wojcik Rethinking the lantern architecture for computer vision in the wild "
        "(2016). Proc. Vision Conf., 2818-2826.",
        dict(families=("Szabo", "Vannucci", "Wojcik"), given=("C.", "V.", "Z."), year="2016"),
        id="P5-initials-first",
    ),
    pytest.param(
        "Tricia M. Farrow, Richard D. Watkins. Dialogic kites on the web. Public Kites Review, 36(2), 102-106. "
        "June 2010.",
        dict(families=("Farrow", "Watkins"), given=("Tricia M.", "Richard D."), year="2010",
             title="Dialogic kites on the web", container_title="Public Kites Review", volume="36", issue="2",
             pages="102-106"),
        id="P5-natural-names-date-at-the-end",
    ),
]


# Sources as the social-science styles write them (invented entries in the shapes of the EXCITE strings).
SOURCES = [
    # S1: a link announced by "Available from:", the "[online]" and "Unpublished … dissertation" notes
    pytest.param(
        "Marsh, K., 2004. Lanterns of the coast [online]. Available from: [www.example.org/lanterns].",
        dict(title="Lanterns of the coast", url="www.example.org/lanterns", publisher="",
             warnings=(slips.YEAR_NOT_IN_PARENTHESES, slips.AVAILABLE_FROM)),
        id="S1-available-from",
    ),
    pytest.param(
        "Ostrander, P., 2003. Moss gardens in cities [online]. Unpublished PhD dissertation. Graz: Institute of "
        "Botany. Available from: [http://www.example.org/moss].",
        dict(title="Moss gardens in cities", publisher="Institute of Botany"),
        id="S1-description-sentences-are-not-title",
    ),
    # S2: the place of publication in the forms other styles use
    pytest.param(
        "Rowe, R. (1974): The problem of quiet government (Ann Arbor: Harbour University Press).",
        dict(title="The problem of quiet government", publisher="Harbour University Press", type="book"),
        id="S2-place-and-publisher-in-parentheses",
    ),
    pytest.param(
        "Kestrel, Thomas A. / Osman, Paul (1994): The mutual lantern. Boston, Harbour Business School Press.",
        dict(title="The mutual lantern", publisher="Harbour Business School Press", type="book"),
        id="S2-place-comma-publisher",
    ),
    pytest.param(
        "Fenn, J. and Yates, Q. (2003). Nonlinear lanterns. Springer, New York.",
        dict(title="Nonlinear lanterns", publisher="Springer", warnings=(slips.PLACE_OF_PUBLICATION,)),
        id="S2-publisher-comma-place",
    ),
    pytest.param(
        "Krieg, H. (1989): Arbeit und Laterne. Frankfurt a.M., New York: Campus.",
        dict(title="Arbeit und Laterne", publisher="Campus"),
        id="S2-two-places-colon-publisher",
    ),
    pytest.param(
        "Ohm, K. (1990): The borderless garden. Essays on hedges. London/New York.",
        dict(title="The borderless garden. Essays on hedges", publisher="", type="book",
             warnings=(slips.PUNCTUATION_AFTER_DATE, slips.PLACE_WITHOUT_PUBLISHER)),
        id="S2-place-without-publisher",
    ),
    pytest.param(
        "Crane, Colin / Pike, Alessandro (eds.) (1978): The resurgence of lanterns. Vols. 1 and 2. New York, "
        "Macmillan.",
        dict(title="The resurgence of lanterns", volume="1 and 2", publisher="Macmillan"),
        id="S2-volumes-sentence",
    ),
    pytest.param(
        "Hart, J., Jacobs, D. (eds.) (1991): Lantern insecurity: Coping with jobs at risk. London. Sage.",
        dict(title="Lantern insecurity: Coping with jobs at risk", publisher="Sage"),
        id="S2-place-and-publisher-as-two-sentences",
    ),
    pytest.param(
        "Shab, Philip (2000): Earth lanterns. Washington, D.C., Island Press.",
        dict(title="Earth lanterns", publisher="Island Press"),
        id="S2-city-and-abbreviated-state-then-publisher",
    ),
    pytest.param(
        "Derb, Charles (2002): Lanterns before profit. New York, St. Martin’s.",
        dict(title="Lanterns before profit", publisher="St. Martin’s"),
        id="S2-publisher-with-an-abbreviation",
    ),
    pytest.param(
        "Axel, R. (1990): The evolution of lanterns. London: Penguin (paperback edition).",
        dict(title="The evolution of lanterns", publisher="Penguin"),
        id="S2-note-after-the-publisher",
    ),
    pytest.param(
        "Alt, E. and Mahn, B. (1999) Die Grenzen der Laternen, Münster: Westfälisches Dampfboot, 4th edition.",
        dict(title="Die Grenzen der Laternen", publisher="Westfälisches Dampfboot", edition="4th"),
        id="S2-edition-after-the-publisher",
    ),
    pytest.param(
        "Laq, W. (2007) The last days of lanterns: Epitaph for an old continent, New York : Thomas Dunne Books/St. "
        "Martin's Press.",
        dict(title="The last days of lanterns: Epitaph for an old continent",
             publisher="Thomas Dunne Books/St. Martin's Press", type="book"),
        id="S2-abbreviation-after-a-slash-in-the-publisher",
    ),
    pytest.param(
        "Zorb, Harvey Warren (1976/1929). The Gold Coast and the lantern. A sociological study. Chicago: University "
        "of Chicago Press. 126",
        dict(title="The Gold Coast and the lantern. A sociological study", publisher="University of Chicago Press",
             volume="", pages="", type="book"),
        id="S2-page-count-after-the-publisher",
    ),
    pytest.param(
        "Goetz, Klaus H. (2006): Territory and clustered lanterns. Lantern Science Series 109. Department of Lantern "
        "Science, Institute for Advanced Lanterns (IAL). Vienna.",
        dict(title="Territory and clustered lanterns",
             publisher="Department of Lantern Science, Institute for Advanced Lanterns (IAL)"),
        id="S2-institution-then-its-city",
    ),
    pytest.param(
        "Fors, D. R. (1999). Lantern dynamics (3rd edn). Belmont. CA: Brooks/Cole.",
        dict(title="Lantern dynamics", edition="3rd", publisher="Brooks/Cole"),
        id="S2-town-cut-off-from-its-state",
    ),
    pytest.param(
        "Bourd, P. (1990) The logic of lanterns (trans. R. Nice), Cambridge: Polity Press.",
        dict(title="The logic of lanterns", publisher="Polity Press"),
        id="S2-translator-in-parentheses",
    ),
    pytest.param(
        "Heid M. (1927/1986) Sein und Laterne. Trans. F. Vezin. Paris: Gallimard.",
        dict(title="Sein und Laterne", publisher="Gallimard"),
        id="S2-translator-sentence",
    ),
    pytest.param(
        "Donf, Léopold (2001), Le droit des lanternes, thèse non publiée pour le doctorat en droit, Université de "
        "Nantes.",
        dict(title="Le droit des lanternes", publisher="Université de Nantes"),
        id="S5-french-thesis-after-a-comma",
    ),
    pytest.param(
        "StateLantern (2000a), Germany and France lead the fight for lanterns, October 2000, in: "
        "http://www.example.org/news/oct00/lanterns.htm (retr. 1.2.2001)",
        dict(title="Germany and France lead the fight for lanterns",
             url="http://www.example.org/news/oct00/lanterns.htm"),
        id="S1-date-again-after-the-title",
    ),
    # S3: chapters: pages and volume after the book's title, editors without parentheses
    pytest.param(
        "Peel, M. (1996) ‘Migration and the margins’, in E. Kahn, N. Sugar and T. Nicks (eds) Work and leisure "
        "in modern towns, pp. 7 - 37. London: Mansell.",
        dict(families=("Peel",), title="Migration and the margins", container_title="Work and leisure in modern towns",
             pages="7 - 37", publisher="Mansell", type="chapter"),
        id="S3-pages-after-the-book",
    ),
    pytest.param(
        "Fuchs, Dora (1991): Zum Wandel der Gärten. In: Süß, W. (ed.): Die Gärten der achtziger Jahre, 69-86. "
        "Opladen: Leske und Budrich.",
        dict(container_title="Die Gärten der achtziger Jahre", pages="69-86", publisher="Leske und Budrich"),
        id="S3-bare-page-range-after-the-book",
    ),
    pytest.param(
        "Rieger, Gerd & Schulz, Fritz (1991). Lanterns as a basic concept. In David R. Mains (Ed.), Social lanterns "
        "and social gardens. Essays in honor of Anselm Stone (pp.333-356). New York: Harbour Press.",
        dict(container_title="Social lanterns and social gardens. Essays in honor of Anselm Stone", pages="333-356",
             publisher="Harbour Press"),
        id="S3-pages-group-ends-a-two-sentence-book-title",
    ),
    pytest.param(
        "Brennan, T. F., 1989, ‘Empirical studies of lantern markets’, in R. Schmidt and R. Willow, eds., Handbook "
        "of lantern organization, Amsterdam: North Holland, 1011- 1057.",
        dict(title="Empirical studies of lantern markets", container_title="Handbook of lantern organization",
             pages="1011- 1057", publisher="North Holland", type="chapter"),
        id="S3-editors-without-parentheses-publisher-after-comma",
    ),
    pytest.param(
        "Bolton, T., Engel, R., and Nelson, D. (1994). Lantern models. In Engel, R. and McFee, D., editors, "
        "Handbook of lanterns, vol. 4, pages 2961 3038. Elsevier.",
        dict(container_title="Handbook of lanterns", volume="4", pages="2961-3038", publisher="Elsevier"),
        id="S3-editors-word-volume-and-pages-items",
    ),
    # S4: journals with a month or season, journals after a comma, "forthcoming"
    pytest.param(
        "Scott, Bruce (2001): The great divide in the garden. In: Garden Affairs, January/February: 160- 177.",
        dict(container_title="Garden Affairs", volume="", pages="160- 177", date_extra="January/February",
             type="article-journal"),
        id="S4-season-instead-of-volume",
    ),
    pytest.param(
        "Crane, J. J. & Taylor, S. A. (1992) ‘Measuring lantern quality’, Journal of Lanterns 56 (July): 56 - 68.",
        dict(container_title="Journal of Lanterns", volume="56", issue="", pages="56 - 68"),
        id="S4-month-in-the-issue-place",
    ),
    pytest.param(
        "Grove G. and E. Helm, 1994, Protection for lanterns, American Lantern Review, 84(4), 833-850.",
        dict(title="Protection for lanterns", container_title="American Lantern Review", volume="84", issue="4",
             pages="833-850", type="article-journal"),
        id="S4-journal-after-a-comma",
    ),
    pytest.param(
        "Marlow, M. (2003): Governing beyond the garden: A critique of the hedge school, Garden Studies 51, 592-608.",
        dict(title="Governing beyond the garden: A critique of the hedge school", container_title="Garden Studies",
             volume="51", pages="592-608"),
        id="S4-journal-after-a-comma-volume-without-comma",
    ),
    pytest.param(
        "Wagner, A. (2006). The consequences of lantern shocks. Journal of Lantern Economics. (forthcoming)",
        dict(container_title="Journal of Lantern Economics", type="article-journal"),
        id="S4-forthcoming-after-the-journal",
    ),
    # S5: papers presented at a meeting (APA 6)
    pytest.param(
        "Quill, P. (2007): Tides and markets. Paper presented at the Lantern Seminar, Berlin, 6–7 March 2001.",
        dict(title="Tides and markets", container_title="Paper presented at the Lantern Seminar", volume="",
             publisher="", type="paper-conference"),
        id="S5-paper-presented-at",
    ),
    # S3: a chapter joined to its title by a comma, or cited by its editors' names alone
    pytest.param(
        "Meyer, M. K. and S. Vogel (2004): Street-level lanterns and public policy, in B. G. Peters and J. Pike, "
        "eds., The handbook of lanterns (London: Sage).",
        dict(families=("Meyer", "Vogel"), title="Street-level lanterns and public policy",
             container_title="The handbook of lanterns", publisher="Sage", type="chapter"),
        id="S3-comma-in-editors-book-place-and-publisher",
    ),
    pytest.param(
        "Brunner, Hans (1998), The council’s policy on lanterns, in: Deckard / Thompson, pp. 69–74",
        dict(title="The council’s policy on lanterns", container_title="", pages="69–74", type="chapter"),
        id="S3-in-editors-names-only",
    ),
    # S1: a link broken across two lines
    pytest.param(
        "Chait, Julia (2009). Ethnicity and lanterns. Forum: Lantern Research, 10(3), 1-12, "
        "http://nbn-resolving.de/urn:nbn:de:0114- fqs0903122.",
        dict(url="http://nbn-resolving.de/urn:nbn:de:0114-fqs0903122", container_title="Forum: Lantern Research",
             volume="10", issue="3", pages="1-12"),
        id="S1-link-broken-across-lines",
    ),
    # S1: the date of access in other styles' forms
    pytest.param(
        "Sutton, Jacob (1999), Transparency in the lantern institutions, in: "
        "http://www.example.org/speeches/lantern.htm (retr. 12.12.2000)",
        dict(title="Transparency in the lantern institutions", url="http://www.example.org/speeches/lantern.htm",
             retrieved="12.12.2000", container_title=""),
        id="S1-retrieval-date-in-parentheses",
    ),
    pytest.param(
        "Bern, Laura; Kern, Sylvia 2007: Noch kinderlos? Lebenswege von Frauen. In: Konig, Dirk; Krey, Michaela "
        "(Eds.): Ein Leben ohne Laternen. Laternenlosigkeit in Deutschland. Wiesbaden: VS Verlag: 317 - 334.",
        dict(title="Noch kinderlos? Lebenswege von Frauen",
             container_title="Ein Leben ohne Laternen. Laternenlosigkeit in Deutschland", pages="317 - 334",
             publisher="VS Verlag"),
        id="S3-pages-after-place-and-publisher",
    ),
    pytest.param(
        "Bush, Eve and Pete Sims (2001) ‘Lantern farmers and their protests’, in Doug Ing and Sid Tarr (eds) "
        "Contentious lanterns. Protest and politics in a polity, pp. 97 - 121. Lanham, MD: Rowman & Littlefield.",
        dict(container_title="Contentious lanterns. Protest and politics in a polity", pages="97 - 121",
             publisher="Rowman & Littlefield"),
        id="S3-pages-after-a-two-sentence-book-title",
    ),
    pytest.param(
        "Milk, Ruth (2002): New lanterns, new labor. In: Nissen (ed.) (2002): 103-129.",
        dict(title="New lanterns, new labor", container_title="", pages="103-129", type="chapter"),
        id="S3-in-editor-and-year-only",
    ),
    pytest.param(
        "Hard, Russell. 1990. “The social evolution of lanterns.” In The limits of lanterns, ed. Karen Cook and "
        "Margaret Levy. Chicago: University of Chicago Press.",
        dict(container_title="The limits of lanterns", publisher="University of Chicago Press"),
        id="S3-editors-after-the-book-chicago",
    ),
    pytest.param(
        "Sum, N.-L. (1998) ‘Theorizing lanterns: a regulationist perspective,’ in I. Cook et al., Dynamic lanterns, "
        "Aldershot: Ashgate, 44–78.",
        dict(container_title="Dynamic lanterns", pages="44–78", publisher="Ashgate"),
        id="S3-editors-et-al-without-mark",
    ),
    pytest.param(
        "Gee, Samuel (1915b). Clinical lanterns. In Samuel Gee, Medical lanterns and aphorisms (pp.243-304). "
        "London: Henry Frowde.",
        dict(container_title="Medical lanterns and aphorisms", pages="243-304", publisher="Henry Frowde"),
        id="S3-in-the-authors-own-book",
    ),
    pytest.param(
        "Jube, Carlos. 1998. “Lantern legislation.” Pp. 297–318 in The new lantern parliaments, edited by "
        "Lawrence D. Long and Drago Zajc. Appleton: Lantern Committee.",
        dict(container_title="The new lantern parliaments", pages="297–318", publisher="Lantern Committee"),
        id="S3-asa-chapter-editors-with-initials",
    ),
    pytest.param(
        "Dinan D. (2006) ‘The historiography of lanterns’, in: idem, ed., Origins of the lantern union, Oxford, "
        "295 - 324.",
        dict(container_title="Origins of the lantern union", pages="295 - 324", publisher="", type="chapter"),
        id="S3-idem-editor-and-place-after-the-book",
    ),
    pytest.param(
        "Witt, E. H., & Doll, J. (1995). Soziale Laternen. In E. H. Witt (Hrsg.). Soziale Laternen und Ethik "
        "(S. 97-115). Lengerich: Pabst.",
        dict(container_title="Soziale Laternen und Ethik", pages="97-115", publisher="Pabst"),
        id="S3-german-page-label-in-parentheses",
    ),
    pytest.param(
        "Lore, Alfred (2002). What is a lantern phantasy? In Tobias Schaff (Ed.), The work of lanterns "
        "(Appendix, pp.29-41). London: Karnac.",
        dict(container_title="The work of lanterns", pages="29-41", publisher="Karnac"),
        id="S3-part-named-before-the-pages",
    ),
    # S4: more journal forms
    pytest.param(
        "Spang, A. (1993): Was ist von den Laternen geblieben? In: Die Laterne (1): 20-23.",
        dict(container_title="Die Laterne", issue="1", pages="20-23", type="article-journal"),
        id="S4-in-journal-issue-without-volume",
    ),
    pytest.param(
        "Marx, Gary; Hook, Liesbet (2006): Party lanterns in the East and West. Different structure, same "
        "causality, in: Comparative Lantern Studies. 39/2, pp. 155 - 175.",
        dict(title="Party lanterns in the East and West. Different structure, same causality",
             container_title="Comparative Lantern Studies", volume="39", issue="2", pages="155 - 175"),
        id="S4-in-journal-after-a-comma-volume-slash-issue",
    ),
    pytest.param(
        "Elgin, Torben (2007). Witnessing the lanterns. Forum Lantern Research [On-line Journal], 8(1), 12-19.",
        dict(container_title="Forum Lantern Research", volume="8", issue="1", pages="12-19"),
        id="S4-note-in-brackets-after-the-journal",
    ),
    pytest.param(
        "Kern, H./Land, R. (1991): Der Wasserkopf oben. In: Frankfurter Rundschau, 13.2.1991: 16-17.",
        dict(container_title="Frankfurter Rundschau", pages="16-17", date_extra="13.2.1991"),
        id="S4-newspaper-numeric-day",
    ),
    pytest.param(
        "Dorb, Jürgen 1997: Der Wandel der Laternen. In: Zeitschrift für Laternenwissenschaft 22,2/3: 239 - 268.",
        dict(container_title="Zeitschrift für Laternenwissenschaft", volume="22", issue="2/3", pages="239 - 268"),
        id="S4-volume-comma-double-issue",
    ),
    pytest.param(
        "Arran, Oliver 2010: Differences in lantern patterns. In: Lantern Studies 35,1: 7 - 34 "
        "[doi: 10.4232/10.LS-2010-02en].",
        dict(container_title="Lantern Studies", volume="35", issue="1", pages="7 - 34", doi="10.4232/10.ls-2010-02en"),
        id="S4-doi-in-brackets",
    ),
    pytest.param(
        "Bollard, T. (1986). Generalized lantern heteroskedasticity. Journal of Lanternometrics, 31:307 327.",
        dict(container_title="Journal of Lanternometrics", volume="31", pages="307-327"),
        id="S4-page-range-that-lost-its-dash",
    ),
    pytest.param(
        "Harrow, S. (1990). Scholarly lanterns. Lantern Science, 1, 342 - 343 (reprinted in Current Lanterns, 45, "
        "9-13, November 11 1991).",
        dict(container_title="Lantern Science", volume="1", pages="342 - 343"),
        id="S4-note-after-the-journal",
    ),
    pytest.param(
        "Todd M. (2005) ‘The trap of lanterns’, Slavic Lantern Review 64 (1), 140 - 164",
        dict(container_title="Slavic Lantern Review", volume="64", issue="1", pages="140 - 164"),
        id="S4-volume-and-issue-without-comma",
    ),
    pytest.param(
        "Gerber, George (1982): Charting the lanterns. Journal of Lantern Studies, 32, 2, 100-127.",
        dict(container_title="Journal of Lantern Studies", volume="32", issue="2", pages="100-127"),
        id="S4-volume-comma-issue-comma-pages",
    ),
    pytest.param(
        "Shaw, R. (2003): The old lanterns are the best? The durability of lanterns in public management, "
        "Organization 8, 77-96.",
        dict(title="The old lanterns are the best? The durability of lanterns in public management",
             container_title="Organization", volume="8", pages="77-96"),
        id="S4-question-in-the-title-then-journal-after-a-comma",
    ),
    # S4: newspapers and magazines: a day or pages instead of a volume
    pytest.param(
        "Zimmer, K. F. (1996), ‘Ein Laternengesetz ist überfällig’, Handelsblatt, 15 May 1996, B32–B33.",
        dict(container_title="Handelsblatt", volume="", pages="B32–B33", type="article-journal"),
        id="S4-newspaper-day-and-pages",
    ),
    pytest.param(
        "Mahn, B. (1992): Vom Ende der Laternen. In: Frankfurter Rundschau, 9. Oktober 1992.",
        dict(container_title="Frankfurter Rundschau", date_extra="9. Oktober 1992", type="article-journal"),
        id="S4-in-newspaper-day",
    ),
    pytest.param(
        "Sels, Andrew (2006, July 3). Lanterns find a back door. Sun Sentinel, pp.1-3.",
        dict(container_title="Sun Sentinel", pages="1-3", publisher="", type="article-journal"),
        id="S4-newspaper-pages-only",
    ),
    # S2: the edition written after the title
    pytest.param(
        "Erik, E. (1963) Childhood and lanterns, 2nd edn. New York: Norton.",
        dict(title="Childhood and lanterns", edition="2nd", publisher="Norton"),
        id="S2-edition-after-a-comma",
    ),
    pytest.param(
        "Braun, Chris (2001). Understanding lantern relations. Second Edition. London: Palgrave.",
        dict(title="Understanding lantern relations", edition="Second", publisher="Palgrave"),
        id="S2-edition-sentence",
    ),
    pytest.param(
        "Kreb, K. 2004. Legislative lanterns. Journal of Lantern Perspectives, vol. 18, no. 1 (Winter), pp. 113–128.",
        dict(container_title="Journal of Lantern Perspectives", volume="18", issue="1", pages="113–128"),
        id="S4-vol-no-and-season",
    ),
    pytest.param(
        "Birn, Pierre, and François Chaz (1971), Sociologie des lanternes, volume 2, Paris: Armand Colin.",
        dict(title="Sociologie des lanternes", volume="2", publisher="Armand Colin"),
        id="S2-volume-after-the-title",
    ),
    pytest.param(
        "O’Brien BJ (1997) A tale of two lanterns: geographic transferability. Am J Lant Care 3 (Suppl):S33-S39",
        dict(container_title="Am J Lant Care", volume="3", pages="S33-S39"),
        id="S4-pages-with-letters-after-a-colon",
    ),
    pytest.param(
        "Conti, N. and M. Cotta (2010) ―Citizenship and lanterns‖, special issue of South European Lanterns, 15(1).",
        dict(title="Citizenship and lanterns", volume="15", issue="1"),
        id="S4-garbled-quotation-marks",
    ),
    pytest.param(
        "Lipset S. M. (1960) Lantern man : the social bases of lanterns, Garden City, New York: Anchor Books, 1960",
        dict(title="Lantern man : the social bases of lanterns", publisher="Anchor Books", volume=""),
        id="S2-town-and-state-before-the-colon-year-after-the-publisher",
    ),
    # S5: what the work is, written where the source goes
    pytest.param(
        "Tarrant, M. (2005). Effects of lantern status on responses. Manuscript in preparation.",
        dict(title="Effects of lantern status on responses", publisher="", genre="Manuscript in preparation"),
        id="S5-manuscript-in-preparation",
    ),
    pytest.param(
        "Moravec, Andrew (1994) ‘Why lanterns strengthen the state’, Working Paper 52, Harbour University.",
        dict(title="Why lanterns strengthen the state", genre="Working Paper 52", publisher="Harbour University"),
        id="S5-working-paper-and-institution",
    ),
    # S2: more places of publication
    pytest.param(
        "Bakhtov, Mikhail M. (1981). Discourse in the lantern. In Michael Holm (Ed.), The dialogic lantern "
        "(pp.259-422). Austin: University of Texas Press (original text written in 1934-1935).",
        dict(container_title="The dialogic lantern", pages="259-422", publisher="University of Texas Press",
             original_year="1934"),
        id="S2-original-date-after-the-publisher",
    ),
    pytest.param(
        "Malm, M. and Strand, B. (2002) The meaning of lanterns. Variety and contention, Berg: Oxford and New York.",
        dict(publisher="Berg", warnings=(slips.PLACE_OF_PUBLICATION,)),
        id="S2-publisher-colon-place",
    ),
    pytest.param(
        "Durand Jean, 1998, L’avenir de la lanterne, une comparaison internationale, Paris, La Découverte.",
        dict(title="L’avenir de la lanterne, une comparaison internationale", publisher="La Découverte"),
        id="S2-title-comma-place-comma-publisher",
    ),
    pytest.param(
        "Mayer, A. M. (2004), Who is against lanterns? A cross-country investigation of attitudes, Discussion Paper "
        "1115, Institute for Lantern Studies.",
        dict(title="Who is against lanterns? A cross-country investigation of attitudes", genre="Discussion Paper 1115",
             publisher="Institute for Lantern Studies"),
        id="S5-question-title-then-discussion-paper-after-a-comma",
    ),
    pytest.param(
        "Bauer, T., Epp, G. I. and Gang, N. (2000), ‘What are lantern networks?’ LZA Discussion Paper No. 200, "
        "Bonn: LZA.",
        dict(title="What are lantern networks?", genre="LZA Discussion Paper No. 200", publisher="LZA"),
        id="S5-series-name-before-discussion-paper",
    ),
    pytest.param(
        "Euromonitor, 1993, Soft lanterns in Europe, London.",
        dict(title="Soft lanterns in Europe", publisher=""),
        id="S2-place-alone-after-a-comma",
    ),
    pytest.param(
        "Gugg, Alain (1998), A miracle formula or an old lantern? Transparency after Amsterdam, in: Deckard / "
        "Thompson, pp. 9–38",
        dict(title="A miracle formula or an old lantern? Transparency after Amsterdam", pages="9–38", type="chapter"),
        id="S3-question-title-then-in-after-a-comma",
    ),
    # S6: a group author in an entry without a date
    pytest.param(
        "World Lantern Organization. Lanterns at a glance 2021.",
        dict(year="", title="Lanterns at a glance 2021"),
        id="S6-group-author-no-date",
    ),
]


# Author lists with slips of punctuation
AUTHOR_SLIPS = [
    pytest.param(
        "Mills, R. S &., Schenk, B. R. (1985). Egotism in lantern groups. Lantern Quarterly, 48, 85 - 89.",
        dict(families=("Mills", "Schenk"), given=("R. S.", "B. R."), title="Egotism in lantern groups"),
        id="A1-ampersand-before-the-period",
    ),
    pytest.param(
        "Voss, M. and Rott. R. (2000), ‘The effects of lanterns’, Journal of Lantern Economics, 13, 485–508.",
        dict(families=("Voss", "Rott"), given=("M.", "R.")),
        id="A1-period-instead-of-comma",
    ),
    pytest.param(
        "Anders J.E, D. Marcel (2002), “Insecurity and lanterns”, Review of Lanterns, 84(2), 342-352.",
        dict(families=("Anders", "Marcel"), given=("J.E", "D.")),
        id="A2-first-author-inverted-the-others-not",
    ),
    pytest.param(
        "Carr, Clifford, Matthew Gable, Lacey Murray, Ryan Clow and Rebecca Shambo (2006) ‘Off the lantern record’, "
        "British Journal of Lanterns 36 (1): 5-19.",
        dict(families=("Carr", "Gable", "Murray", "Clow", "Shambo")),
        id="A2-names-given-first-after-the-first-author",
    ),
    pytest.param(
        "Fred DD, Davis TC, Cook EH Jr (2004) Lantern refusal: provider perceptions. Fam Lant 36:431–439",
        dict(families=("Fred", "Davis", "Cook"), container_title="Fam Lant", volume="36", pages="431–439"),
        id="A2-vancouver-with-suffix",
    ),
    pytest.param(
        "KUHN Martin, SCHUMM Michael, 2000, \"Was bleibt von der Laterne?\", WSI-Laternen, n°1: 18-27.",
        dict(families=("Kuhn", "Schumm"), given=("Martin", "Michael")),
        id="A2-family-names-in-capitals-without-comma",
    ),
    pytest.param(
        "15. Landry JR, Koch GG (1977) The measurement of lantern agreement. Lanternmetrics 33:159–174",
        dict(families=("Landry", "Koch"), given=("JR", "GG")),
        id="A2-vancouver-initials-that-look-like-a-suffix",
    ),
    pytest.param(
        "C RO N I N, J. J. & TAY L O R , S . A . (1992) ‘Measuring lantern quality’, Journal of Lanterns 56 (July): "
        "56 - 68.",
        dict(families=("CRONIN", "TAYLOR"), given=("J. J.", "S. A."), title="Measuring lantern quality"),
        id="A3-letters-spaced-out-by-a-pdf",
    ),
    pytest.param(
        "Ch. Pavel kumar & S. Pranav (2018). Lantern quality by drone. Retrieved from http://lanterns.example.eu/hub.",
        dict(families=("Pavel kumar", "Pranav"), given=("Ch.", "S."), title="Lantern quality by drone"),
        id="A4-initials-first-with-a-year-in-parentheses",
    ),
    pytest.param(
        "A. Conrad, B. J. van Lee (2017). Lanterns at night. Journal of Lanterns, 3(2), 1-9.",
        dict(families=("Conrad", "van Lee"), given=("A.", "B. J."), title="Lanterns at night"),
        id="A4-initials-first-separated-by-a-comma",
    ),
]


@pytest.mark.parametrize(("entry", "expected"), OTHER_STYLES + SOURCES + AUTHOR_SLIPS)
def test_entries_in_other_styles_are_read(entry: str, expected: dict) -> None:
    assert read(entry, expected) == expected


@pytest.mark.parametrize(("entry", "expected"), OTHER_STYLES + SOURCES + AUTHOR_SLIPS)
def test_P7_every_lenient_reading_leaves_a_warning(entry: str, expected: dict) -> None:
    assert parse_reference(entry).warnings != ()


def test_S6_a_group_author_without_a_date_is_the_author() -> None:
    ref = parse_reference("World Lantern Organization. Lanterns at a glance 2021.")
    assert [a.literal for a in ref.authors] == ["World Lantern Organization"]
    assert slips.NO_DATE in ref.warnings


def test_P5_family_names_in_capitals() -> None:
    ref = parse_reference("APPLEBY Eileen, BATTEN, Rosemary, 1994, The shape of work, Ithaca: Ridge Press.")
    assert [(a.family.casefold(), a.given) for a in ref.authors] == [("appleby", "Eileen"), ("batten", "Rosemary")]
    assert (ref.year, ref.title, ref.publisher) == ("1994", "The shape of work", "Ridge Press")
    assert slips.AUTHOR_NAMES in ref.warnings and slips.YEAR_NOT_IN_PARENTHESES in ref.warnings


@pytest.mark.parametrize(("entry", "expected"), [
    pytest.param(
        "Marsh, K. (2020, January 21). Frost on the windows. The Weather Blog. https://example.org/frost",
        dict(year="2020", year_number=2020, date_extra="January 21", title="Frost on the windows",
             url="https://example.org/frost", warnings=()),
        id="P6-month-and-day",
    ),
    pytest.param(
        "Vygot, Lev (1986 [1934]). Thought and lanterns. The Lantern Press.",
        dict(year="1986", year_number=1986, title="Thought and lanterns", publisher="The Lantern Press",
             warnings=(slips.TWO_YEARS,)),
        id="P6-first-year-in-brackets",
    ),
    pytest.param(
        "Piaget, J. (1967/1928). Lanterns of reasoning. Harbour Books.",
        dict(year="1967", year_number=1967, date_extra="", title="Lanterns of reasoning", publisher="Harbour Books",
             warnings=(slips.TWO_YEARS,)),
        id="P6-two-years",
    ),
])
def test_P6_dates(entry: str, expected: dict) -> None:
    assert read(entry, expected) == expected


@pytest.mark.parametrize(("entry", "kind"), [
    pytest.param("Lindqvist, A., Marsh, K., & Obi, A. (2003). Signals in the dark. Trends in Listening, 26(4), "
                 "507–513. https://doi.org/10.1234/listen.2003.26", "article-journal", id="journal-article"),
    pytest.param("Wendell, E. (1998). Circles of craft: Learning, meaning, and identity. Cambridge University Press.",
                 "book", id="book"),
    pytest.param("Towne Jr., S. D. (2017). Lanterns in the valley. Journal of Lanterns, 14(6), 57–69.",
                 "article-journal", id="family-name-with-suffix"),
    pytest.param("Kohl, O. (1926). Kraftleistungen bei Laternen [Physical performance of lanterns in groups]. "
                 "Industrielle Laternen, 3, 274–282.", "article-journal", id="translated-title-in-brackets"),
    pytest.param("Arns, R., & Stroh, W. (1997). Lantern Groups and Their Keepers. An Empirical Test of a Theoretical "
                 "Integration. Journal of Lantern Psychology, 28, 97–106.", "article-journal",
                 id="two-sentence-title-in-title-case"),
    pytest.param("Kirk, A., & Pryce, L. (2014). Lantern-enhanced learning: What is enhanced and how do we know? "
                 "Learning, Lanterns and Technology, 39(1), 6–36.", "article-journal",
                 id="question-in-the-title-journal-name-with-a-comma"),
])
def test_P7_a_clean_apa_entry_has_no_warnings(entry: str, kind: str) -> None:
    ref = parse_reference(entry)
    assert (ref.type, ref.warnings) == (kind, ())
