"""Studio dark (default) and light themes: Fusion style, a palette and a few sizes.

A dim control room wants dark surfaces, high-contrast text and status colours that are never the
only signal (every light also carries a word).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("dark", "light")

# Status colours shared by every widget (pass / warn / fail / off).
OK = "#2fbf71"
WARN = "#f0a202"
FAIL = "#e5484d"
OFF = "#6b7280"
ACCENT = "#3b82f6"

STATUS_COLOURS = {"pass": OK, "ok": OK, "warn": WARN, "fail": FAIL, "error": FAIL, "off": OFF}

_DARK = {
    QPalette.ColorRole.Window: "#15181d",
    QPalette.ColorRole.WindowText: "#e6e8eb",
    QPalette.ColorRole.Base: "#0f1115",
    QPalette.ColorRole.AlternateBase: "#1b1f26",
    QPalette.ColorRole.ToolTipBase: "#242a33",
    QPalette.ColorRole.ToolTipText: "#e6e8eb",
    QPalette.ColorRole.PlaceholderText: "#8b93a1",
    QPalette.ColorRole.Text: "#e6e8eb",
    QPalette.ColorRole.Button: "#232830",
    QPalette.ColorRole.ButtonText: "#e6e8eb",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2f6fdb",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6aa5ff",
    QPalette.ColorRole.Mid: "#2c323c",
    QPalette.ColorRole.Dark: "#0b0d10",
    QPalette.ColorRole.Light: "#343b46",
}

_STYLESHEET = """
QDockWidget::title { padding: 6px 8px; font-weight: 600; }
QToolBar { spacing: 6px; padding: 3px; }
QStatusBar QLabel { padding: 0 6px; }
QPushButton { padding: 6px 14px; min-height: 22px; }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
QLabel[role="empty-title"] { font-size: 16pt; font-weight: 600; }
QLabel[role="empty-hint"] { font-size: 11pt; }
QLabel[role="light"] { border-radius: 4px; padding: 2px 8px; font-weight: 700; }
"""


def apply_theme(app: QApplication, theme: str = "dark") -> None:
    app.setStyle("Fusion")
    hints = app.styleHints()
    scheme = Qt.ColorScheme.Light if theme == "light" else Qt.ColorScheme.Dark
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if theme == "light":
        palette = app.style().standardPalette()
    else:
        palette = QPalette()
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        for role in (
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.WindowText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7280"))
    app.setPalette(palette)
    font = QFont(app.font())
    # CJK-capable families first so Chinese never falls back to tofu boxes.
    font.setFamilies(
        [
            "Noto Sans CJK SC",
            "WenQuanYi Micro Hei",
            "Microsoft YaHei",
            "PingFang SC",
            "Noto Sans",
            "DejaVu Sans",
        ]
    )
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    app.setStyleSheet(_STYLESHEET + (_dark_indicators() if theme != "light" else ""))


def _dark_indicators() -> str:
    """Check boxes with a visible box on dark surfaces: Fusion draws their frame in a shade a
    step away from the window colour, which reads as no box at all in a dim room."""
    from studio.paths import resources_dir

    check = (resources_dir() / "icons" / "check.svg").as_posix()
    return f"""
QCheckBox::indicator, QTreeView::indicator, QTableView::indicator {{
    width: 16px; height: 16px; border: 1px solid #8b93a1; border-radius: 3px;
    background: #0f1115;
}}
QCheckBox::indicator:hover {{ border-color: {ACCENT}; }}
QCheckBox::indicator:checked, QTreeView::indicator:checked, QTableView::indicator:checked {{
    background: {ACCENT}; border-color: {ACCENT}; image: url({check});
}}
QCheckBox::indicator:disabled {{ border-color: #4b5563; }}
"""


def set_style_sheet(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes: each set re-polishes the widget and its
    children, and panels refreshed every second set the same one again (show-day soak)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
