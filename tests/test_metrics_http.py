"""The local HTTP ingest endpoint: auth, limits, bad bodies, retries, commit-before-2xx."""

from __future__ import annotations

import http.client
import json
import stat
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from studio.api.ingest import IngestServer
from studio.metrics.sources.http import load_or_create_token, token_path
from studio.store.models import MetricSample
from studio.store.shows import create_show

T0 = 1_794_000_000


@pytest.fixture
def server(store) -> Iterator[IngestServer]:  # type: ignore[no-untyped-def]
    sid = create_show(store, "t")
    srv = IngestServer(store, sid, port=0, max_body=10_000, max_samples=50).start()
    yield srv
    srv.stop()


def _post(
    srv: IngestServer,
    body: bytes | str,
    token: str | None = "ok",
    path: str = "/v1/samples",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, object]]:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    h = {"Content-Type": "application/json", **(headers or {})}
    if token is not None:
        h["Authorization"] = f"Bearer {srv.token if token == 'ok' else token}"
    conn.request("POST", path, body=body.encode() if isinstance(body, str) else body, headers=h)
    resp = conn.getresponse()
    data = json.loads(resp.read() or b"{}")
    conn.close()
    return resp.status, data


def _count(store) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(MetricSample)) or 0)


def test_token_file_is_private_and_stable() -> None:
    """The token is generated once, stored with mode 0600, and read back the same."""
    a = load_or_create_token()
    assert stat.S_IMODE(token_path().stat().st_mode) == 0o600
    assert load_or_create_token() == a and len(a) >= 32


def test_auth_required(server: IngestServer, store) -> None:  # type: ignore[no-untyped-def]
    """No token or a wrong token is 401 and nothing is stored."""
    body = json.dumps([{"ts": T0, "orders": 1}])
    assert _post(server, body, token=None)[0] == 401
    assert _post(server, body, token="wrong")[0] == 401
    assert _count(store) == 0


def test_post_commits_and_retry_does_not_duplicate(server: IngestServer, store) -> None:  # type: ignore[no-untyped-def]
    """A 200 means the rows are committed; the same body again stores nothing new."""
    body = json.dumps(
        [
            {"ts": T0, "online_viewers": 812, "orders": 3},
            {"ts": T0 + 1, "metric": "gmv_cents", "value": 12900, "sku": "A1"},
        ]
    )
    status, data = _post(server, body)
    assert status == 200 and data["inserted"] == 3
    assert _count(store) == 3
    status, data = _post(server, body)
    assert status == 200 and data == {"accepted": 3, "inserted": 0, "duplicates": 3}
    assert _count(store) == 3


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        ("{not json", 400, "not UTF-8 JSON"),
        ('{"ts": 1794000000, "orders": 1}', 400, "JSON array"),
        ('[{"ts": 1794000000, "orders": 1}, {"ts": "soon", "orders": 2}]', 422, "sample 1"),
        ('[{"ts": 1794000000, "orders": -4}]', 422, "negative"),
        (json.dumps([{"ts": T0 + i, "orders": i} for i in range(51)]), 413, "limit is 50"),
        ("[" + ",".join(['{"ts": 1794000000, "orders": 1}'] * 400) + "]", 413, "byte limit"),
    ],
)
def test_bad_bodies_are_refused_with_reason(
    server: IngestServer,
    store,
    body: str,  # type: ignore[no-untyped-def]
    status: int,
    reason: str,
) -> None:
    """Every bad request gets its 4xx and a reason, and no row of it is stored."""
    got, data = _post(server, body)
    assert got == status
    assert reason in str(data["error"])
    assert _count(store) == 0


def test_wrong_path_and_media_type(server: IngestServer) -> None:
    """Unknown paths are 404; a non-JSON content type is 415."""
    assert _post(server, "[]", path="/v2/x")[0] == 404
    assert _post(server, "[]", headers={"Content-Type": "text/csv"})[0] == 415
