"""An Excel workbook of a report (openpyxl): the figures sheet, then the definitions the figures follow."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from directory.stats.table import Cell


def write_xlsx(path: Path, headers: Sequence[str], table: list[list[Cell]], *, title: str,
               definitions: Sequence[tuple[str, str]], percent_columns: Collection[int] = (),
               sheet_names: tuple[str, str] = ("Figures", "Definitions")) -> None:
    """`title` goes above the table (the period and grouping); the cells of `percent_columns` (0-based
    in `headers`) hold shares (0.95) and are shown as 95.0 %, still numbers to compute with."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = sheet_names[0]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for line in table:
        sheet.append(list(line))
    for index in percent_columns:
        for (cell,) in sheet.iter_rows(min_row=3, min_col=index + 1, max_col=index + 1):
            cell.number_format = "0.0%"
    sheet.freeze_panes = "B3"
    sheet.column_dimensions["A"].width = 22
    notes = book.create_sheet(sheet_names[1])
    for term, text in definitions:
        notes.append([term, text])
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["B"].width = 100
    book.save(path)
