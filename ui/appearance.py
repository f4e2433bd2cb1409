"""Themes and text size: light, dark and high contrast, each a palette plus a style sheet in resources/themes.

The style sheet also carries the text size (Ctrl+Plus/Ctrl+Minus), so the larger search field and caller
name grow with everything else. Colours the models choose (the referral status, priority rows) ask
`is_dark()` so they stay readable on every theme; every state is also told in words (see the models).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark", "high_contrast")
THEME_DIR = Path(__file__).resolve().parent.parent / "resources" / "themes"
DEFAULT_POINTS = 10.0
MIN_POINTS, MAX_POINTS = 7.0, 24.0

_DARK = {QPalette.ColorRole.Window: "#202225", QPalette.ColorRole.WindowText: "#e8e8e8",
         QPalette.ColorRole.Base: "#17181a", QPalette.ColorRole.AlternateBase: "#25272b",
         QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#2d3035",
         QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d7bd9",
         QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2d3035",
         QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.PlaceholderText: "#9a9a9a"}
_HIGH_CONTRAST = {QPalette.ColorRole.Window: "#000000", QPalette.ColorRole.WindowText: "#ffffff",
                  QPalette.ColorRole.Base: "#000000", QPalette.ColorRole.AlternateBase: "#1a1a1a",
                  QPalette.ColorRole.Text: "#ffffff", QPalette.ColorRole.Button: "#000000",
                  QPalette.ColorRole.ButtonText: "#ffffff", QPalette.ColorRole.Highlight: "#ffff00",
                  QPalette.ColorRole.HighlightedText: "#000000", QPalette.ColorRole.ToolTipBase: "#000000",
                  QPalette.ColorRole.ToolTipText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#d0d0d0"}


def style_sheet(theme: str, points: float) -> str:
    """The theme's style sheet with its text sizes filled in."""
    text = (THEME_DIR / f"{theme if theme in THEMES else 'light'}.qss").read_text(encoding="utf-8")
    return (text.replace("{base}", f"{points:g}").replace("{large}", f"{points * 1.5:g}")
            .replace("{larger}", f"{points * 1.3:g}"))


def palette(theme: str, base: QPalette) -> QPalette:
    """The light theme keeps the platform's palette; dark and high contrast set every role they use."""
    roles = {"dark": _DARK, "high_contrast": _HIGH_CONTRAST}.get(theme)
    if roles is None:
        return base
    result = QPalette(base)
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    disabled = QColor("#8a8a8a")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return result


def clamp_points(points: float) -> float:
    return max(MIN_POINTS, min(MAX_POINTS, points))


class Appearance:
    """Applies a theme and text size to the application; `bigger`/`smaller` step the text size."""

    def __init__(self, app: QApplication, theme: str = "light", points: float = DEFAULT_POINTS) -> None:
        self._app = app
        self._platform_palette = QPalette(app.palette())
        self.theme = theme if theme in THEMES else "light"
        self.points = clamp_points(points)

    def apply(self) -> None:
        if self.theme != "light":
            self._app.setStyle("Fusion")  # platform styles may ignore palette colours
        self._app.setPalette(palette(self.theme, self._platform_palette))
        self._app.setStyleSheet(style_sheet(self.theme, self.points))

    def bigger(self) -> None:
        self.points = clamp_points(self.points + 1)
        self.apply()

    def smaller(self) -> None:
        self.points = clamp_points(self.points - 1)
        self.apply()


def is_dark() -> bool:
    """Whether the current palette is dark (text colours chosen by models must be light then)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
