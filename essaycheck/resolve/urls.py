"""Checking one web address: alive, moved, or broken; and what the page says about itself."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .fetch import PERMANENT_REDIRECTS, Fetched, Fetcher, FetchError
from .pagemeta import PageMeta, parse_page_meta

BROKEN_STATUSES = (404, 410)
RESTRICTED_STATUSES = (401, 402, 403, 407, 429, 451)  # the page exists; we may not read it
_REASONS = {404: "404 Not Found", 410: "410 Gone"}
# Errors that mean the link itself is wrong, not that the network had a bad moment.
_BROKEN_KINDS = {"dns", "tls", "too-many-redirects", "redirect-loop", "bad-url"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
DOI_HOSTS = ("doi.org", "dx.doi.org", "www.doi.org")


@dataclass(frozen=True)
class UrlCheck:
    """``outcome``: ok | broken | not-checked."""

    url: str
    outcome: str
    http_status: int | None = None
    final_url: str = ""
    moved_to: str = ""  # where the permanent redirects lead
    meta: PageMeta | None = None
    reason: str = ""
    kind: str = ""  # the FetchError kind, or 'status'
    literal: bool = False  # a blocked address written in the URL itself

    def as_record(self) -> dict:
        return {
            "status": self.http_status,
            "outcome": self.outcome,
            "final_url": self.final_url or None,
            "moved_to": self.moved_to or None,
            "title": self.meta.title if self.meta and self.meta.title else None,
            "meta": self.meta.as_dict() if self.meta else {},
            "note": self.reason or None,
        }


def is_doi_link(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() in DOI_HOSTS


def check_url(fetcher: Fetcher, url: str, page_bytes: int) -> UrlCheck:
    """HEAD (GET when HEAD is refused), redirects by hand, then the page's head for its metadata."""
    try:
        got = fetcher.fetch(url, method="HEAD")
        if got.status >= 400 or (got.status == 200 and not got.headers.get("content-type")):
            got = fetcher.fetch(url, method="GET", max_bytes=page_bytes)  # HEAD refused or unhelpful
            page = got
        else:
            page = None
    except FetchError as exc:
        return _failed(url, exc)
    moved = moved_to(got)
    if got.status in BROKEN_STATUSES:
        return UrlCheck(url, "broken", got.status, got.final_url, moved,
                        reason=f"the page was not found ({_REASONS[got.status]})", kind="status")
    if got.status >= 500 or (got.status >= 400 and got.status not in RESTRICTED_STATUSES):
        return UrlCheck(url, "not-checked", got.status, got.final_url, moved,
                        reason=f"the website answered with an error ({got.status} {got.reason})".strip(), kind="status")
    meta = None
    if got.status < 300 and _is_html(got):
        if page is None:
            try:
                page = fetcher.fetch(got.final_url, method="GET", max_bytes=page_bytes)
            except FetchError:
                page = None
        if page is not None and page.status < 300 and _is_html(page):
            meta = parse_page_meta(page.body, page.headers.get("content-type", ""))
    return UrlCheck(url, "ok", got.status, got.final_url, moved, meta)


def moved_to(got: Fetched) -> str:
    """The address after the leading run of permanent redirects ('' when the first hop is not one)."""
    target = ""
    for status, location in got.redirects:
        if status not in PERMANENT_REDIRECTS:
            break
        target = location
    return target


def _is_html(got: Fetched) -> bool:
    return got.content_type in _HTML_TYPES or (not got.content_type and got.body.lstrip()[:1] == b"<")


def _failed(url: str, exc: FetchError) -> UrlCheck:
    if exc.kind == "blocked" and exc.literal:
        return UrlCheck(url, "broken", reason=f"{exc.detail}, which readers of your essay cannot open",
                        kind=exc.kind, literal=True)
    if exc.kind in _BROKEN_KINDS:
        return UrlCheck(url, "broken", reason=exc.detail, kind=exc.kind)
    return UrlCheck(url, "not-checked", reason=exc.detail, kind=exc.kind, literal=exc.literal)
