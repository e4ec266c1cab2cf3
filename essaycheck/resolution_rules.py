"""The findings of the DOI and URL lookups: their ids, default severities and summaries.

They are made by the resolver (:mod:`essaycheck.resolve`), not by a check function, because
they need the network. The table lives below both the rules and the resolver so that
configuration, ``essaycheck rules`` and the resolver share it without either importing the other.
"""

from .model import Severity

__all__ = ["RESOLUTION_RULES"]

RESOLUTION_RULES: dict[str, tuple[Severity, str]] = {
    "doi-not-found": (Severity.ERROR, "The DOI does not exist."),
    "doi-mismatch": (Severity.ERROR, "The DOI belongs to a different work."),
    "metadata-mismatch": (Severity.WARNING, "Author, year, title, journal, volume or pages differ from the real record "
                                            "(the DOI's, or the one a lookup found)."),
    "retracted": (Severity.ERROR, "The work was retracted or has an expression of concern."),
    "missing-doi": (Severity.WARNING, "The work has a DOI the entry leaves out."),
    "reference-not-found": (Severity.WARNING, "No record of the work in Crossref, OpenAlex or Open Library."),
    "missing-publisher": (Severity.WARNING, "A book's entry leaves out the publisher the catalogue gives."),
    "broken-url": (Severity.ERROR, "The URL does not lead to a page."),
    "redirected-url": (Severity.INFO, "The URL has permanently moved."),
    "unresolved": (Severity.INFO, "A DOI or URL could not be checked (network, offline)."),
}
