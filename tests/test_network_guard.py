"""The guard in conftest.py: tests can reach this machine and nothing else."""

import socket

import pytest
from conftest import NetworkUsed


def test_connections_elsewhere_are_refused_before_any_packet():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkUsed):
        sock.connect(("192.0.2.1", 443))  # TEST-NET-1, never reached: the guard refuses first


def test_lookups_elsewhere_are_refused_and_loopback_works():
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("api.crossref.org", 443)
    assert socket.getaddrinfo("127.0.0.1", 80) and socket.getaddrinfo("localhost", 80)
