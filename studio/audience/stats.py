"""Figures of a show's audience desk: the comment list, stats, per-minute questions and
response times — one source for the command, the panels and the review."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from studio.audience.ingest import QUEUE_KINDS
from studio.audience.queue import questions_waiting
from studio.store.audience_models import AudienceEvent, AudienceGroup
from studio.store.store import Store
from studio.timeutil import from_epoch


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..1); None for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def list_comments(
    store: Store,
    show_id: int,
    *,
    kind: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The contract of `studio comments list --json` (see the issue)."""
    g = AudienceGroup
    q = (
        select(AudienceEvent, g)
        .outerjoin(g, g.id == AudienceEvent.group_id)
        .where(AudienceEvent.show_id == show_id)
    )
    if kind is not None:
        q = q.where(AudienceEvent.kind == kind)
    if status is not None:
        q = q.where(g.status == status)
    q = q.order_by(AudienceEvent.ts, AudienceEvent.id)
    if limit is not None:
        q = q.limit(limit)
    out: list[dict[str, Any]] = []
    from studio.store.models import Product

    with store.session() as s:
        links = dict(
            s.execute(select(Product.sku, Product.link).where(Product.show_id == show_id)).all()
        )
        for e, grp in s.execute(q):
            answered = grp.answered_ts if grp is not None and grp.status == "answered" else None
            out.append({
                "id": e.id,
                "at": from_epoch(e.ts).isoformat(),
                "type": e.type,
                "user": e.user,
                "text": e.text,
                "kind": e.kind,
                "topics": [t for t in e.topics.split(",") if t],
                "sku": e.product_sku,
                "link": e.link if e.link is not None else links.get(e.product_sku or ""),
                "segment": e.segment_key,
                "status": None if grp is None else grp.status,
                "group": e.group_id,
                "count": None if grp is None else grp.count,
                "claimed_by": None if grp is None else (grp.claimed_by or None),
                "answered_at": None if answered is None else from_epoch(answered).isoformat(),
                "response_s": None if answered is None else round(max(0.0, answered - e.ts), 1),
                "reply": None if grp is None or not grp.reply else grp.reply,
            })  # fmt: skip
    return out


@dataclass
class Stats:
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    questions: int = 0
    answered: int = 0
    unanswered: int = 0
    ignored: int = 0
    response_p50_s: float | None = None
    response_p90_s: float | None = None
    top_questions: list[dict[str, Any]] = field(default_factory=list)
    per_agent: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_segment: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_kind": self.by_kind,
            "questions": self.questions,
            "answered": self.answered,
            "unanswered": self.unanswered,
            "ignored": self.ignored,
            "response_p50_s": _r(self.response_p50_s),
            "response_p90_s": _r(self.response_p90_s),
            "top_questions": self.top_questions,
            "per_agent": self.per_agent,
            "per_segment": self.per_segment,
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def show_stats(store: Store, show_id: int, *, top: int = 10) -> Stats:
    """Questions are comments of the queue's kinds (question, after-sales); a response time is
    a question's time to its card's answer (first seen -> answered), one per question."""
    st = Stats()
    with store.session() as s:
        for kind, n in s.execute(
            select(AudienceEvent.kind, func.count())
            .where(AudienceEvent.show_id == show_id, AudienceEvent.type == "chat")
            .group_by(AudienceEvent.kind)
        ):
            st.by_kind[str(kind or "other")] = int(n)
        st.total = int(s.scalar(select(func.count()).where(AudienceEvent.show_id == show_id)) or 0)
        rows = s.execute(
            select(AudienceEvent.ts, AudienceEvent.segment_key, AudienceGroup.status,
                   AudienceGroup.answered_ts, AudienceGroup.answered_by)
            .join(AudienceGroup, AudienceGroup.id == AudienceEvent.group_id)
            .where(AudienceEvent.show_id == show_id, AudienceEvent.kind.in_(QUEUE_KINDS))
        ).all()  # fmt: skip
        groups = s.scalars(
            select(AudienceGroup)
            .where(AudienceGroup.show_id == show_id)
            .order_by(AudienceGroup.count.desc(), AudienceGroup.first_ts)
            .limit(top)
        ).all()
        st.top_questions = [
            {"text": g.text, "count": g.count, "sku": g.sku, "topic": g.topic, "status": g.status}
            for g in groups
        ]
    times: list[float] = []
    per_agent: dict[str, list[float]] = {}
    segs: Counter[str] = Counter()
    for ts, seg, status, answered_ts, by in rows:
        st.questions += 1
        segs[seg or ""] += 1
        if status == "answered" and answered_ts is not None:
            st.answered += 1
            dt = max(0.0, answered_ts - ts)
            times.append(dt)
            per_agent.setdefault(by or "", []).append(dt)
        elif status == "ignored":
            st.ignored += 1
        else:
            st.unanswered += 1
    st.response_p50_s = percentile(times, 0.5)
    st.response_p90_s = percentile(times, 0.9)
    st.per_agent = {
        who: {"answered": len(v), "response_p50_s": _r(percentile(v, 0.5))}
        for who, v in sorted(per_agent.items())
    }
    st.per_segment = dict(segs)
    return st


@dataclass(frozen=True)
class Now:
    """The control room's compact panel: questions per minute, open/answered, oldest wait."""

    questions_per_min: float
    open: int
    answered: int
    oldest_wait_s: float | None
    top: list[tuple[int, str, int, str | None]]  # (card id, text, count, sku), biggest open


def desk_now(store: Store, show_id: int, now: float, *, window_s: float = 300.0) -> Now:
    with store.session() as s:
        recent = int(
            s.scalar(
                select(func.count()).where(
                    AudienceEvent.show_id == show_id,
                    AudienceEvent.kind.in_(QUEUE_KINDS),
                    AudienceEvent.ts > now - window_s,
                    AudienceEvent.ts <= now,
                )
            )
            or 0
        )
        counts = dict(
            s.execute(
                select(AudienceGroup.status, func.count())
                .where(AudienceGroup.show_id == show_id)
                .group_by(AudienceGroup.status)
            ).all()
        )
        oldest = s.scalar(
            select(func.min(AudienceGroup.first_ts)).where(
                AudienceGroup.show_id == show_id, AudienceGroup.status == "open"
            )
        )
        top = s.execute(
            select(AudienceGroup.id, AudienceGroup.text, AudienceGroup.count, AudienceGroup.sku)
            .where(AudienceGroup.show_id == show_id, AudienceGroup.status == "open")
            .order_by(AudienceGroup.count.desc(), AudienceGroup.first_ts)
            .limit(3)
        ).all()
    return Now(
        questions_per_min=recent * 60.0 / window_s,
        open=questions_waiting(store, show_id, now),  # the rules' figure, one count
        answered=int(counts.get("answered", 0)),
        oldest_wait_s=None if oldest is None else max(0.0, now - float(oldest)),
        top=[(int(i), str(t), int(c), sk) for i, t, c, sk in top],
    )


def per_minute(store: Store, show_id: int) -> list[tuple[float, int, float | None]]:
    """(minute start, questions that minute, response p50 of the questions answered that
    minute) — the dashboard's curve and the review's."""
    with store.session() as s:
        rows = s.execute(
            select(AudienceEvent.ts, AudienceGroup.answered_ts, AudienceGroup.status)
            .join(AudienceGroup, AudienceGroup.id == AudienceEvent.group_id)
            .where(AudienceEvent.show_id == show_id, AudienceEvent.kind.in_(QUEUE_KINDS))
        ).all()
    asked: Counter[float] = Counter()
    answered: dict[float, list[float]] = {}
    for ts, ans, status in rows:
        asked[ts // 60 * 60] += 1
        if status == "answered" and ans is not None:
            answered.setdefault(ans // 60 * 60, []).append(max(0.0, ans - ts))
    minutes = sorted(set(asked) | set(answered))
    return [(m, asked.get(m, 0), percentile(answered.get(m, []), 0.5)) for m in minutes]


@dataclass(frozen=True)
class TopQuestion:
    sku: str | None
    product: str  # the product's name ("" without one)
    text: str
    count: int
    topic: str | None
    status: str
    reply: str


@dataclass(frozen=True)
class QuestionsReview:
    """What the review (复盘) says about the audience desk."""

    questions: int
    answered: int
    unanswered: int
    ignored: int
    response_p50_s: float | None
    response_p90_s: float | None
    top: tuple[TopQuestion, ...]  # per product, biggest first (at most 5 a product)
    faq: tuple[TopQuestion, ...]  # asked by several viewers: add to the next script's FAQ
    per_segment: tuple[tuple[str | None, int, int], ...]  # (segment key, questions, answered)


def questions_review(store: Store, show_id: int, *, per_product: int = 5) -> QuestionsReview:
    from studio.store.models import Product

    st = show_stats(store, show_id, top=0)
    with store.session() as s:
        names = dict(
            s.execute(select(Product.sku, Product.name).where(Product.show_id == show_id)).all()
        )
        groups = s.scalars(
            select(AudienceGroup)
            .where(AudienceGroup.show_id == show_id)
            .order_by(AudienceGroup.count.desc(), AudienceGroup.first_ts)
        ).all()
        seg_rows = s.execute(
            select(AudienceEvent.segment_key, AudienceGroup.status)
            .join(AudienceGroup, AudienceGroup.id == AudienceEvent.group_id)
            .where(AudienceEvent.show_id == show_id)
        ).all()
    tops = [
        TopQuestion(g.sku, str(names.get(g.sku or "", "")), g.text, g.count, g.topic, g.status,
                    g.reply or "")
        for g in groups
    ]  # fmt: skip
    shown: Counter[str | None] = Counter()
    top: list[TopQuestion] = []
    for q in tops:
        if shown[q.sku] < per_product:
            shown[q.sku] += 1
            top.append(q)
    top.sort(key=lambda q: (q.sku is None, q.sku or "", -q.count))
    segs: dict[str | None, list[int]] = {}
    for seg, status in seg_rows:
        n = segs.setdefault(seg, [0, 0])
        n[0] += 1
        n[1] += status == "answered"
    return QuestionsReview(
        questions=st.questions,
        answered=st.answered,
        unanswered=st.unanswered,
        ignored=st.ignored,
        response_p50_s=st.response_p50_s,
        response_p90_s=st.response_p90_s,
        top=tuple(top),
        faq=tuple(q for q in tops if q.count >= 2)[:15],
        per_segment=tuple((k, v[0], v[1]) for k, v in segs.items()),
    )
