"""The collector pause nests and restores the state it found."""

from __future__ import annotations

import gc

from directory.sync.collector import collector_paused


def test_pause_nests_and_restores_an_enabled_collector() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer sync is still running
    assert gc.isenabled()


def test_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pause_ends_when_the_block_raises() -> None:
    try:
        with collector_paused():
            raise RuntimeError("server gone")
    except RuntimeError:
        pass
    assert gc.isenabled()
