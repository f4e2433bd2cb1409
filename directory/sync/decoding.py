"""A leaner ldap3 response decoder for the sync: search entries as raw bytes only.

ldap3 decodes every search entry twice: once to raw bytes, once to text through a per-value
converter that looks up its configuration for each value. The planner decodes what it uses itself,
so the sync's connections build only the raw form. Everything else (bind, paging cookies, errors)
stays ldap3's. This relies on ldap3 2.9's internal message layout; ldap3 has had no release since
2021, and the integration tests run it against a real slapd.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from ldap3 import Connection

_SEARCH_RESULT_ENTRY = 4


def _raw_entry(ldap_message: dict[str, Any]) -> dict[str, Any]:
    payload = ldap_message["payload"]
    return {
        "type": "searchResEntry",
        # DNs are UTF-8 (RFC 4514); a broken one must not end the sync: the planner reports it.
        "dn": bytes(payload[0][3]).decode("utf-8", "replace"),
        "raw_attributes": {
            bytes(attribute[3][0][3]).decode("ascii", "replace"): [bytes(v[3]) for v in attribute[3][1][3]]
            for attribute in payload[1][3]
        },
        "attributes": {},
    }


def use_raw_entries(connection: Connection) -> None:
    """Make ``connection`` decode search entries to ``dn`` and ``raw_attributes`` only.

    The connection needs ``auto_range=False`` and ``return_empty_attributes=False``: those ldap3
    post-processing steps expect the decoded ``attributes`` this does not build.
    """
    strategy = connection.strategy
    original: Callable[[dict[str, Any]], dict[str, Any]] = strategy.decode_response_fast

    def decode_response_fast(self: Any, ldap_message: dict[str, Any]) -> dict[str, Any]:
        if ldap_message["protocolOp"] != _SEARCH_RESULT_ENTRY or ldap_message["controls"]:
            return original(ldap_message)
        return _raw_entry(ldap_message)

    # An instance attribute: ldap3's receive loop calls self.decode_response_fast(...).
    strategy.decode_response_fast = types.MethodType(decode_response_fast, strategy)
