"""Rules about whether each citation and each entry find each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Severity
from ..link import acronym, names_close
from ..names import fold, fold_words
from ..references.authors import is_sentence_case
from .base import CheckContext, Finding, rule
from .managed import stale_bibliographies
from .examples import BRAUN, GRANOVETTER, PAGE, RAJ, essay
from .wording import cited_names, citation_form, quote, written_names


@rule("missing-reference", Severity.ERROR, "A cited work is not in the reference list.",
      fires=[essay("Networks matter (Putnam, 2000).", RAJ)],
      passes=[essay("Networks matter (Raj et al., 2017).", RAJ),
              essay("Networks matter (M. Chen, personal communication, March 3, 2023).", RAJ)])
def missing_reference(ctx: CheckContext):
    """Every work you cite in the text needs an entry in the reference list, so readers can find it.

    Personal communications and the original work of a secondary source
    ("as cited in") are the exceptions: they are not listed.
    """
    if not ctx.sections.heading:
        return  # the no-reference-list rule speaks for the whole essay
    # a work left out of a reference manager's bibliography that was not refreshed is bibliography-stale's
    stale = {c for bibliography in stale_bibliographies(ctx) for c in bibliography.citations}
    for i, (citation, link, _) in enumerate(ctx.linked()):
        if link.quality == "missing" and i not in stale:
            yield Finding(
                f"You cite {quote(citation.text)} but your reference list has no entry by "
                f"{citation.authors[0] if citation.authors else 'this author'} from {citation.year}. "
                "Add the full entry to the list, or correct the name or year if they are wrong.",
                citation.location, citation=i)


@rule("no-reference-list", Severity.ERROR, "The essay cites works but has no reference list.",
      fires=[essay("Networks matter (Raj et al., 2017).")],
      passes=[essay("Networks matter (Raj et al., 2017).", RAJ)])
def no_reference_list(ctx: CheckContext):
    """Essays that cite sources end with a reference list under a heading such as "References".

    Without citations this is only a note: a reflective piece may need no list.
    """
    if ctx.sections.heading:
        return
    works = [c for c in ctx.citations if c.role == "work"]
    if works:
        yield Finding(
            f"Your essay cites {len(works)} work{'s' if len(works) != 1 else ''} but has no reference list. "
            "Add a heading “References” at the end and list every cited work under it in APA 7 format.")


@rule("uncited-reference", Severity.WARNING, "An entry in the reference list is never cited in the text.",
      fires=[essay("Networks matter (Raj et al., 2017).", PAGE, RAJ)],
      passes=[essay("Networks matter (Page Group, 2022; Raj et al., 2017).", PAGE, RAJ)])
def uncited_reference(ctx: CheckContext):
    """APA 7 lists only the works you cite. Cite this work in the text, or remove the entry.

    An entry whose author, group or title the essay names outside any citation, or whose text holds
    the name of a citation that found no entry ("(Forbes, 2019)" for an article on forbes.com), is
    left alone: the work is referred to, only not in APA form, and that is said at the citation."""
    cited = ctx.citations_by_reference
    # entries a citation might mean: an ambiguous one, or a wrong year that fits several ("2018" for 2019 and 2020)
    ambiguous = {i for link in ctx.links for i in link.candidates
                 if link.quality == "ambiguous" or link.quality == "year-mismatch" and len(link.candidates) > 1}
    cited_works = {ctx.works[i] for i in cited}  # a repeated entry is duplicate-reference's
    stale = {i for bibliography in stale_bibliographies(ctx) for i in bibliography.extra}
    for ref in ctx.references:
        if ref.index in cited or ref.index in ambiguous or ctx.works[ref.index] in cited_works or ref.index in stale:
            continue
        if not _referred_to(ctx, ref):
            yield Finding(
                "This entry is never cited in your essay. APA 7 lists only the works you cite: "
                "cite it where you use it, or delete the entry.", ref.location, reference=ref.index)


@dataclass
class _Mentions:
    """What the essay's text names outside its citations, gathered once per essay."""

    words: frozenset[str]  # every word as written ("Vygotsky", "Rogers")
    text: str  # the folded words, one space between, a space at each end (" berg mill supply ")
    hosts: frozenset[str]  # web addresses written in the text ("boozallen.com")
    unlinked: tuple[str, ...]  # folded names of citations that found no entry
    bracketed: frozenset[str]  # what stands alone in brackets, folded: "(Berg Mill Supply)" -> "berg mill supply"

    @classmethod
    def of(cls, ctx: CheckContext) -> "_Mentions":
        if "mentions" not in ctx.memo:
            body = _text_outside_citations(ctx)
            text = f" {' '.join(fold_words(body).split())} "
            hosts = {m.group(1).lower() for m in re.finditer(r"(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\b", body)}
            unlinked = tuple(dict.fromkeys(
                name for citation, link, _ in ctx.linked()
                if link.quality == "missing" and citation.authors and len(name := fold(citation.authors[0])) >= 4))
            words = {re.sub(r"['’]s?$", "", w) for w in re.findall(r"[^\W\d_][\w'’\-]*", body)}  # "Vygotsky’s"
            bracketed = {fold_words(m.group(1)) for m in re.finditer(r"\(([^()\d]{2,80})\)", body)}
            ctx.memo["mentions"] = cls(frozenset(words), text, frozenset(hosts), unlinked, frozenset(bracketed))
        return ctx.memo["mentions"]

    def names(self, phrase: str) -> bool:
        folded = " ".join(fold_words(phrase).split()[:_MAX_PHRASE])  # a long name by its first words
        return len(folded) >= 4 and f" {folded} " in self.text  # whole words, in a row


_MAX_PHRASE = 8
_MAX_UNLINKED_COMPARED = 200  # enough for any essay; a hostile one with thousands cannot turn this quadratic


def _referred_to(ctx: CheckContext, ref) -> bool:
    """Whether the essay names this work without an APA citation that links to it."""
    mentions = _Mentions.of(ctx)
    folded_entry = fold(ref.text)
    people = ref.authors or ref.editors
    group = people[0].literal if people and people[0].is_group else ""
    coauthors = {fold(person.family) for person in people[1:]}
    for name in mentions.unlinked[:_MAX_UNLINKED_COMPARED]:
        if name in folded_entry and name not in coauthors:  # "(Forbes, 2019)" for an article on forbes.com
            return True  # (a citation of another work by a co-author, "Cortina & Luchman", is not this one)
    if group:  # "(APA Standards, 1999)" for a list of groups that holds the American Psychological Association
        initials = fold(acronym(group))
        for citation, link, _ in ctx.linked():
            if link.quality == "missing" and citation.authors and any(
                    w.isupper() and len(w) >= 2 and fold(w) in initials for w in citation.authors[0].split()):
                return True
    host = re.match(r"(?:https?://)?(?:www\.)?([\w.-]+\.[a-z]{2,})", ref.url.lower())
    if host and host.group(1) in mentions.hosts:  # "According to www.boozallen.com, …"
        return True
    if re.search(r"\.(?:com|org|net)\b", ref.title) and mentions.names(_site_name(ref.title)):
        return True  # a title-first entry read as names: "Cardboard Recycling, Impact. (n.d.). Matter of Trust.org."
    if people and not group:
        family = people[0].family
        return len(family) >= 3 and family in mentions.words
    if group:  # a short title that is a name may be the site it is on when the title stood first
        names = [group] + ([_site_name(ref.title)] if len(ref.title.split()) <= 4 and not (
            is_sentence_case(ref.title)) else [])
    else:  # a work without author is cited by its title, or by its site: "(Berg Mill Supply)", or a name of
        # several words in the text ("Clean River Recycling"); one word ("Wrike") may be a product named in passing
        names = [" ".join(_site_name(ref.title).rstrip("?!.").split()[:_MAX_PHRASE])]
        site = _site_name(ref.container_title)
        if fold_words(site) in mentions.bracketed or len(site.split()) >= 2 and mentions.names(site):
            return True
    return any(mentions.names(name) for name in names)


def _site_name(container: str) -> str:
    """"Matter of Trust.org" -> "Matter of Trust"."""
    return re.sub(r"\.(?:com|org|net|edu|gov|io)\b.*$", "", container.strip(), flags=re.IGNORECASE)


def _text_outside_citations(ctx: CheckContext) -> str:
    """The body's text with every found citation blanked out, paragraphs joined by newlines."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for citation in ctx.citations:
        groups.setdefault(citation.group.paragraph, []).append((citation.group.start, citation.group.end))
    texts = []
    for paragraph in ctx.sections.body:
        text = paragraph.text
        for start, end in groups.get(paragraph.index, ()):
            text = text[:start] + " " * (end - start) + text[end:]
        texts.append(text)
    return "\n".join(texts)


@rule("year-mismatch", Severity.ERROR, "The citation's year differs from its entry's year.",
      fires=[essay("Networks matter (Raj et al., 2019).", RAJ)],
      passes=[essay("Networks matter (Raj et al., 2017).", RAJ)])
def year_mismatch(ctx: CheckContext):
    """The year in the text must be the year of the entry, or readers cannot match them."""
    for i, (citation, link, ref) in enumerate(ctx.linked()):
        if link.quality == "year-mismatch" and ref is not None:
            yield Finding(
                f"{quote(citation.text)} gives the year {citation.year}, but your reference list has "
                f"this work by {ref.family_names[0] if ref.family_names else 'this author'} from {ref.year}. "
                "Use the same year in both places.",
                citation.location, citation=i, reference=ref.index,
                suggestion=citation_form(citation, year=ref.year))


@rule("author-mismatch", Severity.ERROR, "The cited author's name is spelt differently from the entry.",
      fires=[essay("Weak ties help (Granoveter, 1973).", GRANOVETTER),
             essay("Themes emerged (Braun & Clarkee, 2006).", BRAUN),
             essay("Clarke and Braun (2006) describe six phases.", BRAUN)],
      passes=[essay("Weak ties help (Granovetter, 1973).", GRANOVETTER)])
def author_mismatch(ctx: CheckContext):
    """The author's name in the text must be spelt exactly as in the reference list, and the authors
    named in the same order."""
    for i, (citation, link, ref) in enumerate(ctx.linked()):
        if ref is None or not ref.family_names or link.quality not in ("exact", "author-mismatch"):
            continue
        names = [fold(n) for n in ref.family_names]
        if link.quality == "author-mismatch" and fold(citation.authors[0]) in names[1:]:
            right = cited_names(ref, citation.narrative)
            yield Finding(
                f"{quote(citation.text)} names the authors in another order than your reference list. "
                f"Keep the order of the entry: {right}.", citation.location, citation=i, reference=ref.index,
                suggestion=citation_form(citation, names=right))
            continue
        if link.quality == "exact":
            slip = next(((written, listed) for written, listed in zip(citation.authors[1:], ref.family_names[1:])
                         if fold(written) != fold(listed) and names_close(written, listed)), None)
            if slip is not None:  # "(Le & Mikolove, 2014)": a later name misspelt
                corrected = replace(citation, authors=tuple(listed if n == slip[0] else n for n, listed in
                                                            zip(citation.authors, ref.family_names)))
                yield Finding(
                    f"{quote(citation.text)} spells the author “{slip[0]}”, but your reference list has "
                    f"“{slip[1]}”. Use the same spelling in both places.", citation.location, citation=i,
                    reference=ref.index, suggestion=citation_form(citation, names=written_names(corrected)))
            continue
        if link.quality == "author-mismatch":
            right = ref.family_names[0]
            corrected = replace(citation, authors=(right,) + citation.authors[1:])
            fixed = citation_form(citation, names=written_names(corrected))
            yield Finding(
                f"{quote(citation.text)} spells the author “{citation.authors[0]}”, but your reference "
                f"list has “{right}”. Use the same spelling in both places.",
                citation.location, citation=i, reference=ref.index, suggestion=fixed)


@rule("ambiguous-citation", Severity.ERROR, "A citation fits more than one entry.",
      fires=[essay("Weak ties help (Granovetter, 1973).", GRANOVETTER,
                   "Granovetter, M. S. (1973). Getting a job: A study of contacts and careers. Harvard University Press.")],
      passes=[essay("Weak ties help (Granovetter, 1973a, 1973b).",
                    "Granovetter, M. S. (1973a). Getting a job: A study of contacts and careers. Harvard University Press.",
                    GRANOVETTER.replace("(1973)", "(1973b)"))])
def ambiguous_citation(ctx: CheckContext):
    """When the list has several works by the same authors in the same year, each citation must say which one
    (2019a, 2019b), so a reader can tell them apart. When the first authors only share a surname, APA 7
    adds their initials instead: (E. Smith, 2019; J. Smith, 2019)."""
    for i, (citation, link, _) in enumerate(ctx.linked()):
        if link.quality != "ambiguous":
            continue
        firsts = [ctx.references[c].authors[0] for c in link.candidates if ctx.references[c].authors]
        initials = sorted({a.given.split()[0] for a in firsts if a.given and not a.is_group})
        if len(initials) == len(link.candidates) > 1:
            advice = (f"These are different people who share a surname: write the first author's initials, "
                      f"for example ({initials[0]} {citation.authors[0]}, {citation.year}).")
        else:
            advice = (f"Add a letter after the year (for example {citation.year[:4]}a, {citation.year[:4]}b) in "
                      "the text and in the list, ordering the entries by title.")
        yield Finding(
            f"{quote(citation.text)} could mean any of {len(link.candidates)} entries by "
            f"{citation.authors[0]} from {citation.year}. {advice}",
            citation.location, citation=i, reference=link.reference)


@rule("personal-communication-listed", Severity.WARNING,
      "A personal communication also appears in the reference list.",
      fires=[essay("Mentoring helps (M. Chen, personal communication, March 3, 2023).",
                   "Chen, M. (2023, March 3). Email about mentoring [Personal communication].")],
      passes=[essay("Mentoring helps (M. Chen, personal communication, March 3, 2023).", BRAUN)])
def personal_communication_listed(ctx: CheckContext):
    """Personal communications (emails, conversations) are cited in the text only: readers cannot
    retrieve them, so APA 7 leaves them out of the reference list."""
    for i, citation in enumerate(ctx.citations):
        if citation.role != "personal-communication" or not citation.authors:
            continue
        for ref in ctx.references:
            if (ref.family_names and fold(ref.family_names[0]) == fold(citation.authors[0])
                    and ref.year_number == citation.year_number):
                yield Finding(
                    "This personal communication is also in your reference list. Keep the citation in the text "
                    "and delete the entry: APA 7 does not list personal communications.",
                    ref.location, citation=i, reference=ref.index)
