"""`studio action add|list|done`: actions decided in a show's review (复盘), carried into the
next show's readiness gate and report.

  studio action add --show ID --what TEXT [--owner NAME] [--due next|YYYY-MM-DD|ISO]
  studio action list --show ID [--json]     decided in this review, and carried into this show
  studio action done ID [--note TEXT] [--undo]
"""

from __future__ import annotations

import argparse
from datetime import datetime, time
from typing import Any

from studio.commands.common import CommandError, guarded, open_store, print_json
from studio.store.shows import ShowNotFound
from studio.timeutil import parse_iso


def parse_due(text: str | None) -> datetime | None:
    """ "next" (or nothing): the next show; a date means by the end of that day, local time."""
    if text is None or text.strip().lower() in ("", "next", "next_show", "下一场"):
        return None
    t = text.strip()
    try:
        if len(t) == 10:  # a date alone: due by the end of that day
            day = datetime.fromisoformat(t).date()
            return datetime.combine(day, time(23, 59, 59)).astimezone()
        return parse_iso(t)
    except ValueError as exc:
        raise CommandError(f"--due: 'next' or a date (YYYY-MM-DD), not {text!r}", 2) from exc


@guarded
def cmd_action(args: argparse.Namespace) -> int:
    from studio.planning.review_actions import (
        ActionError,
        actions_for_show,
        add_action,
        list_actions,
        set_done,
    )

    due = parse_due(args.due) if args.op == "add" else None
    store = open_store(args)
    try:
        if args.op == "add":
            action_id = add_action(store, args.show, args.what, args.owner or "", due)
            print(f"action #{action_id} recorded for the review of show {args.show}")
        elif args.op == "done":
            a = set_done(store, args.id, not args.undo, args.note or "")
            print(f"action #{a.id} {'done' if a.done else 'open again'}: {a.what}")
        else:
            mine, carried = list_actions(store, args.show), actions_for_show(store, args.show)
            if args.json:
                print_json(
                    {
                        "show": args.show,
                        "decided_here": [a.as_json() for a in mine],
                        "carried_in": [a.as_json() for a in carried],
                    }
                )
                return 0
            print(f"decided in the review of show {args.show}: {len(mine)}")
            for a in mine:
                due_text = "next show" if a.due_at is None else a.due_at.date().isoformat()
                state = "done" if a.done else "open"
                print(f"  #{a.id} [{state}] {a.what} — {a.owner or '—'}, due {due_text}")
            print(f"carried in from earlier reviews: {len(carried)}")
            for a in carried:
                state = "done" if a.done else ("open, due" if a.due_here else "open, not due yet")
                print(f"  #{a.id} [{state}] {a.what} — {a.owner or '—'} (from {a.origin_title})")
    except ShowNotFound as exc:
        raise CommandError(str(exc), 1) from exc
    except ActionError as exc:
        raise CommandError(str(exc), 2 if args.op == "add" else 1) from exc
    finally:
        store.close()
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "action",
        help="review actions: record, list, mark done",
        description="Actions decided in a show's review; open ones appear in the next show's "
        "readiness gate and report.",
    )
    ops = p.add_subparsers(dest="op", required=True, metavar="OP")
    add = ops.add_parser("add", help="record an action decided in a show's review")
    add.add_argument("--show", type=int, required=True, metavar="ID", help="the reviewed show")
    add.add_argument("--what", required=True, help="what is to be done")
    add.add_argument("--owner", help="who does it")
    add.add_argument("--due", help="'next' (default: the next show) or a date YYYY-MM-DD")
    lst = ops.add_parser("list", help="a show's actions and those carried into it")
    lst.add_argument("--show", type=int, required=True, metavar="ID")
    lst.add_argument("--json", action="store_true")
    done = ops.add_parser("done", help="mark an action done (or --undo)")
    done.add_argument("id", type=int)
    done.add_argument("--note", help="what was done")
    done.add_argument("--undo", action="store_true", help="open it again")
    p.set_defaults(func=cmd_action)
