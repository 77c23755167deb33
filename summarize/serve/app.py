"""The application: routes, the request-size limit, errors as JSON, and a warm start.

``GET /`` and ``POST /`` are the page; ``POST /api/summary``, ``/api/keywords``
and ``/api/documents`` the API; ``GET /health`` says the worker is ready;
``GET /openapi.json`` describes the API.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarize.pipeline import Summarizer
from summarize.serve import api, page
from summarize.serve.inputs import RequestError
from summarize.serve.limits import Settings
from summarize.serve.openapi import openapi
from summarize.serve.run import is_loopback

__all__ = ["BodyLimit", "create_app", "create_app_from_environment"]


class BodyLimit:
    """ASGI middleware: refuse a request body over ``limit`` bytes with 413.

    A body whose Content-Length is over the limit is refused before it is read;
    one sent in chunks is refused as soon as the bytes read pass the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send, int(declared))
            return
        read = 0

        async def counted() -> Message:
            nonlocal read
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > self.limit:
                    raise RequestError(413, self._message(f"more than {self.limit:,}"))
            return message

        await self.app(scope, counted, send)

    def _message(self, size: str) -> str:
        return (
            f"the request body has {size} bytes; this server takes at most {self.limit:,} "
            "(summarize serve --max-request-bytes)"
        )

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        error = RequestError(413, self._message(f"{size:,}"))
        response = _page_error(error) if scope["path"] == "/" else api.error_response(error)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


class LocalOnly:
    """ASGI middleware: refuse (400) a request whose Host header does not name this machine.

    For a server on loopback: a page on another site can make a browser send
    requests to a name of its own that resolves to 127.0.0.1 (DNS rebinding),
    and read the answers; such requests name that other host.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            name = host[: host.index("]") + 1] if host.startswith("[") and "]" in host else host.split(":", 1)[0]
            if not is_loopback(name.removeprefix("[").removesuffix("]")):
                message = f"this server answers only on this machine (127.0.0.1, localhost), not as {host or 'no host'}"
                await api.error_response(RequestError(400, message))(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _request_error(request: Request, error: Exception) -> Response:
    """A :class:`RequestError` raised outside a page's own handling: JSON, or the page with the message."""
    assert isinstance(error, RequestError)
    return _page_error(error) if request.url.path == "/" else api.error_response(error)


def _page_error(error: RequestError) -> Response:
    """The page with an error that came before the form could be read (the form is empty again)."""
    headers = {"Content-Security-Policy": page.CSP}
    return HTMLResponse(page.render({}, error=error.message), status_code=error.status, headers=headers)


async def _http_error(request: Request, error: Exception) -> Response:
    """Starlette's own errors (404, 405) as JSON, like every other error."""
    assert isinstance(error, HTTPException)
    message = {404: f"no such page: {request.url.path}", 405: f"{request.method} is not allowed here"}
    response = api.error_response(RequestError(error.status_code, message.get(error.status_code, str(error.detail))))
    response.headers.update(error.headers or {})
    return response


async def _openapi(request: Request) -> Response:
    return api.json_response(openapi(request.app.state.settings))


def create_app(settings: Settings | None = None) -> ASGIApp:
    """The application, with ``settings`` (by default :class:`Settings` ()), ready for any ASGI server.

    At start-up each worker analyses a short text, so that the language data is
    loaded before ``/health`` answers and the first request is as quick as the next.
    """
    chosen = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(lambda: Summarizer().analyze("The server starts. It reads a text.").keywords())
        yield

    app = Starlette(
        routes=[
            Route("/", page.form, methods=["GET"]),
            Route("/", page.submit, methods=["POST"]),
            Route("/api/summary", api.summary, methods=["POST"]),
            Route("/api/keywords", api.keywords, methods=["POST"]),
            Route("/api/documents", api.documents, methods=["POST"]),
            Route("/health", api.health, methods=["GET"]),
            Route("/openapi.json", _openapi, methods=["GET"]),
        ],
        exception_handlers={RequestError: _request_error, HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.settings = chosen
    limited = BodyLimit(app, chosen.max_request_bytes)
    return LocalOnly(limited) if chosen.local_only else limited


def create_app_from_environment() -> ASGIApp:
    """The application with the settings the command passed to its workers (see :meth:`Settings.from_environment`)."""
    return create_app(Settings.from_environment())
