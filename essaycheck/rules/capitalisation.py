"""Rules on capitals in the reference list: sentence case for works, title case for periodicals."""

from __future__ import annotations

import re

from ..casing import (PROPER_WORDS, capitalised_after_colons, essay_proper_words, is_all_capitals, is_common,
                      is_english, is_title_case, journal_title_case, sentence_case)
from ..model import Reference, Severity
from .base import CheckContext, Finding, rule
from .examples import BRAUN, RAJ, WENGER, essay
from .managed import bibliography_manager, made_by
from .reference_list import part_of

_CITE = "Networks matter (Raj et al., 2017), themes emerged (Braun & Clarke, 2006) and practice shapes identity (Wenger, 1998)."
_MA = ("Ma, D. S., Correll, J., & Wittenbrink, B. (2015). The Chicago face database: A free stimulus set of faces and "
       "norming data. Behavior Research Methods, 47(4), 1122–1135. https://doi.org/10.3758/s13428-014-0532-5")
_AMADI = ("Amadi, C. (2021). Learning from COVID-19 in Sub-Saharan Africa: What iPhone data tell McDonald's. "
          "Global Health Review, 4(2), 1–9.")
_HASHIMOTO = ("Hashimoto, K. (2019). Die Entwicklung der Sprache im Kindesalter. Zeitschrift für "
              "Entwicklungspsychologie, 51(1), 10–20.")
_PERIODICALS = ("article-journal", "article-magazine", "article-newspaper")
# Fields read as one: a period and a capital inside a title (a title and a journal, "…APPLICATIONS.ResearchGate"), a volume and
# pages ("…, 171, 39-47", but not a span of years, "2011-2015"), a journal's name where the title should be.
_MERGED_FIELDS = re.compile(r"[a-z]\.\s+[A-Z]|[A-Za-z]{2}\.(?=[A-Z][a-z])|,\s*\d+\s*[,(]|(?<!\d)(?!(?:1[89]|20)\d\d\s*[-\u2013]\s*(?:1[89]|20)?\d\d\s*$)\d+\s*[-\u2013]\s*\d+\s*$|^Journal of\b|"
                            r"\bPREPRINT\b|\bavailable (?:at|from)\b|\bRetrieved\b|,\s*\d{1,2} [A-Z][a-z]+ \d{4}")
# Names of events and bodies inside a title: their words are a name's, and keep their capitals.
_NAMED = re.compile(r"\b(?:Conference|Proceedings|Symposium|Workshop|Congress|Summit)\b|"
                    r"\b(?:University|Institute|Initiative|Agency|Department|Ministry|Association|Council|Commission|"
                    r"Foundation|Society|Centre|Center|Bureau|Organi[sz]ation|Committee|Office) (?:of|for|on)\b")


def _product_name(title: str, ref: Reference) -> bool:
    """A title that is a name: an edition's year first ("2021 SMART: BRFSS …"), or a few words led by
    one no word list knows or by the author's own name ("Yahoo Finance Screener" by Yahoo)."""
    words = title.split()
    if re.match(r"(?:19|20)\d\d\b", title):
        return True
    first = words[0].strip("\"'“‘(") if words else ""
    if len(words) > 4 or not first[:1].isupper():
        return False
    return not is_common(first) or any(first.lower() in name.lower().split() for name in ref.family_names)


# Where a title read together with what follows it ends: ", pp. 1-10", ", 21 July 2021", ".ResearchGate"
_TITLE_END = re.compile(r"\s*,\s*(?:pp?\.\s*\d|\d{1,2} [A-Z][a-z]+ \d{4}|(?:19|20)\d\d\b)|\.(?=[A-Z][a-z])|"
                        r"(?<=[a-z])\.\s+(?=[A-Z])")  # "… Scope and Limitations. Developments in Plant …"


def _leading_title(text: str) -> str:
    """The title at the start of ``text`` when a field was read into it, or "" when it cannot be told
    apart (four words at least)."""
    end = _TITLE_END.search(text)
    title = text[:end.start()].strip() if end else ""
    if _SOURCE_INSIDE.search(title):
        return ""  # "…, Ain Shams Engineering Journal, Volume 15": the source too
    return title if len(title.split()) >= 4 else ""


_SOURCE_INSIDE = re.compile(r",\s*(?:Volume|Vol\.|Issue|No\.)|\b(?:Journal|Proceedings|Review)\b|\bIn [A-Z]\.")


def proper(ctx: CheckContext) -> frozenset[str]:
    """Words the essay shows to be names: capitalised mid-sentence in its body, and its authors."""
    if PROPER_WORDS not in ctx.memo:
        ctx.memo[PROPER_WORDS] = essay_proper_words(ctx.sections.body, ctx.references)
    return ctx.memo[PROPER_WORDS]


def _finding(ctx: CheckContext, ref: Reference, text: str, message: str, corrected: str | None) -> Finding:
    span = part_of(ref, text)  # the whole entry when the title is not found in its paragraph
    manager = bibliography_manager(ctx, ref.location.paragraph)
    if manager:
        return Finding(f"{message} {made_by(manager)}", span, reference=ref.index)
    if corrected is not None:
        message = f"{message} Write: {corrected}"
    return Finding(message, span, reference=ref.index, suggestion=corrected if span is not ref.location else None)


@rule("title-case", Severity.WARNING,
      "A work's title is written in title case or in capitals; APA 7 writes it in sentence case.",
      fires=[essay(_CITE, BRAUN.replace("Using thematic analysis in psychology", "Using Thematic Analysis in Psychology"),
                   RAJ, WENGER),
             essay(_CITE, BRAUN, RAJ, WENGER.replace("Communities of practice: Learning, meaning, and identity",
                                                     "Communities of Practice: Learning, Meaning, and Identity")),
             essay(_CITE, BRAUN, RAJ.replace("Identity and professional networking", "IDENTITY AND PROFESSIONAL NETWORKING"),
                   WENGER),
             essay("Ties matter (Granovetter, 1973).", "Granovetter, M. S. (1973). The Strength of Weak Ties. "
                   "American Journal of Sociology, 78(6), 1360–1380."),
             essay(_CITE, BRAUN, RAJ, WENGER.replace("practice: Learning", "practice: learning"))],
      passes=[essay(_CITE, BRAUN, RAJ, WENGER),
              essay("Faces were rated (Ma et al., 2015).", _MA),
              essay("Data were shared (Amadi, 2021).", _AMADI),
              essay("Children learn words early (Hashimoto, 2019).", _HASHIMOTO),
              essay("Practice shapes identity (Wenger, 1998).", "Wenger, E. (1998). Communities of Practice. "
                    "Cambridge University Press.")])
def title_case(ctx: CheckContext):
    """The title of an article, book, chapter, report or web page, and a chapter's book title, are
    in sentence case: a capital for the first word, the first word after a colon, a dash or a
    question mark, and names and acronyms only. One finding per entry, with the corrected title:
    for a title in title case or in capitals, and for a subtitle after a colon that starts with
    a small letter.

    A title is called title case only when its major words after the first are capitalised (at
    most one in four left small) and at least two are ordinary words (the English word lists
    know them), so a sentence-case title
    full of names ("The Chicago face database") is left alone; a title that is not English keeps
    its own rules, and so does one naming a conference or a body ("Proceedings of the …
    Conference", "University of … Initiative"), whose words are a name's. The correction keeps
    every capital it is unsure of. A title with a single major word after the first
    ("Communities of Practice") is not judged: it could be a name."""
    keep = proper(ctx)
    for ref in ctx.references:
        if ctx.works[ref.index] != ref.index:
            continue  # a repeated entry is duplicate-reference's
        fields = [("title", ref.title)]
        if ref.type == "chapter":
            fields.append(("book title", ref.container_title))
        for label, text in fields:
            finding = _case_finding(ctx, ref, text, keep, "The title" if label == "title" else "The book's title")
            if finding is not None:
                yield finding
                break


def _case_finding(ctx: CheckContext, ref: Reference, text: str, keep: frozenset[str], what: str) -> Finding | None:
    """title-case's finding on one title, if any."""
    if text and _MERGED_FIELDS.search(text):
        text = _leading_title(text)  # "Demystifying CNNs for Images by Matched Filters , pp. 1-10"
    if not text or _MERGED_FIELDS.search(text) or _NAMED.search(text):
        return None
    if is_all_capitals(text):
        if not is_english(text) or _product_name(text, ref):
            return None
        return _finding(ctx, ref, text, f"{what} “{text}” is written in capitals. APA 7 writes it in sentence case: a "
                        "capital only for the first word, the first word after a colon, and names and acronyms.", None)
    if is_title_case(text, keep):
        if _product_name(text, ref):
            return None
        return _finding(ctx, ref, text, f"{what} “{text}” is in title case. APA 7 writes the title of an article, "
                        "book, chapter, report or web page in sentence case: a capital only for the first word, "
                        "the first word after a colon, and names and acronyms.",
                        capitalised_after_colons(sentence_case(text, keep)))
    main, colon, subtitle = text.partition(": ")
    if colon and is_title_case(main, keep) and not _product_name(main, ref):  # "Data Privacy in Machine Learning: A …"
        corrected = capitalised_after_colons(f"{sentence_case(main, keep)}: {subtitle}")
        return _finding(ctx, ref, text, f"{what} “{text}” is in title case before the colon. APA 7 writes a title "
                        "in sentence case: a capital only for the first word, the first word after a colon, and names "
                        "and acronyms.", corrected)
    if (after_colon := capitalised_after_colons(text)) != text:
        return _finding(ctx, ref, text, f"{what} “{text}” needs a capital after the colon: APA 7's sentence case "
                        "capitalises the first word of a subtitle.", after_colon)
    return None


@rule("periodical-case", Severity.WARNING,
      "A journal's, magazine's or newspaper's name is not in title case.",
      fires=[essay(_CITE, BRAUN.replace("Qualitative Research in Psychology", "Qualitative research in psychology"),
                   RAJ, WENGER),
             essay(_CITE, BRAUN, RAJ.replace("Personality and Social Psychology Bulletin",
                                             "Personality and social psychology bulletin"), WENGER)],
      passes=[essay(_CITE, BRAUN, RAJ, WENGER),
              essay("Children learn words early (Hashimoto, 2019).", _HASHIMOTO),
              essay("Cells divide (Lee, 2020).", "Lee, A. (2020). Cell division in yeast. iScience, 23(4), 1–9."),
              essay("Data were shared (Amadi, 2021).", _AMADI)])
def periodical_case(ctx: CheckContext):
    """The name of a journal, magazine or newspaper is in title case: every major word capitalised,
    short articles, conjunctions and prepositions ("of", "and", "in") in lower case. Capitals
    already there, acronyms and names such as "iScience" are kept, and a name in another language
    keeps its own capitals ("Revista de Saúde Pública")."""
    for ref in ctx.references:
        name = ref.container_title
        if ref.type not in _PERIODICALS or not name or ctx.works[ref.index] != ref.index:
            continue
        if not re.fullmatch(r"[\w'’&:,.()\- ]+", name):
            continue  # not a plain name ("[Effects of …] Aslib Journal …": two fields read as one)
        corrected = journal_title_case(name)
        if corrected != name and is_english(name):
            yield _finding(ctx, ref, name, f"The journal's name “{name}” is not in title case. APA 7 capitalises "
                           "each major word of a journal's, magazine's or newspaper's name.", corrected)
