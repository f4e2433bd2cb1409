"""The pure planner: raw LDAP attribute dicts to entries, with reasons for what is skipped."""

from __future__ import annotations

import uuid

import pytest

from directory.model import EntryKind, NumberKind
from directory.sync import AD, OPENLDAP, EntryPlanner
from directory.sync.values import MAX_VALUES

GUID = uuid.UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")


def ad_record(**extra: list[bytes]) -> dict[str, list[bytes]]:
    record = {
        "objectGUID": [GUID.bytes_le],
        "uSNChanged": [b"1000"],
        "displayName": ["Åsa Öberg".encode()],
        "givenName": ["Åsa".encode()],
        "sn": ["Öberg".encode()],
        "title": [b"Underskoterska"],
        "company": ["Region Örebro län".encode()],
        "department": [b"Akutmottagningen"],
        "physicalDeliveryOfficeName": [b"USO, hus M"],
        "telephoneNumber": [b"019-602 10 00"],
        "ipPhone": [b"4711"],
        "mobile": [b"070-123 45 67"],
        "otherTelephone": [b"+47 22 11 33 44", b"019-602 10 01"],
        "mail": [b"asa.oberg@example.se"],
    }
    record.update(extra)
    return record


def test_active_directory_record_becomes_an_entry() -> None:
    planner = EntryPlanner("ad", AD)
    entry = planner.plan("CN=Åsa Öberg,OU=Users,DC=region,DC=se", ad_record(), EntryKind.PERSON)
    assert entry is not None
    assert entry.external_id == str(GUID)  # objectGUID in its usual text form, never the DN
    assert (entry.display_name, entry.given_name, entry.surname) == ("Åsa Öberg", "Åsa", "Öberg")
    assert entry.unit_path == ("Region Örebro län", "Akutmottagningen")  # AD: company, department
    assert entry.location == "USO, hus M"
    assert [(n.raw, n.kind, n.e164) for n in entry.numbers] == [
        ("019-602 10 00", NumberKind.WORK, "+46196021000"),
        ("4711", NumberKind.WORK, None),
        ("070-123 45 67", NumberKind.MOBILE, "+46701234567"),
        ("+47 22 11 33 44", NumberKind.OTHER, "+4722113344"),
        ("019-602 10 01", NumberKind.OTHER, "+46196021001"),
    ]
    assert planner.max_change == "1000"


def test_the_about_text_joins_description_and_ads_info() -> None:
    record = ad_record(description=["Ansvarar för vaccinationer".encode()], info=[b"Talar finska"])
    entry = EntryPlanner("ad", AD).plan("CN=Åsa Öberg,OU=Users,DC=region,DC=se", record, EntryKind.PERSON)
    assert entry is not None
    assert entry.description == "Ansvarar för vaccinationer\nTalar finska"
    assert "info" in AD.requested()


def test_change_cursor_orders_usns_as_numbers_and_timestamps_as_text() -> None:
    planner = EntryPlanner("ad", AD)
    for i, usn in enumerate([b"999", b"1000", b"98"]):
        guid = uuid.UUID(int=i).bytes_le
        planner.plan(f"CN={i}", ad_record(objectGUID=[guid], uSNChanged=[usn]), EntryKind.PERSON)
    assert planner.max_change == "1000"
    planner = EntryPlanner("ol", OPENLDAP)
    for i, stamp in enumerate([b"20261122010000Z", b"20261122020000Z", b"20251231235959Z"]):
        planner.plan(f"uid={i}", {"entryUUID": [str(uuid.UUID(int=i)).encode()], "cn": [b"x"],
                                  "modifyTimestamp": [stamp]}, EntryKind.PERSON)
    assert planner.max_change == "20261122020000Z"


def test_attribute_names_are_case_insensitive() -> None:
    record = {k.upper(): v for k, v in ad_record().items()}
    entry = EntryPlanner("ad", AD).plan("CN=x", record, EntryKind.PERSON)
    assert entry is not None
    assert entry.display_name == "Åsa Öberg"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (ad_record(objectGUID=[]), "no objectGUID (the stable id)"),
        (ad_record(objectGUID=[b"short"]), "unusable objectGUID: a GUID must be 16 bytes, got 5"),
        (ad_record(displayName=[], cn=[], givenName=[], sn=[]), "no name (displayName, cn)"),
        (ad_record(displayName=[b"\xff\xfe"], givenName=[], sn=[]), "no name (displayName, cn)"),
    ],
)
def test_entries_without_id_or_name_are_skipped_with_a_reason(record: dict[str, list[bytes]], reason: str) -> None:
    planner = EntryPlanner("ad", AD)
    del_empty = {k: v for k, v in record.items() if v}
    assert planner.plan("CN=broken", del_empty, EntryKind.PERSON) is None
    assert planner.skipped.count == 1
    assert planner.skipped.kept[0].dn == "CN=broken"
    assert planner.skipped.kept[0].reason == reason


def test_name_falls_back_to_given_name_and_surname() -> None:
    entry = EntryPlanner("ad", AD).plan("CN=x", ad_record(displayName=[]), EntryKind.PERSON)
    assert entry is not None
    assert entry.display_name == "Åsa Öberg"


def test_a_repeated_id_is_skipped_naming_the_first_entry() -> None:
    planner = EntryPlanner("ad", AD)
    assert planner.plan("CN=first", ad_record(), EntryKind.PERSON) is not None
    assert planner.plan("CN=second", ad_record(), EntryKind.FUNCTION) is None
    assert planner.skipped.kept[0].reason == f"duplicate objectGUID {GUID} (also at CN=first)"


def test_bad_values_are_dropped_and_the_entry_kept() -> None:
    planner = EntryPlanner("ad", AD)
    entry = planner.plan(
        "CN=x",
        ad_record(
            title=[b"\xc3\x28 broken"],
            physicalDeliveryOfficeName=[b"x" * 100_000],
            mobile=[b"reception", b"070 765 43 21"],
            mail=[b"a\x00b\tc@example.se\n"],
            otherTelephone=[f"019-60{i:05d}".encode() for i in range(MAX_VALUES + 5)],
        ),
        EntryKind.PERSON,
    )
    assert entry is not None
    assert (entry.title, entry.location) == ("", "")
    assert entry.email == "ab c@example.se"  # control characters removed, whitespace folded
    assert [n.raw for n in entry.numbers if n.kind is NumberKind.MOBILE] == ["070 765 43 21"]
    assert len([n for n in entry.numbers if n.kind is NumberKind.OTHER]) == MAX_VALUES
    reasons = [p.reason for p in planner.cleaned.kept]
    assert sorted(reasons) == sorted([
        "title: value dropped, not UTF-8 (byte 0)",
        f"otherTelephone: {MAX_VALUES + 5} values, kept the first {MAX_VALUES}",
        "physicalDeliveryOfficeName: value dropped, 100000 bytes long",
        "mobile: 'reception' dropped, not a phone number",
    ])
    assert planner.cleaned.count == 4


def test_openldap_unit_path_comes_from_the_dn_when_ou_only_repeats_it() -> None:
    planner = EntryPlanner("ol", OPENLDAP)
    dn = r"uid=a,ou=R\C3\B6ntgen,ou=Sjukhuset\2C Norra,dc=example,dc=org"
    base = {"entryUUID": [b"6E1F0F52-1D0A-4C8E-9A43-2C2F0E5D7B11"], "cn": [b"A"]}
    entry = planner.plan(dn, {**base, "ou": ["Röntgen".encode()]}, EntryKind.PERSON)
    assert entry is not None
    assert entry.external_id == "6e1f0f52-1d0a-4c8e-9a43-2c2f0e5d7b11"  # UUIDs normalised
    assert entry.unit_path == ("Sjukhuset, Norra", "Röntgen")
    other = EntryPlanner("ol", OPENLDAP).plan(dn, {**base, "ou": [b"Labbet", b"Kemlab"]}, EntryKind.PERSON)
    assert other is not None
    assert other.unit_path == ("Labbet",)
    assert other.keywords == ("Kemlab",)


def test_entry_id_reads_only_the_id() -> None:
    planner = EntryPlanner("ad", AD)
    assert planner.entry_id("CN=x", {"objectguid": [GUID.bytes_le]}) == str(GUID)
    assert planner.entry_id("CN=x", {"cn": [b"no id"]}) is None
    assert planner.entry_id("CN=x", {"objectGUID": [b"bad"]}) is None


@pytest.mark.parametrize(
    ("dn", "units"),
    [
        ("uid=a,ou=Akuten,ou=Sjukhuset,dc=x", ("Sjukhuset", "Akuten")),
        ("uid=a, OU=Akuten , ou=Sjukhuset,dc=x", ("Sjukhuset", "Akuten")),
        (r"uid=a,ou=Akuten\2C hus M,ou=Sjukhuset,dc=x", ("Sjukhuset", "Akuten, hus M")),
        (r"uid=a,ou=Akuten\, hus M,dc=x", ("Akuten, hus M",)),
        ("cn=a+uid=b,ou=Röntgen,dc=x", ("Röntgen",)),
        ("uid=a,dc=x", ()),
    ],
)
def test_unit_path_from_plain_and_escaped_dns(dn: str, units: tuple[str, ...]) -> None:
    entry = EntryPlanner("ol", OPENLDAP).plan(dn, {"entryUUID": [b"x"], "cn": [b"A"]}, EntryKind.PERSON)
    assert entry is not None
    assert entry.unit_path == units
