"""Applying a measured audio-video offset to an OBS audio input (its "Sync Offset").

OBS delays an input's sound by its sync offset (milliseconds, -950 to 20000). A measured
offset is positive when the sound is late, so the correction lowers the input's offset by
that much: sound 80 ms late -> 80 ms less; sound 60 ms early -> 60 ms more.
"""

from __future__ import annotations

from typing import Any

from studio.obs.client import ObsClient, ObsError

MIN_OFFSET_MS = -950  # obs-websocket's SetInputAudioSyncOffset bounds
MAX_OFFSET_MS = 20000


def corrected_offset(current_ms: int, measured_offset_ms: float) -> int:
    """The input's new sync offset that cancels `measured_offset_ms` (positive: sound late),
    within what OBS accepts."""
    return int(max(MIN_OFFSET_MS, min(MAX_OFFSET_MS, round(current_ms - measured_offset_ms))))


def get_sync_offset(client: ObsClient, input_name: str) -> int:
    answer = client.call("GetInputAudioSyncOffset", {"inputName": input_name})
    return int(answer.get("inputAudioSyncOffset", 0))


def set_sync_offset(client: ObsClient, input_name: str, offset_ms: int) -> None:
    client.call(
        "SetInputAudioSyncOffset",
        {"inputName": input_name, "inputAudioSyncOffset": int(offset_ms)},
    )


def apply_measured_offset(
    client: ObsClient, input_name: str, measured_offset_ms: float
) -> tuple[int, int]:
    """Set the input's sync offset to cancel the measured one: (old, new) milliseconds."""
    old = get_sync_offset(client, input_name)
    new = corrected_offset(old, measured_offset_ms)
    set_sync_offset(client, input_name, new)
    return old, new


def audio_inputs(client: ObsClient) -> list[dict[str, Any]]:
    """The inputs that carry sound, with their current sync offset: what a card offers to
    correct (the microphone is usually among the special inputs, "Mic/Aux")."""
    inputs = client.call("GetInputList", None).get("inputs") or []
    out = []
    for item in inputs:
        name = str(item.get("inputName") or "")
        if not name:
            continue
        try:
            offset = get_sync_offset(client, name)
        except ObsError:
            continue  # a picture-only input: OBS refuses the request
        out.append(
            {"name": name, "kind": str(item.get("inputKind") or ""), "sync_offset_ms": offset}
        )
    return out
