"""Report generation time for a simulated 4-hour show sampled every second, both formats.

    .venv/bin/python benchmarks/bench_report.py [--step 1] [--keep DIR]

Prints the sample count and the time to load + aggregate the review, and to write the HTML and
the PDF in English and Chinese (the figures the issue's "in seconds" acceptance refers to).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--step", type=int, default=1, help="sample interval in seconds (default 1)")
    ap.add_argument("--keep", help="write the reports into this folder")
    args = ap.parse_args()

    from studio.paths import resources_dir
    from studio.review.html import render_html
    from studio.review.load import build_review
    from studio.script.store_io import create_show_from_script_file
    from studio.store.store import Store
    from studio.ui.review.report_pdf import ensure_app, render_pdf

    # The simulated show is test data, kept with the tests (not shipped in the package).
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from simulated_show import simulate_show

    ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        sid = create_show_from_script_file(store, resources_dir() / "demo" / "show.yaml")
        t = time.perf_counter()
        sim = simulate_show(store, sid, 1_797_000_000.0, step_seconds=args.step, stretch=2.0)
        print(
            f"simulated {(sim.end_ts - sim.start_ts) / 3600:.2f} h show: {sim.samples:,} samples "
            f"in {time.perf_counter() - t:.1f} s"
        )
        t = time.perf_counter()
        review = build_review(store, sid)
        load_s = time.perf_counter() - t
        print(f"load + aggregate: {load_s:.2f} s")
        for lang in ("en", "zh_CN"):
            t = time.perf_counter()
            html = render_html(review, lang)
            (out / f"bench_{lang}.html").write_text(html, encoding="utf-8")
            html_s = time.perf_counter() - t
            t = time.perf_counter()
            pages = render_pdf(review, out / f"bench_{lang}.pdf", lang)
            pdf_s = time.perf_counter() - t
            print(
                f"{lang:5}  HTML {html_s:.2f} s ({len(html) / 1024:.0f} KiB)   "
                f"PDF {pdf_s:.2f} s ({pages} pages)   "
                f"end to end: HTML {load_s + html_s:.2f} s, PDF {load_s + pdf_s:.2f} s"
            )
        store.close()


if __name__ == "__main__":
    main()
