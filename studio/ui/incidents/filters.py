"""Filtering the loaded incident rows in the view: a filter change answers without a query."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from studio.incidents.log import IncidentFilter
from studio.ui.incidents.table import IncidentTableModel


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
