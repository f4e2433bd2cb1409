"""The direct SearchResultEntry reader gives what ldap3's decoder gives, and declines anything else."""

from __future__ import annotations

from directory.sync.ber import message_id, search_entry
from directory.sync.decoding import _raw_entry, decode_fast


def tlv(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(raw)]) + raw + content


def integer(value: int) -> bytes:
    return tlv(0x02, value.to_bytes((value.bit_length() + 8) // 8 or 1, "big", signed=True))


def entry_message(mid: int, dn: bytes, attributes: list[tuple[bytes, list[bytes]]], controls: bytes = b"") -> bytes:
    partials = b"".join(
        tlv(0x30, tlv(0x04, name) + tlv(0x31, b"".join(tlv(0x04, v) for v in values))) for name, values in attributes
    )
    return tlv(0x30, integer(mid) + tlv(0x64, tlv(0x04, dn) + tlv(0x30, partials)) + controls)


ATTRIBUTES = [
    (b"cn", [b"Anna Karlsson"]),
    (b"telephoneNumber", [b"019-602 10 00", b"+46 19 602 10 01"]),
    (b"description", [b"x" * 200, "å".encode() * 40_000]),  # long and multi-byte lengths
    (b"mail", []),
    (b"entryUUID", [b"7f1c2a9e-0000-4000-8000-000000000001"]),
]


def ldap3_view(message: bytes) -> tuple[bytes, dict[str, list[bytes]]]:
    entry = _raw_entry(decode_fast(message))
    return entry["dn"].encode(), entry["raw_attributes"]


def test_reads_an_entry_exactly_as_ldap3_does() -> None:
    for mid in (1, 200, 70_000):
        message = entry_message(mid, "uid=å,ou=Röntgen,dc=example,dc=org".encode(), ATTRIBUTES)
        assert message_id(message) == mid
        assert search_entry(message, mid) == ldap3_view(message)


def test_invalid_utf8_dn_is_passed_on_as_bytes() -> None:
    message = entry_message(3, b"uid=\xff,dc=example,dc=org", ATTRIBUTES[:1])
    assert search_entry(message, 3) == (b"uid=\xff,dc=example,dc=org", {"cn": [b"Anna Karlsson"]})


def test_declines_other_ids_controls_other_operations_and_truncated_messages() -> None:
    message = entry_message(5, b"uid=a,dc=example,dc=org", ATTRIBUTES)
    assert search_entry(message, 6) is None
    assert search_entry(entry_message(5, b"uid=a", ATTRIBUTES, controls=tlv(0xA0, b"")), 5) is None
    done = tlv(0x30, integer(5) + tlv(0x65, tlv(0x0A, b"\x00") + tlv(0x04, b"") + tlv(0x04, b"")))
    assert search_entry(done, 5) is None
    assert message_id(done) == 5
    for cut in (1, 2, 10, len(message) // 2, len(message) - 1):
        assert search_entry(message[:cut], 5) is None
    assert message_id(b"") is None
    assert message_id(b"\x04\x00") is None
