"""Logging to a rotating file in the user log folder (and stderr when asked)."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from studio import paths

_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def log_file() -> str:
    return str(paths.log_dir() / "studio.log")


def setup_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_studio", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        handler: logging.Handler = _PrivateRotatingFileHandler(
            paths.private_file(Path(log_file())), maxBytes=5_000_000, backupCount=5,
            encoding="utf-8",
        )  # fmt: skip
    except OSError as exc:
        print(f"studio: cannot write the log file ({exc}); logging to stderr", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._studio = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if verbose:
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(logging.Formatter(_FORMAT))
        err._studio = True  # type: ignore[attr-defined]
        root.addHandler(err)
    # Password-bearing request logs of client libraries stay out of the file.
    logging.getLogger("obsws_python").setLevel(logging.WARNING)
    # Only over Python's own hooks: the GUI and test runners install theirs.
    if sys.excepthook is sys.__excepthook__:
        sys.excepthook = _log_crash
    if threading.excepthook is threading.__excepthook__:
        threading.excepthook = _log_thread_crash


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by their owner only, also the ones rotation starts."""

    def _open(self) -> Any:
        paths.private_file(Path(self.baseFilename))
        return super()._open()


EXIT_CRASH = 70  # EX_SOFTWARE: not 1 (findings) or 2 (unusable input)


def _log_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A command that crashed: the traceback goes to the log file (where a bug report finds
    it), stderr gets one line pointing there (the whole traceback with -v)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    logging.getLogger("studio").critical("crashed", exc_info=(kind, exc, tb))
    verbose = logging.getLogger().level <= logging.DEBUG
    if verbose:
        traceback.print_exception(kind, exc, tb, file=sys.stderr)
    print(
        f"studio: internal error: {kind.__name__}: {exc} (the details are in {log_file()})",
        file=sys.stderr,
    )
    logging.shutdown()
    sys.stderr.flush()
    sys.stdout.flush()
    os._exit(EXIT_CRASH)


def _log_thread_crash(args: threading.ExceptHookArgs) -> None:
    """A worker thread that died: into the log with its traceback (stderr too, as before)."""
    logging.getLogger("studio").critical(
        "thread %s crashed",
        args.thread.name if args.thread is not None else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )
    threading.__excepthook__(args)
