"""Installing the interface language: ours from resources/translations, Qt's own for standard dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "sv", "nb")


def choose_language(configured: str) -> str:
    """The configured language, else the OS locale's if we have it, else English."""
    if configured:
        return configured
    system = QLocale.system().name().split("_")[0]
    return {"no": "nb", "nn": "nb"}.get(system, system) if system in (*LANGUAGES, "no", "nn") else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Returns the translators installed (keep them referenced). English has a catalogue of plural forms only."""
    QLocale.setDefault(QLocale({"sv": "sv_SE", "nb": "nb_NO"}.get(language, "en_GB")))
    installed = []
    for name, folder in ((f"switchboard_{language}", TRANSLATIONS),
                         (f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
