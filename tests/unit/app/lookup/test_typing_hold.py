"""The collector is held while the operator types and runs again once typing has paused."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.lookup.typing_hold import TypingHold


def _run(make: Callable[[], Coroutine[Any, Any, None]]) -> None:
    # On a thread of its own: a GUI test before this one in the same worker may leave its event loop set as
    # running on this thread. The collector's state is the process's, so it is seen the same from here.
    with ThreadPoolExecutor(1) as worker:
        worker.submit(lambda: asyncio.run(make())).result()


def test_held_while_typing_and_released_once_typing_pauses() -> None:
    async def typing() -> None:
        hold = TypingHold(quiet_s=0.2)
        hold.typing()
        assert not gc.isenabled()
        for _ in range(3):  # keystrokes closer together than the quiet time keep it held
            await asyncio.sleep(0.1)
            hold.typing()
            assert not gc.isenabled()
        await asyncio.sleep(0.4)
        assert gc.isenabled()
        assert not hold.held

    _run(typing)


def test_release_on_close_and_twice_is_harmless() -> None:
    async def closing() -> None:
        hold = TypingHold(quiet_s=10)
        hold.typing()
        hold.release()
        assert gc.isenabled()
        hold.release()
        assert gc.isenabled()

    _run(closing)
