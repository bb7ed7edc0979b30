"""`studio messages --show ID [--json]`: the show's talkback messages, seen or expired."""

from __future__ import annotations

import argparse
from typing import Any

from studio.commands.common import CommandError, guarded, open_store, print_json


@guarded
def cmd_messages(args: argparse.Namespace) -> int:
    from studio.demo import show_now
    from studio.store.shows import get_show
    from studio.talkback import messages as talkback

    store = open_store(args)
    try:
        try:
            get_show(store, args.show)
        except LookupError as exc:
            raise CommandError(str(exc), 2) from exc
        rows = talkback.list_messages(store, args.show, kind=args.kind)
        now = show_now(store, args.show)  # seen/expired on the show's time
    finally:
        store.close()
    if args.json:
        print_json([m.as_json(now) for m in rows])
        return 0
    if not rows:
        print(f"show {args.show}: no messages")
    for m in rows:
        flags = "!" if m.urgent else " "
        by = f"rule {m.rule}" if m.rule else m.from_role
        print(f"{m.at.astimezone():%H:%M:%S} {flags} {by} -> {m.to_role}: {m.text} "
              f"[{m.state(now)}]")  # fmt: skip
    return 0


def register(sub: Any) -> None:
    from studio.talkback.messages import KINDS

    p = sub.add_parser("messages", help="list a show's talkback messages")
    p.add_argument("--show", type=int, required=True, help="show id")
    p.add_argument("--kind", choices=KINDS, default=None)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_messages)
