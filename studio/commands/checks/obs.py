"""`studio check obs [--json] [--show ID] [--host H] [--port P]`: the pre-show encoder check.

Exit codes as the camera check: 0 pass/warn, 1 fail, 2 OBS cannot be reached (message on
stderr; the failed check is still saved, so the review shows that OBS was not there).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.commands.checks import obs_config, profile_section
from studio.commands.common import guarded, open_store, print_json

_WORD = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


@guarded
def cmd_obs(args: argparse.Namespace) -> int:
    from studio.devices.checks_store import save_check
    from studio.devices.findings import exit_code
    from studio.obs.client import ObsClient
    from studio.obs.obs_check import run_check
    from studio.obs.thresholds import DEFAULTS

    cfg = profile_section("obs", DEFAULTS)
    obs_cfg = obs_config(args)
    store = open_store(args)
    client = ObsClient(obs_cfg, backoff=(0.5,)).start()
    try:
        result = run_check(client, cfg, connect_timeout=args.timeout)
        check_id = save_check(
            store, "obs", result.source, result.metrics, result.findings, show_id=args.show
        )
    finally:
        client.stop()
        store.close()
    unreachable = result.findings[0].check == "reachable" and result.findings[0].status == "fail"
    saved = f"saved as check #{check_id}" if check_id is not None else "queued offline"
    if args.json:
        print_json({**result.as_json(), "check_id": check_id})
    elif unreachable:
        # The reason goes to stderr once; listing every check as "not checked" says nothing more.
        skipped = len(result.findings) - 1
        print(
            f"obs check of {result.source}: OBS cannot be reached, {skipped} checks not run"
            f" (FAIL, {saved})"
        )
    else:
        print(f"obs check of {result.source}")
        for f in result.findings:
            print(f"  {_WORD[f.status]:4}  {f.check:<17} {f.message}")
        print(f"Overall: {_WORD[result.status]} ({saved})")
    sys.stdout.flush()
    if unreachable:
        print(f"studio: {result.findings[0].message}", file=sys.stderr)
        return 2
    return exit_code(result.status)


def register_check(sub: Any) -> None:
    p = sub.add_parser(
        "obs",
        help="check the encoder: OBS reachable, output format, program black/frozen, "
        "disk, stream configured",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--show", type=int, metavar="ID", help="attach the saved check to this show")
    p.add_argument("--host", help="OBS host (default: the saved setting)")
    p.add_argument("--port", type=int, help="obs-websocket port (default: the saved setting)")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for OBS")
    p.set_defaults(func=cmd_obs)
