"""Opening the store for a command: the services, or one line on stderr saying why not (exit 2)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.config.loader import Config
from app.config.paths import Paths

if TYPE_CHECKING:
    from app.services import Services


def open_services(config: Config, paths: Paths, *, demo: bool) -> Services | None:
    """The command's services; None after printing why the store cannot be opened (the caller exits 2)."""
    # Imported here: `switchboard --version` and `config check` start without the store's libraries.
    from app.services import Services  # noqa: PLC0415
    from directory.store import StoreError  # noqa: PLC0415

    try:
        return Services.open(config, paths, demo=demo)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
