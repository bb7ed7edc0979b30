"""Checking audience texts: any list of (source, line, text) in, findings with line and column out.

Every caller that prepares text for the audience uses this: script files (`files`), a loaded
script (`texts`), OBS text sources set by cues, talkback presets and quick replies. A caller with
texts of its own hands them over as `AudienceText` or plain `(source, line, text)` tuples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from studio.compliance.lexicon import ALL
from studio.compliance.matcher import Checker, Hit

Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class AudienceText:
    """A text the audience will see or hear, and where it is written."""

    source: str  # a file name, or e.g. "talkback presets"
    line: int  # 1-based line of the source where the text stands (xlsx: the sheet row); 0: none
    text: str
    what: str = ""  # cue, segment title, product name, selling point, obs text <name>, …
    product: str = ALL  # the product category the text is about (ALL: unknown, every rule)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    col: int  # 1-based column of the term (in the file line when known, else in the text)
    term: str
    category: str
    severity: str  # block / warn
    suggestion: str
    text: str  # the whole text the term stands in
    what: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity == "block"

    def as_json(self) -> dict[str, Any]:
        """The `studio compliance check --json` shape."""
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "term": self.term,
            "category": self.category,
            "severity": self.severity,
            "suggestion": self.suggestion,
            "text": self.text,
        }

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}:{self.col}: {self.term} — {self.category} — "
            f"{self.suggestion or '(no suggestion)'}"
        )


def finding_of(
    item: AudienceText, hit: Hit, line: int | None = None, col: int | None = None
) -> Finding:
    return Finding(
        file=item.source,
        line=item.line if line is None else line,
        col=hit.start + 1 if col is None else col,
        term=hit.term,
        category=hit.category,
        severity=hit.severity,
        suggestion=hit.suggestion,
        text=item.text,
        what=item.what,
    )


def _item(entry: AudienceText | tuple[str, int, str], product: str) -> AudienceText:
    if isinstance(entry, AudienceText):
        return entry
    source, line, text = entry
    return AudienceText(source, line, text, product=product)


def check_texts(
    texts: Iterable[AudienceText | tuple[str, int, str]],
    checker: Checker,
    *,
    product: str = ALL,
) -> list[Finding]:
    """Findings for every text, in the order given; plain tuples are about `product`.

    The column is the term's position in the text (1-based): exact for a text that stands at
    the start of its line, such as a line of a plain file or an OBS text field."""
    out: list[Finding] = []
    for entry in texts:
        item = _item(entry, product)
        out.extend(finding_of(item, hit) for hit in checker.hits(item.text, item.product))
    return out


def status_of(findings: Sequence[Finding]) -> Status:
    """fail when anything blocks, warn when there are only warnings, else pass."""
    if any(f.blocking for f in findings):
        return "fail"
    return "warn" if findings else "pass"
