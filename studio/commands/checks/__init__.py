"""One module per `studio check` kind, each with `register_check(subparsers)`; the helpers
they share live here (this module registers no kind)."""

from __future__ import annotations

import argparse
from typing import Any

from studio.commands.common import CommandError, cli_lang
from studio.devices.findings import Finding
from studio.store.store import Store
from studio.texts import Translate, TsCatalog, finding_text


def profile_section(name: str, defaults: dict[str, Any]) -> dict[str, Any]:
    """The studio profile's thresholds for one check (exit 2 on a broken profile)."""
    from studio.profile import Profile, ProfileError

    try:
        return Profile.load().section(name, defaults)
    except ProfileError as exc:
        raise CommandError(str(exc), 2) from exc


def require_show(store: Store, show_id: int | None) -> None:
    """Before measuring: a typo in --show must not cost the whole check."""
    if show_id is None:
        return
    from studio.store.shows import ShowNotFound, get_show

    try:
        get_show(store, show_id)
    except ShowNotFound as exc:
        raise CommandError(f"--show {show_id}: {exc}", 2) from exc


def obs_config(args: argparse.Namespace) -> Any:
    """The saved OBS link, with --host/--port from the command line over it."""
    from studio.obs import config

    cfg = config.load()
    if args.host or args.port:
        try:
            host, port = config.validate(args.host or cfg.host, args.port or cfg.port)
        except config.ConfigError as exc:
            raise CommandError(str(exc), 2) from exc
        cfg = config.ObsConfig(host, port, cfg.password)
    return cfg


def check_words(args: argparse.Namespace) -> tuple[Translate, dict[str, str]]:
    """The lookup and the status words for a check's text output in the language of --lang
    (`studio --lang zh_CN check mic ...` answers in Chinese, as the cards do)."""
    translate = TsCatalog(cli_lang(args)).translate
    words = {
        "pass": translate("CheckCard", "PASS"),
        "warn": translate("CheckCard", "WARN"),
        "fail": translate("CheckCard", "FAIL"),
    }
    return translate, words


def finding_line(finding: Finding, translate: Translate) -> str:
    return finding_text(finding, translate)


def overall_line(status_word: str, check_id: int | None, translate: Translate) -> str:
    """The last line of a check's text output: verdict and where it was saved."""
    if check_id is None:
        saved = translate("CheckCommand", "queued offline")
    else:
        saved = translate("CheckCommand", "saved as check #{id}").format(id=check_id)
    return translate("CheckCommand", "Overall: {status} ({saved})").format(
        status=status_word, saved=saved
    )
