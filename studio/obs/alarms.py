"""Health samples -> alarm conditions for AutoIncidents (pure: state in, conditions out).

| key                    | raised when                                           | severity       |
|------------------------|-------------------------------------------------------|----------------|
| obs.connection         | OBS unreachable / password refused (once it was up, or during a live show) | 1 live, 3 otherwise |
| obs.stream_down        | live show (not a rehearsal) and the stream is stopped or reconnecting | 1 |
| obs.dropped_frames     | dropped/skipped frames over the window > warn / error % | 2 / 1        |
| obs.fps_low            | active fps < warn / error share of the target         | 2 / 1          |
| obs.render_slow        | render time > share of the frame interval             | 3              |
| obs.recording_stopped  | recording was on during the live show and went off, not at our request | 2 |
| obs.disk_low           | recording disk under warn / error GB (live or recording) | 3 / 2       |

Severity follows studio.incidents: 1 show interrupted, 2 visible to viewers, 3 internal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.i18n_marks import QT_TRANSLATE_NOOP, Template
from studio.obs.client import ObsState
from studio.obs.health import MB_PER_GB, HealthSample

KEYS = (
    "obs.connection",
    "obs.stream_down",
    "obs.dropped_frames",
    "obs.fps_low",
    "obs.render_slow",
    "obs.recording_stopped",
    "obs.disk_low",
)

# Literal contexts and templates: pyside6-lupdate extracts QT_TRANSLATE_NOOP calls as written.
CONNECTED = QT_TRANSLATE_NOOP("ObsMessages", "OBS connected")
AUTH_REFUSED = QT_TRANSLATE_NOOP(
    "ObsMessages", "OBS refused the password ({detail}): the stream and recording cannot be watched"
)
CONNECTION_LOST = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Lost the connection to OBS ({detail}): the stream and recording cannot be watched",
)
RECONNECTING = QT_TRANSLATE_NOOP(
    "ObsMessages", "OBS is reconnecting the stream: the link to the platform dropped"
)
STREAM_STOPPED = QT_TRANSLATE_NOOP(
    "ObsMessages", "The stream is stopped in OBS during the live show: start streaming"
)
STREAM_STATE = QT_TRANSLATE_NOOP("ObsMessages", "stream {state}")
DROPS_NETWORK = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Dropped frames {drop:.1f}% over the last {secs:g} s (network {net}, encoder {enc}): the "
    "upload is congested: lower the bitrate or check the network",
)
DROPS_ENCODER = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Dropped frames {drop:.1f}% over the last {secs:g} s (network {net}, encoder {enc}): the "
    "encoder is overloaded: use a faster preset or a lower resolution",
)
DROPS_CLEAR = QT_TRANSLATE_NOOP("ObsMessages", "dropped frames {drop}")
FPS_LOW = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "OBS renders {fps:.1f} fps, target {target:g} ({ratio:.0%}): close other programs or lower "
    "the output resolution",
)
FPS_CLEAR = QT_TRANSLATE_NOOP("ObsMessages", "fps {fps}")
RENDER_SLOW = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Render time {ms:.1f} ms is {load:.0%} of the {interval:.1f} ms frame interval: remove heavy "
    "sources/filters or check the GPU",
)
RENDER_CLEAR = QT_TRANSLATE_NOOP("ObsMessages", "render {ms} ms")
RECORDING = QT_TRANSLATE_NOOP("ObsMessages", "recording")
NOT_LIVE = QT_TRANSLATE_NOOP("ObsMessages", "show not live")
RECORDING_STOPPED = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "The recording stopped during the live show (disk full, or stopped in OBS): start it again "
    "for the review",
)
DISK_LOW = QT_TRANSLATE_NOOP(
    "ObsMessages", "Only {gb:.1f} GB free for recordings: free space or record to another disk"
)
DISK_CLEAR = QT_TRANSLATE_NOOP("ObsMessages", "{gb:.1f} GB free")
# Words that appear as parameters ("stream stopped", "fps n/a"): translated with the message.
WORDS = (
    QT_TRANSLATE_NOOP("ObsMessages", "n/a"),
    QT_TRANSLATE_NOOP("ObsMessages", "live"),
    QT_TRANSLATE_NOOP("ObsMessages", "reconnecting"),
    QT_TRANSLATE_NOOP("ObsMessages", "stopped"),
    QT_TRANSLATE_NOOP("ObsMessages", "unknown"),
)
# Per condition key, the templates of its messages (the GUI translates incidents with them).
CONDITION_TEXTS: dict[str, tuple[Template, ...]] = {
    "obs.connection": (CONNECTED, AUTH_REFUSED, CONNECTION_LOST),
    "obs.stream_down": (RECONNECTING, STREAM_STOPPED, STREAM_STATE),
    "obs.dropped_frames": (DROPS_NETWORK, DROPS_ENCODER, DROPS_CLEAR),
    "obs.fps_low": (FPS_LOW, FPS_CLEAR),
    "obs.render_slow": (RENDER_SLOW, RENDER_CLEAR),
    "obs.recording_stopped": (RECORDING_STOPPED, RECORDING, NOT_LIVE),
    "obs.disk_low": (DISK_LOW, DISK_CLEAR),
}


@dataclass(frozen=True)
class Condition:
    key: str
    active: bool
    message: str = ""
    severity: int = 2


@dataclass(frozen=True)
class ShowState:
    show_id: int | None = None
    live: bool = False
    rehearsal: bool = False


class _Debounce:
    """On after `on` consecutive bad readings, off after `off` consecutive good ones."""

    def __init__(self, on: int, off: int) -> None:
        self.on, self.off = max(1, on), max(1, off)
        self.active = False
        self._run = 0

    def update(self, bad: bool) -> bool:
        if bad == self.active:
            self._run = 0
            return self.active
        self._run += 1
        if self._run >= (self.on if bad else self.off):
            self.active, self._run = bad, 0
        return self.active


class Alarms:
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg
        on, off = int(cfg["raise_after"]), int(cfg["clear_after"])
        self._drops = _Debounce(on, off)
        self._fps = _Debounce(on, off)
        self._render = _Debounce(on, off)
        self._down = _Debounce(int(cfg["stream_down_after"]), 1)
        self._recording_was_on = False
        self._stop_requested = False

    def expect_recording_stop(self) -> None:
        """Our own StopRecord is on its way: its stop is not an incident."""
        self._stop_requested = True

    def connection(
        self, state: ObsState, message: str, show: ShowState, ever_connected: bool
    ) -> Condition:
        down = state is not ObsState.CONNECTED and (
            ever_connected or show.live or state is ObsState.AUTH_FAILED
        )
        if not down:
            return Condition("obs.connection", False, str(CONNECTED))
        what = AUTH_REFUSED if state is ObsState.AUTH_FAILED else CONNECTION_LOST
        return Condition("obs.connection", True, what.format(detail=message), 1 if show.live else 3)

    def evaluate(self, s: HealthSample, show: ShowState) -> list[Condition]:
        c = self.cfg
        out: list[Condition] = []
        outputs_on = s.stream_state in ("live", "reconnecting") or bool(s.recording)
        watching = show.live or outputs_on

        # Stream down during a live show: reconnecting at once; stopped after a grace period
        # (the show may go live a moment before the stream starts).
        must_stream = show.live and not show.rehearsal
        stopped = self._down.update(must_stream and s.stream_state == "stopped")
        if must_stream and s.stream_state == "reconnecting":
            out.append(Condition("obs.stream_down", True, str(RECONNECTING), 1))
        elif stopped:
            out.append(Condition("obs.stream_down", True, str(STREAM_STOPPED), 1))
        else:
            out.append(
                Condition("obs.stream_down", False, STREAM_STATE.format(state=s.stream_state))
            )

        # Dropped / skipped frames over the window.
        drop = s.worst_recent_drop_pct if watching else None
        bad = drop is not None and drop > c["dropped_pct_warn"]
        if self._drops.update(bad) and drop is not None:
            error = drop > c["dropped_pct_error"]
            net = s.recent_dropped_pct if s.recent_dropped_pct is not None else s.dropped_pct
            enc = s.recent_skipped_pct if s.recent_skipped_pct is not None else s.skipped_pct
            template = DROPS_NETWORK if (net or 0.0) >= (enc or 0.0) else DROPS_ENCODER
            text = template.format(drop=drop, secs=c["window_seconds"], net=_p(net), enc=_p(enc))
            out.append(Condition("obs.dropped_frames", True, text, 1 if error else 2))
        else:
            out.append(Condition("obs.dropped_frames", False, DROPS_CLEAR.format(drop=_p(drop))))

        # Frame rate against the target.
        ratio = s.fps_ratio if watching else None
        bad = ratio is not None and ratio < c["fps_ratio_warn"]
        if self._fps.update(bad) and ratio is not None and s.fps is not None:
            out.append(
                Condition(
                    "obs.fps_low",
                    True,
                    FPS_LOW.format(fps=s.fps, target=s.target_fps, ratio=ratio),
                    1 if ratio < c["fps_ratio_error"] else 2,
                )
            )
        else:
            out.append(Condition("obs.fps_low", False, FPS_CLEAR.format(fps=_f(s.fps))))

        # Render time against the frame interval.
        load = s.render_load if watching else None
        bad = load is not None and load > c["render_load_warn"]
        if self._render.update(bad) and load is not None and s.render_ms is not None:
            interval = 1000.0 / s.target_fps if s.target_fps else 0.0
            out.append(
                Condition(
                    "obs.render_slow",
                    True,
                    RENDER_SLOW.format(ms=s.render_ms, load=load, interval=interval),
                    3,
                )
            )
        else:
            out.append(Condition("obs.render_slow", False, RENDER_CLEAR.format(ms=_f(s.render_ms))))

        # Recording stopped unexpectedly.
        if s.recording:
            self._recording_was_on = True
            self._stop_requested = False
            out.append(Condition("obs.recording_stopped", False, str(RECORDING)))
        elif s.recording is False and self._recording_was_on:
            self._recording_was_on = False
            if show.live and not self._stop_requested:
                out.append(
                    Condition(
                        "obs.recording_stopped",
                        True,
                        str(RECORDING_STOPPED),
                        2,
                    )
                )
            self._stop_requested = False
        elif not show.live:
            out.append(Condition("obs.recording_stopped", False, str(NOT_LIVE)))

        # Free disk for recordings.
        if s.disk_free_mb is not None and (show.live or s.recording):
            gb = s.disk_free_mb / MB_PER_GB
            if gb < c["disk_gb_error"] or gb < c["disk_gb_warn"]:
                error = gb < c["disk_gb_error"]
                out.append(
                    Condition(
                        "obs.disk_low",
                        True,
                        DISK_LOW.format(gb=gb),
                        2 if error else 3,
                    )
                )
            else:
                out.append(Condition("obs.disk_low", False, DISK_CLEAR.format(gb=gb)))
        return out


def _p(v: float | None) -> str:
    return str(WORDS[0]) if v is None else f"{v:.1f}%"


def _f(v: float | None) -> str:
    return str(WORDS[0]) if v is None else f"{v:.1f}"
