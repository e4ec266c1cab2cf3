"""Benchmark ``essaycheck batch`` on a class of varied essays; print essays/second and peak memory.

    .venv/bin/python benchmarks/bench_batch.py [--essays 200] [--jobs N] [--keep DIR]

The class is built from samples/ (clean and mistakes essays as .docx, .txt and .md)
with citations shuffled between places, paragraphs reordered and 1-4 mistakes
injected per essay. Three runs are measured, each with ``--force`` so every essay is
checked:

* resolution off (``--no-resolve``);
* a class as learning platforms hand it out, without lookups: half .docx, a quarter PDF
  (text layer), an eighth .odt and an eighth HTML, built from the same essays with the
  tests' builders, with and without the annotated copies; target 40 essays/s;
* resolution on with a warm cache: DOIs and URLs point at a local stand-in for
  doi.org, Crossref and the web (127.0.0.1), a first run fills the cache, the
  measured second run answers from it.

Peak memory is the largest sum of the resident memory of the batch process and
all its workers, sampled every 100 ms from /proc (Linux): more often, the sampling itself
slows the batch down on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TARGET_RATE, TARGET_MB = 20.0, 500.0
MIXED_RATE = 40.0  # half .docx, a quarter PDF, the rest .odt and HTML, without lookups

CITATION = re.compile(r"\([A-Z][^()]*?\b(?:1[89]|20)\d\d[a-z]?(?:, pp?\. [\d\u2013-]+)?\)")
URL = re.compile(r"https?://(?!doi\.org)[^\s)]+[^\s).,]")


# --- building the class --------------------------------------------------------------


def _lines(name: str) -> list[str]:
    return [line for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _split(lines: list[str]) -> tuple[str, list[str], list[str]]:
    """Title, body paragraphs, reference entries (the line 'References' divides them)."""
    at = max(i for i, line in enumerate(lines) if line.strip().lower() in ("references", "reference list"))
    return lines[0], lines[1:at], lines[at + 1:]


def _inject(rng: random.Random, body: list[str], refs: list[str]) -> None:
    """One plausible student mistake, in place."""
    kind = rng.choice(["comma", "and", "year", "drop-entry", "duplicate-entry", "doi-prefix", "doi-typo", "order"])
    i = rng.randrange(len(body))
    if kind == "comma":
        body[i] = re.sub(r"\(([A-Z][^(),]*?), ((?:19|20)\d\d)\)", r"(\1 \2)", body[i], count=1)
    elif kind == "and":
        body[i] = re.sub(r"(\([A-Z][^()]*?) & ", r"\1 and ", body[i], count=1)
    elif kind == "year":
        body[i] = re.sub(r"(\([A-Z][^()]*?, )((?:19|20)\d\d)\)", lambda m: f"{m[1]}{int(m[2]) + 1})", body[i], count=1)
    elif kind == "drop-entry" and len(refs) > 3:
        refs.pop(rng.randrange(len(refs)))
    elif kind == "duplicate-entry":
        j = rng.randrange(len(refs))
        refs.insert(j + 1, refs[j])
    elif kind == "doi-prefix":
        j = rng.randrange(len(refs))
        refs[j] = refs[j].replace("https://doi.org/", "doi:", 1)
    elif kind == "doi-typo":
        j = rng.randrange(len(refs))
        refs[j] = re.sub(r"(10\.\d{4,9}/\S*?)(\d)(\S*)$", lambda m: f"{m[1]}{(int(m[2]) + 1) % 10}{m[3]}", refs[j])
    elif kind == "order" and len(refs) > 2:
        j = rng.randrange(len(refs) - 1)
        refs[j], refs[j + 1] = refs[j + 1], refs[j]


def _shuffle_citations(rng: random.Random, body: list[str]) -> list[str]:
    found = [m.group(0) for line in body for m in CITATION.finditer(line)]
    rng.shuffle(found)
    it = iter(found)
    return [CITATION.sub(lambda m: next(it), line) for line in body]


def _keep_used_styles(document) -> None:
    """Keep only the styles the essay uses (and those they are based on, link to or are followed by),
    as Word writes them. python-docx's template defines every built-in style in full (a 349 KB
    styles.xml); the 22 real essays of ../shared/realworld have 5-83 KB (median 35 KB), and a class
    of python-docx essays would cost more to open and annotate than a class of real ones."""
    from docx.oxml.ns import qn

    body = document.element.body
    used = {value for name in ("w:pStyle", "w:rStyle", "w:tblStyle")
            for value in body.xpath(f".//{name}/@w:val")}
    styles = document.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    used |= {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) == "1"}
    todo = list(used)
    while todo:
        style = by_id.get(todo.pop())
        for link in ("w:basedOn", "w:link", "w:next"):
            found = style.find(qn(link)) if style is not None else None
            if found is not None and found.get(qn("w:val")) not in used:
                used.add(found.get(qn("w:val")))
                todo.append(found.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in used:
            styles.remove(style)
    for rel_id, rel in list(document.part.rels.items()):  # Word 2010's copy of them, which Word 2013+ leaves out
        if not rel.is_external and str(rel.target_part.partname).endswith("/stylesWithEffects.xml"):
            document.part.drop_rel(rel_id)


def _write(path: Path, kind: str, title: str, body: list[str], refs: list[str]) -> None:
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_heading(title, level=1)
        for line in body:
            document.add_paragraph(line)
        document.add_heading("References", level=1)
        for line in refs:
            document.add_paragraph(line)
        _keep_used_styles(document)
        document.save(str(path))
    elif kind == "md":
        path.write_text("\n\n".join([f"# {title}", *body, "## References", *refs]) + "\n", encoding="utf-8")
    else:
        path.write_text("\n".join([title, *body, "References", *refs]) + "\n", encoding="utf-8")


FORMATS = ("docx", "docx", "txt", "txt", "md")  # the default mix: two-fifths .docx, two-fifths .txt, one-fifth .md
PLATFORM_FORMATS = ("docx", "docx", "pdf", "docx", "odt", "docx", "pdf", "html")  # half .docx, a quarter PDF


def _convert(docx_path: Path, kind: str) -> None:
    """The .docx essay written again as ``kind`` (pdf, odt, html) beside it, with the tests' builders."""
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from html_factory import html_from_paragraphs
    from odt_factory import odt_from_paragraphs
    from pdf_factory import build_pdf

    from essaycheck.read import read_document

    paragraphs = list(read_document(docx_path).paragraphs)
    target = docx_path.with_suffix(f".{kind}")
    if kind == "pdf":
        heading = max((i for i, p in enumerate(paragraphs) if p.text.lower() == "references"), default=len(paragraphs))
        build_pdf(target, paragraphs[:heading], references=paragraphs[heading + 1:])
    elif kind == "odt":
        odt_from_paragraphs(target, paragraphs)
    else:
        target.write_text(html_from_paragraphs(paragraphs), encoding="utf-8")
    docx_path.unlink()


def build_class(folder: Path, count: int, seed: int = 305, url_base: str | None = None,
                formats: tuple[str, ...] = FORMATS) -> None:
    """``count`` essays in ``folder``, alternately from the clean and the mistakes essay, in ``formats`` by turns."""
    rng = random.Random(seed)
    bases = [_split(_lines("clean-essay.txt")), _split(_lines("mistakes-essay.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        title, body, refs = bases[n % 2]
        body, refs = list(body), list(refs)
        body = _shuffle_citations(rng, body)
        head, rest = body[:1], body[1:]
        rng.shuffle(rest)
        body = head + rest
        for _ in range(rng.randint(1, 4)):
            _inject(rng, body, refs)
        if url_base:
            refs = [URL.sub(lambda m: f"{url_base}/page/{zlib.crc32(m.group(0).encode()) % 997}", line) for line in refs]
        kind = formats[(n // 2) % len(formats)]  # each format gets clean and mistaken essays alike
        if kind in ("pdf", "odt", "html"):
            _write(folder / f"student{n:03}.docx", "docx", title, body, refs)
            _convert(folder / f"student{n:03}.docx", kind)
        else:
            _write(folder / f"student{n:03}.{kind}", kind, title, body, refs)


# --- a local stand-in for doi.org, Crossref and the web ----------------------------------


def _known_records() -> dict[str, dict]:
    """CSL-JSON for every DOI in the samples, from the samples' own entries (so they match)."""
    sys.path.insert(0, str(ROOT))
    from essaycheck.api import check
    from essaycheck.formatting import reference_to_csl
    from essaycheck.settings import Settings

    records = {}
    for name in ("clean-essay.txt", "mistakes-essay.txt"):
        for ref in check(SAMPLES / name, Settings(resolve=False)).references:
            if ref.doi:
                item = reference_to_csl(ref)
                item["DOI"] = ref.doi
                records[ref.doi.lower()] = item
    return records


def serve(records: dict[str, dict]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, body: bytes, status: int, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self):  # noqa: N802 (http.server's naming)
            self.server.requests += 1
            if self.path.startswith("/doi/"):
                record = records.get(self.path[5:].lower())
                if record is None:
                    self._answer(b"Not found", 404, "text/plain")
                else:
                    self._answer(json.dumps(record).encode(), 200, "application/vnd.citationstyles.csl+json")
            elif self.path.startswith("/crossref/"):
                self._answer(b'{"status":"error","message":"Not found"}', 404, "application/json")
            elif self.path.startswith("/page/"):
                self._answer(b"<html><head><title>A page</title></head><body>ok</body></html>", 200,
                             "text/html; charset=utf-8")
            else:
                self._answer(b"Not found", 404, "text/plain")

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests = 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- measuring -----------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def run_batch(folder: Path, out: Path, flags: list[str], env: dict) -> tuple[float, int, str]:
    """Run the CLI; return (seconds, peak tree RSS in bytes, summary line)."""
    command = [sys.executable, "-m", "essaycheck", "batch", str(folder), "-o", str(out), "--force",
               "--isolated", "--no-progress", *flags]
    os.sync()  # the class was just written: its write-back must not run during the measured batch
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.1)  # scanning /proc takes CPU from the batch on a 2-core machine: sample sparingly
    elapsed = time.perf_counter() - started
    summary = (process.stdout.read() if process.stdout else "").splitlines()
    return elapsed, peak, summary[0] if summary else f"(exit {process.returncode})"


def report(label: str, count: int, elapsed: float, peak: int, summary: str, target: float = TARGET_RATE) -> bool:
    rate, mb = count / elapsed, peak / 2**20
    ok = rate >= target and mb < TARGET_MB
    print(f"{label:<28} {count} essays in {elapsed:6.2f} s = {rate:6.1f} essays/s, peak {mb:6.0f} MB "
          f"[{'ok' if ok else 'MISSES TARGET'}]  {summary}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--essays", type=int, default=200)
    parser.add_argument("--jobs", type=int, help="worker processes (default: one per CPU)")
    parser.add_argument("--keep", type=Path, help="build the class here and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="essaycheck-bench-"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    # As installed by pip, the modules are compiled once; where PYTHONDONTWRITEBYTECODE is set (as
    # in some sandboxes) every process would compile them from source again, about 0.2 s each.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    warm = work / "class-warm-up"  # one essay of each kind, checked once to fill the bytecode cache
    build_class(warm, 16, formats=PLATFORM_FORMATS)
    subprocess.run([sys.executable, "-m", "essaycheck", "batch", str(warm), "-o", str(work / "out-warm-up"),
                    "--no-resolve", "--isolated", "--no-progress"], env=env, capture_output=True, check=False)
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    print(f"essaycheck batch benchmark: {args.essays} essays, {os.cpu_count()} CPUs, targets "
          f">= {TARGET_RATE:.0f} essays/s and < {TARGET_MB:.0f} MB")
    ok = True
    try:
        plain = work / "class-offline"
        build_class(plain, args.essays)
        ok &= report("resolution off", args.essays, *run_batch(plain, work / "out-offline", ["--no-resolve", *jobs], env))
        mixed = work / "class-platform"
        build_class(mixed, args.essays, formats=PLATFORM_FORMATS)
        report("platform mix, no lookups", args.essays,
               *run_batch(mixed, work / "out-platform", ["--no-resolve", *jobs], env), target=MIXED_RATE)
        ok &= report("  the same, --no-annotate", args.essays,
                     *run_batch(mixed, work / "out-platform-plain", ["--no-resolve", "--no-annotate", *jobs], env),
                     target=MIXED_RATE)

        server = serve(_known_records())
        base = f"http://127.0.0.1:{server.server_port}"
        linked = work / "class-resolving"
        build_class(linked, args.essays, url_base=base)
        net_env = {**env, "ESSAYCHECK_DOI_URL": f"{base}/doi", "ESSAYCHECK_CROSSREF_URL": f"{base}/crossref",
                   "ESSAYCHECK_CACHE_DIR": str(work / "cache")}
        flags = ["--allow-private-urls", *jobs]
        report("resolution, cold cache", args.essays, *run_batch(linked, work / "out-cold", flags, net_env))
        cold_requests = server.requests
        ok &= report("resolution, warm cache", args.essays, *run_batch(linked, work / "out-warm", flags, net_env))
        print(f"requests to the stand-in server: {cold_requests} cold (each distinct DOI and URL once), "
              f"{server.requests - cold_requests} warm")
        server.shutdown()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
