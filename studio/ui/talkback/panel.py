"""The controller's talkback panel: speak to the anchor's prompter without a word on air.

Preset buttons (an editable list, remembered per station), a typed message, Urgent (the
prompter's strip blinks for 3 s), and the messages sent to this show with their state: waiting,
seen (the anchor acknowledged) or expired. Above them, a banner while a rule with `banner: true`
has just fired (from any station: it follows the `rule_firing` log).

Every database call runs on the panel's worker; the GUI thread never waits on the store.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.talkback import firings
from studio.talkback import messages as talkback
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import on_screen
from studio.ui.common.qt_jobs import SerialWorker

PRESETS_KEY = "talkback/presets"
REFRESH_MS = 1000
BANNER_S = 60.0  # a rule's banner stays this long after it fired (or until dismissed)
COLUMNS = 4


class TalkbackPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._worker = SerialWorker(self, "talkback")
        self._busy = False
        self._dismissed: set[str] = set()
        self._raised: set[str] = set()
        self.sent: list[talkback.Message] = []
        self._rows: list[tuple[str, ...]] = []  # each table row's uid and texts, as shown
        self._behind = False  # the list was not read while covered: read on reveal
        self.banners: list[firings.FiringRecord] = []
        layout = QVBoxLayout(self)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "color: white; background: #c62828; border-radius: 6px; padding: 6px;"
            " font-weight: bold;"
        )
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.clicked.connect(self.dismiss_banner)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.dismiss)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banner_row)
        self.banner_box.hide()
        layout.addWidget(self.banner_box)

        row = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Type a message to the anchor"))
        self.text.setMaxLength(talkback.MAX_TEXT)
        self.text.returnPressed.connect(self.send_typed)
        self.urgent = QCheckBox(self.tr("Urgent"))
        self.urgent.setToolTip(self.tr("The prompter's strip blinks for 3 s"))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(self.send_typed)
        row.addWidget(self.text, 1)
        row.addWidget(self.urgent)
        row.addWidget(self.send_button)
        layout.addLayout(row)

        self.presets_box = QGridLayout()
        layout.addLayout(self.presets_box)
        self.preset_buttons: list[QPushButton] = []

        tools = QHBoxLayout()
        self.edit_presets = QPushButton(self.tr("Edit presets…"))
        self.edit_presets.clicked.connect(self.edit_preset_list)
        self.clear_button = QPushButton(self.tr("Clear selected"))
        self.clear_button.setToolTip(self.tr("Take the selected message off the prompter"))
        self.clear_button.clicked.connect(self.clear_selected)
        self.status = QLabel()
        tools.addWidget(self.edit_presets)
        tools.addWidget(self.clear_button)
        tools.addStretch(1)
        tools.addWidget(self.status)
        layout.addLayout(tools)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("From"), self.tr("Message"), self.tr("State")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.presets = self._load_presets()
        self._build_presets()
        ctx.signals.changed.connect(self._on_change)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    # -- presets ----------------------------------------------------------------------------
    def default_presets(self) -> list[str]:
        return [
            self.tr("Slow down"),
            self.tr("Look at the camera"),
            self.tr("Link is up"),
            self.tr("Push to close"),
            self.tr("Talk about the offer"),
            self.tr("Answer questions"),
            self.tr("Time is up"),
        ]

    def _load_presets(self) -> list[str]:
        value = self.ctx.settings.value(PRESETS_KEY, None)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            items = [str(v).strip() for v in value if str(v).strip()]
            if items:
                return items[:24]
        return self.default_presets()

    def set_presets(self, items: list[str]) -> None:
        cleaned = [" ".join(i.split()) for i in items if i.strip()][:24]
        self.presets = cleaned or self.default_presets()
        self.ctx.settings.setValue(PRESETS_KEY, self.presets)
        self._build_presets()

    def _build_presets(self) -> None:
        for b in self.preset_buttons:
            self.presets_box.removeWidget(b)
            b.deleteLater()
        self.preset_buttons = []
        for n, text in enumerate(self.presets):
            b = QPushButton(text)
            b.setMinimumHeight(28)
            b.clicked.connect(lambda _=False, t=text: self.send(t))
            self.presets_box.addWidget(b, n // COLUMNS, n % COLUMNS)
            self.preset_buttons.append(b)

    def edit_preset_list(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Preset messages"),
            self.tr("One message a line:"),
            "\n".join(self.presets),
        )
        if ok:
            self.set_presets(text.splitlines())

    # -- sending ----------------------------------------------------------------------------
    def _now(self) -> datetime:
        return from_epoch(self.ctx.clock())

    def send_typed(self) -> None:
        text = self.text.text().strip()
        if text:
            self.send(text)
            self.text.clear()

    def send(self, text: str) -> None:
        """Send `text` to the anchor now (Urgent as ticked), on the worker."""
        show_id = self.ctx.show_id
        if show_id is None:
            self.status.setText(self.tr("Open a show first"))
            return
        store, when, urgent = self.ctx.store, self._now(), self.urgent.isChecked()
        self.urgent.setChecked(False)

        def job() -> talkback.Sent:
            return talkback.send(store, show_id, text, urgent=urgent, at=when)

        def done(sent: talkback.Sent) -> None:
            self.status.setText(
                self.tr("Queued (offline)")
                if sent.queued
                else self.tr("Sent: %1").replace("%1", text)
            )
            self.refresh(force=True)

        def failed(exc: BaseException) -> None:
            self.status.setText(self.tr("Not sent: %1").replace("%1", str(exc)))

        self._worker.submit(job, done, failed)

    def clear_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.sent):
            return
        msg = self.sent[rows[0].row()]
        store, when = self.ctx.store, self._now()
        self._worker.submit(
            lambda: talkback.clear(store, msg.uid, at=when), lambda _r: self.refresh(force=True)
        )

    # -- the list and the banner ------------------------------------------------------------
    def _on_change(self, table: str, _row: object, show_id: object) -> None:
        if table in (talkback.TABLE, firings.TABLE) and show_id == self.ctx.show_id:
            self.refresh(force=True)

    def _covered(self) -> bool:
        """In a shown window but not to be seen (its dock tabbed behind another, or closed)."""
        return self.window().isVisible() and not on_screen(self)

    def on_revealed(self) -> None:
        """The dock came to the front: the list catches up if it was skipped while covered."""
        if self._behind:
            self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Read the messages and the rule banners on the worker. While the panel is covered
        only the banners are read: a new one still brings the dock forward; the list (view
        work only) waits for on_revealed."""
        show_id = self.ctx.show_id
        if show_id is None:
            self._show([], [])
            return
        if self._busy and not force:
            return
        self._busy = True
        store, now, full = self.ctx.store, self._now(), not self._covered()

        def job() -> tuple[list[talkback.Message] | None, list[firings.FiringRecord]]:
            banners = firings.recent_banners(store, show_id, now, BANNER_S)
            if not full:
                return None, banners
            return talkback.list_messages(store, show_id, kind="message")[-200:], banners

        def done(result: tuple[list[talkback.Message] | None, list[firings.FiringRecord]]) -> None:
            self._busy = False
            sent, banners = result
            if sent is not None:
                self._show(sent, banners)
                return
            self._behind = True
            if self._show_banners(banners):  # brought forward: the list catches up too
                QTimer.singleShot(0, self, self.on_revealed)

        def failed(_exc: BaseException) -> None:
            self._busy = False

        self._worker.submit(job, done, failed)

    def role_name(self, role: str) -> str:
        names = {
            "controller": self.tr("Controller"),
            "cs": self.tr("Customer service"),
            "anchor": self.tr("Anchor"),
            "tech": self.tr("Studio tech"),
            "review": self.tr("Operations"),
            "rules": self.tr("Rule"),
            "api": self.tr("Remote control"),
        }
        return names.get(role, role)

    def state_text(self, m: talkback.Message, now: datetime) -> str:
        state = m.state(now)
        if state == "seen" and m.acked_at is not None:
            return self.tr("Seen %1").replace("%1", f"{m.acked_at.astimezone():%H:%M:%S}")
        if state == "expired":
            return self.tr("Cleared") if m.cleared_at is not None else self.tr("Expired")
        return self.tr("Waiting")

    def _show(self, sent: list[talkback.Message], banners: list[firings.FiringRecord]) -> None:
        self._behind = False
        now = self._now()
        self.sent = list(reversed(sent))  # newest first
        if self.table.rowCount() != len(self.sent):
            self.table.setRowCount(len(self.sent))
            self._rows = self._rows[: len(self.sent)]
        for r, m in enumerate(self.sent):
            who = self.tr("Rule") if m.rule else self.role_name(m.from_role)
            text = ("⚠ " if m.urgent else "") + m.text
            cells = (m.uid, f"{m.at.astimezone():%H:%M:%S}", who, text, self.state_text(m, now))
            if r < len(self._rows) and self._rows[r] == cells:
                continue  # the row reads the same: its items are left alone
            for c, value in enumerate(cells[1:]):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                if item.text() != value:
                    item.setText(value)
                item.setData(Qt.ItemDataRole.UserRole, m.uid)
            if r < len(self._rows):
                self._rows[r] = cells
            else:
                self._rows.append(cells)
        self._show_banners(banners)

    def _show_banners(self, banners: list[firings.FiringRecord]) -> bool:
        """The newest rule banner not dismissed; True when a new one brought the dock forward."""
        brought = False
        self.banners = [b for b in banners if b.uid not in self._dismissed]
        if self.banners:
            b = self.banners[0]
            if b.uid not in self._raised:  # a new banner: the dock comes to the front
                self._raised.add(b.uid)
                self._bring_forward()
                brought = True
            text = self.tr("Rule fired: %1 — %2").replace("%1", b.rule).replace("%2", b.text) + (
                self.tr(" (rehearsal)") if b.rehearsal else ""
            )
            if self.banner.text() != text:
                self.banner.setText(text)
        if self.banner_box.isHidden() == bool(self.banners):
            self.banner_box.setVisible(bool(self.banners))
        return brought

    def _bring_forward(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.show()
            parent.raise_()

    def dismiss_banner(self) -> None:
        self._dismissed.update(b.uid for b in self.banners)
        self.banners = []
        self.banner_box.hide()

    def shutdown(self) -> None:
        self._timer.stop()
