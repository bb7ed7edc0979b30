"""Synthetic studio pictures with known faults: the fake camera for tests, demos and benchmarks.

A neutral grey set with texture (so focus is measurable), a drawn face that OpenCV's Haar
cascade finds, a band that slides sideways (motion that keeps the mean level constant, so it
reads as neither frozen nor flicker) and a little sensor noise. Faults are applied as a camera
or a light would cause them: exposure and white balance in linear light, blur as defocus,
flicker as a rolling shutter sampling a 100 Hz light.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[Any]
FAULTS = (
    "clean",
    "blurred",
    "dark",
    "overexposed",
    "warm",
    "cool",
    "frozen",
    "black",
    "flicker100",
    "uneven",
)

_v = np.arange(256, dtype=np.float64) / 255.0
_TO_LIN = np.where(_v <= 0.04045, _v / 12.92, ((_v + 0.055) / 1.055) ** 2.4)
_l = np.linspace(0.0, 1.0, 4096)
_ENCODE_LUT = (
    255.0 * np.where(_l <= 0.0031308, _l * 12.92, 1.055 * _l ** (1 / 2.4) - 0.055)
).astype(np.float32)


def draw_face(
    img: U8,
    cx: int,
    cy: int,
    s: int,
    skin: tuple[int, int, int] = (105, 128, 165),
) -> None:
    """A frontal face simple enough to draw and real enough for the Haar cascade."""
    cv2.ellipse(img, (cx, cy), (int(0.75 * s), s), 0, 0, 360, skin, -1, cv2.LINE_AA)
    cv2.ellipse(
        img,
        (cx, cy - int(0.55 * s)),
        (int(0.8 * s), int(0.5 * s)),
        0,
        180,
        360,
        (30, 30, 40),
        -1,
        cv2.LINE_AA,
    )
    for dx in (-1, 1):
        cv2.ellipse(
            img,
            (cx + dx * int(0.32 * s), cy - int(0.3 * s)),
            (int(0.2 * s), int(0.05 * s)),
            0,
            0,
            360,
            (40, 40, 50),
            -1,
            cv2.LINE_AA,
        )
        cv2.ellipse(
            img,
            (cx + dx * int(0.32 * s), cy - int(0.12 * s)),
            (int(0.14 * s), int(0.07 * s)),
            0,
            0,
            360,
            (50, 40, 40),
            -1,
            cv2.LINE_AA,
        )
    cv2.line(
        img,
        (cx, cy - int(0.05 * s)),
        (cx - int(0.05 * s), cy + int(0.25 * s)),
        (80, 95, 125),
        max(1, s // 20),
        cv2.LINE_AA,
    )
    cv2.ellipse(
        img,
        (cx, cy + int(0.5 * s)),
        (int(0.25 * s), int(0.07 * s)),
        0,
        0,
        360,
        (60, 50, 130),
        -1,
        cv2.LINE_AA,
    )


def base_scene(width: int, height: int, seed: int = 7) -> U8:
    """The still part of the set: neutral background, texture, a product shelf, a face."""
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, height)[:, None]
    bg = (100 + 25 * y).astype(np.float64) * np.ones((1, width))
    img = np.repeat(bg[:, :, None], 3, axis=2).astype(np.uint8)
    # Texture everywhere below the face: fine detail is what focus is measured on.
    cells = rng.integers(60, 190, size=(height // 4 + 1, width // 4 + 1), dtype=np.uint8)
    tex: U8 = cv2.resize(cells, (width, height), interpolation=cv2.INTER_NEAREST)
    band = slice(int(height * 0.78), height)
    img[band] = np.repeat(tex[band][:, :, None], 3, axis=2)
    s = max(8, height // 4)
    for i in range(6):  # "products" on a shelf, neutral-ish so the set stays grey overall
        x0 = int(width * (0.05 + i * 0.15))
        shade = 70 + 20 * i
        cv2.rectangle(
            img,
            (x0, int(height * 0.12)),
            (x0 + s // 2, int(height * 0.3)),
            (shade, shade, shade),
            -1,
        )
    cv2.putText(
        img,
        "LIVE 12:00",
        (int(width * 0.03), int(height * 0.7)),
        cv2.FONT_HERSHEY_SIMPLEX,
        height / 360,
        (230, 230, 230),
        max(1, height // 180),
        cv2.LINE_AA,
    )
    draw_face(img, width // 2, int(height * 0.48), s)
    return img


def frames(
    fault: str,
    width: int = 320,
    height: int = 180,
    fps: float = 30.0,
    seconds: float = 2.0,
    seed: int = 7,
) -> Iterator[U8]:
    """The frames of a synthetic video with one fault (one of FAULTS)."""
    if fault not in FAULTS:
        raise ValueError(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
    rng = np.random.default_rng(seed)
    base = base_scene(width, height, seed)
    n = round(seconds * fps)
    stripe = slice(int(height * 0.62), int(height * 0.76))
    # Work in float32 linear light, once per video where possible: ~1 ms a frame at 320x180.
    lin_base: npt.NDArray[Any] = _TO_LIN.astype(np.float32)[base]
    if fault == "blurred":
        lin_base = cv2.GaussianBlur(lin_base, (0, 0), max(1.5, height / 90))
    gain = np.ones((1, width, 3), np.float32)
    if fault == "uneven":
        # Key light from camera-right and no fill: the face's left half falls off.
        x = (np.arange(width) - width / 2) / (0.03 * width)
        gain = gain * (0.25 + 0.85 / (1 + np.exp(-x)))[None, :, None].astype(np.float32)
    gain = gain * np.float32({"dark": 1 / 8, "overexposed": 4.0}.get(fault, 1.0))
    rgb_gain = {"warm": (1.45, 1.0, 0.55), "cool": (0.6, 1.0, 1.6)}.get(fault)
    if rgb_gain is not None:
        gain = gain * np.array(rgb_gain[::-1], np.float32)[None, None, :]
    lin_base = lin_base * gain
    rows = (np.arange(height, dtype=np.float32) / height)[:, None, None]
    noise_bank = [rng.normal(0, 2.0, base.shape).astype(np.float32) for _ in range(7)]
    held: U8 | None = None
    for i in range(n):
        lin = lin_base.copy()
        lin[stripe] = np.roll(lin_base[stripe], (i * 3) % width, axis=1)
        if fault == "flicker100":
            # Rolling shutter: row r is read r/height of a frame period after the first row.
            t = i / fps + rows / fps
            lin = lin * (1.0 + 0.25 * np.sin(2 * math.pi * 100.0 * t)).astype(np.float32)
        enc = _ENCODE_LUT[np.clip(lin * 4095.0, 0, 4095).astype(np.int32)]
        out = np.clip(enc + noise_bank[i % 7], 0, 255).astype(np.uint8)
        if fault == "black" and n * 0.3 <= i < n * 0.3 + fps:
            out = np.zeros_like(out)
        if fault == "frozen" and i >= n * 0.4:
            held = out if held is None else held
            out = held
        yield out


SCENES = ("clean", "blinds", "shirt", "shelves")


def _shelves(lin: npt.NDArray[Any], width: int, height: int) -> None:
    """Product shelves on the back wall: boards across the width, the anchor in front."""
    thick = max(2, height // 60)
    for y in (int(height * 0.36), int(height * 0.62), int(height * 0.88)):
        for x0, x1 in ((0, int(width * 0.36)), (int(width * 0.64), width)):
            lin[y - thick : y, x0:x1] = 0.55  # the lit front edge
            lin[y : y + 2 * thick, x0:x1] = 0.02  # its shadow


def _blinds(lin: npt.NDArray[Any], width: int, height: int) -> None:
    """A bright window with horizontal slats, camera-right behind the anchor (in place)."""
    y0, y1 = int(height * 0.04), int(height * 0.56)
    x0, x1 = int(width * 0.62), int(width * 0.97)
    rows = np.arange(y0, y1)
    period = max(4, height // 36)
    slat = ((rows - y0) % period) < period * 0.45
    light = np.where(slat, 0.12, 0.75).astype(np.float32)
    lin[y0:y1, x0:x1] = light[:, None, None]


def _shirt(lin: npt.NDArray[Any], width: int, height: int, i: int, fps: float) -> None:
    """The anchor's striped shirt below the face, moving as a person does (in place)."""
    t = i / fps
    dy = round(height * 0.03 * math.sin(2 * math.pi * 0.7 * t))
    dx = round(width * 0.04 * math.sin(2 * math.pi * 0.45 * t + 1.0))
    y0 = int(height * 0.66) + dy
    x0, x1 = int(width * 0.34) + dx, int(width * 0.66) + dx
    rows = np.arange(max(0, y0), height)
    period = max(4, height // 16)
    stripe = ((rows - y0) % period) < period / 2
    shade = np.where(stripe, 0.05, 0.55).astype(np.float32)
    lin[rows[0] :, max(0, x0) : min(width, x1)] = shade[:, None, None]


def studio_frames(
    fps: float,
    light_hz: float | None = None,
    depth: float = 0.0,
    *,
    scene: str = "clean",
    width: int = 320,
    height: int = 180,
    seconds: float = 3.0,
    readout: float = 1.0,
    seed: int = 7,
) -> Iterator[U8]:
    """Frames of the set under a flickering light, seen by a rolling-shutter camera.

    `depth` is the light's modulation (linear light, 0.1 = ±10 %); row r of a frame is read
    `readout * r / height` frame periods after the first, so a light at a multiple of the
    frame rate draws bands that stand still and any other rate draws bands that roll.
    `scene` adds horizontal stripes that belong to the set: "blinds" (a window with slats,
    still), "shirt" (the anchor's striped shirt, moving) or "shelves" (boards across the back
    wall); "clean" has none. Content moves
    in every scene (the sliding shelf band, and the shirt).
    """
    if scene not in SCENES:
        raise ValueError(f"unknown scene {scene!r}; one of {', '.join(SCENES)}")
    rng = np.random.default_rng(seed)
    base = base_scene(width, height, seed)
    lin_base: npt.NDArray[Any] = _TO_LIN.astype(np.float32)[base]
    if scene == "blinds":
        _blinds(lin_base, width, height)
    elif scene == "shelves":
        _shelves(lin_base, width, height)
    stripe = slice(int(height * 0.62), int(height * 0.76))
    rows = (np.arange(height, dtype=np.float64) / height)[:, None, None]
    noise_bank = [rng.normal(0, 2.0, base.shape).astype(np.float32) for _ in range(7)]
    for i in range(round(seconds * fps)):
        lin = lin_base.copy()
        lin[stripe] = np.roll(lin_base[stripe], (i * 3) % width, axis=1)
        if scene == "shirt":
            _shirt(lin, width, height, i, fps)
        if light_hz and depth:
            t = i / fps + readout * rows / fps
            lin = lin * (1.0 + depth * np.sin(2 * math.pi * light_hz * t)).astype(np.float32)
        enc = _ENCODE_LUT[np.clip(lin * 4095.0, 0, 4095).astype(np.int32)]
        yield np.clip(enc + noise_bank[i % 7], 0, 255).astype(np.uint8)


def write_video(
    path: Path,
    fault: str,
    width: int = 320,
    height: int = 180,
    fps: float = 30.0,
    seconds: float = 2.0,
) -> Path:
    """An MJPG .avi (every frame a key frame, so a frozen frame decodes bit-identical)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
    if not writer.isOpened():
        raise RuntimeError(f"{path}: OpenCV cannot write MJPG video")
    try:
        for frame in frames(fault, width, height, fps, seconds):
            writer.write(frame)
    finally:
        writer.release()
    return path
