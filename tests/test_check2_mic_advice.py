"""Mic check advice: continuous talking is not a noise fail, the noise floor is heard in the
gaps, and one result never advises both raising and lowering the gain."""

from __future__ import annotations

import re

import numpy as np
import pytest

from studio.devices.audio import mic_check as check
from studio.devices.audio import noise
from studio.devices.audio.loudness import integrated_loudness
from studio.devices.audio.synthetic import talking
from studio.devices.findings import Finding

FS = 48000
_GAIN = re.compile(r"\b(raise|raising|lower|lowering)\s+(?:the\s+)?gain\b", re.IGNORECASE)


def gain_directions(findings: list[Finding]) -> set[str]:
    """Which ways the result's messages tell the operator to turn the gain."""
    out = set()
    for f in findings:
        for word in _GAIN.findall(f.message):
            out.add("up" if word.lower().startswith("rais") else "down")
    return out


def by_check(result: check.CheckResult) -> dict[str, Finding]:
    return {f.check: f for f in result.findings}


def fan(seconds: float, dbfs: float, seed: int = 1) -> np.ndarray:
    """Fan / air-conditioning noise: low-frequency heavy, steady, at `dbfs` RMS."""
    from scipy import signal

    rng = np.random.default_rng(seed)
    b, a = signal.butter(2, 300 / (FS / 2))
    x = signal.lfilter(b, a, rng.standard_normal(int(seconds * FS)))
    x = x / np.sqrt(np.mean(x**2)) * 10 ** (dbfs / 20)
    return np.stack([x, x], axis=1)


def at_lufs(x: np.ndarray, lufs: float) -> np.ndarray:
    return x * 10 ** ((lufs - integrated_loudness(x, FS)) / 20)


def test_the_old_percentile_floor_reads_talking_as_noise() -> None:
    """Why the floor moved to the gaps: in continuous talking the quietest 50 ms blocks still
    hold speech, and their level reads like a loud fan."""
    x = talking(5.0, room_dbfs=-70.0)
    assert noise.noise_floor_dbfs(x, FS) > -45.0
    assert noise.gap_floor_dbfs(x, FS) == pytest.approx(-70.0, abs=3.0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_continuous_talking_is_not_a_noise_fail(seed: int) -> None:
    """A one-shot recording of someone talking without pauses in a quiet room: the noise
    check passes with the room's floor, and nobody is told to turn off fans."""
    r = check.analyse(talking(5.0, room_dbfs=-70.0, seed=seed), FS)
    f = by_check(r)["noise"]
    assert f.status == "pass", f.message
    assert r.metrics["noise_floor_dbfs"] == pytest.approx(-70.0, abs=3.0)
    assert "fans" not in f.message


def test_talking_over_a_fan_still_fails_the_noise_check() -> None:
    """The same talking over -40 dBFS of fan noise: the floor is the fan's, and the advice
    says to turn it off."""
    r = check.analyse(talking(5.0, room_dbfs=-90.0) + fan(5.0, -40.0), FS)
    f = by_check(r)["noise"]
    assert f.status == "fail"
    assert r.metrics["noise_floor_dbfs"] == pytest.approx(-40.0, abs=3.0)
    assert "Turn off fans" in f.message


def test_talking_during_the_quiet_step_does_not_blame_the_room() -> None:
    """Someone talks through the guided check's quiet step in a quiet room: the floor is still
    the room's (heard between syllables), not the voice's."""
    speech = at_lufs(talking(5.0, room_dbfs=-75.0, seed=1), -16.0)
    quiet = talking(3.0, peak=0.2, room_dbfs=-75.0, seed=2)
    r = check.analyse(speech, FS, quiet=quiet)
    f = by_check(r)["noise"]
    assert f.status == "pass", f.message
    assert r.metrics["noise_floor_dbfs"] == pytest.approx(-75.0, abs=3.0)


def test_a_steady_tone_has_no_pauses_to_measure() -> None:
    """A test tone as the only input: no gaps below the signal, so no floor (a warning)."""
    t = np.arange(4 * FS) / FS
    tone = np.repeat((0.3 * np.sin(2 * np.pi * 1000 * t))[:, None], 2, axis=1)
    f = by_check(check.analyse(tone, FS))["noise"]
    assert f.status == "warn" and "no pauses" in f.message


def test_quiet_talking_that_clips_is_not_told_to_raise_the_gain() -> None:
    """Too quiet on average but a bump clips the input: the clipping advice lowers the gain,
    and the loudness advice says how to bring the level up without raising it."""
    x = at_lufs(talking(5.0), -30.0)
    x[FS : FS + 40] = 1.0  # someone knocks the mic
    r = check.analyse(x, FS)
    found = by_check(r)
    assert found["clipping"].status != "pass" and "Lower the gain" in found["clipping"].message
    assert found["loudness"].status != "pass" and "compressor" in found["loudness"].message
    assert gain_directions(r.findings) == {"down"}


def test_quiet_talking_with_an_over_is_not_told_to_raise_the_gain() -> None:
    """Too quiet, and one plosive peaks over the true-peak limit: one direction only."""
    x = at_lufs(talking(5.0), -28.0)
    x[2 * FS, :] = 0.97
    r = check.analyse(x, FS)
    assert by_check(r)["true_peak"].status == "warn"
    assert gain_directions(r.findings) == {"down"}


def test_quiet_talking_in_a_noisy_room_gets_noise_advice_without_lowering_the_gain() -> None:
    """Too quiet and too noisy: raise the gain for loudness; for the noise, turn off the fan
    and move the mic closer (lowering the gain would make the level worse)."""
    speech = at_lufs(talking(5.0, room_dbfs=-90.0), -26.0) + fan(5.0, -42.0)
    r = check.analyse(speech, FS, quiet=fan(3.0, -42.0, seed=4))
    found = by_check(r)
    assert found["noise"].status == "fail" and "move the mic closer" in found["noise"].message
    assert gain_directions(r.findings) == {"up"}


@pytest.mark.parametrize("lufs", [-34.0, -24.0, -16.0, -8.0])
@pytest.mark.parametrize("bump", ["none", "over", "clip"])
@pytest.mark.parametrize("floor", [-80.0, -50.0, -38.0])
@pytest.mark.parametrize("guided", [False, True])
def test_no_result_advises_both_raising_and_lowering_the_gain(
    lufs: float, bump: str, floor: float, guided: bool
) -> None:
    """Across levels, peaks, noise floors and both ways of running the check, the messages of
    one result turn the gain one way at most."""
    x = at_lufs(talking(4.0, room_dbfs=-100.0, seed=3), lufs) + fan(4.0, floor, seed=5)
    if bump == "over":
        x[FS, :] = 0.97
    elif bump == "clip":
        x[FS : FS + 40] = 1.0
    quiet = fan(3.0, floor, seed=6) if guided else None
    r = check.analyse(np.clip(x, -1.0, 1.0), FS, quiet=quiet)
    assert len(gain_directions(r.findings)) <= 1, [f.message for f in r.findings]
