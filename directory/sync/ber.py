"""A direct BER reader for one LDAP SearchResultEntry message, for the sync's hot path.

ldap3's "fast" decoder walks every element generically (a tuple and a dispatch per element, ~26
elements per directory entry) and took about a third of a full sync. A search entry has a fixed
shape (RFC 4511 4.5.2), so this reads it with index arithmetic instead. Anything else, or anything
unexpected (controls, an unusual encoding, a truncated message), returns None and goes through
ldap3 as before.
"""

from __future__ import annotations

_SEQUENCE, _SET, _OCTET_STRING, _INTEGER = 0x30, 0x31, 0x04, 0x02
_SEARCH_RESULT_ENTRY = 0x64  # [APPLICATION 4], constructed


def _length(message: bytes, i: int) -> tuple[int, int]:
    """The length at ``i`` and where the content starts (definite form only, as LDAP requires)."""
    first = message[i]
    if first < 0x80:
        return first, i + 1
    count = first & 0x7F
    if not 0 < count <= 4:
        raise ValueError("unsupported BER length")
    return int.from_bytes(message[i + 1 : i + 1 + count], "big"), i + 1 + count


def message_id(message: bytes) -> int | None:
    """The messageID of an LDAPMessage, or None when it does not start like one."""
    try:
        if message[0] != _SEQUENCE:
            return None
        _total, i = _length(message, 1)
        if message[i] != _INTEGER:
            return None
        size, i = _length(message, i + 1)
        return int.from_bytes(message[i : i + size], "big", signed=True)
    except (IndexError, ValueError):
        return None


def search_entry(message: bytes, expected_id: int) -> tuple[bytes, dict[str, list[bytes]]] | None:
    """(DN bytes, attribute name -> raw values) of a SearchResultEntry for ``expected_id``
    without controls, or None for any other message (left to ldap3)."""
    try:
        return _search_entry(message, expected_id)
    except (IndexError, ValueError):
        return None


def _search_entry(message: bytes, expected_id: int) -> tuple[bytes, dict[str, list[bytes]]] | None:
    if message[0] != _SEQUENCE:
        return None
    total, i = _length(message, 1)
    if i + total != len(message) or message[i] != _INTEGER:
        return None
    size, i = _length(message, i + 1)
    if int.from_bytes(message[i : i + size], "big", signed=True) != expected_id:
        return None
    i += size
    if message[i] != _SEARCH_RESULT_ENTRY:
        return None
    size, i = _length(message, i + 1)
    if i + size != len(message):  # controls follow the operation: ldap3 handles those
        return None
    if message[i] != _OCTET_STRING:
        return None
    size, i = _length(message, i + 1)
    dn = message[i : i + size]
    i += size
    if message[i] != _SEQUENCE:
        return None
    size, i = _length(message, i + 1)
    end = i + size
    attributes: dict[str, list[bytes]] = {}
    while i < end:
        if message[i] != _SEQUENCE:
            return None
        size, i = _length(message, i + 1)
        attribute_end = i + size
        if message[i] != _OCTET_STRING or message[i + 1] >= 0x80:  # names are short
            return None
        size, i = message[i + 1], i + 2
        name = message[i : i + size].decode("ascii", "replace")
        i += size
        if message[i] != _SET:
            return None
        size, i = _length(message, i + 1)
        values_end = i + size
        values: list[bytes] = []
        while i < values_end:
            if message[i] != _OCTET_STRING:
                return None
            size = message[i + 1]
            if size < 0x80:  # the short form, inline: most values are under 128 bytes
                i += 2
            else:
                size, i = _length(message, i + 1)
            values.append(message[i : i + size])
            i += size
        if i != attribute_end:
            return None
        attributes[name] = values
    if i != end:
        return None
    return dn, attributes
