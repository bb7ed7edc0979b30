"""`studio say --show ID --to anchor --text T [--urgent]`: a message to the anchor's prompter."""

from __future__ import annotations

import argparse
from typing import Any

from studio.commands.common import CommandError, guarded, open_store


@guarded
def cmd_say(args: argparse.Namespace) -> int:
    from studio.demo import show_now
    from studio.talkback import messages as talkback

    store = open_store(args)
    try:
        try:
            sent = talkback.send(
                store,
                args.show,
                args.text,
                kind=args.kind,
                from_role=args.sender,
                to_role=args.to,
                urgent=args.urgent,
                expires_in_s=args.expires,
                ref=args.ref,
                at=show_now(store, args.show),  # a demo's message on its time
            )
        except talkback.TalkbackError as exc:
            raise CommandError(str(exc), 2) from exc
    finally:
        store.close()
    print(sent.id if sent.id is not None else f"queued {sent.uid}")
    return 0


def register(sub: Any) -> None:
    from studio.talkback.messages import KINDS, ROLES

    p = sub.add_parser("say", help="send a message to the anchor's prompter strip")
    p.add_argument("--show", type=int, required=True, help="show id")
    p.add_argument("--to", choices=ROLES, default="anchor", help="who reads it (default anchor)")
    p.add_argument("--text", required=True, help="the message")
    p.add_argument("--urgent", action="store_true", help="the strip blinks for 3 s")
    p.add_argument("--from", dest="sender", choices=ROLES, default="controller")
    p.add_argument("--kind", choices=KINDS, default="message")
    p.add_argument(
        "--expires",
        type=float,
        default=None,
        metavar="S",
        help="seconds on the strip (default 30; questions 60; 0 = until seen)",
    )
    p.add_argument("--ref", default=None, help="a reference of yours, for clearing it later")
    p.set_defaults(func=cmd_say)
