"""TLS to a shared PostgreSQL store: verified whenever the server is not on this computer.

A store on loopback (127.0.0.0/8, ::1, localhost) or a Unix socket is left as configured. Any other host
gets `sslmode=verify-full` (the server's certificate checked against trusted CAs and its name) unless the
URL asks for `verify-ca` or `verify-full` itself; a weaker mode (disable, allow, prefer, require) is refused
with the reason, since referrals and call-backs are personal data. Without `sslrootcert` in the URL the
system's CAs are trusted (`sslrootcert=system`, libpq 16 and later); a private CA is named in the URL:
`...?sslrootcert=/etc/switchboard/db-ca.pem`.
"""

from __future__ import annotations

import ipaddress

from sqlalchemy.engine import make_url

VERIFIED = ("verify-ca", "verify-full")


class StoreTlsError(ValueError):
    """The URL would talk to a remote store without verifying it; the message says what to change."""


def on_this_computer(host: str | None) -> bool:
    if not host or host.startswith("/") or host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def verified_url(url: str) -> str:
    """`url` with TLS verification asked for when the store is remote; other URLs unchanged."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or on_this_computer(parsed.host):
        return url
    query = dict(parsed.query)
    mode = str(query.get("sslmode", "verify-full"))
    if mode not in VERIFIED:
        raise StoreTlsError(f"the store {parsed.host} is not on this computer, so its certificate must be verified: "
                            f"store.url asks for sslmode={mode}; use verify-full (or leave sslmode out)")
    query["sslmode"] = mode
    query.setdefault("sslrootcert", "system")
    return parsed.set(query=query).render_as_string(hide_password=False)
