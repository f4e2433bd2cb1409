"""GUI tests run with the session's qasync loop (tests/conftest.py) installed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tests.helpers.lookup import build_demo_database
from ui.translations import install_translators


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database built once; each test starts from a copy (the console then finds it current)."""
    return build_demo_database(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def translated(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Install the interface language's catalogues (built by scripts/setup) for the test."""
    installed: list[QTranslator] = []

    def install(language: str) -> None:
        translators = install_translators(qapp, language)
        assert translators, f"switchboard_{language}.qm is missing: run scripts/setup"
        installed.extend(translators)
    previous = QLocale()
    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(previous)  # installing a language sets the default locale: numbers print by it
