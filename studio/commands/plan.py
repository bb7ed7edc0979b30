"""`studio plan readiness|go-live|stock|campaign|split`: headless planning."""

from __future__ import annotations

import argparse

from studio.commands.common import (
    CommandError,
    guarded,
    open_store,
    print_json,
    yuan_to_cents,
)
from studio.planning import text
from studio.store.shows import ShowNotFound


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    out = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CommandError(f"{what}: expected KEY=VALUE, got {item!r}", 2)
        out[key.strip()] = value.strip()
    return out


def _lang(args: argparse.Namespace) -> str:
    return "zh_CN" if (getattr(args, "lang", None) or "en").startswith("zh") else "en"


def _print_checklist(checklist: object, lang: str) -> None:
    from studio.planning.readiness import Checklist

    assert isinstance(checklist, Checklist)
    marks = {"pass": "[ok]", "warn": "[!!]", "fail": "[XX]", "waived": "[~~]"}
    for item in checklist.items:
        print(f"{marks[item.status]} {item.title_text(lang)}: {item.message_text(lang)}")


@guarded
def cmd_readiness(args: argparse.Namespace) -> int:
    from studio.planning.readiness import readiness

    store = open_store(args)
    try:
        checklist = readiness(store, args.show)
    except ShowNotFound as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    lang = _lang(args)
    if args.json:
        print_json({"ready": checklist.ready, "items": [i.as_json(lang) for i in checklist.items]})
    else:
        _print_checklist(checklist, lang)
    return 0 if checklist.ready else 1


@guarded
def cmd_go_live(args: argparse.Namespace) -> int:
    from studio.planning.readiness import NotReady, ReadinessError, go_live
    from studio.planning.status import StatusError

    waivers = _pairs(args.waive, "--waive")
    store = open_store(args)
    try:
        go_live(store, args.show, waivers, who=args.who or "")
    except NotReady as exc:
        _print_checklist(exc.checklist, _lang(args))
        raise CommandError("not ready to go live (waive an item with --waive ITEM=REASON)") from exc
    except (ReadinessError, StatusError, ShowNotFound) as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    print(f"show {args.show} is live")
    return 0


@guarded
def cmd_stock(args: argparse.Namespace) -> int:
    from studio.planning.stock import check_stock, load_stock_plan

    store = open_store(args)
    try:
        lines = check_stock(load_stock_plan(store, args.show))
    except LookupError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    lang = _lang(args)
    if args.json:
        print_json(
            [
                {
                    "sku": ln.plan.sku,
                    "stock": ln.plan.stock,
                    "flash_quantity": ln.plan.flash_quantity,
                    "expected_sales": ln.plan.expected_sales,
                    "left_after": ln.left_after,
                    "status": ln.status,
                    "messages": [text.render(m, lang) for m in ln.messages],
                }
                for ln in lines
            ]
        )
    else:
        for ln in lines:
            msgs = "; ".join(text.render(m, lang) for m in ln.messages) or "ok"
            print(f"{ln.status:4}  {ln.plan.sku:12} stock {ln.plan.stock:>6}  {msgs}")
    return 1 if any(ln.status == "fail" for ln in lines) else 0


@guarded
def cmd_campaign(args: argparse.Namespace) -> int:
    from studio.planning.split import SplitError, assign_shows, create_campaign

    store = open_store(args)
    try:
        cid = create_campaign(store, args.name, yuan_to_cents(args.target, "--target"))
        if args.shows:
            assign_shows(store, cid, args.shows)
    except SplitError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    print(cid)
    return 0


@guarded
def cmd_split(args: argparse.Namespace) -> int:
    from studio.planning.split import SplitError, split_campaign

    manual = None
    if args.manual:
        manual = {}
        for k, v in _pairs(args.manual, "--manual").items():
            if not k.isdigit():
                raise CommandError(f"--manual: {k!r} is not a show id", 2)
            manual[int(k)] = yuan_to_cents(v, f"--manual {k}")
    store = open_store(args)
    try:
        lines = split_campaign(
            store, args.campaign, weight=args.by, manual=manual, set_show_targets=args.set_targets
        )
    except SplitError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    if args.json:
        print_json(
            [
                {"show": ln.show_id, "title": ln.title, "share_yuan": ln.share_cents / 100}
                for ln in lines
            ]
        )
    else:
        for ln in lines:
            print(f"{ln.show_id:>5}  ¥{ln.share_cents / 100:>14,.2f}  {ln.title}")
    return 0


@guarded
def cmd_catalog_add(args: argparse.Namespace) -> int:
    from studio.planning.catalog import CatalogError, ProductInfo, upsert_catalog

    info = ProductInfo(
        sku=args.sku,
        name=args.name,
        list_price_cents=yuan_to_cents(args.list_price, "--list-price"),
        live_price_cents=yuan_to_cents(args.live_price or args.list_price, "--live-price"),
        stock=args.stock,
        cost_cents=yuan_to_cents(args.cost, "--cost") if args.cost else None,
        selling_points=tuple(args.point or ()),
        image_path=args.image,
    )
    store = open_store(args)
    try:
        product_id = upsert_catalog(store, info)
    except CatalogError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    print(product_id)
    return 0


@guarded
def cmd_catalog_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from studio.planning.catalog import list_catalog

    store = open_store(args)
    try:
        products = list_catalog(store)
    finally:
        store.close()
    if args.json:
        print_json([asdict(p) for p in products])
    else:
        for p in products:
            print(f"{p.sku:<14} ¥{p.live_price_cents / 100:>10,.2f}  ¥{p.list_price_cents / 100:>10,.2f}"
                  f"  {p.stock:>7,}  {p.name}")  # fmt: skip
    return 0


@guarded
def cmd_pick(args: argparse.Namespace) -> int:
    from studio.planning.catalog import CatalogError, select_products

    store = open_store(args)
    try:
        added = select_products(store, args.show, args.skus)
    except (CatalogError, ShowNotFound) as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    for sku in added:
        print(sku)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("plan", help="plan shows: readiness, go live, stock, campaign split")
    sub = p.add_subparsers(dest="plan_cmd", required=True)

    r = sub.add_parser("readiness", help="the readiness checklist (exit 1 while blocked)")
    r.add_argument("--show", type=int, required=True)
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_readiness)

    g = sub.add_parser("go-live", help="take a show live if the checklist allows it")
    g.add_argument("--show", type=int, required=True)
    g.add_argument("--waive", action="append", metavar="ITEM=REASON", help="waive a blocked item")
    g.add_argument("--who", help="who is waiving (recorded)")
    g.set_defaults(func=cmd_go_live)

    st = sub.add_parser("stock", help="stock check: flash-sale quantities and expected sales")
    st.add_argument("--show", type=int, required=True)
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_stock)

    c = sub.add_parser("campaign", help="create a campaign and put shows in it")
    c.add_argument("--name", required=True)
    c.add_argument("--target", required=True, help="GMV target in yuan")
    c.add_argument("--shows", type=int, nargs="*", help="show ids")
    c.set_defaults(func=cmd_campaign)

    sp = sub.add_parser("split", help="split a campaign's target across its shows")
    sp.add_argument("--campaign", type=int, required=True)
    sp.add_argument(
        "--by",
        choices=("planned_seconds", "traffic_target", "equal"),
        default="planned_seconds",
        help="weight for a proportional split (default planned_seconds)",
    )
    sp.add_argument("--manual", action="append", metavar="SHOW=YUAN", help="by hand, per show")
    sp.add_argument("--set-targets", action="store_true", help="make each share the show's target")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_split)

    cat = sub.add_parser("catalog", help="the studio's product catalogue")
    csub = cat.add_subparsers(dest="catalog_cmd", required=True)
    ca = csub.add_parser("add", help="add or update a catalogue product; prints its id")
    ca.add_argument("--sku", required=True)
    ca.add_argument("--name", required=True)
    ca.add_argument("--list-price", required=True, metavar="YUAN")
    ca.add_argument("--live-price", metavar="YUAN", help="default: the list price")
    ca.add_argument("--stock", type=int, default=0)
    ca.add_argument("--cost", metavar="YUAN")
    ca.add_argument("--point", action="append", help="a selling point (repeatable)")
    ca.add_argument("--image", metavar="PATH")
    ca.set_defaults(func=cmd_catalog_add)
    cl = csub.add_parser("list", help="list the catalogue")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(func=cmd_catalog_list)

    pk = sub.add_parser(
        "pick", help="put catalogue products into a show (copies: prices can differ)"
    )
    pk.add_argument("--show", type=int, required=True)
    pk.add_argument("skus", nargs="+", metavar="SKU")
    pk.set_defaults(func=cmd_pick)
