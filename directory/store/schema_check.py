"""Which schema a database has, compared with the one this version of Switchboard knows.

`schema_state` reads the database's Alembic revision: none (an empty database), this version's newest
(current), one of its older ones (older), or one it does not know (newer: a later Switchboard upgraded
it). `differences` lists what a current-looking schema lacks or has extra against the models, for
`switchboard db check`. `describe` turns a driver's exception into one line for messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from directory.store.tables import metadata

EMPTY, CURRENT, OLDER, NEWER = "empty", "current", "older", "newer"


@dataclass(frozen=True, slots=True)
class SchemaState:
    database: str  # the URL without its password
    revision: str | None  # the database's; None when it has no schema yet
    head: str  # the newest this version knows
    status: str  # empty | current | older | newer

    def problem(self) -> str:
        """What is wrong, naming the database and what to do; "" when current."""
        if self.status == NEWER:
            return (f"the store {self.database} has schema revision {self.revision}, newer than this version of "
                    f"Switchboard knows (up to {self.head}): it was upgraded by a newer Switchboard; install that "
                    "version here, or ask whoever upgraded it")
        if self.status == OLDER:
            return (f"the store {self.database} has schema revision {self.revision}, older than this version of "
                    f"Switchboard needs ({self.head}): run `switchboard db upgrade` as the database's owner")
        if self.status == EMPTY:
            return f"the store {self.database} has no schema yet: run `switchboard db upgrade`"
        return ""


def script_directory(location: Path) -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(location))
    return ScriptDirectory.from_config(config)


def schema_state(engine: Engine, scripts: ScriptDirectory) -> SchemaState:
    head = scripts.get_current_head()
    assert head is not None
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    known = {script.revision for script in scripts.walk_revisions()}
    if revision is None:
        status = EMPTY
    elif revision == head:
        status = CURRENT
    elif revision in known:
        status = OLDER
    else:
        status = NEWER
    return SchemaState(engine.url.render_as_string(hide_password=True), revision, head, status)


def differences(engine: Engine) -> list[str]:
    """Tables, columns and indexes that differ from the models (empty when the schema matches)."""
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), metadata)
    return [_describe_diff(diff) for diff in diffs]


def _describe_diff(diff: object) -> str:
    if isinstance(diff, tuple) and diff and isinstance(diff[0], str):
        subject = next((getattr(part, "name", None) for part in diff[1:] if getattr(part, "name", None)), "")
        return f"{diff[0].replace('_', ' ')} {subject}".strip()
    return str(diff)


def describe(error: BaseException) -> str:
    """One line for a person: the driver's own message without SQLAlchemy's wrapping and links."""
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    text = lines[0] if lines else type(original).__name__
    return text.split(" (Background on this error", 1)[0]
