"""A log panel over the store: searches run on the database worker, stale answers are dropped. The call log
and the message log are two of these, each knowing only its query and how its panel shows rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject

from app.tasks import TaskRunner
from ui.log_panel import LogPanel

SHOWN = 500  # newest first; a search narrows it down


class LogFlow(QObject):
    def __init__(self, panel: LogPanel, tasks: TaskRunner, show: Callable[[Sequence[Any]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.tasks, self._show = panel, tasks, show
        self._query: Callable[[str, int], Sequence[Any]] | None = None  # once the store is open
        self._asked = 0
        panel.search_requested.connect(self.search)

    def attach_query(self, query: Callable[[str, int], Sequence[Any]]) -> None:
        """`query(text, limit)`: the rows, newest first (blocking: it runs on the database worker)."""
        self._query = query
        self.panel.refresh()

    def search(self, text: str) -> None:
        if self._query is None:
            return
        self._asked += 1
        self.tasks.spawn(self._search(self._query, text, self._asked), f"{self.panel.objectName()} search")

    async def _search(self, query: Callable[[str, int], Sequence[Any]], text: str, asked: int) -> None:
        rows = await self.tasks.in_database(query, text, SHOWN)
        if asked == self._asked:  # a newer search is on its way
            self._show(rows)
