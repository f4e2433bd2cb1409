"""Every table the migrations make, in ``Base.metadata``: what the schema is checked against.

Most tables are declared in directory.store.schema; the outbox's and the statistics' in modules of their
own, which their repository and roll-up import when they are used. This module imports them all, for the schema
check and the migrations; opening a store does not (a CLI command's start pays for the tables it reads).
"""

from __future__ import annotations

from directory.store import outbox_table, stats_tables  # noqa: F401  # their tables join Base.metadata
from directory.store.schema import Base

metadata = Base.metadata
