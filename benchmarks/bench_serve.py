"""Benchmark ``essaycheck serve``: time to a report, 20 clients at once, memory over 1,000 uploads.

    .venv/bin/python benchmarks/bench_serve.py [--uploads 1000]

Starts ``essaycheck serve --no-resolve`` as a process of its own on 127.0.0.1 (limits raised in an
essaycheck.toml so one benchmark client is never rate-limited), then:

* the median time for the report of a 5,000-word .docx (80 citations, 40 references), as the page
  asks for it (streamed, annotated copy and reference list included), after 10 warm-up uploads;
  target under 150 ms;
* 20 clients uploading at once: each must get its report;
* the server's resident memory after 10 uploads and after ``--uploads``; target within 50 MB.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import build_essay  # noqa: E402 - the essay of the check benchmark

TARGET_MS, TARGET_GROWTH_MB = 150.0, 50.0


def essay_docx(folder: Path) -> Path:
    """The check benchmark's 5,000-word essay as a Word document."""
    import docx

    lines = build_essay().splitlines()
    document = docx.Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        if line == "References":
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    path = folder / "essay-5000.docx"
    document.save(path)
    return path


def upload(base: str, data: bytes) -> tuple[float, dict]:
    started = time.perf_counter()
    answer = requests.post(f"{base}/api/check", data=data, timeout=60,
                           headers={"Accept": "application/x-ndjson", "X-Essay-Name": "essay-5000.docx"})
    events = [json.loads(line) for line in answer.text.splitlines() if line.strip()]
    return time.perf_counter() - started, events[-1]


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uploads", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="essaycheck-bench-serve-"))
    (folder / "essaycheck.toml").write_text("[serve]\nchecks-per-minute = 1000000\nmax-checks = 4\n"
                                            "max-waiting = 100\n", encoding="utf-8")
    data = essay_docx(folder).read_bytes()
    server = subprocess.Popen([sys.executable, "-m", "essaycheck", "serve", "--no-browser", "--no-resolve"],
                              cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ok = True
    try:
        base = re.search(r"(http://\S+)/", server.stdout.readline()).group(1)
        for _ in range(10):
            _, last = upload(base, data)
            assert last["event"] == "report", last
        memory_10 = resident_mb(server.pid)
        times = [upload(base, data)[0] for _ in range(50)]
        median = statistics.median(times) * 1000
        ok &= median < TARGET_MS
        print(f"report of a 5,000-word .docx (warm server, no lookups): median {median:.0f} ms, "
              f"p90 {sorted(times)[44] * 1000:.0f} ms over 50 [{'ok' if median < TARGET_MS else 'MISSES TARGET'}]")

        results: list = [None] * 20
        started = time.perf_counter()

        def client(i: int) -> None:
            results[i] = upload(base, data)[1]["event"]

        threads = [threading.Thread(target=client, args=(i,)) for i in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        reports = results.count("report")
        ok &= reports == 20
        print(f"20 clients at once: {reports} reports in {time.perf_counter() - started:.2f} s "
              f"[{'ok' if reports == 20 else 'FAILED'}]")

        for _ in range(args.uploads - 80):
            upload(base, data)
        memory_all = resident_mb(server.pid)
        growth = memory_all - memory_10
        ok &= growth < TARGET_GROWTH_MB
        print(f"memory: {memory_10:.0f} MB after 10 uploads, {memory_all:.0f} MB after {args.uploads} "
              f"({growth:+.0f} MB) [{'ok' if growth < TARGET_GROWTH_MB else 'MISSES TARGET'}]")
    finally:
        server.terminate()
        server.wait(10)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
