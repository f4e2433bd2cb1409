"""Readers that turn directory export files (CSV, LDIF) into Entry records.

Every reader raises ImportFormatError listing each problem with file, line and column/attribute, and
returns nothing partial: a caller stores all the entries of a file or none.
"""

from __future__ import annotations

from directory.imports.csv_format import read_csv, write_csv
from directory.imports.errors import ImportFormatError, Problem

__all__ = ["ImportFormatError", "Problem", "read_csv", "write_csv"]
