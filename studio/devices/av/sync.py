"""Picture and sound events paired into one offset, its confidence, and the findings.

The offset is the one most pairs agree on (a vote over every picture-sound difference within
`max_offset_ms`), then the median of the agreeing pairs; a stray clap or a missed flash does
not move it. Positive means the sound is late.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from studio.devices.av.thresholds import DEFAULTS
from studio.devices.findings import Finding, Status, worst
from studio.i18n_marks import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Estimate:
    offset_ms: float | None  # positive: sound late
    confidence: float  # 0..1
    events: int  # pairs used
    spread_ms: float | None  # robust spread of the pairs' offsets
    picture_events: int
    sound_events: int
    kind: str = ""  # "flash" or "clap": what was seen in the picture


def estimate(
    picture: Sequence[float],
    sound: Sequence[float],
    max_offset_ms: float = DEFAULTS["max_offset_ms"],
    tolerance_ms: float = DEFAULTS["pair_tolerance_ms"],
    kind: str = "",
) -> Estimate:
    """The offset between `picture` and `sound` event times (seconds on one time line)."""
    v = np.asarray(sorted(picture), dtype=np.float64)
    a = np.asarray(sorted(sound), dtype=np.float64)
    if v.size == 0 or a.size == 0:
        return Estimate(None, 0.0, 0, None, int(v.size), int(a.size), kind)
    diffs = (a[None, :] - v[:, None]) * 1000.0
    near = np.abs(diffs) <= max_offset_ms
    candidates = diffs[near]
    if candidates.size == 0:
        return Estimate(None, 0.0, 0, None, int(v.size), int(a.size), kind)

    def pairs(d: float) -> list[float]:
        # Each picture event pairs with its closest sound event around offset d.
        out = []
        for row in diffs:
            j = int(np.argmin(np.abs(row - d)))
            if abs(row[j] - d) <= tolerance_ms:
                out.append(float(row[j]))
        return out

    # The vote: the difference with the most others within the tolerance of it (ties: the
    # smaller offset), then the median of the pairs around it, settled twice.
    c = np.sort(candidates)
    votes = np.searchsorted(c, c + tolerance_ms, "right") - np.searchsorted(c, c - tolerance_ms)
    top = c[votes == votes.max()]
    offset = float(top[np.argmin(np.abs(top))])
    for _ in range(2):
        matched = pairs(offset)
        offset = float(np.median(matched))
    mad = float(np.median(np.abs(np.asarray(matched) - offset))) * 1.4826
    share = len(matched) / max(v.size, a.size)
    tightness = max(0.0, 1.0 - mad / tolerance_ms)
    enough = min(1.0, len(matched) / float(DEFAULTS["min_events"]))
    confidence = round(share * tightness * enough, 3)
    return Estimate(offset, confidence, len(matched), mad, int(v.size), int(a.size), kind)


# Literal contexts and templates: pyside6-lupdate extracts QT_TRANSLATE_NOOP calls as written.
IN_SYNC = QT_TRANSLATE_NOOP(
    "AvFindings", "Sound and picture in sync: sound {offset:+.0f} ms ({events} events)"
)
SOUND_LATE = QT_TRANSLATE_NOOP(
    "AvFindings",
    "Sound {ms:.0f} ms behind the picture ({events} events): viewers {notice}. Bring the sound "
    "{ms:.0f} ms earlier (OBS: lower the microphone's Sync Offset by {ms:.0f} ms, down to -950) "
    "or delay the picture (a Render Delay filter on the camera source)",
)
SOUND_EARLY = QT_TRANSLATE_NOOP(
    "AvFindings",
    "Sound {ms:.0f} ms ahead of the picture ({events} events): viewers {notice}. Delay the "
    "sound by {ms:.0f} ms (OBS: raise the microphone's Sync Offset by {ms:.0f} ms in Advanced "
    "Audio Properties)",
)
NOTICE = QT_TRANSLATE_NOOP("AvFindings", "can notice it")
UNACCEPTABLE = QT_TRANSLATE_NOOP("AvFindings", "will find it unacceptable")
NO_EVENTS = QT_TRANSLATE_NOOP(
    "AvFindings",
    "No sync events to measure ({picture} in the picture, {sound} in the sound): play the sync "
    "pattern (studio check av --make-pattern) through the encoder, or clap a clapper board in "
    "front of the camera a few times",
)
UNPAIRED = QT_TRANSLATE_NOOP(
    "AvFindings",
    "Picture and sound events do not line up ({picture} in the picture, {sound} in the sound, "
    "none within {max:.0f} ms of each other): is the sound from this camera's room?",
)
UNRELIABLE = QT_TRANSLATE_NOOP(
    "AvFindings",
    "Sound {offset:+.0f} ms against the picture, but from only {events} event(s) or with a "
    "{spread:.0f} ms spread (confidence {confidence:.2f}): measure again with the sync pattern",
)


def findings(est: Estimate, cfg: dict[str, Any] | None = None) -> list[Finding]:
    """The `sync` finding for an estimate, against BT.1359 (or the profile's limits)."""
    c = {**DEFAULTS, **(cfg or {})}
    if est.offset_ms is None:
        if est.picture_events == 0 or est.sound_events == 0:
            text = NO_EVENTS(picture=est.picture_events, sound=est.sound_events)
        else:
            text = UNPAIRED(
                picture=est.picture_events, sound=est.sound_events, max=c["max_offset_ms"]
            )
        return [Finding.of("sync", "warn", None, text)]
    offset = round(est.offset_ms, 1)
    if est.confidence < float(c["min_confidence"]) or est.events < int(c["min_events"]):
        text = UNRELIABLE(
            offset=offset,
            events=est.events,
            spread=est.spread_ms or 0.0,
            confidence=est.confidence,
        )
        return [Finding.of("sync", "warn", offset, text)]
    late = offset > 0
    ms = abs(offset)
    warn_at = float(c["behind_warn_ms"] if late else c["ahead_warn_ms"])
    fail_at = float(c["behind_fail_ms"] if late else c["ahead_fail_ms"])
    if ms <= warn_at:
        return [Finding.of("sync", "pass", offset, IN_SYNC(offset=offset, events=est.events))]
    status: Status = "fail" if ms > fail_at else "warn"
    notice = UNACCEPTABLE() if status == "fail" else NOTICE()
    template = SOUND_LATE if late else SOUND_EARLY
    return [Finding.of("sync", status, offset, template(ms=ms, events=est.events, notice=notice))]


@dataclass
class AvResult:
    source: str
    estimate: Estimate
    findings: list[Finding]
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> Status:
        return worst(self.findings)

    @property
    def offset_ms(self) -> float | None:
        o = self.estimate.offset_ms
        return None if o is None or not math.isfinite(o) else round(o, 1)

    def as_json(self) -> dict[str, Any]:
        """The `studio check av --json` contract."""
        return {
            "source": self.source,
            "offset_ms": self.offset_ms,
            "confidence": self.estimate.confidence,
            "events": self.estimate.events,
            "status": self.status,
            "findings": [f.as_json(with_i18n=False) for f in self.findings],
        }
