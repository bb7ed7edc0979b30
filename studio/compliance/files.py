"""Checking files: show scripts (YAML, XLSX, CSV) through the script loaders, anything else as
plain text, one audience text per line."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from studio.compliance.findings import AudienceText, Finding, finding_of
from studio.compliance.lexicon import ALL, Lexicon, LexiconError
from studio.compliance.matcher import Checker, Hit
from studio.compliance.show import checker_for_script
from studio.compliance.texts import check_script
from studio.script.loader import SPREADSHEET_SUFFIXES, parse_file

YAML_SUFFIXES: Final = {".yaml", ".yml"}


class Unreadable(ValueError):
    """A file that cannot be checked; the message reads `FILE:LINE: what is wrong`."""


def _decode(raw: bytes, name: str) -> str:
    # Text saved by Chinese-locale Windows tools is often GBK; UTF-8 (with or without BOM) first.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable(f"{name}:1: not UTF-8 or GBK text")  # pragma: no cover - gb18030 reads all


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"{path}:1: cannot read: {exc.strerror}") from None


def check_script_file(path: Path, base: Lexicon, default_category: str = ALL) -> list[Finding]:
    """A script's findings; its own compliance section counts. Raises Unreadable."""
    name = str(path)
    source_lines = None
    if path.suffix.lower() in YAML_SUFFIXES:
        source_lines = _decode(_read(path), name).splitlines()
    script, src, issues = parse_file(path)
    fatal = [i for i in issues if i.fatal]
    if fatal:
        raise Unreadable(str(fatal[0]))
    try:
        checker, rules = checker_for_script(script, f"{name}:{src.at('compliance')}", base)
    except LexiconError as exc:
        raise Unreadable(str(exc)) from None
    return check_script(
        script,
        checker,
        src,
        rules,
        default_category=default_category,
        source_lines=source_lines,
    )


def _worst(hits: list[Hit]) -> Hit:
    return min(hits, key=lambda h: (h.severity != "block", h.start))


def check_text_file(path: Path, checker: Checker, product: str = ALL) -> list[Finding]:
    """Plain text, one finding per offending line: the first blocking term, else the first
    warning (a pasted talk track reads better one line, one finding). Raises Unreadable."""
    text = _decode(_read(path), str(path))
    out: list[Finding] = []
    for n, line in enumerate(text.splitlines(), start=1):
        hits = checker.hits(line, product)
        if hits:
            out.append(finding_of(AudienceText(str(path), n, line, "line", product), _worst(hits)))
    return out


def is_script(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in YAML_SUFFIXES or suffix in SPREADSHEET_SUFFIXES


def check_path(path: Path, base: Lexicon, product: str = ALL) -> list[Finding]:
    """Findings for one file of any supported kind. Raises Unreadable."""
    if not path.is_file():
        raise Unreadable(f"{path}:1: no such file")
    if is_script(path):
        return check_script_file(path, base, product)
    return check_text_file(path, Checker(base), product)
