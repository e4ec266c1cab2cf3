"""The findings of the DOI and URL lookups (:mod:`essaycheck.resolve`), listed with the other rules.

They are made by the resolver, not by a check function, because they need the network; their
ids and default severities live here so that configuration, ``essaycheck rules`` and the
resolver share one table.
"""

from ..model import Severity

RESOLUTION_RULES: dict[str, tuple[Severity, str]] = {
    "doi-not-found": (Severity.ERROR, "The DOI does not exist."),
    "doi-mismatch": (Severity.ERROR, "The DOI belongs to a different work."),
    "metadata-mismatch": (Severity.WARNING, "Author, year, title, journal, volume or pages differ from the real record."),
    "retracted": (Severity.ERROR, "The work was retracted or has an expression of concern."),
    "missing-doi": (Severity.WARNING, "A journal article or chapter has a DOI the entry leaves out."),
    "broken-url": (Severity.ERROR, "The URL does not lead to a page."),
    "redirected-url": (Severity.INFO, "The URL has permanently moved."),
    "unresolved": (Severity.INFO, "A DOI or URL could not be checked (network, offline)."),
}
