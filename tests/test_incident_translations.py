"""The incidents feature speaks Chinese: every string and every default playbook step."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from studio.incidents.playbooks import DEFAULTS

TS = Path(__file__).resolve().parents[1] / "resources/translations/incidents_zh_CN.ts"


def test_chinese_translation_is_complete_and_covers_default_playbooks() -> None:
    """Every panel string has a Chinese translation, including each default playbook step."""
    root = ElementTree.parse(TS).getroot()
    messages = {m.findtext("source"): m.find("translation") for m in root.iter("message")}
    unfinished = [s for s, t in messages.items() if t is None or t.get("type") or not t.text]
    assert unfinished == []
    steps = {step for items in DEFAULTS.values() for step in items}
    assert steps <= set(messages)
    assert TS.with_suffix(".qm").stat().st_size > 0
