"""The one `studio` command. GUI by default; every subcommand calls the same code the panels use.

Subcommands live in `studio.commands.<name>` modules, each with `register(subparsers)`; a module
sets `func` on its parser. `COMMANDS` names them with their one-line help: `studio --help` lists
them from that table, and only the module of the command being run is imported (importing all
of them pulled in SQLAlchemy, aiohttp and the device code before a single argument was read).
Heavy imports (Qt, OpenCV) happen inside the functions, so `studio --version` and the headless
commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from studio import __version__

# Before numpy is imported anywhere: OpenBLAS's worker threads spin between the small matrix
# calls this app makes, a tenth of a core beside the GUI thread in the soak, for no gain.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

log = logging.getLogger(__name__)

ROLES = ("controller", "anchor", "tech", "review", "cs")
_NOT_COMMANDS = {"common"}

# command -> (module in studio.commands, the help `studio --help` shows). A test checks this
# table against what each module registers; a module missing here is still loaded (eagerly).
COMMANDS: dict[str, tuple[str, str]] = {
    "action": ("action", "review actions: record, list, mark done"),
    "check": ("check", "run a pre-show check (camera, light, mic, obs, av sync, stream test)"),
    "comments": ("comments", "viewer comments and the question queue (客服)"),
    "compliance": ("compliance", "banned and risky claims (广告法 极限词) in show texts"),
    "coupon": ("coupon", "issue and list a show's coupons"),
    "db": ("db", "set up and inspect the database (shared by several stations)"),
    "demo": ("demo", "open the control room on the built-in demo show"),
    "export": ("export", "export a show's metrics (CSV or XLSX)"),
    "gui": ("gui", "open the control room (the default)"),
    "import": ("import_", "import a platform export: traffic sources or the audience profile"),
    "incident": ("incident", "log and follow up incidents"),
    "ingest": ("ingest", "feed live metrics into a show (simulator, file, HTTP)"),
    "insights": ("insights", "across shows: best slots, product history, segment kinds, anchors"),
    "kpi": ("kpi", "a show's metric totals and KPIs"),
    "messages": ("messages", "list a show's talkback messages"),
    "obs": ("obs", "the encoder link: OBS Studio over obs-websocket"),
    "plan": ("plan", "plan shows: readiness, go live, stock, campaign split"),
    "product": ("product", "the live products of a show: list, change, history"),
    "report": ("report", "write the post-show review (复盘) as PDF or HTML"),
    "rules": ("rules", "check rules and test them on a stored show"),
    "say": ("say", "send a message to the anchor's prompter strip"),
    "script": ("script", "validate, plan and import show scripts"),
    "serve": ("serve", "remote control and status server (HTTP, WebSocket, OSC, browser views)"),
    "show": ("show", "create and list shows"),
}


def command_modules() -> list[str]:
    """The modules of studio.commands that register subcommands."""
    import studio.commands as commands

    return sorted(
        info.name
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.ispkg and info.name not in _NOT_COMMANDS
    )


if TYPE_CHECKING:
    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _SubParsers = argparse._SubParsersAction


class _LazySubcommands(_SubParsers):
    """Subcommands known by name and help; a command's module registers its real parser when
    the command is parsed (so `studio product list` imports studio.commands.product only)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = {}  # command -> module, until loaded

    def add_stub(self, name: str, module: str, help: str) -> None:
        self.add_parser(name, help=help, add_help=False)
        self.lazy[name] = module

    def load(self, name: str) -> None:
        module = self.lazy.get(name)
        if module is None:
            return
        for command in [c for c, m in self.lazy.items() if m == module]:
            del self.lazy[command]
            del self._name_parser_map[command]
            self._choices_actions[:] = [a for a in self._choices_actions if a.dest != command]
        before = set(self._name_parser_map)
        importlib.import_module(f"studio.commands.{module}").register(self)
        for command in set(self._name_parser_map) - before:
            _with_global_options(self._name_parser_map[command])

    def load_all(self) -> None:
        for name in list(self.lazy):
            self.load(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        self.load(values[0])
        super().__call__(parser, namespace, values, option_string)


def build_parser(*, load_all: bool = False) -> argparse.ArgumentParser:
    """The `studio` parser. Subcommand modules load when their command is parsed
    (`load_all`: now, e.g. to walk every subcommand's options)."""
    parser = argparse.ArgumentParser(
        prog="studio",
        description="Control room for e-commerce live-streaming studios.",
    )
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    _add_global_options(parser, suppress=False)
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action=_LazySubcommands)
    assert isinstance(sub, _LazySubcommands)
    listed = {module for module, _help in COMMANDS.values()}
    for name, (module, help) in COMMANDS.items():
        sub.add_stub(name, module, help)
    for module in command_modules():
        if module not in listed:  # a new command not in the table yet: loaded the old way
            importlib.import_module(f"studio.commands.{module}").register(sub)
    if load_all:
        sub.load_all()
    # `studio demo --lang zh_CN` as well as `studio --lang zh_CN demo`: every subcommand accepts
    # the global options too; SUPPRESS keeps a subcommand from resetting what was given before it.
    _for_each_subparser(parser, _with_global_options)
    return parser


def _with_global_options(parser: argparse.ArgumentParser) -> None:
    if not any(o in parser._option_string_actions for o in ("--db", "--lang")):
        _add_global_options(parser, suppress=True)
    _for_each_subparser(parser, _with_global_options)


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument(
        "--db",
        metavar="URL",
        default=default(None),
        help="database URL (default: $STUDIO_DB or a SQLite file in the user data folder)",
    )
    parser.add_argument(
        "--role",
        choices=ROLES,
        default=default(None),
        help="which station this is (default: remembered)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=default(None),
        help="UI language (default: system/settings)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default(False),
        help="log debug messages to stderr",
    )


def _for_each_subparser(
    parser: argparse.ArgumentParser, fn: Callable[[argparse.ArgumentParser], None]
) -> None:
    """`fn` on each direct subparser of `parser` (fn recurses itself if it wants to)."""
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                fn(child)


# Modules whose edits can wait in the offline outbox register how to replay them when imported;
# every process that opens a shared database must know them all, or a queued edit of a kind
# this process never imported stalls the outbox.
REPLAY_MODULES = (
    "studio.incidents.log",
    "studio.products.changes",
    "studio.products.coupon_book",
    "studio.talkback.messages",
    "studio.audience.queue",
)


def register_replays() -> None:
    for name in REPLAY_MODULES:
        importlib.import_module(name)


def shared_database(args: argparse.Namespace) -> bool:
    """Whether this process may open a PostgreSQL database, the only kind with an offline outbox
    (`studio.store.engine.resolve_url`'s order, without importing SQLAlchemy to find out)."""
    url = getattr(args, "db", None) or os.environ.get("STUDIO_DB") or ""
    return url.startswith("postgres")


def main(argv: Sequence[str] | None = None) -> int:
    from studio.logsetup import setup_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    if shared_database(args):
        register_replays()
    if args.func is None:
        from studio.commands.gui import run_gui

        return run_gui(args)
    try:
        code = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `studio ... --json | head`: the reader went away. Python's advice: point stdout at
        # devnull so the interpreter's final flush does not raise a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return int(code or 0)


def main_gui() -> int:
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
