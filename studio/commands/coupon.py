"""`studio coupon add|list`: a show's coupons (优惠券) without the GUI.

Exit codes: 0 done, 2 unusable input (unknown show or SKU, bad amount or time), nothing written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from studio.commands.common import (
    CommandError,
    count_arg,
    guarded,
    open_store,
    print_json,
    yuan_to_cents,
)
from studio.timeutil import parse_iso


def _iso(text: str | None, what: str) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise CommandError(f"{what}: not an ISO time: {text!r}", 2) from exc


@guarded
def cmd_add(args: argparse.Namespace) -> int:
    from studio.products.coupon_book import CouponError, add_coupon

    value = yuan_to_cents(args.value, "--value")
    threshold = yuan_to_cents(args.threshold, "--threshold")
    valid_from, valid_to = _iso(args.valid_from, "--from"), _iso(args.valid_to, "--to")
    store = open_store(args)
    try:
        uid, queued = add_coupon(
            store,
            args.show,
            value_cents=value,
            threshold_cents=threshold,
            count=args.count,
            valid_from=valid_from,
            valid_to=valid_to,
            skus=args.sku or (),
            name=args.name or "",
        )
    except CouponError as exc:
        raise CommandError(str(exc), 2) from exc
    finally:
        store.close()
    if queued:
        print("queued (database unreachable): it is stored when the link is back", file=sys.stderr)
    print(uid)
    return 0


@guarded
def cmd_list(args: argparse.Namespace) -> int:
    from studio.metrics.fmt import money_cents
    from studio.products.coupon_book import CouponError, list_coupons

    store = open_store(args)
    try:
        coupons = list_coupons(store, args.show)
    except CouponError as exc:
        raise CommandError(str(exc), 2) from exc
    finally:
        store.close()
    if args.json:
        print_json([c.as_json() for c in coupons])
        return 0
    if not coupons:
        print(f"no coupons for show {args.show}")
    for c in coupons:
        scope = ",".join(c.skus) or "whole shop"
        count = "unlimited" if c.count == 0 else f"{c.claimed}/{c.count} claimed"
        until = c.valid_to.astimezone().strftime("%m-%d %H:%M") if c.valid_to else "-"
        print(
            f"{c.uid[:8]}  {money_cents(c.value_cents)} off from {money_cents(c.threshold_cents)}"
            f"  {count}, {c.used} used  until {until}  {scope}"
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("coupon", help="issue and list a show's coupons")
    csub = p.add_subparsers(dest="coupon_command", metavar="ACTION", required=True)

    a = csub.add_parser("add", help="issue a coupon and print its id")
    a.add_argument("--show", type=int, required=True, metavar="ID")
    a.add_argument("--value", required=True, metavar="YUAN", help="amount off")
    a.add_argument("--threshold", default="0", metavar="YUAN", help="from this price (0: any)")
    a.add_argument(
        "--count", type=count_arg, required=True, metavar="N", help="how many (0: no limit)"
    )
    a.add_argument("--from", dest="valid_from", metavar="ISO", help="valid from (default: at once)")
    a.add_argument("--to", dest="valid_to", metavar="ISO", help="valid until (default: open)")
    a.add_argument("--sku", nargs="+", metavar="S", help="only for these products (default: all)")
    a.add_argument("--name", metavar="TEXT")
    a.set_defaults(func=cmd_add)

    ls = csub.add_parser("list", help="list a show's coupons")
    ls.add_argument("--show", type=int, required=True, metavar="ID")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
