"""`studio check mic --source SRC [--seconds S] [--json] [--show ID]`: the headless mic check.

Exit codes: 0 pass or warn, 1 fail, 2 the source cannot be opened (message on stderr).
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from studio.commands.checks import (
    check_words,
    finding_line,
    overall_line,
    profile_section,
    require_show,
)
from studio.commands.common import CommandError, guarded, open_store, print_json
from studio.texts import Translate

DEFAULT_SECONDS = 5.0


def register_check(sub: Any) -> None:
    p = sub.add_parser(
        "mic",
        help="check a microphone (device index / name) or an audio file",
        description="Record from a microphone (or read a WAV/FLAC file) and check signal, clipping, "
        "loudness, true peak, noise, hum, balance and dropouts.",
    )
    p.add_argument(
        "--source",
        metavar="SRC",
        help="device index, device name (or a unique part of it), or an audio file path",
    )
    p.add_argument(
        "--seconds",
        type=float,
        metavar="S",
        help=f"how long to record (default {DEFAULT_SECONDS:g} s; a file: all of it)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--show", type=int, metavar="ID", help="attach the check to this show")
    p.add_argument("--list-devices", action="store_true", help="list audio input devices and exit")
    p.set_defaults(func=guarded(run))


def _list_devices(as_json: bool) -> int:
    from studio.devices.audio.devices import SourceError, list_inputs

    try:
        inputs = list_inputs()
    except SourceError as exc:
        raise CommandError(str(exc), 2) from exc
    if as_json:
        print_json(
            [
                {
                    "index": d.index,
                    "name": d.name,
                    "hostapi": d.hostapi,
                    "channels": d.channels,
                    "default_samplerate": d.default_samplerate,
                    "default": d.is_default,
                }
                for d in inputs
            ]
        )
    else:
        if not inputs:
            print("no audio input devices found")
        for d in inputs:
            print(f"{'*' if d.is_default else ' '} {d.index:3d}  {d.label()}")
    return 0


def _measure(source: str, seconds: float | None, thresholds: dict[str, Any]) -> Any:
    from studio.devices.audio import capture as cap
    from studio.devices.audio import mic_check as check
    from studio.devices.audio.devices import FileSource, SourceError, resolve_source

    try:
        resolved = resolve_source(source)
    except SourceError as exc:
        raise CommandError(str(exc), 2) from exc
    if isinstance(resolved, FileSource):
        audio, rate = _read_file(str(resolved.path), seconds)
        return check.analyse(audio, rate, source=source, thresholds=thresholds)
    capture = cap.DeviceCapture(resolved.device)
    try:
        capture.open_now()
        audio, dropouts, lost = check.record(capture, seconds or DEFAULT_SECONDS)
    except SourceError as exc:
        raise CommandError(str(exc), 2) from exc
    except check.RecordingError as exc:
        raise CommandError(str(exc), 2) from exc
    finally:
        capture.stop()
    return check.analyse(
        audio,
        capture.samplerate,
        source=source,
        dropouts=dropouts,
        device_lost=lost,
        thresholds=thresholds,
    )


def _read_file(path: str, seconds: float | None) -> tuple[Any, int]:
    import soundfile as sf

    try:
        with sf.SoundFile(path) as f:
            frames = -1 if seconds is None else int(seconds * f.samplerate)
            audio = f.read(frames, dtype="float32", always_2d=True)
            rate = int(f.samplerate)
    except (RuntimeError, sf.LibsndfileError, OSError) as exc:
        # libsndfile reads WAV, FLAC, OGG and MP3 but not phone recordings (m4a/AAC): ffmpeg
        # decodes those to WAV for it, channels and rate kept.
        from studio.devices.audio.decode import decode_to_wav

        decoded = decode_to_wav(path, seconds)
        if decoded is None:
            raise CommandError(
                f"{path}: not a readable audio file ({str(exc).strip()})", 2
            ) from exc
        with sf.SoundFile(io.BytesIO(decoded)) as f:
            audio = f.read(dtype="float32", always_2d=True)
            rate = int(f.samplerate)
    if audio.shape[0] == 0:
        raise CommandError(f"{path}: the audio file is empty", 2)
    return audio, rate


def run(args: argparse.Namespace) -> int:
    if args.list_devices:
        return _list_devices(args.json)
    if not args.source:
        raise CommandError(
            "give --source SRC (a device index or name, or an audio file); "
            "--list-devices shows the inputs",
            2,
        )
    if args.seconds is not None and not 0 < args.seconds <= 3600:
        raise CommandError(f"--seconds must be between 0 and 3600, got {args.seconds:g}", 2)
    from studio.devices.audio.thresholds import DEFAULTS
    from studio.devices.checks_store import save_check
    from studio.devices.findings import exit_code

    thresholds = profile_section("mic", DEFAULTS)
    store = open_store(args)
    try:
        require_show(store, args.show)
        result = _measure(args.source, args.seconds, thresholds)
        result_json = result.as_json()
        check_id = save_check(
            store, "mic", args.source, result.metrics, result.findings, show_id=args.show
        )
    finally:
        store.close()
    if args.json:
        print_json({**result_json, "check_id": check_id})
    else:
        _print_text(result, check_id, *check_words(args))
    return exit_code(result.status)


def _print_text(
    result: Any, check_id: int | None, translate: Translate, words: dict[str, str]
) -> None:
    out = sys.stdout
    out.write(f"Microphone check: {result.source} ({result.samplerate} Hz, {result.channels} ch)\n")
    for key, value in result.metrics.items():
        out.write(f"  {key:22s} {'-' if value is None else value}\n")
    for f in result.findings:
        out.write(f"  [{words[f.status]}] {f.check:9s} {finding_line(f, translate)}\n")
    out.write(overall_line(words[result.status], check_id, translate) + "\n")
