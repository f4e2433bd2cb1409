"""Real slapd entries with non-ASCII values and with broken data: skipped or cleaned, with reasons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.model import NumberKind
from directory.store import DirectoryRepository, Store
from directory.sync import sync_source
from tests.helpers.slapd import SUFFIX, Slapd, ldif_entry
from tests.integration.ldap.conftest import settings_for, units_ldif

pytestmark = pytest.mark.integration


def entry(uid: str, **attrs: str | bytes | list[str | bytes]) -> str:
    base: dict[str, str | bytes | list[str | bytes]] = {"objectClass": "inetOrgPerson", "uid": uid,
                                                         "cn": uid, "sn": uid}
    return ldif_entry(f"uid={uid},ou=Röntgen,ou=Sjukhuset,{SUFFIX}", {**base, **attrs})


@pytest.fixture
def messy(tmp_path: Path) -> Iterator[Slapd]:
    server = Slapd(tmp_path / "slapd")
    server.load(units_ldif() + "".join([
        entry("good", displayName="Ærlig Bjørn Nåså", employeeNumber="1", title=["Överläkare", "Docent"],
              l="Tromsø", telephoneNumber=["+47 77 62 60 00", "1234"], mobile="070-123 45 67",
              mail=["bjorn@example.no", "b.nasa@example.no"]),
        entry("no-id", displayName="Ingen Id"),
        entry("duplicate", displayName="Samma Id", employeeNumber="1"),
        entry("no-name", employeeNumber="2"),
        entry("bad-bytes", displayName="Trasig Ljudfil", employeeNumber="3", audio=b"\xff\xfe\x00 not text"),
        entry("huge", displayName="Jättelång", employeeNumber="4", description="x" * 100_000),
        entry("bad-number", displayName="Fel Nummer", employeeNumber="5", telephoneNumber="reception"),
    ]))
    server.start()
    yield server
    server.stop()


def test_broken_entries_are_skipped_and_bad_values_dropped_with_reasons(messy: Slapd, store: Store) -> None:
    settings = settings_for(
        messy.url,
        attributes={"id": ("employeeNumber",), "display_name": ("displayName",), "given_name": (),
                    "surname": (), "location": ("l", "audio"), "title": ("title", "departmentNumber")},
    )
    summary = sync_source(store, settings, full=True)

    assert summary.records == 7
    assert summary.added == 4
    reasons = {p.dn.split(",")[0]: p.reason for p in summary.skipped}
    assert reasons == {
        "uid=no-id": "no employeeNumber (the stable id)",
        "uid=duplicate": f"duplicate employeeNumber 1 (also at uid=good,ou=Röntgen,ou=Sjukhuset,{SUFFIX})",
        "uid=no-name": "no name (displayName)",
    }
    cleaned = {p.dn.split(",")[0]: p.reason for p in summary.cleaned}
    assert cleaned["uid=bad-bytes"].startswith("audio: value dropped, not UTF-8")
    assert cleaned["uid=huge"] == "description: value dropped, 100000 bytes long"
    assert cleaned["uid=bad-number"] == "telephoneNumber: 'reception' dropped, not a phone number"
    assert summary.warnings == ("attribute 'departmentNumber' from the mapping appeared in none of the 7 entries",)

    entries = {e.display_name: e for e in DirectoryRepository(store).load_entries()}
    assert set(entries) == {"Ærlig Bjørn Nåså", "Trasig Ljudfil", "Jättelång", "Fel Nummer"}
    good = entries["Ærlig Bjørn Nåså"]
    assert (good.title, good.location, good.email) == ("Överläkare", "Tromsø", "bjorn@example.no")
    assert set(good.keywords) == {"Docent", "b.nasa@example.no"}  # extra values kept, searchable
    assert good.unit_path == ("Sjukhuset", "Röntgen")
    assert [(n.raw, n.kind, n.e164) for n in good.numbers] == [
        ("+47 77 62 60 00", NumberKind.WORK, "+4777626000"),
        ("1234", NumberKind.WORK, None),  # an extension: kept as written
        ("070-123 45 67", NumberKind.MOBILE, "+46701234567"),
    ]
    assert entries["Jättelång"].description == ""
    assert entries["Fel Nummer"].numbers == ()
