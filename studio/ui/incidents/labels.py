"""The incidents feature's words in the UI language: categories, severities, statuses, sources,
roles, history field names, default playbook steps and auto-incident texts.

One QObject so that every widget of the feature shares the translation context "IncidentLabels".
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from studio.incidents.log import IncidentView
from studio.ui.common.texts import condition_text


class IncidentLabels(QObject):
    """Translated words for categories, severities, statuses, sources and roles."""

    def category(self, key: str) -> str:
        return {
            "technical": self.tr("Technical"),
            "product": self.tr("Product"),
            "anchor": self.tr("Anchor"),
            "compliance": self.tr("Compliance"),
            "other": self.tr("Other"),
        }.get(key, key)

    def severity(self, level: int) -> str:
        return {
            1: self.tr("S1 show interrupted"),
            2: self.tr("S2 visible to viewers"),
            3: self.tr("S3 internal"),
        }.get(level, f"S{level}")

    def severity_short(self, level: int) -> str:
        return {
            1: self.tr("S1 interrupted"),
            2: self.tr("S2 visible"),
            3: self.tr("S3 internal"),
        }.get(level, f"S{level}")

    def status(self, status: str) -> str:
        return {
            "open": self.tr("Open"),
            "mitigated": self.tr("Mitigated"),
            "resolved": self.tr("Resolved"),
        }.get(status, status)

    def source(self, source: str) -> str:
        return {"manual": self.tr("Logged"), "auto": self.tr("Auto")}.get(source, source)

    def auto_text(self, view: IncidentView, text: str | None = None) -> str:
        """An auto-incident's text (stored in English, from its monitor's templates) in the UI
        language; anything a person wrote, or text no template explains, stays as written."""
        raw = view.text if text is None else text
        if view.source != "auto" or not view.condition_key:
            return raw
        return condition_text(view.condition_key, raw)

    def auto_action(self, view: IncidentView) -> str:
        """The action-taken lines studio.incidents.auto writes when a condition clears."""
        if view.source != "auto" or not view.condition_key:
            return view.action_taken
        lines = []
        for line in view.action_taken.split("\n"):
            if line == "condition cleared":
                line = self.tr("condition cleared")
            elif line.startswith("cleared: "):
                inner = condition_text(view.condition_key, line.removeprefix("cleared: "))
                line = self.tr("cleared: %1").replace("%1", inner)
            lines.append(line)
        return "\n".join(lines)

    def step(self, text: str) -> str:
        """A default playbook step in the UI language; a studio's own steps stay as written."""
        return {
            "switch to backup camera": self.tr("switch to backup camera"),
            "restart the push": self.tr("restart the push"),
            "tell the anchor to fill": self.tr("tell the anchor to fill"),
            "unlist the link": self.tr("unlist the link"),
            "correct the price on screen": self.tr("correct the price on screen"),
            "anchor states the correction": self.tr("anchor states the correction"),
            "prompt the anchor with the correct fact": self.tr(
                "prompt the anchor with the correct fact"
            ),
            "switch shot to cover": self.tr("switch shot to cover"),
            "stop the flagged wording": self.tr("stop the flagged wording"),
            "screenshot the platform notice": self.tr("screenshot the platform notice"),
            "tell the anchor what to avoid": self.tr("tell the anchor what to avoid"),
            "note what happened": self.tr("note what happened"),
        }.get(text, text)

    def field(self, name: str) -> str:
        return {
            "status": self.tr("status"),
            "severity": self.tr("severity"),
            "owner": self.tr("owner"),
            "action_taken": self.tr("action taken"),
            "impact": self.tr("impact"),
            "text": self.tr("what happened"),
            "checklist": self.tr("playbook"),
            "mitigated_at": self.tr("mitigated at"),
            "resolved_at": self.tr("resolved at"),
        }.get(name, name)

    def role(self, role: str) -> str:
        return {
            "": self.tr("(nobody yet)"),
            "controller": self.tr("Controller"),
            "anchor": self.tr("Anchor"),
            "tech": self.tr("Tech"),
            "customer service": self.tr("Customer service"),
        }.get(role, role)
