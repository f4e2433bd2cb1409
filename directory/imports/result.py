"""What reading an import file gives besides its entries."""

from __future__ import annotations

from dataclasses import dataclass, field

from directory.model import Entry


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The entries of one file, how many records were skipped as not directory entries (LDIF
    organizational units, groups, ...), and how the file was read ("cp1252, semicolon-separated")."""

    entries: list[Entry]
    skipped: int = 0
    details: tuple[str, ...] = field(default=())
