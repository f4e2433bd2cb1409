"""A source's mailboxes held flat: the same pairs read back, removals and additions after a sync, jobs unmoved."""

from __future__ import annotations

from datetime import UTC, datetime

from directory.calendars import CalDavSettings, CalendarSources, Mailbox, Mailboxes
from directory.model import EntryKind, MailboxRow

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PAIRS = [Mailbox(1, "anna@region.se"), Mailbox(2, "åsa.öberg@kommun.no"), Mailbox(3, "bo@region.se"),
         Mailbox(4, "ünïcode@例え.jp"), Mailbox(5, "eva@region.se"), Mailbox(2**40, "big@region.se"),
         Mailbox(7, "anna@region.se")]


def test_the_pairs_read_back_in_order() -> None:
    boxes = Mailboxes(PAIRS)
    assert list(boxes) == PAIRS
    assert list(boxes) == PAIRS  # read again: nothing is consumed
    assert len(boxes) == len(PAIRS)
    assert boxes == Mailboxes(PAIRS) != Mailboxes(PAIRS[:-1])
    assert not Mailboxes()
    assert list(Mailboxes()) == []
    odd = [Mailbox(1, "no-at-sign"), Mailbox(2, "two@at@signs.se"), Mailbox(3, "@"), Mailbox(4, "")]
    assert list(Mailboxes(odd)) == odd  # routing lets none of these through, but none is changed if given


def test_a_mailbox_takes_its_id_and_local_part_and_little_more() -> None:
    people = [Mailbox(i, f"person.{i:06}@region.example") for i in range(1000)]
    # one non-ASCII address widens only itself; the domain is held once for them all
    people.append(Mailbox(1000, "åsa.öberg@region.example"))
    assert Mailboxes(people).nbytes <= 16 * len(people) + 1000 * len("person.000000") + len("åsa.öberg".encode()) + 20


def test_replaced_drops_the_changed_anywhere_and_appends_the_added() -> None:
    boxes = Mailboxes(PAIRS)
    for gone in ({1}, {7}, {2, 3}, {1, 3, 5, 7}, {2, 2**40}, {m.entry_id for m in PAIRS}, {99}):
        kept = [m for m in PAIRS if m.entry_id not in gone]
        assert list(boxes.replaced(gone, Mailboxes())) == kept
        assert list(boxes.replaced(gone, Mailboxes([Mailbox(3, "bo@new.se")]))) == [*kept, Mailbox(3, "bo@new.se")]
    assert boxes.replaced(set(), Mailboxes()) is boxes
    new_domains = Mailboxes([Mailbox(8, "x@new.example"), Mailbox(9, "y@region.se"), Mailbox(10, "z@new.example")])
    assert list(boxes.replaced({1}, new_domains).replaced({8}, Mailboxes())) == [*PAIRS[1:], *list(new_domains)[1:]]
    assert list(boxes) == PAIRS  # unmoved: a job planned with them keeps them


def test_of_picks_entries_in_routing_order() -> None:
    boxes = Mailboxes(PAIRS)
    assert list(boxes.of({7, 1, 2**40})) == [PAIRS[0], PAIRS[5], PAIRS[6]]
    assert list(boxes.of(set())) == []
    assert list(boxes.of({99})) == []


def test_few_and_many_entry_ids_find_the_same_mailboxes() -> None:
    people = [Mailbox(i * 3, f"p{i}@region.se") for i in range(200)]
    boxes = Mailboxes(people)
    for wanted in ({0, 3, 597, 598}, {3 * i for i in range(0, 200, 7)}, set(range(0, 600, 2))):
        assert list(boxes.of(wanted)) == [m for m in people if m.entry_id in wanted]
        assert list(boxes.replaced(wanted, Mailboxes())) == [m for m in people if m.entry_id not in wanted]
    # 256 then 512 read as bytes hold entry 1's eight bytes one byte in: not entry 1's mailbox
    straddling = Mailboxes([Mailbox(256, "a@region.se"), Mailbox(512, "b@region.se")])
    assert list(straddling.of({1})) == []
    assert list(straddling.of({512})) == [Mailbox(512, "b@region.se")]


def test_a_planned_job_keeps_its_mailboxes_through_a_reroute() -> None:
    settings = [CalDavSettings(name="a", url="http://unused")]
    sources = CalendarSources(settings, "UTC", NOW)
    sources.set_routes(sources.route([MailboxRow(1, EntryKind.PERSON, "a1@a"),
                                      MailboxRow(2, EntryKind.PERSON, "a2@a")]))
    [job] = sources.plan(NOW)
    sources.reroute([1, 3], [MailboxRow(3, EntryKind.PERSON, "a3@a")])
    assert list(job.mailboxes) == [Mailbox(1, "a1@a"), Mailbox(2, "a2@a")]
    assert sources.mailboxes("a") == [Mailbox(2, "a2@a"), Mailbox(3, "a3@a")]
