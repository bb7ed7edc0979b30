"""`studio check av --source SRC [--audio SRC] [--json] [--show ID]`: audio-video sync, and
`studio check av --make-pattern OUT.mp4`: the sync test pattern to play through the encoder.

Exit codes as the other checks: 0 pass/warn, 1 fail, 2 a source that cannot be read (message
on stderr). Every measurement is saved as a DeviceCheck (kind "av"). With `--apply-to INPUT`
the measured offset is applied to that OBS audio input's Sync Offset, after confirmation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from studio.commands.checks import profile_section, require_show
from studio.commands.common import CommandError, guarded, open_store, print_json

_WORD = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: give WIDTHxHEIGHT, e.g. 1280x720") from exc
    return w, h


def register_check(sub: Any) -> None:
    p = sub.add_parser(
        "av",
        help="check audio-video sync from flashes/claps and beeps (or write the sync pattern)",
        description="Measure how far the sound is from the picture (positive: sound late) from "
        "sync events: the app's sync pattern (--make-pattern), a flash with a beep, or a "
        "clapper board. Judged against ITU-R BT.1359 (profile section 'av').",
    )
    p.add_argument("--source", metavar="SRC", help="a recording, a stream URL or a camera")
    p.add_argument(
        "--audio",
        metavar="SRC",
        help="the sound: a recording started with the picture, or (live) an audio input",
    )
    p.add_argument("--seconds", type=float, metavar="S", help="how much to measure")
    p.add_argument(
        "--events",
        choices=("auto", "flash", "clap"),
        default="auto",
        help="what to look for in the picture (default: flashes if there are, else claps)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--show", type=int, metavar="ID", help="attach the saved check to this show")
    p.add_argument(
        "--apply-to",
        metavar="INPUT",
        help="apply the measured offset to this OBS audio input's Sync Offset (asks first)",
    )
    p.add_argument("--yes", action="store_true", help="with --apply-to: do not ask")
    p.add_argument("--make-pattern", metavar="OUT.mp4", help="write the sync test pattern")
    p.add_argument("--pattern-seconds", type=float, default=30.0, help="its length (default 30)")
    p.add_argument("--fps", type=float, default=30.0, help="its frame rate (default 30)")
    p.add_argument("--size", type=_size, default=(1280, 720), help="its size (default 1280x720)")
    p.set_defaults(func=guarded(run))


def _make_pattern(args: argparse.Namespace) -> int:
    from studio.devices.av.media import MediaError
    from studio.devices.av.pattern import make_pattern

    out = Path(args.make_pattern).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"{out.parent}: no such folder", 2)
    try:
        make_pattern(out, args.pattern_seconds, args.fps, args.size)
    except (ValueError, MediaError) as exc:
        raise CommandError(str(exc), 2) from exc
    if args.json:
        print_json({"pattern": str(out), "seconds": args.pattern_seconds, "fps": args.fps})
    else:
        print(
            f"wrote {out}: {args.pattern_seconds:g} s at {args.fps:g} fps, a flash and a beep "
            "every second. Play it through the encoder (an OBS media source) or on a phone in "
            "front of the camera, record, then: studio check av --source RECORDING"
        )
    return 0


def run(args: argparse.Namespace) -> int:
    if args.make_pattern:
        return _make_pattern(args)
    if not args.source:
        raise CommandError("give --source SRC (or --make-pattern OUT.mp4)", 2)
    if args.seconds is not None and not 0 < args.seconds <= 3600:
        raise CommandError(f"--seconds must be between 0 and 3600, got {args.seconds:g}", 2)
    from studio.devices.av.av_check import AvSourceError, run_av_check
    from studio.devices.av.thresholds import DEFAULTS
    from studio.devices.checks_store import save_check
    from studio.devices.findings import exit_code

    cfg = profile_section("av", DEFAULTS)
    store = open_store(args)
    try:
        require_show(store, args.show)
        try:
            result = run_av_check(
                args.source, args.audio, seconds=args.seconds, cfg=cfg, kind=args.events
            )
        except AvSourceError as exc:
            raise CommandError(f"cannot read the source: {exc}", 2) from exc
        check_id = save_check(
            store, "av", result.source, result.metrics, result.findings, show_id=args.show
        )
    finally:
        store.close()
    if args.json:
        print_json({**result.as_json(), "check_id": check_id})
    else:
        f = result.findings[0]
        conf = result.estimate.confidence
        print(f"A/V sync check of {result.source}: {result.metrics.get('event_kind')} events")
        print(f"  {_WORD[f.status]:4}  {f.check:<6} {f.message} (confidence {conf:.2f})")
        print(f"Overall: {_WORD[result.status]} (saved as check #{check_id})")
    sys.stdout.flush()
    if args.apply_to:
        _apply(args, result)
    return exit_code(result.status)


def _apply(args: argparse.Namespace, result: Any) -> None:
    """Apply the offset to an OBS input, after confirmation (stderr: stdout may be JSON)."""
    from studio.obs import config
    from studio.obs.client import ObsClient, ObsError
    from studio.obs.sync_offset import corrected_offset, get_sync_offset, set_sync_offset

    offset = result.offset_ms
    cfg = {**result.metrics}
    if offset is None or result.estimate.confidence < 0.5 or cfg.get("events", 0) < 3:
        print("studio: no reliable offset measured: nothing applied", file=sys.stderr)
        return
    client = ObsClient(config.load(), backoff=(0.5,)).start()
    try:
        if not client.wait_connected(5.0):
            raise CommandError(f"OBS not reachable ({client.message}): nothing applied", 2)
        try:
            old = get_sync_offset(client, args.apply_to)
            new = corrected_offset(old, offset)
            question = (
                f"Set the Sync Offset of OBS input {args.apply_to!r} from {old} ms to {new} ms "
                f"(sound measured {offset:+.0f} ms)? [y/N] "
            )
            if not args.yes:
                print(question, end="", file=sys.stderr, flush=True)
                if sys.stdin.readline().strip().lower() not in ("y", "yes"):
                    print("studio: not applied", file=sys.stderr)
                    return
            set_sync_offset(client, args.apply_to, new)
        except (ObsError, TimeoutError) as exc:
            raise CommandError(f"OBS input {args.apply_to!r}: {exc}", 2) from exc
        print(
            f"studio: Sync Offset of {args.apply_to!r} is now {new} ms (was {old})", file=sys.stderr
        )
    finally:
        client.stop()
