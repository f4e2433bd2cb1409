"""LDIF import: base64, continuation lines, CRLF, object classes, malformed entries with line numbers."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from directory.imports.errors import ImportFormatError, Problem
from directory.imports.ldif_format import dn_components, load_ldif, read_ldif
from directory.model import EntryKind, NumberKind, PhoneNumber

DATA = Path(__file__).parents[3] / "data" / "directory"


def write(tmp_path: Path, text: str, *, crlf: bool = False) -> Path:
    path = tmp_path / "export.ldif"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode())
    return path


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(ImportFormatError) as caught:
        read_ldif(path, "ldap")
    return caught.value.problems


def test_fixture_export() -> None:
    result = load_ldif(DATA / "staff.ldif", "ldap")
    assert result.skipped == 3  # the organization, the organizationalUnit and the group
    asa, kari, akuten = result.entries
    assert asa.external_id == "6f1c2a9e-1b7d-4d7e-9a51-0c8f3b2d1e01"  # entryUUID wins over uid
    assert asa.kind is EntryKind.PERSON
    assert (asa.display_name, asa.given_name, asa.surname) == ("Åsa Öberg-Sørensen", "Åsa", "Öberg-Sørensen")
    assert asa.title == "Överläkare"
    assert asa.unit_path == ("Region Norrtälje", "Medicinkliniken", "Kardiologi")
    assert asa.location == "Centralsjukhuset, hus C"
    assert asa.keywords == ("HLR-instruktör", "Hjärtsvikt")
    assert asa.description.startswith("Ansvarig för hjärtsviktsmottagningen")
    assert asa.description.endswith("hus C plan 4")
    assert asa.numbers == (
        PhoneNumber("019-602 10 00", NumberKind.WORK, "+46196021000"),
        PhoneNumber("+46 19 602 10 01", NumberKind.WORK, "+46196021001"),
        PhoneNumber("070-123 45 67", NumberKind.MOBILE, "+46701234567"),
        PhoneNumber("4711", NumberKind.PAGER, None),
    )
    assert kari.external_id == "kari.berg"
    assert kari.unit_path == ("Legevakten Bærum",)
    assert kari.description == "Jobber natt, første linje fortsetter her med et mellomrom"
    assert [n.e164 for n in kari.numbers] == ["+4767501234", "+4791234567"]
    assert akuten.kind is EntryKind.FUNCTION
    assert akuten.external_id == "cn=Akutmottagningen,ou=Akutkliniken,ou=Centralsjukhuset,o=Region Norrtälje"
    assert akuten.unit_path == ("Region Norrtälje", "Centralsjukhuset", "Akutkliniken")
    assert akuten.numbers == (PhoneNumber("019-602 00 00", NumberKind.SWITCH, "+46196020000"),)


def test_an_active_directory_export_keeps_info_as_about_text(tmp_path: Path) -> None:
    path = write(tmp_path, "dn: CN=Siv Ek,OU=Users,DC=region,DC=se\nobjectClass: user\nobjectClass: person\n"
                           "cn: Siv Ek\ndescription: Sjuksköterska\ninfo: Ansvarar för vaccinationer\n")
    (siv,) = read_ldif(path, "ad")
    assert siv.description == "Sjuksköterska\nAnsvarar för vaccinationer"


def test_crlf_base64_and_continuation(tmp_path: Path) -> None:
    name = base64.b64encode("Bjørn Ødegård".encode()).decode()
    text = (f"version: 1\n\ndn: uid=b,ou=people,dc=x\nobjectClass: inetOrgPerson\nuid: b\ncn:: {name[:8]}\n"
            f" {name[8:]}\nsn: Ø\ntitle: Over\n lege\n\n")
    (entry,) = read_ldif(write(tmp_path, text, crlf=True), "ldap")
    assert entry.display_name == "Bjørn Ødegård"
    assert entry.title == "Overlege"
    assert entry.external_id == "b"


def test_version_line_directly_followed_by_entry_and_no_final_newline(tmp_path: Path) -> None:
    text = "version: 1\ndn: cn=Växeln,o=R\nobjectClass: organizationalRole\ncn: Växeln"
    (entry,) = read_ldif(write(tmp_path, text), "ldap")
    assert entry.display_name == "Växeln"
    assert entry.unit_path == ("R",)


def test_attribute_options_and_case(tmp_path: Path) -> None:
    text = "DN: uid=a,dc=x\nOBJECTCLASS: InetOrgPerson\nUID: a\ncn;lang-sv: Anna\nsn: A\n"
    (entry,) = read_ldif(write(tmp_path, text), "ldap")
    assert entry.display_name == "Anna"


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        ("dn: uid=a,dc=x\nobjectClass: person\nthis line has no colon\n", 3, "", "attribute: value"),
        ("dn: uid=a,dc=x\nobjectClass: person\ncn:: not*base64\nsn: A\n", 3, "cn", "not valid base64"),
        ("dn: uid=a,dc=x\nobjectClass: person\nsn: A\n\ncn: no dn here\nobjectClass: person\n", 5, "dn",
         'start with "dn:"'),
        (" continued\ndn: uid=a,dc=x\n", 1, "", "follows no attribute"),
        ("dn: uid=a,dc=x\nchangetype: modify\nreplace: cn\ncn: B\n", 2, "changetype", "change record"),
        ("dn: uid=a,dc=x\nobjectClass: person\ncn:< file:///tmp/x\n", 3, "cn", "URL values"),
        ("dn: uid=a,dc=x\nobjectClass: person\ncn:: //79/Q==\n", 3, "cn", "not UTF-8"),
        ("dn: uid=a,dc=x\nobjectClass: person\nuid: a\n", 1, "cn", "no cn"),
        ("version: 2\ndn: uid=a,dc=x\nobjectClass: person\ncn: A\n", 1, "version", "unsupported"),
        ("dn: uid=a,dc=x\nobjectClass: person\ncn: A\ndn: uid=b,dc=x\n", 4, "dn", "blank line missing"),
    ],
)
def test_malformed_entries_name_the_line(tmp_path: Path, text: str, line: int, key: str, message: str) -> None:
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert (problems[0].line, problems[0].key) == (line, key)
    assert message in problems[0].message
    assert str(problems[0]).startswith(f"{path}:{line}: ")


def test_duplicate_ids(tmp_path: Path) -> None:
    text = ("dn: uid=a,dc=x\nobjectClass: person\nuid: a\ncn: A\n\n"
            "dn: uid=a,ou=other,dc=x\nobjectClass: person\nuid: a\ncn: A2\n")
    (problem,) = problems_of(write(tmp_path, text))
    assert (problem.line, problem.key) == (6, "id")
    assert "first in the entry on line 1" in problem.message


def test_no_entries_and_not_utf8(tmp_path: Path) -> None:
    assert "no inetOrgPerson" in problems_of(write(tmp_path, "dn: o=x\nobjectClass: organization\n"))[0].message
    path = tmp_path / "latin1.ldif"
    path.write_bytes(b"dn: uid=a,dc=x\ncn: Bj\xf6rn\n")
    (problem,) = problems_of(path)
    assert (problem.line, "UTF-8" in problem.message) == (2, True)


def test_dn_components_undo_escapes() -> None:
    assert dn_components(r"cn=Berg\, Kari+uid=kb,ou=Hj\c3\a4rta , O=Region\+X") == [
        ("cn", "Berg, Kari"), ("ou", "Hjärta"), ("o", "Region+X")]


def test_plain_ldapsearch_output_with_result_summary(tmp_path: Path) -> None:
    text = ("# extended LDIF\n#\n# LDAPv3\n\n# a, x\ndn: uid=a,dc=x\nobjectClass: person\ncn: A\n\n"
            "# search result\nsearch: 2\nresult: 0 Success\n\n# numResponses: 2\n# numEntries: 1\n")
    assert [e.display_name for e in read_ldif(write(tmp_path, text), "ldap")] == ["A"]
