"""Logging to a rotating file in the user log folder. INFO and above carry no personal data."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(log_dir: Path, level: str) -> Path | None:
    """Log to ``log_dir/switchboard.log`` (5 x 2 MB); returns the file, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(level)
    path = log_dir / "switchboard.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
