"""`python -m installer.build`: translations, the PyInstaller bundle and (on Debian) the .deb, one command.

The bundle goes to dist/switchboard/ and the package to dist/switchboard_<version>_<arch>.deb. A bundle
whose inputs (our sources, the spec, pyproject.toml and the installed packages) are unchanged is reused
unless --force is given, so the smoke test and a developer's second build cost seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator, Sequence
from importlib.metadata import distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "switchboard.spec"
SOURCES = ("app", "ui", "directory", "softphone", "settings_base", "resources", "installer")
STAMP = ".switchboard.inputs"  # beside the bundle, so it never ends up in the package


def project_version() -> str:
    """The version, read from the one place it is written: pyproject.toml."""
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def _tool(name: str) -> str:
    """A console script of this environment (the venv's bin/ or Scripts/), else from PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the dev extras (pip install -e '.[dev]' pyinstaller)")
    return found


def compile_translations() -> list[Path]:
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    subprocess.run([_tool("pyside6-lrelease"), "-silent", *map(str, sources)], check=True)
    compiled = [s.with_suffix(".qm") for s in sources]
    missing = [str(q) for q in compiled if not q.exists()]
    if missing:
        raise SystemExit(f"pyside6-lrelease did not write {missing}")
    return compiled


def _input_files() -> Iterator[Path]:
    yield ROOT / "pyproject.toml"
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".qm"):
                yield path


def inputs_digest() -> str:
    """What the bundle is built from: our files and the exact installed distributions."""
    digest = hashlib.sha256()
    for path in _input_files():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update("\n".join(installed).encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def windows_icon(work: Path) -> Path:
    """The application icon as .ico (Windows executables and the installer), rendered from the SVG by Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    target = work / "switchboard.ico"
    work.mkdir(parents=True, exist_ok=True)
    image = QIcon(str(ROOT / "resources" / "icons" / "switchboard.svg")).pixmap(256, 256).toImage()
    if not image.save(str(target)):  # format from the .ico suffix
        raise SystemExit(f"could not write {target}")
    return target


def write_config_template(bundle: Path, dist: Path) -> Path:
    """dist/config.toml: the commented machine-wide file the installers ship (from `config reference`)."""
    from installer.config_template import commented_config, config_reference  # noqa: PLC0415

    where = r"%ProgramData%\Switchboard\config.toml" if sys.platform == "win32" else "/etc/switchboard/config.toml"
    target = dist / "config.toml"
    target.write_text(commented_config(config_reference(bundle), where), encoding="utf-8")
    return target


def build_bundle(dist: Path, work: Path, *, force: bool = False) -> Path:
    """The one-folder bundle at dist/switchboard; reused when its inputs are unchanged."""
    bundle = dist / "switchboard"
    compile_translations()
    digest = inputs_digest()
    stamp = dist / STAMP
    if not force and stamp.exists() and stamp.read_text() == digest and (bundle / _exe("switchboard")).exists():
        print(f"bundle up to date: {bundle}")
        return bundle
    started = time.monotonic()
    stamp.unlink(missing_ok=True)  # a failed build must not pass for the old one
    env = dict(os.environ)
    if sys.platform == "win32":
        env["SWITCHBOARD_ICON"] = str(windows_icon(work))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT, env=env)
    stamp.write_text(digest)
    print(f"bundle built in {time.monotonic() - started:.0f} s: {bundle}")
    return bundle


def _exe(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--force", action="store_true", help="rebuild the bundle even if its inputs are unchanged")
    parser.add_argument("--no-deb", action="store_true", help="only the bundle")
    parser.add_argument("--deb-compression", choices=("zstd", "xz", "gzip"), default="zstd",
                        help="zstd (default; dpkg >= 1.21.18, Debian 12) or xz/gzip for older systems")
    args = parser.parse_args(argv)
    bundle = build_bundle(args.dist.resolve(), args.work.resolve(), force=args.force)
    print(f"machine-wide config template: {write_config_template(bundle, args.dist.resolve())}")
    if not args.no_deb and sys.platform.startswith("linux"):
        if shutil.which("dpkg-deb") is None:
            print("dpkg-deb not found: no .deb built (the bundle is ready)", file=sys.stderr)
            return 0
        from installer.deb import build_deb  # noqa: PLC0415

        package = build_deb(bundle, args.dist.resolve(), project_version(), args.deb_compression)
        print(f"package: {package}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
