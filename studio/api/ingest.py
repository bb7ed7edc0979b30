"""The metrics ingest on the station's server: `POST /v1/samples` (and `GET /v1/health`) only,
what `studio ingest --source http` runs. Same arguments as the stdlib server it replaced; the
request logic stays in `studio.metrics.sources.http` (auth, limits, parsing, commit)."""

from __future__ import annotations

import time

from studio.api.server import BODY_DEADLINE_S, READ_TIMEOUT_S, ApiServer, ServerConfig
from studio.metrics.sources.http import DEFAULT_PORT, MAX_BODY, MAX_SAMPLES
from studio.metrics.window import DEFAULT_MARGIN_S
from studio.store.store import Store
from studio.timeutil import Clock

MAX_CONNECTIONS = 32


class IngestServer(ApiServer):
    def __init__(
        self,
        store: Store,
        show_id: int,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        token: str | None = None,
        max_body: int = MAX_BODY,
        max_samples: int = MAX_SAMPLES,
        max_connections: int = MAX_CONNECTIONS,
        margin: float = DEFAULT_MARGIN_S,
        clock: Clock = time.time,
        read_timeout: float = READ_TIMEOUT_S,
        body_deadline: float = BODY_DEADLINE_S,
    ) -> None:
        config = ServerConfig(
            host=host,
            port=port,
            token=token,
            routes=frozenset({"samples", "health"}),
            max_ingest_body=max_body,
            max_samples=max_samples,
            max_connections=max_connections,
            read_timeout=read_timeout,
            body_deadline=body_deadline,
            margin=margin,
        )
        super().__init__(store, show_id, config, clock=clock)

    @property
    def url(self) -> str:
        return super().url + "/v1/samples"

    def start(self) -> IngestServer:
        super().start()
        return self
