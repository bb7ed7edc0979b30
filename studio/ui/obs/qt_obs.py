"""The encoder link as a QObject: connection state and health samples as signals, the status
bar's "Encoder" light (`health()`), scene switching and cue-driven production for the show.

Everything that talks to OBS runs on the client's worker thread; signals emitted there reach
widgets through queued connections, so the GUI thread never waits for OBS.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.incidents.auto import AutoIncidents
from studio.metrics.writer import MetricWriter
from studio.obs import config as obs_config
from studio.obs.client import ObsClient, ObsState
from studio.obs.config import ObsConfig
from studio.obs.cues import CueDirector, CueResult
from studio.obs.health import HealthSample
from studio.obs.poller import HealthPoller, StoreShowState
from studio.obs.thresholds import DEFAULTS
from studio.store.store import Store
from studio.timeutil import Clock, wall_clock

log = logging.getLogger(__name__)


class QtObsLink(QObject):
    state_changed = Signal(str, str)  # ObsState value, message
    sample = Signal(object)  # HealthSample | None after every poll
    scenes_changed = Signal(list, str)  # scene names, current program scene
    cue_result = Signal(object)  # CueResult
    action_failed = Signal(str)  # a manual action (scene button) that OBS refused

    def __init__(
        self,
        store: Store,
        *,
        config: ObsConfig | None = None,
        show_id: Callable[[], int | None] = lambda: None,
        cfg: dict[str, Any] | None = None,
        monitor: bool = True,
        writer: MetricWriter | None = None,
        clock: Clock = wall_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.cfg = {**DEFAULTS, **(cfg or {})}
        self._show_id = show_id
        self.client = ObsClient(config or obs_config.load())
        self._unlisten = self.client.add_listener(self._on_state)
        self._own_writer = monitor and writer is None
        self.writer = MetricWriter(store, name="obs-metric-writer") if self._own_writer else writer
        self.incidents = AutoIncidents(store, show_id(), clock=clock) if monitor else None
        self.poller: HealthPoller | None = None
        if monitor:
            self.poller = HealthPoller(
                self.client,
                writer=self.writer,
                incidents=self.incidents,
                show=StoreShowState(store, show_id),
                cfg=self.cfg,
                clock=clock,
            )
            self.poller.add_listener(self.sample.emit)
        self.director: CueDirector | None = None
        self._started = False

    @classmethod
    def from_context(
        cls, ctx: Any, *, monitor: bool = True, parent: QObject | None = None
    ) -> QtObsLink:
        """Built from the app's context: its store, profile `obs:` section and current show."""
        try:
            cfg = ctx.profile.section("obs", DEFAULTS)
        except Exception:  # a broken profile is reported by the profile loader; use defaults
            cfg = dict(DEFAULTS)
        return cls(
            ctx.store,
            show_id=lambda: ctx.show_id,
            cfg=cfg,
            monitor=monitor,
            # The show's clock as it is when read: the link outlives show switches, and a
            # demo's sped-up clock replaced after it was made left OBS's samples on the old one
            # (the dashboard then re-read hours of samples at every refresh: show-day soak).
            clock=lambda: ctx.clock(),
            parent=parent,
        )

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> QtObsLink:
        if self._started:
            return self
        self._started = True
        if self._own_writer and self.writer is not None:
            self.writer.start()
        self.client.start()
        if self.poller is not None:
            self.poller.start()
        return self

    def shutdown(self) -> None:
        """Stop and join every worker (cue reports, poller, client, own metric writer)."""
        self.follow_show(None)
        if self.poller is not None:
            self.poller.stop()
        self._unlisten()
        self.client.stop()
        if self.incidents is not None:
            self.incidents.flush()
        if self._own_writer and self.writer is not None and self.writer.running:
            self.writer.stop()
        self._started = False

    def reconfigure(self, config: ObsConfig) -> None:
        self.client.reconfigure(config)

    def follow_show(self, show_id: int | None) -> None:
        """Act on the cues of this show (None: stop acting on cues)."""
        if self.director is not None:
            self.director.detach()
            self.director = None
        if show_id is not None:
            self.director = CueDirector(
                self.store,
                self.client,
                show_id,
                incidents=self.incidents,
                on_result=self._on_cue_result,
            ).attach()

    # -- state ----------------------------------------------------------------------------------

    @property
    def state(self) -> ObsState:
        return self.client.state

    def _on_state(self, state: ObsState, message: str) -> None:
        self.state_changed.emit(state.value, message)
        if state is ObsState.CONNECTED:
            self.refresh_scenes()

    def _on_cue_result(self, result: CueResult) -> None:
        self.cue_result.emit(result)

    def health(self) -> tuple[str, str]:
        """(ok | warn | error | off, a short word) for the status bar's Encoder light."""
        if not self._started:
            return "off", self.tr("off")
        state = self.client.state
        if state is ObsState.AUTH_FAILED:
            return "error", self.tr("password?")
        if state is ObsState.CONNECTING:
            return "warn", self.tr("connecting")
        if state is ObsState.DISCONNECTED:
            return "error", self.tr("offline")
        alarms = self.poller.active_alarms if self.poller is not None else {}
        sample = self.poller.latest if self.poller is not None else None
        if alarms:
            worst = min(alarms.values(), key=lambda c: c.severity)
            level = "error" if worst.severity == 1 else "warn"
            return level, self._alarm_word(worst.key, sample)
        if sample is not None and sample.stream_state == "live":
            rate = sample.bitrate_kbps
            if rate is not None:
                return "ok", self.tr("live %1 Mb/s").replace("%1", f"{rate / 1000:.1f}")
            return "ok", self.tr("live")
        return "ok", self.tr("ready")

    def _alarm_word(self, key: str, sample: HealthSample | None) -> str:
        if key == "obs.dropped_frames" and sample is not None:
            pct = sample.worst_recent_drop_pct
            if pct is not None:
                return self.tr("drops %1%").replace("%1", f"{pct:.1f}")
        words = {
            "obs.connection": self.tr("offline"),
            "obs.stream_down": self.tr("stream down"),
            "obs.dropped_frames": self.tr("dropping"),
            "obs.fps_low": self.tr("low fps"),
            "obs.render_slow": self.tr("render slow"),
            "obs.recording_stopped": self.tr("rec stopped"),
            "obs.disk_low": self.tr("disk low"),
        }
        return words.get(key, self.tr("problem"))

    # -- actions --------------------------------------------------------------------------------

    def refresh_scenes(self) -> None:
        future = self.client.request_async("GetSceneList")

        def done(f: Any) -> None:
            try:
                answer = f.result()
            except Exception as exc:  # not connected / refused: the buttons stay as they are
                log.info("could not list OBS scenes: %s", exc)
                return
            # OBS lists scenes bottom-up; show them as the OBS scene dock does, top first.
            names = [str(s.get("sceneName", "")) for s in reversed(answer.get("scenes", []))]
            self.scenes_changed.emit(names, str(answer.get("currentProgramSceneName") or ""))

        future.add_done_callback(done)

    # -- recording with the show ----------------------------------------------------------------
    recording_saved = Signal(int, str)  # show id, path of the finished recording

    def start_recording(self) -> None:
        future = self.client.request_async("StartRecord")

        def done(f: Any) -> None:
            exc = f.exception()
            if exc is not None:
                log.warning("recording not started: %s", exc)
                self.action_failed.emit(str(exc))

        future.add_done_callback(done)

    def stop_recording(self, show_id: int) -> None:
        """Stop OBS's recording (not an alarm: we asked) and store its path on the show."""
        if self.poller is not None:
            self.poller.expect_recording_stop()
        future = self.client.request_async("StopRecord")

        def done(f: Any) -> None:  # on the OBS client thread
            try:
                path = str(f.result().get("outputPath") or "")
            except Exception as exc:
                log.warning("recording not stopped: %s", exc)
                self.action_failed.emit(str(exc))
                return
            if path:
                # The store write goes to its own short thread: the OBS thread keeps polling.
                threading.Thread(
                    target=self._save_recording_path, args=(show_id, path),
                    name="obs-recording-path", daemon=True,
                ).start()  # fmt: skip

        future.add_done_callback(done)

    def _save_recording_path(self, show_id: int, path: str) -> None:
        from studio.store.shows import save_recording_path

        try:
            if not save_recording_path(self.store, show_id, path):
                return
        except Exception:  # the recording exists either way; the log says where
            log.exception("could not store the recording path %s for show %s", path, show_id)
            return
        log.info("recording of show %s saved at %s", show_id, path)
        self.recording_saved.emit(show_id, path)

    def switch_scene(self, name: str) -> None:
        future = self.client.request_async("SetCurrentProgramScene", {"sceneName": name})

        def done(f: Any) -> None:
            exc = f.exception()
            if exc is not None:
                log.warning("scene %r not switched: %s", name, exc)
                self.action_failed.emit(str(exc))
            else:
                self.refresh_scenes()

        future.add_done_callback(done)
