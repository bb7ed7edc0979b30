"""The readiness gate's "stream test" item from the OBS check and the test recording (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from studio.planning.stream_gate import stream_test_gate

AT = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Info:
    status: str
    at: datetime = AT
    first_problem: str = ""


def test_nothing_run_blocks() -> None:
    """No OBS check and no test recording: the stream is untested, a blocking item."""
    assert stream_test_gate(None, None) == ("fail", ("stream.missing", {}))


@pytest.mark.parametrize(
    ("obs", "recording", "status", "key"),
    [
        (Info("pass"), Info("pass"), "pass", "stream.ok"),
        (Info("warn"), Info("pass"), "warn", "stream.ok"),
        (Info("pass"), Info("warn"), "warn", "stream.ok"),
        (Info("pass"), None, "warn", "stream.no_recording"),
        (None, Info("pass"), "warn", "stream.no_obs_check"),
        (Info("fail", first_problem="OBS not reachable"), None, "fail", "stream.obs_failed"),
        (Info("pass"), Info("fail", first_problem="Digital silence"), "fail",
         "stream.recording_failed"),
        (Info("fail", first_problem="no key"), Info("fail", first_problem="silence"), "fail",
         "stream.obs_failed"),
    ],
)  # fmt: skip
def test_the_item_follows_both_checks(
    obs: Info | None, recording: Info | None, status: str, key: str
) -> None:
    """Either check failing blocks, with its first problem; a missing test recording or a
    warning warns; both passing passes."""
    got_status, (got_key, params) = stream_test_gate(obs, recording)
    assert (got_status, got_key) == (status, key)
    if status == "fail":
        failed = obs if obs is not None and obs.status == "fail" else recording
        assert failed is not None and params["first"] == failed.first_problem
    if key == "stream.ok":
        assert params["status"] == (f"status.{status}", {})
