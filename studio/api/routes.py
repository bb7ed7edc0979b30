"""The routes of the server, by group (see `studio.api.server.ROUTE_GROUPS`).

`/api/v1`: `GET status`, `POST rundown/{next|previous|hold|resume|jump|start}`, `POST incidents`,
`POST messages`, `POST products/{sku}/present`, WebSocket `events`. Ingest: `POST /v1/samples`
(metrics, contract of `studio.metrics.sources.http`), `POST /v1/events` (viewer events). Views:
`/view/prompter|timer|controller?lang=zh|en`. Every handler validates before anything is
written; the guard in the server turns `Rejected` into the status and a JSON reason.
"""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from aiohttp import web

from studio.metrics.sources.http import Rejected

if TYPE_CHECKING:
    from studio.api.server import ApiServer

VIEWS = ("prompter", "timer", "controller")
STATIC = {
    "app.js": "application/javascript",
    "style.css": "text/css",
    "strings.json": "application/json",
}
MAX_TEXT = 2000
MAX_LINES = 5000


def install(app: web.Application, server: ApiServer) -> None:
    groups = server.config.routes
    r = app.router
    if "health" in groups:
        r.add_get("/v1/health", _health)
    if "samples" in groups:
        r.add_post("/v1/samples", partial(_samples, server))
    if "viewer_events" in groups:
        r.add_post("/v1/events", partial(_viewer_events, server))
    if "api" in groups:
        r.add_get("/api/v1/status", partial(_status, server))
        r.add_get("/api/v1/variables", partial(_variables, server))
        r.add_post("/api/v1/rundown/{action}", partial(_rundown, server))
        r.add_post("/api/v1/incidents", partial(_incident, server))
        r.add_post("/api/v1/messages", partial(_message, server))
        r.add_post("/api/v1/products/{sku}/present", partial(_present, server))
        r.add_get("/api/v1/events", partial(_events, server))
    if "views" in groups:
        r.add_get("/", _to_views)
        r.add_get("/view/", partial(_view, server, name="index"))
        r.add_get("/view/static/{name}", _static)
        r.add_get("/view/{name}", partial(_view, server))


async def _health(_request: web.Request) -> web.Response:
    return _ok({"ok": True})


def _ok(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=_dumps)


def _dumps(obj: Any) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False)


async def _to_views(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/view/")


# -- ingest ------------------------------------------------------------------------------------


async def _samples(server: ApiServer, request: web.Request) -> web.Response:
    return _ok(await server.store_samples(request))


def _event_lines(body: bytes) -> list[Any]:
    import json

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected(HTTPStatus.BAD_REQUEST, f"body is not UTF-8 (byte {exc.start})") from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except (ValueError, RecursionError) as exc:
            raise Rejected(HTTPStatus.BAD_REQUEST, f"body is not a JSON array: {exc}") from None
        if not isinstance(items, list):
            raise Rejected(HTTPStatus.BAD_REQUEST, "body must be a JSON array or JSON lines")
        lines: list[Any] = items
    else:
        lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_LINES:
        raise Rejected(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f"{len(lines)} events in one request; the limit is {MAX_LINES}",
        )
    return lines


async def _viewer_events(server: ApiServer, request: web.Request) -> web.Response:
    show = request.query.get("show")
    if show is not None and show != str(server.show_id):
        raise Rejected(HTTPStatus.BAD_REQUEST, f"this server takes events of show {server.show_id}")
    source = request.query.get("source", "http")
    if not source.replace("_", "").replace("-", "").replace(":", "").isalnum() or len(source) > 58:
        raise Rejected(HTTPStatus.BAD_REQUEST, "source must be 1-58 letters, digits or _:-")
    body = await server.read_body(request, server.config.max_ingest_body, strict=True)
    lines = _event_lines(body)
    try:
        from studio.audience.ingest import accept_lines
    except ImportError:
        raise Rejected(HTTPStatus.NOT_IMPLEMENTED, "viewer events are not available") from None
    store, show_id = server.store, server.show_id

    def write() -> Any:
        return accept_lines(store, show_id, lines, source=source, offset_base=None)

    try:
        result = await server.work(write)
    except LookupError as exc:
        raise Rejected(HTTPStatus.NOT_FOUND, str(exc)) from None
    return _ok(
        {
            "accepted": result.accepted,
            "duplicates": result.duplicates,
            "bad": [{"line": n, "reason": why} for n, why in result.bad],
        }
    )


# -- /api/v1 -----------------------------------------------------------------------------------


async def _status(server: ApiServer, _request: web.Request) -> web.Response:
    if server.builder is None:
        raise Rejected(HTTPStatus.CONFLICT, "this show has no rundown")
    return _ok(server.builder.status())


def _money(cents: int | None) -> str:
    return "" if cents is None else f"¥{cents / 100:,.0f}"


async def _variables(server: ApiServer, _request: web.Request) -> web.Response:
    """The status flattened to text values, for Companion variables (one JSON path each)."""
    from studio.api.osc import clock_text

    if server.builder is None:
        raise Rejected(HTTPStatus.CONFLICT, "this show has no rundown")
    st = server.builder.status()
    r, p, m = st["runner"], st["product"] or {}, st["metrics"]
    ou = r["over_under_s"]
    nxt = r["next"] or {}
    return _ok(
        {
            "state": r["state"],
            "segment": (r["segment"] or {}).get("title", ""),
            "cue": (r["cue"] or {}).get("text", ""),
            "next_cue": (nxt.get("cue") or {}).get("text", ""),
            "remaining": clock_text(r["remaining_s"]),
            "remaining_s": round(r["remaining_s"]),
            "over_under": ("+" if ou >= 0.5 else "") + clock_text(ou),
            "product": p.get("name", ""),
            "price": _money(p.get("effective_price_cents")),
            "stock_left": p.get("stock_left", ""),
            "gmv": _money(m["gmv_cents"]),
            "viewers": m["online_viewers"] if m["online_viewers"] is not None else "",
            "incidents_open": st["incidents"]["open"],
            "driver": st["driver"]["station"],
        }
    )


def _segment_index(server: ApiServer, value: Any) -> int:
    rundown = server.rundown
    assert rundown is not None
    segs = rundown.script.segments
    if isinstance(value, bool) or value is None:
        raise Rejected(HTTPStatus.BAD_REQUEST, 'jump needs {"segment": index or key}')
    if isinstance(value, int):
        if not 0 <= value < len(segs):
            raise Rejected(
                HTTPStatus.BAD_REQUEST, f"no segment {value}: indexes run from 0 to {len(segs) - 1}"
            )
        return value
    if isinstance(value, str):
        for i, seg in enumerate(segs):
            if seg.id == value:
                return i
        raise Rejected(HTTPStatus.BAD_REQUEST, f"no segment with key {value[:80]!r}")
    raise Rejected(HTTPStatus.BAD_REQUEST, "segment must be an index (number) or a key (text)")


async def _rundown(server: ApiServer, request: web.Request) -> web.Response:
    action = request.match_info["action"]
    from studio.api.rundown import ACTIONS

    if action not in ACTIONS:
        raise Rejected(
            HTTPStatus.NOT_FOUND, f"no rundown action {action[:40]!r}; use {', '.join(ACTIONS)}"
        )
    body = await server.read_json(request)
    if server.rundown is None:
        raise Rejected(HTTPStatus.CONFLICT, "this show has no rundown")
    index = _segment_index(server, body.get("segment")) if action == "jump" else None
    return _ok(await server.act(action, index))


def _text(body: dict[str, Any], key: str, *, required: bool, limit: int = MAX_TEXT) -> str:
    value = body.get(key, "")
    if not isinstance(value, str):
        raise Rejected(HTTPStatus.BAD_REQUEST, f"{key} must be text")
    if required and not value.strip():
        raise Rejected(HTTPStatus.BAD_REQUEST, f"{key} is required")
    if len(value) > limit:
        raise Rejected(HTTPStatus.BAD_REQUEST, f"{key} is longer than {limit} characters")
    return value


async def _incident(server: ApiServer, request: web.Request) -> web.Response:
    from studio.incidents import categories as cats
    from studio.incidents.log import IncidentError, quick_log

    body = await server.read_json(request)
    category = _text(body, "category", required=True, limit=40)
    severity = body.get("severity", 2)
    text = _text(body, "text", required=False)
    try:
        cat = cats.category(category).key
        if isinstance(severity, bool) or not isinstance(severity, int | str):
            raise ValueError(f"severity must be 1, 2 or 3, not {severity!r}")
        sev = cats.severity(int(severity) if str(severity).isdigit() else -1).level
    except ValueError as exc:
        raise Rejected(HTTPStatus.BAD_REQUEST, str(exc)) from None
    store, show_id = server.store, server.show_id
    key, cue = server.position()
    from studio.timeutil import from_epoch

    at = from_epoch(server.clock())

    def write() -> int | None:
        return quick_log(
            store,
            show_id,
            cat,
            severity=sev,
            text=text,
            at=at,
            segment_key=key,
            cue_index=cue,
            who=server.who(),
        )

    try:
        incident_id = await server.work(write)
    except IncidentError as exc:
        raise Rejected(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), retry_after=1) from None
    return _ok({"id": incident_id, "queued": incident_id is None}, status=201)


async def _message(server: ApiServer, request: web.Request) -> web.Response:
    from studio.talkback import messages as talkback

    body = await server.read_json(request)
    text = _text(body, "text", required=True, limit=500)
    kind = _text(body, "kind", required=False, limit=20) or "message"
    to_role = _text(body, "to", required=False, limit=20) or "anchor"
    urgent = body.get("urgent", False)
    if not isinstance(urgent, bool):
        raise Rejected(HTTPStatus.BAD_REQUEST, "urgent must be true or false")
    if kind not in talkback.KINDS:
        raise Rejected(HTTPStatus.BAD_REQUEST, f"kind must be one of {', '.join(talkback.KINDS)}")
    if to_role not in talkback.ROLES:
        raise Rejected(HTTPStatus.BAD_REQUEST, f"to must be one of {', '.join(talkback.ROLES)}")
    store, show_id = server.store, server.show_id
    from studio.timeutil import from_epoch

    at = from_epoch(server.clock())

    def write() -> Any:
        return talkback.send(
            store, show_id, text, kind=kind, from_role="api", to_role=to_role, urgent=urgent, at=at
        )

    try:
        sent = await server.work(write)
    except talkback.TalkbackError as exc:
        raise Rejected(HTTPStatus.BAD_REQUEST, str(exc)) from None
    return _ok({"uid": sent.uid, "id": sent.id, "queued": sent.queued}, status=201)


async def _present(server: ApiServer, request: web.Request) -> web.Response:
    from studio.products.changes import ProductError, ProductNotFound, present

    sku = request.match_info["sku"]
    await server.read_json(request)
    if not sku.strip() or len(sku) > 64:
        raise Rejected(HTTPStatus.BAD_REQUEST, "sku must be 1-64 characters")
    store, show_id, clock = server.store, server.show_id, server.clock
    key, cue = server.position()

    def write() -> Any:
        return present(
            store, show_id, sku, who=server.who(), segment_key=key, cue_index=cue, clock=clock
        )

    try:
        result = await server.work(write)
    except ProductNotFound as exc:
        raise Rejected(HTTPStatus.NOT_FOUND, str(exc)) from None
    except ProductError as exc:
        raise Rejected(HTTPStatus.BAD_REQUEST, str(exc)) from None
    return _ok({"op": result.op, "queued": result.queued})


async def _events(server: ApiServer, request: web.Request) -> web.StreamResponse:
    from studio.api.server import websocket

    return await websocket(server, request)


# -- browser views -----------------------------------------------------------------------------


def _lang(request: web.Request) -> str:
    asked = request.query.get("lang") or request.headers.get("Accept-Language") or ""
    return "zh" if asked.lower().startswith("zh") else "en"


async def _view(server: ApiServer, request: web.Request, name: str = "") -> web.Response:
    from studio.api.server import COOKIE, WEB_DIR

    name = name or request.match_info["name"]
    if name not in (*VIEWS, "index"):
        raise Rejected(HTTPStatus.NOT_FOUND, f"no view {name[:40]!r}; use {', '.join(VIEWS)}")
    html = (WEB_DIR / "view.html").read_text(encoding="utf-8")
    html = html.replace("{{view}}", name).replace("{{lang}}", _lang(request))
    response = web.Response(text=html, content_type="text/html", charset="utf-8")
    response.headers["Cache-Control"] = "no-store"
    token = request.query.get("token")
    if token:  # the guard accepted it: later requests of this page carry the cookie
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
    return response


async def _static(request: web.Request) -> web.Response:
    from studio.api.server import WEB_DIR

    name = request.match_info["name"]
    if name not in STATIC:
        raise Rejected(HTTPStatus.NOT_FOUND, "no such file")
    data = (WEB_DIR / name).read_bytes()
    return web.Response(body=data, content_type=STATIC[name], charset="utf-8")
