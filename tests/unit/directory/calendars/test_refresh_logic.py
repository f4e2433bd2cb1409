"""Routing entries to sources, the per-source schedule and backoff, and the refresh run's error isolation.

The provider here is a fake: these test the logic around providers; the providers themselves are tested
against Radicale and the EWS/Graph protocol fixtures in tests/integration/calendars.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from directory.calendars import (
    BusyBlock,
    CalendarAuthError,
    CalendarBook,
    CalendarSourceCommon,
    CalendarThrottledError,
    FailureKind,
    Mailbox,
    Mailboxes,
    MailboxProblem,
    MailboxResult,
    RefreshBackoff,
    RefreshSchedule,
    ServerLimits,
    SubjectRules,
    mailbox_of,
    reads_keywords,
    refresh_source,
    route,
)
from directory.model import Entry, EntryKind, MailboxRow

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def person(entry_id: int, email: str = "", keywords: tuple[str, ...] = (),
           kind: EntryKind = EntryKind.PERSON) -> Entry:
    return Entry("ldap", str(entry_id), kind, f"P{entry_id}", email=email, keywords=keywords, id=entry_id)


def test_mailbox_by_email_or_configured_attribute() -> None:
    entry = person(1, " Anna.S@Region.SE ", ("upn:anna@region.onmicrosoft.com", "lab"))
    assert mailbox_of(entry, "email") == "anna.s@region.se"
    assert mailbox_of(entry, "upn") == "anna@region.onmicrosoft.com"
    assert mailbox_of(entry, "sip") == ""
    assert mailbox_of(person(2, "not-an-address"), "email") == ""


def test_route_by_domain_first_match_wins_and_people_only() -> None:
    sources = [CalendarSourceCommon(name="onprem", domains=["region.se"]),
               CalendarSourceCommon(name="m365", domains=["kommun.no"]), CalendarSourceCommon(name="dav")]
    entries = [person(1, "a@region.se"), person(2, "b@kommun.no"), person(3, "c@sub.region.se"),
               person(4, "d@other.org"), person(5, "e@region.se", kind=EntryKind.FUNCTION), person(6),
               person(7, "a@region.se")]
    routed = route(entries, sources)
    assert routed == {
        "onprem": Mailboxes([Mailbox(1, "a@region.se"), Mailbox(3, "c@sub.region.se"), Mailbox(7, "a@region.se")]),
        "m365": Mailboxes([Mailbox(2, "b@kommun.no")]), "dav": Mailboxes([Mailbox(4, "d@other.org")])}



def test_route_reads_the_stores_mailbox_rows_as_it_reads_entries() -> None:
    by_email = CalendarSourceCommon(name="onprem", domains=["region.se"])
    by_upn = CalendarSourceCommon(name="m365", mailbox_attribute="upn")
    assert not reads_keywords([by_email, CalendarSourceCommon(name="dav", mailbox_attribute="mail")])
    assert reads_keywords([by_email, by_upn])  # only then are the rows read with their keywords
    entries = [person(1, "a@region.se"), person(2, "b@kommun.no", ("upn:b@kommun.onmicrosoft.com",)),
               person(3, "c@region.se", kind=EntryKind.FUNCTION)]
    rows = [MailboxRow(e.id or 0, e.kind, e.email, e.keywords) for e in entries]
    assert route(rows, [by_email, by_upn]) == route(entries, [by_email, by_upn]) == {
        "onprem": Mailboxes([Mailbox(1, "a@region.se")]), "m365": Mailboxes([Mailbox(2, "b@kommun.onmicrosoft.com")])}

def test_backoff_grows_caps_and_honours_retry_after() -> None:
    backoff = RefreshBackoff(base=30, cap=600, auth=900)
    assert [backoff.delay(n, FailureKind.SERVER) for n in (1, 2, 3, 10)] == [30, 60, 120, 600]
    assert backoff.delay(1, FailureKind.THROTTLED, retry_after=300) == 300
    assert backoff.delay(1, FailureKind.THROTTLED, retry_after=5) == 30
    assert backoff.delay(1, FailureKind.AUTH) == 900


def test_schedule_due_backoff_per_source_and_on_demand() -> None:
    schedule = RefreshSchedule({"a": 300, "b": 60}, NOW, RefreshBackoff(base=30, cap=600))
    assert schedule.due(NOW) == ["a", "b"]
    schedule.started("a", NOW)
    schedule.started("b", NOW)
    assert schedule.due(NOW) == []
    assert schedule.succeeded("a", NOW, mailboxes=10, problems=1) == NOW + timedelta(seconds=300)
    assert schedule.failed("b", NOW, FailureKind.THROTTLED, "busy", retry_after=120) == NOW + timedelta(seconds=120)
    assert schedule.status("b").failures == 1
    assert schedule.status("b").last_error == "busy"
    assert schedule.status("a").last_success == NOW
    assert schedule.status("a").problems == 1
    assert schedule.next_wakeup() == NOW + timedelta(seconds=120)
    later = NOW + timedelta(seconds=10)
    schedule.request(later)  # on demand: a (healthy) at once, b keeps backing off
    assert schedule.due(later) == ["a"]
    schedule.started("b", NOW + timedelta(seconds=120))
    assert schedule.failed("b", NOW + timedelta(seconds=120), FailureKind.SERVER, "500") == \
        NOW + timedelta(seconds=180)


class FakeProvider:
    def __init__(self, max_batch: int = 2, fail_on: str = "", error: Exception | None = None,
                 delay: float = 0.0) -> None:
        self.max_batch, self.fail_on, self.error, self.delay = max_batch, fail_on, error, delay
        self.calls: list[list[str]] = []
        self.active = self.peak = 0
        self._lock = threading.Lock()

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> dict[str, MailboxResult]:
        with self._lock:
            self.calls.append(list(mailboxes))
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            time.sleep(self.delay)
            if self.fail_on in mailboxes and self.error is not None:
                raise self.error
            return {m: (MailboxResult(m, problem=MailboxProblem.UNKNOWN_MAILBOX, reason="no such mailbox")
                        if m.startswith("x") else
                        MailboxResult(m, (BusyBlock(start, start + timedelta(hours=1), subject="LUN: secret"),)))
                    for m in mailboxes}
        finally:
            with self._lock:
                self.active -= 1

    def close(self) -> None:
        pass


def _boxes(*addresses: str) -> list[Mailbox]:
    return [Mailbox(i + 1, a) for i, a in enumerate(addresses)]


def test_refresh_batches_isolates_bad_mailboxes_and_applies_rules() -> None:
    provider = FakeProvider(max_batch=2)
    progress: list[tuple[int, int]] = []
    result = refresh_source("s", provider, [*_boxes("a@x", "xbad@x", "c@x"), Mailbox(9, "a@x")], SubjectRules(),
                            start=NOW, end=NOW + timedelta(days=1), now=NOW,
                            semaphore=threading.BoundedSemaphore(1), progress=lambda d, t: progress.append((d, t)))
    assert sorted(len(c) for c in provider.calls) == [1, 2]
    assert result.failure is None
    assert result.requests == 2
    assert result.problems == 1
    by_entry = {c.entry_id: c for c in result.calendars}
    assert set(by_entry) == {1, 2, 3, 9}  # two entries sharing a mailbox both get it, asked once
    assert by_entry[2].problem is MailboxProblem.UNKNOWN_MAILBOX
    assert by_entry[1].blocks[0].code == "lunch"
    assert by_entry[1].blocks[0].block.subject is None
    assert progress[-1] == (3, 3)


@pytest.mark.parametrize(("error", "kind", "retry_after"), [
    (CalendarThrottledError("busy", 42.0), FailureKind.THROTTLED, 42.0),
    (CalendarAuthError("refused"), FailureKind.AUTH, None),
    (RuntimeError("bug"), FailureKind.SERVER, None),
])
def test_a_failing_batch_stops_the_source_but_keeps_what_came_in(error: Exception, kind: FailureKind,
                                                                 retry_after: float | None) -> None:
    provider = FakeProvider(max_batch=1, fail_on="b@x", error=error)
    result = refresh_source("s", provider, _boxes("a@x", "b@x", "c@x", "d@x"), SubjectRules(), start=NOW,
                            end=NOW + timedelta(days=1), now=NOW, semaphore=threading.BoundedSemaphore(1), workers=1)
    assert (result.failure, result.retry_after) == (kind, retry_after)
    assert [c.mailbox for c in result.calendars] == ["a@x"]
    assert len(provider.calls) == 2  # c and d were never asked


def test_server_limit_is_shared_across_sources() -> None:
    limits = ServerLimits()
    semaphore = limits.semaphore("exchange.region.se", 2)
    assert limits.semaphore("exchange.region.se", 5) is semaphore
    provider = FakeProvider(max_batch=1, delay=0.05)
    threads = [threading.Thread(target=refresh_source, args=(name, provider, _boxes("a@x", "b@x", "c@x"),
                                                              SubjectRules()),
                                kwargs={"start": NOW, "end": NOW + timedelta(hours=1), "now": NOW,
                                        "semaphore": semaphore, "workers": 3}) for name in ("s1", "s2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(provider.calls) == 6
    assert provider.peak <= 2


def test_book_keeps_the_last_good_calendar_when_a_mailbox_fails() -> None:
    book = CalendarBook()
    good = refresh_source("s", FakeProvider(), _boxes("a@x"), SubjectRules(), start=NOW,
                          end=NOW + timedelta(days=1), now=NOW, semaphore=threading.BoundedSemaphore(1))
    assert book.update(good.calendars) == (1,)
    assert book.update(good.calendars) == ()  # unchanged: nothing for the views to refresh
    failed = refresh_source("s", FakeProvider(), [Mailbox(1, "xgone@x")], SubjectRules(), start=NOW,
                            end=NOW + timedelta(days=1), now=NOW, semaphore=threading.BoundedSemaphore(1))
    book.update(failed.calendars)
    assert book.get(1) == good.calendars[0]
    summary = book.summary(1, NOW, UTC)
    assert summary.problem == "no such mailbox"
    assert summary.fetched_at == NOW
    assert len(summary.today) == 1
    presence = book.presence(1, NOW + timedelta(minutes=5), UTC)
    assert presence is not None
    assert presence.referral is not None
    assert presence.referral.code == "lunch"
    assert book.presence(99, NOW, UTC) is None


def test_sources_scheduled_and_on_demand_refreshes() -> None:
    from directory.calendars import CalDavSettings, CalendarSources  # noqa: PLC0415

    providers = {"a": FakeProvider(), "b": FakeProvider(fail_on="b1@b", error=CalendarThrottledError("slow", 300))}
    settings = [CalDavSettings(name=name, domains=[name], refresh_interval=60, url="http://unused")
                for name in ("a", "b")]
    sources = CalendarSources(settings, "UTC", NOW, provider_factory=lambda s: providers[s.name])
    sources.set_entries([person(1, "a1@a"), person(2, "a2@a"), person(3, "b1@b")])
    jobs = sources.plan(NOW)
    assert [(j.source, len(j.mailboxes), j.scheduled) for j in jobs] == [("a", 2, True), ("b", 1, True)]
    assert sources.plan(NOW) == []  # running
    for job in jobs:
        sources.finish(job, sources.run(job), NOW)
    assert sources.schedule.status("a").next_due == NOW + timedelta(seconds=60)
    assert sources.schedule.status("b").next_due == NOW + timedelta(seconds=300)

    later = NOW + timedelta(seconds=10)
    person_jobs = sources.plan_entries(later, [1, 3])
    assert [(j.source, [m.entry_id for m in j.mailboxes]) for j in person_jobs] == [("a", [1])]  # b backs off
    changed = sources.finish(person_jobs[0], sources.run(person_jobs[0]), later)
    assert changed == (1,)  # the fake answers relative to the window, which moved
    assert sources.schedule.status("a").next_due == NOW + timedelta(seconds=60)  # schedule untouched
    assert sources.book.get(1) is not None
    assert sources.book.get(3) is None



def test_sources_reroute_only_the_entries_that_changed() -> None:
    from directory.calendars import CalDavSettings, CalendarSources  # noqa: PLC0415

    settings = [CalDavSettings(name=name, domains=[name], url="http://unused") for name in ("a", "b")]
    sources = CalendarSources(settings, "UTC", NOW, provider_factory=lambda s: FakeProvider())
    sources.set_routes(sources.route([MailboxRow(1, EntryKind.PERSON, "a1@a"), MailboxRow(2, EntryKind.PERSON, "a2@a"),
                                      MailboxRow(3, EntryKind.PERSON, "b1@b")]))
    # 2 moved to b, 3 left the directory, 4 joined; 1, unchanged, is ignored if given
    sources.reroute([2, 3, 4], [MailboxRow(2, EntryKind.PERSON, "a2@b"), MailboxRow(4, EntryKind.PERSON, "a4@a"),
                                MailboxRow(1, EntryKind.PERSON, "a1@a")])
    assert sources.mailboxes("a") == [Mailbox(1, "a1@a"), Mailbox(4, "a4@a")]
    assert sources.mailboxes("b") == [Mailbox(2, "a2@b")]
