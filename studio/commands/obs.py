"""`studio obs status [--json]` and `studio obs config [--host H] [--port P] [--password-stdin]`.

Status exit codes: 0 connected, 2 OBS unreachable or the password refused (message on stderr).
The password is never an argument (it would show in the process list and shell history): it is
read from stdin or asked for without echo, and stored in the keyring or a 0600 file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from studio.commands.common import CommandError, guarded, print_json


def _client(args: argparse.Namespace) -> Any:
    from studio.commands.checks import obs_config
    from studio.obs.client import ObsClient

    return ObsClient(obs_config(args), backoff=(0.5,)).start()


@guarded
def cmd_status(args: argparse.Namespace) -> int:
    from studio.obs.status import read_status

    client = _client(args)
    try:
        status = read_status(client, connect_timeout=args.timeout)
    finally:
        client.stop()
    connected = status["state"] == "connected"
    if args.json:
        print_json(status)
    else:
        _print_status(status)
    if not connected:
        print(f"studio: OBS at {status['address']}: {status['message']}", file=sys.stderr)
        return 2
    return 0


def _fmt(v: Any, unit: str = "") -> str:
    return "n/a" if v is None else f"{v}{unit}"


def _print_status(s: dict[str, Any]) -> None:
    print(f"OBS at {s['address']}: {s['state']}")
    if s["state"] != "connected":
        return
    print(f"  version     OBS {s.get('obs_version')}, obs-websocket {s.get('websocket_version')}")
    if "error" in s:
        print(f"  error       {s['error']}")
        return
    rec = {True: "recording", False: "not recording", None: "n/a"}[s.get("recording")]
    print(f"  streaming   {s['streaming']}  ({_fmt(s['bitrate_kbps'], ' kbit/s')})")
    print(f"  recording   {rec}")
    print(f"  scene       {_fmt(s['scene'])}")
    print(f"  fps         {_fmt(s['fps'])} of {_fmt(s['target_fps'])}")
    print(f"  skipped     {_fmt(s['skipped_pct'], '%')} encoding, "
          f"{_fmt(s['dropped_pct'], '%')} network, {_fmt(s['missed_pct'], '%')} rendering")  # fmt: skip
    print(f"  congestion  {_fmt(s['congestion_pct'], '%')}")
    print(f"  render      {_fmt(s['render_ms'], ' ms')}, CPU {_fmt(s['cpu_pct'], '%')}")
    print(f"  disk free   {_fmt(s['disk_free_gb'], ' GB')}")


@guarded
def cmd_config(args: argparse.Namespace) -> int:
    from studio.obs import config

    current = config.load()
    password: str | None = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif args.ask_password:
        password = getpass.getpass("obs-websocket password (empty to forget it): ")
    try:
        saved = config.save(args.host or current.host, args.port or current.port, password)
    except config.ConfigError as exc:
        raise CommandError(str(exc), 2) from exc
    except OSError as exc:
        raise CommandError(f"cannot save the OBS settings: {exc}", 1) from exc
    state = {
        "host": saved.host,
        "port": saved.port,
        "password": "set" if saved.has_password else "not set",
        "password_store": config.password_store() if saved.has_password else None,
    }
    if args.json:
        print_json(state)
    else:
        where = f" (in the {state['password_store']})" if saved.has_password else ""
        print(f"OBS at {saved.address}, password {state['password']}{where}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("obs", help="the encoder link: OBS Studio over obs-websocket")
    osub = p.add_subparsers(dest="obs_command", metavar="COMMAND", required=True)

    st = osub.add_parser(
        "status", help="connection, version, streaming/recording state, fps, skipped %%"
    )
    st.add_argument("--host", help="OBS host (default: the saved setting)")
    st.add_argument("--port", type=int, help="obs-websocket port (default: the saved setting)")
    st.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for OBS")
    st.add_argument("--json", action="store_true", help="print one JSON object")
    st.set_defaults(func=cmd_status)

    cf = osub.add_parser("config", help="save the OBS address and password")
    cf.add_argument("--host", help="OBS host name or IP")
    cf.add_argument("--port", type=int, help="obs-websocket port (OBS default 4455)")
    pw = cf.add_mutually_exclusive_group()
    pw.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first stdin line"
    )
    pw.add_argument("--ask-password", action="store_true", help="ask for it without echo")
    cf.add_argument("--json", action="store_true", help="print the saved settings as JSON")
    cf.set_defaults(func=cmd_config)
