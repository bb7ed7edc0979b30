"""One entry point for script files: YAML, XLSX or CSV in, a validated Script out (or every error)."""

from __future__ import annotations

from pathlib import Path

from studio.script.errors import Issue, ScriptError, SourceMap
from studio.script.model import Script
from studio.script.validate import sort_issues, validate

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".csv"}


def parse_file(path: str | Path) -> tuple[Script, SourceMap, list[Issue]]:
    """Read any supported file; problems are returned, not raised (see `load_script_file`)."""
    p = Path(path)
    name = str(path)
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
    return script, sort_issues(issues)


def load_script_file(path: str | Path) -> Script:
    """A validated script, or ScriptError listing every problem (a bad file never half-loads)."""
    script, issues = check_file(path)
    if issues:
        raise ScriptError(issues)
    return script


def load_script_text(text: str, filename: str = "<script>") -> Script:
    from studio.script.yaml_io import parse_yaml

    script, src, issues = parse_yaml(text, filename)
    if not any(i.fatal for i in issues):
        issues = issues + validate(script, src)
    if issues:
        raise ScriptError(sort_issues(issues))
    return script
