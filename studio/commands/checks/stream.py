"""`studio check stream [--seconds 10] [--json] [--show ID] [--keep]`: the stream test.

Runs the OBS check, then a test recording through OBS (10 s of the program) analysed by the
camera, mic and A/V sync checks: resolution, frame rate, frozen/black picture, signal,
loudness, peaks, sync. Both are saved (kinds "obs" and "stream_test"); the readiness gate's
"stream test" item reads them. Exit codes: 0 pass/warn, 1 fail, 2 OBS unreachable or the
recording unreadable (message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.commands.checks import obs_config, profile_section, require_show
from studio.commands.common import CommandError, guarded, open_store, print_json

_WORD = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


def register_check(sub: Any) -> None:
    p = sub.add_parser(
        "stream",
        help="the stream test: the OBS check plus a short test recording through OBS, "
        "analysed for picture, sound and sync",
    )
    p.add_argument("--seconds", type=float, default=10.0, help="test recording length (10)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--show", type=int, metavar="ID", help="attach the saved checks to this show")
    p.add_argument("--keep", action="store_true", help="keep the test recording")
    p.add_argument("--host", help="OBS host (default: the saved setting)")
    p.add_argument("--port", type=int, help="obs-websocket port (default: the saved setting)")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for OBS")
    p.set_defaults(func=guarded(run))


def _print(title: str, status: str, findings: list[dict[str, Any]], check_id: int | None) -> None:
    print(title)
    for f in findings:
        print(f"  {_WORD[f['status']]:4}  {f['check']:<17} {f['message']}")
    saved = f"saved as check #{check_id}" if check_id is not None else "queued offline"
    print(f"  -> {_WORD[status]} ({saved})")


def run(args: argparse.Namespace) -> int:
    if not 1.0 <= args.seconds <= 120.0:
        raise CommandError(f"--seconds must be between 1 and 120, got {args.seconds:g}", 2)
    from studio.devices.audio.thresholds import DEFAULTS as MIC
    from studio.devices.av.thresholds import DEFAULTS as AV
    from studio.devices.camera.thresholds import DEFAULTS as CAMERA
    from studio.devices.checks_store import save_check
    from studio.devices.findings import exit_code, worst
    from studio.obs.client import ObsClient, ObsError
    from studio.obs.obs_check import run_check
    from studio.obs.stream_test import run_stream_test
    from studio.obs.thresholds import DEFAULTS as OBS

    cfgs = {
        "obs": profile_section("obs", OBS),
        "camera": profile_section("camera", CAMERA),
        "mic": profile_section("mic", MIC),
        "av": profile_section("av", AV),
    }
    obs_cfg = obs_config(args)
    store = open_store(args)
    try:
        require_show(store, args.show)
    except CommandError:
        store.close()
        raise
    client = ObsClient(obs_cfg, backoff=(0.5,)).start()
    try:
        obs = run_check(client, cfgs["obs"], connect_timeout=args.timeout)
        obs_id = save_check(store, "obs", obs.source, obs.metrics, obs.findings, args.show)
        first = obs.findings[0]
        if first.check == "reachable" and first.status == "fail":
            if args.json:
                print_json({"obs": {**obs.as_json(), "check_id": obs_id}, "stream_test": None})
            raise CommandError(first.message, 2)
        try:
            test = run_stream_test(
                client,
                args.seconds,
                camera_cfg=cfgs["camera"],
                mic_cfg=cfgs["mic"],
                av_cfg=cfgs["av"],
                keep=args.keep,
            )
        except (ObsError, TimeoutError) as exc:
            raise CommandError(f"test recording: {exc}", 2) from exc
        test_id = save_check(
            store, "stream_test", test.source, test.metrics, test.findings, args.show
        )
    finally:
        client.stop()
        store.close()
    status = worst([*obs.findings, *test.findings])
    if args.json:
        print_json(
            {
                "status": status,
                "obs": {**obs.as_json(), "check_id": obs_id},
                "stream_test": {**test.as_json(), "check_id": test_id},
            }
        )
    else:
        _print(f"obs check of {obs.source}", obs.status, obs.as_json()["findings"], obs_id)
        _print("test recording", test.status, test.as_json()["findings"], test_id)
        if test.metrics.get("recording"):
            print(f"  kept: {test.metrics['recording']}")
        print(f"Overall: {_WORD[status]}")
    sys.stdout.flush()
    return exit_code(status)
