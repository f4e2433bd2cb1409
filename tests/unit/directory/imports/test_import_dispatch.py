"""Choosing the import reader by file extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from directory.imports import ImportFormatError, load_entries, read_entries

DATA = Path(__file__).parents[3] / "data" / "directory"


@pytest.mark.parametrize("suffix", [".csv", ".TXT"])
def test_csv_extensions(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"staff{suffix}"
    path.write_bytes("id;name\r\n1;Åsa\r\n".encode("cp1252"))
    result = load_entries(path, "hr")
    assert [e.display_name for e in result.entries] == ["Åsa"]
    assert result.details == ("cp1252", "semicolon-separated")


@pytest.mark.parametrize("suffix", [".ldif", ".LDF"])
def test_ldif_extensions(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_bytes((DATA / "staff.ldif").read_bytes())
    entries = read_entries(path, "ldap")
    assert [(e.display_name, e.kind.value) for e in entries] == [
        ("Åsa Öberg-Sørensen", "person"), ("Kari Berg-Ødegård", "person"), ("Akutmottagningen", "function")]


@pytest.mark.parametrize(("name", "hint"), [("staff.xlsx", "from Excel as CSV"), ("staff", "expected .csv")])
def test_unknown_extension(tmp_path: Path, name: str, hint: str) -> None:
    path = tmp_path / name
    path.write_text("id,name\n1,A\n")
    with pytest.raises(ImportFormatError, match=hint) as caught:
        read_entries(path, "hr")
    assert caught.value.problems[0].file == str(path)
