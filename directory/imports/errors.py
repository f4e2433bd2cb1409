"""The one error an import raises: every problem found, each naming file, line and column or attribute."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Stop collecting after this many: a file with a wrong structure fails on every line.
MAX_PROBLEMS = 50


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an import file. ``line`` is 1-based; ``key`` is a column or attribute."""

    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ImportFormatError(Exception):
    """A file could not be imported; ``problems`` says why, one entry per problem found.

    Nothing from a file that raised this should be stored: imports are all or nothing.
    """

    def __init__(self, problems: Iterable[Problem], omitted: int = 0) -> None:
        self.problems = tuple(problems)
        self.omitted = omitted
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[ImportFormatError], tuple[tuple[Problem, ...], int]]:
        # Survives pickling (a process pool running the import), which replays __init__'s arguments.
        return type(self), (self.problems, self.omitted)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        if self.omitted:
            lines.append(f"... and {self.omitted} more problems")
        return "\n".join(lines)


class ProblemLog:
    """Collects the problems of one file and raises them together."""

    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self._problems: list[Problem] = []
        self._omitted = 0

    def add(self, line: int | None, key: str, message: str) -> None:
        if len(self._problems) < MAX_PROBLEMS:
            self._problems.append(Problem(self.file, line, key, message))
        else:
            self._omitted += 1

    def fail(self, line: int | None, key: str, message: str) -> ImportFormatError:
        """The error to raise at once for a problem that makes reading on pointless."""
        self.add(line, key, message)
        return self.error()

    def error(self) -> ImportFormatError:
        return ImportFormatError(self._problems, self._omitted)

    def raise_if_any(self) -> None:
        if self._problems:
            raise self.error()

    def __bool__(self) -> bool:
        return bool(self._problems)
