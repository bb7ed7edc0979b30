"""The readiness item "stream test" (测试推流): from the newest OBS check and test recording
(`studio check obs`, `studio check stream`, saved as check kinds "obs" and "stream_test").

It lives with the gate, not with the OBS link, because the gate sits below the encoder link in
the package layers: the gate reads saved checks, it never talks to OBS.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol


class CheckInfo(Protocol):
    """What the gate needs of a saved check (planning.readiness.DeviceCheckInfo has it)."""

    @property
    def status(self) -> str: ...

    @property
    def at(self) -> datetime: ...

    @property
    def first_problem(self) -> str: ...


GateMessage = tuple[str, Mapping[str, Any]]


def stream_test_gate(obs: CheckInfo | None, recording: CheckInfo | None) -> tuple[str, GateMessage]:
    """(status, message) of the readiness item "stream test" from the newest OBS check and
    test recording. Fail: either failed, or neither was run. Warn: only the OBS check was run
    (no test recording), or either warned. The message keys are planning texts."""
    if obs is None and recording is None:
        return "fail", ("stream.missing", {})
    failed = [c for c in (obs, recording) if c is not None and c.status == "fail"]
    if failed:
        first = failed[0]
        which = "stream.obs_failed" if first is obs else "stream.recording_failed"
        return "fail", (which, {"at": _hhmm(first.at), "first": first.first_problem})
    if obs is None:
        assert recording is not None
        return "warn", ("stream.no_obs_check", {"at": _hhmm(recording.at)})
    if recording is None:
        return "warn", ("stream.no_recording", {"at": _hhmm(obs.at)})
    status = "warn" if "warn" in (obs.status, recording.status) else "pass"
    latest = max(obs.at, recording.at)
    return status, ("stream.ok", {"at": _hhmm(latest), "status": (f"status.{status}", {})})


def _hhmm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")
