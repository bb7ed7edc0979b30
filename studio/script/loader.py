"""One entry point for script files: YAML, XLSX or CSV in, a validated Script out (or every error)."""

from __future__ import annotations

import functools
from pathlib import Path

from studio.script.errors import Issue, ScriptError, SourceMap
from studio.script.model import Script
from studio.script.validate import sort_issues, validate

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".csv"}
# A studio script is kilobytes (the demo show is 6 KB). Far larger files are a mistake or an
# attack: a 50 MB YAML once took 490 s and 15 GB to report 10 million problems.
MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_XLSX_BYTES = 10 * 1024 * 1024
# Problems listed one by one; past this, one line says how many more there are.
MAX_ISSUES = 100


def _too_big(p: Path, name: str) -> Issue | None:
    try:
        size = p.stat().st_size
    except OSError as exc:
        return Issue(name, "1", f"cannot read: {exc.strerror}", fatal=True)
    limit = MAX_XLSX_BYTES if p.suffix.lower() in (".xlsx", ".xlsm") else MAX_TEXT_BYTES
    if size > limit:
        return Issue(
            name,
            "1",
            f"{size / 1e6:.1f} MB is too large for a show script (the limit is "
            f"{limit // (1024 * 1024)} MB; a script is usually a few kilobytes)",
            fatal=True,
        )
    return None


def cap_issues(issues: list[Issue], limit: int = MAX_ISSUES) -> list[Issue]:
    """The first `limit` issues, and one saying how many more there are (at the place of the
    first one left out, so it still reads `FILE:LINE: ...`)."""
    if len(issues) <= limit:
        return issues
    rest = issues[limit]
    more = len(issues) - limit
    return [*issues[:limit], Issue(rest.file, rest.where, f"… and {more} more problems")]


def parse_file(path: str | Path) -> tuple[Script, SourceMap, list[Issue]]:
    """Read any supported file; problems are returned, not raised (see `load_script_file`)."""
    p = Path(path)
    name = str(path)
    big = _too_big(p, name)
    if big is not None:
        return Script(title=""), SourceMap(name), [big]
    if p.suffix.lower() in SPREADSHEET_SUFFIXES:
        from studio.script.spreadsheet import parse_spreadsheet

        return parse_spreadsheet(p)
    from studio.script.yaml_io import parse_yaml

    try:
        raw = p.read_bytes()
    except OSError as exc:
        return (
            Script(title=""),
            SourceMap(name),
            [Issue(name, "1", f"cannot read: {exc.strerror}", fatal=True)],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return (
            Script(title=""),
            SourceMap(name),
            [Issue(name, str(line), "not UTF-8 text (save the file as UTF-8)", fatal=True)],
        )
    return parse_yaml(text, name)


def check_file(path: str | Path) -> tuple[Script, list[Issue]]:
    """Parse and validate; the script is only meaningful when the list is empty."""
    script, src, issues = parse_file(path)
    if not any(i.fatal for i in issues):
        issues = issues + validate(script, src)
    return script, cap_issues(sort_issues(issues))


def load_script_file(path: str | Path) -> Script:
    """A validated script, or ScriptError listing every problem (a bad file never half-loads)."""
    script, issues = check_file(path)
    if issues:
        raise ScriptError(issues)
    return script


def load_script_text(text: str, filename: str = "<script>") -> Script:
    """A validated script from YAML text, or ScriptError listing every problem.

    The same stored text is read by the runner, the metrics panel, the review and the checks
    of one station (six parses at the app's start, ~0.1 s each): a valid text's Script (frozen)
    is kept, so the next read of the same text costs a dictionary look-up."""
    return _load_script_text(text, filename)


@functools.lru_cache(maxsize=16)
def _load_script_text(text: str, filename: str) -> Script:
    from studio.script.yaml_io import parse_yaml

    if len(text.encode("utf-8", "replace")) > MAX_TEXT_BYTES:
        raise ScriptError([Issue(filename, "1", "too large for a show script", fatal=True)])
    script, src, issues = parse_yaml(text, filename)
    if not any(i.fatal for i in issues):
        issues = issues + validate(script, src)
    if issues:
        raise ScriptError(cap_issues(sort_issues(issues)))
    return script
