"""The web application: the page, the check of an upload (with progress), and the DOI citer.

Routes:

* ``GET /`` the page; ``GET /assets/…`` its stylesheets and script (nothing from elsewhere).
* ``POST /api/check``: the essay's bytes as the body, its file name in the ``X-Essay-Name``
  header (percent-encoded). With ``Accept: application/x-ndjson`` the answer is a stream of
  JSON lines (``waiting``, ``progress``, then ``report`` or ``error``), which the page reads;
  otherwise one JSON object with the HTTP status saying how it went (200, 400, 413, 422, 429, 503).
* ``POST /api/cite``: ``{"doi": "10.…"}`` -> the APA 7 entry as text and as HTML (italics).
* ``GET /api/health``: ``{"status": "ok", "worker": pid}``.

Nothing is kept: an upload lives in memory and, while it is checked, in a temporary folder
removed before the answer is sent. No essay text or file name is logged.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any, AsyncIterator
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ..settings import Settings
from .job import UploadError, check_upload
from .limits import Busy, CheckGate, RateLimiter, ServeLimits, retry_after

__all__ = ["create_app"]

NDJSON = "application/x-ndjson"
SECURITY_HEADERS = {
    # the page's own script and styles only: text from an essay can never run as script
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class _TooLarge(Exception):
    pass


def create_app(settings: Settings | None = None, limits: ServeLimits | None = None) -> Starlette:
    """The application. Without arguments (``uvicorn --factory essaycheck.serve:create_app``) the
    settings and limits come from the configuration found from the working folder."""
    if settings is None or limits is None:
        from ..config import load_settings
        from .limits import load_limits

        settings = settings or load_settings(Path.cwd())
        limits = limits or load_limits(Path.cwd())
    state = _State(settings, limits)
    routes = [
        Route("/", state.page, methods=["GET"]),
        Route("/assets/{name}", state.asset, methods=["GET"]),
        Route("/api/check", state.check, methods=["POST"]),
        Route("/api/cite", state.cite, methods=["POST"]),
        Route("/api/health", state.health, methods=["GET"]),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(_SecurityHeaders)])
    app.state.essaycheck = state
    return app


class _SecurityHeaders:
    """ASGI middleware: every answer carries :data:`SECURITY_HEADERS` (unless it sets its own)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (key.lower().encode("latin-1"), value.encode("latin-1"))
                    for key, value in SECURITY_HEADERS.items() if key.lower().encode("latin-1") not in present]
            await send(message)

        await self.app(scope, receive, send_secured)


class _State:
    """The settings, limits and shared counters of one server process, and its handlers."""

    def __init__(self, settings: Settings, limits: ServeLimits) -> None:
        self.settings = settings.updated(progress=False)
        self.limits = limits
        self.rate = RateLimiter(limits.checks_per_minute)
        self.gate = CheckGate(limits.max_checks, limits.max_waiting)
        # one HTTP session (its cache, connections and per-host rate limits) for every lookup of the process
        self.session = None
        if self.settings.resolve and not self.settings.offline:
            from ..resolve import make_session

            self.session = make_session(self.settings)
        from .page import page_html

        self.page_text = page_html(limits, offline=self.session is None)

    # --- the page --------------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        return Response(self.page_text, media_type="text/html; charset=utf-8")

    async def asset(self, request: Request) -> Response:
        from .page import asset

        found = asset(request.path_params["name"])
        if found is None:
            return Response("Not found", status_code=404, media_type="text/plain")
        body, media_type = found
        return Response(body, media_type=media_type, headers={"Cache-Control": "max-age=3600"})

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "worker": os.getpid()})

    # --- checking an upload ----------------------------------------------------------------

    async def check(self, request: Request) -> Response:
        streaming = NDJSON in request.headers.get("accept", "")
        refused = self._refusal(request)
        if refused is not None:
            return refused
        try:
            data = await self._body(request)
        except _TooLarge:
            return self._too_large()
        except ClientDisconnect:
            return Response(status_code=400)
        if not data:
            return _error(400, "No file was sent. Choose your essay (.docx, .odt, .pdf, .txt or .md) and try again.")
        name = unquote(request.headers.get("x-essay-name", "")) or None
        if streaming:
            return StreamingResponse(self._stream(data, name), media_type=NDJSON,
                                     headers={"X-Accel-Buffering": "no"})
        try:
            await self.gate.enter()
        except Busy:
            return _busy()
        try:
            result = await asyncio.to_thread(check_upload, data, name, self.settings, session=self.session)
        except UploadError as error:
            return _error(422, str(error))
        finally:
            self.gate.leave()
        return JSONResponse(result.to_json())

    def _too_large(self) -> JSONResponse:
        return _error(413, f"The file is larger than {self.limits.max_upload_mb:g} MB, the most this page takes. "
                           "An essay is far smaller: check that you picked the right file.")

    def _refusal(self, request: Request) -> Response | None:
        """An answer that refuses the upload before any of it is read, else None."""
        wait = self.rate.try_take(request.client.host if request.client else "?")
        if wait:
            return _error(429, f"You have sent {self.limits.checks_per_minute} essays in the last minute, the "
                               f"most this page checks for one computer. Try again in {retry_after(wait)} seconds.",
                          headers={"Retry-After": retry_after(wait)})
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limits.max_upload_bytes):
            return self._too_large()
        return None

    async def _body(self, request: Request) -> bytes:
        """The body, refused as soon as it passes the size limit (whatever Content-Length said)."""
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.limits.max_upload_bytes:
                raise _TooLarge
            chunks.append(chunk)
        return b"".join(chunks)

    async def _stream(self, data: bytes, name: str | None) -> AsyncIterator[bytes]:
        """The page's answer: its place in the line while it waits, the lookups' progress, then the report."""
        waiting = self.gate.ahead()
        if waiting:
            yield _line({"event": "waiting", "ahead": waiting,
                         "message": f"{waiting} other essay{'s are' if waiting > 1 else ' is'} being checked "
                                    "before yours; it starts in a moment."})
        try:
            await self.gate.enter()
        except Busy:
            yield _line({"event": "error", "status": 503, "message": _BUSY})
            return
        task = None
        try:
            yield _line({"event": "checking"})
            loop, events = asyncio.get_running_loop(), asyncio.Queue()

            def progress(done: int, total: int) -> None:
                loop.call_soon_threadsafe(events.put_nowait, {"event": "progress", "done": done, "total": total})

            task = asyncio.ensure_future(asyncio.to_thread(check_upload, data, name, self.settings, progress,
                                                          session=self.session))
            while not task.done():
                getter = asyncio.ensure_future(events.get())
                await asyncio.wait({task, getter}, return_when=asyncio.FIRST_COMPLETED)
                if getter.done():
                    yield _line(getter.result())
                else:
                    getter.cancel()
            while not events.empty():
                yield _line(events.get_nowait())
            try:
                result = task.result()
            except UploadError as error:
                yield _line({"event": "error", "status": 422, "message": str(error)})
                return
            except Exception:  # noqa: BLE001 - one essay's crash must not stop the server
                yield _line({"event": "error", "status": 500, "message": _CRASHED})
                return
            yield _line({"event": "report", **result.to_json()})
        finally:
            if task is not None and not task.done():  # the page went away: its place frees when the check ends
                task.add_done_callback(lambda _: self.gate.leave())
            else:
                self.gate.leave()

    # --- the DOI citer ---------------------------------------------------------------------

    async def cite(self, request: Request) -> Response:
        try:
            body = await request.json()
            doi = str(body.get("doi", "")).strip() if isinstance(body, dict) else ""
        except (ValueError, UnicodeDecodeError):
            doi = ""
        if not doi or len(doi) > 300:
            return _error(400, "Paste a DOI (such as 10.1177/0146167217697299) or a doi.org link.")
        from .cite import cite_doi

        answer, status = await asyncio.to_thread(cite_doi, doi, self.settings, self.session)
        return JSONResponse(answer, status_code=status)


_BUSY = ("Too many essays are being checked right now. Wait a minute and send yours again; nothing of it "
         "was kept.")
_CRASHED = ("essaycheck failed on this essay (a fault in essaycheck, not in your essay). Please report it; "
            "the command line (essaycheck check) may still work.")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


def _busy() -> JSONResponse:
    return _error(503, _BUSY, headers={"Retry-After": "30"})


def _line(event: dict[str, Any]) -> bytes:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"

