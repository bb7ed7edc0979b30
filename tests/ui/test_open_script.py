"""Opening a show script from the GUI: a good one loads the show, a broken one says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.demo import demo_script_path
from studio.store.shows import list_shows
from studio.ui.common.context import AppContext
from studio.ui.shell.app import StudioApp
from studio.ui.shell.i18n import Translations


def test_broken_script_is_refused_with_file_and_line(
    app_ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script with an unknown product is not loaded; the message names file and line."""
    shown: list[str] = []
    monkeypatch.setattr(
        "studio.ui.shell.app.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )
    bad = tmp_path / "bad.yaml"
    text = demo_script_path().read_text(encoding="utf-8")
    bad.write_text(text.replace("product: MZ-JH01", "product: NO-SUCH-SKU", 1), encoding="utf-8")
    app = StudioApp(app_ctx, Translations())
    app.build()
    try:
        assert app.load_script_file(str(bad)) is None
        assert shown and "bad.yaml:" in shown[0] and "NO-SUCH-SKU" in shown[0]
        assert list_shows(app_ctx.store) == []  # nothing half-loaded
        show_id = app.load_script_file(str(demo_script_path()))
        assert show_id is not None and app_ctx.show_id == show_id
        assert app_ctx.runner is not None and app_ctx.runner.show_id == show_id
    finally:
        app.shutdown()
