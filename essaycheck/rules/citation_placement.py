"""Where a citation stands in its sentence: citation-form's findings about the placing of a
citation rather than its spelling. Brackets beside brackets or between two periods, brackets used as
a name ("(Levin, 2000) conducted"), a narrative citation inside brackets, tacked onto the end of a
sentence or with a possessive after its year, and authors named with no year at all."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Location, Reference
from ..names import fold
from .base import CheckContext, Finding
from .wording import cited_names, quote, written_names


def placement_findings(ctx: CheckContext):
    """citation-form's findings about where citations stand."""
    yield from _brackets_out_of_place(ctx)
    yield from _brackets_used_as_a_name(ctx)
    yield from _narrative_inside_brackets(ctx)
    yield from _possessive_after_the_year(ctx)
    yield from _authors_named_without_a_year(ctx)
    yield from _narrative_tacked_on(ctx)


# Words that end in a period without ending the sentence (the citation after them is in place)
_ABBREVIATIONS = frozenset({"al", "etc", "eg", "ie", "cf", "vs", "viz", "ca", "approx", "no", "vol", "pp", "ed", "eds",
                            "rev", "fig", "figs", "dr", "st", "mr", "mrs", "ms", "inc", "ltd", "co", "jr", "sr"})


def _brackets_out_of_place(ctx: CheckContext):
    """Two bracket groups written side by side, "(A, 2013)(B, 2014)", and a bracket group between
    two periods, "… data.(A, 2013).": APA 7 puts the works in one pair of brackets, inside the
    sentence. (A group after a paragraph's last period is left alone: some tutors accept it.)"""
    groups: dict[tuple[int, int], tuple[Location, int]] = {}
    for i, citation in enumerate(ctx.citations):
        if not citation.narrative and citation.bracketed and citation.role != "personal-communication":
            groups.setdefault((citation.group.paragraph, citation.group.start), (citation.group, i))
    ordered = [groups[key] for key in sorted(groups)]
    for (first, i), (second, _) in zip(ordered, ordered[1:]):
        text = ctx.paragraphs[first.paragraph].text
        if (first.paragraph == second.paragraph and first.text.endswith(")") and second.text.startswith("(")
                and first.end <= second.start and not text[first.end:second.start].strip()):
            joined = f"({first.text[1:-1]}; {second.text[1:-1]})"
            where = Location(first.paragraph, first.start, second.end, text[first.start:second.end], first.line)
            yield Finding(f"Put the works of {quote(where.text)} in one pair of brackets, separated by a semicolon.",
                          where, citation=i, suggestion=joined)
    for group, i in ordered:
        text = ctx.paragraphs[group.paragraph].text
        before, after = text[:group.start].rstrip(), text[group.end:]
        word = re.search(r"([A-Za-z]+)\.$", before)
        if (group.text.startswith("(") and after.startswith(".") and word and word.group(1).islower()
                and len(word.group(1)) >= 3 and word.group(1) not in _ABBREVIATIONS):
            start = len(before) - 1  # the sentence's own period
            where = Location(group.paragraph, start, group.end, text[start:group.end], group.line)
            yield Finding(f"The citation {quote(group.text)} stands between two periods: put it inside the "
                          "sentence, before its period.", where, citation=i, suggestion=f" {group.text}")


_LOOK_BACK = 400
# A verb right after the brackets makes them the subject: "(Levin, 2000) conducted a study".
_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|also|then|further)\s+)?(?:conduct|analy[sz]|f(?:ound|ind)|show|report|argu|suggest|note|"
    r"investigat|examin|demonstrat|develop|propos|stat|explain|describ|defin|conclud|observ|identif|stud(?:y|i)|"
    r"explor|discover|claim|highlight|emphasi[sz]|assert|believ|mention|discuss|reveal|indicat|present|introduc|"
    r"recommend|us(?:e|ed|es)\b|test|measur|compar|assess|evaluat|review|point)\w*\b")
# Words that want a name after them: "discussed by (Esmeria & Seva, 2017)", "such as (ARC Education, n.d.)".
_NAME_WANTED_BEFORE = re.compile(r"\b(?:by|such as|according to|as per)\s*(?:\([^()]{1,200}\)\s*(?:,|,?\s*and|,?\s*or)\s*)*$",
                                 re.IGNORECASE)  # and the next in a list: "such as (A, n.d.) and (B, n.d.)"
# The start of a sentence, or of a sentence after an opening phrase ("In a trial in Benin, ").
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’)]*\s+)(?:[A-Z][^.!?;:()]{0,100},\s*)?$")


def _brackets_used_as_a_name(ctx: CheckContext):
    """A parenthetical citation standing where the sentence needs a name: as its subject ("(Levin,
    2000) conducted a study") or after "by", "such as" or "according to". APA 7 writes the names in
    the sentence and the year in brackets: "Levin (2000) conducted a study"."""
    seen: set[tuple[int, int]] = set()
    for i, (citation, link, ref) in enumerate(ctx.linked()):
        group = citation.group
        if citation.narrative or not citation.bracketed or citation.role != "work" or (
                (group.paragraph, group.start) in seen) or not group.text.startswith("("):
            continue
        seen.add((group.paragraph, group.start))
        text = ctx.paragraphs[group.paragraph].text
        # (the sentence's opening phrase and a list of brackets before it are never longer than this)
        before, after = text[max(0, group.start - _LOOK_BACK):group.start], text[group.end:group.end + 80]
        if before and group.start > _LOOK_BACK:
            before = before[before.find(" ") + 1:]  # from a whole word
        as_subject = _SENTENCE_OPENING.search(before) is not None and _VERB_AFTER.match(after) is not None
        if not (as_subject or _NAME_WANTED_BEFORE.search(before)):
            continue
        names = cited_names(ref, True) if ref is not None and link.quality == "exact" else written_names(citation)
        parts = group.text.count(";") + 1
        narrative = f"{names} ({citation.year})" if parts == 1 else "the names in your sentence, each year in brackets"
        yield Finding(f"Your sentence uses the citation {quote(group.text)} as a name. Write the names as part of the "
                      f"sentence and only the year in brackets: {narrative}.", group, citation=i,
                      suggestion=narrative if parts == 1 and not citation.locator else None)


_MAX_ENCLOSING = 400  # how far an enclosing bracket is looked for around a narrative citation


def _enclosing(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bracket pair, round or square, that holds text[start:end], if any (nearest, unclosed)."""
    depth = 0
    for at in range(start - 1, max(-1, start - _MAX_ENCLOSING), -1):
        if text[at] in ")]":
            depth += 1
        elif text[at] in "([":
            if depth == 0:
                closing = ")" if text[at] == "(" else "]"
                close = _closing_bracket(text, end, closing)
                return (at, close) if close >= 0 else None
            depth -= 1
    return None


def _closing_bracket(text: str, start: int, closing: str) -> int:
    depth = 0
    for at in range(start, min(len(text), start + _MAX_ENCLOSING)):
        if text[at] in "([":
            depth += 1
        elif text[at] in ")]":
            if depth == 0:
                return at if text[at] == closing else -1
            depth -= 1
    return -1


def _narrative_inside_brackets(ctx: CheckContext):
    """A narrative citation, with its own brackets, inside brackets: "(see Delaney et al. (2010) for a
    review)", "[Baruh et al. (2017); Krasnova et al. (2010)]" (R Markdown's in-text keys inside
    square brackets). APA 7 writes "(see Delaney et al., 2010, for a review)", "(Baruh et al., 2017;
    Krasnova et al., 2010)"."""
    seen: set[tuple[int, int]] = set()
    for i, citation in enumerate(ctx.citations):
        if not citation.narrative or not citation.bracketed or citation.possessive:
            continue
        text = ctx.paragraphs[citation.location.paragraph].text
        pair = _enclosing(text, citation.group.start, citation.group.end)  # (outside its own brackets)
        if pair is None or (citation.location.paragraph, pair[0]) in seen:
            continue
        seen.add((citation.location.paragraph, pair[0]))
        inner = f"{written_names(citation)}, {citation.year}"
        where = Location(citation.location.paragraph, pair[0], pair[1] + 1, text[pair[0]:pair[1] + 1],
                         citation.location.line)
        if text[pair[0]] == "[":  # said of the group, which holds several works
            yield Finding(f"Round brackets, not square ones, hold citations, and inside them each work is Name, "
                          f"Year: {quote(where.text[:80])} becomes ({inner}; …).", where)
        else:
            yield Finding(f"Inside brackets, write the citation without brackets of its own, the year after a "
                          f"comma: {quote(citation.text)} becomes {inner}.", where, citation=i)


# What makes names no mention without a year: a year after them, in brackets or after a comma, or a
# possessive naming a theory or model ("Lave and Wenger’s Situated Learning Theory").
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:\(|(?:1[5-9]|20)\d\d|n\.\s?d)|['’]s?\s*(?:\(|[A-Z])")


def _authors_named_without_a_year(ctx: CheckContext):
    """The authors of a listed work of two or more named in a sentence with no year: "Mbogori and
    Arthur found …", "Teresia Mbogori and Tya M. Arthur …", "Tinati et al. argue …". (Once the work is
    cited in a paragraph, APA 7 lets later mentions there leave the year out.)"""
    firsts = Counter(fold(ref.family_names[0]) for ref in ctx.references if ref.family_names)
    works: dict[str, Reference] = {}  # first author as written -> the one listed work of two or more authors
    for ref in ctx.references:
        people = [a.family for a in ref.authors if not a.is_group]
        if len(people) >= 2 and len(people) == len(ref.authors) and ref.year and all(len(f) >= 3 for f in people[:2]) \
                and firsts[fold(people[0])] == 1:  # (two works of "Llanes-Jurado et al.": which year is not ours to say)
            works[people[0]] = ref
    if not works:
        return
    pattern = re.compile(rf"\b(?P<first>{'|'.join(map(re.escape, sorted(works, key=len, reverse=True)))})\s+"
                         r"(?:(?:and|&)\s+(?P<rest>(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w'’\-]*)|et\s+al\.?)")
    cited_in = {(c.location.paragraph, link.reference): c.location.start
                for c, link, _ in reversed(list(ctx.linked())) if link.reference is not None}
    spans: dict[int, list[tuple[int, int]]] = {}
    for citation in ctx.citations:
        spans.setdefault(citation.group.paragraph, []).append((citation.group.start, citation.group.end))
    for paragraph in ctx.sections.body:
        told: set[int] = set()  # once per work and paragraph
        for match in pattern.finditer(paragraph.text):
            ref = works[match.group("first")]
            people = ref.family_names
            end = match.end()
            if len(people) == 2:  # both names, given names allowed before the second: "Mbogori and Tya M. Arthur"
                second = re.search(rf"\b{re.escape(people[1])}\b", match.group("rest") or "")
                if second is None:
                    continue
                end = match.start("rest") + second.end()
            elif match.group("rest") is not None:
                continue  # three or more authors are named by "et al."
            first_cited = cited_in.get((paragraph.index, ref.index))
            if ref.index in told or _YEAR_AFTER.match(paragraph.text, end) or (
                    first_cited is not None and first_cited < match.start()) or any(
                    start <= match.start() < stop for start, stop in spans.get(paragraph.index, ())):
                continue
            told.add(ref.index)
            text = paragraph.text[match.start():end]
            where = Location(paragraph.index, match.start(), end, text, paragraph.line)
            yield Finding(f"You name {quote(text)} without the year: the first time in a paragraph, "
                          f"write {cited_names(ref, True)} ({ref.year}).", where)


# Words after which names can end a sentence as part of it: "… as argued by Walsh et al. (2018)."
_LEADS_TO_A_NAME = frozenset("""
by in of from to see and or with as than like including following per via on at for about between among also
against versus vs cf e.g i.e namely especially particularly notably
""".split())


def _narrative_tacked_on(ctx: CheckContext):
    """A narrative citation put at the end of a sentence it is no part of: "… with 2,979 participants
    Walsh et al. (2018)." APA 7 puts it in brackets there, (Walsh et al., 2018)."""
    for i, citation in enumerate(ctx.citations):
        group = citation.group
        if not citation.narrative or not citation.bracketed or citation.possessive or citation.position:
            continue
        text = ctx.paragraphs[group.paragraph].text
        if not re.match(r"\s*\.(?:\s|$)", text[group.end:group.end + 3]):
            continue
        # (an initial before the names, "theory O. Chen & Kalyuga (2019)", is the names')
        window = max(0, group.start - 40)
        before = re.search(r"([A-Za-z][\w'’-]*)[ \t]+((?:[A-Z]\.[ \t]*)*)$", text[window:group.start])
        word = before.group(1) if before else ""
        if not word or not word.islower() or word in _LEADS_TO_A_NAME or word.endswith("ed") or len(word) < 3:
            continue
        start = window + before.start(2)  # the initials go into the brackets with the names
        names = f"{text[start:group.start]}{written_names(citation).replace(' and ', ' & ')}"  # "&" in brackets
        where = Location(group.paragraph, start, group.end, text[start:group.end], group.line)
        yield Finding(f"{quote(where.text)} ends your sentence without being part of it: put it in brackets, "
                      f"({names}, {citation.year}), or make the names part of the sentence.", where, citation=i,
                      suggestion=f"({names}, {citation.year})" if not citation.locator else None)


def _possessive_after_the_year(ctx: CheckContext):
    """"Chen et al. (2024)'s study": the possessive belongs to the names, "Chen et al.'s (2024) study"."""
    for i, citation in enumerate(ctx.citations):
        group = citation.group
        text = ctx.paragraphs[group.paragraph].text
        if citation.narrative and group.text.endswith(")") and text.startswith(("'s", "’s"), group.end):
            names = written_names(citation)
            where = Location(group.paragraph, group.start, group.end + 2, text[group.start:group.end + 2], group.line)
            yield Finding(f"Put the possessive on the names, before the year: {names}’s ({citation.year}).", where,
                          citation=i, suggestion=f"{names}’s ({citation.year})")
