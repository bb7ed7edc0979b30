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

log = logging.getLogger(__name__)

ROLES = ("controller", "anchor", "tech", "review", "cs")
_NOT_COMMANDS = {"common"}


def build_parser() -> argparse.ArgumentParser:
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
REPLAY_MODULES = ("studio.incidents.log", "studio.products.changes", "studio.products.coupon_book", "studio.talkback.messages", "studio.audience.queue")


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
