"""A small LDIF (RFC 2849) content-record parser: records of attribute values with their line numbers.

Handles ``version: 1``, comments, continuation lines (a leading single space), base64 values
(``attr:: ...``), attribute options (``cn;lang-sv``), CRLF or LF line ends. Change records other
than ``changetype: add`` and URL values (``attr:< file://...``) are rejected: an export has neither.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from directory.imports.errors import ProblemLog

# The result summary plain `ldapsearch > export.ldif` appends ("search: 2", "result: 0 Success").
_SEARCH_SUMMARY = ("search:", "result:")
# An attribute description: a name or OID, then options (";lang-sv", ";binary").
_ATTRIBUTE = re.compile(r"([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)((?:;[A-Za-z0-9-]+)*)")


@dataclass(frozen=True, slots=True)
class Value:
    """One attribute value; ``text`` is None when a base64 value is not UTF-8 (a photo, a certificate)."""

    text: str | None
    line: int


@dataclass(slots=True)
class Record:
    """One LDIF entry: its DN, the line it starts on, and its values by lower-case attribute name."""

    dn: str
    line: int
    attributes: dict[str, list[Value]] = field(default_factory=dict)

    def texts(self, name: str) -> list[str]:
        return [v.text for v in self.attributes.get(name, ()) if v.text is not None]

    def first(self, name: str) -> str:
        return next((t.strip() for t in self.texts(name) if t.strip()), "")


def parse_ldif(text: str, log: ProblemLog) -> list[Record]:
    """The records in ``text``; problems go to ``log`` (the caller raises them)."""
    records: list[Record] = []
    for index, block in enumerate(_blocks(_logical_lines(text, log))):
        if index == 0 and _is_version(block[0][1]):
            line, version = block.pop(0)
            if version.split(":", 1)[1].strip() != "1":
                log.add(line, "version", f'unsupported LDIF version "{version}", expected "version: 1"')
            if not block:
                continue
        if block[0][1].lower().startswith(_SEARCH_SUMMARY):
            continue
        record = _record(block, log)
        if record is not None:
            records.append(record)
    return records


def _logical_lines(text: str, log: ProblemLog) -> Iterator[tuple[int, str]]:
    """(first physical line number, unfolded line) with comments dropped; "" separates records."""
    current: list[str] = []
    start = 0
    for number, physical in enumerate(text.split("\n"), start=1):
        line = physical.removesuffix("\r")
        if line.startswith(" "):
            if not current:
                log.add(number, "", "a continuation line (starting with a space) follows no attribute")
            else:
                current.append(line[1:])
            continue
        if current:
            yield start, "".join(current)
        current, start = ([line], number) if line else ([], number)
        if not line:
            yield number, ""
    if current:
        yield start, "".join(current)


def _blocks(lines: Iterator[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    block: list[tuple[int, str]] = []
    for number, line in lines:
        if not line:
            if block:
                yield block
            block = []
        elif not line.startswith("#"):
            block.append((number, line))
    if block:
        yield block


def _is_version(line: str) -> bool:
    return line.lower().startswith("version:")


def _record(block: list[tuple[int, str]], log: ProblemLog) -> Record | None:
    first_line, first = block[0]
    parsed = _attribute_line(first_line, first, log)
    if parsed is None:
        return None
    name, dn = parsed
    if name != "dn" or dn.text is None:
        log.add(first_line, "dn", f'an entry must start with "dn:", not "{first[:40]}"')
        return None
    record = Record(dn.text.strip(), first_line)
    for number, line in block[1:]:
        parsed = _attribute_line(number, line, log)
        if parsed is None:
            continue
        name, value = parsed
        if name == "changetype":
            if (value.text or "").strip().lower() != "add":
                log.add(number, "changetype", f'"{value.text}" is a change record; export the entries '
                                              "as plain content records")
            continue
        if name == "dn":
            log.add(number, "dn", "a second dn: inside one entry; is a blank line missing before it?")
            continue
        record.attributes.setdefault(name, []).append(value)
    return record


def _attribute_line(number: int, line: str, log: ProblemLog) -> tuple[str, Value] | None:
    description, colon, rest = line.partition(":")
    match = _ATTRIBUTE.fullmatch(description)
    if not colon or match is None:
        log.add(number, "", f'not an "attribute: value" line: "{line[:60]}"')
        return None
    name = match.group(1).lower()
    if rest.startswith("<"):
        log.add(number, name, "URL values (attribute:< URL) are not supported; export the value inline")
        return None
    if not rest.startswith(":"):
        return name, Value(rest.lstrip(" "), number)
    try:
        data = base64.b64decode(rest[1:].strip(), validate=True)
    except (binascii.Error, ValueError):
        log.add(number, name, "the base64 value (after ::) is not valid base64")
        return None
    try:
        return name, Value(data.decode("utf-8"), number)
    except UnicodeDecodeError:
        return name, Value(None, number)
