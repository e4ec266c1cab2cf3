"""Benchmark: 200 references without a DOI looked up in Crossref, OpenAlex and Open Library, 100 ms a request.

    .venv/bin/python benchmarks/bench_existence.py [--concurrency 8] [--refs 200] [--latency 0.1]

The entries (about 75% journal articles, 15% books, 10% chapters, none with a DOI) are written
as APA 7 text and parsed with essaycheck's own parser. A local server stands in for the three
services (``/crossref/works``, ``/openalex/works``, ``/openlibrary/search.json``) and adds the
latency to every answer. Of the articles and chapters, half are in Crossref, a quarter only in
OpenAlex and a quarter nowhere; two books in three are in Open Library, the rest nowhere. So an
entry costs one request (found by the first service asked) to three (a book found nowhere).

Prints the requests the server received, the wall time of a first (cold) run, its ratio to the
ideal (requests x latency / concurrency), the verdicts against the expected ones, and the wall time
of a second run, in a fresh Resolver and session, answered from the SQLite cache. Targets: ratio
within 1.5, cached run under 1 s with no request. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from essaycheck.model import Reference  # noqa: E402
from essaycheck.references.parse import parse_reference  # noqa: E402
from essaycheck.resolve import Resolver  # noqa: E402
from essaycheck.resolve.config import ResolveConfig  # noqa: E402
from essaycheck.settings import Settings  # noqa: E402

SEED = 11

PEOPLE = [("Okafor", "Ada"), ("Lindqvist", "Per"), ("Chen", "Wei"), ("Dlamini", "Thandi"), ("Evans", "Rhys"),
          ("Fischer", "Jonas"), ("García", "Lucía"), ("Hughes", "Megan"), ("Ito", "Haruto"), ("Jansen", "Femke"),
          ("Kowalski", "Marek"), ("Lee", "Soo-jin"), ("Müller", "Katrin"), ("Nguyen", "Hanh"), ("Patel", "Rohan"),
          ("Quinn", "Siobhan"), ("Rossi", "Giulia"), ("Singh", "Arjun"), ("Tanaka", "Yui"), ("Usman", "Bilal"),
          ("Walker", "Grace"), ("Xu", "Ming"), ("Young", "Oliver"), ("Zhang", "Li"), ("Novak", "Petra"),
          ("Moreau", "Camille"), ("Larsen", "Emil"), ("Khan", "Sana"), ("Ibrahim", "Yusuf"), ("Horvat", "Ivana"),
          ("Gupta", "Neha"), ("Ferreira", "Tiago"), ("Edwards", "Cerys"), ("Dubois", "Hugo"), ("Costa", "Inês"),
          ("Brown", "Tom"), ("Andersen", "Mads"), ("Ward", "Erin"), ("Mensah", "Kofi"), ("Silva", "Rafael")]
ADJECTIVES = ["Adaptive", "Collaborative", "Digital", "Early", "Informal", "Longitudinal", "Multilingual",
              "Peer-led", "Remote", "Rural", "Structured", "Urban"]
TOPICS = ["feedback", "assessment", "literacy", "motivation", "mentoring", "tutoring", "reading", "attendance",
          "wellbeing", "homework"]
OUTCOMES = ["achievement", "belonging", "engagement", "retention", "self-efficacy", "resilience", "participation",
            "identity"]
SETTINGS = ["secondary schools", "primary classrooms", "community colleges", "teacher education",
            "vocational training", "online courses", "adult learning", "first-year university"]
SUBTITLES = ["A mixed-methods study", "Evidence from a national survey", "A systematic review",
             "Findings from a randomised trial", "A qualitative inquiry"]
BOOK_SUBTITLES = ["A practical guide for teachers", "Theory, research and practice", "Lessons from the classroom",
                  "What works and why", "An introduction for practitioners"]
JOURNALS = ["Journal of Educational Psychology", "Learning and Instruction", "British Educational Research Journal",
            "Teaching and Teacher Education", "Computers & Education", "Educational Research Review",
            "Studies in Higher Education", "Journal of Adolescence"]
PUBLISHERS = ["Routledge", "Springer", "Oxford University Press", "SAGE", "Cambridge University Press",
              "Bloomsbury Academic"]
# What a search engine also returns: unrelated works by other people (never the entry's work).
DISTRACTOR_WORDS = ["Thermal", "Spectral", "Marine", "Quantum", "Glacial", "Seismic", "Volcanic", "Coastal"]
DISTRACTOR_THINGS = ["stability of alloy coatings", "models of river sediment transport", "imaging of leaf canopies",
                     "sensors for soil moisture", "records of lake ice cover"]
DISTRACTOR_PEOPLE = [("Abernathy", "Claire"), ("Björklund", "Sven"), ("Castellano", "Marco"), ("Delacroix", "Anne"),
                     ("Esposito", "Luca"), ("Fairbanks", "John")]


# --- the works, and the entries citing them ---------------------------------------------------


def _norm(text: str) -> str:
    """Lower case, words only: how the stand-in services match a query to a title."""
    return " ".join(re.sub(r"[^\w]|_", " ", text.lower()).split())


def _authors_text(people: list[tuple[str, str]]) -> str:
    names = [f"{family}, {given[0]}." for family, given in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]


def _works(count: int) -> list[dict]:
    """``count`` distinct works, each with the entry citing it and where the services know it."""
    rng = random.Random(SEED)
    books = round(count * 0.15)
    chapters = round(count * 0.10)
    kinds = ["book"] * books + ["chapter"] * chapters + ["article"] * (count - books - chapters)
    combos = [(a, t, o, s) for a in ADJECTIVES for t in TOPICS for o in OUTCOMES for s in SETTINGS]
    rng.shuffle(combos)
    if count > 4000:  # books take distinct titles from 640, articles and chapters from 7,680
        raise SystemExit("at most 4,000 references")
    seen: Counter = Counter()
    book_titles: set[tuple[str, str, str]] = set()
    works = []
    for n, kind in enumerate(kinds):
        adj, topic, outcome, setting = combos.pop()
        while kind == "book" and (topic, outcome, setting) in book_titles:  # a book's title has no adjective
            adj, topic, outcome, setting = combos.pop()
        if kind == "book":
            book_titles.add((topic, outcome, setting))
        i = seen[kind]
        seen[kind] += 1
        people = rng.sample(PEOPLE, rng.choice([1, 2, 2, 3]))
        year = 1995 + rng.randrange(30)
        publisher = rng.choice(PUBLISHERS)
        work = {"n": n, "kind": kind, "people": people, "year": year, "publisher": publisher}
        if kind == "book":
            work["main"] = f"{topic.capitalize()} and {outcome} in {setting}"
            work["title"] = f"{work['main']}: {BOOK_SUBTITLES[i % len(BOOK_SUBTITLES)]}"
            work["where"] = "openlibrary" if i % 3 != 2 else "nowhere"
            edition = " (2nd ed.)" if i % 5 == 4 else ""
            work["text"] = f"{_authors_text(people)} ({year}). {work['title']}{edition}. {publisher}."
        else:
            work["main"] = f"{adj} {topic} and {outcome} in {setting}"
            work["title"] = work["main"] + (f": {SUBTITLES[i % len(SUBTITLES)]}" if i % 3 == 0 else "")
            work["where"] = ("crossref", "crossref", "openalex", "nowhere")[i % 4]
            first = 1 + rng.randrange(900)
            work["pages"] = (first, first + 8 + rng.randrange(25))
            # Some records differ from the entry: other pages in Crossref, another volume in OpenAlex.
            work["differs"] = kind == "article" and i % 8 in (0, 2) and work["where"] != "nowhere"
            pages = f"{work['pages'][0]}\u2013{work['pages'][1]}"
            if kind == "article":
                work["journal"] = rng.choice(JOURNALS)
                work["volume"] = str(10 + rng.randrange(60))
                issue = 1 + rng.randrange(6)
                work["text"] = (f"{_authors_text(people)} ({year}). {work['title']}. {work['journal']}, "
                                f"{work['volume']}({issue}), {pages}.")
            else:
                editors = rng.sample([p for p in PEOPLE if p not in people], 2)
                work["book"] = f"Handbook of {topic} research"
                eds = " & ".join(f"{given[0]}. {family}" for family, given in editors)
                work["text"] = (f"{_authors_text(people)} ({year}). {work['title']}. In {eds} (Eds.), "
                                f"{work['book']} (pp. {pages}). {publisher}.")
        works.append(work)
    rng.shuffle(works)  # a reference list mixes the kinds
    return works


def _references(works: list[dict]) -> list[Reference]:
    """The entries parsed as essaycheck parses them; a misread entry would measure something else."""
    refs = []
    for index, work in enumerate(works):
        ref = parse_reference(work["text"], index=index)
        expected = {"article": "article-journal", "book": "book", "chapter": "chapter"}[work["kind"]]
        if ref.type != expected or ref.title != work["title"] or ref.doi or ref.url:
            raise SystemExit(f"entry misread ({ref.type}, {ref.title!r}): {work['text']}")
        refs.append(ref)
    return refs


def _expected(works: list[dict]) -> tuple[Counter, Counter]:
    """(requests per service, verdicts) the lookups should end with."""
    requests: Counter = Counter()
    verdicts: Counter = Counter()
    for work in works:
        order = ("openlibrary", "openalex", "crossref") if work["kind"] == "book" else ("crossref", "openalex")
        for service in order:
            requests[service] += 1
            if work["where"] == service:
                break
        if work["where"] == "nowhere":
            verdicts["not-found"] += 1
        else:
            verdicts["found-with-differences" if work.get("differs") else "verified"] += 1
    return requests, verdicts


# --- the records each service returns --------------------------------------------------------


def _crossref_item(work: dict) -> dict:
    kind = {"article": "journal-article", "chapter": "book-chapter", "book": "book"}[work["kind"]]
    first, last = work.get("pages", (0, 0))
    if work.get("differs"):
        first, last = first + 100, last + 100
    main, _, subtitle = work["title"].partition(": ")
    item = {"DOI": f"10.5555/exist.{work['n']}", "type": kind, "title": [main],
            "author": [{"given": g, "family": f, "sequence": "first" if k == 0 else "additional", "affiliation": []}
                       for k, (f, g) in enumerate(work["people"])],
            "issued": {"date-parts": [[work["year"]]]}, "published-print": {"date-parts": [[work["year"], 3]]},
            "score": 71.3}
    if subtitle:
        item["subtitle"] = [subtitle]
    if kind == "journal-article":
        item.update({"container-title": [work["journal"]], "volume": work["volume"], "page": f"{first}-{last}"})
    elif kind == "book-chapter":
        item.update({"container-title": [work["book"]], "page": f"{first}-{last}"})
    return item


def _openalex_work(work: dict) -> dict:
    first, last = work.get("pages", (None, None))
    volume = work.get("volume")
    if work.get("differs") and volume:
        volume = str(int(volume) + 1)
    source = ({"id": "https://openalex.org/S1", "display_name": work["journal"], "type": "journal"}
              if work["kind"] == "article" else {"id": "https://openalex.org/S2", "display_name": work.get("book"),
                                                  "type": "book series"})
    return {"id": f"https://openalex.org/W{4000000 + work['n']}", "doi": None, "title": work["title"],
            "display_name": work["title"], "publication_year": work["year"],
            "publication_date": f"{work['year']}-05-01",
            "type": {"article": "article", "chapter": "book-chapter", "book": "book"}[work["kind"]],
            "authorships": [{"author_position": "first" if k == 0 else "middle",
                             "author": {"id": f"https://openalex.org/A{k}", "display_name": f"{g} {f}"},
                             "raw_author_name": f"{g} {f}"} for k, (f, g) in enumerate(work["people"])],
            "primary_location": {"is_oa": False, "source": source},
            "biblio": {"volume": volume, "issue": None, "first_page": str(first) if first else None,
                       "last_page": str(last) if last else None}}


def _openlibrary_doc(work: dict) -> dict:
    main, _, subtitle = work["title"].partition(": ")
    return {"key": f"/works/OL{1000 + work['n']}W", "title": main, "subtitle": subtitle,
            "author_name": [f"{g} {f}" for f, g in work["people"]], "first_publish_year": work["year"],
            "publish_year": [work["year"], work["year"] + 3], "publisher": [work["publisher"], "Taylor & Francis"]}


def _distractors(query: str, count: int) -> list[dict]:
    """Works a bibliographic search also ranks (other fields, other people), chosen by the query."""
    rng = random.Random(zlib.crc32(query.encode()))
    items = []
    for _ in range(count):
        family, given = rng.choice(DISTRACTOR_PEOPLE)
        n = rng.randrange(10_000)
        items.append({"DOI": f"10.5555/other.{n}", "type": "journal-article", "score": 20.0 + rng.random() * 10,
                      "title": [f"{rng.choice(DISTRACTOR_WORDS)} {rng.choice(DISTRACTOR_THINGS)}"],
                      "author": [{"given": given, "family": family, "sequence": "first", "affiliation": []}],
                      "issued": {"date-parts": [[1980 + rng.randrange(45)]]},
                      "container-title": ["Journal of Applied Geoscience"], "volume": str(rng.randrange(1, 90)),
                      "page": f"{n % 500}-{n % 500 + 12}"})
    return items


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    latency = 0.1
    by_title: dict[str, dict] = {}  # _norm(title) and _norm(main title) -> work
    counter: Counter = Counter()
    in_flight = {"now": 0, "peak": 0}
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        service = {"/crossref/works": "crossref", "/openalex/works": "openalex",
                   "/openlibrary/search.json": "openlibrary"}.get(parts.path, "other")
        with self.lock:
            self.counter[service] += 1
            self.in_flight["now"] += 1
            self.in_flight["peak"] = max(self.in_flight["peak"], self.in_flight["now"])
        try:
            time.sleep(self.latency)
            status, answer = 200, getattr(self, f"_{service}")(query)
        except Exception as exc:  # noqa: BLE001 - a bug here shows as wrong verdicts, not a hung benchmark
            status, answer = 500, {"error": repr(exc)}
        finally:
            with self.lock:
                self.in_flight["now"] -= 1
        body = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _crossref(self, query: dict) -> dict:
        text = f" {_norm(query.get('query.bibliographic', ''))} "
        rows = int(query.get("rows", "20"))
        # the longest title in the entry: a book's "Feedback and belonging in …" is inside "Digital feedback and …"
        work = self.by_title.get(max((key for key in self.by_title if f" {key} " in text), key=len, default=""))
        items = [_crossref_item(work)] if work and work["where"] == "crossref" else []
        items += _distractors(text, rows - len(items))
        return {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                "message": {"facets": {}, "total-results": 1_000_000 + len(text), "items": items,
                            "items-per-page": rows, "query": {"start-index": 0, "search-terms": text.strip()}}}

    def _openalex(self, query: dict) -> dict:
        words = _norm(query.get("filter", "").partition("title.search:")[2])
        work = self.by_title.get(words)
        results = [_openalex_work(work)] if work and work["where"] == "openalex" else []
        return {"meta": {"count": len(results), "db_response_time_ms": 14, "page": 1, "per_page": 10,
                         "groups_count": None}, "results": results, "group_by": []}

    def _openlibrary(self, query: dict) -> dict:
        work = self.by_title.get(_norm(query.get("title", "")))
        found = work and work["where"] == "openlibrary" and (
            not query.get("author") or _norm(query["author"]) == _norm(work["people"][0][0]))
        docs = [_openlibrary_doc(work)] if found else []
        return {"numFound": len(docs), "start": 0, "numFoundExact": True, "docs": docs, "q": "", "offset": None}

    def _other(self, query: dict) -> dict:
        raise LookupError(f"unexpected path {self.path}")

    def log_message(self, *args):
        pass


def _verdicts(resolution) -> Counter:
    return Counter((record.get("existence") or {}).get("verdict", "none") for record in resolution.records.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--refs", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds the server waits before each answer")
    args = parser.parse_args(argv)

    os.environ["no_proxy"] = "127.0.0.1"  # a proxy from the environment must not carry the requests elsewhere
    works = _works(args.refs)
    references = _references(works)
    Handler.latency, Handler.by_title, Handler.counter = args.latency, {}, Counter()
    Handler.in_flight = {"now": 0, "peak": 0}
    for work in works:
        Handler.by_title[_norm(work["title"])] = Handler.by_title[_norm(work["main"])] = work
    want_requests, want_verdicts = _expected(works)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = ResolveConfig(doi_url=f"{base}/doi", crossref_url=f"{base}/crossref", openalex_url=f"{base}/openalex",
                           openlibrary_url=f"{base}/openlibrary")

    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=cache, concurrency=args.concurrency, progress=False, mailto="bench@example.org")
        with Resolver(settings, config=config) as resolver:
            started = time.perf_counter()
            first = resolver.resolve(references)
            cold = time.perf_counter() - started
            sent_by_client = resolver.session.get_adapter(base).sent
        received = dict(Handler.counter)
        peak = Handler.in_flight["peak"]

        with Resolver(settings, config=config) as resolver:  # new session: only the SQLite cache is shared
            started = time.perf_counter()
            second = resolver.resolve(references)
            warm = time.perf_counter() - started
        sent_again = sum(Handler.counter.values()) - sum(received.values())
    server.shutdown()

    total = sum(received.values())
    ideal = total * args.latency / args.concurrency
    ratio = cold / ideal if ideal else float("inf")
    kinds = Counter(work["kind"] for work in works)
    got = _verdicts(first)
    print(f"references: {len(references)} without DOI ({kinds['article']} articles, {kinds['book']} books, "
          f"{kinds['chapter']} chapters), concurrency {args.concurrency}, latency {args.latency * 1000:.0f} ms")
    print(f"requests:   {total} received (Crossref {received.get('crossref', 0)}, "
          f"OpenAlex {received.get('openalex', 0)}, Open Library {received.get('openlibrary', 0)}, "
          f"other {received.get('other', 0)}); expected "
          f"{sum(want_requests.values())}; sent by the client {sent_by_client}; at most {peak} at once")
    print(f"first run:  {cold:6.2f} s; ideal {ideal:.2f} s; ratio {ratio:.2f} (target <= 1.5)")
    print(f"verdicts:   {', '.join(f'{k} {v}' for k, v in sorted(got.items()))} "
          f"(expected {', '.join(f'{k} {v}' for k, v in sorted(want_verdicts.items()))})")
    print(f"second run: {warm:6.2f} s from the cache, {sent_again} requests (target < 1 s, 0 requests); "
          f"same result again: {second == first}")
    right = got == want_verdicts and received.get("other", 0) == 0 and total == sent_by_client and all(
        received.get(service, 0) == count for service, count in want_requests.items())
    if not right:
        print("the lookups did not go as planned: the figures above do not measure the benchmark", file=sys.stderr)
    return 0 if right and ratio <= 1.5 and warm < 1 and sent_again == 0 and second == first else 1


if __name__ == "__main__":
    sys.exit(main())
