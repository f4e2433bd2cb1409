"""Numbers imported from CSV and Excel: header skipped, names kept, any common delimiter."""

from __future__ import annotations

from pathlib import Path

import pytest

from messaging.import_numbers import read_recipients
from messaging.model import MessageError


def test_csv_with_a_header_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "grupp.csv"
    path.write_text("Mobil;Namn\n070-111 22 33;Åsa Öberg\n+47 900 12 345;Per Holm\n\n", encoding="utf-8")
    assert read_recipients(path) == [("070-111 22 33", "Åsa Öberg"), ("+47 900 12 345", "Per Holm")]


def test_one_column_of_numbers(tmp_path: Path) -> None:
    path = tmp_path / "nummer.csv"
    path.write_text("0701112233\n0701112234\n", encoding="utf-8")
    assert read_recipients(path) == [("0701112233", ""), ("0701112234", "")]


def test_excel(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (("Number", "Name"), ("070-111 22 33", "Åsa"), (46701112234, "Per")):
        sheet.append(row)
    book.save(tmp_path / "grupp.xlsx")
    assert read_recipients(tmp_path / "grupp.xlsx") == [("070-111 22 33", "Åsa"), ("46701112234", "Per")]


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MessageError, match=r"cannot read missing\.csv"):
        read_recipients(tmp_path / "missing.csv")
