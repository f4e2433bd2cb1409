"""The store's schema told current without Alembic only when it plainly is (directory.store.revision)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import create_engine, text

from directory.store import Store, sqlite_url
from directory.store.database import MIGRATIONS
from directory.store.revision import is_current, plain_head
from directory.store.schema_check import script_directory


def test_the_newest_revision_is_alembics() -> None:
    assert plain_head(MIGRATIONS) == script_directory(MIGRATIONS).get_current_head()


def test_only_a_database_at_the_newest_revision_is_current(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "store.sqlite3")
    empty = create_engine(url)
    assert not is_current(empty, MIGRATIONS)  # no version table
    Store.open(url).dispose()
    assert is_current(empty, MIGRATIONS)
    with empty.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert not is_current(empty, MIGRATIONS)
    empty.dispose()


def test_a_merge_or_an_unusual_script_leaves_it_to_alembic(tmp_path: Path) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS / "versions", scripts / "versions", ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_merge.py").write_text(
        'revision: str = "9999"\ndown_revision = ("0001", "0002")\n', encoding="utf-8")
    assert plain_head(scripts) is None
    (scripts / "versions" / "9999_merge.py").write_text('revision = make_id()\ndown_revision = None\n',
                                                        encoding="utf-8")
    plain_head.cache_clear()
    assert plain_head(scripts) is None
