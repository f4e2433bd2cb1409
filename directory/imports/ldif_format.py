"""LDIF exports (inetOrgPerson, organizationalRole) as directory entries; see docs/import-formats.md."""

from __future__ import annotations

from pathlib import Path

from directory.imports.errors import ProblemLog
from directory.imports.ldif_parser import Record, parse_ldif
from directory.imports.result import ImportResult
from directory.imports.text import read_text
from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.phones import to_e164

PERSON_CLASSES = frozenset({"inetorgperson", "organizationalperson", "person"})
FUNCTION_CLASSES = frozenset({"organizationalrole"})
NUMBER_ATTRIBUTES: tuple[tuple[str, NumberKind], ...] = (
    ("telephonenumber", NumberKind.WORK),
    ("mobile", NumberKind.MOBILE),
    ("pager", NumberKind.PAGER),
    ("facsimiletelephonenumber", NumberKind.FAX),
)
# Attributes whose values must be text; a binary value there is an error, elsewhere it is ignored.
TEXT_ATTRIBUTES = frozenset({"entryuuid", "uid", "cn", "givenname", "sn", "displayname", "title", "ou",
                             "l", "mail", "description", "info", "businesscategory", "objectclass"}
                            | {name for name, _ in NUMBER_ATTRIBUTES})
# DN components that hold entries rather than name a unit ("ou=people,dc=example,dc=se").
CONTAINERS = frozenset({"people", "users", "persons", "staff", "roles", "functions", "groups", "accounts"})


def read_ldif(path: Path, source: str, region: str = "SE") -> list[Entry]:
    """The person and function entries in the LDIF file at ``path``; raises ImportFormatError."""
    return load_ldif(path, source, region).entries


def load_ldif(path: Path, source: str, region: str = "SE") -> ImportResult:
    """Like read_ldif, also counting the records skipped for their object classes."""
    log = ProblemLog(path)
    text, _ = read_text(path, log, allow_legacy=False)
    records = parse_ldif(text, log)
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    skipped = 0
    for record in records:
        classes = {c.strip().lower() for c in record.texts("objectclass")}
        if classes & PERSON_CLASSES:
            kind = EntryKind.PERSON
        elif classes & FUNCTION_CLASSES:
            kind = EntryKind.FUNCTION
        else:
            skipped += 1
            continue
        entry = _entry(record, kind, source, region, log)
        if entry is None:
            continue
        if entry.external_id in first_line:
            log.add(record.line, "id", f'duplicate id "{entry.external_id}", first in the entry on line '
                                       f"{first_line[entry.external_id]}")
        else:
            first_line[entry.external_id] = record.line
            entries.append(entry)
    if not entries and not log:
        log.add(None, "", f"no inetOrgPerson or organizationalRole entries ({skipped} other records)")
    log.raise_if_any()
    return ImportResult(entries, skipped, ("utf-8", "ldif"))


def _entry(record: Record, kind: EntryKind, source: str, region: str, log: ProblemLog) -> Entry | None:
    ok = True
    for name, values in record.attributes.items():
        for value in values:
            if value.text is None and name in TEXT_ATTRIBUTES:
                log.add(value.line, name, "the base64 value is not UTF-8 text")
                ok = False
    given, surname = record.first("givenname"), record.first("sn")
    name = record.first("displayname") or record.first("cn") or f"{given} {surname}".strip()
    if not name:
        log.add(record.line, "cn", "the entry has no cn, displayName or givenName/sn")
        ok = False
    if not ok:
        return None
    numbers = tuple(
        PhoneNumber(raw, NumberKind.SWITCH if kind is EntryKind.FUNCTION and k is NumberKind.WORK else k,
                    to_e164(raw, region))
        for attribute, k in NUMBER_ATTRIBUTES
        for raw in (t.strip() for t in record.texts(attribute))
        if raw
    )
    return Entry(
        source=source,
        external_id=record.first("entryuuid") or record.first("uid") or record.dn,
        kind=kind, display_name=name, given_name=given, surname=surname, title=record.first("title"),
        unit_path=_unit_path(record), location=record.first("l"), email=record.first("mail"),
        keywords=tuple(t.strip() for t in record.texts("businesscategory") if t.strip()),
        # The About text: what an entry's description says, and an AD export's info (its Notes field).
        description="\n".join(t.strip() for attribute in ("description", "info")
                               for t in record.texts(attribute) if t.strip()),
        numbers=numbers,
    )


def _unit_path(record: Record) -> tuple[str, ...]:
    """The entry's ``ou`` values; the DN's o/ou path instead when it ends in the same unit or ou is absent."""
    units = tuple(t.strip() for t in record.texts("ou") if t.strip())
    above = tuple(reversed([value for attribute, value in dn_components(record.dn)
                            if attribute in {"o", "ou"} and value.lower() not in CONTAINERS]))
    if not units or (above and above[-1] == units[-1]):
        return above
    return units


def dn_components(dn: str) -> list[tuple[str, str]]:
    """(lower-case attribute, value) for each RDN of ``dn``, escapes undone (RFC 4514).

    Of a multi-valued RDN ("cn=A+uid=b") only the first attribute is kept.
    """
    components = []
    for rdn in _split_unescaped(dn, ",;"):
        attribute, _, value = _split_unescaped(rdn, "+")[0].partition("=")
        if attribute.strip():
            components.append((attribute.strip().lower(), _unescape(value.strip())))
    return components


def _split_unescaped(text: str, separators: str) -> list[str]:
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _unescape(value: str) -> str:
    """Undo "\\," and "\\c3\\a5" (UTF-8 bytes in hex) escapes."""
    if "\\" not in value:
        return value
    out = bytearray()
    i = 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            pair = value[i + 1 : i + 3]
            if len(pair) == 2 and all(c in "0123456789abcdefABCDEF" for c in pair):
                out.append(int(pair, 16))
                i += 3
                continue
            char = value[i + 1]
            i += 1
        out.extend(char.encode())
        i += 1
    return out.decode("utf-8", "replace")
