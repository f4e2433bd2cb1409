"""Fixtures for the LDAP sync tests: a private slapd with a few hundred people, and a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.store import Store, sqlite_url
from directory.sync import LdapSourceSettings
from tests.helpers.slapd import ROOT_DN, ROOT_PASSWORD, SUFFIX, Slapd, ldif_entry

PEOPLE = 300
UNITS = ("Akutmottagningen", "Röntgen", "Vårdcentral Tullen")


def person(i: int, unit: str = UNITS[0], **extra: str | bytes | list[str | bytes]) -> str:
    attrs: dict[str, str | bytes | list[str | bytes]] = {
        "objectClass": "inetOrgPerson",
        "uid": f"p{i:05d}",
        "cn": f"Person {i:05d}",
        "givenName": "Person",
        "sn": f"{i:05d}",
        "title": "Sjuksköterska",
        "telephoneNumber": f"019-602 {i // 100:02d} {i % 100:02d}",
        "mail": f"p{i:05d}@example.org",
    }
    attrs.update(extra)
    return ldif_entry(f"uid=p{i:05d},ou={unit},ou=Sjukhuset,{SUFFIX}", attrs)


def units_ldif() -> str:
    out = ldif_entry(f"ou=Sjukhuset,{SUFFIX}", {"objectClass": "organizationalUnit", "ou": "Sjukhuset"})
    for unit in UNITS:
        out += ldif_entry(f"ou={unit},ou=Sjukhuset,{SUFFIX}", {"objectClass": "organizationalUnit", "ou": unit})
    return out


def people_ldif(count: int = PEOPLE) -> str:
    return units_ldif() + "".join(person(i, UNITS[i % len(UNITS)]) for i in range(count))


@pytest.fixture
def slapd(tmp_path: Path) -> Iterator[Slapd]:
    server = Slapd(tmp_path / "slapd")
    server.load(people_ldif())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(sqlite_url(tmp_path / "store.db"))
    yield opened
    opened.dispose()


def settings_for(url: str | list[str], **changes: object) -> LdapSourceSettings:
    values: dict[str, object] = {
        "name": "ldap",
        "urls": tuple([url] if isinstance(url, str) else url),
        "base_dns": (SUFFIX,),
        "bind_dn": ROOT_DN,
        "password": ROOT_PASSWORD,
        "page_size": 50,
        "timeout": 5.0,
    }
    values.update(changes)
    return LdapSourceSettings(**values)  # type: ignore[arg-type]
