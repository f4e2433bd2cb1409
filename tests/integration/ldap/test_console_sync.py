"""The running console keeps its LDAP mirror fresh in the background and keeps searching when the server goes."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config.loader import load_config
from app.config.paths import Paths
from app.lookup.console import Console
from app.services import Services
from app.tasks import TaskRunner
from directory.sync.settings import LdapSourceConfig, LdapSourceSettings
from tests.helpers.slapd import ROOT_DN, ROOT_PASSWORD, SUFFIX, Slapd
from tests.integration.ldap.conftest import PEOPLE, person
from ui.main_window import MainWindow
from ui.results_model import NAME

pytestmark = [pytest.mark.integration, pytest.mark.gui]


def test_background_sync_updates_search_and_survives_the_server_going_away(
        slapd: Slapd, qtbot: QtBot, tmp_path: Path, event_loop_qt: object) -> None:
    paths = Paths(tmp_path / "etc.toml", tmp_path / "user.toml", tmp_path / "data", tmp_path / "log")
    source = LdapSourceSettings.from_config(LdapSourceConfig(name="region", urls=(slapd.url,), base_dns=(SUFFIX,),
                                                             bind_dn=ROOT_DN, page_size=100, timeout=2.0),
                                            region="SE", password=ROOT_PASSWORD)
    window = MainWindow()
    qtbot.addWidget(window)
    tasks = TaskRunner()
    console = Console(window, tasks, partial(Services.open, load_config(paths), paths), demo=False,
                      ldap_sources=[source])
    try:
        window.show()
        with qtbot.waitSignal(console.load_finished, timeout=30_000):
            console.start()
        assert console.sync is not None
        qtbot.waitUntil(lambda: console.index is not None and len(console.index) == PEOPLE, timeout=20_000)
        window.search_field.insert("person 00007")
        qtbot.waitUntil(lambda: window.model.rowCount() > 0
                        and window.model.index(0, NAME).data() == "Person 00007", timeout=5000)

        slapd.modify(f"dn: uid=p00007,ou=Röntgen,ou=Sjukhuset,{SUFFIX}\nchangetype: modify\n"
                     "replace: cn\ncn: Person 00007 Åkesson\n")
        slapd.add(person(9999, givenName="Zäta"))
        with qtbot.waitSignal(console.sync.sync_finished, timeout=20_000):
            qtbot.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: window.model.rowCount() > 0
                        and window.model.index(0, NAME).data() == "Person 00007 Åkesson", timeout=5000)
        window.search_field.clear()
        window.search_field.insert("zäta")
        qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=5000)

        slapd.stop()
        with qtbot.waitSignal(console.sync.sync_failed, timeout=20_000) as failed:
            qtbot.keyClick(window, Qt.Key.Key_F5)
        assert failed.args[0] == "ldap:region"
        assert window.banner.isVisible()
        assert "Searching the last good copy" in window.banner.label.text()
        window.search_field.clear()
        window.search_field.insert("person 00042")
        qtbot.waitUntil(lambda: window.model.rowCount() > 0
                        and window.model.index(0, NAME).data() == "Person 00042", timeout=5000)
    finally:
        console.close()
        tasks.shutdown()
