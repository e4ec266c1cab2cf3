"""Benchmark: 500 distinct DOIs and 200 URLs against a local server that adds 100 ms to every answer.

    /work/venv/bin/python benchmarks/bench_resolve.py [--concurrency 8] [--dois 500] [--urls 200]

Prints the wall time of a first (cold) run, its ratio to the ideal
(requests x latency / concurrency), and the wall time of a second run, in a
fresh Resolver and session, answered from the SQLite cache. Targets: ratio
within 1.5, cached run under 1 s. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from essaycheck.model import Author, Location, Reference  # noqa: E402
from essaycheck.resolve import Resolver  # noqa: E402
from essaycheck.resolve.config import ResolveConfig  # noqa: E402
from essaycheck.settings import Settings  # noqa: E402

LATENCY = 0.1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    counter = {"requests": 0}
    lock = threading.Lock()

    def _answer(self, send_body: bool) -> None:
        with self.lock:
            self.counter["requests"] += 1
        time.sleep(LATENCY)
        if self.path.startswith("/doi/10.5555/bench."):
            n = int(self.path.rsplit(".", 1)[1])
            body = json.dumps(_record(n)).encode()
            ctype = "application/vnd.citationstyles.csl+json"
        elif self.path.startswith("/page/"):
            n = int(self.path.rsplit("/", 1)[1])
            body = (f"<html><head><title>Page {n}</title><meta name='citation_title' content='Web page number {n}'>"
                    f"</head><body>{'text ' * 200}</body></html>").encode()
            ctype = "text/html; charset=utf-8"
        else:
            body, ctype = b"not found", "text/plain"
            self.send_response(404)
        if not self.path.startswith(("/doi/10.5555/bench.", "/page/")):
            pass
        else:
            self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's naming
        self._answer(True)

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def log_message(self, *args):
        pass


def _record(n: int) -> dict:
    return {"type": "article-journal", "DOI": f"10.5555/bench.{n}", "title": f"Benchmark article number {n}",
            "container-title": "Journal of Benchmarks", "volume": str(1 + n % 40), "page": f"{n}-{n + 9}",
            "author": [{"family": "Okafor", "given": "Ada"}, {"family": "Lindqvist", "given": "Per"}],
            "issued": {"date-parts": [[2000 + n % 25]]}}


def _references(dois: int, urls: int, base: str) -> list[Reference]:
    refs = []
    for n in range(dois):
        text = f"Okafor, A., & Lindqvist, P. ({2000 + n % 25}). Benchmark article number {n}. https://doi.org/10.5555/bench.{n}"
        refs.append(Reference(index=n, text=text, location=Location(n, 0, len(text), text), type="article-journal",
                              authors=(Author("Okafor", "A."), Author("Lindqvist", "P.")), year=str(2000 + n % 25),
                              year_number=2000 + n % 25, title=f"Benchmark article number {n}",
                              container_title="Journal of Benchmarks", volume=str(1 + n % 40), pages=f"{n}\u2013{n + 9}",
                              doi=f"10.5555/bench.{n}", doi_text=f"https://doi.org/10.5555/bench.{n}"))
    for n in range(urls):
        url = f"{base}/page/{n}"
        text = f"Okafor, A. (2024). Web page number {n}. {url}"
        refs.append(Reference(index=dois + n, text=text, location=Location(dois + n, 0, len(text), text), type="webpage",
                              authors=(Author("Okafor", "A."),), year="2024", year_number=2024,
                              title=f"Web page number {n}", url=url))
    return refs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--dois", type=int, default=500)
    parser.add_argument("--urls", type=int, default=200)
    args = parser.parse_args(argv)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = ResolveConfig(doi_url=f"{base}/doi", crossref_url=f"{base}/crossref")
    references = _references(args.dois, args.urls, base)

    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=cache, concurrency=args.concurrency, progress=False, allow_private_urls=True,
                            mailto="bench@example.org")
        with Resolver(settings, config=config) as resolver:
            started = time.perf_counter()
            first = resolver.resolve(references)
            cold = time.perf_counter() - started
        sent = Handler.counter["requests"]

        with Resolver(settings, config=config) as resolver:  # new session: only the SQLite cache is shared
            started = time.perf_counter()
            second = resolver.resolve(references)
            warm = time.perf_counter() - started
        sent_again = Handler.counter["requests"] - sent
    server.shutdown()

    ideal = sent * LATENCY / args.concurrency
    ok = sum(1 for r in first.records.values() if (r["url"] or {}).get("outcome", r["status"]) == "ok")
    print(f"references: {args.dois} DOIs + {args.urls} URLs, concurrency {args.concurrency}, latency {LATENCY * 1000:.0f} ms")
    print(f"first run:  {cold:6.2f} s for {sent} requests; ideal {ideal:.2f} s; ratio {cold / ideal:.2f} (target <= 1.5)")
    print(f"second run: {warm:6.2f} s from the cache, {sent_again} requests (target < 1 s, 0 requests)")
    print(f"records ok: {ok}/{len(references)}; problems: {len(first.problems)}; same result again: {second == first}")
    return 0 if cold / ideal <= 1.5 and warm < 1 and sent_again == 0 and second == first else 1


if __name__ == "__main__":
    sys.exit(main())
