"""Starting the window: QApplication, translations, the qasync event loop, and the console wiring."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from functools import partial
from pathlib import Path

import qasync
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.calls.phone_setup import phone_configured
from app.calls.phone_wiring import attach_phone
from app.cli.main import DEFAULT_SIZE
from app.config.display import number_display
from app.config.loader import Config
from app.config.paths import Paths
from app.config.secrets import SecretError
from app.logs import setup_logging
from app.lookup.calendar_setup import calendar_settings
from app.lookup.console import Console
from app.lookup.favourites_flow import FavouritesFlow
from app.lookup.note_flow import NoteFlow
from app.lookup.referral_setup import operator_name
from app.lookup.sync_setup import ldap_sources
from app.messages.wiring import attach_messages
from app.notices.flow import NoticeFlow
from app.services import Services
from app.stats.wiring import attach_stats
from app.tasks import TaskRunner
from directory.calendars import CalendarConfigError
from ui.appearance import Appearance
from ui.layouts import apply_layout
from ui.main_window import MainWindow
from ui.translations import choose_language, install_translators
from ui.window_state import WindowState

log = logging.getLogger(__name__)
ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "switchboard.svg"


def run_gui(config: Config, paths: Paths, *, demo: bool, screenshot: Path | None = None,
            search: str = "", scene: str = "", size: tuple[int, int] = DEFAULT_SIZE, language: str = "") -> int:
    """`language`: the window's language, over `[general] language`; `scene`: with `screenshot`, the
    state of the demo window to picture (app/demo/scenes.py) at `size`."""
    log_file = setup_logging(paths.log_dir, config.settings.logging.level)
    log.info("starting; log file %s", log_file)
    for problem in config.problems:
        log.warning("configuration: %s", problem)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Switchboard")
    app.setOrganizationName("Switchboard")
    app.setWindowIcon(QIcon(str(ICON)))
    language = choose_language(language or config.settings.general.language)
    translators = install_translators(app, language)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    tasks = TaskRunner()
    window = MainWindow(version=__version__)
    window.set_number_display(number_display(config.settings))
    try:
        sources = [] if demo else ldap_sources(config)
    except SecretError as error:
        log.error("directory sync not started: %s", error)
        sources = []
        window.show_sync_failed("LDAP", str(error), 0)
    try:
        calendars = [] if demo else calendar_settings(config)
    except CalendarConfigError as error:
        log.error("calendars not started: %s", error)
        calendars = []
    console = Console(window, tasks, partial(Services.open, config, paths, language=language), demo=demo,
                      ldap_sources=sources, language=language, calendar_sources=calendars)
    if config.errors:
        window.show_config_problems(len(config.errors))
    window.search_field.setText(search)
    demo_phone = None
    phone = None
    if demo and not phone_configured(config):  # the demo's own exchange calls the console
        # Imported here, as the screenshot below: a console that is not the demo's, or takes no picture, starts
        # its first search sooner without them (issue 19).
        from app.demo.phone import DEMO_EMERGENCY_NUMBERS, start_demo_phone  # noqa: PLC0415
        from softphone.demolab.process import DemoLabError  # noqa: PLC0415

        try:
            demo_phone = start_demo_phone(paths.demo_database)
        except DemoLabError as error:
            log.error("demo exchange not started: %s", error)
            window.show_phone_unavailable(str(error))
        else:
            window.set_number_display(number_display(config.settings, demo_phone.services))
            window.show_demo_line(demo_phone.queue is not None, demo_phone.no_queue_because)
            phone = attach_phone(config, window, console, settings=demo_phone.settings,
                                 emergency_numbers=DEMO_EMERGENCY_NUMBERS, busy_lamps=False,
                                 hand_back_to=demo_phone.hand_back_to, queue=demo_phone.queue)
    else:
        phone = attach_phone(config, window, console)
    FavouritesFlow(window, console, operator_name(config),
                   paths.data_dir / ("demo" if demo else "") / "favourites.json")
    attach_stats(config, window, console, phone)
    attach_messages(config, window, console, phone, language=language)
    NoticeFlow(window, console, operator_name(config))
    NoteFlow(window, console)
    appearance = Appearance(app, config.settings.general.theme)
    if scene:  # the picture's size before the layout shares the room out, as an operator's screen would be
        window.resize(*size)
    apply_layout(window, config.settings.general.layout)
    window_state = WindowState(window, appearance, paths.data_dir / "window.ini", config.settings.general.layout)
    window.extra_shortcuts.extend(window_state.shortcut_texts())
    if screenshot is None:  # after every dock exists: restoreState places only docks it can find
        window_state.restore()
    else:  # screenshots show the default layout, whatever this operator arranged
        appearance.apply()
    window.show()
    shot = None
    if screenshot is not None:
        from app.screenshot import Screenshot  # noqa: PLC0415

        def leave() -> None:
            # Qt 6's quit() closes the windows first, and the close guard refuses while a demo call is up
            # (it asks the operator): a screenshot run asks nobody; the phone's shutdown ends the calls.
            window.close_guard = None
            app.quit()

        shot = Screenshot(window, console, phone, screenshot, leave, scene=scene, size=size)
    console.load_finished.connect(_collect_again)
    console.start()
    with loop:
        loop.run_until_complete(_until_quit(app))
    if screenshot is None:  # a screenshot run leaves the operator's layout alone
        window_state.save()
    if phone is not None:
        phone.stop()  # hang up, unregister and destroy pjsua2 while the GUI thread still owns it
    if demo_phone is not None:
        demo_phone.stop()
    console.close()
    tasks.shutdown()
    del translators
    return shot.exit_code if shot is not None else 0


def _collect_again() -> None:
    """The cyclic collector, off while the window started (app/__main__.py), runs again once the directory is
    loaded (or could not be): the loading flow has frozen what it read, so passes skip the index."""
    gc.enable()


async def _until_quit(app: QApplication) -> None:
    finished = asyncio.Event()
    app.aboutToQuit.connect(finished.set)
    await finished.wait()
