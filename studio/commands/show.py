"""`studio show create|list`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from studio.commands.common import (
    CommandError,
    guarded,
    open_store,
    print_json,
    yuan_to_cents,
)
from studio.script.errors import ScriptError
from studio.store.shows import create_show, list_shows
from studio.timeutil import parse_iso


@guarded
def cmd_create(args: argparse.Namespace) -> int:
    start = None
    if args.start:
        try:
            start = parse_iso(args.start)
        except ValueError as exc:
            raise CommandError(f"--start: not an ISO time: {args.start!r}", 2) from exc
    target = yuan_to_cents(args.gmv_target, "--gmv-target") if args.gmv_target else 0
    if args.script and not Path(args.script).exists():
        raise CommandError(f"{args.script}: no such file", 2)
    store = open_store(args)
    try:
        if args.script:
            from studio.script.store_io import create_show_from_script_file

            show_id = create_show_from_script_file(
                store, args.script, title=args.title, planned_start=start, gmv_target_cents=target
            )
        else:
            show_id = create_show(store, args.title, planned_start=start, gmv_target_cents=target)
    except ValueError as exc:
        script_error = exc if isinstance(exc, ScriptError) else exc.__cause__
        if isinstance(script_error, ScriptError):
            # One `FILE:LINE: message` per line, as `script validate` prints them.
            for issue in script_error.issues:
                print(issue, file=sys.stderr)
            return 1
        raise CommandError(str(exc), 1) from exc
    except SQLAlchemyError as exc:
        from studio.store.retry import describe

        raise CommandError(f"the show was not created: {describe(exc)}", 1) from None
    finally:
        store.close()
    print(show_id)
    return 0


@guarded
def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        shows = list_shows(store)
    finally:
        store.close()
    if args.json:
        print_json([s.as_json() for s in shows])
    elif not shows:
        print(
            "No shows yet. Create one with: studio show create --title T [--script FILE]"
            " (or open the demo: studio demo)"
        )
    else:
        for s in shows:
            start = (
                s.planned_start.astimezone().strftime("%Y-%m-%d %H:%M") if s.planned_start else "-"
            )
            print(
                f"{s.id:>5}  {s.status:<8} {start:<16}  ¥{s.gmv_target_cents / 100:>12,.2f}  {s.title}"
            )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="create and list shows")
    ssub = p.add_subparsers(dest="show_command", metavar="ACTION", required=True)
    c = ssub.add_parser("create", help="create a show and print its id")
    c.add_argument("--title", required=True)
    c.add_argument("--script", metavar="FILE", help="show script (YAML, XLSX or CSV) to load")
    c.add_argument("--gmv-target", metavar="YUAN")
    c.add_argument("--start", metavar="ISO", help="planned start, e.g. 2026-11-11T20:00+08:00")
    c.set_defaults(func=cmd_create)
    ls = ssub.add_parser("list", help="list shows")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
