"""Resolve the DOIs and URLs of one essay, or of a whole class, concurrently and once each.

A :class:`Resolver` keeps what it looked up (per DOI, per URL, per search) for
its lifetime, so the same work cited by thirty students is fetched once.
"""

from __future__ import annotations

import re
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import replace
from typing import Callable, Sequence
from urllib.parse import urlsplit

from ..model import Diagnostic, Reference
from ..settings import Settings
from . import Resolution
from . import crossref, csl, openalex, openlibrary
from .compare import compare, compare_page
from .config import ResolveConfig
from .doi import DoiLookup, clean_doi, invalid_lookup, is_valid_doi, look_up
from .existence import LOOKED_UP_KINDS, Answers, Candidate, decide
from .fetch import Fetcher, FetchError, origin
from .findings import Outcome, build
from .safety import Guard, UnknownHost, resolve_host
from .session import contact_address, make_session
from .urls import UrlCheck, check_url, is_doi_link

ProgressCallback = Callable[[int, int], None]
SERVICE_NAMES = {"crossref": "Crossref", "openalex": "OpenAlex", "openlibrary": "Open Library"}
# Where each kind of work is looked up, in order; the next is asked only while none has found the work.
_SERVICES_FOR_BOOKS = ("openlibrary", "openalex", "crossref")
_SERVICES_FOR_OTHERS = ("crossref", "openalex")
_FAILURES_BEFORE_DOWN = 3  # a service that failed this often is not asked again in this run


class Resolver:
    """Looks up DOIs, URLs and missing DOIs through one session; thread-safe; memoises per key."""

    def __init__(self, settings: Settings, session=None, config: ResolveConfig | None = None):
        self.settings = settings
        self.config = (config or ResolveConfig.from_env()).with_urls(
            crossref_url=settings.crossref_url, openalex_url=settings.openalex_url,
            openlibrary_url=settings.openlibrary_url)
        self._session = session
        self._owns_session = session is None
        self._lock = threading.Lock()
        self._memo: dict[tuple[str, str], Future] = {}
        self._pools: dict[str, ThreadPoolExecutor] = {}  # one per kind of lookup (doi, url, each service)
        self._fetchers: dict[bool, Fetcher] = {}
        self._dns_works: bool | None = None
        self._failures: dict[str, int] = {}  # service -> lookups that failed

    # --- plumbing ----------------------------------------------------------------

    @property
    def session(self):
        with self._lock:
            if self._session is None:
                self._session = make_session(self.settings, self.config)
            return self._session

    def _fetcher(self, trusted: bool) -> Fetcher:
        """The fetcher for the trusted endpoints (True) or for essay URLs (False); built once."""
        session = self.session
        with self._lock:
            if not self._fetchers:
                endpoints = frozenset(origin(url) for url in (self.config.doi_url, self.config.crossref_url,
                                                              self.config.openalex_url, self.config.openlibrary_url))
                guard = Guard(self.settings.allow_private_urls, self.config.allowed_networks)
                environment: dict = {}
                for key, origins in ((True, endpoints), (False, frozenset())):
                    self._fetchers[key] = Fetcher(
                        session=session, config=self.config, timeout=self.settings.timeout,
                        offline=self.settings.offline, trusted_origins=origins, guard=guard, _environment=environment)
            return self._fetchers[trusted]

    def _submit(self, key: tuple[str, str], job: Callable[[], object]) -> Future:
        """The future for ``key``, started now if nobody asked for it before.

        Each kind of lookup has its own workers, so lookups waiting for a slow service's turn (Open
        Library's one request a second) never hold up the others; the session's adapter keeps the
        requests in flight at once to ``concurrency`` in all."""
        with self._lock:
            future = self._memo.get(key)
            if future is None:
                pool = self._pools.get(key[0])
                if pool is None:
                    pool = self._pools[key[0]] = ThreadPoolExecutor(max(1, self.settings.concurrency),
                                                                    thread_name_prefix=f"essaycheck-{key[0]}")
                future = self._memo[key] = pool.submit(job)
            return future

    def close(self) -> None:
        """Stop the worker threads; close the session if this resolver made it."""
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
            session = self._session if self._owns_session else None
            self._session = None if self._owns_session else self._session
            self._fetchers.clear()
        for pool in pools:
            pool.shutdown(wait=True)
        if session is not None:
            session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- jobs ----------------------------------------------------------------------

    def _doi_job(self, doi: str) -> DoiLookup:
        return look_up(self._fetcher(True), self.config.doi_url, self.config.crossref_url, doi,
                       contact_address(self.settings))

    def _url_job(self, url: str) -> UrlCheck:
        checked = check_url(self._fetcher(False), url, self.config.page_bytes)
        if checked.kind == "dns" and not self._names_resolve():
            return replace(checked, outcome="not-checked",
                           reason="host names cannot be looked up here (no network?)")
        return checked

    def _names_resolve(self) -> bool:
        """Whether DNS works at all, asked once: when even the DOI resolver's name has no address,
        a missing host says nothing about the student's link (a laptop offline is not a broken URL)."""
        with self._lock:
            if self._dns_works is None:
                host = urlsplit(self.config.doi_url).hostname or ""
                try:
                    self._dns_works = bool(host) and bool(resolve_host(host, 443))
                except UnknownHost:
                    self._dns_works = False
            return self._dns_works

    def _lookup_job(self, service: str, reference: Reference) -> list[Candidate] | str:
        """The candidates one service proposes for the entry, or what went wrong (a string)."""
        if self._failures.get(service, 0) >= _FAILURES_BEFORE_DOWN:
            return f"{SERVICE_NAMES[service]} did not answer earlier in this run"
        fetcher, mailto = self._fetcher(True), contact_address(self.settings)
        try:
            if service == "crossref":
                items = crossref.search(fetcher, self.config.crossref_url, search_text(reference),
                                        self.config.search_rows, mailto)
                return [crossref.to_candidate(item) for item in items]
            if service == "openalex":
                return openalex.search(fetcher, self.config.openalex_url, reference, mailto,
                                       self.config.openalex_api_key)
            return openlibrary.search(fetcher, self.config.openlibrary_url, reference)
        except FetchError as exc:
            if exc.kind != "offline":
                with self._lock:
                    self._failures[service] = self._failures.get(service, 0) + 1
            return exc.detail

    def doi(self, doi: str) -> Future:
        """The :class:`DoiLookup` of a cleaned DOI, as a Future; looked up once per resolver."""
        return self._submit(("doi", doi), lambda: self._doi_job(doi))

    # --- public ---------------------------------------------------------------------

    def resolve(self, references: Sequence[Reference], progress: ProgressCallback | None = None) -> Resolution:
        """Resolution of one essay's reference list."""
        return self.resolve_many([references], progress)[0]

    def resolve_many(self, essays: Sequence[Sequence[Reference]],
                     progress: ProgressCallback | None = None) -> list[Resolution]:
        """Resolutions of several essays, all looked up together (a class at once)."""
        if not self.settings.resolve:
            return [Resolution({}, ()) for _ in essays]
        meter = _Meter(self.settings, self.config, progress)
        try:
            plans = [[self._plan(ref, meter) for ref in refs] for refs in essays]
            # Each entry goes on (compares its DOI's record, asks the next service) as soon as its own
            # answer is in, not when the slowest lookup of a round is.
            waiting = [plan for essay in plans for plan in essay if plan.pending()]
            while waiting:
                meter.wait_for_any([plan.pending() for plan in waiting])
                still = []
                for plan in waiting:
                    if plan.pending().done():
                        self._second_look(plan, meter)
                    if plan.pending() is not None:
                        still.append(plan)
                waiting = still
            meter.wait()  # the links
        finally:
            meter.close()
        return [self._resolution(essay_plans) for essay_plans in plans]

    def _resolution(self, plans: list["_Plan"]) -> Resolution:
        """One essay's records and problems, once all its lookups are done."""
        records: dict[int, dict] = {}
        problems: list[Diagnostic] = []
        for plan in plans:
            if plan.outcome is None:
                continue  # nothing to look up for this entry
            self._finish(plan)
            records[plan.reference.index], found = build(plan.reference, plan.outcome, self.settings)
            problems.extend(found)
        return Resolution(records, tuple(self._one_note_when_offline(problems)))

    def _one_note_when_offline(self, problems: list[Diagnostic]) -> list[Diagnostic]:
        """With no network at all, one note for the essay instead of one per DOI and link."""
        unresolved = [p for p in problems if p.rule == "unresolved"]
        if len(unresolved) < 2 or self.settings.offline or self._names_resolve():
            return problems
        note = replace(unresolved[0], location=None, reference=None, suggestion=None, message=(
            f"essaycheck could not reach the internet, so {len(unresolved)} DOIs and links were not checked. "
            "This is not a problem with your essay: check again when you are online, or use --no-resolve."))
        return [p for p in problems if p.rule != "unresolved"] + [note]

    def fetch_csl(self, dois: Sequence[str]) -> dict[str, dict | None]:
        """CSL-JSON of each DOI (None when unknown or not reachable), for the formatter."""
        from .csl import to_csl

        futures = {doi: self.doi(clean_doi(doi)) for doi in dois}
        out: dict[str, dict | None] = {}
        for doi, future in futures.items():
            lookup: DoiLookup = future.result()
            out[doi] = to_csl(lookup.record, lookup.doi) if lookup.record is not None else None
        return out

    # --- per reference ----------------------------------------------------------------

    def _plan(self, reference: Reference, meter: "_Meter") -> "_Plan":
        plan = _Plan(reference)
        doi = clean_doi(reference.doi or reference.doi_text)
        url = (reference.url or "").strip()
        if doi:
            plan.outcome = Outcome(doi=doi)
            if is_valid_doi(doi):
                plan.doi_future = meter.track(self.doi(doi))
            else:
                plan.outcome.lookup = invalid_lookup(doi)
        if url and not is_doi_link(url):
            plan.outcome = plan.outcome or Outcome()
            plan.url_future = meter.track(self._submit(("url", url), lambda: self._url_job(url)))
        if not (doi and is_valid_doi(doi)):
            self._start_lookups(plan, meter)
        return plan

    def _start_lookups(self, plan: "_Plan", meter: "_Meter") -> None:
        """Look the entry up in the services for its kind (whether it exists, and its DOI)."""
        reference = plan.reference
        if not (reference.type in LOOKED_UP_KINDS and reference.title or _worth_a_look(reference)):
            return
        order = _SERVICES_FOR_BOOKS if reference.type == "book" else _SERVICES_FOR_OTHERS
        plan.services = [s for s in order if s in self.settings.lookups]
        if not plan.services:
            return
        plan.outcome = plan.outcome or Outcome()
        plan.answers = Answers()
        self._ask_next(plan, meter)

    def _ask_next(self, plan: "_Plan", meter: "_Meter") -> bool:
        """Ask the next service unless one has found the work; True when a lookup started."""
        if plan.lookup_future is not None:
            service, future = plan.lookup_future
            plan.answers.add(SERVICE_NAMES[service], future.result())
            plan.lookup_future = None
        if not plan.services or decide(plan.reference, plan.answers).found:
            return False
        service = plan.services.pop(0)
        key = search_text(plan.reference) if service == "crossref" else openalex.query_title(plan.reference)
        if service == "openlibrary":
            key = f"{plan.reference.isbn}|{key}|{plan.reference.family_names[:1]}"
        reference = plan.reference
        future = self._submit((service, key), lambda: self._lookup_job(service, reference))
        plan.lookup_future = (service, meter.track(future))
        return True

    def _second_look(self, plan: "_Plan", meter: "_Meter") -> bool:
        """Once the entry's pending answer is in: compare a DOI's record (and look the work up when
        the DOI is wrong), or ask the next service. True when another lookup started."""
        if plan.doi_future is not None:
            lookup: DoiLookup = plan.doi_future.result()
            plan.doi_future = None
            plan.outcome.lookup = lookup
            if lookup.record is not None:
                plan.outcome.comparison = compare(plan.reference, lookup.record)
            wrong = lookup.status == "not-found" or (
                plan.outcome.comparison and plan.outcome.comparison.verdict == "different")
            if wrong:
                self._start_lookups(plan, meter)
                return plan.lookup_future is not None
        return plan.answers is not None and self._ask_next(plan, meter)

    def _finish(self, plan: "_Plan") -> None:
        outcome = plan.outcome
        if plan.url_future is not None:
            outcome.url = plan.url_future.result()
            if outcome.url.meta is not None and not outcome.doi:
                outcome.page_mismatches = compare_page(plan.reference, outcome.url.meta)
        if plan.answers is not None:
            outcome.searched = True
            verdict = decide(plan.reference, plan.answers)
            outcome.verdict = verdict
            found = csl.doi_of(verdict.candidate.record) if verdict.found else ""
            outcome.found_doi = found if found and found != outcome.doi.lower() else ""
            if plan.answers.failures and not verdict.found:
                outcome.search_note = f"the lookup could not run: {'; '.join(plan.answers.failures.values())}"


def _worth_a_look(reference: Reference) -> bool:
    """An entry of no known kind (no journal or publisher read) with authors, a year and a real title:
    looked up, so that it can be found (never called "not found", its kind being unknown)."""
    return reference.type == "other" and bool(reference.family_names) and reference.year_number is not None and len(
        reference.title.split()) >= 3


class _Plan:
    """What is being looked up for one entry: its outcome so far and the pending lookups."""

    __slots__ = ("reference", "outcome", "doi_future", "url_future", "services", "answers", "lookup_future")

    def __init__(self, reference: Reference):
        self.reference = reference
        self.outcome: Outcome | None = None
        self.doi_future: Future | None = None
        self.url_future: Future | None = None
        self.services: list[str] = []  # the services still to ask, in order
        self.answers: Answers | None = None  # what the services asked so far said
        self.lookup_future: tuple[str, Future] | None = None  # (service, its pending answer)

    def pending(self) -> Future | None:
        """The answer this entry waits for before it can go on (its DOI's, then each service's)."""
        if self.doi_future is not None:
            return self.doi_future
        return self.lookup_future[1] if self.lookup_future is not None else None


def search_text(reference: Reference) -> str:
    """The entry as written, without its DOI or URL, for Crossref's bibliographic search."""
    text = reference.text or " ".join(
        filter(None, [reference.authors_text, f"({reference.year})", reference.title, reference.container_title,
                      reference.volume, reference.pages]))
    for part in (reference.doi_text, reference.url):
        if part:
            text = text.replace(part, " ")
    text = re.sub(r"https?://\S+|\bdoi:\s*\S+", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


class _Meter:
    """Waits for the lookups started for one call and shows a progress bar when it is slow."""

    def __init__(self, settings: Settings, config: ResolveConfig, callback: ProgressCallback | None):
        self._futures: list[Future] = []
        self._done = 0
        self._callback = callback
        self._bar = None
        show = settings.progress if settings.progress is not None else _stderr_is_terminal()
        if show and callback is None:
            from tqdm import tqdm

            self._bar = tqdm(total=0, desc="Checking DOIs and links", unit="lookup", file=sys.stderr,
                             delay=config.progress_delay, leave=False, disable=False)

    def track(self, future: Future) -> Future:
        """Count ``future`` among the lookups :meth:`wait` waits for; return it."""
        self._futures.append(future)
        return future

    def wait(self) -> None:
        pending = [f for f in self._futures if not f.done()]
        total = len(self._futures)
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()
        done = total - len(pending)
        self._report(done, total)
        while pending:
            finished, pending_set = wait(pending, timeout=0.2, return_when="FIRST_COMPLETED")
            pending = list(pending_set)
            if finished:
                done += len(finished)
                self._report(done, total)

    def wait_for_any(self, futures: list[Future]) -> None:
        """Until one of ``futures`` is done (reporting progress meanwhile)."""
        pending = [f for f in futures if not f.done()]
        while pending and len(pending) == len(futures):
            finished, _ = wait(pending, timeout=0.2, return_when="FIRST_COMPLETED")
            self._report(sum(f.done() for f in self._futures), len(self._futures))
            if finished:
                return

    def _report(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.total = total
            self._bar.n = done
            self._bar.refresh()
        if self._callback is not None:
            self._callback(done, total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
