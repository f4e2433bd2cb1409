"""Streaming a paged subtree search: one page in memory at a time, raw attribute values (bytes)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import directory.sync._ldap3  # noqa: F401 - first: it imports ldap3 quietly (see the module)

# isort: split
from ldap3 import SUBTREE, Connection
from ldap3.core.exceptions import (
    LDAPCommunicationError,
    LDAPException,
    LDAPNoSuchObjectResult,
    LDAPOperationResult,
    LDAPSessionTerminatedByServerError,
    LDAPSocketReceiveError,
)

from directory.sync.errors import LdapSearchError, LdapUnavailableError
from directory.sync.requests import SearchRequest

PAGED_RESULTS = "1.2.840.113556.1.4.319"
Record = tuple[str, dict[str, Sequence[bytes]]]


def paged_search(
    connection: Connection, request: SearchRequest, *, source: str, server: str, page_size: int
) -> Iterator[list[Record]]:
    """Yields the results page by page as (dn, raw attributes).

    Errors become SyncErrors naming the server: a lost connection is LdapUnavailableError (worth a
    retry), a refusal (no such base DN, a limit) LdapSearchError.
    """
    cookie: bytes | None = None
    while True:
        try:
            connection.search(
                request.base,
                request.filter,
                search_scope=SUBTREE,
                attributes=list(request.attributes),
                paged_size=page_size,
                paged_cookie=cookie,
            )
        except LDAPNoSuchObjectResult as exc:
            raise LdapSearchError(source, f"base DN {request.base!r} does not exist on {server}") from exc
        except LDAPOperationResult as exc:
            raise LdapSearchError(
                source, f"{server} refused the search under {request.base!r}: {exc.description} {exc.message}"
            ) from exc
        except (
            LDAPCommunicationError,
            LDAPSessionTerminatedByServerError,
            LDAPSocketReceiveError,
            OSError,
        ) as exc:
            raise LdapUnavailableError(source, f"lost the connection to {server} during the sync: {exc}") from exc
        except LDAPException as exc:
            raise LdapUnavailableError(source, f"search on {server} failed: {exc}") from exc
        page: list[Record] = [
            (item["dn"], item["raw_attributes"])
            for item in connection.response or ()
            if item.get("type") == "searchResEntry"
        ]
        yield page
        controls = connection.result.get("controls") or {}
        cookie = controls.get(PAGED_RESULTS, {}).get("value", {}).get("cookie")
        if not cookie:
            return
