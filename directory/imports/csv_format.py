"""The CSV import format (documented in docs/import-formats.md): one entry per row, named columns.

Columns are matched by name, case-insensitively and in any order; unknown columns are ignored.
Required: ``id`` and ``name`` (or ``given_name`` and ``surname``). A unit path is written
"Region / Clinic / Ward"; keywords are separated by ";" or ","; a number column may hold several
numbers separated by "|" or ",". The delimiter (comma, semicolon or tab) and the encoding (UTF-8,
UTF-8 with BOM, UTF-16, Windows-1252) are detected.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from directory.imports.errors import ProblemLog
from directory.imports.result import ImportResult
from directory.imports.text import read_text
from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.phones import to_e164

NUMBER_COLUMNS: dict[str, NumberKind] = {
    "work": NumberKind.WORK, "mobile": NumberKind.MOBILE, "switch": NumberKind.SWITCH,
    "dect": NumberKind.DECT, "pager": NumberKind.PAGER, "fax": NumberKind.FAX, "other": NumberKind.OTHER,
}
TEXT_COLUMNS: tuple[str, ...] = (
    "id", "kind", "name", "given_name", "surname", "title", "unit", "location", "email", "keywords",
    "description",
)
COLUMNS: tuple[str, ...] = (*TEXT_COLUMNS, *NUMBER_COLUMNS)
# Other spellings of the column names seen in exports.
ALIASES: dict[str, str] = {
    "external_id": "id", "display_name": "name", "displayname": "name", "first_name": "given_name",
    "firstname": "given_name", "givenname": "given_name", "last_name": "surname", "lastname": "surname",
    "sn": "surname", "department": "unit", "ou": "unit", "e-mail": "email", "mail": "email",
    "phone": "work", "telephone": "work", "telephonenumber": "work", "cell": "mobile",
}
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
UNIT_SEPARATOR = " / "
NUMBER_SEPARATOR = "|"
KEYWORD_SEPARATOR = "; "

_SEP_LINE = re.compile(r"[ \t]*sep=(.)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_UNIT_SPLIT = re.compile(r"\s+/\s+")
_KEYWORD_SPLIT = re.compile(r"[;,]")
_NUMBER_SPLIT = re.compile(r"[|,]")


def read_csv(path: Path, source: str, region: str = "SE") -> list[Entry]:
    """The entries in the CSV file at ``path``, all with ``source``; raises ImportFormatError.

    ``region`` is the country whose conventions apply to numbers written without a country code.
    """
    return load_csv(path, source, region).entries


def load_csv(path: Path, source: str, region: str = "SE") -> ImportResult:
    """Like read_csv, also saying which encoding and delimiter were detected."""
    log = ProblemLog(path)
    text, encoding = read_text(path, log)
    # Excel writes and honours a first line "sep=;" naming the delimiter.
    sep_line = _SEP_LINE.match(text)
    delimiter = sep_line.group(1) if sep_line else _sniff_delimiter(text)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header_cells: list[str] = []
    header_line = 1
    for cells in rows:
        if any(c.strip() for c in cells) and not (sep_line and rows.line_num == 1):
            header_cells = cells
            break
        header_line = rows.line_num + 1
    reader = _RowReader(_header(header_cells, header_line, log), len(header_cells), source, region, log)
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    line = rows.line_num + 1
    for row in rows:
        if any(cell.strip() for cell in row):
            entry = reader.entry(row, line)
            if entry is not None:
                if entry.external_id in first_line:
                    log.add(line, "id", f'duplicate id "{entry.external_id}", first on line '
                                        f"{first_line[entry.external_id]}")
                else:
                    first_line[entry.external_id] = line
                    entries.append(entry)
        line = rows.line_num + 1
    if not entries and not log:
        log.add(None, "", "the file has a header but no entries")
    log.raise_if_any()
    return ImportResult(entries, 0, (encoding, f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}-separated"))


def write_csv(entries: Iterable[Entry], path: Path) -> None:
    """Write ``entries`` in the format ``read_csv`` reads (UTF-8, comma-separated, all columns)."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for e in entries:
            numbers = {c: NUMBER_SEPARATOR.join(n.raw for n in e.numbers if n.kind is kind)
                       for c, kind in NUMBER_COLUMNS.items()}
            writer.writerow([
                e.external_id, e.kind.value, e.display_name, e.given_name, e.surname, e.title,
                UNIT_SEPARATOR.join(e.unit_path), e.location, e.email, KEYWORD_SEPARATOR.join(e.keywords),
                e.description, *numbers.values(),
            ])


def _normalise(column: str) -> str:
    name = column.strip().strip('"').strip().lower().replace(" ", "_")
    return ALIASES.get(name, name)


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most known columns (then the most columns)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        return sum(_normalise(c) in COLUMNS for c in cells), len(cells)
    return max(DELIMITERS, key=score)


def _header(cells: list[str], line: int, log: ProblemLog) -> dict[str, int]:
    """Column name -> index; raises with the columns found and expected when the required ones lack."""
    header: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = _normalise(cell)
        if column in header:
            log.add(line, cell.strip(), f"column appears twice (columns {header[column] + 1} and {index + 1})")
        elif column in COLUMNS:
            header[column] = index
    has_name = "name" in header or {"given_name", "surname"} <= header.keys()
    if "id" not in header or not has_name:
        found = ", ".join(f'"{c.strip()}"' for c in cells) or "none"
        raise log.fail(line, "", f"the header lacks the required columns: id and name (or given_name and "
                              f"surname). Found {found}. Known columns: {', '.join(COLUMNS)}. "
                              f"(Delimiters tried: comma, semicolon, tab.)")
    log.raise_if_any()
    return header


_KINDS = {k.value: k for k in EntryKind}


class _RowReader:
    """Turns rows into entries, logging what is wrong with each."""

    def __init__(self, header: dict[str, int], width: int, source: str, region: str,
                 log: ProblemLog) -> None:
        # (column, index) pairs for every known column, -1 where the file lacks it: one list lookup
        # per cell matters at 200,000 rows.
        self._indices = [header.get(column, -1) for column in TEXT_COLUMNS]
        self._numbers = [(header[c], kind) for c, kind in NUMBER_COLUMNS.items() if c in header]
        self._width = width
        self._source = source
        self._region = region
        self._log = log

    def entry(self, row: list[str], line: int) -> Entry | None:
        log = self._log
        size = len(row)
        if size > self._width and any(c.strip() for c in row[self._width :]):
            log.add(line, "", f"the row has {size} fields but the header {self._width}; "
                              "does a value hold the delimiter without quotes around it?")
            return None
        (external_id, kind_text, name, given, surname, title, unit, location, email, keywords,
         description) = (row[i].strip() if 0 <= i < size else "" for i in self._indices)
        name = name or f"{given} {surname}".strip()
        kind = _KINDS.get(kind_text.lower() or "person")
        if not external_id:
            log.add(line, "id", "missing: every row needs an id")
        if kind is None:
            log.add(line, "kind", f'"{kind_text}" is neither "person" nor "function"')
        if not name:
            log.add(line, "name", "missing: give name, or given_name and surname")
        if not external_id or kind is None or not name:
            return None
        numbers = tuple(
            PhoneNumber(raw, number_kind, to_e164(raw, self._region))
            for index, number_kind in self._numbers
            if index < size and row[index]
            for raw in (part.strip() for part in _NUMBER_SPLIT.split(row[index]))
            if raw
        )
        return Entry(
            source=self._source, external_id=external_id, kind=kind, display_name=name,
            given_name=given, surname=surname, title=title,
            unit_path=tuple(p.strip() for p in _UNIT_SPLIT.split(unit) if p.strip()) if unit else (),
            location=location, email=email,
            keywords=tuple(k.strip() for k in _KEYWORD_SPLIT.split(keywords) if k.strip()) if keywords else (),
            description=description, numbers=numbers,
        )
