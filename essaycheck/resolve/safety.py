"""The address guard: essay URLs may only reach public internet addresses.

The check runs after DNS resolution and again before every redirect hop, so a
public name that resolves to, or redirects to, 127.0.0.1, 10.x or the cloud
metadata address 169.254.169.254 is refused before any connection is made.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")

# Shared address space (RFC 6598) is not flagged private by ipaddress but is not public either.
_EXTRA_FORBIDDEN = (ipaddress.ip_network("100.64.0.0/10"),)


class UnsafeURL(Exception):
    """The URL may not be fetched: wrong scheme, or it leads to a non-public address."""

    def __init__(self, message: str, *, address: str = "", literal: bool = False):
        super().__init__(message)
        self.address = address
        self.literal = literal  # the URL itself names the address ("localhost", "10.0.0.1")


class UnknownHost(Exception):
    """DNS has no address for the host name."""


def is_forbidden_address(ip: str) -> bool:
    """True for loopback, private, link-local, multicast, reserved and unspecified addresses."""
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return True
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_forbidden_address(str(mapped))
    return (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_loopback
        or address.is_link_local
        or address.is_private
        or address.is_unspecified
        or any(address in net for net in _EXTRA_FORBIDDEN)
    )


@dataclass(frozen=True)
class Guard:
    """Which destinations one request may reach. ``allow_private`` turns the guard off."""

    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()

    def _exempt(self, ip: str) -> bool:
        address = ipaddress.ip_address(ip.split("%", 1)[0])
        return any(address in ipaddress.ip_network(n, strict=False) for n in self.allowed_networks)

    def check(self, url: str) -> None:
        """Raise :class:`UnsafeURL` or :class:`UnknownHost` unless ``url`` may be fetched."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise UnsafeURL(f"only http and https addresses are checked, not {parts.scheme or 'this'}")
        host = parts.hostname
        if not host:
            raise UnsafeURL("the address has no host name")
        literal = _is_ip(host) or host.lower() == "localhost" or host.lower().endswith(".localhost")
        for ip in resolve_host(host, parts.port or (443 if parts.scheme == "https" else 80)):
            if self.allow_private or self._exempt(ip):
                continue
            if is_forbidden_address(ip):
                raise UnsafeURL(f"{host} leads to a private or local address ({ip})", address=ip, literal=literal)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to; :class:`UnknownHost` when there is none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnknownHost(f"the domain {host} was not found") from exc
    addresses = sorted({info[4][0] for info in infos})
    if not addresses:
        raise UnknownHost(f"the domain {host} was not found")
    return addresses


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True
