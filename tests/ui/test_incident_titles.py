"""The incidents table and details dialog name a segment by its title, not its stored key."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import shiboken6
from PySide6.QtCore import QSettings

from studio.incidents.log import quick_log
from studio.profile import Profile
from studio.script.model import Cue, Script, Segment
from studio.script.store_io import save_script
from studio.ui.common.context import AppContext, StoreSignals
from studio.ui.incidents.panel import IncidentsPanel

SCRIPT = Script(
    title="Double 11",
    segments=(
        Segment(id="intro", title="开场", planned_seconds=60, cues=(Cue("大家好"),)),
        Segment(id="essence", title="精华水讲解", planned_seconds=600, cues=(Cue("a"),) * 5),
    ),
)


def _panel(store, tmp_path: Path, show_id: int, runner: object = None):  # type: ignore[no-untyped-def]
    signals = StoreSignals(store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(
        store=store, profile=Profile(), settings=settings, signals=signals, show_id=show_id,
        runner=runner,
    )  # fmt: skip
    return IncidentsPanel(ctx), signals


def _where(panel: IncidentsPanel) -> str:
    col = panel.model.COLUMNS.index("where")
    return str(panel.model.data(panel.model.index(0, col)))


def _close(panel: IncidentsPanel, signals: StoreSignals) -> None:
    panel.shutdown()
    signals.close()
    if shiboken6.isValid(panel):
        panel.close()
        panel.deleteLater()


def test_table_and_dialog_show_the_segment_title(qtbot, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Without a runner the stored show's titles name the segment; cues still count from 1."""
    show = save_script(store, SCRIPT)
    inc = quick_log(store, show, "technical", segment_key="essence", cue_index=3)
    assert inc is not None
    panel, signals = _panel(store, tmp_path, show)
    try:
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
        assert _where(panel) == "精华水讲解 · 4"
        panel.open_details(inc)
        qtbot.waitUntil(lambda: panel.details_dialog(inc) is not None, timeout=5000)
        dialog = panel.details_dialog(inc)
        assert dialog is not None
        assert "精华水讲解 · 4" in dialog.header.text()
        assert "essence" not in dialog.header.text()
        dialog.close()
    finally:
        _close(panel, signals)


def test_the_running_script_titles_win(qtbot, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A runner on the same show supplies its script's titles (edited live) over the stored."""
    show = save_script(store, SCRIPT)
    quick_log(store, show, "product", segment_key="intro", cue_index=0)
    live = Script(title="x", segments=(Segment(id="intro", title="开场福利", planned_seconds=60),))
    runner = SimpleNamespace(
        show_id=show, script=live, session=SimpleNamespace(position=lambda: (None, None))
    )
    panel, signals = _panel(store, tmp_path, show, runner)
    try:
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
        assert _where(panel) == "开场福利 · 1"
    finally:
        _close(panel, signals)
