"""`studio comments ingest|list|answer|stats|faq`: the audience desk without the GUI.

`list --json` and `stats --json` are contracts (see the issue #18 and `studio.audience.stats`).
Exit codes: 0 done, 1 a line was quarantined / the action was refused, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any

from studio.commands.common import CommandError, guarded, open_store, print_json
from studio.commands.ingest import MAX_REPORTED, _stop_on_signals, check_listen_host
from studio.store.shows import ShowNotFound, get_show
from studio.store.store import Store

DEFAULT_HTTP_PORT = 8766  # next to the metrics listener's 8765
KINDS = ("question", "purchase_intent", "complaint", "after_sales", "praise", "other")


def _show(store: Store, show_id: int) -> None:
    try:
        get_show(store, show_id)
    except ShowNotFound as exc:
        raise CommandError(str(exc), 2) from exc


def _sim(store: Store, args: argparse.Namespace, stop: threading.Event) -> tuple[str, int]:
    """Comments follow the show as run (its stored rundown), like the GUI's demo feed; at
    --speed 0 up to the show's clock now (later cues are not known yet), then the plan."""
    from studio.audience.simulate import run_feed, show_start, sped_clock
    from studio.demo import show_clock
    from studio.metrics.sources.sim import StoredRundown

    now = show_clock(store, args.show)()
    start = args.start_ts if args.start_ts is not None else (show_start(store, args.show) or now)
    rundown = StoredRundown(store, args.show)

    def as_run(ts: float) -> tuple[str, float] | None:
        return rundown(ts) if args.speed > 0 or ts <= now else None

    try:
        n = run_feed(
            store,
            args.show,
            stop,
            clock=sped_clock(start, args.speed),
            seed=args.seed,
            start_ts=start,
            rundown=as_run,
        )
    finally:
        rundown.close()
    return f"simulated {n} comments", 0


def _tail(
    store: Store, args: argparse.Namespace, fmt: str, path: str, stop: threading.Event
) -> tuple[str, int]:
    from pathlib import Path

    from studio.audience.ingest import CommentTailer

    if not args.follow and not Path(path).is_file():
        raise CommandError(f"{path}: no such file", 2)
    shown = {"n": 0}

    def bad(line_no: int, reason: str) -> None:
        shown["n"] += 1
        if shown["n"] <= MAX_REPORTED:
            print(f"{path}:{line_no}: {reason}", file=sys.stderr, flush=True)

    tailer = CommentTailer(store, args.show, path, fmt=fmt, on_bad=bad)
    try:
        st = tailer.run(stop, follow=args.follow)
    except PermissionError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror})", 2) from None
    if shown["n"] > MAX_REPORTED:
        print(f"{path}: … and {shown['n'] - MAX_REPORTED} more quarantined lines", file=sys.stderr)
    dup = f", {st.duplicates} duplicates skipped" if st.duplicates else ""
    return (
        f"{path}: {st.lines} lines, {st.events} events{dup}, {st.bad} quarantined",
        1 if st.bad else 0,
    )


def _http(
    store: Store, args: argparse.Namespace, port: int, stop: threading.Event
) -> tuple[str, int]:
    """`POST /v1/events?show=ID` (JSONL or a JSON array) on the shared API server, with the
    metrics listener's token and loopback rules; --with-samples serves `POST /v1/samples` on
    the same port too."""
    from studio.api.server import ApiServer, ServerConfig
    from studio.metrics.sources.http import token_path

    check_listen_host(args.host, args.allow_remote, "events")
    routes = {"viewer_events", "health"} | ({"samples"} if args.with_samples else set())
    server = ApiServer(
        store, args.show, ServerConfig(host=args.host, port=port, routes=frozenset(routes))
    )
    try:
        server.start()
    except OSError as exc:
        raise CommandError(f"cannot listen on {args.host}:{port}: {exc.strerror}", 1) from exc
    print(f"listening on {server.url}/v1/events (bearer token in {token_path()})", flush=True)
    try:
        stop.wait()
    finally:
        server.stop()
    stats = server.stats
    return "http: " + (", ".join(f"{k} {v}" for k, v in sorted(stats.items())) or "no requests"), 0


@guarded
def cmd_ingest(args: argparse.Namespace) -> int:
    kind, _, rest = args.source.partition(":")
    if kind not in ("sim", "jsonl", "csv", "http"):
        raise CommandError(
            f"--source {args.source!r}: use sim, jsonl:PATH, csv:PATH or http[:PORT]", 2
        )
    port = DEFAULT_HTTP_PORT
    if kind == "http" and rest:
        if not rest.isdigit() or not 0 <= int(rest) <= 65535:
            raise CommandError(f"--source http:{rest}: not a port number", 2)
        port = int(rest)
    if kind in ("jsonl", "csv") and not rest:
        raise CommandError(f"--source {kind}: needs a path, e.g. {kind}:/data/comments.{kind}", 2)
    if args.speed < 0:
        raise CommandError("--speed must be 0 (as fast as possible) or positive", 2)
    store = open_store(args)
    try:
        _show(store, args.show)
        with _stop_on_signals() as stop:
            if kind == "sim":
                summary, code = _sim(store, args, stop)
            elif kind == "http":
                summary, code = _http(store, args, port, stop)
            else:
                summary, code = _tail(store, args, kind, rest, stop)
    finally:
        store.close()
    print(summary)
    return code


@guarded
def cmd_list(args: argparse.Namespace) -> int:
    from studio.audience.stats import list_comments

    store = open_store(args)
    try:
        _show(store, args.show)
        rows = list_comments(store, args.show, kind=args.kind, status=args.status, limit=args.limit)
    finally:
        store.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        status = r["status"] or ""
        print(
            f"{r['id']:>6}  {r['at'][11:19]}  {r['kind'] or r['type']:<15} {status:<8} "
            f"{r['sku'] or '-':<10} {r['user']}: {r['text']}"
        )
    return 0


@guarded
def cmd_answer(args: argparse.Namespace) -> int:
    from studio.audience.queue import CardError, act, card_of_comment, get_card
    from studio.demo import show_clock

    store = open_store(args)
    try:
        try:
            card_id = card_of_comment(store, args.id)
            card = get_card(store, card_id)
            if card.status != "open":
                raise CommandError(f"comment {args.id}: its question is already {card.status}", 1)
            done = act(
                store,
                card_id,
                "answer" if args.text.strip() else "done",
                who=args.who or getattr(args, "role", None) or "cli",
                at=show_clock(store, card.show_id)(),  # the show's time (a demo's sped-up)
                reply=args.text,
            )
        except CardError as exc:
            raise CommandError(str(exc), 2) from exc
    finally:
        store.close()
    n = f" ({card.count} askers)" if card.count > 1 else ""
    print(f"answered question {card_id}{n}" + ("" if done else " (queued offline)"))
    return 0


@guarded
def cmd_stats(args: argparse.Namespace) -> int:
    from studio.audience.stats import show_stats

    store = open_store(args)
    try:
        _show(store, args.show)
        st = show_stats(store, args.show).as_json()
    finally:
        store.close()
    if args.json:
        keys = ("total", "by_kind", "questions", "answered", "unanswered", "response_p50_s",
                "response_p90_s", "top_questions")  # fmt: skip
        out: dict[str, Any] = {k: st[k] for k in keys}
        out["top_questions"] = [
            {"text": q["text"], "count": q["count"], "sku": q["sku"]} for q in st["top_questions"]
        ]
        out |= {
            "ignored": st["ignored"],
            "per_agent": st["per_agent"],
            "per_segment": st["per_segment"],
        }
        print_json(out)
        return 0
    print(
        f"{st['total']} events; {st['questions']} questions, {st['answered']} answered, "
        f"{st['unanswered']} unanswered; response p50 {st['response_p50_s']} s, "
        f"p90 {st['response_p90_s']} s"
    )
    for q in st["top_questions"]:
        print(f"  ×{q['count']:<4} {q['sku'] or '-':<10} {q['text']}")
    return 0


@guarded
def cmd_faq(args: argparse.Namespace) -> int:
    from studio.audience.replies import add_faq, list_faq

    store = open_store(args)
    try:
        if args.show is not None:
            _show(store, args.show)
        if args.answer:
            add_faq(store, answer=args.answer, question=args.question or "", show_id=args.show,
                    sku=args.sku, topic=args.topic)  # fmt: skip
        rows = list_faq(store, args.show)
    finally:
        store.close()
    if args.json:
        print_json([r.__dict__ for r in rows])
    else:
        for r in rows:
            print(f"{r.id:>4} {r.sku or '*':<10} {r.topic or '*':<12} {r.question} → {r.answer}")
    return 0


@guarded
def cmd_alias(args: argparse.Namespace) -> int:
    from studio.audience.aliases import AliasError, add_alias, list_aliases, remove_alias

    store = open_store(args)
    try:
        _show(store, args.show)
        try:
            for alias in args.add or []:
                if not args.sku:
                    raise CommandError("--add needs --sku", 2)
                add_alias(store, args.show, args.sku, alias)
            for alias in args.remove or []:
                remove_alias(store, args.show, alias)
        except AliasError as exc:
            raise CommandError(str(exc), 2) from exc
        found = list_aliases(store, args.show)
    finally:
        store.close()
    if args.json:
        print_json(found)
    else:
        for sku, names in found.items():
            print(f"{sku}: {', '.join(names)}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("comments", help="viewer comments and the question queue (客服)")
    csub = p.add_subparsers(dest="comments_command", metavar="ACTION", required=True)

    q = csub.add_parser("ingest", help="feed viewer events (simulator, JSONL or CSV file)")
    q.add_argument("--show", type=int, required=True, metavar="ID")
    q.add_argument("--source", required=True, help="sim | jsonl:PATH | csv:PATH | http[:PORT]")
    q.add_argument("--follow", action="store_true", help="keep tailing the file until interrupted")
    q.add_argument("--speed", type=float, default=1.0, help="sim: 1 = real time, 0 = at once")
    q.add_argument("--seed", type=int, default=0, help="sim: random seed")
    q.add_argument("--start-ts", type=float, default=None, help=argparse.SUPPRESS)
    q.add_argument("--host", default="127.0.0.1", help="http: address to bind (default loopback)")
    q.add_argument(
        "--allow-remote",
        action="store_true",
        help="http: allow a --host other computers can reach (the token is sent in plain HTTP)",
    )
    q.add_argument(
        "--with-samples",
        action="store_true",
        help="http: also take metric samples (POST /v1/samples) on the same port",
    )
    q.set_defaults(func=cmd_ingest)

    q = csub.add_parser("list", help="comments with what the desk read in them")
    q.add_argument("--show", type=int, required=True, metavar="ID")
    q.add_argument("--kind", choices=KINDS)
    q.add_argument("--status", choices=("open", "answered", "ignored"))
    q.add_argument("--limit", type=int, default=None)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)

    q = csub.add_parser("answer", help="answer a question (by a comment id); records the reply")
    q.add_argument("id", type=int, help="a comment id (from `comments list`)")
    q.add_argument("--text", required=True, help="the reply posted on the platform ('' = done)")
    q.add_argument("--who", default=None, help="who answered (default: the station role)")
    q.set_defaults(func=cmd_answer)

    q = csub.add_parser("stats", help="questions, answers and response times")
    q.add_argument("--show", type=int, required=True, metavar="ID")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_stats)

    q = csub.add_parser("alias", help="other names viewers use for a product (316, 枫叶红)")
    q.add_argument("--show", type=int, required=True, metavar="ID")
    q.add_argument("--sku", default=None)
    q.add_argument("--add", action="append", metavar="ALIAS")
    q.add_argument("--remove", action="append", metavar="ALIAS")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_alias)

    q = csub.add_parser("faq", help="list the FAQ library, or add to it with --answer")
    q.add_argument("--show", type=int, default=None, metavar="ID", help="per-show entries")
    q.add_argument("--sku", default=None)
    q.add_argument("--topic", default=None)
    q.add_argument("--question", default=None)
    q.add_argument("--answer", default=None)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_faq)
