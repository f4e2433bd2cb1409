"""Choosing the reader for an import file by its extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from directory.imports.csv_format import load_csv
from directory.imports.errors import ImportFormatError, Problem
from directory.imports.ldif_format import load_ldif
from directory.imports.result import ImportResult
from directory.model import Entry

Loader = Callable[[Path, str, str], ImportResult]
LOADERS: dict[str, Loader] = {".csv": load_csv, ".txt": load_csv, ".ldif": load_ldif, ".ldf": load_ldif}


def read_entries(path: Path, source: str, region: str = "SE") -> list[Entry]:
    """The entries of a CSV (.csv, .txt) or LDIF (.ldif, .ldf) file; raises ImportFormatError."""
    return load_entries(path, source, region).entries


def load_entries(path: Path, source: str, region: str = "SE") -> ImportResult:
    """Like read_entries, with the skipped-record count and how the file was read."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        hint = " (save it from Excel as CSV UTF-8)" if path.suffix.lower() in {".xls", ".xlsx", ".ods"} else ""
        raise ImportFormatError([Problem(str(path), None, "", f'cannot import "{path.suffix or path.name}" '
                                         f"files{hint}; expected .csv or .txt (CSV), .ldif or .ldf (LDIF)")])
    return loader(path, source, region)
