"""The incident panel: one key logs an incident now, details follow without blocking the show.

F1..F5 (Shift: severity S1) log technical / product / anchor / compliance / other incidents
stamped with the runner's current segment and cue. The list below is live (it follows the
store's change signals), filterable, and works from the keyboard: arrows, Enter opens the
details editor (a non-modal window), M mitigates, R resolves, O reopens.

Every database call runs on one worker thread, in order: the GUI never waits on the database,
and a quick log issued before a mitigate is committed before it. Call `shutdown()` on quit.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from studio.incidents import log as incident_log
from studio.incidents.categories import CATEGORIES, CATEGORY_KEYS
from studio.incidents.log import HistoryEntry, IncidentFilter, IncidentView
from studio.incidents.stamp import runner_position
from studio.timeutil import fmt_duration, from_epoch
from studio.ui.common.empty_state import EmptyState, request_from_window
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.common.texts import condition_text

log = logging.getLogger(__name__)

# Strong enough to read at a glance on the dark theme and on the light one; text is white.
SEVERITY_COLOURS = {1: "#b3261e", 2: "#a15c00", 3: "#3d5566"}
OWNER_ROLES = ("", "controller", "anchor", "tech", "customer service")
_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5)


class IncidentLabels(QObject):
    """Translated words for categories, severities, statuses, sources and roles."""

    def category(self, key: str) -> str:
        return {
            "technical": self.tr("Technical"),
            "product": self.tr("Product"),
            "anchor": self.tr("Anchor"),
            "compliance": self.tr("Compliance"),
            "other": self.tr("Other"),
        }.get(key, key)

    def severity(self, level: int) -> str:
        return {
            1: self.tr("S1 show interrupted"),
            2: self.tr("S2 visible to viewers"),
            3: self.tr("S3 internal"),
        }.get(level, f"S{level}")

    def severity_short(self, level: int) -> str:
        return {
            1: self.tr("S1 interrupted"),
            2: self.tr("S2 visible"),
            3: self.tr("S3 internal"),
        }.get(level, f"S{level}")

    def status(self, status: str) -> str:
        return {
            "open": self.tr("Open"),
            "mitigated": self.tr("Mitigated"),
            "resolved": self.tr("Resolved"),
        }.get(status, status)

    def source(self, source: str) -> str:
        return {"manual": self.tr("Logged"), "auto": self.tr("Auto")}.get(source, source)

    def auto_text(self, view: IncidentView, text: str | None = None) -> str:
        """An auto-incident's text (stored in English, from its monitor's templates) in the UI
        language; anything a person wrote, or text no template explains, stays as written."""
        raw = view.text if text is None else text
        if view.source != "auto" or not view.condition_key:
            return raw
        return condition_text(view.condition_key, raw)

    def auto_action(self, view: IncidentView) -> str:
        """The action-taken lines studio.incidents.auto writes when a condition clears."""
        if view.source != "auto" or not view.condition_key:
            return view.action_taken
        lines = []
        for line in view.action_taken.split("\n"):
            if line == "condition cleared":
                line = self.tr("condition cleared")
            elif line.startswith("cleared: "):
                inner = condition_text(view.condition_key, line.removeprefix("cleared: "))
                line = self.tr("cleared: %1").replace("%1", inner)
            lines.append(line)
        return "\n".join(lines)

    def step(self, text: str) -> str:
        """A default playbook step in the UI language; a studio's own steps stay as written."""
        return {
            "switch to backup camera": self.tr("switch to backup camera"),
            "restart the push": self.tr("restart the push"),
            "tell the anchor to fill": self.tr("tell the anchor to fill"),
            "unlist the link": self.tr("unlist the link"),
            "correct the price on screen": self.tr("correct the price on screen"),
            "anchor states the correction": self.tr("anchor states the correction"),
            "prompt the anchor with the correct fact": self.tr(
                "prompt the anchor with the correct fact"
            ),
            "switch shot to cover": self.tr("switch shot to cover"),
            "stop the flagged wording": self.tr("stop the flagged wording"),
            "screenshot the platform notice": self.tr("screenshot the platform notice"),
            "tell the anchor what to avoid": self.tr("tell the anchor what to avoid"),
            "note what happened": self.tr("note what happened"),
        }.get(text, text)

    def field(self, name: str) -> str:
        return {
            "status": self.tr("status"),
            "severity": self.tr("severity"),
            "owner": self.tr("owner"),
            "action_taken": self.tr("action taken"),
            "impact": self.tr("impact"),
            "text": self.tr("what happened"),
            "checklist": self.tr("playbook"),
            "mitigated_at": self.tr("mitigated at"),
            "resolved_at": self.tr("resolved at"),
        }.get(name, name)

    def role(self, role: str) -> str:
        return {
            "": self.tr("(nobody yet)"),
            "controller": self.tr("Controller"),
            "anchor": self.tr("Anchor"),
            "tech": self.tr("Tech"),
            "customer service": self.tr("Customer service"),
        }.get(role, role)


def _local_time(view: IncidentView) -> str:
    return view.at.astimezone().strftime("%H:%M:%S")


def _where(view: IncidentView) -> str:
    if view.segment_key is None:
        return "—"
    if view.cue_index is None:
        return view.segment_key
    return f"{view.segment_key} · {view.cue_index + 1}"


class IncidentTableModel(QAbstractTableModel):
    COLUMNS = ("time", "severity", "category", "status", "source", "where", "text", "age")
    IdRole = Qt.ItemDataRole.UserRole + 1
    ViewRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self, labels: IncidentLabels, clock: Callable[[], float], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.labels = labels
        self.clock = clock
        self.rows: list[IncidentView] = []
        self._texts: dict[int, str] = {}
        self._headers = (
            self.tr("Time"),
            self.tr("Severity"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Source"),
            self.tr("Segment · cue"),
            self.tr("What happened"),
            self.tr("Open for / fixed in"),
        )
        self._compact_age_header = self.tr("Duration")
        # Narrow docks: the severity chip shows only its code, the source folds into the
        # category, the duration loses its words; "What happened" keeps the room.
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )

    def set_rows(self, rows: list[IncidentView]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda v: (v.at, v.id), reverse=True)
        # Translated once per refresh, not on every paint.
        self._texts = {v.id: self.labels.auto_text(v) for v in self.rows}
        self.endResetModel()

    def shown_text(self, v: IncidentView) -> str:
        return self._texts.get(v.id, v.text)

    def row_of(self, incident_id: int) -> int:
        for n, v in enumerate(self.rows):
            if v.id == incident_id:
                return n
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self.compact and self.COLUMNS[section] == "age":
                return self._compact_age_header
            return self._headers[section]
        return None

    def age_text(self, v: IncidentView) -> str:
        if self.compact:
            seconds = (
                max(0.0, self.clock() - v.at.timestamp())
                if v.status == "open"
                else v.time_to_mitigate
                if v.status == "mitigated"
                else v.time_to_resolve
            )
            return "" if seconds is None else fmt_duration(seconds)
        if v.status == "open":
            return self.tr("open %1").replace(
                "%1", fmt_duration(max(0.0, self.clock() - v.at.timestamp()))
            )
        if v.status == "mitigated" and v.time_to_mitigate is not None:
            return self.tr("mitigated in %1").replace("%1", fmt_duration(v.time_to_mitigate))
        if v.time_to_resolve is not None:
            return self.tr("resolved in %1").replace("%1", fmt_duration(v.time_to_resolve))
        return ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        v = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "time": _local_time(v),
                "severity": f"S{v.severity}"
                if self.compact
                else self.labels.severity_short(v.severity),
                "category": self.labels.category(v.category)
                + (
                    " · " + self.labels.source("auto")
                    if self.compact and v.source == "auto"
                    else ""
                ),
                "status": self.labels.status(v.status),
                "source": self.labels.source(v.source),
                "where": _where(v),
                "text": self.shown_text(v).splitlines()[0]
                if v.text
                else self.tr("(add details: Enter)"),
                "age": self.age_text(v),
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "text":
                return self.shown_text(v) or None
            if col == "severity":
                return self.labels.severity(v.severity)
        if role == Qt.ItemDataRole.ForegroundRole and (
            v.status == "resolved" or (col == "text" and not v.text)
        ):
            return QBrush(QColor("#8a8f98"))
        if role == Qt.ItemDataRole.FontRole:
            if (col == "status" and v.status == "open") or col == "severity":
                font = QFont()
                font.setBold(True)
                return font
            if col == "text" and not v.text:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("time", "age"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.IdRole:
            return v.id
        if role == self.ViewRole:
            return v
        return None

    def refresh_ages(self) -> None:
        if self.rows:
            col = self.COLUMNS.index("age")
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))


class SeverityChipDelegate(QStyledItemDelegate):
    """Severity as a coloured chip with its words, kept visible on the selected row too."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 16, size.height())  # the chip's own margins

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        opt.backgroundBrush = QBrush()
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        view = index.data(IncidentTableModel.ViewRole)
        colour = QColor(SEVERITY_COLOURS.get(getattr(view, "severity", 0), "#555555"))
        chip = option.rect.adjusted(4, 4, -4, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(chip, 4, 4)
        font = QFont(opt.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(
            chip.adjusted(8, 0, -8, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()


class IncidentFilterProxy(QSortFilterProxyModel):
    """Filtering on the rows already loaded: a filter change answers instantly."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = IncidentFilter()

    def set_criteria(self, criteria: IncidentFilter) -> None:
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, IncidentTableModel) or source_row >= len(model.rows):
            return False
        return self.criteria.matches(model.rows[source_row])


def _with_retry(job: Callable[[], Any], tries: int = 4, pause: float = 0.5) -> Any:
    """A locked database (another station or the metrics writer mid-commit) is worth waiting
    for: losing an incident is worse than logging it a second late."""
    for attempt in range(tries):
        try:
            return job()
        except OperationalError:
            if attempt == tries - 1:
                raise
            time.sleep(pause * (attempt + 1))
    return None


class IncidentDetailsDialog(QDialog):
    """Non-modal editor for one incident: the show goes on while it is open."""

    save_requested = Signal(int, dict)  # incident id, changed fields for incident_log.update

    def __init__(
        self,
        view: IncidentView,
        entries: list[HistoryEntry],
        labels: IncidentLabels,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.labels = labels
        self.view = view
        self.setMinimumSize(560, 560)
        layout = QVBoxLayout(self)

        self.header = QLabel()
        self.header.setProperty("role", "heading")
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.header.setFont(heading_font)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)

        form = QFormLayout()
        self.severity = QComboBox()
        for level in (1, 2, 3):
            self.severity.addItem(labels.severity(level), level)
        form.addRow(self.tr("&Severity"), self.severity)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(64)
        form.addRow(self.tr("&What happened"), self.text)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        for role in OWNER_ROLES:
            self.owner.addItem(labels.role(role), role)
        form.addRow(self.tr("&Owner"), self.owner)
        self.action = QPlainTextEdit()
        self.action.setTabChangesFocus(True)
        self.action.setFixedHeight(64)
        form.addRow(self.tr("&Action taken"), self.action)
        self.impact = QLineEdit()
        self.impact.setPlaceholderText(self.tr("e.g. 12 orders at the wrong price"))
        form.addRow(self.tr("&Impact"), self.impact)
        self.checklist = QListWidget()
        # An unticked box must be visible on the dark theme too (Space ticks the current step).
        self.checklist.setStyleSheet(
            "QListWidget::item { padding: 3px; }"
            " QListWidget::indicator { width: 16px; height: 16px; border: 2px solid #8a8f98;"
            " border-radius: 3px; }"
            " QListWidget::indicator:checked { background: #3d9b4f; border-color: #3d9b4f; }"
        )
        self.checklist.setFixedHeight(110)
        form.addRow(self.tr("&Playbook"), self.checklist)
        layout.addLayout(form)

        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setTabChangesFocus(True)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history, 1)

        buttons = QHBoxLayout()
        self.mitigate_button = QPushButton(self.tr("Mitigate (Ctrl+M)"))
        self.resolve_button = QPushButton(self.tr("Resolve (Ctrl+R)"))
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        close_button = QPushButton(self.tr("Close (Esc)"))
        for b in (self.mitigate_button, self.resolve_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout.addLayout(buttons)
        self.mitigate_button.clicked.connect(lambda: self.save(status="mitigated"))
        self.resolve_button.clicked.connect(lambda: self.save(status="resolved"))
        self.save_button.clicked.connect(lambda: self.save())
        close_button.clicked.connect(self.close)
        for seq, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+Return", self.save),
            ("Ctrl+M", lambda: self.save(status="mitigated")),
            ("Ctrl+R", lambda: self.save(status="resolved")),
        ):
            QShortcut(QKeySequence(seq), self, activated=slot)
        self.load(view, entries)

    def load(self, view: IncidentView, entries: list[HistoryEntry]) -> None:
        self.view = view
        cat = self.labels.category(view.category)
        self.setWindowTitle(
            self.tr("Incident #%1 · %2").replace("%1", str(view.id)).replace("%2", cat)
        )
        parts = [
            f"#{view.id}",
            cat,
            self.labels.status(view.status),
            self.tr("logged %1").replace("%1", _local_time(view)),
            self.tr("segment %1").replace("%1", _where(view)),
        ]
        if view.source == "auto":
            parts.append(self.labels.source("auto"))
        self.header.setText(" · ".join(parts))
        self.severity.setCurrentIndex(max(0, self.severity.findData(view.severity)))
        # Shown translated; saved only if the user changes what is shown.
        self.shown_text = self.labels.auto_text(view)
        self.shown_action = self.labels.auto_action(view)
        self.text.setPlainText(self.shown_text)
        idx = self.owner.findData(view.owner)
        if idx >= 0:
            self.owner.setCurrentIndex(idx)
        else:
            self.owner.setEditText(view.owner)
        self.action.setPlainText(self.shown_action)
        self.impact.setText(view.impact)
        self.checklist.clear()
        for entry in view.checklist:
            original = str(entry.get("item", ""))
            item = QListWidgetItem(self.labels.step(original))
            item.setData(Qt.ItemDataRole.UserRole, original)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if entry.get("done") else Qt.CheckState.Unchecked
            )
            self.checklist.addItem(item)
        lines = []
        for h in entries:
            when = h.at.astimezone().strftime("%H:%M:%S")
            who = h.who or "—"
            if h.field == "created":
                logged = self.tr("logged")
                lines.append(f"{when}  {who}: {logged} ({self._created(h.new or '')})")
            else:
                name = self.labels.field(h.field)
                old, new = self._value(h.field, h.old), self._value(h.field, h.new)
                lines.append(f"{when}  {who}: {name}: {old} → {new}")
        self.history.setPlainText("\n".join(lines))
        self.mitigate_button.setEnabled(view.status == "open")
        self.resolve_button.setEnabled(view.status != "resolved")

    def _created(self, raw: str) -> str:
        """ "technical S2 auto" (category, severity, source) in the UI language."""
        parts = raw.split()
        if len(parts) != 3:
            return raw
        cat, sev, source = parts
        return f"{self.labels.category(cat)} {sev} {self.labels.source(source)}"

    def _value(self, name: str, raw: str | None) -> str:
        """A history value as a person reads it: local clock time, ticks done, words."""
        if raw is None or raw == "":
            return "—"
        try:
            if name.endswith("_at"):
                return datetime.fromisoformat(raw).astimezone().strftime("%H:%M:%S")
            if name == "checklist":
                items = json.loads(raw)
                done = sum(1 for i in items if isinstance(i, dict) and i.get("done"))
                return (
                    self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(len(items)))
                )
            if name == "status":
                return self.labels.status(raw)
            if name == "severity":
                return self.labels.severity_short(int(raw))
            if name == "owner":
                return self.labels.role(raw)
            if name == "text":
                raw = self.labels.auto_text(self.view, raw)
        except (ValueError, TypeError):
            pass
        return raw.replace("\n", " / ")

    def _owner_value(self) -> str:
        text = self.owner.currentText().strip()
        idx = self.owner.findText(text)
        if idx >= 0:
            return str(self.owner.itemData(idx) or "")
        return text

    @staticmethod
    def _edited(editor: QPlainTextEdit, shown: str, stored: str) -> str:
        """The editor's text, or the stored original when the user left the shown one as is."""
        now = editor.toPlainText().strip()
        return stored if now == shown.strip() else now

    def changes(self) -> dict[str, Any]:
        """Only what the user changed, so an edit never clobbers someone else's."""
        v = self.view
        out: dict[str, Any] = {}
        level = self.severity.currentData()
        if level != v.severity:
            out["severity"] = level
        for key, now, before in (
            ("text", self._edited(self.text, self.shown_text, v.text), v.text),
            ("owner", self._owner_value(), v.owner),
            (
                "action_taken",
                self._edited(self.action, self.shown_action, v.action_taken),
                v.action_taken,
            ),
            ("impact", self.impact.text().strip(), v.impact),
        ):
            if now != before:
                out[key] = now
        ticks = [
            {
                "item": str(self.checklist.item(n).data(Qt.ItemDataRole.UserRole)),
                "done": self.checklist.item(n).checkState() == Qt.CheckState.Checked,
            }
            for n in range(self.checklist.count())
        ]
        if ticks != [{"item": c.get("item"), "done": bool(c.get("done"))} for c in v.checklist]:
            out["checklist"] = ticks
        return out

    def save(self, status: str | None = None) -> None:
        fields = self.changes()
        if status is not None:
            fields["status"] = status
        if fields:
            self.save_requested.emit(self.view.id, fields)


class IncidentsPanel(QWidget):
    """Quick-log buttons, filters and the live incident list of the loaded show.

    Expects from `ctx.runner` (optional; studio.ui.rundown.qt_runner.QtRunner): `runner.state` (attribute
    or method) with `segment_key` and `cue_index` — see `studio.incidents.stamp`.
    """

    logged = Signal(int)  # incident id, once committed

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.labels = IncidentLabels(self)
        self._worker = SerialWorker(self, "incident-db")
        self._show_id: int | None = None
        self._refreshing = False
        self._dirty = False
        self._select_after_refresh: int | None = None
        self._dialogs: dict[int, IncidentDetailsDialog] = {}
        self._app_shortcuts: list[QShortcut] = []
        self._closed = False

        self.stack = QStackedWidget()
        self.empty = EmptyState(
            self.tr("Load or create a show to log incidents"),
            self.tr(
                "Incidents belong to a show: open its script or create one, then F1–F5 log "
                "what goes wrong."
            ),
            self.tr("Open show script…"),
            request_from_window(self, "open_script_requested"),
        )
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_main())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self._ages = QTimer(self)
        self._ages.setInterval(1000)
        self._ages.timeout.connect(self.model.refresh_ages)
        ctx.signals.changed.connect(self._on_changed)
        self.set_show(ctx.show_id)

    # -- building --

    def _build_main(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.log_buttons: dict[str, QPushButton] = {}
        for cat in CATEGORIES:
            b = QPushButton(f"{cat.shortcut}  {self.labels.category(cat.key)}")
            b.setMinimumHeight(44)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys are F1..F5; Tab stays on the list
            b.setToolTip(
                self.tr("Log a %1 incident now (%2; with Shift: S1)")
                .replace("%1", self.labels.category(cat.key))
                .replace("%2", cat.shortcut)
            )
            b.clicked.connect(lambda _=False, k=cat.key: self.quick_log(k))
            buttons.addWidget(b)
            self.log_buttons[cat.key] = b
        layout.addLayout(buttons)

        self.last_logged = QLabel()
        self.last_logged.setWordWrap(True)
        self.last_logged.setProperty("role", "hint")
        self.last_logged.setText(
            self.tr(
                "F1–F5 log an incident now (Shift: S1 show interrupted). "
                "Enter: details · M: mitigate · R: resolve"
            )
        )
        layout.addWidget(self.last_logged)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), None)
        for key in CATEGORY_KEYS:
            self.category_filter.addItem(self.labels.category(key), key)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("All severities"), None)
        for level in (1, 2, 3):
            self.severity_filter.addItem(self.labels.severity_short(level), str(level))
        self.severity_filter.addItem(self.tr("S1 + S2"), "1,2")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Not resolved"), "open,mitigated")
        for status in ("open", "mitigated", "resolved"):
            self.status_filter.addItem(self.labels.status(status), status)
        self.source_filter = QComboBox()
        self.source_filter.addItem(self.tr("Logged and auto"), None)
        for source in ("manual", "auto"):
            self.source_filter.addItem(self.labels.source(source), source)
        for combo, name in (
            (self.category_filter, self.tr("Category filter")),
            (self.severity_filter, self.tr("Severity filter")),
            (self.status_filter, self.tr("Status filter")),
            (self.source_filter, self.tr("Source filter")),
        ):
            combo.setAccessibleName(name)
            combo.currentIndexChanged.connect(self._apply_filters)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._export_clicked)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)

        self.model = IncidentTableModel(self.labels, self.ctx.clock, self)
        self.proxy = IncidentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            IncidentTableModel.COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch
        )
        header.setMinimumSectionSize(60)
        self.table.setItemDelegateForColumn(
            IncidentTableModel.COLUMNS.index("severity"), SeverityChipDelegate(self.table)
        )
        # Room around the words: the default item margins (~3 px) read as cramped.
        self.table.setStyleSheet("QTableView::item { padding-left: 8px; padding-right: 8px; }")
        self.table.setAccessibleName(self.tr("Incidents"))
        self.table.activated.connect(lambda _i: self.open_details())
        layout.addWidget(self.table, 1)

        for seq, slot in (
            ("M", lambda: self.set_status("mitigated")),
            ("R", lambda: self.set_status("resolved")),
            ("O", lambda: self.set_status("open")),
        ):
            QShortcut(
                QKeySequence(seq),
                self.table,
                activated=slot,
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(
                QKeySequence(key),
                self.table,
                activated=self.open_details,
                context=Qt.ShortcutContext.WidgetShortcut,
            )

        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(self.message)
        layout.addLayout(bottom)

        self.no_rows = QLabel(
            self.tr("No incidents yet. Press F1–F5 the moment something goes wrong."),
            self.table.viewport(),
        )
        self.no_rows.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_rows.setWordWrap(True)
        return page

    def install_shortcuts(self, window: QWidget) -> None:
        """F1..F5 (and Shift+F1..F5 for S1) anywhere in the application, parented to `window`."""
        for sc in self._app_shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self._app_shortcuts = []
        for key, cat in zip(_KEYS, CATEGORIES, strict=True):
            for seq, level in (
                (QKeySequence(key), 2),
                (QKeySequence(Qt.KeyboardModifier.ShiftModifier | key), 1),
            ):
                sc = QShortcut(seq, window)
                sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
                sc.activated.connect(lambda k=cat.key, s=level: self.quick_log(k, severity=s))
                self._app_shortcuts.append(sc)

    # -- show and refresh --

    def set_show(self, show_id: int | None) -> None:
        """Follow another show (None: no show loaded)."""
        self._show_id = show_id
        self.model.set_rows([])
        self.stack.setCurrentIndex(0 if show_id is None else 1)
        if show_id is None:
            self._ages.stop()
        else:
            self._ages.start()
            self.refresh()
        self._update_summary()

    def refresh(self) -> None:
        """Reload the list on the worker; bursts of changes coalesce into one reload."""
        if self._show_id is None or self._closed:
            return
        if self._refreshing:
            self._dirty = True
            return
        self._refreshing = True
        show_id = self._show_id
        store = self.ctx.store
        self._worker.submit(
            lambda: (show_id, incident_log.list_incidents(store, show_id)),
            self._refreshed,
            self._refresh_failed,
        )

    def _refreshed(self, result: tuple[int, list[IncidentView]]) -> None:
        self._refreshing = False
        show_id, rows = result
        if show_id == self._show_id and not self._closed:
            current = self.current_id()
            self.model.set_rows(rows)
            self._reselect(self._select_after_refresh or current)
            self._select_after_refresh = None
            self._update_summary()
            for row in rows:
                dialog = self._dialogs.get(row.id)
                if dialog is not None:
                    self._reload_dialog(row.id)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _refresh_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self._say(self.tr("Could not read incidents: %1").replace("%1", str(exc)), error=True)

    def _on_changed(self, table: str, _row_id: object, show_id: object) -> None:
        if self.ctx.show_id != self._show_id:
            self.set_show(self.ctx.show_id)
            return
        if table == "incident" and (show_id is None or show_id == self._show_id):
            self.refresh()

    def _reselect(self, incident_id: int | None) -> None:
        if incident_id is None:
            return
        row = self.model.row_of(incident_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _apply_filters(self) -> None:
        def chosen(combo: QComboBox) -> frozenset[str] | None:
            data = combo.currentData()
            return frozenset(str(data).split(",")) if data else None

        levels = chosen(self.severity_filter)
        self.proxy.set_criteria(
            IncidentFilter(
                categories=chosen(self.category_filter),
                severities=frozenset(int(x) for x in levels) if levels else None,
                statuses=chosen(self.status_filter),
                sources=chosen(self.source_filter),
            )
        )
        self._update_summary()

    def _update_summary(self) -> None:
        rows = self.model.rows
        n_open = sum(1 for v in rows if v.status == "open")
        n_mit = sum(1 for v in rows if v.status == "mitigated")
        text = (
            self.tr("%1 open · %2 mitigated · %3 in all")
            .replace("%1", str(n_open))
            .replace("%2", str(n_mit))
            .replace("%3", str(len(rows)))
        )
        if self.proxy.rowCount() != len(rows):
            text += " · " + self.tr("%1 shown").replace("%1", str(self.proxy.rowCount()))
        self.summary.setText(text)
        if not rows:
            self.no_rows.setText(
                self.tr("No incidents yet. Press F1–F5 the moment something goes wrong.")
            )
        else:
            self.no_rows.setText(self.tr("No incidents match the filters."))
        self.no_rows.setVisible(self.proxy.rowCount() == 0)
        self._place_no_rows()

    def _place_no_rows(self) -> None:
        self.no_rows.setGeometry(self.table.viewport().rect().adjusted(16, 16, -16, -16))

    COMPACT_BELOW = 1000  # px of panel width

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        compact = self.width() < self.COMPACT_BELOW
        if compact != self.model.compact:
            self.model.set_compact(compact)
            self.table.setColumnHidden(IncidentTableModel.COLUMNS.index("source"), compact)
        self._place_no_rows()

    # -- actions --

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.data(IncidentTableModel.IdRole)
        return int(value) if value is not None else None

    def quick_log(self, category: str, severity: int = 2) -> None:
        """Log now: time and segment are taken here, the commit happens on the worker."""
        if self._closed:
            return
        if self._show_id is None:
            self._say(self.tr("Load or create a show to log incidents"), error=True)
            return
        at = from_epoch(self.ctx.clock())
        segment_key, cue_index = runner_position(self.ctx.runner)
        store, show_id, profile = self.ctx.store, self._show_id, self.ctx.profile
        who = store.station or ""

        def job() -> int | None:
            return (  # None: queued offline, no id until the shared database is back
                _with_retry(
                    lambda: incident_log.quick_log(
                        store,
                        show_id,
                        category,
                        severity=severity,
                        at=at,
                        segment_key=segment_key,
                        cue_index=cue_index,
                        who=who,
                        profile=profile,
                    )
                )
            )

        def done(incident_id: int | None) -> None:
            when = at.astimezone().strftime("%H:%M:%S")
            if incident_id is None:
                self._say(
                    self.tr(
                        "Logged offline at %1: it is stored when the database is back."
                    ).replace("%1", when)
                )
                return
            self._select_after_refresh = incident_id
            self._show_logged(incident_id, category, severity, when)
            self.logged.emit(incident_id)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._say(
                self.tr("NOT logged (%1): %2")
                .replace("%1", self.labels.category(category))
                .replace("%2", str(exc)),
                error=True,
            )

        self._worker.submit(job, done, failed)

    def _show_logged(self, incident_id: int, category: str, severity: int, when: str) -> None:
        from studio.incidents.playbooks import playbook

        steps = playbook(self.ctx.profile, category)
        text = (
            self.tr("#%1 %2 %3 logged at %4.")
            .replace("%1", str(incident_id))
            .replace("%2", self.labels.category(category))
            .replace("%3", f"S{severity}")
            .replace("%4", when)
        )
        if steps:
            text += (
                " "
                + self.tr("Playbook:")
                + " "
                + "  ".join(f"{n}. {self.labels.step(s)}" for n, s in enumerate(steps, 1))
            )
        text += " " + self.tr("(Enter: details)")
        self.last_logged.setText(text)
        self._say("")

    def set_status(self, status: str) -> None:
        incident_id = self.current_id()
        if incident_id is None:
            return
        self._submit_update(incident_id, {"status": status})

    def _uid_of(self, incident_id: int) -> str | None:
        row = self.model.row_of(incident_id)
        if row >= 0:
            return self.model.rows[row].uid
        dialog = self._dialogs.get(incident_id)
        return dialog.view.uid if dialog is not None else None

    def _submit_update(self, incident_id: int, fields: dict[str, Any]) -> None:
        store = self.ctx.store
        who = store.station or ""
        # With the uid the edit can be queued while the shared database is unreachable.
        uid = self._uid_of(incident_id)

        def job() -> IncidentView | None:
            return _with_retry(
                lambda: incident_log.update(store, incident_id, incident_uid=uid, who=who, **fields)
            )

        def done(view: IncidentView | None) -> None:
            if view is None:
                self._say(
                    self.tr(
                        "Incident #%1 changed offline: it is stored when the database is back."
                    ).replace("%1", str(incident_id))
                )
                return
            self._say(self.tr("Incident #%1 saved.").replace("%1", str(incident_id)))

        self._worker.submit(
            job,
            done,
            lambda exc: self._say(
                self.tr("Could not save incident #%1: %2")
                .replace("%1", str(incident_id))
                .replace("%2", str(exc)),
                error=True,
            ),
        )

    def open_details(self) -> None:
        incident_id = self.current_id()
        if incident_id is None:
            return
        existing = self._dialogs.get(incident_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return
        store = self.ctx.store
        self._worker.submit(
            lambda: (
                incident_log.get_incident(store, incident_id),
                incident_log.history(store, incident_id),
            ),
            self._show_details,
            lambda exc: self._say(str(exc), error=True),
        )

    def _show_details(self, result: tuple[IncidentView, list[HistoryEntry]]) -> None:
        view, entries = result
        if self._closed or view.id in self._dialogs:
            return
        dialog = IncidentDetailsDialog(view, entries, self.labels, self)
        dialog.save_requested.connect(self._submit_update)
        dialog.destroyed.connect(lambda _=None, i=view.id: self._dialogs.pop(i, None))
        self._dialogs[view.id] = dialog
        dialog.show()

    def _reload_dialog(self, incident_id: int) -> None:
        store = self.ctx.store

        def apply(result: tuple[IncidentView, list[HistoryEntry]]) -> None:
            dialog = self._dialogs.get(incident_id)
            if dialog is not None:
                dialog.load(*result)

        self._worker.submit(
            lambda: (
                incident_log.get_incident(store, incident_id),
                incident_log.history(store, incident_id),
            ),
            apply,
        )

    def details_dialog(self, incident_id: int) -> IncidentDetailsDialog | None:
        return self._dialogs.get(incident_id)

    def _export_clicked(self) -> None:
        if self._show_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export incidents"),
            f"incidents-show{self._show_id}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the list as shown (filters applied) to a CSV file, off the GUI thread."""
        store, show_id, criteria = self.ctx.store, self._show_id, self.proxy.criteria
        self._worker.submit(
            lambda: incident_log.export_csv(store, show_id, path, criteria),
            lambda n: self._say(
                self.tr("%1 incidents exported to %2").replace("%1", str(n)).replace("%2", path)
            ),
            lambda exc: self._say(self.tr("Export failed: %1").replace("%1", str(exc)), error=True),
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "hint")
        self.message.setStyleSheet("color: #ff6b5e; font-weight: 700;" if error else "")

    # -- shutdown --

    def shutdown(self) -> None:
        """Finish pending writes and stop the worker thread (call on quit)."""
        if self._closed:
            return
        self._closed = True
        self._worker.shutdown()
        if not self._worker.alive:  # deleted with its window: nothing Qt left to stop
            return
        self._ages.stop()
        for dialog in list(self._dialogs.values()):
            dialog.close()
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.signals.changed.disconnect(self._on_changed)
