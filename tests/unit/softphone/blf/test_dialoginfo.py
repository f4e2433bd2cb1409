"""dialog-info+xml parsing (full, partial, hostile) and the line state it adds up to."""

from __future__ import annotations

import pytest

from softphone.blf import DialogBook, DialogState, LineActivity, parse_dialog_info
from softphone.blf.dialoginfo import MAX_BODY, line_activity


def body(version: int, state: str, *dialogs: tuple[str, str, str]) -> str:
    items = "".join(f'<dialog id="{i}" call-id="c{i}" direction="{d}"><state>{s}</state></dialog>'
                    for i, s, d in dialogs)
    return (f'<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="{version}" '
            f'state="{state}" entity="sip:1002@127.0.0.1">{items}</dialog-info>')


def test_full_notification() -> None:
    info = parse_dialog_info(body(3, "full", ("a", "early", "recipient")))
    assert info is not None
    assert info.full
    assert info.version == 3
    assert info.entity == "sip:1002@127.0.0.1"
    assert [(d.id, d.state, d.incoming, d.call_id) for d in info.dialogs] == [("a", DialogState.EARLY, True, "ca")]


@pytest.mark.parametrize(("dialogs", "activity"), [
    ((), LineActivity.IDLE),
    ((("a", "early", "recipient"),), LineActivity.RINGING),
    ((("a", "proceeding", "recipient"),), LineActivity.RINGING),
    ((("a", "trying", "initiator"),), LineActivity.BUSY),
    ((("a", "confirmed", "recipient"),), LineActivity.BUSY),
    ((("a", "early", "recipient"), ("b", "confirmed", "initiator")), LineActivity.BUSY),
    ((("a", "terminated", "recipient"),), LineActivity.IDLE),
])
def test_line_activity(dialogs: tuple[tuple[str, str, str], ...], activity: LineActivity) -> None:
    info = parse_dialog_info(body(0, "full", *dialogs))
    assert info is not None
    assert line_activity(info.dialogs) is activity


def test_partial_notifications_merge_and_stale_ones_are_ignored() -> None:
    book = DialogBook()
    for version, state, dialogs in [(0, "full", ()), (1, "partial", (("a", "early", "recipient"),)),
                                    (2, "partial", (("b", "trying", "initiator"),))]:
        info = parse_dialog_info(body(version, state, *dialogs))
        assert info is not None
        assert book.apply(info)
    assert set(book.dialogs) == {"a", "b"}
    stale = parse_dialog_info(body(1, "partial", ("b", "terminated", "initiator")))
    assert stale is not None
    assert not book.apply(stale)
    assert book.activity() is LineActivity.BUSY
    for version, dialog in [(3, ("b", "terminated", "initiator")), (4, ("a", "confirmed", "recipient"))]:
        info = parse_dialog_info(body(version, "partial", dialog))
        assert info is not None
        book.apply(info)
    assert set(book.dialogs) == {"a"}
    full = parse_dialog_info(body(0, "full"))  # a full one resets, even with a lower version (a restart)
    assert full is not None
    assert book.apply(full)
    assert book.activity() is LineActivity.IDLE


@pytest.mark.parametrize("text", [
    "", "not xml", "<dialog-info", "<other/>", '<dialog-info version="x"/>',
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><dialog-info>&b;</dialog-info>',
    '<!DOCTYPE d SYSTEM "file:///etc/passwd"><dialog-info/>',
    "<dialog-info>" + "<dialog/>" * (MAX_BODY // 9) + "</dialog-info>",
    "\udcff<dialog-info/>",
])
def test_hostile_or_broken_bodies_give_none(text: str) -> None:
    assert parse_dialog_info(text) is None


def test_unknown_states_and_extra_elements_are_skipped() -> None:
    text = body(1, "full", ("a", "ringing-ish", "recipient"), ("b", "confirmed", "initiator"))
    text = text.replace("</dialog-info>", "<note>x</note></dialog-info>")
    info = parse_dialog_info(text.encode())
    assert info is not None
    assert [d.id for d in info.dialogs] == ["b"]
