"""The "ad" preset over the wire: binary objectGUID, the default AD filter (enabled people only),
company/department units, and the uSNChanged cursor, against slapd with the AD attributes added."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.model import EntryKind, NumberKind
from directory.search import SearchIndex
from directory.store import DirectoryRepository, Store
from directory.sync import LdapSourceSettings, sync_source
from directory.sync.requests import SyncCursor
from tests.helpers.slapd import SUFFIX, Slapd, ldif_entry
from tests.integration.ldap.conftest import settings_for

pytestmark = pytest.mark.integration
SCHEMA = Path(__file__).with_name("ad-test.schema")
USERS = 120
ENABLED, DISABLED = "512", "514"  # AD: NORMAL_ACCOUNT, plus ACCOUNTDISABLE (bit 2)


def guid(i: int) -> uuid.UUID:
    return uuid.UUID(int=(0x1234 << 100) + i)


def user_dn(i: int) -> str:
    return f"CN=User {i:03d},OU=Users,{SUFFIX}"


def user(i: int, *, usn: int, account: str = ENABLED, category: str = "person", **extra: str) -> str:
    attrs: dict[str, str | bytes | list[str | bytes]] = {
        "objectClass": ["inetOrgPerson", "user"],
        "cn": f"User {i:03d}",
        "sn": f"{i:03d}",
        "givenName": "User",
        "displayName": f"Användare {i:03d}",
        "objectGUID": guid(i).bytes_le,  # 16 raw bytes, little-endian fields as AD sends them
        "uSNChanged": str(usn),
        "userAccountControl": account,
        "objectCategory": category,
        "company": "Region Örebro län",
        "department": "Akutmottagningen" if i % 2 else "Röntgen",
        "physicalDeliveryOfficeName": "USÖ, hus M",
        "telephoneNumber": "019-602 10 00",
        "ipPhone": f"{4000 + i}",
        "mobile": f"070-123 {i:02d} 00" if i < 100 else "070-123 99 00",
        "otherTelephone": ["+47 22 11 33 44", "019-602 10 01"],
        "mail": f"user{i}@region.se",
    }
    attrs.update(extra)
    return ldif_entry(user_dn(i), attrs)


@pytest.fixture
def ad_like(tmp_path: Path) -> Iterator[Slapd]:
    server = Slapd(tmp_path / "slapd", schemas=[SCHEMA], indexes=["uSNChanged eq", "objectCategory eq"])
    ldif = ldif_entry(f"OU=Users,{SUFFIX}", {"objectClass": "organizationalUnit", "ou": "Users"})
    ldif += "".join(user(i, usn=1000 + i) for i in range(USERS))
    ldif += user(900, usn=1900, account=DISABLED)
    ldif += user(901, usn=1901, category="contact", displayName="Akutmottagningen växel")
    server.load(ldif)
    server.start()
    yield server
    server.stop()


def ad_settings(url: str, **changes: object) -> LdapSourceSettings:
    return settings_for(url, preset="ad", function_filter="(objectCategory=contact)", page_size=25,
                        deletion_check_interval=0, **changes)


def test_ad_preset_full_then_incremental_by_usn(ad_like: Slapd, store: Store) -> None:
    summary = sync_source(store, ad_settings(ad_like.url), full=True)
    assert (summary.added, summary.skipped_count) == (USERS + 1, 0)  # the disabled account is not synced
    repository = DirectoryRepository(store)
    entries = {e.external_id: e for e in repository.load_entries()}
    one = entries[str(guid(1))]
    assert one.display_name == "Användare 001"
    assert one.unit_path == ("Region Örebro län", "Akutmottagningen")
    assert one.location == "USÖ, hus M"
    assert [(n.kind, n.e164) for n in one.numbers] == [
        (NumberKind.WORK, "+46196021000"),
        (NumberKind.WORK, None),  # ipPhone 4001: an extension
        (NumberKind.MOBILE, "+46701230100"),
        (NumberKind.OTHER, "+4722113344"),
        (NumberKind.OTHER, "+46196021001"),
    ]
    assert entries[str(guid(901))].kind is EntryKind.FUNCTION
    cursor = SyncCursor.decode(repository.sync_cursor("ldap"))
    assert cursor is not None
    assert (cursor.attribute, cursor.value) == ("uSNChanged", "1901")  # numeric maximum, not text

    ad_like.modify(
        f"dn: {user_dn(5)}\nchangetype: modify\nreplace: title\ntitle: Överläkare\n-\n"
        f"replace: uSNChanged\nuSNChanged: 5000\n\n"
        f"dn: {user_dn(7)}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: {DISABLED}\n-\n"
        f"replace: uSNChanged\nuSNChanged: 5001\n\n"
    )
    ad_like.add(user(200, usn=5002))
    summary = sync_source(store, ad_settings(ad_like.url), full=False)
    assert not summary.full
    assert summary.records == 3  # USN >= 1901: the two changed and the cursor's own entry again
    assert (summary.added, summary.updated, summary.removed) == (1, 1, 1)
    entries = {e.external_id: e for e in repository.load_entries()}
    assert entries[str(guid(5))].title == "Överläkare"
    assert str(guid(7)) not in entries
    assert str(guid(200)) in entries


def test_a_usn_cursor_from_another_domain_controller_forces_a_full_sync(ad_like: Slapd, store: Store) -> None:
    sync_source(store, ad_settings(ad_like.url), full=True)
    # The same server under another name stands in for a second DC, whose USNs mean something else.
    other_dc = ad_like.url.replace("127.0.0.1", "localhost")
    summary = sync_source(store, ad_settings(other_dc), full=False)
    assert summary.full
    assert summary.server == other_dc


def test_description_and_info_are_the_about_text_and_searchable(ad_like: Slapd, store: Store) -> None:
    ad_like.modify(f"dn: {user_dn(3)}\nchangetype: modify\nadd: description\ndescription: Sjuksköterska, hjärtsvikt\n"
                   "-\nadd: info\ninfo: Ansvarar för vaccinationer\n-\nreplace: uSNChanged\nuSNChanged: 5000\n\n")
    sync_source(store, ad_settings(ad_like.url), full=True)
    entries = DirectoryRepository(store).load_entries()
    three = next(e for e in entries if e.external_id == str(guid(3)))
    assert three.description == "Sjuksköterska, hjärtsvikt\nAnsvarar för vaccinationer"
    index = SearchIndex(entries)
    assert [h.entry.external_id for h in index.search("vaccinationer")] == [str(guid(3))]
    assert [h.entry.external_id for h in index.search("hjärtsvikt")] == [str(guid(3))]
