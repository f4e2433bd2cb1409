"""What crosses between the app and the sync's worker processes: settings, errors, entry batches, digests."""

from __future__ import annotations

import pickle

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.sync import OPENLDAP, EntryPlanner, LdapAuthError, LdapSourceSettings
from directory.sync.digest import RecordDigests
from directory.sync.spool import EntrySpool, pickle_batch


def settings(**changes: object) -> LdapSourceSettings:
    values: dict[str, object] = {"name": "ldap:region", "urls": ("ldap://127.0.0.1:1",), "base_dns": ("dc=a",)}
    values.update(changes)
    return LdapSourceSettings(**values)  # type: ignore[arg-type]


def test_settings_pickle_with_their_mappings() -> None:
    original = settings(password="hemligt", attributes={"title": "personalTitle"},
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
