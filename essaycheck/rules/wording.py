"""How rules write citations and entries back to the student: the APA 7 in-text forms."""

from __future__ import annotations

from ..model import Citation, Reference


def quote(text: str, limit: int = 70) -> str:
    """A short quotation of ``text`` for a message."""
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def cited_names(ref: Reference, narrative: bool) -> str:
    """The author part APA 7 wants in the text for ``ref``: one, two, or first et al."""
    names = ref.family_names
    if not names:
        return ref.title
    if len(names) == 1 or ref.authors and ref.authors[0].is_group:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} {'and' if narrative else '&'} {names[1]}"
    return f"{names[0]} et al."


def written_names(citation: Citation) -> str:
    """The author part of a citation as the student wrote it, normalised."""
    names = list(citation.authors)
    if citation.et_al:
        return f"{names[0]} et al."
    joiner = citation.connector or ("and" if citation.narrative else "&")
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} {joiner} {names[1]}"
    return ", ".join(names[:-1]) + f", {joiner} {names[-1]}"


def citation_form(citation: Citation, *, names: str | None = None, year: str | None = None) -> str:
    """The corrected text of one cited work: 'Raj et al. (2017)' or 'see Raj et al., 2017, p. 780'."""
    names = names if names is not None else written_names(citation)
    if citation.possessive:
        names = f"{names}’" if names.endswith("s") else f"{names}’s"
    year = year if year is not None else citation.year
    if citation.narrative:
        return f"{names} ({year})"
    parts = [f"{names}, {year}"]
    if citation.locator:
        parts.append(citation.locator)
    text = ", ".join(parts)
    return f"{citation.prefix} {text}" if citation.prefix else text
