"""Recipients from a file: CSV (any common delimiter) or Excel (.xlsx), the address in the first column and an
optional name in the second. A first row that holds neither digits nor an @ is a header and is skipped.
Reading only: every address is checked later, with the rest of the group (`messaging.compose.recipients`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from messaging.model import MessageError


def _rows_to_pairs(rows: Iterable[list[str]]) -> list[tuple[str, str]]:
    pairs = []
    for index, row in enumerate(rows):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if not cells or not cells[0]:
            continue
        if index == 0 and not any(ch.isdigit() or ch == "@" for ch in cells[0]):
            continue  # a header such as "Mobil;Namn"
        pairs.append((cells[0], cells[1] if len(cells) > 1 else ""))
    return pairs


def read_recipients(path: Path) -> list[tuple[str, str]]:
    """(address, name) pairs from `path`; MessageError naming the file when it cannot be read."""
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_excel(path)
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MessageError(f"cannot read {path.name}: {exc}") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # one column: nothing to sniff
    return _rows_to_pairs(csv.reader(text.splitlines(), dialect))


def _read_excel(path: Path) -> list[tuple[str, str]]:
    try:
        import openpyxl  # noqa: PLC0415 - only for Excel files
    except ImportError:
        raise MessageError("Excel files cannot be read here (openpyxl is missing); save the list as CSV") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise MessageError(f"cannot read {path.name} as an Excel workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        return _rows_to_pairs([["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)])
    finally:
        book.close()
