"""Fuzz: mutated metric lines, scripts (YAML, CSV) and spreadsheets through the real commands.

A seeded mutator (the same cases on every run) breaks known-good inputs the ways people and
attackers do: numbers of hundreds of digits, 1e400 and inf, deep nesting, YAML tags and
self-referencing anchors, lone surrogates, control characters, truncation, stray bytes. Each
case goes through `studio.cli.main` in-process and must hold the contract of the commands:

- no traceback, and exit 0 (ok), 1 (findings) or 2 (unusable input) only;
- every error line is `FILE:LINE: message` (or `FILE:SHEET!ROW: message`);
- a script `script validate` accepts is one `show create` stores;
- every untouched metric line is stored exactly once, also after running the ingest again.

Run as a script for a longer campaign: `python tests/test_hostile_fuzz.py --cases 2000`
prints the cases tried and passed per kind.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

T0 = 1_794_000_000
REPO = Path(__file__).resolve().parent.parent

# Values that broke (or could break) a parser: numbers beyond every range, tags, aliases,
# escapes no database takes, control characters, nesting.
NASTY_SCALARS = [
    "9" * 400, "1e400", "-1e400", "inf", ".inf", "-.inf", ".nan", "1e99999999", "1e308",
    "-1", "0", "1e-400", "99999999999999999999", "4294967296", "2147483648", "-0",
    "!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary AAAA",
    "!!timestamp 'garbage'", "!!timestamp 2024-01-01", "!!int 1e5", "!!float abc", "!!set {a}",
    '"\\ud800"', '"\\udfff x"', '"\\x01\\x02"', '"a\\nb"', "&a [*a]", "&b {k: *b}", "*nowhere",
    "[" * 60 + "]" * 60, "{a: " * 45 + "1" + "}" * 45, "~", "null", "true", "yes", "''",
    '"' + "x" * 3000 + '"', "|\n  two\n  lines", "1h" * 40, "1:99:99", "99999999h",
    "9" * 30 + "h", "9" * 400 + "s", "¥" + "9" * 40, "0001-01-01T00:00", "9999-12-31T23:59",
    "2024-13-45", "-1:30", "1.5s", "5分钟", "1e5m", "[1, 2]", "{x: 1}", "- a",
]  # fmt: skip
NASTY_CHARS = ["\x00", "\x01", "\x07", "\x1b", "\t", "\r", "\ufeff", "\u2028", "\U0001f600",
               "\\", '"', "'", ":", "#", "&", "*", "!", "%", "@", "`", "{", "[", "\n"]  # fmt: skip
NASTY_JSON = [
    "1" + "0" * 5000, "1" + "0" * 400, "1e400", "-1", "1.5", "NaN", "Infinity", "true", "null",
    '"\\ud800"', '"\\udfff\\ud800"', '"x"', '""', "[]", "{}", "[" * 1200 + "]" * 1200,
    '"' + "y" * 70 + '"', "4070908800", "978307200", "1794000000000", '"2026-11-07T10:00:00Z"',
    '"2099-01-01T00:00:00Z"', '"garbage"', "0", "9223372036854775808", "1e19",
]  # fmt: skip

YAML_BASE = (REPO / "resources" / "demo" / "show.yaml").read_text(encoding="utf-8")
YAML_SMALL = """title: 冬季美妆专场
planned_start: 2026-11-11T20:00:00+08:00
slot: 30m
gmv_target: 300000
traffic_target: 50000
products:
  - sku: MZ-1
    name: 焕亮精华
    list_price: 399
    live_price: 259
    stock: 800
segments:
  - id: open
    title: 开场
    kind: opening
    duration: 5m
    cues:
      - 欢迎来到直播间
      - text: 先点关注
        notes: 切暖光
        obs: {scene: 特写, texts: {price: "¥99"}}
  - id: sale
    kind: flash_sale
    duration: 3m
    product: MZ-1
    flash_sale: {quantity: 300, price: 99}
    lucky_bag: {draw: 2m, prize: 口红}
"""
CSV_HEADERS = ["时间段", "环节", "时长(分钟)", "话术", "商品", "福利", "场控配合", "备注"]
CSV_ROWS: list[list[Any]] = [
    ["20:00-20:05", "开场预热", 5, "欢迎来到直播间！", "", "", "切暖光", ""],
    ["20:05-20:08", "开场福袋", 3, "福袋挂上啦", "", "口红正装×20份，3分钟开奖", "发福袋", ""],
    ["20:08-20:18", "精华讲解", 10, "第一款是精华", "焕亮精华", "买一送二", "上1号链接", ""],
    ["20:18-20:23", "口红秒杀", 5, "秒杀开始！", "丝绒口红", "秒杀价¥99 限量300件", "改价", ""],
    ["20:23-20:28", "收尾", 5, "感谢陪伴", "", "", "", ""],
]
NASTY_CELLS: list[Any] = [
    10**30, -(10**30), 1e308, -1e308, 1e-300, 0, -1, 2**31, 2**63, "9" * 400, "1e400",
    "inf", "nan", "-5", "1:99", "9" * 40 + "分钟", "秒杀价¥" + "9" * 40 + " 限量" + "9" * 40 + "件",
    "限量" + "9" * 5000 + "件", "福袋 " + "9" * 400 + "分钟开奖", None, "", True, False,
    "=1/0", "#DIV/0!", "x" * 40000, "a\nb\nc", "\u2028", "\U0001f600", "0001-01-01",
]  # fmt: skip

Crash = str  # the traceback of an exception that escaped the command


def run_cli(argv: list[str]) -> tuple[int | Crash, str, str]:
    """`studio ARGV` in this process: (exit code or the traceback that escaped, out, err)."""
    from studio.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: int | Crash = main(argv)
    except SystemExit as exc:  # argparse
        code = int(exc.code) if isinstance(exc.code, int) else 2
    except BaseException:
        code = traceback.format_exc()
    return code, out.getvalue(), err.getvalue()


# -- mutators ------------------------------------------------------------------------------------


def mutate_yaml(rng: random.Random) -> str:
    lines = (YAML_SMALL if rng.random() < 0.6 else YAML_BASE).splitlines()
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        i = rng.randrange(len(lines))
        if op == 0 and ":" in lines[i]:
            key, _, _ = lines[i].partition(":")
            lines[i] = f"{key}: {rng.choice(NASTY_SCALARS)}"
        elif op == 1:
            indent = " " * rng.choice([0, 2, 4, 6, 8])
            key = rng.choice(["duration", "stock", "live_price", "obs", "warn", "slot", "x", "id"])
            lines.insert(i, f"{indent}{key}: {rng.choice(NASTY_SCALARS)}")
        elif op == 2 and len(lines) > 1:
            del lines[i]
        elif op == 3:
            lines.insert(i, lines[i])
        elif op == 4:
            text = "\n".join(lines)
            lines = text[: rng.randrange(len(text) + 1)].splitlines() or [""]
        elif op == 5:
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + rng.choice(NASTY_CHARS) + lines[i][pos:]
        elif op == 6:
            lines[i] = " " * rng.randrange(5) + lines[i].lstrip()
        else:
            lines.insert(i, f"        obs: {rng.choice(NASTY_SCALARS)}")
    return "\n".join(lines) + "\n"


def _cells(rng: random.Random) -> list[list[Any]]:
    rows = [list(r) for r in CSV_ROWS]
    for _ in range(rng.randint(1, 5)):
        r = rng.randrange(len(rows))
        c = rng.randrange(len(CSV_HEADERS))
        rows[r][c] = rng.choice(NASTY_CELLS)
    if rng.random() < 0.2:
        rows.insert(rng.randrange(len(rows) + 1), [rng.choice(NASTY_CELLS) for _ in CSV_HEADERS])
    return rows


def mutate_csv_script(rng: random.Random) -> bytes:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=rng.choice([",", ",", ";", "\t"]))
    w.writerow(["冬季美妆专场直播脚本"])
    w.writerow(CSV_HEADERS)
    for row in _cells(rng):
        w.writerow(["" if v is None else v for v in row])
    text = buf.getvalue()
    if rng.random() < 0.3:
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(NASTY_CHARS) + text[pos:]
    data = text.encode(rng.choice(["utf-8", "utf-8-sig", "gb18030"]), "replace")
    if rng.random() < 0.15:
        pos = rng.randrange(len(data) + 1)
        data = data[:pos] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[pos:]
    return data


def write_xlsx(path: Path, rng: random.Random) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "脚本"
    ws.append(["冬季美妆专场直播脚本"])
    ws.append(CSV_HEADERS)
    for row in _cells(rng):
        ws.append(row)
    if rng.random() < 0.7:
        ps = wb.create_sheet(rng.choice(["商品", "products", "其他"]))
        ps.append(["SKU", "商品名称", "原价", "直播价", "库存", "卖点"])
        for _ in range(rng.randint(1, 3)):
            ps.append(
                [
                    rng.choice(["MZ-1", "MZ-2", rng.choice(NASTY_CELLS)]),
                    rng.choice(["焕亮精华", "丝绒口红", rng.choice(NASTY_CELLS)]),
                    rng.choice([399, rng.choice(NASTY_CELLS)]),
                    rng.choice([259, rng.choice(NASTY_CELLS)]),
                    rng.choice([800, rng.choice(NASTY_CELLS)]),
                    rng.choice(["淡纹；提亮", rng.choice(NASTY_CELLS)]),
                ]
            )
    wb.save(path)
    if rng.random() < 0.2:
        data = bytearray(path.read_bytes())
        if rng.random() < 0.5:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))


@dataclass
class MetricFile:
    text: bytes
    kept: list[tuple[float, str, str]] = field(default_factory=list)  # untouched samples
    kept_lines: set[int] = field(default_factory=set)


def metric_file(rng: random.Random, fmt: str, n: int = 30) -> MetricFile:
    """Valid lines with a mutated minority; `kept` are the samples of the untouched lines."""
    out = MetricFile(b"")
    lines: list[bytes] = []
    if fmt == "csv":
        lines.append(b"ts,orders,online_viewers,sku")
    for k in range(n):
        ts = T0 + 1000 * k
        sku = rng.choice(["", "A1", "B2"])
        if fmt == "csv":
            line = f"{ts},{k},{100 + k},{sku}"
            samples = [(float(ts), "orders", sku), (float(ts), "online_viewers", sku)]
        elif rng.random() < 0.5:
            obj: dict[str, Any] = {"ts": ts, "orders": k, "online_viewers": 100 + k}
            if sku:
                obj["sku"] = sku
            line = json.dumps(obj)
            samples = [(float(ts), "orders", sku), (float(ts), "online_viewers", sku)]
        else:
            line = json.dumps({"ts": ts, "metric": "gmv_cents", "value": 100 * k, "sku": sku})
            samples = [(float(ts), "gmv_cents", sku)]
        if rng.random() < 0.35:
            line = _mutate_line(line, rng, fmt)
        else:
            out.kept += samples
            out.kept_lines.add(len(lines) + 1)
        lines.append(line.encode("utf-8", "surrogatepass"))
    if rng.random() < 0.3:  # stray bytes between lines
        i = rng.randrange(len(lines) + 1)
        lines.insert(
            i, bytes(rng.randrange(256) for _ in range(rng.randint(1, 40))).replace(b"\n", b"")
        )
        out.kept_lines = {x + 1 if x > i else x for x in out.kept_lines}
    sep = rng.choice([b"\n", b"\r\n"])
    out.text = sep.join(lines) + sep
    return out


def _mutate_line(line: str, rng: random.Random, fmt: str) -> str:
    op = rng.randrange(6)
    if op == 0 and fmt != "csv":
        key = rng.choice(["ts", "orders", "value", "sku", "metric", "online_viewers", "\\ud800"])
        obj = f'"{key}": {rng.choice(NASTY_JSON)}'
        return line[:-1] + ", " + obj + "}" if rng.random() < 0.5 else "{" + obj + "}"
    if op == 0:
        cells = line.split(",")
        cells[rng.randrange(len(cells))] = rng.choice([*NASTY_JSON, "", "x" * 200000])
        return ",".join(cells)
    if op == 1:
        return line[: rng.randrange(len(line) + 1)]
    if op == 2:
        pos = rng.randrange(len(line) + 1)
        return line[:pos] + rng.choice(NASTY_CHARS).replace("\n", "") + line[pos:]
    if op == 3:
        return rng.choice(NASTY_JSON)
    if op == 4:
        return line.replace(str(T0)[:4], rng.choice(["4070", "9999", "0000", "1794" + "0" * 30]), 1)
    return line + line  # two objects on one line


# -- checks --------------------------------------------------------------------------------------


def _where_re(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(str(path)) + r":(\d+(:\d+)?|[^:\n]+!\d+): \S")


def check_script(path: Path, db_url: str | None) -> list[str]:
    """Problems with how `script validate` (and `show create`) handled the file."""
    problems: list[str] = []
    code, out, err = run_cli(["script", "validate", str(path)])
    if isinstance(code, str):
        return [f"validate crashed:\n{code}"]
    if code not in (0, 1, 2):
        problems.append(f"validate exit {code}")
    if "Traceback" in out + err:
        problems.append("traceback printed")
    where = _where_re(path)
    if code == 1:
        bad = [x for x in out.splitlines() if not where.match(x)]
        if bad or not out.strip():
            problems.append(f"lines without FILE:LINE: {bad[:3]!r}")
    elif code == 0:
        head, ok, _rest = out.partition(f"{path}: OK")
        if not ok or any(not where.match(x) for x in head.splitlines()):
            problems.append(f"OK output: {out[:200]!r}")
        if db_url is not None:
            c2, _out2, err2 = run_cli(["--db", db_url, "show", "create", "--title", "f",
                                      "--script", str(path)])  # fmt: skip
            if c2 != 0:
                problems.append(
                    f"validate said OK, show create gave {str(c2)[:2000]} {err2[:300]!r}"
                )
    if err and code != 2:
        problems.append(f"stderr: {err[:200]!r}")
    return problems


def check_ingest(store: Any, db_url: str, path: Path, mf: MetricFile, fmt: str) -> list[str]:
    from sqlalchemy import func, select

    from studio.store.models import MetricQuarantine, MetricSample
    from studio.store.shows import create_show

    sid = create_show(store, "fuzz")
    path.write_bytes(mf.text)
    argv = ["--db", db_url, "ingest", "--show", str(sid), "--source", f"{fmt}:{path}"]
    code, out, err = run_cli(argv)
    if isinstance(code, str):
        return [f"ingest crashed:\n{code}"]
    problems: list[str] = []
    if "Traceback" in out + err:
        problems.append("traceback printed")
    line_re = re.compile(re.escape(str(path)) + r"(:\d+: \S|: … and \d+ more)")
    bad = [x for x in err.splitlines() if not line_re.match(x)]
    if bad:
        problems.append(f"stderr lines without FILE:LINE: {bad[:3]!r}")
    with store.session() as s:
        m, q = MetricSample, MetricQuarantine
        quarantined = [int(n) for (n,) in s.execute(select(q.line_no).where(q.show_id == sid))]
        stored = s.scalar(select(func.count()).select_from(m).where(m.show_id == sid)) or 0
        for ts, metric, sku in mf.kept:
            n = s.scalar(
                select(func.count())
                .select_from(m)
                .where(m.show_id == sid, m.ts == ts, m.metric == metric, m.sku == sku)
            )
            if n != 1:
                problems.append(f"untouched sample {ts} {metric} {sku!r} stored {n} times")
    if code not in (0, 1) or (code == 1) != bool(quarantined):
        problems.append(f"exit {code} with {len(quarantined)} quarantined")
    if len(set(quarantined)) != len(quarantined):
        problems.append("a line quarantined twice")
    if set(quarantined) & mf.kept_lines:
        problems.append(f"untouched lines quarantined: {sorted(set(quarantined) & mf.kept_lines)}")
    code2, _out2, _err2 = run_cli(argv)  # a second run adds nothing
    with store.session() as s:
        again = s.scalar(select(func.count()).select_from(m).where(m.show_id == sid)) or 0
        q2 = s.scalar(select(func.count()).select_from(q).where(q.show_id == sid)) or 0
    if code2 != 0 or again != stored or q2 != len(quarantined):
        problems.append(
            f"second run: exit {code2}, {again - stored} rows and {q2 - len(quarantined)} quarantined more"
        )
    return problems


# -- cases -----------------------------------------------------------------------------------------


def yaml_case(seed: int, tmp: Path, db_url: str | None) -> list[str]:
    rng = random.Random(seed)
    path = tmp / f"y{seed}.yaml"
    path.write_text(mutate_yaml(rng), encoding="utf-8", errors="surrogatepass")
    return check_script(path, db_url)


def csv_script_case(seed: int, tmp: Path, db_url: str | None) -> list[str]:
    rng = random.Random(seed)
    path = tmp / f"c{seed}.csv"
    path.write_bytes(mutate_csv_script(rng))
    return check_script(path, db_url)


def xlsx_case(seed: int, tmp: Path, db_url: str | None) -> list[str]:
    rng = random.Random(seed)
    path = tmp / f"x{seed}.xlsx"
    try:
        write_xlsx(path, rng)
    except (ValueError, TypeError):
        return []  # openpyxl itself refuses to write such a cell: not a case
    return check_script(path, db_url)


def metric_case(seed: int, tmp: Path, store: Any, db_url: str) -> list[str]:
    rng = random.Random(seed)
    fmt = rng.choice(["jsonl", "csv"])
    return check_ingest(store, db_url, tmp / f"m{seed}.{fmt}", metric_file(rng, fmt), fmt)


def http_case(seed: int, server: Any) -> list[str]:
    """One mutated POST body: answered with 200 or a 4xx carrying a reason, never dropped."""
    import http.client

    rng = random.Random(seed)
    mf = metric_file(rng, "jsonl", n=rng.randint(1, 8))
    items = [x for x in mf.text.replace(b"\r", b"").split(b"\n") if x]
    body = b"[" + b",".join(items) + b"]"
    if rng.random() < 0.3:
        pos = rng.randrange(len(body) + 1)
        body = body[:pos] + rng.choice(NASTY_JSON).encode() + body[pos:]
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.request(
            "POST",
            "/v1/samples",
            body=body,
            headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
        )
        resp = conn.getresponse()
        data = json.loads(resp.read() or b"{}")
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return [f"no proper answer: {type(exc).__name__}: {exc}"]
    finally:
        conn.close()
    if resp.status == 200:
        return []
    if resp.status not in (400, 413, 422) or not data.get("error"):
        return [f"answer {resp.status} {data!r:.200}"]
    return []


def _run(kind: str, cases: range, case: Callable[[int], list[str]]) -> list[str]:
    failures = []
    for seed in cases:
        problems = case(seed)
        if problems:
            failures.append(f"{kind} seed {seed}: " + "; ".join(problems))
    return failures


# -- the suite (seeded, fixed counts: ~15 s on an idle 2-core machine) ----------------------------


def test_fuzz_yaml_scripts(tmp_path: Path, db_url: str, store: Any) -> None:
    """Mutated YAML scripts: no traceback, exit 0/1, FILE:LINE on every problem, and what
    validates is stored by `show create`."""
    failures = _run("yaml", range(70), lambda s: yaml_case(s, tmp_path, db_url))
    assert not failures, "\n".join(failures[:10])


def test_fuzz_csv_scripts(tmp_path: Path, db_url: str, store: Any) -> None:
    """Mutated CSV scripts (encodings, delimiters, stray bytes, nasty cells)."""
    failures = _run("csv", range(40), lambda s: csv_script_case(s, tmp_path, db_url))
    assert not failures, "\n".join(failures[:10])


def test_fuzz_xlsx_scripts(tmp_path: Path, db_url: str, store: Any) -> None:
    """Spreadsheets with nasty cells, product sheets and damaged zips: FILE:SHEET!ROW or
    FILE:LINE on every problem."""
    failures = _run("xlsx", range(20), lambda s: xlsx_case(s, tmp_path, db_url))
    assert not failures, "\n".join(failures[:10])


def test_fuzz_metric_lines(tmp_path: Path, db_url: str, store: Any) -> None:
    """Mutated JSONL and CSV metric files through `studio ingest`: quarantined lines named
    FILE:LINE, exit 1 exactly when something was quarantined, every untouched line stored
    exactly once, a second run adds nothing."""
    failures = _run("metrics", range(25), lambda s: metric_case(s, tmp_path, store, db_url))
    assert not failures, "\n".join(failures[:10])


def test_no_traceback_on_stderr_of_real_processes(tmp_path: Path, db_url: str, store: Any) -> None:
    """The worst cases in real processes: stderr holds messages, never a traceback."""
    from studio.store.shows import create_show

    script = tmp_path / "evil.yaml"
    script.write_text(
        "title: t\nsegments:\n  - id: a\n    duration: " + "9" * 400 + "h\n    cues:\n"
        "      - text: x\n        obs: !!python/object/apply:os.system ['true']\n"
        "  - id: b\n    duration: 1e400\n    warn: \x01\n",
        encoding="utf-8",
    )
    metrics = tmp_path / "evil.jsonl"
    metrics.write_text(
        "\n".join(
            [
                json.dumps({"ts": T0, "orders": 1}),
                "[" * 5000,
                '{"ts": 1' + "0" * 5000 + "}",
                f'{{"ts": {T0 + 1}, "orders": 1, "sku": "\\ud800"}}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    sid = create_show(store, "t")
    for argv, want in (
        (["script", "validate", str(script)], 1),
        (["--db", db_url, "ingest", "--show", str(sid), "--source", f"jsonl:{metrics}"], 1),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "studio.cli", *argv], capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == want, proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout


# -- a longer campaign, outside the suite -------------------------------------------------------


def campaign(cases: int, first_seed: int) -> int:
    import tempfile
    import time

    from studio.store.store import Store

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name in ("data", "config", "log"):
            (tmp / name).mkdir()
        import os

        os.environ.update(
            STUDIO_DATA_DIR=str(tmp / "data"), STUDIO_CONFIG_DIR=str(tmp / "config"),
            STUDIO_LOG_DIR=str(tmp / "log"),
        )  # fmt: skip
        db_url = f"sqlite:///{tmp / 'fuzz.db'}"
        store = Store.open(db_url)
        seeds = range(first_seed, first_seed + cases)
        kinds: list[tuple[str, Callable[[int], list[str]], range]] = [
            ("yaml scripts", lambda s: yaml_case(s, tmp, db_url), seeds),
            ("csv scripts", lambda s: csv_script_case(s, tmp, db_url), seeds),
            ("xlsx scripts", lambda s: xlsx_case(s, tmp, db_url), range(first_seed, first_seed + cases // 4)),
            ("metric files", lambda s: metric_case(s, tmp, store, db_url), range(first_seed, first_seed + cases // 4)),
        ]  # fmt: skip
        from studio.api.ingest import IngestServer
        from studio.store.shows import create_show

        server = IngestServer(store, create_show(store, "http fuzz"), port=0).start()
        kinds.append(("http bodies", lambda s: http_case(s, server), seeds))
        failed_any = 0
        for kind, case, rng in kinds:
            start = time.monotonic()
            failures = _run(kind, rng, case)
            took = time.monotonic() - start
            print(
                f"{kind:>13}: tried {len(rng)}, passed {len(rng) - len(failures)} ({took:.0f} s)",
                flush=True,
            )
            for f in failures[:5]:
                print("   ", f.replace("\n", "\n    ")[:3000])
            failed_any += len(failures)
        server.stop()
        store.close()
    return 1 if failed_any else 0


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=10_000)
    a = ap.parse_args()
    sys.exit(campaign(a.cases, a.seed))
