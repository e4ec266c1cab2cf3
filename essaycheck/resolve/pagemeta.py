"""The <title> and citation meta tags of a web page's head (Highwire, Open Graph, Dublin Core)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# meta name/property (lower-case) -> our key
_META = {
    "citation_title": "title", "dc.title": "title", "dcterms.title": "title", "og:title": "og_title",
    "citation_author": "authors", "dc.creator": "authors", "dcterms.creator": "authors",
    "citation_publication_date": "date", "citation_date": "date", "citation_online_date": "date",
    "dc.date": "date", "dcterms.date": "date", "dcterms.issued": "date", "article:published_time": "date",
    "citation_journal_title": "journal", "citation_doi": "doi", "dc.identifier": "identifier",
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass
class PageMeta:
    """What a page says about itself; every field may be empty."""

    title: str = ""  # the <title> element
    meta_title: str = ""  # citation_title or Dublin Core title
    og_title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""
    journal: str = ""
    doi: str = ""

    @property
    def year(self) -> int | None:
        match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", self.date)
        return int(match.group(1)) if match else None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = PageMeta()
        self.in_title = False
        self.title_parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if tag == "title" and not self.meta.title:
            self.in_title = True
        elif tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs if k}
            key = _META.get((values.get("name") or values.get("property") or "").strip().lower())
            content = " ".join(values.get("content", "").split())
            if not key or not content:
                return
            if key == "authors":
                self.meta.authors.append(content)
            elif key == "title" and not self.meta.meta_title:
                self.meta.meta_title = content
            elif key == "identifier":
                if content.lower().startswith(("10.", "doi:")) and not self.meta.doi:
                    self.meta.doi = content
            elif not getattr(self.meta, key):
                setattr(self.meta, key, content)
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag):
        if tag == "title" and self.in_title:
            self.in_title = False
            self.meta.title = " ".join("".join(self.title_parts).split())
        elif tag == "head":
            self.done = True

    def handle_data(self, data):
        if self.in_title and sum(map(len, self.title_parts)) < 2000:
            self.title_parts.append(data)


def parse_page_meta(body: bytes, content_type: str = "") -> PageMeta:
    """Parse the head of an HTML page (already capped by the fetcher); never raises on bad HTML."""
    charset = _charset(content_type) or _sniff_charset(body[:4096]) or "utf-8"
    try:
        html = body.decode(charset, errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    parser = _HeadParser()
    try:
        for start in range(0, len(html), 16384):
            parser.feed(html[start:start + 16384])
            if parser.done:
                break
    except AssertionError:  # html.parser's reaction to some malformed <![ ... ]> sections
        pass
    if parser.in_title:  # unterminated <title>
        parser.meta.title = " ".join("".join(parser.title_parts).split())
    return parser.meta


def _charset(content_type: str) -> str:
    match = re.search(r"charset=([\w\-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else ""


def _sniff_charset(head: bytes) -> str:
    match = _CHARSET.search(head)
    return match.group(1).decode("ascii") if match else ""
