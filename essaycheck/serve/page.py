"""The page a student opens: drop an essay, watch the lookups, read the report, download the fixes.

Its report is the very HTML of ``check --format html`` (:func:`essaycheck.render.html.report_body`)
styled by the same stylesheet (``/assets/report.css`` is ``PAGE_CSS``); the page's script only adds
what a live page can do (copy buttons, a search box, jumping from a mark to its problem).
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from .. import __version__
from .limits import ServeLimits

__all__ = ["page_html", "asset"]

ACCEPTED = ".docx,.odt,.pdf,.rtf,.html,.htm,.txt,.md"
_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def page_html(limits: ServeLimits, *, offline: bool) -> str:
    lookups = ("DOIs and links are not looked up on this server, so they show as not checked."
               if offline else "DOIs and links are looked up while you wait.")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>essaycheck: check your essay's citations</title>
<link rel="stylesheet" href="/assets/report.css">
<link rel="stylesheet" href="/assets/page.css">
<script src="/assets/page.js" defer></script>
</head><body>
<div class="app-top">
<h1>essaycheck</h1>
<p>Check the APA 7 citations and reference list of your essay before you hand it in. {escape(lookups)}
Your essay is checked and forgotten: nothing of it is kept.</p>
<noscript><p class="app-error">This page needs JavaScript. Without it, run
<code>essaycheck check ESSAY.docx --format html -o report.html</code> in a terminal.</p></noscript>
<form id="upload" class="drop" aria-describedby="upload-help">
<label for="essay" class="drop-label"><strong>Drop your essay here</strong> or choose the file</label>
<input id="essay" name="essay" type="file" accept="{ACCEPTED}">
<p id="upload-help" class="note">Word (.docx), OpenDocument (.odt), PDF, RTF, web page, text or Markdown;
up to {limits.max_upload_mb:g} MB.</p>
</form>
<div id="status" role="status" aria-live="polite"></div>
<div id="downloads" hidden><h2>Downloads</h2><ul></ul></div>
<form id="cite" class="cite"{" hidden" if offline else ""}>
<label for="doi">Cite a DOI</label>
<input id="doi" name="doi" type="text" placeholder="10.1177/0146167217697299 or https://doi.org/..."
 autocomplete="off" spellcheck="false">
<button type="submit">Get the APA 7 entry</button>
<div id="cite-result" aria-live="polite"></div>
</form>
</div>
<div id="report"></div>
<p class="app-foot">essaycheck {escape(__version__)}: everything runs on this server; no tracking, nothing from other sites.</p>
</body></html>
"""


def asset(name: str) -> tuple[bytes, str] | None:
    """(body, media type) of one of the page's assets, or None (any other name a client asks for)."""
    return _assets().get(name)


@cache
def _assets() -> dict[str, tuple[bytes, str]]:
    """The page's assets, read once: the report's stylesheet and the files of ``assets/``."""
    from ..render.html import PAGE_CSS

    found = {"report.css": (PAGE_CSS.encode("utf-8"), _TYPES[".css"])}
    for item in resources.files(__package__).joinpath("assets").iterdir():
        suffix = item.name[item.name.rfind("."):]
        if suffix in _TYPES:
            found[item.name] = (item.read_bytes(), _TYPES[suffix])
    return found
