"""Readers that turn directory export files (CSV, LDIF) into Entry records.

Every reader raises ImportFormatError listing each problem with file, line and column/attribute, and
returns nothing partial: a caller stores all the entries of a file or none.
"""

from __future__ import annotations

from directory.imports.csv_format import load_csv, read_csv, write_csv
from directory.imports.dispatch import load_entries, read_entries
from directory.imports.errors import ImportFormatError, Problem
from directory.imports.ldif_format import load_ldif, read_ldif
from directory.imports.result import ImportResult

__all__ = [
    "ImportFormatError", "ImportResult", "Problem", "load_csv", "load_entries", "load_ldif", "read_csv",
    "read_entries", "read_ldif", "write_csv",
]
