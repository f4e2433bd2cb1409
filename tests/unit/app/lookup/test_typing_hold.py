"""The collector is held while the operator types and runs again once typing has paused."""

from __future__ import annotations

import asyncio
import gc

from app.lookup.typing_hold import TypingHold


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

    asyncio.run(typing())


def test_release_on_close_and_twice_is_harmless() -> None:
    async def closing() -> None:
        hold = TypingHold(quiet_s=10)
        hold.typing()
        hold.release()
        assert gc.isenabled()
        hold.release()
        assert gc.isenabled()

    asyncio.run(closing())
