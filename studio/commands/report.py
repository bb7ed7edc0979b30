"""`studio report --show ID -o report.pdf|report.html [--lang zh_CN|en] [--compare N]`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from studio.commands.common import CommandError, guarded, open_store
from studio.store.shows import ShowNotFound

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def write_report(store: object, show_id: int, out: Path, lang: str, compare: int) -> int:
    """Build and write the report; returns the page count (PDF) or 1 (HTML)."""
    from studio.review.load import build_review
    from studio.review.strings import normalize_lang
    from studio.store.store import Store

    # Qt: the PDF engine, and the .qm catalogues that put incident texts and check notes
    # (stored in English with their translation keys) into the report's language.
    from studio.ui.review.report_pdf import render_pdf, report_wording

    assert isinstance(store, Store)
    lang = normalize_lang(lang)
    review = build_review(store, show_id, compare)
    if FORMATS[out.suffix.lower()] == "html":
        from studio.review.html import render_html

        tmp = out.with_name(out.name + ".part")
        tmp.write_text(render_html(review, lang, wording=report_wording(lang)), encoding="utf-8")
        tmp.replace(out)
        return 1
    return render_pdf(review, out, lang)


def report_language(args: argparse.Namespace) -> str:
    """--lang (after `report` or before it), else the language chosen in the GUI's settings,
    else $STUDIO_LANG, else English — never the system locale, which may not be the user's."""
    from studio.ui.review.report_pdf import saved_language

    for candidate in (
        getattr(args, "lang", None),  # the global option, accepted after `report` too
        saved_language(),
        os.environ.get("STUDIO_LANG"),
    ):
        if candidate in ("zh_CN", "en"):
            return str(candidate)
    return "en"


@guarded
def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise CommandError(f"-o {out}: the report is written as .pdf or .html", 2)
    if not out.parent.exists():
        raise CommandError(f"-o {out}: folder {out.parent} does not exist", 2)
    if args.compare < 0:
        raise CommandError("--compare must be 0 or more", 2)
    lang = report_language(args)
    store = open_store(args)
    started = time.perf_counter()
    try:
        pages = write_report(store, args.show, out, lang, args.compare)
    except ShowNotFound as exc:
        raise CommandError(str(exc), 1) from exc
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc}", 1) from exc
    finally:
        store.close()
    took = time.perf_counter() - started
    what = f"{pages} page(s)" if out.suffix.lower() == ".pdf" else "1 file"
    print(f"{out} ({what}, {took:.1f} s)", file=sys.stderr)
    print(out)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "report",
        help="write the post-show review (复盘) as PDF or HTML",
        description="Write a show's review: headline vs target, segments, products, funnel, "
        "viewers vs sales, incidents, checks, warm-up and crew.",
    )
    p.add_argument("--show", type=int, required=True, help="show id")
    p.add_argument("-o", "--output", required=True, help="report.pdf or report.html")
    p.add_argument(
        "--compare", type=int, default=5, help="compare with the previous N shows (default 5)"
    )
    # --lang (zh_CN|en) and --db are the global options, which every subcommand accepts too.
    p.set_defaults(func=cmd_report)
