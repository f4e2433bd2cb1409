"""Composition root: configuration, start-up, CLI and the wiring between the domain and the UI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("switchboard")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
