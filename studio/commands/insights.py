"""`studio insights [--from ISO] [--to ISO] [--json]`: what worked across the live shows.

GMV and viewers per hour by weekday x start hour, each product's history, segment kinds by what
they bring, and each anchor. The window selects shows by their start: [from, to).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from studio.commands.common import CommandError, guarded, open_store, print_json
from studio.timeutil import parse_iso

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _when(text: str | None, flag: str) -> datetime | None:
    if not text:
        return None
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise CommandError(f"{flag}: not an ISO time: {text!r}", 2) from exc


def _print_text(ins: Any) -> None:
    from studio.metrics import fmt

    print(f"{ins.shows} live show(s), {ins.hours:,.1f} h")
    if ins.slots:
        print("\nslot (weekday, start hour)   shows   GMV/hour        viewers/hour")
        for r in ins.slots:
            print(
                f"  {WEEKDAYS[r.weekday]} {r.hour:02d}:00{'':16}{r.shows:>5}   "
                f"{fmt.money_cents(r.gmv_per_hour_cents, 0):>14}  {fmt.count(r.viewers_per_hour):>12}"
            )
    if ins.products:
        print("\nproduct                  shows   GMV              CVR     sell-through")
        for p in ins.products:
            print(
                f"  {p.sku:<22} {p.shows:>5}   {fmt.money_cents(p.gmv_cents, 0):>14}  "
                f"{fmt.rate(p.cvr):>6}  {fmt.rate(p.sell_through):>8}"
            )
    if ins.kinds:
        print("\nsegment kind     segments   GMV/minute     followers/segment")
        for k in ins.kinds:
            per_seg = "—" if k.followers_per_segment is None else f"{k.followers_per_segment:,.1f}"
            print(
                f"  {k.kind:<14} {k.segments:>8}   {fmt.money_cents(k.gmv_per_minute_cents, 0):>12}"
                f"   {per_seg:>10}"
            )
    if ins.anchors:
        print("\nanchor           shows   GMV/hour        follow rate   CVR")
        for a in ins.anchors:
            print(
                f"  {a.name:<14} {a.shows:>5}   {fmt.money_cents(a.gmv_per_hour_cents, 0):>14}  "
                f"{fmt.rate(a.follow_rate):>10}  {fmt.rate(a.cvr):>6}"
            )


@guarded
def cmd_insights(args: argparse.Namespace) -> int:
    from studio.review.insights_load import load_insights

    since, until = _when(args.since, "--from"), _when(args.until, "--to")
    if since is not None and until is not None and until <= since:
        raise CommandError("--to must be after --from", 2)
    store = open_store(args)
    try:
        ins = load_insights(store, since, until)
    finally:
        store.close()
    if args.json:
        print_json(ins.as_json())
    else:
        _print_text(ins)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "insights",
        help="across shows: best slots, product history, segment kinds, anchors",
        description="Insights over the live shows that started in [--from, --to): GMV and "
        "viewers per hour by weekday and start hour, each product's GMV, CVR and sell-through "
        "across shows, segment kinds (follow gain per lucky bag, GMV per minute of "
        "explanation) and each anchor.",
    )
    p.add_argument("--from", dest="since", metavar="ISO", help="shows starting at or after")
    p.add_argument("--to", dest="until", metavar="ISO", help="shows starting before")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_insights)
