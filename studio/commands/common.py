"""Helpers shared by subcommands: opening the store with a clear error, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from typing import Any

from studio.store.engine import StoreError
from studio.store.store import Store

EXIT_USAGE = 2


class CommandError(Exception):
    """Raised by a command to print a message and exit with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def yuan_to_cents(text: str, what: str) -> int:
    """An amount a person typed on the command line ("300,000", "¥99.5") as integer fen."""
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(text.replace(",", "").replace("¥", "").strip())
    except InvalidOperation as exc:
        raise CommandError(f"{what}: not an amount of yuan: {text!r}", 2) from exc
    if value < 0:
        raise CommandError(f"{what}: cannot be negative", 2)
    return int((value * 100).to_integral_value())


def open_store(args: argparse.Namespace) -> Store:
    try:
        return Store.open(args.db, station=getattr(args, "role", None) or "")
    except StoreError as exc:
        raise CommandError(str(exc), 2) from exc


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def ljust_display(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (str.ljust counts a Chinese character as one)."""
    return text + " " * max(0, width - display_width(text))


def cli_lang(args: argparse.Namespace) -> str:
    """The language of a command's words: --lang, else $STUDIO_LANG, else English."""
    lang = getattr(args, "lang", None) or os.environ.get("STUDIO_LANG") or "en"
    return "zh_CN" if lang.startswith("zh") else "en"


def count_arg(text: str) -> int:
    """An argparse type: a whole number, 0 or more ("1,000" accepted)."""
    try:
        value = int(text.replace(",", "").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("cannot be negative")
    return value


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def guarded(func: Any) -> Any:
    """Wrap a command so CommandError becomes a message on stderr and an exit code."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(func(args) or 0)
        except CommandError as exc:
            print(f"studio: {exc}", file=sys.stderr)
            return exc.code

    run.__name__ = getattr(func, "__name__", "run")
    return run
