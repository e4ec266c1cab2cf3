"""The real essaycheck web server, run in a thread on 127.0.0.1 for a test, and a small client.

Holds no tests; imported by test_serve*.py and test_browser_serve.py.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import requests

from essaycheck.serve import ServeLimits, create_app
from essaycheck.settings import Settings

NDJSON = "application/x-ndjson"


class RunningServer:
    """``create_app(settings, limits)`` served by uvicorn on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings, limits: ServeLimits | None = None, host: str = "127.0.0.1") -> None:
        import uvicorn

        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind((host, 0))
        self.listener.listen(64)
        self.app = create_app(settings, limits or ServeLimits())
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.listener]}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "RunningServer":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the essaycheck server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.listener.close()


def upload(base: str, path: Path | None = None, *, data: bytes | None = None, name: str | None = None,
           stream: bool = False, timeout: float = 30) -> requests.Response:
    """POST an essay to /api/check the way the page does (its name percent-encoded in a header)."""
    body = path.read_bytes() if data is None and path is not None else (data or b"")
    headers = {"Content-Type": "application/octet-stream"}
    if name is not None or path is not None:
        headers["X-Essay-Name"] = quote(name if name is not None else path.name)
    if stream:
        headers["Accept"] = NDJSON
    return requests.post(f"{base}/api/check", data=body, headers=headers, timeout=timeout)


def events(response: requests.Response) -> list[dict]:
    """The JSON lines of a streamed answer."""
    return [json.loads(line) for line in response.text.splitlines() if line.strip()]
