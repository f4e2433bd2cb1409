"""The Debian package, assembled from the bundle with dpkg-deb (no debhelper, no maintainer scripts).

Layout: the bundle in /opt/switchboard, /usr/bin/switchboard (relative symlink; the bootloader resolves
it), a desktop entry and the scalable icon, and the commented machine-wide /etc/switchboard/config.toml
declared as a conffile so dpkg keeps an edited copy across upgrades, and the exchange queue's systemd
units in /lib/systemd/system, for a host that runs the queue (installed, never enabled: an administrator
enables them after rendering the queue's configuration). Desktop and icon caches are
refreshed by the triggers of desktop-file-utils and hicolor-icon-theme, so no postinst is needed, and
removal leaves nothing but the conffile (gone with --purge).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from installer.config_template import commented_config, config_reference

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "switchboard"
# What the bundle does not carry: libc, the GL/EGL stack of the machine's graphics driver, and a font.
# libportaudio2: the headset and ringer (softphone.sound); the pjsua2 wheel has no sound of its own.
DEPENDS = ("libc6 (>= 2.31), libgl1, libegl1, libportaudio2, "
           "fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation2")

# The exchange's queue runs on Debian's Kamailio (and stunnel for its event stream over TLS).
SUGGESTS = "kamailio, kamailio-extra-modules, kamailio-tls-modules, kamailio-postgres-modules, stunnel4"
UNITS = ROOT / "installer" / "exchange" / "systemd"

DESKTOP = """\
[Desktop Entry]
Type=Application
Name=Switchboard
GenericName=Operator console
GenericName[sv]=Växelkonsol
GenericName[nb]=Sentralbordkonsoll
Comment=Softphone, staff directory and referral status for telephone operators
Comment[sv]=Softphone, personalkatalog och hänvisningar för telefonister
Comment[nb]=Softphone, personalkatalog og fraværsstatus for sentralbordet
Exec=switchboard
Icon=switchboard
Terminal=false
Categories=Network;Telephony;
Keywords=phone;directory;operator;växel;sentralbord;
StartupWMClass=switchboard
"""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(version: str, installed_kib: int) -> str:
    return (f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {architecture()}\n"
            f"Maintainer: Switchboard developers <switchboard@localhost>\nInstalled-Size: {installed_kib}\n"
            f"Depends: {DEPENDS}\nSuggests: {SUGGESTS}\n"
            "Section: comm\nPriority: optional\nHomepage: https://localhost/switchboard\n"
            "Description: operator console: softphone, staff directory and referral status\n"
            " A keyboard-first Qt console for telephone operators and receptionists: an embedded\n"
            " SIP softphone (pjsip), the staff directory with fast search, and referral status.\n"
            " Self-contained: Python, Qt and pjsua2 are bundled in /opt/switchboard.\n"
            " Machine-wide settings: /etc/switchboard/config.toml.\n")


def _du_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


# zstd -3 packs the 270 MB tree in ~3 s (xz -1 took 70 s here); dpkg reads zstd since 1.21.18 (Debian 12,
# Ubuntu 22.04). Older dpkg needs xz.
COMPRESSION = {"zstd": ["-Zzstd", "-z3"], "xz": ["-Zxz", "-z6"], "gzip": ["-Zgzip", "-z6"]}


def build_deb(bundle: Path, out_dir: Path, version: str, compression: str = "zstd") -> Path:
    """dist/switchboard_<version>_<arch>.deb from the bundle folder; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="switchboard-deb-") as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / PACKAGE).symlink_to(f"../../opt/{PACKAGE}/{PACKAGE}")
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        (applications / f"{PACKAGE}.desktop").write_text(DESKTOP, encoding="utf-8")
        icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
        icons.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "icons" / "switchboard.svg", icons / f"{PACKAGE}.svg")
        doc = root / "usr" / "share" / "doc" / PACKAGE
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "Switchboard: GPL-3.0-or-later, see /opt/switchboard/_internal/LICENSE.\n"
            "Bundled: pjsip (GPL-2.0-or-later), Qt for Python (LGPL-3.0) and others: the About dialog lists\n"
            "each component with its licence.\n", encoding="utf-8")
        units = root / "lib" / "systemd" / "system"
        units.mkdir(parents=True)
        for unit in sorted(UNITS.glob("*.service")):
            shutil.copy2(unit, units / unit.name)
        etc = root / "etc" / PACKAGE
        etc.mkdir(parents=True)
        (etc / "config.toml").write_text(commented_config(config_reference(bundle)), encoding="utf-8")

        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(version, _du_kib(root)), encoding="utf-8")
        (debian / "conffiles").write_text(f"/etc/{PACKAGE}/config.toml\n", encoding="utf-8")
        for path in root.rglob("*"):  # dpkg-deb insists on sane modes regardless of the umask
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        package = out_dir / f"{PACKAGE}_{version}_{architecture()}.deb"
        # --root-owner-group: files owned by root in the package even when built as a user.
        subprocess.run(["dpkg-deb", "--root-owner-group", *COMPRESSION[compression], "--build", str(root),
                        str(package)], check=True, capture_output=True)
    return package
