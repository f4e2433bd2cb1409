"""An operator's favourites (the busy-lamp field) in the store: per operator, in their order, in the
organisation's shared rows on PostgreSQL. Blocking: run it on the database worker, never on the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from directory.store.database import Store
from directory.store.schema import OperatorFavouriteRow as Row


class FavouritesRepository:
    def __init__(self, store: Store, operator: str) -> None:
        self._store = store
        self._operator = operator[:200]

    def entry_ids(self) -> list[int]:
        """This operator's favourites, in the order they were added."""
        with self._store.sessions() as session:
            return list(session.scalars(select(Row.entry_id).where(Row.operator == self._operator)
                                        .order_by(Row.position, Row.id)))

    def add(self, entry_id: int) -> None:
        """At the end; already there (added from another console meanwhile): nothing changes."""
        try:
            with self._store.transaction() as session:
                last = session.scalar(select(func.max(Row.position))
                                      .where(Row.operator == self._operator))
                session.add(Row(operator=self._operator, entry_id=entry_id, position=(last or 0) + 1))
        except IntegrityError:
            if entry_id not in self.entry_ids():
                raise

    def remove(self, entry_id: int) -> None:
        with self._store.transaction() as session:
            session.execute(delete(Row).where(Row.operator == self._operator,
                                                       Row.entry_id == entry_id))

    def adopt(self, entry_ids: Sequence[int]) -> bool:
        """The favourites of the JSON file earlier versions kept, taken over once: only while this operator
        has none in the store (a second console's old file does not add to them). True when taken."""
        if self.entry_ids():
            return False
        for entry_id in entry_ids:
            try:
                self.add(entry_id)
            except IntegrityError:  # an entry this directory does not have (the file was another database's)
                continue
        return True
