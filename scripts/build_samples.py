"""Build the sample essays in ``samples/`` from the texts written out below.

Run from the repository root::

    /work/venv/bin/python scripts/build_samples.py

It writes clean-essay.{docx,txt,md}, layout-mistakes.docx (the clean essay with its reference
list laid out wrongly), mistakes-essay.{docx,txt}, blog-post.txt and EXPECTED.md, and nothing else. Rebuilding gives byte-identical files: the Word core
properties and the zip timestamps are fixed. Before writing, the script checks its
own data (every planted mistake is found where EXPECTED.md says, every entry of the
clean essay is cited) and stops with an AssertionError if the texts drifted.

Every bibliographic fact in the reference lists is a real, published work. The one
web page (Page Group, 2022) and its address come from the seed essay in
/work/shared/seeds/.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Fixed so that a rebuild changes no byte of the .docx files.
WRITTEN_AT = dt.datetime(2026, 11, 20, 9, 30, 0)
ZIP_TIME = (2026, 11, 20, 9, 30, 0)

Runs = list[tuple[str, bool]]  # (text, italic)


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Table:
    number: int
    title: str
    rows: tuple[tuple[str, ...], ...]  # the first row is the header


Block = Union[str, Heading, Table]


@dataclass(frozen=True)
class Essay:
    title: str
    body: tuple[Block, ...]
    references: tuple[Runs, ...]
    styled: bool  # True: title, headings and "References" use Word styles; False: bold Normal paragraphs
    link_urls: bool  # True: DOIs and URLs in the list are Word hyperlinks, as Word's autoformat makes them


def runs(marked: str) -> Runs:
    """Split a reference written with *asterisks* round its italic parts into (text, italic) runs."""
    parts = marked.split("*")
    assert len(parts) % 2 == 1, f"unbalanced italics in {marked!r}"
    return [(text, i % 2 == 1) for i, text in enumerate(parts) if text]


def plain(entry: Runs) -> str:
    return "".join(text for text, _ in entry)


# --- 1. the clean essay ----------------------------------------------------------

CLEAN = Essay(
    title="Learning Through Networks: Professional Learning and Networking for Information Professionals",
    body=(
        "Information professionals work in a field that changes faster than any qualification can keep pace "
        "with. Catalogues are moving to linked data, enquiries arrive by chat as often as at the desk, and the "
        "COVID-19 pandemic moved whole programs online within weeks. In this setting a degree is a starting "
        "point rather than a finish line, and much of what practitioners need to know they learn from one "
        "another. This essay argues that professional networking is best understood as a form of professional "
        "learning and not only as a way to find the next job. It draws on research into social ties, "
        "professional identity, communities of practice and feedback, and on my own experience of building a "
        "network during my first years in a public library.",
        Heading("Why Networks Matter"),
        "Career advice usually presents networking as a route to promotion and to new employment, both within "
        "a current organisation and beyond it (Page Group, 2022). That is true as far as it goes, but it does "
        "not explain why networks carry opportunities in the first place. Granovetter (1973) showed that "
        "people often hear about new jobs through acquaintances rather than close friends, because "
        "acquaintances move in other circles and hold information that a tight group already shares. He "
        "defined the strength of a tie as \u201ca (probably linear) combination of the amount of time, the "
        "emotional intensity, the intimacy (mutual confiding), and the reciprocal services which characterize "
        "the tie\u201d (Granovetter, 1973, p. 1361). For a librarian, weak ties to colleagues in school, "
        "academic, health and special libraries are where unfamiliar ideas tend to come from, precisely "
        "because those colleagues do not share my daily routine.",
        "Online platforms have made weak ties much cheaper to keep. As boyd and Ellison (2007) define them, "
        "social network sites are \u201cweb-based services that allow individuals to (1) construct a public or "
        "semi-public profile within a bounded system, (2) articulate a list of other users with whom they "
        "share a connection, and (3) view and traverse their list of connections and those made by others "
        "within the system\u201d (p. 211). The third feature matters most for professional learning. Being "
        "able to see whom my colleagues follow has led me to practitioners whose work I would never have found "
        "through a database search, and a single conversation thread after a webinar has sometimes taught me "
        "more than the webinar itself.",
        Heading("Identity and the Motivation to Network"),
        "Knowing that networks are valuable does not make building them comfortable. Raj et al. (2017) "
        "examine how identity relates to professional networking, and their work suggests that identity can "
        "play a role in people\u2019s motivation to give professional networks priority (Raj et al., 2017, "
        "p. 780). When I started working in a library (in 2019) I thought of networking as self-promotion, "
        "something for people more confident than me. That changed only when I began to see myself as a "
        "member of a profession rather than simply an employee of one branch. Self-determination theory "
        "offers an explanation for this shift: people sustain activities that satisfy their needs for "
        "autonomy, competence and relatedness, and lose interest in activities that feel imposed on them "
        "(Ryan & Deci, 2000). Once networking felt like something I chose, and something that connected me "
        "to people who shared my concerns, I no longer had to force myself to do it.",
        Heading("Learning in Communities of Practice"),
        "The most useful lens I have found for professional learning is the community of practice. Lave and "
        "Wenger (1991) described how newcomers learn by taking part in the work of an established group, "
        "first in small and low-risk ways and then more fully, a process they called legitimate peripheral "
        "participation. Wenger (1998) later developed this into a broader account of how shared practice "
        "gives its members both competence and a sense of identity. On this view learning is social before it "
        "is individual (Lave & Wenger, 1991; Wenger, 1998), an idea with roots in earlier work on learning "
        "alongside more capable others (Vygotsky, 1978, as cited in Lave & Wenger, 1991).",
        "My own way into a community of practice was a regional network of library staff that meets every "
        "second month. Most of the people at the first meeting I attended were early-career staff (aged "
        "25\u201334), and the meetings were built around short show-and-tell sessions rather than formal "
        "papers. Over the year I moved from listening, to asking questions, to presenting a short session of "
        "my own (see Table 1), which is close to the path from the periphery towards full participation that "
        "the theory describes. Online contact between meetings mattered as much as the meetings themselves, "
        "because it kept weak ties from fading.",
        Table(
            1,
            "My Professional Learning Activities, February\u2013October 2026",
            (
                ("Activity", "Format", "Hours"),
                ("Regional library staff network meetings", "Face to face", "12"),
                ("State library association conference", "Face to face", "14"),
                ("Webinars on digital literacy programs", "Online", "9"),
                ("Mentoring conversations with a senior librarian", "Online and face to face", "8"),
                ("Preparing and presenting a session on our makerspace", "Face to face", "6"),
                ("Total", "", "49"),
            ),
        ),
        Heading("Feedback and Reflection"),
        "Networks also give access to feedback, which can be hard to find in a small team. Hattie and "
        "Timperley (2007) argue that feedback is most useful when it answers three questions: where am I "
        "going, how am I going, and where to next. After presenting at a network meeting I asked two "
        "colleagues from other services what had and had not worked, and their answers were more specific "
        "than anything I had received in a formal performance review. Feedback of this kind closes the gap "
        "between where I am and where I want to be only if I act on it (Hattie & Timperley, 2007).",
        "Acting on feedback depends on reflection. Schön (1983) argued that skilled practitioners do not "
        "simply apply theory but think through problems as they work, reflecting in action as a situation "
        "unfolds. To make my own reflection more deliberate, I kept a short journal after each networking "
        "activity and, at the end of the semester, read it through for recurring patterns, loosely following "
        "Braun and Clarke\u2019s (2006) approach to thematic analysis. Three themes stood out: my confidence "
        "grew with each small contribution, the most useful contacts came from outside my own library "
        "service, and online contact kept relationships alive between face-to-face meetings. These are modest "
        "findings from one person\u2019s notes, but they sit comfortably with the research discussed above.",
        Heading("Conclusion"),
        "Professional networking is easy to dismiss as self-promotion, yet for information professionals it "
        "is one of the main ways practice is learnt and renewed. Weak ties bring in new information, "
        "communities of practice give newcomers a way in, colleagues beyond one\u2019s own workplace offer the "
        "feedback that prompts reflection, and the way we see our own identity shapes whether we take part at "
        "all (Raj et al., 2017). Learning from others also brings a duty to credit them: this "
        "essay follows the seventh edition of the Publication Manual (American Psychological Association "
        "[APA], 2020), which treats acknowledging sources as a matter of professional ethics rather than mere "
        "formatting (APA, 2020). I now plan my networking the way I plan other professional development, with "
        "goals, a record of activities and time set aside to reflect on what I have learnt.",
    ),
    references=tuple(
        runs(entry)
        for entry in (
            "American Psychological Association. (2020). *Publication manual of the American Psychological "
            "Association* (7th ed.). https://doi.org/10.1037/0000165-000",
            "boyd, d. m., & Ellison, N. B. (2007). Social network sites: Definition, history, and scholarship. "
            "*Journal of Computer-Mediated Communication, 13*(1), 210\u2013230. "
            "https://doi.org/10.1111/j.1083-6101.2007.00393.x",
            "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. *Qualitative Research in "
            "Psychology, 3*(2), 77\u2013101. https://doi.org/10.1191/1478088706qp063oa",
            "Granovetter, M. S. (1973). The strength of weak ties. *American Journal of Sociology, 78*(6), "
            "1360\u20131380. https://doi.org/10.1086/225469",
            "Hattie, J., & Timperley, H. (2007). The power of feedback. *Review of Educational Research, "
            "77*(1), 81\u2013112. https://doi.org/10.3102/003465430298487",
            "Lave, J., & Wenger, E. (1991). *Situated learning: Legitimate peripheral participation*. "
            "Cambridge University Press.",
            "Page Group. (2022). *Top 12 benefits of networking: Why networking is important*. "
            "https://www.michaelpage.com.au/advice/career-advice/career-progression/"
            "top-12-benefits-networking-why-networking-important",
            "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. *Personality and "
            "Social Psychology Bulletin, 43*(6), 772\u2013784. https://doi.org/10.1177/0146167217697299",
            "Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic "
            "motivation, social development, and well-being. *American Psychologist, 55*(1), 68\u201378. "
            "https://doi.org/10.1037/0003-066X.55.1.68",
            "Schön, D. A. (1983). *The reflective practitioner: How professionals think in action*. Basic Books.",
            "Wenger, E. (1998). *Communities of practice: Learning, meaning, and identity*. Cambridge University "
            "Press.",
        )
    ),
    styled=True,
    link_urls=True,
)

# Every citation of the clean essay in reading order: (as written, the entry it belongs to, note).
# The entry is named by how its text begins; "" means no entry is required.
CLEAN_CITATIONS = (
    ("(Page Group, 2022)", "Page Group. (2022)", "group author, web page"),
    ("Granovetter (1973)", "Granovetter, M. S. (1973)", "narrative"),
    ("(Granovetter, 1973, p. 1361)", "Granovetter, M. S. (1973)", "after a direct quotation, with page"),
    ("boyd and Ellison (2007)", "boyd, d. m., & Ellison, N. B. (2007)",
     "narrative, lower-case author; its quotation ends with \u201c(p. 211)\u201d"),
    ("Raj et al. (2017)", "Raj, M., Fast, N. J., & Fisher, O. (2017)", "narrative et al."),
    ("(Raj et al., 2017, p. 780)", "Raj, M., Fast, N. J., & Fisher, O. (2017)",
     "et al. with a page (paraphrase)"),
    ("(Ryan & Deci, 2000)", "Ryan, R. M., & Deci, E. L. (2000)", ""),
    ("Lave and Wenger (1991)", "Lave, J., & Wenger, E. (1991)", "narrative, \u201cand\u201d"),
    ("Wenger (1998)", "Wenger, E. (1998)", ""),
    ("Lave & Wenger, 1991", "Lave, J., & Wenger, E. (1991)", "first of two works, alphabetical"),
    ("Wenger, 1998", "Wenger, E. (1998)", "second of two works"),
    ("Vygotsky, 1978", "", "secondary source: the original is not listed, rightly"),
    ("as cited in Lave & Wenger, 1991", "Lave, J., & Wenger, E. (1991)", "the citing work, which is listed"),
    ("Hattie and Timperley (2007)", "Hattie, J., & Timperley, H. (2007)", ""),
    ("(Hattie & Timperley, 2007)", "Hattie, J., & Timperley, H. (2007)", ""),
    ("Schön (1983)", "Schön, D. A. (1983)", "accented name"),
    ("Braun and Clarke\u2019s (2006)", "Braun, V., & Clarke, V. (2006)", "possessive, curly apostrophe"),
    ("(Raj et al., 2017)", "Raj, M., Fast, N. J., & Fisher, O. (2017)", "parenthetical et al."),
    ("(American Psychological Association [APA], 2020)", "American Psychological Association. (2020)",
     "group author, abbreviation introduced"),
    ("(APA, 2020)", "American Psychological Association. (2020)", "abbreviation used"),
)

# --- 2. the essay with mistakes -------------------------------------------------

MISTAKES = Essay(
    title="INF 305 Professional Learning and Networking",
    body=(
        "Professional networking is more than swapping business cards at a conference. For people who work in "
        "libraries and other information services it is one of the main ways of keeping up with a field in "
        "which tools, user expectations and even job titles keep changing. Networking can lead to promotion "
        "and to new roles in other organisations (Page Group, 2022), but in this essay I argue that its real "
        "value is the learning it makes possible. Some writers go further and suggest that learning now "
        "happens across networks of people and resources rather than only inside individual heads (Siemens, "
        "2005). Whether or not that is true, my own experience is that most of what I have learnt since I "
        "started work has come from other people.",
        "Granoveter (1973) argued that weak ties, the acquaintances we see only occasionally, matter because "
        "they link us to groups we would not otherwise reach. Close friends tend to know what we already "
        "know, so new information is more likely to arrive through acquaintances (Granovetter 1973). In my "
        "case the most useful contact I have made this year was someone I spoke to for ten minutes at a "
        "training day. She later sent me the procedures her service had written for running online author "
        "talks, which saved my team weeks of work.",
        "A great deal of professional networking now happens online. Sites such as LinkedIn fit the classic "
        "description of social network sites as services that let people build a profile, list their "
        "connections, and \"view and traverse their list of connections and those made by others within the "
        "system\" (boyd & Ellison, 2007). What makes these sites distinctive is not that people meet "
        "strangers on them but that they make existing networks visible (boyd et al., 2007). During the "
        "COVID-19 lockdowns this visibility was how I kept in touch with colleagues from my placement, and "
        "several of those connections are still active.",
        "Networking does not come naturally to everyone. Raj et al., (2017) point out that identity can play "
        "a role in how motivated people are to make professional networking a priority. Networking is "
        "therefore not only a skill but also a question of professional identity (Raj et al., 2017). "
        "Motivation theory helps to explain why. People keep up activities that meet their needs for "
        "autonomy, competence and relatedness, and intrinsic motivation fades when an activity is forced on "
        "them (Ryan & Deci, 2000). When my manager told our team that we had to attend two networking events "
        "a year, most of us went once and then found reasons not to go again.",
        "Much of my learning has taken place in communities of practice. Newcomers learn by joining in with "
        "the work of experienced members, starting at the edges and gradually moving towards full "
        "participation (Lave and Wenger, 1991). Learning in such a community is as much about becoming a "
        "member as it is about gaining knowledge (Wenger, 1998; Lave & Wenger, 1991). The local network of "
        "children's librarians that I joined last year works exactly like this: new members run a small part "
        "of a shared storytime program before they are asked to plan one.",
        "Networks are also a source of feedback that a small workplace cannot always provide. Feedback is "
        "most powerful when it tells the learner where they are going, how they are going and where to go "
        "next (Hattie & Timperley, 2008). The comments I received from other children's librarians after my "
        "first storytime were specific and practical, and they changed how I plan sessions.",
        "To find out what I had actually learnt this semester, I treated my reflective journal as data. "
        "Braun & Clarke (2006) describe thematic analysis as a flexible method for finding patterns across "
        "qualitative data, and I followed their six phases in a simplified form. Braun and Clarke (2021a, "
        "2021b) have since stressed that the researcher's own interpretation is a resource in reflexive "
        "thematic analysis, not a bias to be removed. They also warn against writing as if themes simply "
        "emerge from the data on their own (Braun & Clarke, 2021). Reading my journal this way, I found three "
        "themes: belonging, borrowing ideas, and growing confidence.",
        "Professional networking is sometimes treated as an optional extra, but for information "
        "professionals it is a central part of lifelong learning. Weak ties bring in new ideas, online "
        "networks keep connections alive, and communities of practice give newcomers a way to learn by doing. "
        "I plan to keep my journal going next year and to take a more active role in my local network.",
    ),
    references=tuple(
        runs(entry)
        for entry in (
            "boyd, d. m., & Ellison, N. B. (2007). Social network sites: Definition, history, and scholarship. "
            "*Journal of Computer-Mediated Communication, 13*(1), 210\u2013230. "
            "https://doi.org/10.1111/j.1083-6101.2007.00393.x",
            "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. *Qualitative Research in "
            "Psychology, 3*(2), 77\u2013101. doi:10.1191/1478088706qp063oa",
            "Braun, V., & Clarke, V. (2021a). Can I use TA? Should I use TA? Should I not use TA? Comparing "
            "reflexive thematic analysis and other pattern-based qualitative analytic approaches. *Counselling "
            "and Psychotherapy Research, 21*(1), 37\u201347. https://doi.org/10.1002/capr.12360",
            "Braun, V., & Clarke, V. (2021b). One size fits all? What counts as quality practice in (reflexive) "
            "thematic analysis? *Qualitative Research in Psychology, 18*(3), 328\u2013352. "
            "https://doi.org/10.1080/14780887.2020.1769238",
            "Hattie, J., & Timperley, H. (2007). The power of feedback. *Review of Educational Research, "
            "77*(1), 81\u2013112. https://doi.org/10.3102/003465430298487",
            "Granovetter, M. S. (1973). The strength of weak ties. *American Journal of Sociology, 78*(6), "
            "1360\u20131380. https://doi.org/10.1086/225469",
            "Lave, J., & Wenger, E. (1991). *Situated learning: Legitimate peripheral participation*. "
            "Cambridge University Press.",
            "Page Group. (2022). *Top 12 benefits of networking: Why networking is important*. Retrieved from "
            "https://www.michaelpage.com.au/advice/career-advice/career-progression/"
            "top-12-benefits-networking-why-networking-important",
            "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. *Personality and "
            "Social Psychology Bulletin, 43*(6), 772\u2013784. https://doi.org/10.1177/0146167217697299",
            "Ryan, R. M., & Deci, E. L. (2000). Intrinsic and extrinsic motivations: Classic definitions and "
            "new directions. *Contemporary Educational Psychology, 25*(1), 54\u201367. "
            "https://doi.org/10.1006/ceps.1999.1020",
            "Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic "
            "motivation, social development, and well-being. *American Psychologist, 55*(1), 68\u201378. "
            "https://doi.org/10.1037/0003-066X.55.1.68",
            "Schön, D. A. (1983). *The reflective practitioner: How professionals think in action*. Basic Books.",
            "Wenger, E. (1998). *Communities of practice: Learning, meaning, and identity*. Cambridge University "
            "Press.",
            "Wenger, E. (1998). *Communities of practice: Learning, meaning, and identity*. Cambridge University "
            "Press.",
        )
    ),
    styled=False,
    link_urls=False,
)


@dataclass(frozen=True)
class Mistake:
    text: str  # exactly as it stands in the essay
    rule: str
    fix: str
    occurrence: int = 1  # the mistake is this occurrence of ``text``, and the last one (the duplicate is the 2nd)


MISTAKE_TABLE = (
    Mistake("(Siemens, 2005)", "missing-reference",
            "Siemens (2005) is cited but has no entry in the list: add the entry or drop the citation."),
    Mistake("Schön, D. A. (1983).", "uncited-reference",
            "The entry is never cited in the text: cite it or remove it."),
    Mistake("(Hattie & Timperley, 2008)", "year-mismatch",
            "The entry says 2007: (Hattie & Timperley, 2007)."),
    Mistake("Granoveter (1973)", "author-mismatch",
            "The entry spells it Granovetter: Granovetter (1973)."),
    Mistake("(boyd et al., 2007)", "et-al-misuse",
            "A two-author work names both authors every time: (boyd & Ellison, 2007)."),
    Mistake("Raj et al., (2017)", "narrative-comma",
            "No comma before the year in a narrative citation: Raj et al. (2017)."),
    Mistake("Braun & Clarke (2006)", "ampersand-in-narrative",
            "Running text uses \u201cand\u201d: Braun and Clarke (2006)."),
    Mistake("(Lave and Wenger, 1991)", "and-in-parenthetical",
            "Inside parentheses use \u201c&\u201d: (Lave & Wenger, 1991)."),
    Mistake("(Granovetter 1973)", "missing-comma",
            "A comma goes between author and year: (Granovetter, 1973)."),
    Mistake("(Wenger, 1998; Lave & Wenger, 1991)", "citation-order",
            "Works in one parenthesis go in reference-list order: (Lave & Wenger, 1991; Wenger, 1998)."),
    Mistake("Hattie, J., & Timperley, H. (2007).", "reference-order",
            "Hattie comes after Granovetter, not before it: move the entry one place down "
            "(reporting it at the Granovetter entry instead is as good)."),
    Mistake("doi:10.1191/1478088706qp063oa", "doi-format",
            "APA 7 writes DOIs as links: https://doi.org/10.1191/1478088706qp063oa"),
    Mistake("Retrieved from https://www.michaelpage.com.au", "retrieved-from",
            "APA 7 drops \u201cRetrieved from\u201d (a retrieval date is only for pages meant to change): "
            "give the URL alone."),
    Mistake("\"view and traverse their list of connections and those made by others within the system\" "
            "(boyd & Ellison, 2007)", "quote-without-page",
            "A direct quotation needs a page: (boyd & Ellison, 2007, p. 211)."),
    Mistake("Wenger, E. (1998). Communities of practice", "duplicate-reference",
            "The same entry is listed twice: delete the second copy.", occurrence=2),
    Mistake("Ryan, R. M., & Deci, E. L. (2000). Intrinsic", "suffix-needed",
            "Two entries by Ryan and Deci in 2000 (this one and the next) need letters ordered by title: "
            "(2000a) for \u201cIntrinsic and extrinsic motivations\u201d, (2000b) for "
            "\u201cSelf-determination theory\u201d; the citation (Ryan & Deci, 2000) then picks one."),
    Mistake("(Braun & Clarke, 2021)", "ambiguous-citation",
            "The list has 2021a and 2021b: say which, e.g. (Braun & Clarke, 2021a)."),
)

# Citations of the mistakes essay that are right and must not be reported.
MISTAKES_CORRECT = (
    "(Page Group, 2022)",
    "(Raj et al., 2017)",
    "Braun and Clarke (2021a, 2021b)",
)

# --- 3. the blog post -------------------------------------------------------------

BLOG_POST = """\
quiet shelves
notes from a library technician who is still learning

Six months of saying yes: what networking has done for me

Posted on 14 October 2026 by quietshelves

When I started this blog (in 2019, during my library technician course) I promised myself I would write about professional development at least once a month. That lasted about three posts. So this is a catch-up, and a bit of a confession.

Back then I thought networking meant standing in a conference foyer with a name badge and a cup of bad coffee, trying to think of something clever to say. I still find that part hard. What I did not expect is how much of my learning would come from the people I met in those slightly awkward moments.

A few things that have actually worked for me this year:
1. Going to the regional staff meet-up every second month (it's free, and there's cake).
2. Saying yes when someone asked me to give a 10-minute talk about our makerspace, even though my hands shook the whole time.
3. Joining an online group for early-career library staff \u2013 about 40 of us across the state, mostly (but not all) in public libraries.
4. Keeping a short notes file after every event, so I remember who I met and what they told me.

The online group started during COVID-19, when none of us could meet in person, and it has outlived the lockdowns. We share job ads, programming ideas and the occasional rant about self-checkout machines. Last week someone posted a 12-page guide to running a seed library, which is exactly what my branch manager had asked me to look into. I would never have found it on my own.

The thing I have been slowest to learn is that networking works both ways. For a long time I felt I had nothing to offer, so I only asked questions. Then in March someone in the group asked how we manage bookings for our 3D printer, and I realised I knew the answer better than anyone else there. Answering felt good, and two people messaged me afterwards to ask more. That was the point at which I stopped feeling like a visitor.

I have not rejoined a professional association yet (I let my membership lapse in 2022 when money was tight), but I am thinking about it for next year. The member rate for the state conference is about half the full price, which makes a big difference on a part-time salary. If you are a member, I would love to hear whether you think it has been worth it.

Goals for the next six months:
- present at the meet-up again, this time without notes
- read one professional journal article a month and write about it here
- find a mentor outside my own library service

That's it from me. Thanks for reading, and thanks to everyone who commented on my last post!

This entry was posted in Professional development and tagged conferences, networking, reflection. Bookmark the permalink.

2 Responses to Six months of saying yes: what networking has done for me

Pingback: Week 10 round-up: what we read this week | The Branch Line

Jess on 15 October 2026 at 8:12 am said:
Love the seed library idea! Our branch started one in 2024 and it has been our most popular program (after storytime, of course). Happy to share our guide.
Reply

Leave a Reply

Your email address will not be published. Required fields are marked *

Comment *

Name *

Email *

Website

Post Comment
"""

# --- rendering ----------------------------------------------------------------------

_URL = re.compile(r"https?://\S+")


def _add_hyperlink(paragraph, text: str, url: str) -> None:
    """Append ``text`` as a hyperlink to ``url``, the way Word stores an autoformatted link."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _add_runs(paragraph, entry: Runs, link_urls: bool) -> None:
    for text, italic in entry:
        if italic or not link_urls:
            paragraph.add_run(text).italic = italic or None
            continue
        position = 0
        for match in _URL.finditer(text):
            if match.start() > position:
                paragraph.add_run(text[position:match.start()])
            _add_hyperlink(paragraph, match.group(), match.group())
            position = match.end()
        if position < len(text):
            paragraph.add_run(text[position:])


def _bold_paragraph(doc, text: str, centered: bool = True):
    paragraph = doc.add_paragraph()
    paragraph.add_run(text).bold = True
    if centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _add_page_number(paragraph) -> None:
    """A PAGE field, aligned right: APA 7's page number at the top right of every page."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif instruction:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instruction
            run._r.append(text)
    number = paragraph.add_run("1")
    number._r.addprevious(run._r)  # the field's shown result sits inside it: begin, PAGE, separate, 1, end
    end = run._r[-1]
    run._r.remove(end)
    closing = OxmlElement("w:r")
    closing.append(end)
    number._r.addnext(closing)


def essay_docx(essay: Essay, list_layout_mistakes: bool = False) -> bytes:
    """The essay as a Word file: APA student-paper layout, hanging-indent reference list; with
    ``list_layout_mistakes``, the list as students often leave it: no hanging indent, single
    spacing and 10 pt after each entry."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.line_spacing = 2.0
    normal.paragraph_format.space_after = Pt(0)
    section = doc.sections[0]
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Inches(1)
    _add_page_number(section.header.paragraphs[0])

    if essay.styled:
        doc.add_paragraph(essay.title, style="Title")
    else:
        _bold_paragraph(doc, essay.title)
    for block in essay.body:
        if isinstance(block, Heading):
            if essay.styled:  # APA 7's level 1: centred and bold
                doc.add_paragraph(block.text, style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                _bold_paragraph(doc, block.text)
        elif isinstance(block, Table):
            _bold_paragraph(doc, f"Table {block.number}", centered=False)
            doc.add_paragraph().add_run(block.title).italic = True
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]), style="Table Grid")
            for row, values in zip(table.rows, block.rows):
                for cell, value in zip(row.cells, values):
                    cell.text = value
        else:
            doc.add_paragraph(block).paragraph_format.first_line_indent = Inches(0.5)

    if essay.styled:
        heading = doc.add_paragraph("References", style="Heading 1")
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        heading = _bold_paragraph(doc, "References")
    heading.paragraph_format.page_break_before = True
    for entry in essay.references:
        paragraph = doc.add_paragraph()
        if list_layout_mistakes:
            paragraph.paragraph_format.line_spacing = 1.0
            paragraph.paragraph_format.space_after = Pt(10)
        else:
            paragraph.paragraph_format.left_indent = Inches(0.5)
            paragraph.paragraph_format.first_line_indent = Inches(-0.5)
        _add_runs(paragraph, entry, essay.link_urls)

    core = doc.core_properties
    core.title = essay.title
    core.author = "INF 305 student"
    core.last_modified_by = "INF 305 student"
    core.created = core.modified = core.last_printed = WRITTEN_AT
    core.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _with_fixed_zip_times(buffer.getvalue())


def _with_fixed_zip_times(data: bytes) -> bytes:
    """python-docx stamps zip members with the current time; restamp them so rebuilds are identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def essay_lines(essay: Essay) -> list[str]:
    """The essay as plain text, one paragraph a line, as students paste it (like the seed essay)."""
    lines = [essay.title]
    for block in essay.body:
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [f"Table {block.number}", block.title]
            lines += ["\t".join(row) for row in block.rows]
        else:
            lines.append(block)
    lines.append("References")
    lines += [plain(entry) for entry in essay.references]
    return lines


def essay_markdown(essay: Essay) -> str:
    """The essay as Markdown: # title, ## headings, *italic* runs, a pipe table."""
    blocks = [f"# {essay.title}"]
    for block in essay.body:
        if isinstance(block, Heading):
            blocks.append(f"## {block.text}")
        elif isinstance(block, Table):
            header, *rows = block.rows
            table = [f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
            table += [f"| {' | '.join(row)} |" for row in rows]
            blocks += [f"**Table {block.number}**", f"*{block.title}*", "\n".join(table)]
        else:
            blocks.append(block)
    blocks.append("## References")
    blocks += ["".join(f"*{text}*" if italic else text for text, italic in entry) for entry in essay.references]
    return "\n\n".join(blocks) + "\n"


def word_count(essay: Essay) -> int:
    return sum(len(line.split()) for line in essay_lines(essay))


# --- checking the data ------------------------------------------------------------


def check_clean_citations() -> None:
    """Each listed citation stands in the body in this order, and each entry is cited."""
    body = "\n".join(block for block in CLEAN.body if isinstance(block, str))
    position = 0
    for written, _, _ in CLEAN_CITATIONS:
        found = body.find(written, position)
        assert found >= 0, f"clean essay: {written!r} not found after offset {position}"
        position = found + len(written)
    entries = [plain(entry) for entry in CLEAN.references]
    for _, begins, _ in CLEAN_CITATIONS:
        assert not begins or sum(e.startswith(begins) for e in entries) == 1, f"no single entry {begins!r}"
    for entry in entries:
        assert any(begins and entry.startswith(begins) for _, begins, _ in CLEAN_CITATIONS), f"uncited {entry!r}"
    assert entries == sorted(entries, key=lambda e: e.casefold()), "clean list is not alphabetical"


def mistake_line(mistake: Mistake, lines: list[str]) -> int:
    """The 1-based line (= Word paragraph) holding the mistake; fails unless it is there exactly as counted."""
    hits = [number for number, line in enumerate(lines, 1) for _ in range(line.count(mistake.text))]
    assert len(hits) == mistake.occurrence, f"{mistake.text!r} occurs {len(hits)} times"
    return hits[-1]


def check_mistakes() -> None:
    lines = essay_lines(MISTAKES)
    for mistake in MISTAKE_TABLE:
        mistake_line(mistake, lines)
    rules = [m.rule for m in MISTAKE_TABLE]
    assert len(rules) == len(set(rules)), "one instance per rule"
    text = "\n".join(lines)
    for correct in MISTAKES_CORRECT:
        assert text.count(correct) == 1, correct


# --- one function per output file ---------------------------------------------------


def write_clean_docx() -> None:
    (SAMPLES / "clean-essay.docx").write_bytes(essay_docx(CLEAN))


def write_clean_txt() -> None:
    (SAMPLES / "clean-essay.txt").write_text("\n".join(essay_lines(CLEAN)) + "\n", encoding="utf-8")


def write_clean_md() -> None:
    (SAMPLES / "clean-essay.md").write_text(essay_markdown(CLEAN), encoding="utf-8")


def write_layout_mistakes_docx() -> None:
    (SAMPLES / "layout-mistakes.docx").write_bytes(essay_docx(CLEAN, list_layout_mistakes=True))


def write_mistakes_docx() -> None:
    (SAMPLES / "mistakes-essay.docx").write_bytes(essay_docx(MISTAKES))


def write_mistakes_txt() -> None:
    (SAMPLES / "mistakes-essay.txt").write_text("\n".join(essay_lines(MISTAKES)) + "\n", encoding="utf-8")


def write_blog_post() -> None:
    (SAMPLES / "blog-post.txt").write_text(BLOG_POST, encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def write_expected() -> None:
    lines = essay_lines(MISTAKES)
    out = [
        "# What essaycheck should report on the samples",
        "",
        "Generated by `scripts/build_samples.py` from the same data as the essays; edit the script, not this file.",
        "",
        "## clean-essay.docx / .txt / .md",
        "",
        f"No findings at all (no errors, warnings or infos). {len(CLEAN.references)} reference entries, "
        f"{len(CLEAN_CITATIONS)} citations, every entry cited at least once, list alphabetical. "
        "The citations, in reading order:",
        "",
        "| # | citation as written | entry it belongs to | note |",
        "|---|---|---|---|",
    ]
    for number, (written, begins, note) in enumerate(CLEAN_CITATIONS, 1):
        entry = begins or "none needed"
        out.append(f"| {number} | `{_cell(written)}` | {_cell(entry)} | {_cell(note)} |")
    out += [
        "",
        "Not citations, and not to be reported: \u201c(in 2019)\u201d, \u201c(aged 25\u201334)\u201d, "
        "\u201c(see Table 1)\u201d, \u201c(1)\u201d \u2026 \u201c(3)\u201d and \u201c(probably linear)\u201d, "
        "\u201c(mutual confiding)\u201d inside quotations, \u201cCOVID-19\u201d, the years and numbers in Table 1, "
        "\u201c(7th ed.)\u201d in the list. The quotation from boyd and Ellison carries its page as a separate "
        "\u201c(p. 211)\u201d after a narrative citation; the one from Granovetter has it inside the parenthesis.",
        "",
        "## mistakes-essay.docx / .txt",
        "",
        "Exactly one planted instance of each rule below. \u201cLine\u201d is the line of the .txt file and "
        "equally the paragraph of the .docx (no blank lines, no tables). The title and the \u201cReferences\u201d "
        "heading are bold Normal paragraphs, not Word headings, as many students leave them.",
        "",
        "| # | text as written | rule | line / paragraph | fix |",
        "|---|---|---|---|---|",
    ]
    for number, mistake in enumerate(MISTAKE_TABLE, 1):
        line = mistake_line(mistake, lines)
        out.append(f"| {number} | `{_cell(mistake.text)}` | {mistake.rule} | {line} | {_cell(mistake.fix)} |")
    out += [
        "",
        "Correct citations in this essay that must not be reported: "
        + ", ".join(f"`{c}`" for c in MISTAKES_CORRECT) + ".",
        "",
        "Notes for the rules that touch each other:",
        "",
        "- The year-mismatch `(Hattie & Timperley, 2008)`, the author-mismatch `Granoveter (1973)`, the "
        "missing-comma `(Granovetter 1973)` and the et-al-misuse `(boyd et al., 2007)` still point at their "
        "entries, so those entries are cited: uncited-reference fires only for Sch\u00f6n (1983).",
        "- `(Ryan & Deci, 2000)` cannot tell the two un-lettered 2000 entries apart; the cause is the list, so "
        "the expected finding is suffix-needed. Reporting that citation as ambiguous-citation as well is "
        "acceptable; the planted ambiguous-citation is `(Braun & Clarke, 2021)`, whose list is lettered correctly.",
        "- The duplicated Wenger (1998) entry is one work: the citation of it is not ambiguous, and the "
        "identical neighbours are not out of order.",
        "- The quotation-without-page is in straight double quotes; the essay uses straight quotes and "
        "apostrophes throughout (the clean essay uses curly ones).",
        "",
        "## blog-post.txt",
        "",
        "No findings at all: it has no citations and no reference list. Its years (\u201cin 2019\u201d, 2022, 2024, "
        "2026), parentheses, numbered and dashed lists, \u201cCOVID-19\u201d and blog boilerplate "
        "(\u201cPingback\u201d, \u201cLeave a Reply\u201d, \u201cRequired fields are marked *\u201d) are not "
        "citations.",
        "",
    ]
    (SAMPLES / "EXPECTED.md").write_text("\n".join(out), encoding="utf-8")


def main() -> int:
    check_clean_citations()
    check_mistakes()
    SAMPLES.mkdir(exist_ok=True)
    for write in (write_clean_docx, write_clean_txt, write_clean_md, write_layout_mistakes_docx,
                  write_mistakes_docx, write_mistakes_txt, write_blog_post, write_expected):
        write()
    print(f"clean essay: {word_count(CLEAN)} words; mistakes essay: {word_count(MISTAKES)} words; "
          f"blog post: {len(BLOG_POST.split())} words; written to {SAMPLES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
