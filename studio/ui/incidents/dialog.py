"""The details editor of one incident: a non-modal window, so the show goes on while it is open."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.incidents.edits import (
    changed_fields,
    checklist_progress,
    created_parts,
    kept_unless_edited,
)
from studio.incidents.listing import clock_time, position_text
from studio.incidents.log import HistoryEntry, IncidentView
from studio.ui.incidents.labels import IncidentLabels

OWNER_ROLES = ("", "controller", "anchor", "tech", "customer service")


class IncidentDetailsDialog(QDialog):
    """Non-modal editor for one incident: the show goes on while it is open."""

    save_requested = Signal(int, dict)  # incident id, changed fields for incident_log.update

    def __init__(
        self,
        view: IncidentView,
        entries: list[HistoryEntry],
        labels: IncidentLabels,
        parent: QWidget | None = None,
        titles: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.titles = titles or {}  # segment key -> title, from the show's script
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
            QShortcut(QKeySequence(seq), self, slot)
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
            self.tr("logged %1").replace("%1", clock_time(view.at)),
            self.tr("segment %1").replace("%1", position_text(view, self.titles)),
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
            when = clock_time(h.at)
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
        parts = created_parts(raw)
        if parts is None:
            return raw
        cat, sev, source = parts
        return f"{self.labels.category(cat)} {sev} {self.labels.source(source)}"

    def _value(self, name: str, raw: str | None) -> str:
        """A history value as a person reads it: local clock time, ticks done, words."""
        if raw is None or raw == "":
            return "—"
        try:
            if name.endswith("_at"):
                return clock_time(datetime.fromisoformat(raw))
            if name == "checklist":
                done, total = checklist_progress(raw)
                return self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(total))
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

    def changes(self) -> dict[str, Any]:
        """Only what the user changed, so an edit never clobbers someone else's."""
        v = self.view
        ticks = [
            {
                "item": str(self.checklist.item(n).data(Qt.ItemDataRole.UserRole)),
                "done": self.checklist.item(n).checkState() == Qt.CheckState.Checked,
            }
            for n in range(self.checklist.count())
        ]
        level = self.severity.currentData()
        return changed_fields(
            v,
            severity=int(level) if level is not None else None,
            text=kept_unless_edited(self.text.toPlainText(), self.shown_text, v.text),
            owner=self._owner_value(),
            action_taken=kept_unless_edited(
                self.action.toPlainText(), self.shown_action, v.action_taken
            ),
            impact=self.impact.text().strip(),
            checklist=ticks,
        )

    def save(self, status: str | None = None) -> None:
        fields = self.changes()
        if status is not None:
            fields["status"] = status
        if fields:
            self.save_requested.emit(self.view.id, fields)
