"""The incident list's second-by-second work stays small (show-day soak, issue 23): ages are
announced cell by cell, rows logged or changed do not reset the list, and a covered panel
paints nothing until it is revealed."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from covered_dock import tab_behind
from PySide6.QtCore import QModelIndex, QSettings, Qt
from pytestqt.qtbot import QtBot

from studio.incidents.log import list_incidents, quick_log, update
from studio.profile import Profile
from studio.store.shows import create_show
from studio.ui.common.context import AppContext, StoreSignals
from studio.ui.incidents.labels import IncidentLabels
from studio.ui.incidents.panel import IncidentsPanel
from studio.ui.incidents.table import IncidentTableModel

T0 = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)
AGE = IncidentTableModel.COLUMNS.index("age")


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def show(store: Any) -> int:
    return create_show(store, "Soak show")


def _changes(model: IncidentTableModel) -> list[tuple[int, int, int, int, list[Any]]]:
    seen: list[tuple[int, int, int, int, list[Any]]] = []
    model.dataChanged.connect(
        lambda a, b, roles=(): seen.append((a.row(), a.column(), b.row(), b.column(), list(roles)))
    )
    return seen


def _read_ages(model: IncidentTableModel) -> list[object]:
    """What a view painting the age column reads."""
    return [model.data(model.index(n, AGE)) for n in range(model.rowCount())]


def test_refresh_ages_announces_only_the_age_cells_whose_words_changed(
    qapp: Any, store: Any, show: int
) -> None:
    """A tick announces the age column's DisplayRole of the open incident only: the resolved
    one reads the same, the other columns do not change."""
    for minute in (1, 2):
        quick_log(store, show, "technical", at=T0 + timedelta(minutes=minute))
    opened, older = list_incidents(store, show)[0], list_incidents(store, show)[1]
    resolved = dataclasses.replace(older, status="resolved", resolved_at=T0 + timedelta(minutes=5))
    clock = Clock((T0 + timedelta(minutes=10)).timestamp())
    model = IncidentTableModel(IncidentLabels(), clock)
    model.set_rows([opened, resolved])
    before = _read_ages(model)
    seen = _changes(model)
    clock.now += 1
    model.refresh_ages()
    open_row = model.row_of(opened.id)
    assert seen == [(open_row, AGE, open_row, AGE, [Qt.ItemDataRole.DisplayRole])]
    assert _read_ages(model)[open_row] != before[open_row]
    assert _read_ages(model)[1 - open_row] == before[1 - open_row]


def test_refresh_ages_says_when_the_column_may_need_another_width(
    qapp: Any, store: Any, show: int
) -> None:
    """Seconds ticking within a minute keep the text's length; passing a minute lengthens it,
    and refresh_ages says so (the panel then refits the column). Unread ages are not sent."""
    quick_log(store, show, "product", at=T0)
    clock = Clock((T0 + timedelta(seconds=50)).timestamp())
    model = IncidentTableModel(IncidentLabels(), clock)
    model.set_rows(list_incidents(store, show))
    seen = _changes(model)
    clock.now += 1
    assert model.refresh_ages() is False and seen == []  # no view read it yet
    first = _read_ages(model)[0]
    clock.now += 1
    assert model.refresh_ages() is False and len(seen) == 1
    second = _read_ages(model)[0]
    assert len(str(second)) == len(str(first)) and second != first
    clock.now += 60
    assert model.refresh_ages() is True and len(seen) == 2


def test_a_new_incident_is_inserted_and_a_changed_one_announced_without_a_reset(
    qapp: Any, store: Any, show: int
) -> None:
    """Rows logged since the last load are inserted on top and a status change is one row's
    dataChanged: no model reset (which dropped the selection and re-measured everything)."""
    first = quick_log(store, show, "anchor", at=T0)
    assert first is not None
    model = IncidentTableModel(IncidentLabels(), Clock(T0.timestamp() + 60))
    model.set_rows(list_incidents(store, show))
    resets: list[str] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    seen = _changes(model)
    quick_log(store, show, "product", at=T0 + timedelta(seconds=30))
    update(store, first, status="mitigated", at=T0 + timedelta(seconds=40))
    model.set_rows(list_incidents(store, show))
    assert resets == [] and inserted == [(0, 0)]
    assert [(r, c) for r, c, *_ in seen] == [(1, 0)]
    assert model.rows[1].id == first and model.rows[1].status == "mitigated"
    assert model.set_rows(list_incidents(store, show)) is False  # nothing new: nothing sent
    assert len(seen) == 1 and resets == [] and len(inserted) == 1
    model.set_rows([])  # the show's list emptied: a reset
    assert resets == ["reset"]


@pytest.fixture
def covered(qtbot: QtBot, store: Any, show: int, tmp_path: Path) -> Any:
    """The incidents panel in a dock tabbed behind another one (Qt keeps it isVisible)."""
    signals = StoreSignals(store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(
        store=store, profile=Profile(), settings=settings, signals=signals, show_id=show
    )
    panel = IncidentsPanel(ctx)
    window, dock = tab_behind(qtbot, panel)
    yield panel, dock
    panel.shutdown()
    signals.close()
    if shiboken6.isValid(window):
        window.close()


def test_a_covered_panel_paints_no_ages_and_catches_up_when_revealed(
    qtbot: QtBot, store: Any, show: int, covered: Any
) -> None:
    """Behind another tab the age tick announces nothing; on_revealed announces the ages
    that moved on meanwhile."""
    from studio.ui.common.on_screen import on_screen

    panel, dock = covered
    quick_log(store, show, "technical", at=T0)
    clock = Clock(T0.timestamp() + 30)
    panel.model.clock = clock
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.isVisible() and not on_screen(panel)
    _read_ages(panel.model)  # as a view had painted it before it was covered
    seen = _changes(panel.model)
    clock.now += 5
    panel._tick_ages()
    assert seen == []
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    panel.on_revealed()
    assert [(r, c) for r, c, *_ in seen] == [(0, AGE)]


def test_rows_arriving_while_covered_are_fitted_when_revealed(
    qtbot: QtBot, store: Any, show: int, covered: Any
) -> None:
    """Columns are measured when the panel can be seen: a row loaded while covered gets its
    columns fitted on reveal, as wide as the contents need."""
    from studio.ui.common.on_screen import on_screen

    panel, dock = covered
    quick_log(store, show, "compliance", text="banned claim", at=T0)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    where = IncidentTableModel.COLUMNS.index("category")
    assert panel._fit_pending
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    panel.on_revealed()
    assert not panel._fit_pending
    needed = max(
        panel.table.sizeHintForColumn(where),
        panel.table.horizontalHeader().sectionSizeHint(where),
    )
    assert panel.table.columnWidth(where) == max(needed, 60)


def test_a_refresh_keeps_the_selection_without_selecting_again(
    qtbot: QtBot, store: Any, show: int, covered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload after another station's log keeps the incident the operator selected, and does
    not select it again (setCurrentIndex scrolled and repainted on every reload)."""
    panel, dock = covered
    dock.raise_()
    first = quick_log(store, show, "anchor", at=T0)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    calls: list[QModelIndex] = []
    real = panel.table.setCurrentIndex

    def counting(index: QModelIndex) -> None:
        calls.append(index)
        real(index)

    monkeypatch.setattr(panel.table, "setCurrentIndex", counting)
    quick_log(store, show, "product", at=T0 + timedelta(seconds=5))
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    assert panel.current_id() == first
    assert calls == []
