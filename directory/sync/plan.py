"""The pure half of a sync: raw LDAP records in, `Entry` records and reasons out; no I/O.

A malformed entry never aborts a sync: an entry without a usable id or name, or with an id already
seen, is skipped with a reason; a bad value (not UTF-8, absurdly long, a "number" without digits) is
dropped from an otherwise good entry, with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import directory.sync._ldap3  # noqa: F401 - first: it imports ldap3 quietly (see the module)

# isort: split
from ldap3.core.exceptions import LDAPException
from ldap3.utils.dn import parse_dn

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.phones import to_e164
from directory.sync.mapping import AttributeMapping
from directory.sync.values import (
    MAX_VALUE_CHARS,
    MAX_VALUES,
    RawAttributes,
    change_key,
    decode_id,
    decode_text,
    lowered,
)

# Reasons kept for the report; the counts go on past this.
KEEP_REASONS = 500
_DN_ESCAPE = re.compile(r"\\([0-9A-Fa-f]{2}|.)")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """An entry skipped, or a value dropped, and why, for the sync report."""

    dn: str
    reason: str


class _Problems:
    def __init__(self) -> None:
        self.kept: list[SkippedEntry] = []
        self.count = 0

    def add(self, dn: str, reason: str) -> None:
        self.count += 1
        if len(self.kept) < KEEP_REASONS:
            self.kept.append(SkippedEntry(dn, reason))


class EntryPlanner:
    """Maps the records of one sync run to entries, remembering what the run has seen.

    It holds the ids seen (a repeated id is skipped: overlapping base DNs, or an entry matching both
    the person and the function filter), the highest change value (the next incremental cursor) and
    which attributes appeared at all (to warn about a mapping naming an attribute nobody has).
    """

    def __init__(self, source: str, mapping: AttributeMapping, *, region: str = "SE") -> None:
        self.source, self.mapping, self.region = source, mapping, region
        self.skipped = _Problems()
        self.cleaned = _Problems()
        self.records = 0
        self.max_change: str | None = None
        self.seen_attributes: set[str] = set()
        self._ids: dict[str, str] = {}
        self._id_key = mapping.id.lower()
        self._change_key = mapping.change.lower()
        self.fields = _Fields(mapping)
        # Number text -> E.164 worked out elsewhere (by the other sync worker; see number_hints).
        self.e164_hints: Mapping[str, str | None] = {}

    def entry_id(self, dn: str, attributes: RawAttributes) -> str | None:
        """Only the stable id of a record (for the id-only deletion check), or None."""
        values = lowered(attributes).get(self._id_key)
        if not values:
            return None
        try:
            return decode_id(values[0], binary=self.mapping.binary_id)
        except ValueError:
            return None

    def plan(self, dn: str, attributes: RawAttributes, kind: EntryKind) -> Entry | None:
        """The entry for one search result, or None when it is skipped (the reason is recorded)."""
        self.records += 1
        attrs = lowered(attributes)
        self.seen_attributes.update(attrs)
        self._note_change(dn, attrs)
        raw_id = attrs.get(self._id_key)
        if not raw_id:
            self.skipped.add(dn, f"no {self.mapping.id} (the stable id)")
            return None
        try:
            external_id = decode_id(raw_id[0], binary=self.mapping.binary_id)
        except ValueError as exc:
            self.skipped.add(dn, f"unusable {self.mapping.id}: {exc}")
            return None
        if external_id in self._ids:
            self.skipped.add(dn, f"duplicate {self.mapping.id} {external_id} (also at {self._ids[external_id]})")
            return None
        self._ids[external_id] = dn
        return _EntryBuilder(self, dn, attrs).build(external_id, kind)

    def unchanged(self, dn: str, attributes: RawAttributes, external_id: str) -> bool:
        """Count a record whose entry is stored as it is (its raw record's digest matched) without
        planning it; False when its id was seen already in this run (skipped, as `plan` would)."""
        self.records += 1
        attrs = lowered(attributes)
        self.seen_attributes.update(attrs)
        self._note_change(dn, attrs)
        if external_id in self._ids:
            self.skipped.add(dn, f"duplicate {self.mapping.id} {external_id} (also at {self._ids[external_id]})")
            return False
        self._ids[external_id] = dn
        return True

    def _note_change(self, dn: str, attrs: dict[str, Sequence[bytes]]) -> None:
        values = attrs.get(self._change_key)
        if not values:
            return
        try:
            value = decode_text(values[0])
        except ValueError:
            return
        if value and (self.max_change is None or change_key(value) > change_key(self.max_change)):
            self.max_change = value


class _Fields:
    """The mapping's attribute names, lower-cased once per run (each paired with its spelling for reasons)."""

    def __init__(self, mapping: AttributeMapping) -> None:
        def pairs(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
            return tuple((name.lower(), name) for name in names)

        self.display_name, self.given_name, self.surname = (
            pairs(mapping.display_name), pairs(mapping.given_name), pairs(mapping.surname))
        self.title, self.location, self.email = pairs(mapping.title), pairs(mapping.location), pairs(mapping.email)
        self.description, self.unit = pairs(mapping.description), pairs(mapping.unit)
        self.numbers = tuple((name.lower(), name, kind) for name, kind in mapping.numbers)


class _EntryBuilder:
    """Builds one entry; collects the extra values of single-valued fields as keywords."""

    def __init__(self, planner: EntryPlanner, dn: str, attrs: dict[str, Sequence[bytes]]) -> None:
        self.planner, self.dn, self.attrs = planner, dn, attrs
        self.fields = planner.fields
        self.keywords: list[str] = []

    def values(self, key: str, attribute: str) -> list[str]:
        """The clean, distinct text values of one attribute (``key`` is its lower-cased name)."""
        raw = self.attrs.get(key)
        if not raw:
            return []
        if len(raw) == 1 and len(raw[0]) <= MAX_VALUE_CHARS:
            # The common case inline (one short, valid, printable value): 11 attributes per entry.
            try:
                text = raw[0].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                if text.isprintable() and "  " not in text:
                    text = text.strip()
                    return [text] if text else []
        return self._values(raw, attribute)

    def _values(self, raw: Sequence[bytes], attribute: str) -> list[str]:
        if len(raw) > MAX_VALUES:
            self.planner.cleaned.add(self.dn, f"{attribute}: {len(raw)} values, kept the first {MAX_VALUES}")
            raw = raw[:MAX_VALUES]
        out: list[str] = []
        for value in raw:
            try:
                text = decode_text(value)
            except ValueError as exc:
                self.planner.cleaned.add(self.dn, f"{attribute}: value dropped, {exc}")
                continue
            if text and text not in out:
                out.append(text)
        return out

    def first(self, attributes: tuple[tuple[str, str], ...]) -> str:
        """The first value of the first attribute that has one; its other values become keywords."""
        for key, attribute in attributes:
            found = self.values(key, attribute)
            if found:
                if len(found) > 1:
                    self.keywords += found[1:]
                return found[0]
        return ""

    def build(self, external_id: str, kind: EntryKind) -> Entry | None:
        f = self.fields
        given, surname = self.first(f.given_name), self.first(f.surname)
        display = self.first(f.display_name) or " ".join(p for p in (given, surname) if p)
        if not display:
            names = ", ".join(name for _key, name in f.display_name) or "no name attribute"
            self.planner.skipped.add(self.dn, f"no name ({names})")
            return None
        description = "\n".join(v for key, name in f.description for v in self.values(key, name))
        title = self.first(f.title)
        unit_path = self.unit_path()
        location, email = self.first(f.location), self.first(f.email)
        keywords = self.keywords
        return Entry(
            source=self.planner.source,
            external_id=external_id,
            kind=kind,
            display_name=display,
            given_name=given,
            surname=surname,
            title=title,
            unit_path=unit_path,
            location=location,
            email=email,
            numbers=self.numbers(),
            description=description,
            keywords=tuple(dict.fromkeys(k for k in keywords if k != display)) if keywords else (),
        )

    def unit_path(self) -> tuple[str, ...]:
        from_attributes = tuple(v for v in (self.first((pair,)) for pair in self.fields.unit) if v)
        if not self.planner.mapping.unit_from_dn:
            return from_attributes
        from_dn = _dn_units(self.dn)
        # Prefer the DN's full path when the attribute only repeats its last level(s).
        if from_dn and (not from_attributes or from_dn[-len(from_attributes) :] == from_attributes):
            return from_dn
        return from_attributes

    def numbers(self) -> tuple[PhoneNumber, ...]:
        out: list[PhoneNumber] = []
        seen: set[tuple[str, NumberKind]] = set()
        region, hints = self.planner.region, self.planner.e164_hints
        for key, attribute, kind in self.fields.numbers:
            for raw in self.values(key, attribute):
                if _DIGIT.search(raw) is None and not any(c.isdigit() for c in raw):
                    self.planner.cleaned.add(self.dn, f"{attribute}: {raw[:40]!r} dropped, not a phone number")
                    continue
                if (raw, kind) not in seen:
                    seen.add((raw, kind))
                    e164 = hints.get(raw, _UNKNOWN)
                    out.append(PhoneNumber(raw, kind, _e164(raw, region) if e164 is _UNKNOWN else e164))
        return tuple(out)


_UNKNOWN = "unknown"  # a sentinel: never an E.164 number


def number_hints(mapping: AttributeMapping, region: str, records: Iterable[RawAttributes]) -> dict[str, str | None]:
    """Number text -> E.164 for the number values of ``records``, cleaned as the planner cleans them;
    for `EntryPlanner.e164_hints`, so that another process can do this part of the planning."""
    keys = {name.lower() for name, _kind in mapping.numbers}
    hints: dict[str, str | None] = {}
    for attributes in records:
        for name, values in attributes.items():
            if name.lower() not in keys:
                continue
            for value in values[:MAX_VALUES]:
                try:
                    text = decode_text(value)
                except ValueError:
                    continue
                if text and text not in hints and _DIGIT.search(text) is not None:
                    hints[text] = _e164(text, region)
    return hints


@lru_cache(maxsize=4096)
def _e164(raw: str, region: str) -> str | None:
    """Switchboard and reception numbers repeat across thousands of entries; parse each once."""
    return to_e164(raw, region)


def _dn_units(dn: str) -> tuple[str, ...]:
    """The ou= components of a DN, top down ("uid=a,ou=Akuten,ou=Sjukhuset,..." -> Sjukhuset, Akuten)."""
    if "\\" not in dn and "+" not in dn and '"' not in dn:
        # Nothing escaped or multi-valued (the common case): splitting is exact and ~20x faster.
        pairs = (rdn.partition("=") for rdn in reversed(dn.split(",")))
        return tuple(value.strip() for attr, _eq, value in pairs if attr.strip().lower() == "ou")
    try:
        parts = parse_dn(dn)
    except LDAPException:
        return ()
    return tuple(_unescape(value) for attr, value, _sep in reversed(parts) if attr.lower() == "ou")


def _unescape(value: str) -> str:
    def one(match: re.Match[str]) -> str:
        text = match.group(1)
        return chr(int(text, 16)) if len(text) == 2 else text

    # Hex escapes are UTF-8 bytes; decode them as such.
    raw = _DN_ESCAPE.sub(one, value)
    try:
        return raw.encode("latin-1").decode("utf-8") if raw != value else raw
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw
