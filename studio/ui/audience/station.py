"""The 客服 station (`studio --role cs`): the question queue, quick replies and the FAQ library.

Keys on the queue: ↑/↓ choose a card, C claim, 1–9 take a quick reply, A or Enter answer
(the reply is copied to the clipboard for the platform console and recorded), D done (answered
on air), E to the anchor (the prompter's question strip), I ignore. Ctrl+Enter answers from the
reply box. Every read and write runs on the panel's worker; the queue refreshes when another
station changes a card (change bus, NOTIFY on PostgreSQL) and its wait colours every second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.audience import queue as cards
from studio.audience.replies import suggest
from studio.audience.stats import desk_now, show_stats
from studio.incidents.places import segment_titles
from studio.timeutil import duration_words, from_epoch
from studio.ui.audience.faq import FaqEditor
from studio.ui.audience.labels import topic_label
from studio.ui.audience.life import stop_view
from studio.ui.audience.queue_model import QueueModel
from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import on_screen
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.common.settings_values import setting_int
from studio.ui.common.tables import ui_lang

TABLES = frozenset({"audience_group", "audience_event", "audience_faq", "product", "coupon"})


class QueueView(QWidget):
    """The queue and the selected card's reply pane; used by the station window."""

    status = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, role: str = "cs") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.role = role
        self.who = ctx.store.station or role
        self._worker = SerialWorker(self, "audience-queue")
        self._titles: dict[str, str] = {}
        self._refreshing = False
        self._dirty = False
        self._closed = False
        self._replies: list[str] = []
        self.model = QueueModel(ctx.clock, lambda: self._titles, self)
        self.model.amber_s = setting_int(ctx.settings, "audience/amber_s", 30)
        self.model.red_s = setting_int(ctx.settings, "audience/red_s", 60)

        self.summary = QLabel(self)
        self.summary.setObjectName("audience_summary")
        self.table = QTableView(self)
        self.table.setObjectName("audience_queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(QueueModel.TEXT, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(QueueModel.PRODUCT, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(QueueModel.PRODUCT, 170)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_card())

        self.card_text = QLabel(self)
        self.card_text.setObjectName("audience_card_text")
        self.card_text.setWordWrap(True)
        font = self.card_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.card_text.setFont(font)
        self.card_meta = QLabel(self)
        self.card_meta.setWordWrap(True)
        self.replies = QListWidget(self)
        self.replies.setObjectName("audience_replies")
        self.replies.setWordWrap(True)
        self.reply: QPlainTextEdit = QPlainTextEdit(self)
        self.replies.itemActivated.connect(lambda item: self.take_reply(self.replies.row(item) + 1))
        self.reply.setObjectName("audience_reply")
        self.reply.setPlaceholderText(self.tr("Reply to post on the platform (1–9: a quick reply)"))
        self.reply.setMaximumHeight(110)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("claim", self.tr("Claim"), "C"),
            ("answer", self.tr("Answer and copy"), "A / Ctrl+Enter"),
            ("done", self.tr("Done"), "D"),
            ("escalate", self.tr("To the anchor"), "E"),
            ("ignore", self.tr("Ignore"), "I"),
        ):
            b = QPushButton(text, self)
            b.setObjectName(f"audience_{key}")
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, k=key: self.do(k))
            buttons.addWidget(b)
            self.buttons[key] = b
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        rl.addWidget(self.card_text)
        rl.addWidget(self.card_meta)
        rl.addWidget(QLabel(self.tr("Quick replies"), self))
        rl.addWidget(self.replies, 1)
        rl.addWidget(self.reply)
        rl.addLayout(buttons)
        rl.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        colours = QPushButton(self.tr("Wait colours…"), self)
        colours.setObjectName("audience_wait_colours")
        colours.clicked.connect(self.edit_wait_colours)
        top.addWidget(colours)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        keys: list[tuple[str, Callable[[], None]]] = [
            ("C", lambda: self.do("claim")),
            ("A", lambda: self.do("answer")),
            ("Return", lambda: self.do("answer")),
            ("D", lambda: self.do("done")),
            ("E", lambda: self.do("escalate")),
            ("I", lambda: self.do("ignore")),
        ]
        for n in range(1, 10):
            keys.append((str(n), self._taker(n)))
        self._shortcuts = []
        for seq, fn in keys:
            sc = QShortcut(QKeySequence(seq), self.table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(fn)
            self._shortcuts.append(sc)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda: self.do("answer"))
            self._shortcuts.append(sc)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        ctx.signals.changed.connect(self._on_changed)
        self._show_card()
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        show_id = self.ctx.show_id
        if show_id is None or self._closed:
            self.model.set_rows([])
            self.summary.setText(self.tr("No show open: open a show to see its questions."))
            return
        if self._refreshing:
            self._dirty = True
            return
        self._refreshing = True
        store, now = self.ctx.store, self.ctx.clock()

        def job() -> Any:
            return (
                show_id,
                cards.open_cards(store, show_id),
                show_stats(store, show_id),
                desk_now(store, show_id, now),
                segment_titles(store, show_id),
            )

        self._worker.submit(job, self._refreshed, self._failed)

    def _refreshed(self, result: Any) -> None:
        self._refreshing = False
        show_id, rows, st, now, titles = result
        if show_id != self.ctx.show_id or self._closed:
            return
        current = self.current()
        self._titles = titles
        self.model.set_rows(rows)
        row = self.model.row_of(current.id) if current is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        p50 = duration_words(st.response_p50_s, ui_lang())
        mine = st.per_agent.get(self.who, {})
        self.summary.setText(
            self.tr("Open %1 · answered %2 · response p50 %3 · %4 questions/min")
            .replace("%1", str(now.open))
            .replace("%2", str(st.answered))
            .replace("%3", p50)
            .replace("%4", f"{now.questions_per_min:.1f}")
            + "  |  "
            + self.tr("you: %1 answered, p50 %2")
            .replace("%1", str(mine.get("answered", 0)))
            .replace("%2", duration_words(mine.get("response_p50_s"), ui_lang()))
        )
        self._show_card()
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self.message.setText(self.tr("Could not read the questions: %1").replace("%1", str(exc)))

    def _on_changed(self, table: str, _row_id: object, show_id: object) -> None:
        if table in TABLES and (show_id is None or show_id == self.ctx.show_id):
            self.refresh()

    def _on_tick(self) -> None:
        # Only while the waits can be seen (Qt keeps a covered dock or tab isVisible); the
        # next tick after it comes back repaints them.
        if on_screen(self):
            self.model.tick()

    def edit_wait_colours(self) -> None:
        """Amber and red from how many seconds of waiting (remembered on this station)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Wait colours"))
        amber, red = QSpinBox(dialog), QSpinBox(dialog)
        for box, value in ((amber, self.model.amber_s), (red, self.model.red_s)):
            box.setRange(5, 3600)
            box.setSuffix(self.tr(" s"))
            box.setValue(value)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Amber after:"), amber)
        form.addRow(self.tr("Red after:"), red)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec():
            self.set_wait_colours(amber.value(), red.value())

    def set_wait_colours(self, amber_s: int, red_s: int) -> None:
        self.model.amber_s, self.model.red_s = min(amber_s, red_s), max(amber_s, red_s)
        self.ctx.settings.setValue("audience/amber_s", self.model.amber_s)
        self.ctx.settings.setValue("audience/red_s", self.model.red_s)
        self.model.tick()

    # -- the selected card -------------------------------------------------------------------
    def current(self) -> cards.Card | None:
        index = self.table.currentIndex()
        return self.model.card(index.row()) if index.isValid() else None

    def _show_card(self) -> None:
        card = self.current()
        for b in self.buttons.values():
            b.setEnabled(card is not None)
        if card is None:
            self.card_text.setText(self.tr("No open questions."))
            self.card_meta.setText("")
            self.replies.clear()
            return
        self.card_text.setText(card.text if card.count < 2 else f"{card.text}  ×{card.count}")
        meta = [card.product or self.tr("No product"), topic_label(card.topic)]
        if card.claimed_by:
            meta.append(self.tr("claimed by %1").replace("%1", card.claimed_by))
        if card.escalated:
            meta.append(self.tr("on the anchor's strip"))
        self.card_meta.setText(" · ".join(meta) + "\n" + "、".join(card.askers[:12]))
        store, now = self.ctx.store, from_epoch(self.ctx.clock())
        self._worker.submit(lambda: (card.id, suggest(store, card, now)), self._got_replies)

    def _got_replies(self, result: tuple[int, list[str]]) -> None:
        card = self.current()
        if card is None or card.id != result[0]:
            return
        self._replies = result[1]
        self.replies.clear()
        for n, text in enumerate(self._replies, 1):
            self.replies.addItem(f"{n}. {text}")

    def _taker(self, n: int) -> Callable[[], None]:
        return lambda: self.take_reply(n)

    def take_reply(self, n: int) -> None:
        if 0 < n <= len(self._replies):
            self.reply.setPlainText(self._replies[n - 1])

    # -- actions -----------------------------------------------------------------------------
    def do(self, action: str) -> None:
        card = self.current()
        if card is None:
            return
        store, at, who = self.ctx.store, self.ctx.clock(), self.who
        text = self.reply.toPlainText().strip()
        if action == "answer" and not text:
            if self._replies:
                text = self._replies[0]
            else:
                self.message.setText(self.tr("Write a reply or pick a quick reply first."))
                return
        if action == "answer":
            QGuiApplication.clipboard().setText(text)

        def job() -> bool:
            if action == "escalate":
                return cards.escalate(store, card, who=who, role=self.role, at=at)
            return cards.act(store, card, action, who=who, at=at, reply=text)

        said = {
            "claim": self.tr("Claimed."),
            "answer": self.tr("Answered: the reply is on the clipboard for the platform console."),
            "done": self.tr("Marked done."),
            "escalate": self.tr("Sent to the anchor's prompter."),
            "ignore": self.tr("Ignored."),
        }[action]

        def done(committed: bool) -> None:
            queued = "" if committed else " " + self.tr("(queued until the database is back)")
            self.message.setText(said + queued)
            if action in ("answer", "done", "ignore"):
                self.reply.clear()
            self.refresh()

        self._worker.submit(job, done, lambda exc: self.message.setText(str(exc)))

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        stop_view(self.ctx, self._on_changed, self._worker, self._tick)


class CsStation(QMainWindow):
    """The customer-service station's window: the queue and the FAQ library."""

    open_show_requested = Signal(int)  # a show picked with "Open show…" (Ctrl+O)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("cs_station")
        self.setWindowTitle(self.tr("Customer service — studio"))
        self.tabs = QTabWidget(self)
        self.queue = QueueView(ctx, self.tabs)
        self.faq = FaqEditor(ctx, self.tabs)
        self.tabs.addTab(self.queue, self.tr("Questions"))
        self.tabs.addTab(self.faq, self.tr("FAQ library"))
        self.setCentralWidget(self.tabs)
        pick = QPushButton(self.tr("Open show…"), self.tabs)
        pick.setObjectName("cs_open_show")
        pick.setToolTip("Ctrl+O")
        pick.clicked.connect(self.open_show)
        self.tabs.setCornerWidget(pick, Qt.Corner.TopRightCorner)
        sc = QShortcut(QKeySequence("Ctrl+O"), self)
        sc.activated.connect(self.open_show)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            self.resize(min(1280, avail.width()), min(800, avail.height()))
        self.queue.table.setFocus()

    def open_show(self) -> None:
        from studio.ui.shell.open_show import OpenShowDialog

        dialog = OpenShowDialog(self.ctx, self)
        if dialog.exec() and dialog.show_id is not None:
            self.open_show_requested.emit(dialog.show_id)

    def shutdown(self) -> None:
        self.queue.shutdown()
        self.faq.shutdown()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
