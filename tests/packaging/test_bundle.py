"""Smoke test of the packaged console: the PyInstaller bundle and the .deb, built and started for real.

The bundle is built once per session (reused while its inputs are unchanged, see installer/build.py) in
build/packaging-test/ or $SWITCHBOARD_PACKAGING_DIR. A first build takes 1-2.5 minutes on 2 cores.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from installer.build import ROOT, build_bundle, project_version

pytestmark = [pytest.mark.packaging, pytest.mark.slow, pytest.mark.timeout(600)]

MIN_WIDTH, MIN_HEIGHT = 800, 500
MIN_COLOURS = 64  # a blank or unpainted window has a handful; the console has hundreds (text antialiasing)


@pytest.fixture(scope="session")
def bundle() -> Iterator[Path]:
    pytest.importorskip("PyInstaller", reason="pyinstaller is not installed")
    out = Path(os.environ.get("SWITCHBOARD_PACKAGING_DIR", ROOT / "build" / "packaging-test"))
    out.mkdir(parents=True, exist_ok=True)
    with (out / ".lock").open("w") as lock:  # parallel sessions share one build
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield build_bundle(out / "dist", out / "work")


def run(executable: Path, *args: str, env: dict[str, str] | None = None,
        timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(executable), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, check=False)


def assert_real_window(png: Path) -> None:
    from PySide6.QtGui import QImage  # noqa: PLC0415 - PNG decoding needs no QApplication

    image = QImage(str(png))
    assert not image.isNull(), f"{png} is not a PNG"
    assert image.width() >= MIN_WIDTH, image.size()
    assert image.height() >= MIN_HEIGHT, image.size()
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    colours = set(memoryview(bytes(pixels.constBits())).cast("I"))
    assert len(colours) >= MIN_COLOURS, f"only {len(colours)} colours: blank window?"


def test_selfcheck_loads_the_native_parts_and_starts_a_worker(bundle: Path) -> None:
    result = run(bundle / "switchboard", "--bundle-selfcheck", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("pjsua2", "qt-plugins", "qt-tls", "translations", "migrations", "sound", "sync-workers"):
        assert f"ok   {check}:" in result.stdout


def test_version_comes_from_the_package_metadata(bundle: Path) -> None:
    result = run(bundle / "switchboard", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"switchboard {project_version()}"


def test_config_check_without_configuration(bundle: Path) -> None:
    result = run(bundle / "switchboard", "config", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "configuration is valid" in result.stdout


def test_demo_screenshot_offscreen(bundle: Path, tmp_path: Path) -> None:
    png = tmp_path / "offscreen.png"
    result = run(bundle / "switchboard", "--demo", "--screenshot", str(png), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert_real_window(png)


def test_demo_screenshot_under_xvfb(bundle: Path, tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed")
    png = tmp_path / "xcb.png"
    result = run(Path(shutil.which("xvfb-run") or "xvfb-run"), "-a", "-s", "-screen 0 1280x1024x24",
                 str(bundle / "switchboard"), "--demo", "--search", "anna", "--screenshot", str(png),
                 env={"QT_QPA_PLATFORM": "xcb"})  # xcb explicitly: no silent fallback to another platform
    assert result.returncode == 0, result.stderr
    assert_real_window(png)


def test_bad_machine_wide_config_is_reported_and_locks_hold(bundle: Path, tmp_path: Path) -> None:
    machine = tmp_path / "etc" / "config.toml"
    machine.parent.mkdir()
    machine.write_text('[general]\nlanguage = "sv"\n[directory]\nresult_limit = "many"\n'
                       '[logging]\nlevel = "LOUD"\n[policy]\nlocked = ["general.language"]\n', encoding="utf-8")
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "switchboard" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[general]\nlanguage = "nb"\n', encoding="utf-8")
    env = {"SWITCHBOARD_SYSTEM_CONFIG": str(machine), "QT_QPA_PLATFORM": "offscreen"}

    check = run(bundle / "switchboard", "config", "check", env=env)
    assert check.returncode == 1, check.stdout
    out = check.stdout
    assert f"error: {machine}: directory.result_limit:" in out
    assert f"error: {machine}: logging.level:" in out
    assert "directory.result_limit = 50    (default)" in out  # what the console falls back to
    assert f'general.language = "sv"    ({machine})' in out  # the lock holds against the user's "nb"
    assert f"warning: {user}: general.language: locked by the machine-wide configuration; ignored" in out

    png = tmp_path / "bad-config.png"
    started = run(bundle / "switchboard", "--demo", "--screenshot", str(png), env=env)
    assert started.returncode == 0, started.stderr  # the console still starts
    assert_real_window(png)

    machine.write_text("[general\nlanguage = 'sv'\n", encoding="utf-8")
    broken = run(bundle / "switchboard", "config", "check", env=env)
    assert broken.returncode == 1
    assert f"error: {machine}: not valid TOML" in broken.stdout


def test_deb_installs_runs_upgrades_and_removes_cleanly(bundle: Path, tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None or shutil.which("dpkg") is None:
        pytest.skip("dpkg is not available")
    from installer.deb import DEPENDS, build_deb  # noqa: PLC0415

    version = project_version()
    package = build_deb(bundle, tmp_path / "v1", version)
    upgrade = build_deb(bundle, tmp_path / "v2", f"{version}+upgrade1")
    _assert_dependencies_installed_here(DEPENDS)

    root = tmp_path / "root"  # a private dpkg database: nothing is installed on this machine
    for folder in ("info", "updates", "triggers"):
        (root / "var" / "lib" / "dpkg" / folder).mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "status").touch()

    def dpkg(*args: str) -> str:
        # --force-depends: the private database knows none of the system's packages (checked above).
        result = subprocess.run(["dpkg", f"--root={root}", "--force-depends", "--force-not-root", *args],
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    dpkg("-i", str(package))
    conffile = root / "etc" / "switchboard" / "config.toml"
    assert (root / "usr" / "bin" / "switchboard").is_symlink()
    assert (root / "usr" / "share" / "applications" / "switchboard.desktop").is_file()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "switchboard.svg").is_file()
    assert (root / "lib" / "systemd" / "system" / "switchboard-exchange.service").is_file()
    assert "[policy]" in conffile.read_text(encoding="utf-8")
    assert "/etc/switchboard/config.toml" in dpkg("--status", "switchboard")  # declared as a conffile
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(root / "usr/share/applications/switchboard.desktop")],
                       check=True)

    installed = root / "usr" / "bin" / "switchboard"
    env = {"SWITCHBOARD_SYSTEM_CONFIG": str(conffile), "QT_QPA_PLATFORM": "offscreen"}
    assert run(installed, "--version").stdout.strip() == f"switchboard {version}"
    check = run(installed, "config", "check", env=env)
    assert check.returncode == 0, check.stdout  # the shipped, all-commented file is valid and changes nothing
    png = tmp_path / "installed.png"
    assert run(installed, "--demo", "--screenshot", str(png), env=env).returncode == 0
    assert_real_window(png)

    conffile.write_text('[directory]\nresult_limit = 25\n', encoding="utf-8")  # IT edits the file
    dpkg("-i", str(upgrade))
    assert conffile.read_text(encoding="utf-8") == '[directory]\nresult_limit = 25\n'  # kept across upgrade
    assert f"Version: {version}+upgrade1" in dpkg("--status", "switchboard")
    assert "directory.result_limit = 25" in run(installed, "config", "check", env=env).stdout

    dpkg("--remove", "switchboard")
    assert not (root / "opt" / "switchboard").exists()
    assert not (root / "usr" / "bin" / "switchboard").exists()
    assert conffile.exists()  # removal keeps configuration, purge does not
    dpkg("--purge", "switchboard")
    leftovers = [p for p in root.rglob("*") if p.is_file() and "var" not in p.relative_to(root).parts[:1]]
    assert leftovers == []


def _assert_dependencies_installed_here(depends: str) -> None:
    """Each Depends group is satisfied on this machine, where the bundle just ran."""
    for group in depends.split(","):
        names = [alternative.split("(")[0].strip() for alternative in group.split("|")]
        states = [subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True,
                                 check=False).stdout for name in names]
        assert any("ok installed" in state for state in states), f"none of {names} installed"


def test_the_exchange_queue_configuration_renders_from_the_bundle(bundle: Path) -> None:
    result = run(bundle / "switchboard", "exchange", "config")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "loadmodule" in result.stdout  # the Kamailio configuration, rendered from the shipped template
