"""A leaner ldap3 response decoder for the sync: search entries as raw bytes only.

ldap3 decodes every search entry twice: once to raw bytes, once to text through a per-value
converter that looks up its configuration for each value. The planner decodes what it uses itself,
so the sync's connections build only the raw form. Everything else (bind, paging cookies, errors)
stays ldap3's. Search entries are read straight from the received bytes (directory.sync.ber)
instead of through ldap3's generic BER decoder; ldap3 still reads every other message, and any entry
the direct reader does not recognise. This relies on ldap3 2.9's internal strategy layout
(``receiving``/``_get_response``); ldap3 has had no release since 2021, and the integration tests
run it against a real slapd.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import directory.sync._ldap3  # noqa: F401 - first: it imports ldap3 quietly (see the module)

# isort: split
from ldap3 import Connection
from ldap3.utils.asn1 import decode_message_fast

from directory.sync import ber

_SEARCH_RESULT_ENTRY = 4


def decode_fast(message: bytes) -> dict[str, Any]:
    """ldap3's own decoder (the fallback, and the reference the direct reader is tested against)."""
    decoded: dict[str, Any] = decode_message_fast(message)
    return decoded


def _entry(dn: bytes, raw_attributes: dict[str, list[bytes]]) -> dict[str, Any]:
    # DNs are UTF-8 (RFC 4514); a broken one must not end the sync: the planner reports it.
    return {"type": "searchResEntry", "dn": dn.decode("utf-8", "replace"), "raw_attributes": raw_attributes,
            "attributes": {}}


def _raw_entry(ldap_message: dict[str, Any]) -> dict[str, Any]:
    payload = ldap_message["payload"]
    return _entry(
        bytes(payload[0][3]),
        {
            bytes(attribute[3][0][3]).decode("ascii", "replace"): [bytes(v[3]) for v in attribute[3][1][3]]
            for attribute in payload[1][3]
        },
    )


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
    _read_entries_directly(strategy)


def _read_entries_directly(strategy: Any) -> None:
    """Take the search entries of the awaited operation out of each received batch, decoded here,
    and hand ldap3 only the other messages (the result, referrals, notices of disconnection).

    The entries go in front of ldap3's list of responses, in the order received; search
    references, which the sync ignores, end up after them.
    """
    receiving: Callable[[], list[bytes]] = strategy.receiving
    get_response: Callable[[int, Any], Any] = strategy._get_response
    entries: list[dict[str, Any]] = []
    awaited: list[int] = []  # the message id _get_response is waiting for, while it waits

    def receive(self: Any) -> list[bytes]:
        while True:
            messages = receiving()
            if not messages or not awaited:
                return messages
            others: list[bytes] = []
            for message in messages:
                data = bytes(message)
                found = ber.search_entry(data, awaited[0])
                if found is not None:
                    entries.append(_entry(*found))
                elif ber.message_id(data) == awaited[0]:
                    decoded = decode_fast(data)
                    if decoded["protocolOp"] == _SEARCH_RESULT_ENTRY:  # e.g. one with controls
                        entries.append(self.decode_response_fast(decoded))
                    else:
                        others.append(message)
                else:
                    others.append(message)
            # An empty batch would tell ldap3 the server hung up: read on until a non-entry arrives.
            if others:
                return others

    def _get_response(self: Any, message_id: int, timeout: Any) -> Any:
        entries.clear()
        awaited[:] = [message_id]
        try:
            responses = get_response(message_id, timeout)
        finally:
            awaited.clear()
        if isinstance(responses, list) and entries:
            responses = entries[:] + responses
        entries.clear()
        return responses

    strategy.receiving = types.MethodType(receive, strategy)
    strategy._get_response = types.MethodType(_get_response, strategy)
