"""The 客服 station by keys (claim, quick reply, answer with the clipboard, ignore, escalate to
the anchor's strip, done) and the control room's audience panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from studio.audience.ingest import accept_lines
from studio.audience.queue import get_card, open_cards
from studio.demo import demo_script_path
from studio.products.changes import present
from studio.script.store_io import create_show_from_script_file
from studio.talkback.messages import list_messages
from studio.timeutil import from_epoch


def _show(ctx: Any) -> int:
    t0 = ctx.clock()
    show = create_show_from_script_file(ctx.store, demo_script_path(), planned_start=from_epoch(t0))
    present(ctx.store, show, "MZ-KH03")
    texts = [
        "这个多少钱",
        "3号链接多少钱？",
        "新疆包邮吗",
        "背景音乐是什么歌",
        "口红显白吗",
        "几点下播",
    ]
    lines = [
        {"ts": t0 - 100 + i * 10, "type": "chat", "id": f"m{i}", "user": f"v{i}", "text": t}
        for i, t in enumerate(texts)
    ]
    accept_lines(ctx.store, show, lines, source="test")
    ctx.show_id = show
    return show


def test_queue_by_keys(ctx: Any, qtbot: QtBot) -> None:
    """C claims, 1 takes the first quick reply, A answers (reply on the clipboard, recorded),
    I ignores, E puts the question on the anchor's strip, D marks done — all from the keyboard."""
    from studio.ui.audience.station import CsStation

    show = _show(ctx)
    win = CsStation(ctx)
    qtbot.addWidget(win)
    win.show()
    view = win.queue
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    # Oldest first; the two price questions are one card with two askers.
    first = view.model.card(0)
    assert first is not None and first.text == "这个多少钱" and first.count == 2
    table = view.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: get_card(ctx.store, first.id).claimed_by == "cs")
    qtbot.waitUntil(lambda: view.replies.count() > 0)
    qtbot.keyClick(table, Qt.Key.Key_1)
    reply = view.reply.toPlainText()
    assert "¥159" in reply  # the lipstick's live price, from the live product model
    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: get_card(ctx.store, first.id).status == "answered")
    card = get_card(ctx.store, first.id)
    assert card.reply == reply and card.answered_by == "cs" and card.answered_ts == ctx.clock()
    assert QGuiApplication.clipboard().text() == reply
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)

    table.selectRow(0)  # 新疆包邮吗
    ship = view.current()
    assert ship is not None and ship.topic == "shipping"
    qtbot.keyClick(table, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: get_card(ctx.store, ship.id).status == "ignored")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)

    table.selectRow(0)
    music = view.current()
    assert music is not None
    qtbot.keyClick(table, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: get_card(ctx.store, music.id).escalated)
    sent = list_messages(ctx.store, show, kind="question")
    assert [m.ref for m in sent] == [music.uid] and music.text in sent[0].text
    qtbot.keyClick(table, Qt.Key.Key_D)  # the anchor answered it on air
    qtbot.waitUntil(lambda: get_card(ctx.store, music.id).status == "answered")
    assert len(open_cards(ctx.store, show)) == 2
    win.shutdown()


def test_audience_panel_figures(ctx: Any, qtbot: QtBot) -> None:
    """The compact panel shows open / answered counts and the biggest open question first."""
    from studio.ui.audience.panel import AudiencePanel

    _show(ctx)
    panel = AudiencePanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.figures["open"].text() == "5")
    assert panel.figures["answered"].text() == "0"
    assert panel.top.item(0).text().startswith("×2")
    panel.shutdown()


def test_wait_colours_are_configurable(ctx: Any, qtbot: QtBot) -> None:
    """Amber and red thresholds change the row colours and are remembered for the station."""
    from studio.ui.audience.queue_model import AMBER, RED
    from studio.ui.audience.station import CsStation

    _show(ctx)  # the oldest question has waited 100 s, the newest 50 s
    win = CsStation(ctx)
    qtbot.addWidget(win)
    view = win.queue
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    bg = Qt.ItemDataRole.BackgroundRole
    assert view.model.data(view.model.index(0, 0), bg) is RED
    view.set_wait_colours(120, 200)
    assert view.model.data(view.model.index(0, 0), bg) is None
    view.set_wait_colours(200, 60)  # given the wrong way round: amber is the smaller
    assert view.model.data(view.model.index(0, 0), bg) is AMBER
    assert view.model.data(view.model.index(4, 0), bg) is None
    assert int(ctx.settings.value("audience/amber_s")) == 60
    win.shutdown()
    again = CsStation(ctx)
    qtbot.addWidget(again)
    assert (again.queue.model.amber_s, again.queue.model.red_s) == (60, 200)
    again.shutdown()


def test_cs_role_opens_the_station_in_chinese(app_ctx: Any, qtbot: QtBot) -> None:
    """`studio --role cs` builds the 客服 station (no control room, no prompter); in Chinese its
    visible texts are Chinese; Open show switches the station to the chosen show."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from studio.demo import ensure_demo_show
    from studio.ui.audience.station import CsStation
    from studio.ui.shell.app import StudioApp
    from studio.ui.shell.i18n import Translations

    translations = Translations()
    translations.install("zh_CN")
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = StudioApp(app_ctx, translations, role="cs")
    try:
        app.build()
        assert app.window is None and isinstance(app.cs_window, CsStation)
        station = app.cs_window
        texts = [b.text() for b in station.findChildren(QAbstractButton)]
        texts += [label.text() for label in station.findChildren(QLabel) if label.text()]
        assert "认领" in texts and "推给主播" in texts and "打开场次…" in texts
        assert not [t for t in texts if t.isascii() and any(c.isalpha() for c in t)]
        other = create_show_from_script_file(app_ctx.store, demo_script_path(), title="第二场")
        station.open_show_requested.emit(other)
        assert app.cs_window is not station and app_ctx.show_id == other
    finally:
        app.shutdown()
        translations.install("en")


def _tagged(ctx: Any, show: int, msg_id: str, text: str) -> str | None:
    """The product the tagger gives a new viewer comment."""
    from studio.audience.stats import list_comments

    line = {"ts": ctx.clock(), "type": "chat", "id": msg_id, "user": "v", "text": text}
    assert accept_lines(ctx.store, show, [line], source="test").accepted == 1
    row = next(r for r in list_comments(ctx.store, show) if r["text"] == text)
    sku = row["sku"]
    return None if sku is None else str(sku)


def test_product_aliases_from_the_faq_tab(ctx: Any, qtbot: QtBot) -> None:
    """Product aliases… on the FAQ tab: typing 小金瓶 + Enter for the essence stores it (the
    tagger then tags 小金瓶 comments as the essence); Delete removes it, Ctrl+Z brings it back."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from studio.audience.aliases import list_aliases
    from studio.ui.audience.station import CsStation

    show = _show(ctx)
    assert _tagged(ctx, show, "a1", "小金瓶还有货吗") != "MZ-JH01"
    win = CsStation(ctx)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.faq)
    qtbot.mouseClick(win.faq.aliases_button, Qt.MouseButton.LeftButton)
    dlg = win.faq.aliases
    assert dlg is not None and dlg.isVisible()
    qtbot.waitUntil(lambda: dlg.product.count() == 8)
    assert dlg.product.currentData() == "MZ-JH01"  # 1号 玻色因焕亮精华 first
    typed = QInputMethodEvent()  # Chinese arrives as an input method's commit
    typed.setCommitString("小金瓶")
    QApplication.sendEvent(dlg.alias, typed)
    qtbot.keyClick(dlg.alias, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.list.count() == 1)
    assert list_aliases(ctx.store, show) == {"MZ-JH01": ["小金瓶"]}
    assert dlg.alias.text() == "" and "小金瓶" in dlg.message.text()
    assert _tagged(ctx, show, "a2", "小金瓶多少钱") == "MZ-JH01"

    # Another product's list is its own; back to the essence, remove by Delete, undo.
    dlg.product.setFocus()
    qtbot.keyClick(dlg.product, Qt.Key.Key_Down)
    assert dlg.product.currentData() == "MZ-FD02" and dlg.list.count() == 0
    qtbot.keyClick(dlg.product, Qt.Key.Key_Up)
    assert dlg.list.count() == 1
    dlg.list.setFocus()
    dlg.list.setCurrentRow(0)
    qtbot.keyClick(dlg.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dlg.list.count() == 0)
    assert list_aliases(ctx.store, show) == {} and dlg.undo_button.isEnabled()
    qtbot.keyClick(dlg.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.list.count() == 1)
    assert list_aliases(ctx.store, show) == {"MZ-JH01": ["小金瓶"]}
    assert not dlg.undo_button.isEnabled()
    qtbot.keyClick(dlg.list, Qt.Key.Key_Escape)  # Esc closes it; the button opens a new one
    assert not dlg.isVisible()
    qtbot.mouseClick(win.faq.aliases_button, Qt.MouseButton.LeftButton)
    again = win.faq.aliases
    assert again is not None and again is not dlg and again.isVisible()
    qtbot.waitUntil(lambda: again.list.count() == 1)
    win.shutdown()


def test_product_aliases_dialog_in_chinese(ctx: Any, qtbot: QtBot) -> None:
    """The aliases dialog's visible texts are Chinese in the Chinese UI."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from studio.ui.audience.station import CsStation
    from studio.ui.shell.i18n import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        _show(ctx)
        win = CsStation(ctx)
        qtbot.addWidget(win)
        win.show()
        assert win.faq.aliases_button.text() == "商品别名…"
        win.faq.open_aliases()
        dlg = win.faq.aliases
        assert dlg is not None
        qtbot.waitUntil(lambda: dlg.product.count() == 8)
        texts = [b.text() for b in dlg.findChildren(QAbstractButton)]
        texts += [label.text() for label in dlg.findChildren(QLabel) if label.text()]
        texts += [dlg.windowTitle(), dlg.alias.placeholderText()]
        assert not [t for t in texts if any(c.isascii() and c.isalpha() for c in t)], texts
        win.shutdown()
    finally:
        translations.install("en")
