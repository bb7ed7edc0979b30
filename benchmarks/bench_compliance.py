"""Compliance check time for a 3-hour show script with 2,000 cue lines.

    .venv/bin/python benchmarks/bench_compliance.py [--cues 2000] [--repeat 20]

Prints the one-off costs (jieba's dictionary, reading the lexicon, compiling it) apart from the
per-check cost: checking every audience text of the loaded script (the issue's < 200 ms), and,
for reference, the whole `studio compliance check` path including the YAML loader.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

# Ordinary talk is the demo show's cues plus near-misses that make the word rules segment their
# clause (积极致力 holds 极致, 拒绝对方 holds 绝对, 到底价格 holds 底价); claims are mixed in at about
# the rate of an unedited script (1 line in 8).
NEAR_MISSES = [
    "我们积极致力于把每一件产品做好，遇到不合理的砍价也会拒绝对方。",
    "第一步先清洁，第二步再上精华，第一时间给大家发货。",
    "每人最多限购两件，执行国家标准，质检报告在详情页。",
    "到底价格是多少？我马上告诉大家，直播间专享价 129。",
]
CLAIMS = [
    "今晚八款美妆好物全部是全网最低价！",
    "这款精华绝对是销量第一，没有之一。",
    "想要更便宜的加我微信，私下给你们算。",
    "七天见效，无效全额退款！",
    "这是我的最爱，成本价给大家。",
    "极致丝滑，独家配方，宝宝们闭眼入。",
]


def clean_lines() -> list[str]:
    from studio.paths import resources_dir
    from studio.script.loader import load_script_file

    demo = load_script_file(resources_dir() / "demo" / "show.yaml")
    cues = [c.text for s in demo.segments for c in s.cues]
    # About one clean line in 13 is a near-miss.
    return cues + NEAR_MISSES


def build_script(cues: int) -> str:
    """A YAML show script of 3 hours (60 segments of 3 minutes) holding `cues` cue lines."""
    segments = 60
    lines = [
        "title: 三小时美妆专场",
        "compliance:",
        "  category: cosmetics",
        "products:",
        "  - sku: MZ-1",
        "    name: 玻色因焕亮精华 30ml",
        "    selling_points: [10% 玻色因 + 烟酰胺，提亮双管齐下, 质地水润不黏腻]",
        "segments:",
    ]
    clean = clean_lines()
    n = 0
    for s in range(segments):
        lines += [f"  - id: seg-{s:02d}", f"    title: 第 {s + 1} 段讲解", "    duration: 3m"]
        lines += ["    product: MZ-1", "    cues:"]
        per = cues // segments + (1 if s < cues % segments else 0)
        for _ in range(per):
            text = CLAIMS[n // 8 % len(CLAIMS)] if n % 8 == 7 else clean[n % len(clean)]
            lines.append(f"      - text: {text}")
            if n % 5 == 0:
                lines += ["        obs:", "          texts:", "            price: ¥259 直播间价"]
            n += 1
    return "\n".join(lines) + "\n"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cues", type=int, default=2000, help="cue lines (default 2000)")
    ap.add_argument("--repeat", type=int, default=20, help="timed runs (default 20)")
    args = ap.parse_args()

    from studio.compliance import segmenter
    from studio.compliance.files import check_script_file
    from studio.compliance.lexicon import studio_lexicon
    from studio.compliance.show import checker_for_script
    from studio.compliance.texts import check_script, script_texts
    from studio.script.yaml_io import parse_yaml

    text = build_script(args.cues)
    script, src, issues = parse_yaml(text, "bench.yaml")
    assert not issues, issues
    cue_count = sum(len(s.cues) for s in script.segments)

    t0 = time.perf_counter()
    jieba_s = segmenter.warm_up()
    t1 = time.perf_counter()
    base = studio_lexicon()
    t2 = time.perf_counter()
    checker, rules = checker_for_script(script, "bench.yaml", base)
    checker.prepare(("cosmetics",))
    t3 = time.perf_counter()
    print(f"one-off: jieba dictionary {_ms(jieba_s or t1 - t0)}, lexicon file {_ms(t2 - t1)} "
          f"({len(base.rules)} rules, {len(base.exemptions)} exemptions), "
          f"compile {_ms(t3 - t2)}")  # fmt: skip

    source_lines = text.splitlines()
    texts = len(script_texts(script, src, rules))
    # Wall time and this process's CPU time: on a shared machine the CPU figure is the one that
    # does not depend on what else is running.
    runs, cpu, findings = [], [], []
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        findings = check_script(script, checker, src, rules, source_lines=source_lines)
        runs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    blocks = sum(1 for f in findings if f.blocking)
    median = statistics.median(runs)
    print(f"script: 3 h, {len(script.segments)} segments, {cue_count} cues, {texts} audience "
          f"texts, {len(source_lines)} YAML lines; {len(findings)} findings ({blocks} blocking)")  # fmt: skip
    print(f"check (loaded script): median {_ms(median)} wall, {_ms(statistics.median(cpu))} CPU; "
          f"best {_ms(min(runs))}, worst {_ms(max(runs))} over {args.repeat} runs — "
          f"target < 200 ms: {'met' if median < 0.2 else 'NOT met'} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(text, encoding="utf-8")
        whole = []
        for _ in range(max(3, args.repeat // 4)):
            t = time.perf_counter()
            check_script_file(path, base)
            whole.append(time.perf_counter() - t)
    print(f"file end to end (YAML loader + check): median {_ms(statistics.median(whole))}")


if __name__ == "__main__":
    main()
