"""``essaycheck serve``: the web page on this machine (or, with --host, for a class)."""

from __future__ import annotations

import argparse
import socket
import sys
import threading
from pathlib import Path

from ..errors import InputError
from .common import EXIT_CLEAN, add_settings_options, settings_from_args

DESCRIPTION = """\
Start the web page: drop an essay on it and read the report, download the essay with a comment
at each problem and the corrected reference list, or paste a DOI to get its APA 7 entry.

By default it listens on 127.0.0.1 only (this computer) on a free port and opens the page in
your browser. --host 0.0.0.0 serves a class: the [serve] table of the configuration sets the
upload size limit, the checks run at once and the checks per minute per client. It has no
authentication and no TLS: put it behind a reverse proxy for that (see the README).
Ctrl-C stops it. Exit status: 0 stopped, 2 bad options or the port is taken."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("serve", help="the web page for students (drop an essay, get the report)",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: every interface)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="do not open the page")
    add_settings_options(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..serve import create_app
    from ..serve.limits import ServeLimits, load_limits

    settings = settings_from_args(args, Path.cwd())
    limits = load_limits(Path.cwd(), getattr(args, "config", None)) if not args.isolated else None
    listener = _listen(args.host, args.port)
    host, port = listener.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    config = uvicorn.Config(create_app(settings, limits or ServeLimits()), log_level="warning",
                            access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    where = "this computer only" if host in ("127.0.0.1", "::1", "localhost") else f"every address of {host}"
    print(f"essaycheck serve: {address} ({where}); Ctrl-C stops it", flush=True)
    if args.browser:
        threading.Thread(target=_open_when_ready, args=(server, address), daemon=True).start()
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:  # uvicorn raises Ctrl-C again once it has shut down: the normal way to stop
        pass
    finally:
        listener.close()
    print("essaycheck serve: stopped", file=sys.stderr)
    return EXIT_CLEAN


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: a free port), or InputError with the reason."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port}: a port is a number from 1 to 65535 (or 0 for a free one)")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as error:
        raise InputError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return listener


def _open_when_ready(server, address: str) -> None:
    import time
    import webbrowser

    for _ in range(200):
        if server.started:
            webbrowser.open(address)
            return
        time.sleep(0.05)
