"""Reading a labelled comment set and measuring the rules against it (tests and benchmarks).

Two formats: `text | kind | topics | sku` lines with `# presenting: SKU` comments
(tests/data/audience_labelled.txt, `load_labelled`), and JSON lines `{"text", "kind", "topics",
"product_sku"}` read with no product presenting (tests/data/audience_heldout.jsonl,
`load_labelled_jsonl`). `measure` scores either."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studio.audience.classify import Classifier, Reading
from studio.audience.rules import KINDS


@dataclass(frozen=True)
class Labelled:
    line: int
    text: str
    kind: str
    topics: tuple[str, ...]
    sku: str | None
    presenting: str | None


@dataclass
class Figures:
    n: int = 0
    tp: int = 0  # question and read as one
    fp: int = 0
    fn: int = 0
    kind_right: int = 0
    named: int = 0  # comments that name a product
    tagged_right: int = 0
    topic_tp: int = 0
    topic_fp: int = 0
    topic_fn: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (want, got)
    unnamed: int = 0  # comments that name no product
    tagged_wrongly: int = 0  # a product read into a comment that names none
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def precision(self) -> float:
        return self.tp / max(1, self.tp + self.fp)

    @property
    def tagging(self) -> float:
        return self.tagged_right / max(1, self.named)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / max(1, self.n)

    @property
    def topic_f1(self) -> float:
        p = self.topic_tp / max(1, self.topic_tp + self.topic_fp)
        r = self.topic_tp / max(1, self.topic_tp + self.topic_fn)
        return 2 * p * r / max(1e-9, p + r)

    def summary(self) -> str:
        return (
            f"{self.n} comments: question recall {self.recall:.3f} at precision "
            f"{self.precision:.3f} (tp {self.tp}, fp {self.fp}, fn {self.fn}); kind accuracy "
            f"{self.kind_accuracy:.3f}; topic F1 {self.topic_f1:.3f}; product tagging "
            f"{self.tagging:.3f} on {self.named} comments naming a product"
        )

    def kinds_table(self) -> str:
        """Per labelled kind: how many were read as it, and what the others were read as."""
        lines = ["  kind (want) -> got"]
        for want in KINDS:
            total = sum(n for (w, _), n in self.confusion.items() if w == want)
            right = self.confusion[(want, want)]
            wrong = ", ".join(
                f"{got} {n}"
                for (w, got), n in sorted(self.confusion.items(), key=lambda kv: -kv[1])
                if w == want and got != want
            )
            lines.append(f"  {want:<16}{right:>4}/{total:<4} {wrong}")
        return "\n".join(lines)


def load_labelled(path: Path) -> list[Labelled]:
    out: list[Labelled] = []
    presenting: str | None = None
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("# presenting:"):
                presenting = line.split(":", 1)[1].strip() or None
            continue
        text, kind, topics, sku = (c.strip() for c in line.split("|"))
        out.append(
            Labelled(
                no,
                text,
                kind,
                tuple(t for t in topics.split(",") if t and t != "-"),
                None if sku == "-" else sku,
                presenting,
            )
        )
    return out


def load_labelled_jsonl(path: Path) -> list[Labelled]:
    """JSON lines `{"text", "kind", "topics", "product_sku"}`, read with no product presenting."""
    out: list[Labelled] = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip():
            d = json.loads(raw)
            out.append(
                Labelled(no, d["text"], d["kind"], tuple(d["topics"]), d["product_sku"], None)
            )
    return out


def measure(classifier: Classifier, rows: Sequence[Labelled]) -> Figures:
    f = Figures()
    for row in rows:
        r: Reading = classifier.read(row.text, row.presenting)
        f.n += 1
        want_q, got_q = row.kind == "question", r.kind == "question"
        f.tp += want_q and got_q
        f.fp += got_q and not want_q
        f.fn += want_q and not got_q
        f.kind_right += r.kind == row.kind
        f.confusion[(row.kind, r.kind)] += 1
        want_t, got_t = set(row.topics), set(r.topics)
        f.topic_tp += len(want_t & got_t)
        f.topic_fp += len(got_t - want_t)
        f.topic_fn += len(want_t - got_t)
        if row.sku is not None:
            f.named += 1
            f.tagged_right += r.sku == row.sku
        else:
            f.unnamed += 1
            f.tagged_wrongly += r.sku is not None
        if r.kind != row.kind or (row.sku is not None and r.sku != row.sku) or want_t != got_t:
            f.misses.append(
                f"{row.line}: {row.text!r} want {row.kind}/{sorted(want_t)}/{row.sku} "
                f"got {r.kind}/{sorted(got_t)}/{r.sku}"
            )
    return f
