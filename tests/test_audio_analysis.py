"""Levels, true peak, clipping, noise floor, hum, balance and DC offset on signals with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from studio.devices.audio import clipping, hum, levels, noise, stereo
from studio.devices.audio.ringbuffer import RingBuffer

FS = 48000


def tone(freq: float, amp: float, seconds: float = 1.0, phase: float = 0.0) -> np.ndarray:
    t = np.arange(round(seconds * FS)) / FS
    return amp * np.sin(2 * np.pi * freq * t + phase)


def db(x: float) -> float:
    return 20 * np.log10(x)


def test_sine_levels() -> None:
    """A 0.5-amplitude sine: peak -6.02 dBFS, RMS -9.03 dBFS, true peak -6.02 dBTP, no DC."""
    lv = levels.measure_levels(tone(1000, 0.5, phase=0.3), FS)
    assert lv.peak_dbfs == pytest.approx(-6.02, abs=0.01)
    assert lv.rms_dbfs == pytest.approx(-9.03, abs=0.01)
    assert lv.true_peak_dbtp == pytest.approx(-6.02, abs=0.05)
    assert abs(lv.dc_offset) < 1e-4


@pytest.mark.parametrize(("freq", "phase"), [(12000.0, np.pi / 4), (8000.0, 0.0), (16000.0, 0.0)])
def test_true_peak_finds_inter_sample_peaks(freq: float, phase: float) -> None:
    """A high sine sampled off its crests: sample peak reads low, true peak finds the real -6 dB."""
    x = tone(freq, 0.5, phase=phase)
    assert db(levels.sample_peak(x)[0]) < -7.0
    assert db(levels.true_peak(x, FS)[0]) == pytest.approx(-6.02, abs=0.2)


def test_true_peak_ignores_the_recording_edges() -> None:
    """A recording that starts mid-waveform does not read a false over at its edges."""
    x = tone(1000, 0.5, seconds=0.5, phase=1.3)
    assert db(levels.true_peak(x, FS)[0]) == pytest.approx(-6.02, abs=0.05)


def test_oversampling_factor_per_rate() -> None:
    """4x at 44.1/48 kHz, 2x at 96 kHz, none at 192 kHz (BS.1770-4 Annex 2)."""
    assert [levels.oversampling_factor(r) for r in (44100, 48000, 96000, 192000)] == [4, 4, 2, 1]


def test_dc_offset_per_channel() -> None:
    """A constant offset is reported as the mean, signed, on the channel that has it."""
    x = np.stack([tone(440, 0.3) + 0.05, tone(440, 0.3)], axis=1)
    assert levels.dc_offset(x) == pytest.approx([0.05, 0.0], abs=1e-3)
    assert levels.measure_levels(x, FS).dc_offset == pytest.approx(0.05, abs=1e-3)


def test_clipped_sine_runs() -> None:
    """A sine driven 2x into the rails clips on every half cycle, in long runs."""
    x = np.clip(tone(1000, 2.0), -1.0, 1.0)
    c = clipping.find_clipping(x)
    assert c.runs == 2000  # 1000 cycles, two crests each
    assert c.longest_run >= 10
    assert c.clipped_samples == int(np.sum(np.abs(x) >= clipping.DEFAULT_LEVEL))


def test_single_full_scale_samples_are_not_clipping() -> None:
    """Isolated full-scale samples (legitimate peaks) are not runs of clipping."""
    x = tone(1000, 0.5)
    x[100] = 1.0
    x[5000] = -1.0
    assert clipping.find_clipping(x) == clipping.Clipping(0, 0, 0)


def test_clipping_counts_each_channel() -> None:
    """Runs on the second channel count and do not merge with runs on the first."""
    a = np.zeros(100)
    b = np.zeros(100)
    a[95:] = 1.0  # run to the end of channel 0
    b[:4] = -1.0  # run at the start of channel 1
    c = clipping.find_clipping(np.stack([a, b], axis=1))
    assert (c.runs, c.clipped_samples, c.longest_run) == (2, 9, 5)


def test_silence() -> None:
    """Digital silence: levels at the floor, nothing clips, no hum, noise floor at the floor."""
    x = np.zeros((FS, 2))
    lv = levels.measure_levels(x, FS)
    assert lv.peak_dbfs == lv.rms_dbfs == lv.true_peak_dbtp == -150.0
    assert clipping.find_clipping(x).runs == 0
    assert hum.find_hum(x, FS).hz is None
    assert noise.noise_floor_dbfs(x, FS) == -150.0


def test_noise_floor_of_white_noise() -> None:
    """White noise at RMS 0.001 has a noise floor near -60 dBFS, unaffected by one loud click."""
    x = np.random.default_rng(1).standard_normal(FS * 3) * 0.001
    x[FS : FS + 200] = 0.5
    assert noise.noise_floor_dbfs(x, FS) == pytest.approx(-60.0, abs=1.0)


def test_snr_speech_versus_quiet() -> None:
    """A -20 dBFS tone over a -60 dBFS quiet step is about 40 dB of SNR."""
    rng = np.random.default_rng(2)
    quiet = rng.standard_normal(FS * 2) * 0.001
    speech = tone(300, 0.1 * np.sqrt(2), 2.0) + rng.standard_normal(FS * 2) * 0.001
    assert noise.snr_db(speech, quiet, FS) == pytest.approx(40.0, abs=1.5)


@pytest.mark.parametrize("mains", [50.0, 60.0])
def test_mains_hum_detected_with_harmonics(mains: float) -> None:
    """Hum at 50 or 60 Hz with a 3rd harmonic under noise is found, with both lines named."""
    rng = np.random.default_rng(3)
    x = tone(mains, 0.005, 3.0) + tone(3 * mains, 0.002, 3.0) + rng.standard_normal(FS * 3) * 0.0005
    h = hum.find_hum(x, FS)
    assert h.hz == mains
    assert {1, 3} <= set(h.harmonics)
    assert h.level_dbfs == pytest.approx(db(0.005 / np.sqrt(2)), abs=1.5)


def test_no_hum_in_noise_or_a_1khz_tone() -> None:
    """Broadband noise and a 1 kHz tone are not mistaken for hum."""
    rng = np.random.default_rng(4)
    assert hum.find_hum(rng.standard_normal(FS * 3) * 0.01, FS).hz is None
    assert hum.find_hum(tone(1000, 0.5, 3.0), FS).hz is None


def test_unbalanced_stereo() -> None:
    """Right at half the amplitude of left: +6.02 dB balance, correlation +1."""
    s = tone(440, 0.4)
    b = stereo.channel_balance(np.stack([s, 0.5 * s], axis=1))
    assert b is not None
    assert b.balance_db == pytest.approx(6.02, abs=0.01)
    assert b.correlation == pytest.approx(1.0, abs=1e-6)
    assert b.dead_channel is None


def test_inverted_and_dead_channels() -> None:
    """Opposite polarity reads correlation -1; a silent right channel is named dead; mono is None."""
    s = tone(440, 0.4)
    inv = stereo.channel_balance(np.stack([s, -s], axis=1))
    dead = stereo.channel_balance(np.stack([s, np.zeros_like(s)], axis=1))
    assert inv is not None and inv.correlation == pytest.approx(-1.0, abs=1e-6)
    assert dead is not None and dead.dead_channel == "right"
    assert stereo.channel_balance(s) is None


def test_ring_buffer_hands_out_newest_contiguously() -> None:
    """After wrapping, newest(N) is the last N frames written, in order."""
    rb = RingBuffer(channels=2, capacity=10)
    data = np.arange(46, dtype=np.float32).reshape(23, 2)
    for i in range(0, 23, 3):
        rb.write(data[i : i + 3])
    np.testing.assert_array_equal(rb.newest(7), data[-7:])
    np.testing.assert_array_equal(rb.newest(50), data[-10:])
    assert rb.written == 23


def test_ring_buffer_read_since_reports_lost_frames() -> None:
    """A reader that falls more than a buffer behind gets the newest frames and the lost count."""
    rb = RingBuffer(channels=1, capacity=8)
    rb.write(np.arange(5, dtype=np.float32)[:, None])
    got, pos, lost = rb.read_since(0)
    assert got[:, 0].tolist() == [0, 1, 2, 3, 4] and pos == 5 and lost == 0
    rb.write(np.arange(5, 25, dtype=np.float32)[:, None])  # 20 more, buffer holds 8
    got, pos, lost = rb.read_since(pos)
    assert got[:, 0].tolist() == list(range(17, 25)) and pos == 25 and lost == 12


def test_ring_buffer_block_larger_than_capacity() -> None:
    """A block bigger than the buffer keeps its newest part and counts every frame."""
    rb = RingBuffer(channels=1, capacity=4)
    rb.write(np.arange(10, dtype=np.float32)[:, None])
    assert rb.written == 10
    assert rb.newest(4)[:, 0].tolist() == [6, 7, 8, 9]
