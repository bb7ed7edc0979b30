"""`studio serve --show ID [--host 127.0.0.1] [--port 4460] [--osc-port N --osc-feedback H:P]
[--companion HOST[:PORT]]`:
the remote-control and status server without the GUI (HTTP, WebSocket, OSC, browser views)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.commands.common import CommandError, guarded, open_store
from studio.store.shows import ShowNotFound, get_show


def _host_port(text: str, option: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) <= 65535:
        raise CommandError(f"{option} {text!r}: use HOST:PORT, e.g. 127.0.0.1:12321", 2)
    return host.strip("[]"), int(port)


def _open_store(args: argparse.Namespace) -> Any:
    """The store, writing as `api@HOST` (or `ROLE@HOST` with --role): the lease names it."""
    import socket

    role = getattr(args, "role", None) or "api"
    return open_store(
        argparse.Namespace(**{**vars(args), "role": f"{role}@{socket.gethostname()}"})
    )


@guarded
def cmd_serve(args: argparse.Namespace) -> int:
    from studio.api.server import ApiServer, ServerConfig
    from studio.commands.ingest import _stop_on_signals
    from studio.demo import show_clock
    from studio.metrics.sources.http import is_loopback, token_path

    if not 0 <= args.port <= 65535:
        raise CommandError(f"--port {args.port}: not a port number", 2)
    if args.osc_port is not None and not 0 <= args.osc_port <= 65535:
        raise CommandError(f"--osc-port {args.osc_port}: not a port number", 2)
    feedback = _host_port(args.osc_feedback, "--osc-feedback") if args.osc_feedback else None
    companion = None
    if args.companion:
        text = args.companion if ":" in args.companion else f"{args.companion}:51235"
        companion = _host_port(text, "--companion")
    ssl_context = None
    if args.tls_cert:
        import ssl

        ssl_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            ssl_context.load_cert_chain(args.tls_cert, args.tls_key)
        except (OSError, ssl.SSLError) as exc:
            raise CommandError(f"--tls-cert: {exc}", 2) from exc
    store = _open_store(args)
    try:
        try:
            get_show(store, args.show)
        except ShowNotFound as exc:
            raise CommandError(str(exc), 1) from exc
        config = ServerConfig(
            host=args.host,
            port=args.port,
            osc_port=args.osc_port,
            osc_feedback=feedback,
            companion_udp=companion,
            ssl_context=ssl_context,
        )
        try:
            server = ApiServer(store, args.show, config, clock=show_clock(store, args.show)).start()
        except ValueError as exc:  # a show without segments
            raise CommandError(str(exc), 1) from exc
        except OSError as exc:
            raise CommandError(
                f"cannot listen on {args.host}:{args.port}: {exc.strerror}", 1
            ) from exc
        with _stop_on_signals() as stop:
            print(f"listening on {server.url} (views: {server.url}/view/)", flush=True)
            if not is_loopback(args.host):
                print(
                    f"studio: listening on {args.host}: every request needs the bearer token "
                    f"in {token_path()}"
                    + ("" if ssl_context else " (sent unencrypted: plain HTTP)"),
                    file=sys.stderr,
                    flush=True,
                )
            if server.osc_port is not None:
                print(f"OSC on udp {args.host}:{server.osc_port}", flush=True)
            driver = server.rundown.driver if server.rundown is not None else None
            if driver is not None:
                print(
                    f"studio: {driver} drives this show; rundown actions answer 409 until it "
                    "is released",
                    file=sys.stderr,
                    flush=True,
                )
            try:
                stop.wait()
            finally:
                server.stop()
        stats = server.stats
        print(
            "serve: " + (", ".join(f"{k} {v}" for k, v in sorted(stats.items())) or "no requests"),
            file=sys.stderr,
        )
    finally:
        store.close()
    return 0


def register(sub: Any) -> None:
    from studio.api.server import DEFAULT_PORT

    p = sub.add_parser(
        "serve", help="remote control and status server (HTTP, WebSocket, OSC, browser views)"
    )
    p.add_argument("--show", type=int, required=True, metavar="ID")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default loopback; any other needs the token on every request)",
    )
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"HTTP port (default {DEFAULT_PORT})"
    )
    p.add_argument(
        "--osc-port", type=int, default=None, metavar="N", help="UDP port for OSC commands"
    )
    p.add_argument(
        "--osc-feedback", default=None, metavar="HOST:PORT", help="where OSC feedback is sent"
    )
    p.add_argument(
        "--companion",
        default=None,
        metavar="HOST[:PORT]",
        help="set Companion's custom variables (studio_cue, studio_remaining...) over its UDP "
        "remote-control port (default 51235)",
    )
    p.add_argument(
        "--tls-cert", default=None, metavar="PEM", help="serve HTTPS with this certificate"
    )
    p.add_argument("--tls-key", default=None, metavar="PEM", help="the certificate's private key")
    p.set_defaults(func=cmd_serve)
