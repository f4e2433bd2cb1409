"""Recipients are checked before anything is queued: numbers by phonenumbers, addresses, pager call numbers."""

from __future__ import annotations

import pytest

from messaging.model import Channel, MessageError
from messaging.recipients import check_recipient


@pytest.mark.parametrize(("raw", "e164"), [("070-123 45 67", "+46701234567"), ("+47 900 12 345", "+4790012345"),
                                           ("0046 70 123 45 67", "+46701234567")])
def test_mobile_numbers_in_sweden_and_norway_become_e164(raw: str, e164: str) -> None:
    assert check_recipient(Channel.SMS, raw).address == e164


@pytest.mark.parametrize(("raw", "problem"), [
    ("1234", "not a complete phone number"),
    ("070-123", "not a complete phone number"),
    ("+49 151 23456789", "a number in DE; SMS go only to NO, SE"),
    ("019-602 10 00", "not a mobile number"),
    ("070 123 45 67\r\nBcc: x@example.se", "line break"),
])
def test_bad_numbers_are_named(raw: str, problem: str) -> None:
    with pytest.raises(MessageError, match=problem):
        check_recipient(Channel.SMS, raw)


@pytest.mark.parametrize("raw", ["anna@example.se\r\nBcc: all@example.se", "anna@example.se\nX: y", "Anna <a@b.se>",
                                 "a@b", "a b@example.se", "a@example.se,b@example.se", ""])
def test_email_addresses_that_could_inject_headers_are_refused(raw: str) -> None:
    with pytest.raises(MessageError, match="not an e-mail address"):
        check_recipient(Channel.EMAIL, raw)


def test_a_name_with_a_line_break_is_refused() -> None:
    with pytest.raises(MessageError, match="line break"):
        check_recipient(Channel.EMAIL, "anna@example.se", name="Anna\r\nBcc: all@example.se")


def test_pager_numbers_are_digits() -> None:
    assert check_recipient(Channel.PAGER, " 4711 ").address == "4711"
    with pytest.raises(MessageError, match="pager or DECT call number"):
        check_recipient(Channel.PAGER, "47\x0311")
