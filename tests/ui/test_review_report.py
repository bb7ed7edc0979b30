"""The review of a simulated full show: every table number recomputed from the raw rows, and the
PDF and HTML reports generated in both languages."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from simulated_show import simulate_show
from sqlalchemy import select

from studio.devices.checks_store import save_check
from studio.devices.findings import Finding
from studio.planning.crew import add_crew, add_task
from studio.review.load import build_review
from studio.script.store_io import create_show_from_script_file
from studio.store.models import CueEvent, MetricSample, Product, Show
from studio.store.store import Store
from studio.timeutil import from_epoch

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "show.yaml"
T0 = 1_797_000_000.0


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The demo script run start to end on a fake clock, with samples, incidents, checks, crew."""
    db = tmp_path_factory.mktemp("review") / "show.db"
    store = Store.open(f"sqlite:///{db}")
    show_id = create_show_from_script_file(store, DEMO)
    save_check(store, "camera", "cam0", {}, [Finding("focus", "pass", "sharp")], show_id=show_id)
    save_check(
        store, "mic", "mic0", {}, [Finding("noise", "warn", "noise floor -52 dBFS")], show_id
    )
    add_crew(store, show_id, "anchor", "小美")
    add_crew(store, show_id, "controller", "阿强")
    add_task(store, show_id, "发布预热短视频", "小美", from_epoch(T0 - 7200))
    add_task(store, show_id, "设置直播预告", "阿强", from_epoch(T0 - 3600))
    sim = simulate_show(store, show_id, T0, seed=11, step_seconds=5)
    yield store, show_id, sim
    store.close()


_RAW: dict[int, tuple[dict, dict]] = {}


def _raw(store: Store, show_id: int) -> tuple[dict, dict]:
    """metric -> sorted [(ts, value)] for the whole show, and sku -> metric -> [...]."""
    if show_id in _RAW:  # the simulated show is shared by the module: read its rows once
        return _RAW[show_id]
    whole: dict[str, list[tuple[float, float]]] = defaultdict(list)
    per: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    with store.session() as s:
        for r in s.scalars(select(MetricSample).where(MetricSample.show_id == show_id)):
            v = r.value if r.value is not None else r.value_real
            (whole[r.metric] if r.sku == "" else per[r.sku][r.metric]).append((r.ts, v))
    for d in (whole, *per.values()):
        for k in d:
            d[k].sort()
    _RAW[show_id] = (whole, per)
    return whole, per


def _at(points: list[tuple[float, float]], t: float) -> float:
    """Latest sample at or before t (0 before the first)."""
    v = 0.0
    for ts, val in points:
        if ts > t:
            break
        v = val
    return v


def _segment_spans(store: Store, show_id: int) -> list[tuple[str, float, float]]:
    with store.session() as s:
        events = list(
            s.scalars(select(CueEvent).where(CueEvent.show_id == show_id).order_by(CueEvent.at))
        )
    spans = []
    for a, b in itertools.pairwise(events):
        spans.append((a.segment_key, a.at.timestamp(), b.at.timestamp()))
    return spans


def _ratio(n: float, d: float) -> float | None:
    return None if d <= 0 else n / d


def test_segment_table_matches_raw_samples(simulated) -> None:  # type: ignore[no-untyped-def]
    """GMV, orders, viewers in/out, average online, CTR, CVR and timings per segment equal a
    recomputation from the raw samples and CueEvents."""
    store, show_id, _ = simulated
    review = build_review(store, show_id)
    whole, _ = _raw(store, show_id)
    spans = _segment_spans(store, show_id)
    assert len(review.segments) == len(spans) == 17
    for row, (key, st, en) in zip(review.segments, spans, strict=True):
        assert row.key == key
        assert row.actual_seconds == pytest.approx(en - st)
        assert row.actual_offset_s == pytest.approx(st - T0)

        def d(metric: str, st: float = st, en: float = en) -> float:
            return _at(whole[metric], en) - _at(whole[metric], st)

        assert row.gmv_cents == d("gmv_cents")
        assert row.orders == d("orders")
        assert row.entries == d("entries")
        net = _at(whole["online_viewers"], en) - _at(whole["online_viewers"], st)
        assert row.online_delta == net
        assert row.left == max(0, d("entries") - net)
        inside = [v for ts, v in whole["online_viewers"] if st < ts <= en]
        assert row.avg_online == pytest.approx(sum(inside) / len(inside))
        assert row.ctr == pytest.approx(_ratio(d("product_clicks"), d("product_exposures")))
        assert row.cvr == pytest.approx(_ratio(d("buyers"), d("product_clicks")))
    # the segments tile the show: their GMV adds up to the show's
    assert sum(r.gmv_cents or 0 for r in review.segments) == review.headline.gmv_cents
    assert review.headline.gmv_cents == whole["gmv_cents"][-1][1] > 0


def test_product_table_matches_raw_samples(simulated) -> None:  # type: ignore[no-untyped-def]
    """Exposures, clicks, CTR, buyers, CVR, GMV and sold-through per product equal the raw
    per-SKU totals and the product's stock."""
    store, show_id, _ = simulated
    review = build_review(store, show_id)
    _, per = _raw(store, show_id)
    with store.session() as s:
        stock = {
            p.sku: p.stock for p in s.scalars(select(Product).where(Product.show_id == show_id))
        }
    assert [p.sku for p in review.products] == list(stock)
    for p in review.products:
        raw = {m: pts[-1][1] for m, pts in per[p.sku].items()}
        assert p.exposures == raw["product_exposures"]
        assert p.clicks == raw["product_clicks"]
        assert p.buyers == raw["buyers"]
        assert p.gmv_cents == raw["gmv_cents"]
        assert p.ctr == pytest.approx(_ratio(raw["product_clicks"], raw["product_exposures"]))
        assert p.cvr == pytest.approx(_ratio(raw["buyers"], raw["product_clicks"]))
        assert p.sold_through == pytest.approx(raw["orders"] / stock[p.sku])


def test_headline_funnel_and_correlation(simulated) -> None:  # type: ignore[no-untyped-def]
    """Headline figures, funnel rates and the viewers-vs-GMV correlation follow the raw data."""
    import numpy as np

    store, show_id, sim = simulated
    review = build_review(store, show_id)
    whole, _ = _raw(store, show_id)
    last = {m: pts[-1][1] for m, pts in whole.items()}
    h = review.headline
    assert h.orders == last["orders"] and h.buyers == last["buyers"]
    assert h.peak_online == max(v for _, v in whole["online_viewers"])
    assert h.gpm_yuan == pytest.approx(last["gmv_cents"] / last["viewers_total"] * 10)
    assert h.target_pct == pytest.approx(last["gmv_cents"] / 30_000_000 * 100)
    steps = {f.key: f for f in review.funnel}
    assert steps["product_clicks"].rate == pytest.approx(
        last["product_clicks"] / last["product_exposures"]
    )
    assert steps["entries"].rate == pytest.approx(last["entries"] / last["exposures"])
    assert steps["orders"].rate == pytest.approx(last["orders"] / last["product_clicks"])
    # per minute: GMV differences and mean online, then Pearson r by numpy's own corrcoef
    xs, ys = [], []
    t = sim.start_ts
    while t < sim.end_ts:
        e = min(t + 60, sim.end_ts)
        inside = [v for ts, v in whole["online_viewers"] if t < ts <= e]
        if inside:
            xs.append(sum(inside) / len(inside))
            ys.append(_at(whole["gmv_cents"], e) - _at(whole["gmv_cents"], t))
        t += 60
    assert len(xs) == int(np.sum(~np.isnan(review.minutes.avg_online)))
    assert review.minutes.correlation == pytest.approx(float(np.corrcoef(xs, ys)[0, 1]))
    assert review.incidents.by_category == {"technical": 1, "product": 1, "anchor": 1}
    assert review.incidents.unresolved == 1
    assert review.incidents.max_resolve_s == pytest.approx(240.0)
    assert {c.kind for c in review.checks} == {"camera", "mic"}
    assert [c.role for c in review.crew] == ["anchor", "controller"]


def test_previous_shows_and_rehearsals_are_kept_apart(simulated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The trend compares with earlier live shows only; a rehearsal is never compared."""
    store, show_id, _ = simulated
    with store.transaction() as s:
        older = Show(
            title="上周专场",
            status="ended",
            started_at=from_epoch(T0 - 7 * 86400),
            gmv_target_cents=100,
        )
        rehearsal = Show(
            title="彩排", status="ended", started_at=from_epoch(T0 - 86400), is_rehearsal=True
        )
        s.add_all([older, rehearsal])
        s.flush()
        older_id, rehearsal_id = older.id, rehearsal.id
        s.add(
            MetricSample(show_id=older_id, metric="gmv_cents", ts=T0 - 7 * 86400 + 60, value=5000)
        )
    review = build_review(store, show_id, compare=5)
    assert [t.id for t in review.trend] == [older_id, show_id]
    assert review.trend[0].gmv_cents == 5000 and review.trend[-1].current
    assert build_review(store, rehearsal_id).trend == ()
    assert build_review(store, show_id, compare=0).trend == ()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_reports_in_both_formats(simulated, tmp_path: Path, lang: str, qapp) -> None:  # type: ignore[no-untyped-def]
    """`studio report` writes a PDF that poppler can rasterise and a self-contained HTML file
    with the show's numbers, in English and Chinese."""
    from studio.cli import main

    store, show_id, _ = simulated
    db = str(store.engine.url)
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    for out in (pdf, html):
        args = ["--db", db, "report", "--show", str(show_id), "-o", str(out), "--lang", lang]
        assert main(args) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert not list(tmp_path.glob("*.part"))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "p")], check=True)
        assert len(list(tmp_path.glob("p-*.png"))) >= 2
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert "WenQuanYi" in fonts or "Noto" in fonts  # CJK font embedded: no tofu
    text = html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text)
    assert "<svg" in text and "<style>" in text
    review = build_review(store, show_id)
    assert f"¥{review.headline.gmv_cents / 100:,.2f}" in text
    assert ("成交金额" in text) == (lang == "zh_CN")


def test_report_command_errors(simulated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A wrong suffix, a missing folder or an unknown show is a clear message, not a traceback."""
    from studio.cli import main

    store, show_id, _ = simulated
    db = str(store.engine.url)
    assert main(["--db", db, "report", "--show", str(show_id), "-o", str(tmp_path / "r.docx")]) == 2
    assert (
        main(["--db", db, "report", "--show", str(show_id), "-o", str(tmp_path / "no" / "r.pdf")])
        == 2
    )
    assert main(["--db", db, "report", "--show", "999", "-o", str(tmp_path / "r.html")]) == 1
    assert not (tmp_path / "r.html").exists()


def test_show_without_script_or_samples_still_reports(store: Store, tmp_path: Path) -> None:
    """A show with no script, samples or incidents gives an empty-but-valid review and HTML."""
    from studio.review.html import render_html
    from studio.store.shows import create_show

    sid = create_show(store, "空场")
    review = build_review(store, sid)
    assert review.segments == () and not review.has_metrics
    assert review.headline.gmv_cents == 0 and review.minutes.correlation is None
    html = render_html(review, "zh_CN")
    assert "本场没有记录到数据" in html
