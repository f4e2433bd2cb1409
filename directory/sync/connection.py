"""Opening a bound, read-only ldap3 connection: servers tried in order, TLS verified by default."""

from __future__ import annotations

import contextlib
import math
import re
import ssl
from dataclasses import dataclass
from typing import Any

import directory.sync._ldap3  # noqa: F401 - first: it imports ldap3 quietly (see the module)

# isort: split
from ldap3 import ANONYMOUS, NONE, SIMPLE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPBindError, LDAPException, LDAPOperationResult

from directory.sync.decoding import use_raw_entries
from directory.sync.errors import LdapAuthError, LdapTlsError, LdapUnavailableError
from directory.sync.settings import LdapSourceSettings


class _StdlibTls(Tls):  # type: ignore[misc]  # ldap3 ships no type hints
    """ldap3's Tls with the standard library doing the hostname check.

    ldap3 2.9 turns off the SSL context's own check and calls the deprecated ``ssl.match_hostname``
    instead; this lets ``create_default_context`` verify chain and name (IP addresses included).
    """

    def __init__(self, *, verify: bool, ca_file: str | None) -> None:
        super().__init__(validate=ssl.CERT_REQUIRED if verify else ssl.CERT_NONE, ca_certs_file=ca_file)
        self._verify = verify

    def wrap_socket(self, connection: Any, do_handshake: bool = False) -> None:
        context = ssl.create_default_context(cafile=self.ca_certs_file)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        if not self._verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        connection.socket = context.wrap_socket(
            connection.socket,
            server_hostname=connection.server.host,
            do_handshake_on_connect=do_handshake,
        )


def _server(url: str, settings: LdapSourceSettings) -> Server:
    tls = _StdlibTls(verify=settings.verify, ca_file=str(settings.ca_file) if settings.ca_file else None)
    # get_info=NONE: reading the schema and root DSE costs round trips and the sync needs neither.
    return Server(url, get_info=NONE, tls=tls, connect_timeout=settings.timeout)


def _reason(exc: BaseException) -> str:
    """The cause in words: the LDAP result, or the innermost error (ldap3 wraps socket errors)."""
    if isinstance(exc, LDAPOperationResult):
        return f"{exc.description}: {exc.message}" if exc.message else str(exc.description)
    text = str(exc) or type(exc).__name__
    # ldap3 re-creates socket errors from their text, so the SSL details survive only in the message.
    verify = re.search(r"certificate verify failed: ([^(]*)", text)
    if verify:
        return f"certificate not trusted ({verify.group(1).strip().replace(chr(92), '')})"
    if "hostname mismatch" in text or "doesn't match" in text:
        return "certificate does not name this server"
    return text.replace("\n", " ")


def _is_certificate_failure(exc: BaseException) -> bool:
    return "certificate" in str(exc).lower() or isinstance(exc, ssl.SSLError)


@dataclass(frozen=True, slots=True)
class Bound:
    """A bound connection, the URL of its server, and why the servers before it were skipped."""

    connection: Connection
    server: str
    skipped: tuple[str, ...] = ()


def connect(settings: LdapSourceSettings) -> Bound:
    """A bound connection to the first server that answers with a trusted certificate.

    A server that cannot be reached, or whose TLS fails, is skipped for the next (the skips are
    reported, so a broken certificate on one domain controller is seen but does not stop the
    sync). A refused bind is raised at once: the next server would refuse it too, and retried
    binds lock accounts. When no server is usable, raises LdapTlsError if any failed on TLS, else
    LdapUnavailableError, naming every server tried and why.
    """
    failures: list[str] = []
    tls_failed = False
    for url in settings.urls:
        connection = Connection(
            _server(url, settings),
            user=settings.bind_dn or None,
            password=settings.password or None,
            authentication=SIMPLE if settings.bind_dn else ANONYMOUS,
            read_only=True,
            raise_exceptions=True,
            # ldap3 packs this into a timeval on Linux and needs whole seconds.
            receive_timeout=max(1, math.ceil(settings.timeout)),
            return_empty_attributes=False,
            check_names=False,
            # AD answers searches at a domain root with referrals to other partitions; following
            # them would open unverified connections to other hosts.
            auto_referrals=False,
            # Ranged values (AD, > 1,500 values) are more than the sync keeps anyway; off for the raw decoder.
            auto_range=False,
        )
        use_raw_entries(connection)
        try:
            connection.open()  # for ldaps:// this includes the TLS handshake
            if settings.start_tls:
                _start_tls(connection)
        except _StartTlsError as exc:
            close(connection)
            tls_failed = True
            failures.append(f"StartTLS with {url} failed: {_reason(exc.__cause__ or exc)}")
            continue
        except (LDAPException, OSError) as exc:
            close(connection)
            if url.lower().startswith("ldaps:") and _is_certificate_failure(exc):
                tls_failed = True
                failures.append(f"TLS with {url} failed: {_reason(exc)}")
            else:
                failures.append(f"{url}: {_reason(exc)}")
            continue
        try:
            connection.bind()
        except (LDAPBindError, LDAPOperationResult) as exc:
            close(connection)
            raise LdapAuthError(
                settings.name, f"{url} refused the bind as {settings.bind_dn or 'anonymous'}: {_reason(exc)}"
            ) from exc
        except (LDAPException, OSError) as exc:
            close(connection)
            failures.append(f"{url}: {_reason(exc)}")
            continue
        return Bound(connection, url, tuple(failures))
    if tls_failed:
        raise LdapTlsError(settings.name, "; ".join(failures))
    raise LdapUnavailableError(settings.name, "no server reachable (" + "; ".join(failures) + ")")


class _StartTlsError(Exception):
    """StartTLS was refused or its handshake failed."""


def _start_tls(connection: Connection) -> None:
    try:
        connection.start_tls()
    except (LDAPException, OSError) as exc:
        raise _StartTlsError from exc


def close(connection: Connection) -> None:
    """Unbind, ignoring a connection that is already gone; ldap3 leaves the socket of a failed
    open() unclosed, so close that too."""
    with contextlib.suppress(LDAPException, OSError):
        connection.unbind()
    sock = getattr(connection, "socket", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.close()
