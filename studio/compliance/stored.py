"""Findings for a show kept in the database (what the readiness gate checks)."""

from __future__ import annotations

from studio.compliance.findings import Finding
from studio.compliance.lexicon import Lexicon
from studio.compliance.show import checker_for_script
from studio.compliance.texts import check_script
from studio.store.store import Store


def show_findings(store: Store, show_id: int, base: Lexicon | None = None) -> list[Finding] | None:
    """The show's findings, with lines of its stored YAML; None when the show has no script or
    it cannot be loaded (the gate's script item reports that). Raises ShowNotFound;
    LexiconError for a bad compliance section or studio file."""
    from studio.script.errors import ScriptError
    from studio.script.store_io import has_segments, load_script
    from studio.script.yaml_io import parse_yaml
    from studio.store.models import Show
    from studio.store.shows import ShowNotFound

    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        text = show.script_yaml
    name = f"show {show_id}"
    if text:
        script, src, issues = parse_yaml(text, name)
        if issues:
            return None
        checker, rules = checker_for_script(script, f"{name}:{src.at('compliance')}", base)
        return check_script(script, checker, src, rules, source_lines=text.splitlines())
    if not has_segments(store, show_id):
        return None
    try:
        script = load_script(store, show_id)
    except ScriptError:
        return None
    checker, rules = checker_for_script(script, name, base)
    return check_script(script, checker, None, rules)
