"""`studio rules check FILE` and `studio rules test FILE --show ID`: automatic prompts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from studio.commands.common import CommandError, guarded, open_store, print_json


@guarded
def cmd_check(args: argparse.Namespace) -> int:
    from studio.rules.parse import check_any

    if not Path(args.file).exists():
        raise CommandError(f"{args.file}: no such file", 2)
    issues = check_any(args.file)
    for issue in issues:
        print(issue)
    if issues:
        return 2 if any(i.fatal for i in issues) else 1
    print(f"{args.file}: rules OK")
    return 0


def _rules_of(path: str) -> Any:
    from studio.rules.parse import check_any, load_rules_file, rules_of_script
    from studio.script.loader import parse_file

    if not Path(path).exists():
        raise CommandError(f"{path}: no such file", 2)
    issues = check_any(path)
    if issues:
        for issue in issues:
            print(issue)
        raise CommandError("the rules have errors", 1)
    rules, _ = load_rules_file(path)
    if not rules:
        script, _, _ = parse_file(path)
        rules = rules_of_script(script, path)
    return rules


@guarded
def cmd_test(args: argparse.Namespace) -> int:
    from studio.metrics.queries import load_timing
    from studio.rules.replay import replay_show
    from studio.timeutil import fmt_duration, from_epoch

    rules = _rules_of(args.file)
    store = open_store(args)
    try:
        try:
            start = load_timing(store, args.show).start_ts
        except LookupError as exc:
            raise CommandError(str(exc), 2) from exc
        fired = replay_show(store, args.show, rules)
    finally:
        store.close()
    if args.json:
        out = []
        for f in fired:
            row = f.as_json()
            row["at"] = from_epoch(f.at).isoformat()
            out.append(row)
        print_json(out)
        return 0
    t0 = start if start is not None else (fired[0].at if fired else 0.0)
    for f in fired:
        at = from_epoch(f.at).astimezone()
        print(f"{at:%H:%M:%S} (+{fmt_duration(f.at - t0)}) {f.rule.name}: {f.rule.when} "
              f"[{f.value:g}] {f.text}".rstrip())  # fmt: skip
    print(f"{len(fired)} firings of {len(rules)} rules")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("rules", help="check rules and test them on a stored show")
    rsub = p.add_subparsers(dest="rules_cmd", required=True)
    c = rsub.add_parser("check", help="check the rules of a script or a studio rules file")
    c.add_argument("file")
    c.set_defaults(func=cmd_check)
    t = rsub.add_parser("test", help="replay a stored show's metrics through the rules")
    t.add_argument("file")
    t.add_argument("--show", type=int, required=True, help="show id")
    t.add_argument("--json", action="store_true", help="machine-readable output")
    t.set_defaults(func=cmd_test)
