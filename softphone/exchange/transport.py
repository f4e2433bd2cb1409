"""Connections to the exchange's queue: plain, or TLS verified against the system's CAs or a CA file.

With an https:// URL both the API (Kamailio's tls module) and the event stream (stunnel in front of evapi)
are TLS, and the certificate must be trusted and name the host the URL names.
"""

from __future__ import annotations

import socket
import ssl
from pathlib import Path


class UntrustedError(ConnectionError):
    """The exchange's certificate could not be verified (wrong CA, wrong host name, expired...)."""


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """A client context that verifies the server: against `ca_file` (PEM) when given, else the system's
    CAs. Raises ValueError naming the file when it cannot be read as certificates."""
    path = Path(ca_file).expanduser() if ca_file else None
    try:
        context = ssl.create_default_context(cafile=str(path) if path else None)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"CA file {path} cannot be read as PEM certificates: {exc}") from None
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def untrusted(where: str, exc: ssl.SSLCertVerificationError, ca_file: str) -> UntrustedError:
    """The error a console shows: what failed and which CA it was checked against."""
    against = f"the CA file {ca_file}" if ca_file else "the system's CAs"
    reason = exc.verify_message or exc.reason or str(exc)
    return UntrustedError(f"{where}: the exchange's certificate is not trusted ({reason}; checked against "
                          f"{against}: set [exchange] ca_file to the CA that signed it)")


def connect(host: str, port: int, *, timeout: float, context: ssl.SSLContext | None,
            ca_file: str = "") -> socket.socket:
    """A connected socket, TLS-wrapped (handshake done, certificate verified) when `context` is given."""
    sock = socket.create_connection((host, port), timeout=timeout)
    if context is None:
        return sock
    try:
        return context.wrap_socket(sock, server_hostname=host)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        raise untrusted(f"{host}:{port}", exc, ca_file) from None
    except BaseException:
        sock.close()
        raise
