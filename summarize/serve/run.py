"""Serving the application with uvicorn: one socket, one or more worker processes, logs on standard error.

The command binds the socket itself, so that ``--port 0`` takes a free port and
the line ``summarize: serving on http://HOST:PORT`` names the port taken (tests
and scripts read it). With several workers, each is a process of its own (they
share the socket) that reads the settings from :data:`SETTINGS_VARIABLE`.
Ctrl-C (SIGINT) or SIGTERM stops the server cleanly: requests under way are
finished, then the workers stop.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import ipaddress
import math
import os
import socket
import sys
from typing import Any

from summarize.errors import MissingDependencyError
from summarize.serve.limits import SETTINGS_VARIABLE, Settings

__all__ = ["bind", "log_config", "serve"]

_APP = "summarize.serve.app:create_app_from_environment"


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, every line on standard error (the access log too), each with its time."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "default": {
                "()": "uvicorn.logging.DefaultFormatter",
                "fmt": "%(asctime)s %(levelprefix)s %(message)s",
                "use_colors": None,
            },
            "access": {
                "()": "uvicorn.logging.AccessFormatter",
                "fmt": '%(asctime)s %(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s',
            },
        },
        "handlers": {
            "default": {"formatter": "default", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
            "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level.upper(), "propagate": False},
            "uvicorn.error": {"level": level.upper()},
            "uvicorn.access": {"handlers": ["access"], "level": level.upper(), "propagate": False},
        },
    }


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (0 for a free port), IPv4 or IPv6 as the host is written."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and without
    # it a response written in two parts waits for the client's delayed acknowledgement (40 ms on Linux).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_dependencies() -> None:
    """Raise MissingDependencyError, naming the extra, if a package the server needs is not installed."""
    needed = (
        ("starlette", ("starlette",)),
        ("uvicorn", ("uvicorn",)),
        ("python-multipart", ("python_multipart", "multipart")),
    )
    missing = [name for name, modules in needed if not any(importlib.util.find_spec(m) for m in modules)]
    if missing:
        raise MissingDependencyError("summarize serve", missing[0], "serve")


def serve(*, host: str, port: int, workers: int, settings: Settings, log_level: str = "info") -> None:
    """Serve the application until Ctrl-C or SIGTERM.

    Raises MissingDependencyError when the extra ``serve`` is not installed, and
    OSError when the address cannot be bound (in use, not this machine's).
    """
    check_dependencies()
    import uvicorn

    settings = dataclasses.replace(settings, local_only=is_loopback(host))
    os.environ[SETTINGS_VARIABLE] = settings.to_environment()
    sock = bind(host, port)
    shown_host = f"[{host}]" if ":" in host else host
    print(f"summarize: serving on http://{shown_host}:{sock.getsockname()[1]}", file=sys.stderr, flush=True)
    if not is_loopback(host):
        print(
            f"summarize: note: listening on {host}, not only this machine: anyone who can reach it can use it",
            file=sys.stderr,
            flush=True,
        )
    config = uvicorn.Config(
        _APP,
        factory=True,
        workers=workers,
        log_config=log_config(log_level),
        log_level=log_level,
        timeout_graceful_shutdown=math.ceil(settings.max_seconds),
        server_header=False,
        proxy_headers=False,
    )
    server = uvicorn.Server(config)
    try:
        if workers == 1:
            server.run(sockets=[sock])
        else:
            from uvicorn.supervisors import Multiprocess

            # Older uvicorn versions take the function each worker runs; newer ones make it from the config.
            supervise: Any = Multiprocess
            if "target" in inspect.signature(Multiprocess).parameters:
                supervisor = supervise(config, target=server.run, sockets=[sock])
            else:
                supervisor = supervise(config, sockets=[sock])
            supervisor.run()
    finally:
        sock.close()
