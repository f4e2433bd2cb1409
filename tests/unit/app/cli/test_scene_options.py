"""`--scene`, `--size` and `--language`: bad values and a scene without the demo's screenshot are refused before any
window opens (exit 2, the reason on stderr)."""

from __future__ import annotations

import pytest

from app.cli.main import _size, main

SHOT = ["--demo", "--screenshot", "shot.png"]


@pytest.mark.parametrize(("argv", "reason"), [
    (["--scene", "call"], "--scene pictures the demo: it needs --demo and --screenshot"),
    (["--demo", "--scene", "call"], "--scene pictures the demo: it needs --demo and --screenshot"),
    (["--screenshot", "shot.png", "--scene", "call"], "--scene pictures the demo"),
    (["--demo", "--screenshot", "shot.png", "--scene", "lunch"], "invalid choice: 'lunch'"),
    (["--language", "de"], "invalid choice: 'de'"),
    ([*SHOT, "--scene", "call", "--size", "1920"], "'1920' is not a size like 1920x1080"),
    ([*SHOT, "--scene", "call", "--size", "320x200"], "(at least 640x480)"),
    ([*SHOT, "--size", "1920x1080"], "--size is a scene's picture size: it needs --scene"),
])
def test_refused_before_the_window(argv: list[str], reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert reason in capsys.readouterr().err


def test_a_size_reads_as_width_and_height() -> None:
    assert _size("1920x1080") == (1920, 1080)
    assert _size("1366X768") == (1366, 768)
