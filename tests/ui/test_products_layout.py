"""The products board and the prompter's card read whole at 1366x768 and 1920x1080, in Chinese
and in English: no clipped header or toolbar button, the 中控's first columns visible without
scrolling, the flash-sale banner and the card's figures fit and are big enough from 3 m."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_probe import run_probe

PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
import studio.ui.shell.app as appmod
from studio.cli import build_parser
from studio.ui.products.board_model import COL, COLUMNS

holder = {}
real_build = appmod.StudioApp.build
def build(self):
    holder["app"] = self
    real_build(self)
    if "timer" not in holder:
        holder["timer"] = True
        QTimer.singleShot(2500, start_sale)
appmod.StudioApp.build = build

def start_sale():
    app = holder["app"]
    runner = app.ctx.runner
    runner.start()
    runner.jump(next(i for i, s in enumerate(runner.script.segments) if s.id == "flash-lipstick"))
    QTimer.singleShot(2500, probe)

def probe():
    app = holder["app"]
    w = app.window
    dock = w.docks["products"]
    dock.show(); dock.raise_()
    for _ in range(5):
        QApplication.processEvents()
    board = w.panels["products"]
    view, header = board.view, board.view.horizontalHeader()
    fm = QFontMetrics(header.font())
    heads = {}
    for name in COLUMNS:
        c = COL[name]
        text = board.model.headerData(c, Qt.Orientation.Horizontal)
        heads[name] = [fm.horizontalAdvance(text), header.sectionSize(c),
                       header.sectionViewportPosition(c) + header.sectionSize(c)]
    tools = [[a.iconText(), board.tools.widgetForAction(a).isVisible()]
             for a in board.tools.actions()]
    anchor = app.anchor
    screen = anchor.screen().availableGeometry()
    anchor.resize(screen.width(), screen.height())
    for _ in range(5):
        QApplication.processEvents()
    anchor.refresh()
    for _ in range(3):
        QApplication.processEvents()
    card = anchor.product_card
    labels = {}
    for key, label in (("name", card.name), ("price", card.price), ("list", card.list_price),
                       ("left", card.left), ("badge", card.badge), ("banner", anchor.banner)):
        labels[key] = [label.text(), label.isVisible(), label.width(),
                       QFontMetrics(label.font()).horizontalAdvance(label.text()),
                       label.font().pointSizeF(), label.wordWrap()]
    print("PROBE" + json.dumps({
        "viewport": view.viewport().width(), "heads": heads, "tools": tools,
        "row_h": view.verticalHeader().defaultSectionSize(), "font_h": view.fontMetrics().height(),
        "anchor": [anchor.width(), anchor.height()], "labels": labels,
    }, ensure_ascii=False))
    QApplication.instance().quit()

lang = sys.argv[1]
args = build_parser().parse_args(["--lang", lang, "demo", "--manual", "--seconds", "12"])
sys.exit(appmod.run(args))
"""


def _probe(tmp_path: Path, width: int, height: int, lang: str) -> dict[str, object]:
    probe: dict[str, object] = run_probe(tmp_path, width, height, PROBE, lang)
    return probe


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "monitor"])
def test_board_and_card_fit(tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    """Headers and toolbar whole; link, product, state and price on screen without scrolling;
    banner and card figures fit their width; the card's price is at least 40 pt per 1080 px."""
    probe = _probe(tmp_path, *size, lang)
    heads: dict[str, list[int]] = probe["heads"]  # type: ignore[assignment]
    for name, (text_w, section_w, _right) in heads.items():
        assert text_w < section_w, f"header {name} clipped: {probe}"
    viewport: int = probe["viewport"]  # type: ignore[assignment]
    for name in ("link", "product", "state", "price"):
        assert heads[name][2] <= viewport, f"{name} needs scrolling at {size}: {probe}"
    tools: list[list[object]] = probe["tools"]  # type: ignore[assignment]
    assert all(visible for _text, visible in tools), f"toolbar buttons hidden: {probe}"
    assert probe["row_h"] >= 1.5 * probe["font_h"], probe  # type: ignore[operator]
    labels: dict[str, list[object]] = probe["labels"]  # type: ignore[assignment]
    assert labels["banner"][1] and labels["price"][0] == "¥99.00", probe
    for key, (text, visible, width, text_w, _pt, wrap) in labels.items():
        if visible and not wrap:
            assert text_w <= width, f"{key} {text!r} clipped: {probe}"  # type: ignore[operator]
    _w, h = probe["anchor"]  # type: ignore[misc]
    assert labels["price"][4] >= 40 * h / 1080, probe  # type: ignore[operator]
