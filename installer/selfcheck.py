"""`switchboard --bundle-selfcheck`: proves the bundle's native parts load, without a window or network.

Dispatched by installer/entry.py, so it exists only in the bundle. Prints one `ok`/`FAIL` line per check
and exits 1 on any failure, so IT can run it after pushing an install and the smoke test after building.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def _pjsua2() -> str:
    import pjsua2 as pj  # noqa: PLC0415

    endpoint = pj.Endpoint()
    endpoint.libCreate()
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.logConfig.level = 0
    config.logConfig.consoleLevel = 0
    endpoint.libInit(config)
    endpoint.audDevManager().setNullDev()  # no sound card on build machines
    version = endpoint.libVersion().full
    endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
    return f"pjsua2 {version}"


def _qt_plugins() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray  # noqa: PLC0415
    from PySide6.QtGui import QIcon, QImage, QImageReader  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "svg"} - formats
    if missing:
        raise RuntimeError(f"image formats missing: {sorted(missing)} (have {sorted(formats)})")
    svg = QByteArray(b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
                     b'<rect width="8" height="8" fill="#c00"/></svg>')
    image = QImage.fromData(svg, "svg")  # type: ignore[arg-type]  # the stub says bytes; only str works
    if image.isNull() or image.pixelColor(4, 4).red() < 200:
        raise RuntimeError("SVG did not render")
    here = os.path.dirname(os.path.abspath(sys.executable))
    icon = os.path.join(here, "_internal", "resources", "icons", "switchboard.svg")
    if QIcon(icon).pixmap(64, 64).isNull():
        raise RuntimeError(f"icon did not render: {icon}")
    return f"Qt {QApplication.platformName()}: png, svg, icon"


def _qt_tls() -> str:
    from PySide6.QtNetwork import QSslSocket  # noqa: PLC0415

    backends = QSslSocket.availableBackends()
    if not backends:
        raise RuntimeError("no Qt TLS backend plugin")
    return "Qt TLS backends: " + ", ".join(backends)


def _translations() -> str:
    from PySide6.QtCore import QTranslator  # noqa: PLC0415

    from ui.translations import TRANSLATIONS  # noqa: PLC0415 - the path the window loads them from

    loaded = [lang for lang in ("sv", "nb") if QTranslator().load(f"switchboard_{lang}", str(TRANSLATIONS))]
    if loaded != ["sv", "nb"]:
        raise RuntimeError(f"translations missing in {TRANSLATIONS}: have {loaded}")
    return "translations: sv, nb"


def _migrations() -> str:
    from directory.store import Store  # noqa: PLC0415

    store = Store.open("sqlite://")  # in memory: runs every Alembic migration from the bundled files
    try:
        if not store.schema_is_current():
            raise RuntimeError("schema not at head after migrating")
    finally:
        store.dispose()
    return "store migrations: at head"


def _sound() -> str:
    import sounddevice  # noqa: PLC0415 - bundled Python side; PortAudio itself is the system's (libportaudio2)

    return f"sound: {sounddevice.get_portaudio_version()[1]}, {len(sounddevice.query_devices())} device(s)"


def _sync_workers() -> str:
    from directory.sync.worker import start_workers  # noqa: PLC0415 - the LDAP sync's worker processes

    start_workers()  # a worker process of this very executable starts and exits (freeze_support)
    return "sync worker processes start"


CHECKS: list[tuple[str, Callable[[], str]]] = [("pjsua2", _pjsua2), ("qt-plugins", _qt_plugins),
                                               ("qt-tls", _qt_tls), ("translations", _translations),
                                               ("migrations", _migrations), ("sound", _sound),
                                               ("sync-workers", _sync_workers)]


def main() -> int:
    failed = 0
    for name, check in CHECKS:
        try:
            print(f"ok   {name}: {check()}", flush=True)
        except Exception as exc:  # report every check, not just the first failure
            failed += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
