"""The packaged console against running from source: size, and start-to-window time in the same run.

Builds (or reuses) the bundle and the .deb, then starts each variant N times under one private Xvfb
server (xcb, as on a desktop) and measures:
- "window": from spawning the process to the main window being mapped (viewable), polled with
  xwininfo every ~5 ms;
- "screenshot": the whole `--demo --screenshot` run (start, demo directory loaded, 400 ms settle, exit).
Each variant gets its own XDG folders and one untimed warm-up run (demo database created, page cache
warm). Variants alternate run by run so drift hits both alike.

Run: `python -m benchmarks.bundle_bench [--runs 10]` from the repository root. Prints figures and the
ratio bundle / source (the issue's target: <= 1.2); no assertions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from installer.build import build_bundle, project_version  # noqa: E402
from installer.deb import build_deb  # noqa: E402


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.lstat().st_size for p in path.rglob("*"))


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = f":{pipe.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


def _window_viewable(env: dict[str, str]) -> bool:
    """The main window is mapped. Qt also makes a 1x1 unmapped leader window with the same title: the
    main window is the one with a WM_CLASS (shown in parentheses by `xwininfo -tree`)."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env,
                          check=False).stdout
    ids = [line.split()[0] for line in tree.splitlines() if '"Switchboard": ("' in line]
    for window_id in ids:
        info = subprocess.run(["xwininfo", "-id", window_id], capture_output=True, text=True, env=env,
                              check=False).stdout
        if "IsViewable" in info:
            return True
    return False


def time_to_window(command: list[str], env: dict[str, str], timeout: float = 60) -> float:
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen([*command, "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            while not _window_viewable(env):
                if process.poll() is not None or time.perf_counter() - started > timeout:
                    errors.seek(0)
                    raise RuntimeError(f"{command[0]} exited ({process.returncode}) or timed out before showing "
                                       f"its window:\n{errors.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.005)
            return time.perf_counter() - started
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def time_to_screenshot(command: list[str], env: dict[str, str], png: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*command, "--demo", "--screenshot", str(png)], env=env, check=True, capture_output=True,
                   timeout=90)
    return time.perf_counter() - started


def _environment(display: str, home: Path) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "SWITCHBOARD_SYSTEM_CONFIG": str(home / "etc" / "config.toml")}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        (home / var).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / var)
    env.pop("SWITCHBOARD_CONFIG", None)
    return env


def _summary(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:7.0f} ms  min {min(values) * 1000:7.0f} ms  "
            f"max {max(values) * 1000:7.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bundle_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "packaging-test",
                        help="build folder (default: the smoke test's, so its bundle is reused)")
    args = parser.parse_args()
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (Debian: xvfb, x11-utils)")

    bundle = build_bundle(args.out / "dist", args.out / "work")
    package = build_deb(bundle, args.out / "deb", project_version())
    print(f"bundle folder: {_size(bundle) / 1e6:7.1f} MB  ({bundle})")
    print(f".deb package:  {_size(package) / 1e6:7.1f} MB  ({package.name}, zstd)")

    variants = {"source": [sys.executable, "-m", "app"], "bundle": [str(bundle / "switchboard")]}
    window: dict[str, list[float]] = {name: [] for name in variants}
    screenshot: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp, xvfb() as display:
        envs = {name: _environment(display, Path(tmp) / name) for name in variants}
        for name, command in variants.items():  # warm-up: demo database, page cache
            time_to_screenshot(command, envs[name], Path(tmp) / f"{name}-warm.png")
        for run in range(args.runs):
            for name, command in variants.items():
                window[name].append(time_to_window(command, envs[name]))
                screenshot[name].append(time_to_screenshot(command, envs[name], Path(tmp) / f"{name}-{run}.png"))

    print(f"\nstart to window mapped (Xvfb, xcb), {args.runs} runs each:")
    for name in variants:
        print(f"  {name:7} {_summary(window[name])}")
    print(f"start to screenshot saved (--demo --screenshot, includes the 400 ms settle), {args.runs} runs each:")
    for name in variants:
        print(f"  {name:7} {_summary(screenshot[name])}")
    ratio_window = statistics.median(window["bundle"]) / statistics.median(window["source"])
    ratio_shot = statistics.median(screenshot["bundle"]) / statistics.median(screenshot["source"])
    print(f"\nratio bundle / source (medians): window {ratio_window:.2f}, screenshot {ratio_shot:.2f} "
          "(target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
