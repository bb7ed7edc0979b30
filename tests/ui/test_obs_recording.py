"""Recording with the show: the app starts OBS's recording at go-live and stores its file at the end."""

from __future__ import annotations

import time
from pathlib import Path

import obs_server as harness
import pytest
from obs_server import ObsServer
from pytestqt.qtbot import QtBot

from studio.obs import config
from studio.store.models import Show
from studio.ui.common.context import AppContext
from studio.ui.shell.app import StudioApp
from studio.ui.shell.i18n import Translations

obs_server = harness.obs_server
running_obs = harness.running_obs


@pytest.mark.slow
def test_recording_follows_the_show_and_its_path_is_stored(
    app_ctx: AppContext, running_obs: ObsServer, qtbot: QtBot
) -> None:
    """Start → OBS records; End → recording stops and the show knows where the file is."""
    from studio.demo import ensure_demo_show

    config.save("127.0.0.1", running_obs.port, running_obs.password)
    app_ctx.settings.setValue("obs/record_with_show", True)
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = StudioApp(app_ctx, Translations())
    app.start_encoder_link()
    app.build()
    link = app_ctx.encoder
    try:
        qtbot.waitUntil(lambda: link.state.value == "connected", timeout=15_000)
        runner = app_ctx.runner
        runner.start()
        qtbot.waitUntil(
            lambda: bool(running_obs.request("GetRecordStatus").get("outputActive")), timeout=10_000
        )
        time.sleep(1.0)  # a second of video, so the file has frames
        runner.end()

        def stored_path() -> str | None:
            with app_ctx.store.session() as s:
                show = s.get(Show, app_ctx.show_id)
                return show.recording_path if show else None

        qtbot.waitUntil(lambda: bool(stored_path()), timeout=15_000)
        path = Path(str(stored_path()))
        assert path.parent == running_obs.recordings
        qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 0, timeout=10_000)
    finally:
        app.shutdown()
