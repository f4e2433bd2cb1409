"""`--scene` and `--language`: bad values and a scene without the demo's screenshot are refused before any
window opens (exit 2, the reason on stderr)."""

from __future__ import annotations

import pytest

from app.cli.main import main


@pytest.mark.parametrize(("argv", "reason"), [
    (["--scene", "call"], "--scene pictures the demo: it needs --demo and --screenshot"),
    (["--demo", "--scene", "call"], "--scene pictures the demo: it needs --demo and --screenshot"),
    (["--screenshot", "shot.png", "--scene", "call"], "--scene pictures the demo"),
    (["--demo", "--screenshot", "shot.png", "--scene", "lunch"], "invalid choice: 'lunch'"),
    (["--language", "de"], "invalid choice: 'de'"),
])
def test_refused_before_the_window(argv: list[str], reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert reason in capsys.readouterr().err
