"""The microphone check: measurements and findings with concrete advice.

`analyse()` turns recorded audio into the metrics of the `studio check mic --json` contract and a
Finding per check (signal, clipping, loudness, true_peak, noise, hum, balance, dropouts).
`GuidedCheck` drives the GUI's "stay quiet" -> "speak normally" steps; `record()` is the CLI's
one-shot recording from a capture.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from studio.devices.audio import clipping, hum, levels, loudness, noise, stereo
from studio.devices.audio._util import FLOOR_DB, amp_to_db, as_frames, finite_or_none
from studio.devices.audio.capture import ENDED, FAILED, LOST, AudioCapture
from studio.devices.audio.thresholds import DEFAULTS
from studio.devices.findings import Finding, Status, worst
from studio.i18n_marks import QT_TRANSLATE_NOOP, Message

CHECKS = ("signal", "clipping", "loudness", "true_peak", "noise", "hum", "balance", "dropouts")


@dataclass
class CheckResult:
    source: str
    samplerate: int
    channels: int
    metrics: dict[str, Any]
    findings: list[Finding]
    extra: dict[str, Any] = field(default_factory=dict)  # snr, correlation...: for display only

    @property
    def status(self) -> Status:
        return worst(self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "samplerate": self.samplerate,
            "channels": self.channels,
            "metrics": self.metrics,
            "findings": [f.as_json(with_i18n=False) for f in self.findings],
            "status": self.status,
        }


# Literal contexts and templates: pyside6-lupdate extracts QT_TRANSLATE_NOOP calls as written.
SILENCE = QT_TRANSLATE_NOOP("MicFindings", "silence")
DIGITAL_SILENCE = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Digital silence: every sample is zero. The input is muted in the system mixer or the wrong "
    "device is selected.",
)
NO_SIGNAL = QT_TRANSLATE_NOOP(
    "MicFindings",
    "No signal: the input peaks at {peak} dBFS. Check the mic is plugged in and unmuted, the "
    "right input is selected, and 48 V phantom power is on for a condenser mic.",
)
DC_OFFSET = QT_TRANSLATE_NOOP(
    "MicFindings",
    "DC offset of {dc:+.3f} full scale: the interface or mic has a DC fault; enable a "
    "high-pass / low-cut filter.",
)
SIGNAL_OK = QT_TRANSLATE_NOOP("MicFindings", "Signal present (peak {peak:.1f} dBFS).")
CLIPPING = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Clipping: {runs} run(s) of full-scale samples (longest {longest} samples). Lower the gain "
    "on the interface until the loudest words peak around -6 dBFS.",
)
NO_CLIPPING = QT_TRANSLATE_NOOP("MicFindings", "No clipping.")
LOUDNESS_UNMEASURED = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Too quiet to measure loudness (target {target:g} LUFS): raise the gain a lot or check the "
    "input.",
)
LOUDNESS_OK = QT_TRANSLATE_NOOP(
    "MicFindings", "Loudness {lufs:.1f} LUFS, on target ({target:g} LUFS)."
)
TOO_QUIET = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Loudness {lufs:.1f} LUFS is too quiet: raise gain by about {db:.0f} dB to reach "
    "{target:g} LUFS.",
)
TOO_LOUD = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Loudness {lufs:.1f} LUFS is too loud: lower gain by about {db:.0f} dB to reach "
    "{target:g} LUFS.",
)
TOO_QUIET_NO_HEADROOM = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Loudness {lufs:.1f} LUFS is too quiet for {target:g} LUFS, but the peaks leave no room to "
    "raise the level: add a compressor (OBS: Compressor filter) or keep the mic at an even "
    "distance from the mouth, so the quiet words come up and the peaks do not.",
)
LOUDNESS_UNMEASURED_CLIPS = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Too quiet to measure loudness, yet the input clips: check the input (a faulty cable or "
    "connector, or the wrong input selected, can do both).",
)
NO_PEAKS = QT_TRANSLATE_NOOP("MicFindings", "No peaks (no signal).")
PEAK_OVER = QT_TRANSLATE_NOOP(
    "MicFindings",
    "True peak {tp:.1f} dBTP is above {limit:g} dBTP: lower gain by about {db:.0f} dB or add a "
    "limiter.",
)
PEAK_HEADROOM = QT_TRANSLATE_NOOP(
    "MicFindings",
    "True peak {tp:.1f} dBTP is fine now, but raising the gain to reach {target:g} LUFS would "
    "put peaks at {after:+.1f} dBTP: add a compressor / limiter before raising the gain.",
)
PEAK_OK = QT_TRANSLATE_NOOP("MicFindings", "True peak {tp:.1f} dBTP (below {limit:g} dBTP).")
NOISE_QUIET_STEP = QT_TRANSLATE_NOOP(
    "MicFindings", "Noise floor {floor} dBFS (during the quiet step)."
)
NOISE_FROM_PAUSES = QT_TRANSLATE_NOOP(
    "MicFindings", "Noise floor {floor} dBFS (estimated from pauses)."
)
NOISE_WITH_SNR = QT_TRANSLATE_NOOP(
    "MicFindings", "Noise floor {floor} dBFS (during the quiet step), speech-to-noise {snr:.0f} dB."
)
NOISE_ADVICE = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Turn off fans / air conditioning near the mic, close windows, move the mic closer and lower "
    "the gain.",
)
NOISE_ADVICE_CLOSER = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Turn off fans / air conditioning near the mic, close windows and move the mic closer to "
    "the speaker.",
)
NOISE_NOT_QUIET = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Could not measure the noise floor: there was sound during the quiet step (talking, music, "
    "a door?). Run the check again and stay silent while it says so.",
)
NOISE_NO_PAUSES = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Could not measure the noise floor: the recording has no pauses (quietest parts {floor} "
    "dBFS). Run the guided check with a quiet step.",
)
NO_HUM = QT_TRANSLATE_NOOP("MicFindings", "No mains hum.")
HUM = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Hum at {hz:g} Hz ({level:.0f} dBFS; lines at {harmonics}): check the cable / ground loop. "
    "Try another power socket, a ground-lift DI box, and keep audio cables away from power "
    "cables.",
)
MONO = QT_TRANSLATE_NOOP("MicFindings", "Mono input: no balance to check.")
BALANCE_NO_SIGNAL = QT_TRANSLATE_NOOP("MicFindings", "No signal: balance not checked.")
ONLY_LEFT = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Only the left channel carries signal: set the audio source to mono in OBS (or use a mono "
    "input) so the mic is heard on both sides.",
)
ONLY_RIGHT = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Only the right channel carries signal: set the audio source to mono in OBS (or use a mono "
    "input) so the mic is heard on both sides.",
)
OUT_OF_PHASE = QT_TRANSLATE_NOOP(
    "MicFindings",
    "Channels are out of phase (correlation {corr:+.2f}): a mono downmix will cancel the voice. "
    "Check the polarity switch / wiring.",
)
LEFT_LOUDER = QT_TRANSLATE_NOOP(
    "MicFindings",
    "The left channel is {db:.1f} dB louder: check the gain and pan of each input channel.",
)
RIGHT_LOUDER = QT_TRANSLATE_NOOP(
    "MicFindings",
    "The right channel is {db:.1f} dB louder: check the gain and pan of each input channel.",
)
BALANCED = QT_TRANSLATE_NOOP(
    "MicFindings", "Channels balanced ({db:+.1f} dB, correlation {corr:+.2f})."
)
DEVICE_LOST = QT_TRANSLATE_NOOP(
    "MicFindings",
    "The device disappeared during the check: check the USB cable / connection and run the "
    "check again.",
)
OVERFLOWS = QT_TRANSLATE_NOOP(
    "MicFindings",
    "{count} input overflow(s) (dropped audio): close other audio apps, use a different USB "
    "port or raise the buffer size.",
)
NO_DROPOUTS = QT_TRANSLATE_NOOP("MicFindings", "No dropouts.")


def _db(value: float) -> str | Message:
    """A level for a message: the number, or the (translatable) word for no signal at all."""
    return SILENCE() if value <= FLOOR_DB else f"{value:.1f}"


def analyse(
    speech: npt.ArrayLike,
    samplerate: int,
    *,
    source: str = "",
    quiet: npt.ArrayLike | None = None,
    dropouts: int = 0,
    device_lost: bool = False,
    thresholds: dict[str, Any] | None = None,
) -> CheckResult:
    """Metrics and findings of a recording; `quiet` is the optional "stay quiet" step."""
    th = {**DEFAULTS, **(thresholds or {})}
    # One float64 copy, channel after channel in memory: every pass below reads each channel
    # contiguously and the modules' own conversions become no-ops.
    a = as_frames(np.asarray(speech, dtype=np.float64, order="F"))
    q = (
        as_frames(np.asarray(quiet, dtype=np.float64, order="F"))
        if quiet is not None and np.size(quiet)
        else None
    )
    everything = a if q is None else np.concatenate((q, a))
    lv = levels.measure_levels(a, samplerate)
    ld = loudness.measure_loudness(a, samplerate)
    clip = clipping.find_clipping(everything, float(th["clip_level"]), int(th["clip_min_run"]))
    # The floor is what the mic hears in the gaps between sounds; None when there are none.
    floor: float | None
    if q is not None:
        floor, quietest, _ = noise.floor_and_speech_levels(q, samplerate)
        speech_db = noise.speech_level_dbfs(a, samplerate)
        snr: float | None = None if floor is None else speech_db - floor
    else:
        floor, quietest, speech_db = noise.floor_and_speech_levels(a, samplerate)
        snr = None
    # Hum shows best without speech on top of it.
    hm = hum.find_hum(
        q if q is not None else a,
        samplerate,
        float(th["hum_prominence_db"]),
        float(th["hum_min_dbfs"]),
    )
    bal = stereo.channel_balance(a)
    peak_all = max(
        lv.peak_dbfs,
        amp_to_db(float(levels.sample_peak(q).max(initial=0.0))) if q is not None else FLOOR_DB,
    )

    metrics: dict[str, Any] = {
        "peak_dbfs": finite_or_none(lv.peak_dbfs),
        "true_peak_dbtp": finite_or_none(lv.true_peak_dbtp),
        "rms_dbfs": finite_or_none(lv.rms_dbfs),
        "integrated_lufs": finite_or_none(ld.integrated_lufs),
        "momentary_lufs_max": finite_or_none(ld.momentary_lufs_max),
        "short_term_lufs_max": finite_or_none(ld.short_term_lufs_max),
        "loudness_range_lu": finite_or_none(ld.loudness_range_lu)
        if math.isfinite(ld.integrated_lufs)
        else None,
        "noise_floor_dbfs": None if floor is None else finite_or_none(floor),
        "clipped_samples": clip.clipped_samples,
        "hum_hz": hm.hz,
        "channel_balance_db": None
        if bal is None
        else round(max(-99.0, min(99.0, bal.balance_db)), 2),
        "dc_offset": round(lv.dc_offset, 5),
        "dropouts": int(dropouts),
    }
    extra = {
        "snr_db": None if snr is None else round(snr, 1),
        "correlation": None if bal is None else round(bal.correlation, 3),
        "hum_level_dbfs": finite_or_none(hm.level_dbfs),
        "clip_runs": clip.runs,
        "seconds": round(a.shape[0] / samplerate, 2),
    }
    has_signal = peak_all > float(th["silence_dbfs"])
    gain = gain_plan(clip, lv.true_peak_dbtp, ld.integrated_lufs, has_signal, th)
    findings = [
        _signal(a if q is None else everything, peak_all, lv.dc_offset, th),
        _clipping(clip, th),
        _loudness(ld.integrated_lufs, has_signal, th, gain),
        _true_peak(lv.true_peak_dbtp, ld.integrated_lufs, has_signal, th),
        _noise(floor, quietest, speech_db, q is not None, has_signal, th, gain),
        _hum(hm, th),
        _balance(bal, has_signal, th),
        _dropouts(dropouts, device_lost, th),
    ]
    return CheckResult(source, int(samplerate), a.shape[1], metrics, findings, extra)


def _signal(a: npt.NDArray[np.float64], peak: float, dc: float, th: dict[str, Any]) -> Finding:
    if a.shape[0] == 0 or not np.any(a):
        return Finding.of("signal", "fail", None, DIGITAL_SILENCE())
    if peak <= float(th["silence_dbfs"]):
        return Finding.of("signal", "fail", round(peak, 1), NO_SIGNAL(peak=_db(peak)))
    if abs(dc) >= float(th["dc_offset_warn"]):
        return Finding.of("signal", "warn", round(dc, 4), DC_OFFSET(dc=dc))
    return Finding.of("signal", "pass", round(peak, 1), SIGNAL_OK(peak=peak))


def _clipping(clip: clipping.Clipping, th: dict[str, Any]) -> Finding:
    runs = clip.runs
    if runs >= int(th["clip_fail_runs"]) or (runs and runs >= int(th["clip_warn_runs"])):
        status: Status = "fail" if runs >= int(th["clip_fail_runs"]) else "warn"
        text = CLIPPING(runs=runs, longest=clip.longest_run)
        return Finding.of("clipping", status, clip.clipped_samples, text)
    return Finding.of("clipping", "pass", 0, NO_CLIPPING())


@dataclass(frozen=True, slots=True)
class GainPlan:
    """Which way the input gain may go, decided once for the whole result, so no two
    findings pull it opposite ways."""

    wants_more: bool  # loudness under the target (or too quiet to measure)
    no_headroom: bool  # clipping or true peak over the limit: the gain must not go up


def gain_plan(
    clip: clipping.Clipping, tp: float, lufs: float, has_signal: bool, th: dict[str, Any]
) -> GainPlan:
    quiet = not has_signal or not math.isfinite(lufs)
    quiet = quiet or float(th["target_lufs"]) - lufs > float(th["loudness_tolerance_lu"])
    clipped = clip.runs >= max(1, int(th["clip_warn_runs"]))
    return GainPlan(quiet, clipped or tp > float(th["true_peak_max_dbtp"]))


def _loudness(lufs: float, has_signal: bool, th: dict[str, Any], gain: GainPlan) -> Finding:
    target = float(th["target_lufs"])
    if not math.isfinite(lufs) or not has_signal:
        if gain.no_headroom:
            return Finding.of("loudness", "fail", None, LOUDNESS_UNMEASURED_CLIPS())
        return Finding.of("loudness", "fail", None, LOUDNESS_UNMEASURED(target=target))
    delta = target - lufs
    if abs(delta) <= float(th["loudness_tolerance_lu"]):
        return Finding.of("loudness", "pass", round(lufs, 1), LOUDNESS_OK(lufs=lufs, target=target))
    status: Status = "fail" if abs(delta) > float(th["loudness_fail_lu"]) else "warn"
    if delta > 0 and gain.no_headroom:
        # The peaks already clip or go over: "raise the gain" would contradict the clipping
        # and true-peak advice. The level has to come up without the peaks.
        text = TOO_QUIET_NO_HEADROOM(lufs=lufs, target=target)
        return Finding.of("loudness", status, round(lufs, 1), text)
    advice = TOO_QUIET if delta > 0 else TOO_LOUD
    text = advice(lufs=lufs, db=abs(round(delta)), target=target)
    return Finding.of("loudness", status, round(lufs, 1), text)


def _true_peak(tp: float, lufs: float, has_signal: bool, th: dict[str, Any]) -> Finding:
    limit = float(th["true_peak_max_dbtp"])
    if not has_signal:
        return Finding.of("true_peak", "pass", None, NO_PEAKS())
    if tp > limit:
        db = max(1, math.ceil(tp - limit))
        return Finding.of("true_peak", "warn", round(tp, 1), PEAK_OVER(tp=tp, limit=limit, db=db))
    target = float(th["target_lufs"])
    if math.isfinite(lufs) and target - lufs > float(th["loudness_tolerance_lu"]):
        after = tp + (target - lufs)
        if after > limit:
            text = PEAK_HEADROOM(tp=tp, target=target, after=after)
            return Finding.of("true_peak", "warn", round(tp, 1), text)
    return Finding.of("true_peak", "pass", round(tp, 1), PEAK_OK(tp=tp, limit=limit))


def _noise(
    floor: float | None,
    quietest: float,
    speech_db: float,
    quiet_step: bool,
    has_signal: bool,
    th: dict[str, Any],
    gain: GainPlan,
) -> Finding:
    if floor is None or (not quiet_step and has_signal and speech_db - floor < 10.0):
        # No gaps (or "gaps" as loud as the speech, as in a steady tone): whatever was
        # measured is the sound itself, not a noise floor. Say so rather than blame fans.
        text = NOISE_NOT_QUIET() if quiet_step else NOISE_NO_PAUSES(floor=_db(quietest))
        return Finding.of("noise", "warn", None, text)
    value = finite_or_none(floor, 1)
    status: Status = "pass"
    if floor > float(th["noise_floor_fail_dbfs"]):
        status = "fail"
    elif floor > float(th["noise_floor_warn_dbfs"]):
        status = "warn"
    snr = speech_db - floor if quiet_step else None
    if snr is None:
        text = NOISE_FROM_PAUSES(floor=_db(floor))
    elif has_signal:
        text = NOISE_WITH_SNR(floor=_db(floor), snr=snr)
        if snr < float(th["snr_fail_db"]):
            status = "fail"
        elif snr < float(th["snr_warn_db"]) and status == "pass":
            status = "warn"
    else:
        text = NOISE_QUIET_STEP(floor=_db(floor))
    if status != "pass":
        # Lowering the gain is part of the cure only when the level can spare it.
        advice = NOISE_ADVICE_CLOSER() if gain.wants_more else NOISE_ADVICE()
        return Finding.of("noise", status, value, text, advice)
    return Finding.of("noise", status, value, text)


def _hum(hm: hum.Hum, th: dict[str, Any]) -> Finding:
    if hm.hz is None:
        return Finding.of("hum", "pass", None, NO_HUM())
    status: Status = "fail" if hm.level_dbfs > float(th["hum_fail_dbfs"]) else "warn"
    harmonics = ", ".join(f"{int(hm.hz * k)} Hz" for k in hm.harmonics)
    text = HUM(hz=hm.hz, level=hm.level_dbfs, harmonics=harmonics)
    return Finding.of("hum", status, hm.hz, text)


def _balance(bal: stereo.Balance | None, has_signal: bool, th: dict[str, Any]) -> Finding:
    if bal is None:
        return Finding.of("balance", "pass", None, MONO())
    if not has_signal:
        return Finding.of("balance", "pass", None, BALANCE_NO_SIGNAL())
    value = round(max(-99.0, min(99.0, bal.balance_db)), 1)
    if bal.dead_channel is not None:
        only = ONLY_LEFT if bal.dead_channel == "right" else ONLY_RIGHT
        return Finding.of("balance", "warn", value, only())
    if bal.correlation < float(th["correlation_warn"]):
        return Finding.of("balance", "warn", value, OUT_OF_PHASE(corr=bal.correlation))
    size = abs(bal.balance_db)
    if size > float(th["balance_warn_db"]):
        status: Status = "fail" if size > float(th["balance_fail_db"]) else "warn"
        louder = LEFT_LOUDER if bal.balance_db > 0 else RIGHT_LOUDER
        return Finding.of("balance", status, value, louder(db=size))
    text = BALANCED(db=bal.balance_db, corr=bal.correlation)
    return Finding.of("balance", "pass", value, text)


def _dropouts(count: int, lost: bool, th: dict[str, Any]) -> Finding:
    if lost:
        return Finding.of("dropouts", "fail", count, DEVICE_LOST())
    if count >= int(th["dropouts_fail"]) or count >= int(th["dropouts_warn"]):
        status: Status = "fail" if count >= int(th["dropouts_fail"]) else "warn"
        return Finding.of("dropouts", status, count, OVERFLOWS(count=count))
    return Finding.of("dropouts", "pass", 0, NO_DROPOUTS())


# -- recording ---------------------------------------------------------------------------------


class RecordingError(Exception):
    """The capture opened but delivered no audio."""


def record(
    capture: AudioCapture,
    seconds: float,
    *,
    first_data_timeout: float = 6.0,
    settle_seconds: float = 0.3,
) -> tuple[npt.NDArray[np.float32], int, bool]:
    """Record `seconds` from a started capture: (audio, dropouts, device lost meanwhile).

    Blocks the calling (CLI / worker) thread. Skips `settle_seconds` after the first block of a
    live device, since a fresh PortAudio stream starts with a burst of stale or empty buffers.
    """
    if not capture.wait_for_data(first_data_timeout):
        raise RecordingError(
            f"{capture.name}: opened, but no audio arrived within "
            f"{first_data_timeout:g} s ({capture.message or capture.state})"
        )
    if capture.is_live and settle_seconds > 0:
        time.sleep(settle_seconds)
    position = capture.ring.written if capture.is_live else 0
    overflows0, lost0 = capture.overflows, capture.lost_count
    want = int(seconds * capture.samplerate)
    chunks: list[npt.NDArray[np.float32]] = []
    got = 0
    deadline = time.monotonic() + seconds + first_data_timeout
    while got < want:
        # The state is read before the ring: a source that ended has written its last block
        # before saying so, so this read still drains it (it did not, under load, in CI).
        finished = capture.state in (ENDED, FAILED)
        data, position, _lost = capture.ring.read_since(position)
        if data.shape[0]:
            chunks.append(data[: want - got])
            got += min(data.shape[0], want - got)
        if got >= want or finished or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    audio = np.concatenate(chunks) if chunks else np.zeros((0, capture.channels), np.float32)
    lost = capture.lost_count > lost0 or capture.state == LOST or (capture.is_live and got < want)
    return audio, capture.overflows - overflows0, lost


# -- guided check ------------------------------------------------------------------------------

STEPS = ("quiet", "speech")


@dataclass(frozen=True, slots=True)
class Progress:
    step: str  # "quiet", "speech" or "done"
    step_fraction: float  # 0..1 within the step
    fraction: float  # 0..1 over the whole check
    remaining_s: float  # in this step


class GuidedCheck:
    """ "Stay quiet" then "speak normally", collected from a capture's ring buffer.

    Call `tick()` regularly (the GUI's timer, about 10 Hz); it only copies new frames, so it is
    cheap. When `tick().step == "done"`, `result()` runs the analysis (do that off the GUI thread).
    """

    def __init__(
        self,
        capture: AudioCapture,
        thresholds: dict[str, Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capture = capture
        self.thresholds = {**DEFAULTS, **(thresholds or {})}
        self.durations = {
            "quiet": float(self.thresholds["quiet_seconds"]),
            "speech": float(self.thresholds["speech_seconds"]),
        }
        self._clock = clock
        self._audio: dict[str, list[npt.NDArray[np.float32]]] = {s: [] for s in STEPS}
        self._frames = dict.fromkeys(STEPS, 0)
        self._step_index = 0
        self._position = 0
        self._overflows0 = 0
        self._lost0 = 0
        self._started = False

    def start(self) -> None:
        self._position = self.capture.ring.written
        self._overflows0 = self.capture.overflows
        self._lost0 = self.capture.lost_count
        self._started = True

    @property
    def step(self) -> str:
        return STEPS[self._step_index] if self._step_index < len(STEPS) else "done"

    def tick(self) -> Progress:
        """Move new audio into the current step; steps advance by audio time, not wall time,
        so a stalled device does not silently shorten a step."""
        if not self._started:
            self.start()
        data, self._position, _lost = self.capture.ring.read_since(self._position)
        while data.shape[0] and self._step_index < len(STEPS):
            step = STEPS[self._step_index]
            need = int(self.durations[step] * self.capture.samplerate) - self._frames[step]
            take = data[:need]
            self._audio[step].append(take)
            self._frames[step] += take.shape[0]
            data = data[take.shape[0] :]
            if self._frames[step] >= int(self.durations[step] * self.capture.samplerate):
                self._step_index += 1
        return self.progress()

    def progress(self) -> Progress:
        total = sum(self.durations.values()) * self.capture.samplerate
        done_frames = sum(self._frames.values())
        step = self.step
        if step == "done":
            return Progress("done", 1.0, 1.0, 0.0)
        need = self.durations[step] * self.capture.samplerate
        frac = self._frames[step] / need if need else 1.0
        remaining = (need - self._frames[step]) / self.capture.samplerate
        return Progress(
            step,
            min(1.0, frac),
            min(1.0, done_frames / total if total else 1.0),
            max(0.0, remaining),
        )

    def audio(self, step: str) -> npt.NDArray[np.float32]:
        parts = self._audio[step]
        return np.concatenate(parts) if parts else np.zeros((0, self.capture.channels), np.float32)

    def result(self) -> CheckResult:
        return analyse(
            self.audio("speech"),
            self.capture.samplerate,
            source=self.capture.name,
            quiet=self.audio("quiet"),
            dropouts=self.capture.overflows - self._overflows0,
            device_lost=self.capture.lost_count > self._lost0,
            thresholds=self.thresholds,
        )
