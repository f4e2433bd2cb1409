"""LDIF import of what a real OpenLDAP exports: slapcat and ldapsearch output, with entryUUIDs,
base64 for non-ASCII values and lines folded at 76 characters."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from directory.demo import generate
from directory.imports import load_entries
from directory.model import Entry, EntryKind, NumberKind
from tests.helpers.processes import require_binary
from tests.helpers.slapd import ROOT_DN, ROOT_PASSWORD, SUFFIX, Slapd, ldif_entry

pytestmark = pytest.mark.integration

LDAP_ATTRIBUTES = {NumberKind.WORK: "telephoneNumber", NumberKind.SWITCH: "telephoneNumber",
                   NumberKind.MOBILE: "mobile", NumberKind.PAGER: "pager",
                   NumberKind.FAX: "facsimileTelephoneNumber"}


def as_ldif(entry: Entry) -> str:
    attrs: dict[str, str | list[str | bytes]] = {"cn": entry.display_name, "ou": list(entry.unit_path),
                                                 "l": entry.location, "description": entry.description}
    for number in entry.numbers:
        if number.kind in LDAP_ATTRIBUTES:
            attrs.setdefault(LDAP_ATTRIBUTES[number.kind], []).append(number.raw)  # type: ignore[union-attr]
    if entry.kind is EntryKind.FUNCTION:
        attrs["objectClass"] = "organizationalRole"
        return ldif_entry(f"cn={entry.external_id},ou=functions,{SUFFIX}", _present(attrs))
    attrs |= {"objectClass": "inetOrgPerson", "uid": entry.external_id, "givenName": entry.given_name,
              "sn": entry.surname, "displayName": entry.display_name, "title": entry.title,
              "mail": entry.email, "businessCategory": list(entry.keywords)}
    return ldif_entry(f"uid={entry.external_id},ou=people,{SUFFIX}", _present(attrs))


def _present(attrs: dict[str, str | list[str | bytes]]) -> dict[str, str | list[str | bytes]]:
    return {k: v for k, v in attrs.items() if v}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Slapd, list[Entry]]:
    demo = generate(seed=11, people=120, units=30).entries
    server = Slapd(tmp_path_factory.mktemp("slapd"))
    containers = "".join(ldif_entry(f"ou={ou},{SUFFIX}", {"objectClass": "organizationalUnit", "ou": ou})
                         for ou in ("people", "functions"))
    server.load(containers + "".join(as_ldif(e) for e in demo))
    return server, demo


def check(path: Path, demo: list[Entry]) -> None:
    result = load_entries(path, "ldap")
    assert result.skipped == 3  # the suffix and the two containers
    assert len(result.entries) == len(demo)
    for original, imported in zip(demo, result.entries, strict=True):  # both list in insertion order
        assert imported.display_name == original.display_name
        assert imported.email == (original.email if original.kind is EntryKind.PERSON else "")
        assert imported.location == original.location
        assert len(imported.external_id) == 36  # the entryUUID slapd assigned
        assert imported.kind is original.kind
        assert imported.unit_path == original.unit_path
        person = original.kind is EntryKind.PERSON  # organizationalRole has no mail or businessCategory
        assert imported.keywords == (original.keywords if person else ())
        assert imported.description == original.description
        assert (imported.given_name, imported.surname, imported.title) == (
            original.given_name, original.surname, original.title)
        expected = [(n.raw, n.e164) for n in original.numbers if n.kind in LDAP_ATTRIBUTES]
        assert sorted((n.raw, n.e164) for n in imported.numbers) == sorted(expected)


def test_slapcat_export(loaded: tuple[Slapd, list[Entry]], tmp_path: Path) -> None:
    server, demo = loaded
    path = tmp_path / "slapcat.ldif"
    with path.open("wb") as out:
        subprocess.run([require_binary("slapcat"), "-f", str(server.conf)], stdout=out, check=True, timeout=60)
    assert b"\n " in path.read_bytes()  # folded lines are exercised
    check(path, demo)


def test_ldapsearch_export(loaded: tuple[Slapd, list[Entry]], tmp_path: Path) -> None:
    server, demo = loaded
    server.start()
    try:
        output = subprocess.run(
            [require_binary("ldapsearch"), "-x", "-H", server.url, "-D", ROOT_DN, "-w", ROOT_PASSWORD,
             "-b", SUFFIX, "-o", "ldif-wrap=40", "(objectClass=*)", "*", "entryUUID"],
            capture_output=True, check=True, timeout=60,
        ).stdout
    finally:
        server.stop()
    path = tmp_path / "search.ldif"
    path.write_bytes(output.replace(b"\n", b"\r\n"))
    check(path, demo)
