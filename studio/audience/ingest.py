"""Viewer events into the store, exactly once: read, classified, tagged and grouped.

Exactly once: every event row carries a de-duplication key, unique per show — `id:<message
id>` when the platform gave the event an id, else `at:<source>:<offset>` (where its line starts
in the source file). A file's tail offset is committed in the SAME transaction as the rows and
the quarantined lines of the chunk it covers (the metrics tailer's rule, `IngestOffset`, keyed
`audience:<path>`), so a kill at any moment keeps all of a chunk or none of it; the restart
seeks to the committed offset, and the unique key catches whatever would still come twice
(an id-carrying event sent again by the platform, two ingests of one file).

Questions (and after-sales problems) open a card (`AudienceGroup`) or join the open card of the
same product + topic, or of the near-identical text; the card counts its askers.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from studio.audience.classify import Classifier, Reading, near_key
from studio.audience.context import ShowContext, load_context
from studio.audience.events import (
    Event,
    EventError,
    parse_csv_header,
    parse_csv_row,
    parse_event,
    parse_json_line,
)
from studio.metrics.samples import safe_text
from studio.metrics.sources.offsets import (
    OffsetMoved,
    OffsetState,
    file_id,
    load_offset,
    read_complete,
    save_offset,
    split_lines,
)
from studio.metrics.window import DEFAULT_MARGIN_S, Window, show_window
from studio.store.audience_models import AudienceEvent, AudienceGroup, AudienceQuarantine
from studio.store.changes import Change
from studio.store.models import Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import utcnow

log = logging.getLogger(__name__)

QUEUE_KINDS: Final = ("question", "after_sales")  # what the 客服 queue answers
MAX_ASKERS: Final = 50
CONTEXT_TTL_S: Final = 2.0  # products and the on-air time lines are re-read this often
READ_CHUNK: Final = 1024 * 1024
MAX_LINE: Final = 64 * 1024
BATCH: Final = 2000  # events per de-dup query and insert


@dataclass
class Incoming:
    """An event read from a source, with where it came from (for de-dup and quarantine)."""

    event: Event
    dedup: str
    line_no: int | None = None


@dataclass
class Bad:
    line_no: int | None
    offset: int | None
    raw: str
    reason: str


@dataclass
class StoreResult:
    accepted: int = 0
    duplicates: int = 0
    questions: int = 0
    changes: list[Change] = field(default_factory=list)


def dedup_key(event: Event, source: str, offset: int | None) -> str | None:
    if event.msg_id:
        return f"id:{event.msg_id}"[:300]
    if offset is None:
        return None
    return f"at:{source}:{offset}"[-300:]


def group_key(reading: Reading, text: str) -> tuple[str, str | None]:
    """(card key, topic): same product + topic, else the near-identical text."""
    topics = [t for t in reading.topics if t != "link"] or list(reading.topics)
    topic = topics[0] if topics else None
    if reading.sku and topic:
        return f"p:{reading.sku}:{topic}", topic
    return f"t:{near_key(text)}"[:300], topic


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    table = cast(Table, AudienceEvent.__table__)
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"audience ingest does not support {dialect}")


class Ingester:
    """Classifies and stores one show's events; keeps its classifier (jieba's dictionary loads
    once) and re-reads the show's products and on-air time lines every couple of seconds."""

    def __init__(
        self,
        store: Store,
        show_id: int,
        *,
        classifier: Classifier | None = None,
        margin: float = DEFAULT_MARGIN_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.classifier = classifier or Classifier()
        self.margin = margin
        self.clock = clock
        self._ctx: ShowContext | None = None
        self._ctx_at = 0.0
        self._window: Window | None = None
        # One batch at a time: the HTTP server calls from a pool of threads, and a batch may
        # rebuild the classifier's product index (set_products) before reading.
        self.lock = threading.RLock()

    def context(self, s: Session) -> ShowContext:
        now = time.monotonic()
        if self._ctx is None or now - self._ctx_at > CONTEXT_TTL_S:
            if s.get(Show, self.show_id) is None:
                raise ShowNotFound(f"no show with id {self.show_id}")
            ctx = load_context(s, self.show_id)
            if self._ctx is None or ctx.signature[0] != self._ctx.signature[0]:
                self.classifier.set_products(ctx.products)
            self._ctx, self._ctx_at = ctx, now
            self._window = show_window(s, self.show_id, self.clock(), self.margin)
        return self._ctx

    def window(self, s: Session) -> Window:
        self.context(s)
        assert self._window is not None
        return self._window

    def read(self, ctx: ShowContext, e: Event) -> Reading | None:
        if e.type != "chat":
            return None
        return self.classifier.read(e.text, ctx.product_at(e.ts), sku=e.sku, link=e.link)

    def store_in(self, s: Session, items: Sequence[Incoming], source: str) -> StoreResult:
        """Insert the events inside the caller's transaction (duplicates skipped), group the
        new questions; the changes in the result are published by the caller after commit."""
        with self.lock:
            return self._store_in(s, items, source)

    def _store_in(self, s: Session, items: Sequence[Incoming], source: str) -> StoreResult:
        out = StoreResult()
        for i in range(0, len(items), BATCH):
            self._store_batch(s, items[i : i + BATCH], source, out)
        if out.accepted:
            out.changes.append(self.store.record_change(s, "audience_event", None, self.show_id))
        return out

    def _store_batch(
        self, s: Session, items: Sequence[Incoming], source: str, out: StoreResult
    ) -> None:
        """Events already stored are skipped first (one query); the new questions join or open
        their cards, whose ids go into the event rows; then one executemany insert. (Two
        ingests of one file are kept apart by the tail offset's compare-and-set, committed in
        the same transaction; ON CONFLICT still guards the unique key.)"""
        if not items:
            return
        ctx = self.context(s)
        keys = list(dict.fromkeys(item.dedup for item in items))
        stored = set(
            s.scalars(
                select(AudienceEvent.dedup).where(
                    AudienceEvent.show_id == self.show_id, AudienceEvent.dedup.in_(keys)
                )
            )
        )
        rows: list[dict[str, Any]] = []
        questions: list[tuple[dict[str, Any], Reading, Event, str | None]] = []
        seen = stored
        for item in items:
            e = item.event
            if item.dedup in seen:
                out.duplicates += 1
                continue
            seen.add(item.dedup)
            r = self.read(ctx, e)
            seg = ctx.segments.at(e.ts)
            row = {
                "show_id": self.show_id, "dedup": item.dedup, "ts": e.ts, "type": e.type,
                "msg_id": e.msg_id, "user": e.user, "user_id": e.user_id, "text": e.text,
                "sku": e.sku, "link": e.link, "extra": e.extra, "source": source[:500],
                "kind": None if r is None else r.kind,
                "topics": "" if r is None else ",".join(r.topics),
                "product_sku": None if r is None else r.sku, "segment_key": seg,
                "group_id": None,
            }  # fmt: skip
            rows.append(row)
            if r is not None and r.kind in QUEUE_KINDS:
                questions.append((row, r, e, seg))
        if not rows:
            return
        if questions:
            self._group(s, questions, out)
        stmt = _insert(s).on_conflict_do_nothing(index_elements=["show_id", "dedup"])
        # Core executemany on the session's connection: the ORM's bulk path costs more than
        # the insert itself at thousands of rows.
        s.connection().execute(stmt, rows)
        out.accepted += len(rows)
        out.questions += len(questions)

    def _group(
        self,
        s: Session,
        questions: list[tuple[dict[str, Any], Reading, Event, str | None]],
        out: StoreResult,
    ) -> None:
        keyed = [(row, r, e, seg, *group_key(r, e.text)) for row, r, e, seg in questions]
        keys = {k for *_, k, _t in keyed}
        open_groups = {
            g.key: g
            for g in s.scalars(
                select(AudienceGroup).where(
                    AudienceGroup.show_id == self.show_id,
                    AudienceGroup.status == "open",
                    AudienceGroup.key.in_(keys),
                )
            )
        }
        links: list[tuple[dict[str, Any], AudienceGroup]] = []
        touched: list[AudienceGroup] = []
        for row, r, e, seg, key, topic in sorted(keyed, key=lambda q: q[2].ts):
            g = open_groups.get(key)
            if g is None:
                g = AudienceGroup(
                    show_id=self.show_id, key=key, kind=r.kind, text=e.text, sku=r.sku,
                    topic=topic, segment_key=seg, first_ts=e.ts, last_ts=e.ts, count=0,
                    askers=[], status="open", claimed_by="", answered_by="", reply="",
                )  # fmt: skip
                s.add(g)
                open_groups[key] = g
            g.count = (g.count or 0) + 1
            g.first_ts = min(g.first_ts, e.ts)
            g.last_ts = max(g.last_ts, e.ts)
            who = e.user or e.user_id or ""
            if who and who not in (g.askers or []) and len(g.askers or []) < MAX_ASKERS:
                g.askers = [*(g.askers or []), who]
            if g not in touched:
                touched.append(g)
            links.append((row, g))
        s.flush()
        for row, g in links:
            row["group_id"] = g.id
        key_id = touched[0].id if len(touched) == 1 else None
        out.changes.append(self.store.record_change(s, "audience_group", key_id, self.show_id))


# -- accept_lines: the one function every source calls (HTTP, sim, tests) ----------------------


@dataclass
class AcceptResult:
    accepted: int = 0
    duplicates: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)  # (1-based item number, reason)


_ingesters: dict[tuple[int, int], Ingester] = {}
_ingesters_lock = threading.Lock()


def ingester_for(store: Store, show_id: int) -> Ingester:
    """One Ingester per store and show in this process (the classifier is costly to build)."""
    key = (id(store), show_id)
    with _ingesters_lock:
        ing = _ingesters.get(key)
        if ing is None or ing.store is not store:
            ing = Ingester(store, show_id)
            _ingesters[key] = ing
        return ing


def reread_products(store: Store, show_id: int) -> None:
    """The show's products or aliases were just changed in this process: the next batch this
    process ingests reads them afresh (other processes see them within CONTEXT_TTL_S)."""
    with _ingesters_lock:
        ing = _ingesters.get((id(store), show_id))
    if ing is not None:
        ing._ctx_at = float("-inf")


def _quarantine_rows(show_id: int, source: str, bad: Iterable[Bad]) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        {
            "show_id": show_id, "source": source[:500], "line_no": b.line_no, "offset": b.offset,
            "raw": b.raw[:10_000], "reason": safe_text(b.reason, 2000), "at": now,
        }
        for b in bad
    ]  # fmt: skip


def accept_lines(
    store: Store,
    show_id: int,
    lines: Sequence[str | bytes | Mapping[str, Any]],
    *,
    source: str,
    offset_base: int | None = None,
    ingester: Ingester | None = None,
) -> AcceptResult:
    """Store viewer events (JSON text lines or decoded objects) in one transaction.

    De-duplicated by `id`, else by `(source, offset_base + index)` when `offset_base` is given
    (an id-less event without it is stored every time it is sent). Malformed items are
    quarantined with their number and reason, never raised. ShowNotFound for an unknown show.
    """
    ing = ingester or ingester_for(store, show_id)
    result = AcceptResult()
    with ing.lock, store.transaction() as s:
        window = ing.window(s)
        items: list[Incoming] = []
        bad: list[Bad] = []
        for n, line in enumerate(lines, 1):
            offset = None if offset_base is None else offset_base + n - 1
            raw = line if isinstance(line, Mapping) else None
            try:
                if isinstance(line, bytes):
                    line = line.decode("utf-8")
                if isinstance(line, str):
                    if not line.strip():
                        continue
                    event = parse_json_line(line)
                else:
                    event = parse_event(line)
                why = window.refuse(event.ts)
                if why is not None:
                    raise EventError(why)
            except (EventError, UnicodeDecodeError) as exc:
                reason = str(exc) if isinstance(exc, EventError) else "not UTF-8 text"
                text = str(raw) if raw is not None else (
                    line if isinstance(line, str) else line.decode("utf-8", "replace")
                    if isinstance(line, bytes) else str(line)
                )  # fmt: skip
                bad.append(Bad(n, offset, safe_text(text, 10_000), reason))
                result.bad.append((n, reason))
                continue
            key = dedup_key(event, source, offset)
            if key is None:
                import uuid

                key = f"u:{uuid.uuid4().hex}"
            items.append(Incoming(event, key, n))
        stored = ing.store_in(s, items, source)
        changes = stored.changes
        if bad:
            s.execute(insert(AudienceQuarantine), _quarantine_rows(show_id, source, bad))
            changes.append(store.record_change(s, "audience_quarantine", None, show_id))
    store.publish(*changes)
    result.accepted, result.duplicates = stored.accepted, stored.duplicates
    return result


# -- files: JSONL / CSV tailed exactly once ----------------------------------------------------


@dataclass
class TailStats:
    lines: int = 0
    events: int = 0
    duplicates: int = 0
    bad: int = 0
    partial_bytes: int = 0


class CommentTailer:
    """Tails one JSONL or CSV file of viewer events (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        show_id: int,
        path: str | Path,
        fmt: str | None = None,
        *,
        ingester: Ingester | None = None,
        on_bad: Callable[[int, str], None] | None = None,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.path = Path(path).resolve()
        self.fmt = fmt or ("csv" if self.path.suffix.lower() == ".csv" else "jsonl")
        self.key = safe_text("audience:" + str(self.path), 1000)
        self.source = safe_text(str(self.path), 500)
        self.ing = ingester or Ingester(store, show_id)
        self.on_bad = on_bad
        self.stats = TailStats()
        self._fid = ""
        self._offset = 0
        self._line_no = 0
        self._header: list[str] | None = None
        self._committed: tuple[str, int] | None = None
        self._loaded = False

    def _load(self) -> None:
        state = load_offset(self.store, self.show_id, self.key)
        if state is None:
            self._committed = None
        else:
            self._fid, self._offset, self._line_no = state.file_id, state.offset, state.line_no
            self._header = state.header
            self._committed = (state.file_id, state.offset)
        self._loaded = True

    def poll(self) -> int:
        """Ingest the complete lines there now; returns how many lines were consumed."""
        if not self._loaded:
            self._load()
        try:
            fh = open(self.path, "rb")  # noqa: SIM115
        except FileNotFoundError:
            return 0
        with fh:
            st = os.fstat(fh.fileno())
            fid = file_id(st)
            if (self._fid and fid != self._fid) or st.st_size < self._offset:
                log.warning("%s: a different or shorter file; reading it from the start", self.path)
                self._offset, self._line_no, self._header = 0, 0, None
            self._fid = fid
            total = 0
            while True:
                n = self._chunk(fh)
                if n == 0:
                    return total
                total += n

    def _chunk(self, fh: IO[bytes]) -> int:
        # No newline in 64 KiB: quarantined as one line.
        chunk, self.stats.partial_bytes = read_complete(fh, self._offset, READ_CHUNK, MAX_LINE)
        if not chunk:
            return 0
        items: list[Incoming] = []
        bad: list[Bad] = []
        line_no, header = self._line_no, self._header
        with self.store.session() as s:
            window = self.ing.window(s)
        for line_no, start, _end, raw in split_lines(chunk, self._offset, self._line_no):
            try:
                text = raw.decode("utf-8")
                if not text.strip():
                    continue
                if self.fmt == "csv" and header is None:
                    header = parse_csv_header(text)
                    continue
                if self.fmt == "csv":
                    assert header is not None
                    event = parse_csv_row(text, header)
                else:
                    event = parse_json_line(text)
                why = window.refuse(event.ts)
                if why is not None:
                    raise EventError(why)
            except UnicodeDecodeError as exc:
                bad.append(
                    Bad(
                        line_no,
                        start,
                        raw.decode("utf-8", "replace"),
                        f"not UTF-8 text (byte {exc.start})",
                    )
                )
                continue
            except EventError as exc:
                bad.append(Bad(line_no, start, raw.decode("utf-8", "replace"), str(exc)))
                continue
            except Exception as exc:  # a line never stops the feed
                log.exception("%s:%d: unexpected error reading the line", self.path, line_no)
                bad.append(
                    Bad(
                        line_no,
                        start,
                        raw.decode("utf-8", "replace"),
                        f"cannot read this line ({type(exc).__name__})",
                    )
                )
                continue
            key = dedup_key(event, self.source, start)
            assert key is not None
            items.append(Incoming(event, key, line_no))
        end_offset = self._offset + len(chunk)
        try:
            stored = self._commit(items, bad, end_offset, line_no, header)
        except OffsetMoved:
            log.info("%s: another ingest got further; continuing from there", self.path)
            self._load()
            return 1
        consumed = line_no - self._line_no
        self._offset, self._line_no, self._header = end_offset, line_no, header
        self.stats.lines += consumed
        self.stats.events += stored.accepted
        self.stats.duplicates += stored.duplicates
        self.stats.bad += len(bad)
        if self.on_bad is not None:
            for b in bad:
                self.on_bad(b.line_no or 0, b.reason)
        return max(1, consumed)

    def _commit(
        self,
        items: list[Incoming],
        bad: list[Bad],
        end: int,
        line_no: int,
        header: list[str] | None,
    ) -> StoreResult:
        with self.store.transaction() as s:
            # The offset first: its compare-and-set keeps two ingests of one file apart.
            state = OffsetState(self._fid, end, line_no, header)
            save_offset(s, self.show_id, self.key, self._committed, state)
            stored = self.ing.store_in(s, items, self.source)
            if bad:
                s.execute(
                    insert(AudienceQuarantine), _quarantine_rows(self.show_id, self.source, bad)
                )
                stored.changes.append(
                    self.store.record_change(s, "audience_quarantine", None, self.show_id)
                )
        self._committed = (self._fid, end)
        self.store.publish(*stored.changes)
        return stored

    def run(self, stop: threading.Event, follow: bool = False, interval: float = 0.2) -> TailStats:
        while not stop.is_set():
            if self.poll() == 0:
                if not follow:
                    break
                stop.wait(interval)
        return self.stats
