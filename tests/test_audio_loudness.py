"""BS.1770-4 / EBU R128 loudness: EBU Tech 3341 and 3342 test signals, and agreement with pyloudnorm."""

from __future__ import annotations

import numpy as np
import pytest

from studio.devices.audio import loudness

FS = 48000


def sine(
    dbfs: float, seconds: float, fs: int = FS, channels: int = 2, freq: float = 1000.0
) -> np.ndarray:
    """A sine whose peak amplitude is `dbfs` (the EBU test signals' convention), on every channel."""
    t = np.arange(round(seconds * fs)) / fs
    s = 10.0 ** (dbfs / 20.0) * np.sin(2 * np.pi * freq * t)
    return np.repeat(s[:, None], channels, axis=1)


def seq(*parts: tuple[float, float]) -> np.ndarray:
    return np.concatenate([sine(db, sec) for db, sec in parts])


def speech_like(seconds: float, seed: int, level: float = 0.1, fs: int = FS) -> np.ndarray:
    """Syllable-rate bursts of band-limited noise plus a wandering voiced tone, stereo, with pauses."""
    from scipy import signal

    rng = np.random.default_rng(seed)
    n = int(seconds * fs)
    t = np.arange(n) / fs
    gate = (np.sin(2 * np.pi * 3.3 * t) + 0.6 * np.sin(2 * np.pi * 0.4 * t) > 0.2).astype(float)
    env = signal.lfilter([0.005], [1, -0.995], gate)
    f0 = 140 + 35 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(f0) / fs
    voiced = sum(np.sin(k * phase) / k for k in range(1, 12))
    b, a = signal.butter(2, [200 / (fs / 2), 4000 / (fs / 2)], "band")
    x = (0.4 * voiced + signal.lfilter(b, a, rng.standard_normal(n))) * env
    x = level * x / np.max(np.abs(x))
    right = 0.8 * x + 0.002 * rng.standard_normal(n)
    return np.stack([x, right], axis=1)


def test_k_weighting_matches_bs1770_table_at_48k() -> None:
    """The recomputed biquads equal the coefficients printed in BS.1770-4 at 48 kHz."""
    b1, a1, b2, a2 = loudness.k_weighting_biquads(48000)
    np.testing.assert_allclose(
        b1, [1.53512485958697, -2.69169618940638, 1.19839281085285], atol=1e-8
    )
    np.testing.assert_allclose(a1, [1.0, -1.69065929318241, 0.73248077421585], atol=1e-8)
    np.testing.assert_allclose(b2, [1.0, -2.0, 1.0])
    np.testing.assert_allclose(a2, [1.0, -1.99004745483398, 0.99007225036621], atol=1e-8)


def test_combined_filter_equals_cascaded_biquads() -> None:
    """The single 4th-order lfilter pass gives the same output as the two biquads in cascade."""
    from scipy import signal

    x = np.random.default_rng(3).standard_normal(FS * 2)
    b1, a1, b2, a2 = loudness.k_weighting_biquads(FS)
    cascaded = signal.lfilter(b2, a2, signal.lfilter(b1, a1, x))
    b, a = loudness.k_weighting_filter(FS)
    np.testing.assert_allclose(signal.lfilter(b, a, x), cascaded, atol=1e-9)


@pytest.mark.parametrize(("dbfs", "expected"), [(-23.0, -23.0), (-33.0, -33.0)])
def test_ebu3341_tests_1_and_2_steady_sine(dbfs: float, expected: float) -> None:
    """EBU 3341 tests 1-2: a 20 s stereo 1 kHz sine reads the same M, S and I (+/-0.1 LU)."""
    r = loudness.measure_loudness(sine(dbfs, 20.0), FS)
    assert r.integrated_lufs == pytest.approx(expected, abs=0.1)
    assert r.momentary_lufs_max == pytest.approx(expected, abs=0.1)
    assert r.short_term_lufs_max == pytest.approx(expected, abs=0.1)
    assert r.momentary_lufs == pytest.approx(expected, abs=0.1)


@pytest.mark.parametrize(
    "parts",
    [
        [(-36.0, 10.0), (-23.0, 60.0), (-36.0, 10.0)],  # test 3: relative gate
        [(-72.0, 10.0), (-36.0, 10.0), (-23.0, 60.0), (-36.0, 10.0), (-72.0, 10.0)],  # test 4
        [(-26.0, 20.0), (-20.0, 20.1), (-26.0, 20.0)],  # test 5
    ],
    ids=["test3", "test4", "test5"],
)
def test_ebu3341_tests_3_to_5_gating(parts: list[tuple[float, float]]) -> None:
    """EBU 3341 tests 3-5: tone sequences whose gated integrated loudness is -23.0 LUFS."""
    assert loudness.integrated_loudness(seq(*parts), FS) == pytest.approx(-23.0, abs=0.1)


@pytest.mark.parametrize(
    ("parts", "lra"),
    [
        ([(-20.0, 20.0), (-30.0, 20.0)], 10.0),
        ([(-20.0, 20.0), (-15.0, 20.0)], 5.0),
        ([(-40.0, 20.0), (-20.0, 20.0)], 20.0),
        ([(-50.0, 20.0), (-35.0, 20.0), (-20.0, 20.0), (-35.0, 20.0), (-50.0, 20.0)], 15.0),
    ],
    ids=["3342-1", "3342-2", "3342-3", "3342-4"],
)
def test_ebu3342_loudness_range(parts: list[tuple[float, float]], lra: float) -> None:
    """EBU Tech 3342 tests 1-4: loudness range of tone sequences (+/-1 LU)."""
    assert loudness.measure_loudness(seq(*parts), FS).loudness_range_lu == pytest.approx(
        lra, abs=1.0
    )


def test_other_sample_rate_reads_the_same() -> None:
    """The K-weighting recomputed for 44.1 kHz gives the same loudness for the same tone."""
    assert loudness.integrated_loudness(sine(-23.0, 10.0, fs=44100), 44100) == pytest.approx(
        -23.0, abs=0.1
    )


def test_mono_is_one_channel_not_two() -> None:
    """A mono signal reads 3 LU lower than the same signal on both stereo channels."""
    mono = loudness.integrated_loudness(sine(-23.0, 5.0, channels=1), FS)
    assert mono == pytest.approx(-26.0, abs=0.1)


def test_streaming_equals_batch() -> None:
    """Feeding odd-sized blocks gives the same figures as one call on the whole recording."""
    x = speech_like(12.0, seed=5)
    whole = loudness.measure_loudness(x, FS)
    meter = loudness.LoudnessMeter(FS, 2)
    rng = np.random.default_rng(0)
    i = 0
    while i < x.shape[0]:
        n = int(rng.integers(1, 5000))
        meter.feed(x[i : i + n])
        i += n
    streamed = meter.result()
    assert streamed.integrated_lufs == pytest.approx(whole.integrated_lufs, abs=1e-6)
    assert streamed.loudness_range_lu == pytest.approx(whole.loudness_range_lu, abs=1e-6)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_pyloudnorm_on_speech_like_material(seed: int) -> None:
    """Integrated loudness of modulated noise bursts agrees with pyloudnorm within 0.1 LU."""
    import pyloudnorm

    x = speech_like(20.0, seed=seed, level=0.05 * seed)
    ours = loudness.integrated_loudness(x, FS)
    ref = pyloudnorm.Meter(FS).integrated_loudness(x)
    assert ours == pytest.approx(ref, abs=0.1)


def test_silence_is_minus_infinity_not_a_crash() -> None:
    """Digital silence gates every block away: integrated loudness is -inf, LRA is 0."""
    r = loudness.measure_loudness(np.zeros((FS * 3, 2)), FS)
    assert r.integrated_lufs == -np.inf
    assert r.loudness_range_lu == 0.0


def test_too_short_for_a_block() -> None:
    """Less than 400 ms of audio has no momentary value and no integrated loudness."""
    r = loudness.measure_loudness(sine(-20.0, 0.3), FS)
    assert r.integrated_lufs == -np.inf
    assert r.momentary_lufs == -np.inf


def test_live_meter_history_is_bounded() -> None:
    """A live meter with limited history keeps only about that much, and still reads momentary."""
    meter = loudness.LoudnessMeter(FS, 2, history_seconds=5.0)
    block = sine(-23.0, 1.0)
    for _ in range(20):
        meter.feed(block)
    assert meter.segments().shape[0] <= 100
    assert meter.momentary() == pytest.approx(-23.0, abs=0.1)
    assert meter.short_term() == pytest.approx(-23.0, abs=0.1)
