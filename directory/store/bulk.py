"""Inserting many rows at once, for imports and syncs of 100,000 directory entries."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) with one driver executemany.

    The statement is the one SQLAlchemy compiles for the session's dialect, and the column types'
    bind processors are applied; what this skips is SQLAlchemy's per-row parameter handling, about
    a third of the cost of inserting 300,000 rows of a sync. Works with any DB-API paramstyle.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    converters: dict[str, Callable[[Any], Any]] = {}
    for key in keys:
        processor = table.c[key].type.bind_processor(dialect)
        if processor is not None:
            converters[key] = functools.lru_cache(maxsize=64)(processor)  # the same timestamp on every row
    if converters:
        rows = [{**row, **{k: f(row[k]) for k, f in converters.items()}} for row in rows]
    params: list[Any]
    if compiled.positional:
        order = compiled.positiontup or []
        params = [tuple(row[name] for name in order) for row in rows]
    else:
        params = rows
    connection.exec_driver_sql(compiled.string, params)
