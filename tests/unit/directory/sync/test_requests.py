"""The searches a sync sends and the cursor it keeps (pure)."""

from __future__ import annotations

from directory.model import EntryKind
from directory.sync import LdapSourceSettings
from directory.sync.requests import (
    SyncCursor,
    changed_since_filter,
    full_requests,
    id_requests,
    incremental_requests,
)


def make(**changes: object) -> LdapSourceSettings:
    values: dict[str, object] = {"name": "ol", "urls": ("ldap://a", "ldap://b"),
                                 "base_dns": ("ou=people,dc=x", "ou=units,dc=x"),
                                 "function_filter": "(objectClass=organizationalRole)"}
    values.update(changes)
    return LdapSourceSettings(**values)  # type: ignore[arg-type]


def test_full_sync_searches_every_base_for_people_and_functions() -> None:
    requests = full_requests(make())
    assert [(r.base, r.kind) for r in requests] == [
        ("ou=people,dc=x", EntryKind.PERSON), ("ou=people,dc=x", EntryKind.FUNCTION),
        ("ou=units,dc=x", EntryKind.PERSON), ("ou=units,dc=x", EntryKind.FUNCTION),
    ]
    assert requests[0].filter == "(objectClass=inetOrgPerson)"
    assert "entryUUID" in requests[0].attributes
    assert "modifyTimestamp" in requests[0].attributes
    assert len(full_requests(make(function_filter=""))) == 2


def test_incremental_filter_escapes_the_cursor_value() -> None:
    assert changed_since_filter("(objectClass=user)", "uSNChanged", "1001") == (
        "(&(objectClass=user)(uSNChanged>=1001))")
    # A hostile or odd cursor value cannot change the filter's structure.
    assert changed_since_filter("(a=b)", "modifyTimestamp", "2026*)(|(x=*") == (
        r"(&(a=b)(modifyTimestamp>=2026\2a\29\28|\28x=\2a))")
    (request, *_rest) = incremental_requests(make(), "20261122010203Z")
    assert request.filter == "(&(objectClass=inetOrgPerson)(modifyTimestamp>=20261122010203Z))"


def test_id_requests_ask_only_for_the_id() -> None:
    assert {r.attributes for r in id_requests(make())} == {("entryUUID",)}


def test_cursor_round_trips_and_rejects_garbage() -> None:
    cursor = SyncCursor("modifyTimestamp", "20261122010203Z", "ldap://a", make().fingerprint(), 1.5e9)
    assert SyncCursor.decode(cursor.encode()) == cursor
    assert SyncCursor.decode(cursor.encode().replace("1500000000.0", "null")) == SyncCursor(
        "modifyTimestamp", "20261122010203Z", "ldap://a", make().fingerprint())
    for garbage in (None, "", "12345", "{not json", '{"v": 2}', '{"v": 1}', "[1]"):
        assert SyncCursor.decode(garbage) is None


def test_cursor_is_usable_only_for_the_same_settings_and_for_usn_the_same_server() -> None:
    settings = make()
    timestamp = SyncCursor("modifyTimestamp", "20261122010203Z", "ldap://a", settings.fingerprint())
    assert timestamp.usable_for(settings, "ldap://a")
    assert timestamp.usable_for(settings, "ldap://b")  # replicated: valid on any replica
    assert not timestamp.usable_for(make(person_filter="(objectClass=person)"), "ldap://a")
    assert not timestamp.usable_for(make(change_attribute="entryCSN"), "ldap://a")
    ad = make(preset="ad")
    usn = SyncCursor("uSNChanged", "1001", "ldap://a", ad.fingerprint())
    assert usn.usable_for(ad, "ldap://a")
    assert not usn.usable_for(ad, "ldap://b")  # USNs are local to each domain controller


def test_deletion_check_is_due_after_its_interval_and_never_when_turned_off() -> None:
    cursor = SyncCursor("modifyTimestamp", "20261122010203Z", "ldap://a", "cfg", checked=1000.0)
    assert not cursor.deletion_check_due(make(deletion_check_interval=600), now=1500.0)
    assert cursor.deletion_check_due(make(deletion_check_interval=600), now=1600.0)
    assert cursor.deletion_check_due(make(deletion_check_interval=0), now=1000.0)
    assert not cursor.deletion_check_due(make(deletion_check_interval=None), now=10**9)
    unknown = SyncCursor("modifyTimestamp", "20261122010203Z", "ldap://a", "cfg")
    assert unknown.deletion_check_due(make(), now=0.0)
