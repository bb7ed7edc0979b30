"""HTTP ingest under attack: parser-crashing bodies, idle and trickling clients, too many
connections, binding beyond loopback, and the exit summary."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from studio.api.ingest import IngestServer
from studio.cli import main
from studio.store.models import MetricSample
from studio.store.shows import create_show

T0 = 1_794_000_000


@pytest.fixture
def server(store) -> Iterator[IngestServer]:  # type: ignore[no-untyped-def]
    sid = create_show(store, "t")
    srv = IngestServer(store, sid, port=0, max_connections=3).start()
    yield srv
    srv.stop()


def _post(srv: IngestServer, body: bytes) -> tuple[int, dict[str, object]]:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=20)
    conn.request(
        "POST",
        "/v1/samples",
        body=body,
        headers={"Authorization": f"Bearer {srv.token}", "Content-Type": "application/json"},
    )
    resp = conn.getresponse()
    data = json.loads(resp.read() or b"{}")
    conn.close()
    return resp.status, data


def _count(store) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(MetricSample)) or 0)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'[{"ts": %d, "orders": 1%s}]' % (T0, b"0" * 5000), 400),
        (b"[" * 100_000, 400),
        (b"[" * 3000 + b"]" * 3000, 400),
        (b'[{"ts": %d, "orders": 1, "sku": "\\ud800"}]' % T0, 422),
        (b'[{"ts": 1%s, "orders": 1}]' % (b"0" * 400), 422),
        (b'[{"ts": 4070908800, "orders": 1}]', 422),  # 2099: outside the show's window
    ],
)
def test_parser_crashing_bodies_get_an_answer(
    server: IngestServer, store, body: bytes, status: int
) -> None:  # type: ignore[no-untyped-def]
    """Bodies that used to kill the request thread get a 4xx with a reason; nothing is
    stored, and the server goes on serving."""
    got, data = _post(server, body)
    assert got == status and data["error"]
    assert _count(store) == 0
    ok, _ = _post(server, json.dumps([{"ts": T0, "orders": 1}]).encode())
    assert ok == 200


def test_idle_connection_is_closed(store) -> None:  # type: ignore[no-untyped-def]
    """A client that connects and says nothing is disconnected after the read timeout."""
    server = IngestServer(store, create_show(store, "t"), port=0, read_timeout=0.3).start()
    with server, socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        start = time.monotonic()
        assert sock.recv(100) == b""
        assert time.monotonic() - start < 9


def test_trickling_body_is_cut_off(store) -> None:  # type: ignore[no-untyped-def]
    """A body that stops short of its Content-Length is answered 408 once the read times out
    (a byte now and then cannot hold the connection past the body's deadline either)."""
    sid = create_show(store, "t")
    server = IngestServer(store, sid, port=0, read_timeout=0.5, body_deadline=0.3).start()
    with server, socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/samples HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n"
            b"Authorization: Bearer " + server.token.encode() + b"\r\n\r\n["
        )
        for _ in range(2):
            time.sleep(0.1)
            sock.sendall(b" ")
        answer = sock.recv(1000)
    assert answer.startswith(b"HTTP/1.1 408")


def test_connections_are_capped(server: IngestServer) -> None:
    """More idle connections than the cap: the extra one is answered 503 at once instead of
    getting a thread of its own."""
    held = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(3)]
    try:
        time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as extra:
            assert extra.recv(100).startswith(b"HTTP/1.1 503")
    finally:
        for sock in held:
            sock.close()
    assert server.stats.get("refused_busy") == 1


def test_binding_beyond_loopback_needs_an_explicit_flag(
    store, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """--host 0.0.0.0 without --allow-remote is refused (exit 2) with the reason."""
    sid = create_show(store, "t")
    code = main(
        ["--db", db_url, "ingest", "--show", str(sid), "--source", "http:0", "--host", "0.0.0.0"]
    )
    err = capsys.readouterr().err
    assert code == 2 and "--allow-remote" in err and "plain HTTP" in err


def _serve(db_url: str, sid: int, *extra: str) -> tuple[subprocess.Popen[str], int]:
    cmd = [sys.executable, "-m", "studio.cli", "--db", db_url, "ingest", "--show", str(sid)]
    cmd += ["--source", "http:0", *extra]
    proc = subprocess.Popen(
        cmd,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert "listening on http://" in line, line
    return proc, int(line.split(":")[2].split("/")[0])


def test_exit_summary_counts_the_requests(store, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """After SIGINT the summary says what was served (it used to say "no requests")."""
    from studio.metrics.sources.http import load_or_create_token

    sid = create_show(store, "t")
    proc, port = _serve(db_url, sid)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        conn.request(
            "POST",
            "/v1/samples",
            body=json.dumps([{"ts": T0, "orders": 4}]),
            headers={"Authorization": f"Bearer {load_or_create_token()}"},
        )
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "no requests" not in err and "ok 1" in err and "rows 1" in err
    assert "Traceback" not in err


def test_binding_all_interfaces_with_the_flag_warns(store, db_url: str) -> None:  # type: ignore[no-untyped-def]
    """With --allow-remote the server starts, and stderr warns that the token travels
    unencrypted."""
    sid = create_show(store, "t")
    proc, _port = _serve(db_url, sid, "--host", "0.0.0.0", "--allow-remote")
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "warning" in err and "unencrypted" in err
