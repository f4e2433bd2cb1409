"""Whether a database's schema is this version's newest, told without Alembic (issue 19).

Opening the store checked its schema through Alembic at every start: importing it and reading its
migration scripts took 0.2 s of a `directory search` that should answer within a second. The newest
revision is read here from the scripts' ``revision`` and ``down_revision`` lines and compared with the
database's ``alembic_version``; whenever that is not plain (a merge, a line written another way, no
version table, more than one row) the caller asks Alembic, as before.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["']([^"']+)["']\s*$""", re.MULTILINE)
_DOWN_REVISION = re.compile(r"""^down_revision(?:\s*:[^=\n]*)?\s*=\s*(.+?)\s*$""", re.MULTILINE)
_QUOTED = re.compile(r"""^["']([^"']+)["']$""")


@cache
def plain_head(location: Path) -> str | None:
    """The one revision of the scripts under ``location`` that no other revises; None if not plain."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (location / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(found) != 1 or len(down) != 1:
            return None
        revisions.add(found[0])
        if down[0] != "None":
            parent = _QUOTED.match(down[0])
            if parent is None:  # a tuple: a merge
                return None
            revised.add(parent.group(1))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 and revised <= revisions else None


def is_current(engine: Engine, location: Path) -> bool:
    """True when the database is plainly at the scripts' newest revision; False when Alembic must tell."""
    head = plain_head(location)
    if head is None:
        return False
    with engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError:  # no version table (an empty database): Alembic creates the schema
            return False
    return len(rows) == 1 and rows[0][0] == head
