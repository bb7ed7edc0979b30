"""`studio kpi --show ID [--at ISO] [--json]`: a show's totals and KPIs at a moment."""

from __future__ import annotations

import argparse
from typing import Any

from studio.commands.common import (
    CommandError,
    cli_lang,
    display_width,
    guarded,
    ljust_display,
    open_store,
    print_json,
)
from studio.timeutil import from_epoch, parse_iso


@guarded
def cmd_kpi(args: argparse.Namespace) -> int:
    from studio.metrics import fmt
    from studio.metrics.names import METRICS, MONEY
    from studio.metrics.series import snapshot

    at = None
    if args.at:
        try:
            at = parse_iso(args.at).timestamp()
        except ValueError as exc:
            raise CommandError(f"--at: not an ISO time: {args.at!r}", 2) from exc
    store = open_store(args)
    try:
        try:
            snap = snapshot(store, args.show, at)
        except LookupError as exc:
            raise CommandError(str(exc), 1) from exc
    finally:
        store.close()
    when = from_epoch(snap.at).isoformat() if snap.at is not None else None
    if args.json:
        print_json(
            {
                "show": args.show,
                "at": when,
                "totals": snap.totals,
                "kpis": snap.kpis.as_json(),
                "quarantined": snap.quarantined,
            }
        )
        return 0
    k = snap.kpis
    print(f"show {args.show} at {when or '— (no samples yet)'}")
    zh = cli_lang(args) == "zh_CN"
    labels = {name: METRICS[name].zh if zh else METRICS[name].en for name in snap.totals}
    width = max((display_width(t) for t in labels.values()), default=0) + 2
    for name, v in snap.totals.items():
        # Money is shown in yuan, so the row is labelled with the metric's name, not its
        # `*_cents` storage key.
        shown = fmt.money_cents(v) if name in MONEY else (fmt.DASH if v is None else f"{v:,}")
        print(f"  {ljust_display(labels[name], width)}{shown:>16}")
    print(
        f"  GPM {fmt.money_yuan(k.gpm_yuan)}  UV value {fmt.money_yuan(k.uv_value_yuan)}  "
        f"CTR {fmt.rate(k.ctr)}  CVR {fmt.rate(k.cvr)}  AOV {fmt.money_yuan(k.aov_yuan)}  "
        f"follow {fmt.rate(k.follow_rate)}  ROI {fmt.ratio_x(k.roi)}"
    )
    print(
        f"  online peak {fmt.count(k.online_peak)}  GMV {fmt.pct(k.gmv_target_pct)} of target  "
        f"pace {fmt.money_yuan(k.gmv_pace_yuan)}  quarantined {snap.quarantined}"
    )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("kpi", help="a show's metric totals and KPIs")
    p.add_argument("--show", type=int, required=True, metavar="ID")
    p.add_argument("--at", metavar="ISO", help="as of this time (default: the latest sample)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_kpi)
