"""Audio capture into a ring buffer: a live input device (sounddevice) or a file (soundfile).

The PortAudio callback only copies the block into the ring buffer and counts overflows. A
supervisor thread opens the stream (so `start()` never blocks the caller), notices a device that
disappears (stream no longer active, or no data for `stall_seconds`) and re-opens it when it comes
back. Readers (the monitor, a guided check, a one-shot recording) pull from `capture.ring`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from studio.devices.audio import devices
from studio.devices.audio.devices import InputDevice, SourceError
from studio.devices.audio.ringbuffer import RingBuffer

log = logging.getLogger(__name__)

StateCallback = Callable[[str, str], None]  # (state, message); called on a worker thread

# States: starting -> running <-> lost; file sources end in "ended"; stop() gives "stopped".
STARTING, RUNNING, LOST, ENDED, STOPPED, FAILED = (
    "starting",
    "running",
    "lost",
    "ended",
    "stopped",
    "failed",
)


class AudioCapture:
    """What readers rely on: ring, samplerate, channels, overflows, state. Subclasses fill it."""

    def __init__(
        self,
        name: str,
        samplerate: int,
        channels: int,
        buffer_seconds: float,
        on_state: StateCallback | None = None,
    ) -> None:
        self.name = name
        self.samplerate = int(samplerate)
        self.channels = int(channels)
        self.ring = RingBuffer(self.channels, max(1, int(buffer_seconds * self.samplerate)))
        self.overflows = 0
        self.lost_count = 0  # how many times the device went away
        self.state = STARTING
        self.message = ""
        self._on_state = on_state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._run, name=f"audio-capture:{self.name}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop and join the worker; safe to call twice or before start()."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("audio capture %s did not stop within %.1f s", self.name, timeout)
        self._thread = None
        if self.state not in (FAILED,):
            self._set_state(STOPPED, "stopped")

    @property
    def is_live(self) -> bool:
        """True for a device, False for a file (files may run faster than real time)."""
        return False

    def wait_for_data(self, timeout: float) -> bool:
        """Block (a worker or CLI thread, never the GUI) until the first frames arrive."""
        deadline = time.monotonic() + timeout
        while self.ring.written == 0:
            if self.state in (FAILED, ENDED, STOPPED) or time.monotonic() > deadline:
                return self.ring.written > 0
            time.sleep(0.02)
        return True

    def _set_state(self, state: str, message: str) -> None:
        if state == self.state and message == self.message:
            return
        self.state, self.message = state, message
        if self._on_state is not None:
            try:
                self._on_state(state, message)
            except Exception:  # a listener's bug must not kill capture
                log.exception("audio state listener failed")

    def _run(self) -> None:
        raise NotImplementedError


class DeviceCapture(AudioCapture):
    """A live PortAudio input, re-opened when it comes back after disappearing."""

    def __init__(
        self,
        device: InputDevice,
        samplerate: int | None = None,
        channels: int | None = None,
        buffer_seconds: float = 20.0,
        blocksize: int = 1024,
        stall_seconds: float = 1.5,
        warmup_seconds: float = 5.0,
        retry_seconds: float = 1.0,
        on_state: StateCallback | None = None,
    ) -> None:
        self.device = device
        channels = channels or min(device.channels, 2)
        samplerate = samplerate or _pick_samplerate(device, channels)
        super().__init__(device.name, samplerate, channels, buffer_seconds, on_state)
        self.blocksize = blocksize
        self.stall_seconds = stall_seconds
        self.warmup_seconds = warmup_seconds
        self.retry_seconds = retry_seconds
        self._stream: Any = None
        self._opened_once = threading.Event()

    @property
    def is_live(self) -> bool:
        return True

    def _callback(
        self, indata: npt.NDArray[np.float32], frames: int, time_info: Any, status: Any
    ) -> None:
        # Runs on PortAudio's thread: copy and count, nothing else (no logging, no locks).
        if status.input_overflow:
            self.overflows += 1
        self.ring.write(indata)

    def open_now(self, timeout: float = 5.0) -> None:
        """Start and wait until the first open attempt finished; raise SourceError if it failed.

        For the CLI, which must tell an unopenable device (exit 2) from a bad signal.
        """
        self.start()
        self._opened_once.wait(timeout)
        if self.state == FAILED or (self.state == LOST and self.lost_count == 0):
            self.stop()
            raise SourceError(f"cannot open input device {self.device.label()}: {self.message}")

    def _open(self) -> None:
        sd = devices._sd()
        stream = sd.InputStream(
            device=self.device.index,
            channels=self.channels,
            samplerate=self.samplerate,
            blocksize=self.blocksize,
            dtype="float32",
            callback=self._callback,
        )
        devices.stream_opened()
        try:
            stream.start()
        except Exception:
            self._close(stream)
            raise
        self._stream = stream

    def _close(self, stream: Any) -> None:
        with contextlib.suppress(Exception):
            stream.abort()
        with contextlib.suppress(Exception):
            stream.close()
        devices.stream_closed()

    def _reresolve(self) -> None:
        """After a failed re-open the index may have moved: rescan and find the device by name."""
        try:
            found = devices.find_device(self.device.name, devices.list_inputs(rescan=True))
        except SourceError:
            return
        self.device = found

    def _run(self) -> None:
        poll = 0.1
        opened_at = 0.0
        last_written = written_at_open = 0
        last_progress = 0.0
        while not self._stop.is_set():
            now = time.monotonic()
            if self._stream is None:
                try:
                    self._open()
                except Exception as exc:
                    first = not self._opened_once.is_set()
                    msg = _clean_error(exc)
                    if first:
                        self._set_state(FAILED if isinstance(exc, ValueError) else LOST, msg)
                        self._opened_once.set()
                        if self.state == FAILED:
                            return
                    else:
                        self._set_state(LOST, f"device unavailable: {msg}")
                    if self._stop.wait(self.retry_seconds):
                        break
                    self._reresolve()
                    continue
                opened_at = last_progress = now
                last_written = written_at_open = self.ring.written
                if self.state != RUNNING:
                    self._set_state(RUNNING, "recording")
                self._opened_once.set()
            else:
                written = self.ring.written
                if written != last_written:
                    last_written, last_progress = written, now
                # A fresh PortAudio stream often delivers nothing for ~2 s: allow a warm-up.
                warming = written == written_at_open and now - opened_at < self.warmup_seconds
                stalled = not warming and now - last_progress > self.stall_seconds
                if not self._stream.active or stalled:
                    reason = (
                        "stream stopped"
                        if not self._stream.active
                        else f"no audio for {now - last_progress:.1f} s"
                    )
                    self._close(self._stream)
                    self._stream = None
                    self.lost_count += 1
                    self._set_state(
                        LOST, f"device disappeared ({reason}); waiting for it to return"
                    )
                    continue
            self._stop.wait(poll)
        if self._stream is not None:
            self._close(self._stream)
            self._stream = None


class FileCapture(AudioCapture):
    """A WAV/FLAC file played into the ring buffer, paced to real time or as fast as possible."""

    def __init__(
        self,
        path: str | Path,
        paced: bool = True,
        loop: bool = False,
        buffer_seconds: float = 20.0,
        block_frames: int = 1024,
        on_state: StateCallback | None = None,
    ) -> None:
        import soundfile as sf

        from studio.devices.audio.decode import decode_to_wav

        self.path = Path(path)
        self._decoded: bytes | None = None  # m4a and the like, decoded by ffmpeg
        try:
            info = sf.info(str(self.path))
        except (RuntimeError, sf.LibsndfileError, OSError) as exc:
            self._decoded = decode_to_wav(self.path)
            if self._decoded is None:
                raise SourceError(
                    f"{self.path}: not a readable audio file ({_clean_error(exc)})"
                ) from exc
            info = sf.info(io.BytesIO(self._decoded))
        if info.frames == 0:
            raise SourceError(f"{self.path}: the audio file is empty")
        super().__init__(
            self.path.name, int(info.samplerate), int(info.channels), buffer_seconds, on_state
        )
        self.frames = int(info.frames)
        self.paced = paced
        self.loop = loop
        self.block_frames = block_frames

    def _blocks(self) -> Iterator[npt.NDArray[np.float32]]:
        import soundfile as sf

        while True:
            source = io.BytesIO(self._decoded) if self._decoded is not None else str(self.path)
            with sf.SoundFile(source) as f:
                yield from f.blocks(blocksize=self.block_frames, dtype="float32", always_2d=True)
            if not self.loop:
                return

    def _run(self) -> None:
        self._set_state(RUNNING, "playing file")
        t0 = time.monotonic()
        sent = 0
        try:
            for block in self._blocks():
                if self._stop.is_set():
                    return
                if self.paced:
                    due = t0 + sent / self.samplerate
                    delay = due - time.monotonic()
                    if delay > 0 and self._stop.wait(delay):
                        return
                self.ring.write(block)
                sent += block.shape[0]
        except Exception as exc:  # a file that breaks half-way: say so, keep what was read
            self._set_state(FAILED, f"{self.path}: read error ({_clean_error(exc)})")
            return
        self._set_state(ENDED, "end of file")


class ArrayCapture(FileCapture):
    """Synthetic audio (tests, demos) through the same path as a file."""

    def __init__(
        self,
        audio: npt.ArrayLike,
        samplerate: int,
        paced: bool = True,
        loop: bool = False,
        name: str = "synthetic",
        buffer_seconds: float = 20.0,
        block_frames: int = 1024,
        on_state: StateCallback | None = None,
    ) -> None:
        a = np.asarray(audio, dtype=np.float32)
        if a.ndim == 1:
            a = a[:, None]
        self._audio = a
        AudioCapture.__init__(self, name, samplerate, a.shape[1], buffer_seconds, on_state)
        self.path = Path(name)
        self.frames = a.shape[0]
        self.paced = paced
        self.loop = loop
        self.block_frames = block_frames

    def _blocks(self) -> Iterator[npt.NDArray[np.float32]]:
        while True:
            for start in range(0, self._audio.shape[0], self.block_frames):
                yield self._audio[start : start + self.block_frames]
            if not self.loop:
                return


def _pick_samplerate(device: InputDevice, channels: int) -> int:
    """48 kHz when the device takes it (the streaming standard), else its default rate."""
    try:
        devices._sd().check_input_settings(device=device.index, channels=channels, samplerate=48000)
        return 48000
    except Exception:
        return int(device.default_samplerate)


def _clean_error(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def open_capture(
    spec: str, *, paced: bool = True, loop: bool = False, on_state: StateCallback | None = None
) -> AudioCapture:
    """Build (not start) the capture for a `--source` string; SourceError if it cannot exist."""
    source = devices.resolve_source(spec)
    if isinstance(source, devices.FileSource):
        return FileCapture(source.path, paced=paced, loop=loop, on_state=on_state)
    return DeviceCapture(source.device, on_state=on_state)
