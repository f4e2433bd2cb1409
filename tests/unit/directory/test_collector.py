"""The collector pause nests and restores the state it found, whether held by a block or across calls."""

from __future__ import annotations

import gc

import pytest

from directory.collector import collector_paused, pause, resume


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


def test_a_hold_across_calls_nests_with_a_block() -> None:
    pause()  # the operator starts typing
    with collector_paused():  # a sync runs meanwhile
        assert not gc.isenabled()
    assert not gc.isenabled()  # still typing
    resume()
    assert gc.isenabled()


def test_resume_without_pause_is_an_error() -> None:
    with pytest.raises(RuntimeError):
        resume()
    assert gc.isenabled()
