"""The incident list as a Qt table model: one row per incident, newest first, ages ticking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from studio.incidents.listing import clock_time, newest_first, position_text, shown_duration
from studio.incidents.log import IncidentView
from studio.timeutil import duration_words
from studio.ui.common.tables import ui_lang
from studio.ui.incidents.labels import IncidentLabels


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
        # The age text each incident's row last showed (read by a view): refresh_ages
        # announces only the ones that read differently now.
        self._ages: dict[int, str] = {}
        self.titles: dict[str, str] = {}  # segment key -> title, from the show's script
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

    def set_rows(self, rows: list[IncidentView], titles: dict[str, str] | None = None) -> bool:
        """Show these rows. Incidents logged since the last call are inserted on top and
        changed ones announced row by row, so the view keeps its selection and scroll and
        re-measures only those rows; anything else (one gone, the order or the segment titles
        changed) resets the model. True when any row reads differently."""
        new = newest_first(rows)
        added = len(new) - len(self.rows)
        same_tail = added >= 0 and [v.id for v in new[added:]] == [v.id for v in self.rows]
        if not same_tail or (titles is not None and titles != self.titles):
            self.beginResetModel()
            if titles is not None:
                self.titles = titles
            self._set(new)
            self.endResetModel()
            return True
        old = self.rows
        if added:
            self.beginInsertRows(QModelIndex(), 0, added - 1)
            self._set(new)
            self.endInsertRows()
        else:
            self._set(new)
        last = len(self.COLUMNS) - 1
        changed = bool(added)
        for n in range(added, len(new)):
            if new[n] != old[n - added]:
                changed = True
                self.dataChanged.emit(self.index(n, 0), self.index(n, last))
        return changed

    def _set(self, rows: list[IncidentView]) -> None:
        self.rows = rows
        # Translated once per refresh, not on every paint.
        self._texts = {v.id: self.labels.auto_text(v) for v in rows}
        self._ages = {v.id: t for v in rows if (t := self._ages.get(v.id)) is not None}

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
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self.compact and self.COLUMNS[section] == "age":
                return self._compact_age_header
            return self._headers[section]
        return None

    def age_text(self, v: IncidentView) -> str:
        duration = shown_duration(v, self.clock())
        if duration is None:
            return ""
        # In words, as everywhere durations are shown: "4:40" could be minutes or hours.
        words = duration_words(duration.seconds, ui_lang())
        if self.compact:
            return words
        template = {
            "open": self.tr("open %1"),
            "mitigated": self.tr("mitigated in %1"),
            "resolved": self.tr("resolved in %1"),
        }[duration.kind]
        return template.replace("%1", words)

    def _display(self, v: IncidentView, col: str) -> str:
        if col == "time":
            return clock_time(v.at)
        if col == "severity":
            return f"S{v.severity}" if self.compact else self.labels.severity_short(v.severity)
        if col == "category":
            folded = self.compact and v.source == "auto"
            return self.labels.category(v.category) + (
                " · " + self.labels.source("auto") if folded else ""
            )
        if col == "status":
            return self.labels.status(v.status)
        if col == "source":
            return self.labels.source(v.source)
        if col == "where":
            return position_text(v, self.titles)
        if col == "text":
            return self.shown_text(v).splitlines()[0] if v.text else self.tr("(add details: Enter)")
        age = self.age_text(v)
        self._ages[v.id] = age
        return age

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        v = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(v, col)
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

    def refresh_ages(self) -> bool:
        """Announce the ages that read differently now: the age column's text only, only
        rows whose words changed (every tick announced the whole column: ~13 ms a second
        with a show's incidents). True when one of them changed its length (the column may
        need another width)."""
        col = self.COLUMNS.index("age")
        display = [Qt.ItemDataRole.DisplayRole]
        longer_or_shorter = False
        for n, v in enumerate(self.rows):
            shown = self._ages.get(v.id)
            if shown is None:
                continue  # not read by a view since it last changed: nothing to repaint
            now = self.age_text(v)
            if shown != now:
                del self._ages[v.id]  # recorded again when the view reads it
                longer_or_shorter = longer_or_shorter or len(shown) != len(now)
                index = self.index(n, col)
                self.dataChanged.emit(index, index, display)
        return longer_or_shorter
