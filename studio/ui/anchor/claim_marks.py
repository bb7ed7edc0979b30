"""Banned and risky claims (广告法 极限词) marked in cue text: the prompter underlines them, the
rundown's cue editor highlights them while typing.

The show's checker (`studio.compliance.show.checker_for_script`: the lexicon plus the script's
own section) is built once per compliance section, on a worker together with jieba's dictionary
(`segmenter.warm_up`, over a second on first load): never on the GUI thread. Until both are
ready nothing is marked, and `ready` tells the widgets to mark again.

Jobs asked for in the first seconds of the process wait until START_QUIET_S: loading the
dictionary is a second of Python on a worker, and while the windows are being built and painted
for the first time that second would be taken from the GUI thread (one interpreter lock).
"""

from __future__ import annotations

import html
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer, Signal

from studio.compliance import segmenter
from studio.compliance.lexicon import LexiconError
from studio.compliance.matcher import Checker
from studio.compliance.show import ShowRules, checker_for_script
from studio.compliance.spans import Span, underline_spans
from studio.script.model import Script
from studio.ui.common.qt_jobs import SerialWorker

log = logging.getLogger(__name__)

AMBER: Final = "#ffb000"

# Checkers by compliance section, shared by every window of the station (the prompter and the
# cue editor of one script build it once).
_lock = threading.Lock()
_checkers: dict[str, tuple[Checker, ShowRules]] = {}

# Seconds after this module is imported (the app's start) before the first job runs.
START_QUIET_S = 3.0
_imported_at = time.monotonic()


def quiet_ms_left(now: float | None = None) -> int:
    """Milliseconds until the start's quiet spell is over (0: it is)."""
    left = _imported_at + START_QUIET_S - (time.monotonic() if now is None else now)
    return max(0, int(left * 1000))


def section_key(script: Script | None) -> str:
    section = None if script is None else script.compliance
    return json.dumps(section, sort_keys=True, default=str, ensure_ascii=False)


def _build(script: Script | None, key: str) -> tuple[Checker, ShowRules]:
    segmenter.warm_up()
    with _lock:
        found = _checkers.get(key)
    if found is not None:
        return found
    where = "script" if script is None else f"script {script.title!r}"
    built = checker_for_script(script, where)
    with _lock:
        _checkers[key] = built
    return built


class ClaimMarks(QObject):
    """The marks of one script's cues; `follow(script)` when the script changes."""

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = SerialWorker(self, "compliance-marks")
        self._key: str | None = None
        self._checker: Checker | None = None
        self._rules = ShowRules()
        self.problem = ""  # why nothing is marked (the script's compliance section is broken)
        self._held: list[tuple[Any, ...]] | None = None  # jobs waiting for the quiet spell

    def _submit(self, *job: Any) -> None:
        wait = quiet_ms_left()
        if wait <= 0 and self._held is None:
            self._worker.submit(*job)
            return
        if self._held is None:
            self._held = []
            QTimer.singleShot(wait, self, self._release)
        self._held.append(job)

    def _release(self) -> None:
        held, self._held = self._held or [], None
        if not self._worker.alive:
            return
        for job in held:
            self._worker.submit(*job)

    def warm_up(self) -> None:
        """Load jieba's dictionary on the worker now (the prompter calls this when built)."""
        self._submit(segmenter.warm_up, None, self._failed)

    def follow(self, script: Script | None) -> None:
        key = section_key(script)
        if key == self._key:
            return
        self._key = key
        self._checker = None
        self.problem = ""
        self._submit(lambda: _build(script, key), self._built(key), self._failed)

    def _built(self, key: str) -> Callable[[tuple[Checker, ShowRules]], None]:
        def done(result: tuple[Checker, ShowRules]) -> None:
            if key != self._key:
                return  # the script changed meanwhile; its own job follows
            self._checker, self._rules = result
            self.ready.emit()

        return done

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, LexiconError):
            self.problem = str(exc)
            log.warning("compliance marks off: %s", exc)
        else:
            log.warning("compliance marks: %s", exc)

    @property
    def is_ready(self) -> bool:
        return self._checker is not None

    def spans(self, text: str, sku: str | None, *, utf16: bool) -> list[Span]:
        """The claims in `text` (a cue of the segment selling `sku`); [] until ready.
        `utf16`: positions in UTF-16 code units, as QTextLayout and QSyntaxHighlighter count."""
        if self._checker is None or not text:
            return []
        return underline_spans(text, self._checker, self._rules.category_of(sku), utf16=utf16)

    def shutdown(self) -> None:
        self._held = []  # a job still waiting for the quiet spell is dropped
        self._worker.shutdown()


def marked_html(text: str, spans: list[Span], colour: str = AMBER) -> str:
    """`text` as rich text with every span underlined in `colour` (Python string positions)."""
    out: list[str] = []
    pos = 0
    for span in spans:
        if span.start < pos:
            continue  # spans do not overlap; a stray one is skipped rather than garbled
        out.append(html.escape(text[pos : span.start]))
        out.append(
            f'<span style="color:{colour}; text-decoration: underline;">'
            f"{html.escape(text[span.start : span.end])}</span>"
        )
        pos = span.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
