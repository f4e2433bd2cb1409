"""Background work off the GUI thread, with results back on the event loop (the GUI thread under qasync).

One worker serialises database access; searches have their own worker so typing never waits behind an
import; network clients get a small pool. Every task is referenced until done and failures are logged
in one place, so nothing disappears silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRunner:
    def __init__(self) -> None:
        self.database = ThreadPoolExecutor(1, thread_name_prefix="db")
        self.search = ThreadPoolExecutor(1, thread_name_prefix="search")
        self.network = ThreadPoolExecutor(4, thread_name_prefix="net")
        self._tasks: set[asyncio.Task[Any]] = set()

    async def in_database(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.database, partial(fn, *args))

    async def in_search(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.search, partial(fn, *args))

    async def in_network(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.network, partial(fn, *args))

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str,
              on_error: Callable[[BaseException], None] | None = None) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)

        def done(finished: asyncio.Task[Any]) -> None:
            self._tasks.discard(finished)
            if finished.cancelled():
                return
            error = finished.exception()
            if error is not None:
                log.error("background task %s failed", name, exc_info=error)
                if on_error is not None:
                    on_error(error)

        task.add_done_callback(done)
        return task

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def shutdown(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for pool in (self.database, self.search, self.network):
            pool.shutdown(wait=True, cancel_futures=True)
