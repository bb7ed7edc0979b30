"""Banned claims marked where they are said and written: the prompter underlines 全网最低价 in a
cue in amber, and the rundown's cue editor highlights it while typing, with the reason as a
tooltip. The checker and jieba load on a worker thread, never on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from clock import FakeClock
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from studio.script.store_io import create_show_from_script_file, load_script
from studio.ui.common.context import AppContext

SCRIPT = """\
title: 合规测试
compliance:
  category: cosmetics
products:
  - {sku: K1, name: 丝绒口红, list_price: 269, live_price: 159, stock: 1500}
segments:
  - id: lipstick
    kind: product
    product: K1
    duration: 5m
    cues: [宝宝们，今天这支口红是全网最低价，只要 159！, 颜色很正，显白不挑皮]
"""


@pytest.fixture
def show(app_ctx: AppContext, tmp_path: Path) -> AppContext:
    path = tmp_path / "show.yaml"
    path.write_text(SCRIPT, encoding="utf-8")
    app_ctx.show_id = create_show_from_script_file(app_ctx.store, path)
    app_ctx.clock = FakeClock()
    return app_ctx


def test_prompter_underlines_the_banned_claim_in_amber(show: AppContext, qtbot: QtBot) -> None:
    """The cue on the prompter shows 全网最低价 underlined in amber; the rest stays plain, and a
    cue without a claim is plain text."""
    from studio.ui.anchor.claim_marks import AMBER
    from studio.ui.anchor.window import AnchorWindow
    from studio.ui.rundown.qt_runner import QtRunner

    show.runner = QtRunner(show.store, show.show_id or 0, clock=show.clock)
    anchor = AnchorWindow(show)
    qtbot.addWidget(anchor)
    show.runner.start()
    qtbot.waitUntil(lambda: anchor.claims.is_ready, timeout=20_000)
    qtbot.waitUntil(lambda: bool(anchor.cue_marks), timeout=5000)
    assert [m.term for m in anchor.cue_marks] == ["全网最低价"]
    doc = QTextDocument()
    doc.setHtml(anchor.cue.text())
    plain = doc.toPlainText()
    assert plain == "宝宝们，今天这支口红是全网最低价，只要 159！"
    at = plain.index("全网最低价")

    def fmt(pos: int) -> QTextCharFormat:
        cursor = QTextCursor(doc)
        cursor.setPosition(pos + 1)  # the format of the character before the cursor
        return cursor.charFormat()

    for pos in range(at, at + 5):
        assert fmt(pos).fontUnderline()
        assert fmt(pos).foreground().color() == QColor(AMBER)
    assert not fmt(at - 1).fontUnderline() and not fmt(at + 5).fontUnderline()
    show.runner.next()
    anchor.refresh()
    assert anchor.cue.text() == "颜色很正，显白不挑皮" and not anchor.cue_marks
    anchor.close()


def _ime_commit(widget: Any, text: str) -> None:
    """Type `text` the way a Chinese input method does (QTest cannot type beyond Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_cue_editor_highlights_the_claim_while_typing(show: AppContext, qtbot: QtBot) -> None:
    """Typing 全网最低价 (after an emoji, which Qt counts as two units) underlines exactly it with
    a wavy line; its tooltip and the line under the text say it is a banned price claim."""
    from studio.ui.rundown.cue_editor import CueEditDialog

    script = load_script(show.store, show.show_id or 0)
    dialog = CueEditDialog("", script, "K1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.claims.is_ready, timeout=20_000)
    assert dialog.found.text() == "No banned or risky claims."
    for chunk in ("😀", "今天", "全网", "最低价"):  # as an input method commits them
        _ime_commit(dialog.editor, chunk)
    assert dialog.editor.toPlainText() == "😀今天全网最低价", dialog.editor.toPlainText()
    block = dialog.editor.document().firstBlock()
    marks = [f for f in block.layout().formats() if f.format.fontUnderline()
             or f.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline]  # fmt: skip
    assert [(f.start, f.length) for f in marks] == [(4, 5)]  # 😀 = 2 UTF-16 units, then 今天
    assert marks[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    cursor = dialog.editor.textCursor()
    cursor.setPosition(5)
    point = dialog.editor.cursorRect(cursor).center()
    hint = dialog.hint_at(point)
    assert hint is not None and hint.startswith("全网最低价: price claim, banned")
    assert "全网最低价" in dialog.found.text()
    cursor.setPosition(1)
    assert dialog.hint_at(dialog.editor.cursorRect(cursor).center()) is None
    dialog.reject()


def test_rundown_edits_cues_in_the_marking_editor(
    show: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Double-clicking a cue opens the marking editor with the cue, the script and the
    segment's product; what it returns becomes the cue."""
    import studio.ui.rundown.panel as rundown
    from studio.ui.rundown.qt_runner import QtRunner

    show.runner = QtRunner(show.store, show.show_id or 0, clock=show.clock)
    panel = rundown.RundownPanel(show)
    qtbot.addWidget(panel)
    calls: list[tuple[str, Any, str | None]] = []

    def fake_editor(_parent: Any, text: str, script: Any, sku: str | None) -> str:
        calls.append((text, script, sku))
        return "今天直播间价 159 元"

    monkeypatch.setattr(rundown, "edit_cue_text", fake_editor)
    panel.table.selectRow(0)
    item = panel.cues.item(0)
    assert isinstance(item, QListWidgetItem)
    panel.cues.itemDoubleClicked.emit(item)
    assert calls and calls[0][0].startswith("宝宝们") and calls[0][2] == "K1"
    assert show.runner.script.segments[0].cues[0].text == "今天直播间价 159 元"
    panel.shutdown()


def test_jieba_warms_up_off_the_gui_thread(
    show: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the prompter loads jieba's dictionary on a worker thread."""
    from studio.compliance import segmenter
    from studio.ui.anchor.window import AnchorWindow

    threads: list[threading.Thread] = []
    real = segmenter.warm_up

    def spy() -> float:
        threads.append(threading.current_thread())
        return real()

    monkeypatch.setattr(segmenter, "warm_up", spy)
    anchor = AnchorWindow(show)
    qtbot.addWidget(anchor)
    qtbot.waitUntil(lambda: bool(threads), timeout=20_000)
    assert threads[0] is not threading.main_thread()
    anchor.close()
