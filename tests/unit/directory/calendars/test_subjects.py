"""Subject codes ("LUN:", "MÖT:", "MØT:", "SEM:") and what may be shown of a calendar event."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from directory.calendars import BusyBlock, BusyStatus, SubjectRules, apply_rules

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _block(subject: str | None, **kwargs: object) -> BusyBlock:
    return BusyBlock(datetime(2026, 11, 23, 12, tzinfo=STOCKHOLM), datetime(2026, 11, 23, 13, tzinfo=STOCKHOLM),
                     subject=subject, location="Rum 4" if subject else None, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("subject", "code"), [
    ("LUN: med Bosse", "lunch"), ("lun:", "lunch"), ("  MÖT: Budget", "meeting"), ("möt : Budget", "meeting"),
    ("MØT: Budsjett", "meeting"), ("SEM: Lappland", "vacation"), ("Lunch with Bob", None), ("LUNCH: x", None),
    ("Re: LUN: x", None), ("", None), ("MÖTE: x", None),
])
def test_default_prefixes(subject: str, code: str | None) -> None:
    assert SubjectRules().code_in(subject) == code


def test_configured_prefixes_with_or_without_colon_and_longest_first() -> None:
    rules = SubjectRules(prefixes={"MÖT:": "meeting", "MÖTE": "course", "ute": "business"})
    assert rules.code_in("MÖTE: Konferens") == "course"
    assert rules.code_in("möt: Budget") == "meeting"
    assert rules.code_in("UTE: hembesök") == "business"


def test_empty_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        SubjectRules(prefixes={" : ": "lunch"})


def test_subject_hidden_unless_sharing_allows() -> None:
    hidden = apply_rules(_block("LUN: med Bosse"), SubjectRules(share_details=False))
    assert hidden.code == "lunch"
    assert (hidden.block.subject, hidden.block.location) == (None, None)
    shown = apply_rules(_block("LUN: med Bosse"), SubjectRules(share_details=True))
    assert (shown.code, shown.block.subject, shown.block.location) == ("lunch", "LUN: med Bosse", "Rum 4")


def test_private_event_never_shows_its_subject_and_refers_only_when_configured() -> None:
    block = _block("SEM: Thailand", private=True)
    assert apply_rules(block, SubjectRules(share_details=True)).code == ""
    referring = apply_rules(block, SubjectRules(share_details=True, private_refers=True))
    assert referring.code == "vacation"
    assert (referring.block.subject, referring.block.location) == (None, None)
    assert referring.block.status is BusyStatus.BUSY


def test_all_day_events_refer_unless_configured_not_to() -> None:
    block = _block("SEM: Lappland", all_day=True)
    assert apply_rules(block, SubjectRules()).code == "vacation"
    assert apply_rules(block, SubjectRules(all_day_refers=False)).code == ""


def test_free_events_do_not_refer() -> None:
    assert apply_rules(_block("LUN: kanske", status=BusyStatus.FREE), SubjectRules()).code == ""
