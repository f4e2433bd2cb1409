"""Where Switchboard keeps its files, per platform (platformdirs), resolved when asked, never at import."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "switchboard"


def system_config_path() -> Path:
    """The machine-wide file IT pushes. SWITCHBOARD_SYSTEM_CONFIG overrides it (packaging and tests)."""
    override = os.environ.get("SWITCHBOARD_SYSTEM_CONFIG")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Switchboard" / "config.toml"
    return Path("/etc/switchboard/config.toml")


@dataclass(frozen=True)
class Paths:
    system_config: Path
    user_config: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def current(cls) -> Paths:
        return cls(
            system_config=system_config_path(),
            user_config=platformdirs.user_config_path(APP) / "config.toml",
            data_dir=platformdirs.user_data_path(APP),
            log_dir=platformdirs.user_log_path(APP),
        )

    @property
    def default_database(self) -> Path:
        return self.data_dir / "switchboard.sqlite3"

    @property
    def demo_database(self) -> Path:
        return self.data_dir / "demo" / "demo.sqlite3"
