"""Rules about how each in-text citation is written (APA 7, section 8)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from ..citations.context import quote_before
from ..model import Citation, Location, Severity
from ..link import year_key
from ..names import fold
from .base import CheckContext, Finding, rule
from .citation_placement import placement_findings
from .managed import in_word_style_field, word_style_citations
from .examples import BRAUN, GRANOVETTER, PAGE, RAJ, WENGER, essay
from .ordering import reference_sort_key
from .wording import cited_names, citation_form, quote


@rule("et-al-misuse", Severity.WARNING, "“et al.” used for one or two authors, all names written for three or more, or a name left out.",
      fires=[essay("Themes emerged (Braun et al., 2006).", BRAUN),
             essay("Identity matters (Raj, Fast, & Fisher, 2017).", RAJ),
             essay("Identity matters (Raj, 2017).", RAJ),
             essay("Themes emerged (Braun, 2006).", BRAUN),
             essay("Ties matter (Putnam, Leonardi, & Nanetti, 1993).", GRANOVETTER)],
      passes=[essay("Identity matters (Raj et al., 2017) and themes emerged (Braun & Clarke, 2006).", RAJ, BRAUN)])
def et_al_misuse(ctx: CheckContext):
    """APA 7 names one or two authors in every citation, and shortens three or more to the first
    author followed by “et al.” from the first citation on."""
    for i, (citation, link, ref) in enumerate(ctx.linked()):
        if citation_slip(citation) == "entry":
            continue  # "Laptev, D., Savinov, N., … (2016)": citation-form gives the whole right form
        linked = ref is not None and link.quality in ("exact", "author-mismatch") and bool(ref.family_names) and not (
            ref.authors and ref.authors[0].is_group)
        if not linked:
            if not citation.et_al and len(citation.authors) >= 3 and citation.role == "work" and (
                    len(citation.authors) >= 4 or not citation_slip(citation) or _full_names_written(citation)):
                # (three "names" with initials or titles may be two authors and a title: citation-form's)
                # every name written: wrong whatever the entry, even when there is none
                yield Finding(
                    f"{quote(citation.text)} names {len(citation.authors)} authors: from the first citation on, "
                    "APA 7 writes only the first author followed by “et al.”.", citation.location, citation=i,
                    suggestion=citation_form(citation, names=f"{citation.authors[0]} et al."))
            continue
        count = len(ref.family_names) if not ref.author_ellipsis else 21
        if citation.et_al and count <= 2:
            what = "one author" if count == 1 else "two authors"
            advice = "write the name" if count == 1 else "write both names"
        elif not citation.et_al and count >= 3:
            what, advice = f"{count} authors", "write only the first author followed by “et al.”"
        elif not citation.et_al and count == 2 and len(citation.authors) == 1 and citation.role == "work":
            what, advice = "two authors", "write both names"  # "(Adams, 2019)" for Adams & Blair
        elif not citation.et_al and len(citation.authors) >= 3 and citation.role == "work":
            # three names written for an entry of fewer (author-mismatch says which): "et al." whatever the entry
            yield Finding(
                f"{quote(citation.text)} names {len(citation.authors)} authors: from the first citation on, "
                "APA 7 writes only the first author followed by “et al.”.", citation.location, citation=i,
                suggestion=citation_form(citation, names=f"{citation.authors[0]} et al."))
            continue
        else:
            continue
        yield Finding(
            f"{quote(citation.text)}: this work has {what}, so {advice}.",
            citation.location, citation=i, reference=ref.index,
            suggestion=citation_form(citation, names=cited_names(ref, citation.narrative)))


@rule("narrative-comma", Severity.WARNING, "A comma between the author and the year in a narrative citation.",
      fires=[essay("As Raj et al., (2017) point out, identity matters.", RAJ)],
      passes=[essay("As Raj et al. (2017) point out, identity matters.", RAJ),
              essay("Identity matters (Raj et al., 2017).", RAJ)])
def narrative_comma(ctx: CheckContext):
    """When the author's name is part of your sentence, the year follows it in brackets with no comma:
    Raj et al. (2017), not Raj et al., (2017)."""
    for i, citation in enumerate(ctx.citations):
        if citation.narrative and citation.comma_before_year and citation.bracketed:
            yield Finding(
                f"Remove the comma before the year in {quote(citation.text)}: when the author is named in "
                "your sentence, the year follows in brackets with no comma.",
                citation.location, citation=i, suggestion=citation_form(citation))


@rule("ampersand-in-narrative", Severity.WARNING, "“&” between authors named in the running text.",
      fires=[essay("Braun & Clarke (2006) describe six phases.", BRAUN)],
      passes=[essay("Braun and Clarke (2006) describe six phases (Braun & Clarke, 2006).", BRAUN)])
def ampersand_in_narrative(ctx: CheckContext):
    """In your own sentence join two authors with “and”; the ampersand “&” belongs inside brackets
    (and in tables, where an author list is no part of a sentence)."""
    for i, citation in enumerate(ctx.citations):
        in_table = ctx.paragraphs[citation.location.paragraph].part == "table"
        entry_form = citation_slip(citation) == "entry"  # "Xie, S., & Hu, H. (2017)": citation-form says it all
        if citation.narrative and citation.connector == "&" and not in_table and not entry_form:
            yield Finding(
                f"In {quote(citation.text)} the authors are part of your sentence, so join them with “and”, "
                "not “&”.", citation.location, citation=i,
                suggestion=citation_form(citation, names=" and ".join(_split_names(citation))))


@rule("and-in-parenthetical", Severity.WARNING, "“and” between authors inside brackets.",
      fires=[essay("Six phases are described (Braun and Clarke, 2006).", BRAUN)],
      passes=[essay("Six phases are described (Braun & Clarke, 2006).", BRAUN)])
def and_in_parenthetical(ctx: CheckContext):
    """Inside brackets APA 7 joins the last two authors with an ampersand: (Braun & Clarke, 2006)."""
    for i, citation in enumerate(ctx.citations):
        if not citation.narrative and citation.connector == "and" and len(citation.authors) >= 2:  # in brackets
            yield Finding(
                f"Inside brackets, join the authors with “&”, not “and”: {quote(citation.text)}.",
                citation.location, citation=i,
                suggestion=citation_form(citation, names=" & ".join(_split_names(citation))))


def _split_names(citation: Citation) -> list[str]:
    names = list(citation.authors)
    if len(names) <= 2:
        return names
    return [", ".join(names[:-1]) + ",", names[-1]]


@rule("missing-comma", Severity.WARNING, "No comma between the author and the year inside brackets.",
      fires=[essay("Weak ties carry news (Granovetter 1973).", GRANOVETTER)],
      passes=[essay("Weak ties carry news (Granovetter, 1973). It was in 2019 (June 2019).", GRANOVETTER)])
def missing_comma(ctx: CheckContext):
    """Inside brackets a comma separates the author from the year: (Granovetter, 1973)."""
    for i, citation in enumerate(ctx.citations):
        if not citation.narrative and not citation.comma_before_year and citation.role == "work":
            yield Finding(
                f"Put a comma between the author and the year: {quote(citation.text)}.",
                citation.location, citation=i, suggestion=citation_form(citation))


@rule("citation-order", Severity.WARNING, "Works in one pair of brackets are not in reference-list order.",
      fires=[essay("Communities help (Wenger, 1998; Granovetter, 1973).", GRANOVETTER, WENGER)],
      passes=[essay("Communities help (Granovetter, 1973; Wenger, 1998).", GRANOVETTER, WENGER),
              essay("Communities help (e.g., Wenger, 1998; see also Granovetter, 1973).", GRANOVETTER, WENGER)])
def citation_order(ctx: CheckContext):
    """Several works in one pair of brackets are listed in the order of the reference list
    (alphabetically by first author, then by year), separated by semicolons."""
    groups = groupby(range(len(ctx.citations)), key=lambda i: _group_key(ctx.citations[i]))
    for key, members in groups:
        members = [i for i in members if _orderable(ctx.citations[i])]
        if key is None or len(members) < 2:
            continue
        keys = [reference_sort_key(ctx.linked_reference(i)) if ctx.linked_reference(i) else None for i in members]
        if None in keys:  # a work without entry: order by the names and years as cited
            keys = [(tuple(fold(a) for a in ctx.citations[i].authors), year_key(ctx.citations[i].year)) for i in members]
        if keys != sorted(keys):
            ordered = [members[j] for j in sorted(range(len(members)), key=lambda j: keys[j])]
            first = ctx.citations[members[0]]
            text = "; ".join(citation_form(ctx.citations[i]) for i in ordered)
            yield Finding(
                f"Order the works in {quote(first.group.text)} as in your reference list: "
                f"alphabetically by first author, then by year.",
                first.group, citation=members[0], suggestion=f"({text})")


def _group_key(citation: Citation):
    if citation.narrative:
        return None
    return (citation.group.paragraph, citation.group.start)


def _orderable(citation: Citation) -> bool:
    """“see also” and secondary sources may stand apart from the order."""
    return citation.role == "work" and "also" not in citation.prefix


@rule("quote-without-page", Severity.WARNING, "A direct quotation without a page or paragraph number.",
      fires=[essay("Networking is “a deliberate and strategic act of identity” (Raj et al., 2017).", RAJ),
             essay("Raj et al. (2017) call networking “a deliberate and strategic act of identity”.", RAJ)],
      passes=[essay("Networking is “a deliberate and strategic act of identity” (Raj et al., 2017, p. 780).", RAJ),
              essay("Raj et al. (2017) call networking “a deliberate and strategic act of identity” (p. 780).", RAJ),
              essay("Networking shapes identity (Raj et al., 2017).", RAJ)])
def quote_without_page(ctx: CheckContext):
    """A direct quotation needs the page (p. 4, pp. 4–5) or, for works without pages, the paragraph
    (para. 2) where the words appear."""
    for i, citation in enumerate(ctx.citations):
        if citation.quoted and not citation.locator and citation.role != "personal-communication":
            yield Finding(
                f"You quote the source cited as {quote(citation.text)}, so add the page number "
                "(for example “p. 12”) or, for a web page, the paragraph number (“para. 3”).",
                citation.location, citation=i)
    for mention in named_without_year(ctx):
        if mention.quoted:  # “… scales”(Shipyard): the year is citation-form's to ask for, the page this rule's
            yield Finding(f"You quote the source named as {quote(mention.location.text)}, so add its page number "
                          "or, for a web page, the paragraph number (“para. 3”) after the year.", mention.location)


_ABBREVIATION = re.compile(r"[A-Z][A-Za-z&]{0,2}[A-Z][A-Z&]{0,10}s?")  # "APA", "WHO", "OECD", "CDC", "NGOs"


def _introduced_in_text(ctx: CheckContext, abbreviation: str, where) -> bool:
    """Whether the running text defines the abbreviation, "(CASP)" or "[CASP]", before ``where``."""
    pattern = re.compile(rf"[(\[]\s*{re.escape(abbreviation)}\s*[)\]]")
    for paragraph in ctx.sections.body:
        if paragraph.index > where.paragraph:
            break
        limit = where.start if paragraph.index == where.paragraph else len(paragraph.text)
        if pattern.search(paragraph.text, 0, limit):
            return True
    return False


@rule("group-abbreviation", Severity.INFO, "A group author's abbreviation is used before it is introduced.",
      fires=[essay("Style matters (APA, 2020). See the manual (American Psychological Association [APA], 2020).",
                   "American Psychological Association. (2020). Publication manual of the American Psychological "
                   "Association (7th ed.). https://doi.org/10.1037/0000165-000")],
      passes=[essay("Style matters (American Psychological Association [APA], 2020). Again (APA, 2020).",
                    "American Psychological Association. (2020). Publication manual of the American Psychological "
                    "Association (7th ed.). https://doi.org/10.1037/0000165-000"),
              essay("Networks matter (Page Group, 2022).", PAGE),
              essay("The American Psychological Association (APA) sets the style. Style matters (APA, 2020).",
                    "American Psychological Association. (2020). Publication manual of the American Psychological "
                    "Association (7th ed.). https://doi.org/10.1037/0000165-000"),
              essay("Work is changing (National Academy of Science, 1999).",
                    "National Academy of Sciences. (1999). The changing nature of work. National Academies Press.")])
def group_abbreviation(ctx: CheckContext):
    """Write a group author's full name the first time, with its abbreviation in square brackets,
    and the abbreviation alone after that: (American Psychological Association [APA], 2020), then (APA, 2020)."""
    introduced: set[str] = set()
    for i, (citation, link, ref) in enumerate(ctx.linked()):
        if citation.abbreviation:
            introduced.add(fold(citation.abbreviation))
            continue
        if ref is None or not ref.authors or not ref.authors[0].is_group or not citation.authors:
            continue
        written = fold(citation.authors[0])
        if not _ABBREVIATION.fullmatch(citation.authors[0]) or written in introduced:
            continue  # a misspelt full name is author-mismatch's to report
        if _introduced_in_text(ctx, citation.authors[0], citation.location):
            introduced.add(written)  # "the Critical Appraisal Skills Programme (CASP) checklist"
            continue
        if written != fold(ref.authors[0].literal):
            yield Finding(
                f"{quote(citation.text)} uses the abbreviation before introducing it. The first time, write "
                f"the full name followed by the abbreviation in square brackets: "
                f"{ref.authors[0].literal} [{citation.authors[0]}].",
                citation.location, citation=i, reference=ref.index)
            introduced.add(written)


# --- how the cited names and year are written ------------------------------------------------------

_ENTRY_FORM = re.compile(r"[^\W\d_][\w'’\-‐‑]*,\s(?:[A-Z]\.\s?){1,3}(?:,|\s\(|\s&|$)")  # "Tóth, B. (2018"
_LOOSE_ET_AL = re.compile(r"\bet\.\s*al\b|\bet\s*\.al\b|\bet\s+al\b(?!\.)", re.IGNORECASE)
_NO_SPACE_AFTER_COMMA = re.compile(r"[^\W\d_],(?=\d{4}|n\.d)")
_INITIAL_IN_NAMES = re.compile(
    r"(?:^|[\s,&(])(?!U\.S\.|U\.K\.)(?:[A-Z]\.\s?[A-Z]?\.?|Dr\.?|Prof\.?)(?=[\s,&]|$)|\b[A-Z][a-z]+\s[A-Z]{1,2}\b(?!\.)")
_MONTH_IN_CITATION = re.compile(
    r",\s(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s(?=\d{4})")


_SPACE_AFTER_BRACKET = re.compile(r"\(\s+\d")
_SEMICOLON_BEFORE_PAGE = re.compile(r";\s*(?:pp?|para)\.")
_COMMA_BEFORE_ET_AL = re.compile(r",\s*et\.?\s*al")
_YEARS_BY_SEMICOLON = re.compile(r"(?:\d{4}[a-z]?|n\.d\.);\s*(?:\d{4}|n\.d\.)")
_COMMA_BEFORE_AMPERSAND = re.compile(r"^[^,&]+,\s*&")


@lru_cache(maxsize=4096)  # three rules ask about each citation
def citation_slip(citation: Citation, ref=None) -> str:
    """Which slip a citation makes in writing its names or year ("" if none): see ``_SLIP_WORDS``."""
    text = citation.text
    year_at = _YEAR_START.search(text)
    names_part = text[:year_at.start()] if year_at else text
    if not citation.bracketed:
        # "In 2004, Fleming showed" and "MacKenzie et al.'s 2002 paper" are APA; "Le and Mikolov, 2014" is not
        if not citation.narrative:
            return "prose-in-brackets"
        return "" if citation.possessive or text.startswith("In ") or " in " in text else "unbracketed"
    if citation.narrative and _ENTRY_FORM.search(names_part + "("):
        return "entry"
    if _LOOSE_ET_AL.search(text):
        return "et-al"
    group = ref is not None and bool(ref.authors) and ref.authors[0].is_group
    if not group and (_INITIAL_IN_NAMES.search(names_part) or ref is not None and _given_names_written(citation, ref)
                      or ref is None and _full_names_written(citation)):
        return "initials"
    if _NO_SPACE_AFTER_COMMA.search(text):
        return "space"
    if _SPACE_AFTER_BRACKET.search(text):
        return "bracket-space"
    if _SEMICOLON_BEFORE_PAGE.search(text):
        return "page-semicolon"
    if citation.position == 0 and _YEARS_BY_SEMICOLON.search(citation.group.text):
        return "years-semicolon"
    if _COMMA_BEFORE_ET_AL.search(names_part):
        return "comma-et-al"
    if len(citation.authors) == 2 and _COMMA_BEFORE_AMPERSAND.search(names_part.lstrip("(")):
        return "comma-ampersand"
    if len(citation.authors) == 2 and not citation.connector and not citation.et_al:
        return "two-authors"
    if citation.year.casefold() == "n.d":
        return "nd"
    if not citation.narrative and _MONTH_IN_CITATION.search(text):
        return "month"
    return ""


_YEAR_START = re.compile(r"\(|\d{4}|n\.\s?d")


def _given_names_written(citation: Citation, ref) -> bool:
    """"(Huang Jianqing, 2013)" for "Huang, J.": the family name and more."""
    if not citation.authors or not ref.family_names or ref.authors and ref.authors[0].is_group:
        return False
    words = citation.authors[0].split()
    return len(words) > 1 and any(fold(w) == fold(ref.family_names[0]) for w in words)


_PARTICLES = frozenset("van von de der den da di del du dos le la st el al bin ibn".split())


def _full_names_written(citation: Citation) -> bool:
    """"(Dayanidhi Yadav, Ranjeet Kumar & Pankaj Kumar, 2018)": two or more authors, each written as a
    given name and a family name (no entry to compare with)."""
    names = [name.split() for name in citation.authors]
    return len(names) >= 2 and not citation.et_al and all(
        len(words) == 2 and (_GIVEN.fullmatch(words[0]) or re.fullmatch(r"[A-Z]{2,3}", words[0]))  # "SRN Reddy"
        and _GIVEN.fullmatch(words[1]) and words[0].lower() not in _PARTICLES for words in names)


_GIVEN = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


_SLIP_WORDS = {
    "entry": "This is how the reference list writes the work; in your text give only the family name(s) and the year",
    "et-al": "Write “et al.”: no period after “et”, one after “al”",
    "initials": "Give only family names in a citation, without initials, given names or titles such as “Dr.”",
    "space": "Put a space after the comma before the year",
    "nd": "Write “n.d.” with a period after the d",
    "month": "Give only the year in a citation, not the month",
    "bracket-space": "Leave no space after the opening bracket",
    "page-semicolon": "Separate the page from the year with a comma, not a semicolon",
    "comma-et-al": "Write no comma between the name and “et al.”",
    "comma-ampersand": "With two authors, write no comma before “&”",
    "two-authors": "Join two authors with “&” inside brackets (“and” in your sentence), not with a comma",
    "unbracketed": "Put the year in brackets after the names when they are part of your sentence",
    "prose-in-brackets": "Inside brackets give each work as Name, Year and separate the works with semicolons",
    "years-semicolon": "Separate the years of one author's works with commas, not semicolons",
}


@rule("citation-form", Severity.WARNING, "A citation written or placed in a way APA 7 does not use (initials, a full date, “et. al”, brackets used as a name, no year).",
      fires=[essay("As Raj, M., Fast, N. J., & Fisher, O. (2017) show, identity matters.", RAJ),
             essay("Identity matters (Raj et. al., 2017).", RAJ),
             essay("Themes emerged (Braun V. & Clarke V., 2006).", BRAUN),
             essay("Themes emerged (Braun & Clarke,2006).", BRAUN),
             essay("Networks matter (Page Group, n.d).", PAGE.replace("(2022)", "(n.d.)")),
             essay("Themes emerged (Braun & Clarke, March 2006).", BRAUN),
             essay("As Braun and Clarke, 2006 describe, themes emerge.", BRAUN),
             essay("Networks matter for careers (Page Group).", PAGE),
             essay("Themes emerged (Braun & Clarke, 2006)(Raj et al., 2017).", BRAUN, RAJ),
             essay("Themes emerge from the data.(Braun & Clarke, 2006).", BRAUN),
             essay("Themes emerged. (Braun & Clarke, 2006) describe six phases.", BRAUN),
             essay("Six phases are described by (Braun & Clarke, 2006).", BRAUN),
             essay("Guides such as (Page Group, 2022) and (Raj et al., 2017) agree.", PAGE, RAJ)],
      passes=[essay("As Raj et al. (2017) show, identity matters (Braun & Clarke, 2006).", RAJ, BRAUN),
              essay("Themes emerged (Braun & Clarke, 2006) and so did identity (Raj et al., 2017).", BRAUN, RAJ),
              essay("Themes emerged in the U.S. (Braun & Clarke, 2006).", BRAUN),
              essay("Themes emerged from the data. (Braun & Clarke, 2006)", BRAUN),
              essay("Networks matter (see Table 2) for careers (Page Group, 2022).", PAGE),
              essay("Spaces differ (E. Smith, 2019; J. Smith, 2019).",
                    "Smith, E. (2019). Libraries as learning spaces. Library Trends, 67(3), 400–415.",
                    "Smith, J. (2019). Learning spaces in schools. Educational Researcher, 48(2), 90–98."),
              essay("Mentoring helps (M. Chen, personal communication, March 3, 2023).", RAJ),
              essay("In 2006, Braun and Clarke described six phases; Braun and Clarke's 2006 paper is cited often.",
                    BRAUN),
              essay("The U.S. Department of Education (2019) agrees (APA, 2020).",
                    "U.S. Department of Education. (2019). Student privacy 101. https://studentprivacy.ed.gov/")])
def citation_form_slip(ctx: CheckContext):
    """A citation gives the family names (or the group's name) and the year, nothing else: no
    initials or given names (only to tell apart two first authors who share a surname), no month or
    day, "et al." with one period, a space after each comma, and "n.d." for a work without date.
    Where it stands matters too (``citation_placement``): brackets are not a name in the sentence,
    a narrative citation is part of its sentence and not inside other brackets, and authors named
    in the text get their year."""
    for i, (citation, link, ref) in enumerate(ctx.linked()):
        if citation.role == "personal-communication":
            continue  # "(M. Chen, personal communication, March 3, 2023)": initials and the full date belong there
        slip = citation_slip(citation, ref)
        if not slip or slip == "initials" and _initial_tells_apart(ctx, citation) or in_word_style_field(ctx, i):
            continue
        names = cited_names(ref, citation.narrative) if ref is not None and link.quality == "exact" and (
            slip in ("entry", "initials", "month")) else None
        year = re.sub(r"^n\.\s?d$", "n.d.", citation.year, flags=re.IGNORECASE)
        fixed = citation_form(citation, names=names, year=year) if names or slip not in (
            "initials", "prose-in-brackets", "years-semicolon") else None  # what to write needs the student
        yield Finding(f"{_SLIP_WORDS[slip]}: {quote(citation.text)}.", citation.location, citation=i,
                      suggestion=fixed)
    yield from _named_without_year(ctx)
    yield from word_style_citations(ctx)
    yield from placement_findings(ctx)


_BARE_PARENTHESIS = re.compile(r"\(([^()\d]{3,60})\)")


def _named_without_year(ctx: CheckContext):
    for mention in named_without_year(ctx):
        yield Finding(f"You name a work of your list without its year: {quote(mention.location.text)}. "
                      f"Write {mention.right}.", mention.location, suggestion=mention.right)
        # (a finding in the text: the entry itself is fine)


@dataclass(frozen=True)
class Mention:
    """A listed work named in brackets without its year: "(Deeplizard)"."""

    location: Location
    right: str  # the citation to write instead
    quoted: bool  # right after a quotation


def named_without_year(ctx: CheckContext) -> list[Mention]:
    """"(Deeplizard)", "(Adit Deshpande)", "(“Circular Economy”)": a listed work named in brackets
    with no year at all."""
    if "named-without-year" in ctx.memo:
        return ctx.memo["named-without-year"]
    names: dict[str, object] = {}
    for ref in ctx.references:
        people = ref.authors or ref.editors
        if people and people[0].is_group:
            names.setdefault(fold(people[0].literal), ref)
        elif people and len(people[0].family) >= 3:
            names.setdefault(fold(people[0].family), ref)
        elif ref.title:
            names.setdefault(fold(ref.title), ref)
        if ref.container_title and not (people and not people[0].is_group):
            names.setdefault(fold(re.sub(r"\.(?:com|org|net)\b.*$", "", ref.container_title)), ref)
    mentions: list[Mention] = []
    for paragraph in ctx.sections.body if names else ():
        for match in _BARE_PARENTHESIS.finditer(paragraph.text):
            inner = match.group(1).strip(" “”\"'‘’,")
            words = inner.split()
            if not words or not all(w[:1].isupper() for w in words if len(w) > 3):
                continue
            ref = names.get(fold(inner)) or (names.get(fold(words[-1])) if 1 < len(words) <= 3 else None)
            if ref is None or ref.authors and not ref.authors[0].is_group and fold(words[-1]) != fold(
                    ref.authors[0].family):
                continue
            location = Location(paragraph.index, match.start(), match.end(), match.group(), paragraph.line)
            year = ref.year or "n.d."
            right = f"({cited_names(ref, False)}, {year})" if ref.authors or ref.editors else f"(“{ref.title},” {year})"
            mentions.append(Mention(location, right, quote_before(paragraph.text, match.start())))
    ctx.memo["named-without-year"] = mentions
    return mentions


def _initial_tells_apart(ctx: CheckContext, citation: Citation) -> bool:
    """"(E. Smith, 2019)": an initial before the name, which APA 7 uses for first authors sharing a
    surname with another entry's first author (and only then)."""
    if not re.match(r"(?:[A-Z]\.\s?){1,3}[A-Z][\w'’\-]+", citation.text.lstrip("(")) or not citation.authors:
        return False
    family = fold(citation.authors[0])
    firsts = {(fold(r.authors[0].family), fold(r.authors[0].given[:1])) for r in ctx.references
              if r.authors and not r.authors[0].is_group}
    return len({given for name, given in firsts if name == family}) > 1
