"""The user guide's pictures (docs/guide/img/<language>/<scene>.png), each taken by the demo window of itself:
`python -m app.demo.guide_shots [--language sv] [--out DIR]` (or scripts/guide-screenshots).

Every picture comes from its own `switchboard --demo --screenshot FILE --scene NAME --language LANG` run, in a
private home folder shared by the runs (no operator's layout or configuration in the pictures; the calls of
the earlier scenes are in the statistics one).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.cli.main import SCENE_NAMES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
LANGUAGES = ("sv", "nb", "en")
RUN_TIMEOUT_S = 180
ATTEMPTS = 2


class ShotError(Exception):
    """A scene's run ended without its picture; the message holds the end of its error output."""


def shoot(language: str, scene: str, out: Path, home: Path) -> Path:
    """Runs one scene offscreen and returns the picture's path."""
    return take(out / language / f"{scene}.png", home, ["--scene", scene, "--language", language])


def take(picture: Path, home: Path, arguments: list[str], *, display: str = "") -> Path:
    """Runs `switchboard --demo --screenshot picture *arguments` in the private home folder `home` and returns
    the picture's path: offscreen, or on the X server `display` (xcb) when one is given."""
    picture.parent.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "SWITCHBOARD_")) and key != "QT_SCALE_FACTOR"}
    env.update(HOME=str(home), QT_QPA_PLATFORM="xcb" if display else "offscreen",
               SWITCHBOARD_SYSTEM_CONFIG=str(home / "no-system-config.toml"))
    if display:
        env["DISPLAY"] = display
    command = [sys.executable, "-m", "app", "--demo", "--screenshot", str(picture), *arguments]
    for _attempt in range(ATTEMPTS):
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=RUN_TIMEOUT_S, check=False)
        if result.returncode >= 0:  # a run ended by a signal from outside (a busy shared machine) is run again
            break
    if result.returncode != 0 or not picture.exists():
        raise ShotError(f"{picture.parent.name}/{picture.name}: exit {result.returncode}: {result.stderr[-2000:]}")
    return picture


def shoot_all(languages: tuple[str, ...], out: Path) -> list[Path]:
    with tempfile.TemporaryDirectory(prefix="switchboard-guide-") as home:
        return [shoot(language, scene, out, Path(home)) for language in languages for scene in SCENE_NAMES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append",
                        help="only this language (may be repeated); default: all three")
    parser.add_argument("--out", type=Path, default=GUIDE / "img", help="where <language>/<scene>.png go")
    args = parser.parse_args(argv)
    return report("guide-screenshots", lambda: shoot_all(tuple(args.language or LANGUAGES), args.out))


def report(prog: str, shoot: Callable[[], list[Path]]) -> int:
    """A picture script's exit code: each picture `shoot` took printed, or why it could not, and 1."""
    try:
        for picture in shoot():
            print(picture)
    except (ShotError, subprocess.TimeoutExpired) as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
