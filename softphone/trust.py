"""The console's trust domain (RFC 3325): which addresses may offer it calls and assert who is calling.

Trusted are the servers the console is configured to use (registrar, secondary registrar, outbound
proxy, the exchange's queue) and whatever IT lists in `[sip] trusted`. A configured server is trusted
by its address alone, any port: a PBX sends over UDP from its listening port but opens TCP/TLS
connections from ephemeral ones, and a UDP source port is no harder to forge than the address. An
entry of `trusted` may be a host (any port), host:port (that port only) or a CIDR network.

Host names are resolved by `refresh()` (at start and after each registration, so a renumbered PBX is
followed); until a name resolves, nothing is trusted in its name. Pure apart from the resolver, which
is passed in.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from softphone.addressing import host_port

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]


@dataclass(frozen=True)
class TrustEntry:
    """One trusted source as configured: a network (a single address is a /32 or /128) or a host name,
    and a port when only that port is trusted."""

    text: str
    network: Network | None
    host: str  # a name to resolve when `network` is None
    port: int | None


def parse_trust_entry(text: str) -> TrustEntry:
    """A `[sip] trusted` entry: "192.0.2.5", "pbx.example.org:5060", "[2001:db8::5]:5060", "192.0.2.0/24".
    Raises ValueError saying what is wrong with it."""
    entry = text.strip()
    if not entry or any(ch.isspace() for ch in entry) or entry.lower().startswith(("sip:", "sips:")):
        raise ValueError(f"{text!r} is not a host, host:port or network (e.g. 192.0.2.0/24)")
    if "/" in entry:
        try:
            return TrustEntry(text, ipaddress.ip_network(entry, strict=False), "", None)
        except ValueError as error:
            raise ValueError(f"{text!r} is not a network: {error}") from None
    network = _network(entry)  # first as a whole: a bare IPv6 address has colons
    if network is not None:
        return TrustEntry(text, network, "", None)
    host, port = _split(entry)
    network = _network(host)
    if network is not None:
        return TrustEntry(text, network, "", port)
    if not all(part and (part.isalnum() or set(part) <= _NAME_CHARS) for part in host.split(".")):
        raise ValueError(f"{text!r} is not a host name, address or network")
    return TrustEntry(text, None, host.lower(), port)


_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


def _network(text: str) -> Network | None:
    """The network an address or network text names (a lone address is a /32 or /128), else None."""
    try:
        return ipaddress.ip_network(text.partition("%")[0])
    except ValueError:
        return None


def _split(entry: str) -> tuple[str, int | None]:
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port_text = rest.removeprefix(":")
    else:
        host, _, port_text = entry.partition(":")
    if not port_text:
        return host, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"{entry!r}: the port must be a number from 1 to 65535")
    return host, int(port_text)


def resolve_host(host: str) -> list[str]:
    """The addresses `host` resolves to now (empty when it does not); may block briefly on a slow resolver."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_DGRAM)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def source_address(source: str) -> tuple[Address, int] | None:
    """(address, port) of pjsip's "ip:port" / "[v6]:port" source text; None when it is not one."""
    host, port = host_port(source, default_port=0)
    try:
        return ipaddress.ip_address(host.partition("%")[0]), port
    except ValueError:
        return None


class TrustedSources:
    """Decides whether a request's source address belongs to the trust domain."""

    def __init__(self, servers: Iterable[str], trusted: Sequence[str], *,
                 resolve: Resolver = resolve_host) -> None:
        hosts = (server.strip() if _network(server.strip()) else host_port(server)[0]  # a bare IPv6 address
                 for server in servers if server.strip())
        self._entries = [*(TrustEntry(h, None, h, None) for h in hosts), *map(parse_trust_entry, trusted)]
        self._resolve = resolve
        self._resolved: list[tuple[Network, int | None]] = []
        self.unresolved: tuple[str, ...] = ()
        for entry in self._entries:  # addresses need no lookup: trusted from the start
            network = entry.network or _network(entry.host)
            if network is not None:
                self._resolved.append((network, entry.port))

    def refresh(self) -> tuple[str, ...]:
        """Resolve the host names again; returns those that resolved to nothing (to be logged)."""
        resolved: list[tuple[Network, int | None]] = []
        missing: list[str] = []
        for entry in self._entries:
            network = entry.network or _network(entry.host)
            if network is not None:
                resolved.append((network, entry.port))
                continue
            networks = [n for n in map(_network, self._resolve(entry.host)) if n is not None]
            if not networks:
                missing.append(entry.text)
            resolved += [(n, entry.port) for n in networks]
        self._resolved, self.unresolved = resolved, tuple(missing)
        return self.unresolved

    def trusts(self, source: str) -> bool:
        """True when `source` ("ip:port" as pjsip gives it) is in the trust domain."""
        parsed = source_address(source)
        if parsed is None:
            return False
        address, port = parsed
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return any(address in network and (wanted is None or wanted == port)
                   for network, wanted in self._resolved)
