"""Pictures of every theme in both layouts at a laptop's and a desktop's screen size
(docs/themes/<layout>-<theme>-<W>x<H>.png, shown by docs/themes.md), each taken by the demo window of itself
mid-call with callers waiting (the overview scene), under Xvfb with a screen of the picture's size:
`python -m app.demo.theme_shots [--only NAME] [--out DIR]` (or scripts/theme-screenshots).

The theme and the layout reach the demo run as configuration (`[general] theme` and `layout` in a file given
with --config), as an operator's settings would; the size with --size. One X server per size serves its runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.demo.guide_shots import ROOT, ShotError, report, take
from ui.appearance import THEMES
from ui.layouts import OPERATOR, RECEPTIONIST

PICTURES = ROOT / "docs" / "themes"
LAYOUTS = (OPERATOR, RECEPTIONIST)
SIZES = ((1366, 768), (1920, 1080))  # a common laptop screen and a common desktop one
SCENE = "overview"  # mid-call: a caller on the card, four waiting, the search for what they ask
LANGUAGE = "en"
XVFB_STOP_S = 10.0


@dataclass(frozen=True)
class ThemeShot:
    """One picture: a layout, a theme and a size."""

    layout: str
    theme: str
    size: tuple[int, int]

    @property
    def name(self) -> str:
        return f"{self.layout}-{self.theme}-{self.size[0]}x{self.size[1]}"

    def config(self) -> str:
        return f'[general]\ntheme = "{self.theme}"\nlayout = "{self.layout}"\n'


ALL = tuple(ThemeShot(layout, theme, size) for layout in LAYOUTS for theme in THEMES for size in SIZES)


@contextmanager
def xvfb(size: tuple[int, int]) -> Iterator[str]:
    """A private X server with one screen of `size` on a display number it picks itself (-displayfd, so no
    other engineer's or test's server is taken); yields its name, ":N", and stops it afterwards."""
    if shutil.which("Xvfb") is None:
        raise ShotError("Xvfb is missing (Debian package xvfb; ./scripts/setup --dev installs it)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read, encoding="ascii") as pipe:  # Xvfb writes the number once it accepts clients
            number = pipe.readline().strip()
        if not number.isdigit():
            raise ShotError(f"Xvfb did not start (exit {server.poll()})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=XVFB_STOP_S)


def shoot_all(out: Path, shots: Sequence[ThemeShot] = ALL) -> list[Path]:
    """Takes `shots` into `out/<name>.png`, in a private home folder shared by the runs."""
    pictures = []
    with tempfile.TemporaryDirectory(prefix="switchboard-themes-") as folder:
        home = Path(folder)
        for size in dict.fromkeys(shot.size for shot in shots):
            with xvfb(size) as display:
                for shot in (shot for shot in shots if shot.size == size):
                    config = home / f"{shot.name}.toml"
                    config.write_text(shot.config(), encoding="utf-8")
                    arguments = ["--config", str(config), "--scene", SCENE, "--size", f"{size[0]}x{size[1]}",
                                 "--language", LANGUAGE]
                    pictures.append(take(out / f"{shot.name}.png", home, arguments, display=display))
    return pictures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="theme-screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=[shot.name for shot in ALL], action="append", metavar="NAME",
                        help="only this picture, e.g. receptionist-dark-1920x1080 (may be repeated)")
    parser.add_argument("--out", type=Path, default=PICTURES, help="where <name>.png go")
    args = parser.parse_args(argv)
    shots = [shot for shot in ALL if not args.only or shot.name in args.only]
    return report("theme-screenshots", lambda: shoot_all(args.out, shots))


if __name__ == "__main__":
    sys.exit(main())
