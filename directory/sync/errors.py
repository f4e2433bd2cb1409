"""What can go wrong in a directory sync, each error saying whether retrying soon can help."""

from __future__ import annotations


class SyncError(Exception):
    """A sync failed and the store was left as it was; the message names the source and the reason.

    ``transient`` tells the scheduler whether a quick retry may help (an unreachable server) or
    only a change of configuration will (a wrong password: retrying fast would lock the account).
    """

    transient = True

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"directory source {source!r}: {message}")
        self.source, self.message = source, message

    def __reduce__(self) -> tuple[type[SyncError], tuple[str, str]]:
        # Raised in the sync's worker process and re-raised in the app's: pickled with its own arguments.
        return type(self), (self.source, self.message)


class LdapConfigError(SyncError):
    """The source's settings are unusable; raised before any network traffic."""

    transient = False


class LdapUnavailableError(SyncError):
    """No server of the source could be reached, or the connection was lost during the sync."""


class LdapAuthError(SyncError):
    """The server refused the bind (wrong DN or password, locked account)."""

    transient = False


class LdapTlsError(SyncError):
    """TLS could not be set up or the server's certificate was not trusted."""

    transient = False


class LdapSearchError(SyncError):
    """The server refused a search (a base DN that does not exist, a limit, a filter it rejects)."""

    transient = False
