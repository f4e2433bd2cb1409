"""What crosses between the app and the sync's worker processes: settings, errors, entry batches, digests."""

from __future__ import annotations

import pickle

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.sync import OPENLDAP, EntryPlanner, LdapAuthError, LdapSourceSettings
from directory.sync.digest import RecordDigests
from directory.sync.download import Downloaded, DownloadJob, Page, Searched, annotate_pages, plan_pages
from directory.sync.search import Record
from directory.sync.spool import EntrySpool, pickle_batch


def settings(**changes: object) -> LdapSourceSettings:
    values: dict[str, object] = {"name": "ldap:region", "urls": ("ldap://127.0.0.1:1",), "base_dns": ("dc=a",)}
    values.update(changes)
    return LdapSourceSettings(**values)  # type: ignore[arg-type]


def test_settings_pickle_with_their_mappings() -> None:
    original = settings(password="hemligt", attributes={"title": ("personalTitle",)},
                        numbers={"mobile": NumberKind.MOBILE})
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original
    assert copy.fingerprint() == original.fingerprint()
    assert copy.attributes["title"] == ("personalTitle",)


def test_sync_errors_keep_their_type_source_and_message() -> None:
    copy = pickle.loads(pickle.dumps(LdapAuthError("ldap:region", "refused the bind")))
    assert isinstance(copy, LdapAuthError)
    assert (copy.source, copy.message, str(copy)) == (
        "ldap:region", "refused the bind", "directory source 'ldap:region': refused the bind")
    assert not copy.transient


def test_pickled_batches_replay_in_order_with_their_digests() -> None:
    def entry(i: int) -> Entry:
        return Entry(source="s", external_id=str(i), kind=EntryKind.PERSON, display_name=f"Åsa {i}",
                     numbers=(PhoneNumber("019-602 10 00", NumberKind.WORK, "+46196021000"),))

    with EntrySpool() as spool:
        spool.add_pickled(pickle_batch([entry(0), entry(1)], ["d0", None]), 2)
        spool.add(entry(2))
        spool.add_pickled(pickle_batch([]), 0)
        spool.add_pickled(pickle_batch([entry(3)], ["d3"]), 1)
        assert spool.count == 4
        assert list(spool) == [entry(i) for i in range(4)]
        assert spool.digests == {"0": "d0", "3": "d3"}


def test_record_digests_change_with_values_kind_and_settings() -> None:
    record = {"entryUUID": [b"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"], "cn": [b"Anna"]}
    digests = RecordDigests(settings())
    first = digests.of("uid=a,dc=a", EntryKind.PERSON, record)
    assert first == RecordDigests(settings()).of("uid=a,dc=a", EntryKind.PERSON, dict(record))
    assert first != digests.of("uid=a,dc=a", EntryKind.FUNCTION, record)
    assert first != digests.of("uid=b,dc=a", EntryKind.PERSON, record)
    assert first != digests.of("uid=a,dc=a", EntryKind.PERSON, {**record, "cn": [b"Anna", b"A"]})
    assert first != RecordDigests(settings(region="NO")).of("uid=a,dc=a", EntryKind.PERSON, record)


def test_an_unchanged_record_counts_and_claims_its_id() -> None:
    planner = EntryPlanner("s", OPENLDAP)
    record = {"entryUUID": [b"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"], "cn": [b"Anna"],
              "modifyTimestamp": [b"20261122050000Z"]}
    assert planner.unchanged("uid=a,dc=a", record, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
    assert planner.plan("uid=b,dc=a", record, EntryKind.PERSON) is None  # the same id again: a duplicate
    assert (planner.records, planner.skipped.count, planner.max_change) == (2, 1, "20261122050000Z")
    assert "also at uid=a,dc=a" in planner.skipped.kept[0].reason


def test_annotated_pages_plan_to_the_same_entries_and_reasons() -> None:
    """The reading worker works out digests and E.164 numbers for the planning one: same result."""
    def record(i: int, numbers: list[bytes]) -> Record:
        return (f"uid=p{i},ou=Akuten,dc=a",
                {"entryUUID": [f"0f1e2d3c-4b5a-6978-8796-{i:012x}".encode()], "cn": [f"Person {i}".encode()],
                 "TelephoneNumber": numbers, "mobile": [b"070-123 45 67"]})

    records = [record(0, [b"019-602 10 00"]), record(1, [b"no digits", b"\xff", b"4711"]),
               record(2, [b"+47 22 11 33 44", b"019-602\x01 10 01"]), record(1, [b"1"])]
    job = DownloadJob(settings(), True, None, 0, 0.0)

    def run(items: list[Page | Searched]) -> tuple[list[Entry], dict[str, str], Downloaded]:
        with EntrySpool() as spool:
            found = plan_pages(job, items, lambda batch, count, _done: spool.add_pickled(batch, count))
            return list(spool), dict(spool.digests), found

    def pages() -> list[Page | Searched]:
        return [Page(EntryKind.PERSON, records[:2]), Page(EntryKind.PERSON, records[2:]),
                Searched("ldap://127.0.0.1:1", (), False, None, None)]

    plain, annotated = run(pages()), run(list(annotate_pages(job, pages())))
    assert plain[:2] == annotated[:2]
    assert (plain[2].skipped, plain[2].cleaned) == (annotated[2].skipped, annotated[2].cleaned)
    assert [n.e164 for n in plain[0][2].numbers] == ["+4722113344", "+46196021001", "+46701234567"]
