from __future__ import annotations

import pytest

from softphone.identity import (
    MAX_DISPLAY_NAME,
    identity_from_message,
    number_of,
    sanitize_display_name,
    split_name_addr,
)


def _invite(*headers: str) -> str:
    return "\r\n".join(["INVITE sip:1000@example.com SIP/2.0", *headers, "", "v=0"])


@pytest.mark.parametrize(("raw", "clean"), [
    ("Alice", "Alice"),
    ("  Alice   Smith ", "Alice Smith"),
    ("Evil\x1b[31mRed\x07", "Evil[31mRed"),
    ("Tab\tand\nnewline", "Tab and newline"),
    ("Admin\u202egnp.exe", "Admingnp.exe"),
    ("zero\u200bwidth", "zerowidth"),
    ("<b>Boss</b>", "<b>Boss</b>"),  # kept as text: the UI never renders it as markup
    ('\\"quoted\\"', '"quoted"'),
])
def test_sanitize_display_name(raw: str, clean: str) -> None:
    assert sanitize_display_name(raw) == clean


def test_sanitize_caps_length_with_an_ellipsis() -> None:
    name = sanitize_display_name("A" * 5000)
    assert len(name) == MAX_DISPLAY_NAME
    assert name.endswith("…")


@pytest.mark.parametrize(("value", "expected"), [
    ('"Alice" <sip:2001@example.com>;tag=abc', ("Alice", "sip:2001@example.com")),
    ("Bob <sip:2002@example.com>", ("Bob", "sip:2002@example.com")),
    ("sip:2003@example.com;tag=x", ("", "sip:2003@example.com")),
    ('"<b>x</b>; <i>" <sip:1@h>', ("<b>x</b>; <i>", "sip:1@h")),
    ('"unterminated <sip:1@h>', ("unterminated <sip:1@h>", "")),
])
def test_split_name_addr(value: str, expected: tuple[str, str]) -> None:
    assert split_name_addr(value) == expected


@pytest.mark.parametrize(("uri", "number"), [
    ("sip:2001@example.com", "2001"),
    ("sips:+4670123@example.com;user=phone", "+4670123"),
    ("tel:+4670123;phone-context=x", "+4670123"),
    ("sip:example.com", ""),
    ("http://evil", ""),
    ("sip:%E2%80%AE123@h", "123"),
])
def test_number_of(uri: str, number: str) -> None:
    assert number_of(uri) == number


def test_identity_prefers_p_asserted_identity() -> None:
    message = _invite('From: "Spoofed" <sip:666@evil>;tag=1',
                      'P-Asserted-Identity: "Reception" <sip:2001@pbx>, <tel:+46812345>')
    identity = identity_from_message(message)
    assert (identity.display_name, identity.number, identity.asserted) == ("Reception", "2001", True)


def test_identity_keeps_from_name_when_pai_has_only_a_number() -> None:
    message = _invite('From: "Alice" <sip:2001@pbx>;tag=1', "P-Asserted-Identity: <tel:+46812345>")
    identity = identity_from_message(message)
    assert (identity.display_name, identity.number) == ("Alice", "+46812345")


def test_identity_from_compact_from_header_and_folded_lines() -> None:
    message = _invite("f: \"Folded\r\n Name\" <sip:2005@pbx>;tag=1")
    identity = identity_from_message(message)
    assert identity.display_name == "Folded Name"
    assert identity.label == "Folded Name"


def test_identity_of_a_message_without_from_is_empty() -> None:
    assert identity_from_message("INVITE sip:x@y SIP/2.0\r\n\r\n").label == ""


def test_an_untrusted_source_cannot_assert_an_identity_or_a_queue_id() -> None:
    message = _invite('From: "Spoofed" <sip:666@evil>;tag=1', "P-Asserted-Identity: <sip:112@pbx>",
                      "X-Switchboard-Queue-Id: q-1")
    trusted = identity_from_message(message)
    assert (trusted.number, trusted.asserted, trusted.queue_id, trusted.unverified) == ("112", True, "q-1", False)
    untrusted = identity_from_message(message, trusted=False)
    assert (untrusted.display_name, untrusted.number, untrusted.asserted, untrusted.queue_id) == \
        ("Spoofed", "666", False, "")
    assert untrusted.unverified
