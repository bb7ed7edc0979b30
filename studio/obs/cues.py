"""Cue-driven production: entering a cue that names an OBS scene switches the program scene and
sets its text sources (price, remaining stock).

A cue carries it in the script as `obs: {scene: "Flash sale", texts: {price_text: "¥99"}}`
(`studio.script.model.Cue.obs`, passed through untouched by the script loader). The director
listens to the store's change bus for committed CueEvents, so it acts only on what the runner
has stored, whoever drives the runner. The listener does no I/O: it hands one job to the OBS
client's thread, which reads the event and the script and talks to OBS. A failure (OBS down, a
scene that does not exist) is logged and reported — to `on_result` and as an auto-incident —
and never reaches the runner.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from studio.incidents.auto import AutoIncidents
from studio.obs.client import ObsClient, ObsError, Session
from studio.script.model import Script
from studio.store.changes import Change
from studio.store.models import CueEvent
from studio.store.store import Store

log = logging.getLogger(__name__)

# Moves that land on a cue; hold/resume/end leave the picture as it is.
ENTERING = frozenset({"start", "next", "prev", "skip", "jump", "recover"})
CONDITION_KEY = "obs.cue_action"


@dataclass(frozen=True)
class CueAction:
    scene: str | None = None
    texts: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.scene is None and not self.texts


@dataclass(frozen=True)
class CueResult:
    segment_index: int
    cue_index: int
    action: CueAction
    ok: bool
    message: str


def parse_action(obs: Mapping[str, Any] | None) -> CueAction:
    """A cue's `obs` mapping as an action; unknown keys are ignored, values become text."""
    if not obs:
        return CueAction()
    scene = obs.get("scene")
    texts = obs.get("texts") or {}
    if not isinstance(texts, Mapping):
        texts = {}
    return CueAction(
        scene=str(scene) if scene not in (None, "") else None,
        texts={str(k): "" if v is None else str(v) for k, v in texts.items()},
    )


def action_for(script: Script, segment_index: int, cue_index: int) -> CueAction:
    """What entering (segment, cue) asks of OBS; a segment without cues acts on nothing."""
    if not 0 <= segment_index < len(script.segments):
        return CueAction()
    cues = script.segments[segment_index].cues
    if not 0 <= cue_index < len(cues):
        return CueAction()
    return parse_action(cues[cue_index].obs)


def apply_action(session: Session, action: CueAction) -> list[str]:
    """Switch the scene, then set the texts; returns the problems (empty: all done). Every
    part is tried, so a missing text source does not stop the scene switch."""
    problems: list[str] = []
    if action.scene is not None:
        try:
            session.request("SetCurrentProgramScene", {"sceneName": action.scene})
        except ObsError as exc:
            problems.append(f"scene {action.scene!r} not switched: {_why(exc)}")
    for source, text in action.texts.items():
        try:
            session.request(
                "SetInputSettings",
                {"inputName": source, "inputSettings": {"text": text}, "overlay": True},
            )
        except ObsError as exc:
            problems.append(f"text source {source!r} not set: {_why(exc)}")
    return problems


def _why(exc: ObsError) -> str:
    code = getattr(exc, "code", None)
    if code == 600:
        return "OBS has no source by that name"
    return str(exc)


class CueDirector:
    """Acts on committed cue events of one show. `attach()` subscribes; `detach()` stops."""

    def __init__(
        self,
        store: Store,
        client: ObsClient,
        show_id: int,
        *,
        incidents: AutoIncidents | None = None,
        on_result: Callable[[CueResult], None] | None = None,
        script_loader: Callable[[Store, int], Script] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.show_id = show_id
        self.incidents = incidents
        self.on_result = on_result
        self._load = script_loader or _load_script
        self._script: Script | None = None
        self._lock = threading.Lock()
        self._unsubscribe: Callable[[], None] | None = None
        self.results: list[CueResult] = []
        self._reports: queue.Queue[CueResult | None] = queue.Queue()
        self._reporter: threading.Thread | None = None

    def attach(self) -> CueDirector:
        self._reporter = threading.Thread(
            target=self._report_loop, name="obs-cue-reports", daemon=True
        )
        self._reporter.start()
        self._unsubscribe = self.store.bus.subscribe(self._on_change)
        return self

    def detach(self, timeout: float = 5.0) -> None:
        """Stop acting on cues; reports already made are delivered first."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._reporter is not None:
            self._reports.put(None)
            self._reporter.join(timeout)
            self._reporter = None

    def _on_change(self, change: Change) -> None:
        # Runs on the runner's (publishing) thread: no I/O here, one queued job at most.
        if change.show_id != self.show_id:
            return
        if change.table in ("show", "segment", "cue"):
            with self._lock:
                self._script = None  # the script may have been edited: read it again
            return
        if change.table != "cue_event" or change.row_id is None:
            return
        event_id = change.row_id
        future = self.client.submit(lambda session: self._act(session, event_id))
        future.add_done_callback(self._done)

    def _script_now(self) -> Script:
        with self._lock:
            if self._script is None:
                self._script = self._load(self.store, self.show_id)
            return self._script

    def _act(self, session: Session, event_id: int) -> CueResult | None:
        with self.store.session() as s:
            event = s.get(CueEvent, event_id)
            if event is None or event.action not in ENTERING:
                return None
            seg, cue = event.segment_index, event.cue_index
        if seg is None or cue is None:
            return None
        action = action_for(self._script_now(), seg, cue)
        if action.empty:
            return None
        problems = apply_action(session, action)
        where = f"segment {seg + 1}, cue {cue + 1}"
        if problems:
            return CueResult(seg, cue, action, False, f"{where}: " + "; ".join(problems))
        done = [f"scene {action.scene!r}"] if action.scene else []
        done += [f"{len(action.texts)} text(s)"] if action.texts else []
        return CueResult(seg, cue, action, True, f"{where}: " + ", ".join(done))

    def _done(self, future: Any) -> None:
        # May run on the runner's thread (a job refused at once) or the client's: hand the
        # reporting (a database write) to the reporter thread either way.
        try:
            result: CueResult | None = future.result()
        except Exception as exc:  # not connected, connection lost mid-cue, script unreadable
            result = CueResult(-1, -1, CueAction(), False, f"OBS not switched: {exc}")
        if result is not None:
            self._reports.put(result)

    def _report_loop(self) -> None:
        failing = False
        while True:
            result = self._reports.get()
            if result is None:
                return
            self.results.append(result)
            if result.ok:
                log.info("cue OBS actions done: %s", result.message)
            else:
                log.warning("cue OBS actions failed: %s", result.message)
            if self.incidents is not None and (failing or not result.ok):
                message = (
                    result.message if result.ok else f"Cue production failed: {result.message}"
                )
                self.incidents.condition(
                    CONDITION_KEY, not result.ok, message, category="technical", severity=2
                )
            failing = not result.ok
            if self.on_result is not None:
                try:
                    self.on_result(result)
                except Exception:
                    log.exception("cue result listener failed")


def _load_script(store: Store, show_id: int) -> Script:
    from studio.script.store_io import load_script

    return load_script(store, show_id)
