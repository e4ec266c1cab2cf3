"""Tests talk only to this machine: in the test process, connections and name lookups elsewhere fail.

The test data is full of DOIs and links written as students write them (``doi:10.…``,
``http://dx.doi.org/10.…``); this guard is what makes sure none of them is ever fetched. The
HTTP tests use a real server on 127.0.0.1, and the resolver's endpoints are pointed at it; the
commands the tests start in a subprocess run with --no-resolve or against that server too.
"""

import ipaddress
import socket

import pytest

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_local(host) -> bool:
    if host is None or isinstance(host, (bytes, bytearray)) and not host:
        return True  # AI_PASSIVE lookups, as servers binding a port make
    host = host.decode() if isinstance(host, (bytes, bytearray)) else str(host)
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkUsed(AssertionError):
    """A test tried to reach a host that is not this machine."""


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    real_connect, real_connect_ex, real_lookup = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def guarded(real):
        def connect(sock, address):
            if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
                raise NetworkUsed(f"a test tried to connect to {address[0]}; tests use 127.0.0.1 only")
            return real(sock, address)
        return connect

    def lookup(host, *args, **kwargs):
        if not _is_local(host):
            # refused before any DNS query leaves the machine, as for a name that does not exist
            raise socket.gaierror(socket.EAI_NONAME, f"{host}: no lookups outside this machine in tests")
        return real_lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    yield

