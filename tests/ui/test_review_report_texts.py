"""The review report's borrowed texts and new sections: incident texts and check notes in the
report's language, each note said once, only the show's checks, incident markers clustered,
the traffic/audience/action sections in the PDF, and the language chosen by --lang or the UI's
setting."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from review_rich_show import RichShow, make_rich_show

from studio import paths
from studio.review import svg, tables
from studio.review.load import build_review
from studio.review.marks import incident_marks, mark_label
from studio.review.model import Review
from studio.review.strings import s
from studio.store.store import Store

CAMERA_BLACK_ZH = "摄像头画面黑屏：检查镜头盖、HDMI 线和采集卡输入"


@pytest.fixture
def rich(store: Store, tmp_path: Path) -> RichShow:
    return make_rich_show(store, tmp_path)


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", "", out.stdout)  # lines wrap anywhere in a table cell


def test_only_the_shows_checks_each_note_once(store: Store, rich: RichShow) -> None:
    """The report lists the show's checks and those run without a show in the readiness window
    before it — not an older one, not another show's — and says each finding once, without ".;"."""
    r = build_review(store, rich.show_id)
    assert [c.kind for c in r.checks] == ["mic", "obs"]
    notes = [row[3] for row in tables.checks(r, "en").rows]
    assert notes[1].count("Not checked: OBS is not connected") == 1
    assert ".;" not in " ".join(notes)
    assert tables.join_notes(["A.", "B", "A", " B. "], "en") == "A; B"
    assert tables.join_notes(["甲。", "乙", "甲"], "zh_CN") == "甲；乙"


def test_report_wording_in_chinese(store: Store, rich: RichShow, qapp: object) -> None:
    """Automatic incident texts and check notes come out in Chinese from their translation keys
    (with an auto-incident's count kept); what a person wrote stays as written."""
    from studio.ui.review.report_texts import wording

    r = build_review(store, rich.show_id)
    zh = wording("zh_CN")
    texts = [row[5] for row in tables.incidents(r, "zh_CN", zh).rows]
    assert texts.count(CAMERA_BLACK_ZH) == 2
    assert f"{CAMERA_BLACK_ZH} (×3)" in texts
    assert "stream lag" in texts  # typed by a person
    assert not any("Camera picture black" in t for t in texts)
    notes = " ".join(row[3] for row in tables.checks(r, "zh_CN", zh).rows)
    assert notes.count("未检查：OBS 未连接") == 1
    assert "Not checked" not in notes and "Loudness" not in notes
    en = wording("en")
    assert [row[5] for row in tables.incidents(r, "en", en).rows] == [
        i.text for i in r.incidents.items
    ]


def test_timeline_clusters_close_incidents(store: Store, rich: RichShow) -> None:
    """Three automatic incidents within a minute are one marker "!2–4 ×3" on the report's
    timeline; incidents minutes apart keep their own markers."""
    r = build_review(store, rich.show_id)
    assert r.start_ts is not None and r.end_ts is not None
    marks = incident_marks(r.incidents.items, r.start_ts, r.end_ts, 920, 40)
    assert [m.label for m in marks] == ["!1", "!2–4 ×3", "!5", "!6"]
    assert marks[1].severity == 1  # the worst of the three
    chart = svg.timeline(r, "en")
    labels = re.findall(r">(![^<]*)</text>", chart)
    assert labels == ["!1", "!2–4 ×3", "!5", "!6"]


def test_chart_axes_count_in_the_readers_units(store: Store, rich: RichShow) -> None:
    """The report's GMV axes read 1万 / 2万 in Chinese and 10k / 20k in English, like the live
    graphs, never "20k" in a Chinese report."""
    r = build_review(store, rich.show_id)
    zh, en = svg.timeline(r, "zh_CN"), svg.timeline(r, "en")
    assert ">¥1万<" in zh and "k<" not in zh
    assert ">¥10k<" in en and "万" not in en


def test_mark_labels() -> None:
    """Labels name one incident, a run of numbers with its count, or the first and the count."""
    assert mark_label([7]) == "!7"
    assert mark_label([2, 3, 4]) == "!2–4 ×3"
    assert mark_label([2, 5]) == "!2… ×2"
    assert mark_label([]) == ""


def _review(store: Store, rich: RichShow) -> Review:
    return build_review(store, rich.show_id)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_has_every_section_in_chinese(
    store: Store, rich: RichShow, tmp_path: Path, qapp: object
) -> None:
    """The Chinese PDF has the per-segment audience, channels, traffic/audience charts, carried
    and decided actions, and the incident and check texts in Chinese."""
    from studio.ui.review.report_pdf import render_pdf

    r = _review(store, rich)
    out = tmp_path / "r.pdf"
    render_pdf(r, out, "zh_CN")
    text = _pdf_text(out)

    def has(phrase: str) -> int:
        return text.count(re.sub(r"\s+", "", phrase))

    for key in ("sec.segment_audience", "sec.channels", "sec.carried", "sec.actions"):
        assert has(s(key, "zh_CN")), key
    for word in ("推荐", "转粉率", "备用麦克风开播前充满电", "千川预算移到 20 点档", "年龄"):
        assert has(word), word
    assert has(tables.segment_title(r.segments[2], "zh_CN"))
    assert has(CAMERA_BLACK_ZH) == 3
    assert not has("Camera picture black") and not has("Not checked")
    assert has("未检查：OBS 未连接") == 1


def test_report_language_follows_lang_then_settings(
    store: Store, rich: RichShow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`studio report` writes in --lang (before or after the subcommand), else in the language
    chosen in the GUI, else $STUDIO_LANG — and accepts --db after the subcommand."""
    from studio.cli import main

    db = str(store.engine.url)
    out = tmp_path / "r.html"

    def report(*args: str) -> str:
        assert (
            main([*args[:2], "report", "--show", str(rich.show_id), "-o", str(out), *args[2:]]) == 0
        )
        return out.read_text(encoding="utf-8")

    def chinese(html: str) -> bool:
        return s("sec.headline", "zh_CN") in html

    monkeypatch.setenv("STUDIO_LANG", "en")
    assert not chinese(report("--db", db))
    settings = QSettings(str(paths.config_dir() / "studio.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "zh_CN")
    settings.sync()
    html = report("--db", db)
    assert chinese(html) and CAMERA_BLACK_ZH in html
    assert not chinese(report("--db", db, "--lang", "en"))
    assert not chinese(report("--lang", "en", "--db", db))
    assert main(["report", "--show", str(rich.show_id), "-o", str(out), "--db", db]) == 0
