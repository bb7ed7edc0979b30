"""`studio product list|set|history|flash|undo`: the live product board (中控) without the GUI.

The JSON of `list` and `history` is a contract other tools rely on (see `Derived.as_json` and
`HistoryEntry.as_json`). Exit codes: 0 done, 1 refused (a price below the floor without
--force, an undo that no longer applies), 2 unusable input (unknown show or SKU, bad value).
"""

from __future__ import annotations

import argparse
import json
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

STATES = ("listed", "unlisted", "presenting", "sold_out")


def _iso(text: str, what: str) -> datetime:
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise CommandError(f"{what}: not an ISO time: {text!r}", 2) from exc


def _who(args: argparse.Namespace) -> str:
    return getattr(args, "role", None) or "cli"


def _queued(result: Any) -> bool:
    if result is not None and result.queued:
        print("queued (database unreachable): it is stored when the link is back", file=sys.stderr)
        return True
    return False


@guarded
def cmd_list(args: argparse.Namespace) -> int:
    from studio.demo import show_now
    from studio.metrics.fmt import money_cents
    from studio.products.reader import derive_show
    from studio.store.shows import ShowNotFound

    now = _iso(args.at, "--at") if args.at else None
    store = open_store(args)
    try:
        if now is None:  # the show's own clock: a sped-up demo show is read on its time
            now = show_now(store, args.show)
        derived = derive_show(store, args.show, now, at=now.timestamp() if args.at else None)
    except ShowNotFound as exc:
        raise CommandError(str(exc), 2) from exc
    finally:
        store.close()
    if args.json:
        # Compact: only without indentation does json use its C encoder, and 200 products with
        # their coupons took most of the command's time indented.
        json.dump(
            [d.as_json() for d in derived], sys.stdout, ensure_ascii=False, separators=(",", ":")
        )
        sys.stdout.write("\n")
        return 0
    if not derived:
        print(f"show {args.show} has no products")
    for d in derived:
        p = d.product
        link = "-" if p.link is None else str(p.link)
        flash = ""
        if d.flash is not None and d.flash.running:
            flash = f"  flash {money_cents(d.flash.price_cents)} quota left {d.flash.quota_left}"
        print(
            f"{link:>3}  {p.sku:<12} {p.state:<10} {money_cents(d.effective_price_cents):>11} "
            f"left {d.stock_left:>6,}  sold {d.sold:>6,}{flash}  {' '.join(d.flags)}".rstrip()
        )
    return 0


def _edit(args: argparse.Namespace) -> Any:
    from studio.products.changes import ProductEdit

    return ProductEdit(
        live_price_cents=None if args.price is None else yuan_to_cents(args.price, "--price"),
        floor_cents=None if args.floor is None else yuan_to_cents(args.floor, "--floor"),
        stock_add=args.stock_add or 0,
        link=args.link,
        state=args.state,
        low_stock_at=args.low_stock,
    )


def _run_change(func: Any) -> Any:
    from studio.products.changes import BelowFloor, ProductError, ProductNotFound

    try:
        return func()
    except BelowFloor as exc:
        raise CommandError(str(exc), 1) from exc
    except (ProductError, ProductNotFound) as exc:
        raise CommandError(str(exc), 2) from exc


@guarded
def cmd_set(args: argparse.Namespace) -> int:
    from studio.demo import show_clock
    from studio.products.changes import edit_product

    if args.stock_add is not None and args.stock_add <= 0:
        raise CommandError("--stock-add: give the units to add, more than 0", 2)
    edit = _edit(args)
    store = open_store(args)
    try:
        result = _run_change(
            lambda: edit_product(
                store,
                args.show,
                args.sku,
                edit,
                who=_who(args),
                reason=args.reason or "",
                force=args.force,
                clock=show_clock(store, args.show),  # a demo's records on its sped-up time
            )
        )
    finally:
        store.close()
    if _queued(result):
        return 0
    if result.events == 0:
        print(f"{args.sku}: nothing changed (already so)")
    else:
        print(f"{args.sku}: {result.events} field(s) changed (change {result.op})")
    return 0


@guarded
def cmd_flash(args: argparse.Namespace) -> int:
    from studio.demo import show_clock
    from studio.products.changes import end_flash_sale, start_flash_sale

    store = open_store(args)
    try:
        if args.end:
            result = _run_change(
                lambda: end_flash_sale(
                    store,
                    args.show,
                    args.sku,
                    who=_who(args),
                    reason=args.reason or "",
                    clock=show_clock(store, args.show),
                )
            )
        else:
            if args.price is None or args.quota is None:
                raise CommandError("a flash sale needs --price and --quota (or --end)", 2)
            price = yuan_to_cents(args.price, "--price")
            result = _run_change(
                lambda: start_flash_sale(
                    store,
                    args.show,
                    args.sku,
                    price,
                    args.quota,
                    seconds=args.seconds,
                    who=_who(args),
                    reason=args.reason or "",
                    force=args.force,
                    clock=show_clock(store, args.show),
                )
            )
    finally:
        store.close()
    if not _queued(result):
        print(f"{args.sku}: flash sale {'ended' if args.end else 'started'} (change {result.op})")
    return 0


@guarded
def cmd_undo(args: argparse.Namespace) -> int:
    from studio.demo import show_clock
    from studio.products.changes import ProductError, undo

    store = open_store(args)
    try:
        result = undo(store, args.show, args.op, who=_who(args), clock=show_clock(store, args.show))
    except ProductError as exc:
        raise CommandError(str(exc), 1) from exc
    finally:
        store.close()
    if not _queued(result):
        print(f"change {args.op} undone ({result.events} field(s))")
    return 0


@guarded
def cmd_history(args: argparse.Namespace) -> int:
    from studio.products.history import product_history
    from studio.store.shows import ShowNotFound

    store = open_store(args)
    try:
        entries = product_history(store, args.show, args.sku)
    except ShowNotFound as exc:
        raise CommandError(str(exc), 2) from exc
    finally:
        store.close()
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print(f"no product changes for show {args.show}")
    for e in entries:
        when = e.at.astimezone().strftime("%H:%M:%S")
        print(
            f"{when}  {e.sku:<12} {e.field:<18} {e.old!s:>10} -> {e.new!s:<10} "
            f"{e.who or '-'}@{e.station or '-'} {e.segment or '-'} {e.reason}".rstrip()
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("product", help="the live products of a show: list, change, history")
    psub = p.add_subparsers(dest="product_command", metavar="ACTION", required=True)

    ls = psub.add_parser("list", help="every product with its live figures")
    ls.add_argument("--show", type=int, required=True, metavar="ID")
    ls.add_argument("--at", metavar="ISO", help="as it stood at this time (default: now)")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    st = psub.add_parser("set", help="change a product (each change is kept in its history)")
    st.add_argument("--show", type=int, required=True, metavar="ID")
    st.add_argument("--sku", required=True)
    st.add_argument("--link", type=count_arg, metavar="N", help="link number (链接号)")
    st.add_argument("--price", metavar="YUAN", help="the live price")
    st.add_argument("--floor", metavar="YUAN", help="the lowest price allowed")
    st.add_argument("--stock-add", type=count_arg, metavar="N", help="units added to the stock")
    st.add_argument("--low-stock", type=count_arg, metavar="N", help="warn at this many units left")
    st.add_argument("--state", choices=STATES)
    st.add_argument("--reason", metavar="TEXT")
    st.add_argument("--force", action="store_true", help="allow a price below the floor")
    st.set_defaults(func=cmd_set)

    fl = psub.add_parser("flash", help="start or end a product's flash sale (秒杀)")
    fl.add_argument("--show", type=int, required=True, metavar="ID")
    fl.add_argument("--sku", required=True)
    fl.add_argument("--price", metavar="YUAN")
    fl.add_argument("--quota", type=count_arg, metavar="N")
    fl.add_argument("--seconds", type=float, metavar="S", help="how long (default: until ended)")
    fl.add_argument("--end", action="store_true", help="end the running flash sale now")
    fl.add_argument("--reason", metavar="TEXT")
    fl.add_argument("--force", action="store_true", help="allow a price below the floor")
    fl.set_defaults(func=cmd_flash)

    h = psub.add_parser("history", help="every change of the show's products")
    h.add_argument("--show", type=int, required=True, metavar="ID")
    h.add_argument("--sku")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_history)

    u = psub.add_parser("undo", help="revert one change (its id is in the history)")
    u.add_argument("--show", type=int, required=True, metavar="ID")
    u.add_argument("--op", required=True, metavar="CHANGE")
    u.set_defaults(func=cmd_undo)
