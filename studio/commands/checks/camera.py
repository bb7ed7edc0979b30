"""`studio check camera --source SRC [--seconds S] [--json] [--show ID]`.

Exit codes: 0 pass/warn, 1 fail, 2 a source that cannot be opened (message on stderr).
Every run is saved as a DeviceCheck so the review shows what was checked before the show.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.commands.checks import (
    check_words,
    finding_line,
    overall_line,
    profile_section,
    require_show,
)
from studio.commands.common import CommandError, guarded, ljust_display, open_store, print_json
from studio.texts import Translate


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--source",
        required=True,
        metavar="SRC",
        help="camera number (0), /dev/videoN, stream URL (rtsp/rtmp/udp/http) or video file",
    )
    p.add_argument(
        "--seconds",
        type=float,
        default=5.0,
        metavar="S",
        help="how long to measure (default 5; stream time for files)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--show", type=int, metavar="ID", help="attach the saved check to this show")
    p.add_argument("--width", type=int, help="ask a camera for this width")
    p.add_argument("--height", type=int, help="ask a camera for this height")
    p.add_argument("--fps", type=float, help="ask a camera for this frame rate")


def run(args: argparse.Namespace, kind: str) -> int:
    from studio.devices.camera.camera_check import run_check
    from studio.devices.camera.sources import SourceError, parse_source
    from studio.devices.camera.thresholds import DEFAULTS
    from studio.devices.checks_store import save_check
    from studio.devices.findings import exit_code

    if args.seconds <= 0:
        raise CommandError("--seconds must be more than 0", 2)
    cfg = profile_section("camera", DEFAULTS)
    try:
        spec = parse_source(args.source)
    except SourceError as exc:
        raise CommandError(str(exc), 2) from exc
    store = open_store(args)
    try:
        require_show(store, args.show)
        try:
            result = run_check(
                spec, args.seconds, cfg, kind, width=args.width, height=args.height, fps=args.fps
            )
        except SourceError as exc:
            raise CommandError(f"cannot open the source: {exc}", 2) from exc
        check_id = save_check(
            store, kind, result.source, result.metrics, result.findings, show_id=args.show
        )
    finally:
        store.close()
    if args.json:
        print_json({**result.as_json(), "check_id": check_id})
    else:
        _print_human(result, check_id, *check_words(args))
    return exit_code(result.status)


def _print_human(
    result: Any, check_id: int | None, translate: Translate, words: dict[str, str]
) -> None:
    res = result.as_json()
    fps = res["fps_measured"]
    fps_text = f"{fps:.1f} fps" if fps is not None else "no frame rate"
    print(
        f"{res['kind']} check of {res['source']}: {res['width']}x{res['height']}, "
        f"{res['frames']} frames, {fps_text}"
    )
    for f in result.findings:
        print(f"  {ljust_display(words[f.status], 6)}{f.check:<17} {finding_line(f, translate)}")
    print(overall_line(words[res["status"]], check_id, translate))
    sys.stdout.flush()


@guarded
def cmd_camera(args: argparse.Namespace) -> int:
    return run(args, "camera")


def register_check(sub: Any) -> None:
    p = sub.add_parser(
        "camera",
        help="check the camera: frame rate, focus, exposure, colour, "
        "flicker, frozen/black frames, lighting",
    )
    add_arguments(p)
    p.set_defaults(func=cmd_camera)
