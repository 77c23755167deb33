"""Downloading a URL, with the standard library only.

Every download has a connect/read time-out, a time limit for the whole download,
a maximum size and a limited number of redirects (:mod:`summarize.io.urls` holds
the defaults). The article of a downloaded page is extracted by
:mod:`summarize.io.html`.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from summarize._validation import check_float, check_int, fail
from summarize._version import __version__
from summarize.errors import FetchError
from summarize.io.urls import DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_MAX_SECONDS, DEFAULT_TIMEOUT

__all__ = ["Download", "fetch"]

_SCHEMES = ("http", "https")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"


@dataclass(frozen=True, kw_only=True, slots=True)
class Download:
    """A downloaded response body with what the server said about it.

    Attributes
    ----------
    url : str
        The URL the body came from, after redirects.
    content_type : str
        The media type, lower-case and without parameters (``"text/html"``), or
        ``""`` when the server sent none.
    charset : str or None
        The ``charset`` parameter of the content type, when sent.
    data : bytes
        The body.
    """

    url: str
    content_type: str
    charset: str | None
    data: bytes


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    max_seconds: float = DEFAULT_MAX_SECONDS,
) -> Download:
    """Download a web page over HTTP or HTTPS.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` URL.
    timeout : float
        Seconds to wait for each connection and for each read from it (default 10).
    max_bytes : int
        The largest body accepted, in bytes (default 10 MiB). A larger response is
        refused as soon as its ``Content-Length`` or the bytes read so far exceed it.
    max_redirects : int
        The most redirects followed (default 5); 0 follows none.
    max_seconds : float
        Seconds the whole download may take, redirects included (default 120).
        It is checked between reads, so a download that goes over it ends within
        one ``timeout`` more.

    Returns
    -------
    Download
        The body, the final URL and the content type the server sent.

    Raises
    ------
    FetchError
        If the URL is not http(s), its host cannot be resolved, the connection is
        refused or times out, the server answers with an HTTP error, redirects too
        often, sends more than ``max_bytes``, or takes longer than ``max_seconds``.
        The message starts with the URL.
    InvalidParameterError
        If an option is out of range.

    Notes
    -----
    Proxies named in the usual environment variables (``https_proxy``,
    ``no_proxy``, ...) are used, as curl and urllib use them. No cookies are kept
    and no compressed encoding is asked for.
    """
    if not isinstance(url, str):
        raise fail("url", "a str", url)
    check_float("timeout", timeout, low=0.0, high=float("inf"), low_open=True, high_open=True)
    check_int("max_bytes", max_bytes, minimum=1)
    check_int("max_redirects", max_redirects, minimum=0)
    check_float("max_seconds", max_seconds, low=0.0, high=float("inf"), low_open=True, high_open=True)

    deadline = _Deadline(url, max_seconds)
    opener = _opener()
    headers = {"User-Agent": f"summarize/{__version__}", "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    current = url
    for _ in range(max_redirects + 1):
        _check_url(url, current)
        deadline.check()
        try:
            response = opener.open(urllib.request.Request(current, headers=headers), timeout=timeout)
        except urllib.error.HTTPError as error:
            error.close()
            if error.code not in _REDIRECTS:
                reason = f" {error.reason}" if error.reason else ""
                raise FetchError(url, f"the server answered HTTP {error.code}{reason}", status=error.code) from None
            location = error.headers.get("Location")
            if not location:
                raise FetchError(url, f"redirect (HTTP {error.code}) without a Location", status=error.code) from None
            current = urllib.parse.urljoin(current, location.strip())
            continue
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
            raise FetchError(url, _describe(error, current, timeout)) from None
        with response:
            return _read(url, response, timeout=timeout, max_bytes=max_bytes, deadline=deadline)
    raise FetchError(url, f"too many redirects (more than {max_redirects})")


def _opener() -> urllib.request.OpenerDirector:
    """urllib's opener for http(s) without its redirect handler: a redirect comes back
    to :func:`fetch` as an ``HTTPError``, to be counted and checked there."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _check_url(url: str, current: str) -> None:
    try:
        parts = urllib.parse.urlsplit(current)
        parts.port  # noqa: B018 - parsed on access; raises for a bad port
    except ValueError as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in _SCHEMES:
        where = "" if current == url else f"redirected to {current}, but "
        got = f"not {parts.scheme}://" if parts.scheme else "and this is not one"
        raise FetchError(url, f"{where}only http:// and https:// URLs can be read, {got}")
    if not parts.hostname:
        raise FetchError(url, "the URL names no host")


def _describe(error: BaseException, current: str, timeout: float) -> str:
    """Say in a few words why a connection to ``current`` failed."""
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    host = urllib.parse.urlsplit(current).netloc
    if isinstance(reason, socket.gaierror):
        return f"cannot resolve the host name {urllib.parse.urlsplit(current).hostname!r} (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, TimeoutError):
        return f"no answer from {host} within {timeout:g} seconds (time-out)"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection to {host} failed ({reason.reason or reason})"
    if isinstance(reason, ValueError):
        return f"not a valid URL ({reason})"
    if isinstance(reason, http.client.HTTPException):
        return f"the server at {host} sent an invalid HTTP response ({type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot connect to {host} ({reason.strerror})"
    return f"cannot connect to {host} ({reason})"


@dataclass(frozen=True)
class _Deadline:
    """The time by which a download of ``url`` must be done."""

    url: str
    seconds: float
    start: float = field(default_factory=time.monotonic)

    def check(self) -> None:
        if time.monotonic() - self.start > self.seconds:
            raise FetchError(self.url, f"the download took longer than {self.seconds:g} seconds (the time limit)")


def _read(
    url: str, response: http.client.HTTPResponse, *, timeout: float, max_bytes: int, deadline: _Deadline
) -> Download:
    """Read a response body, refusing it once it is larger than ``max_bytes`` or late.

    Read with ``read1``, which returns whatever has arrived, so that the deadline is
    checked even while a server sends a few bytes at a time.
    """
    too_big = f"the page is larger than the maximum download size of {max_bytes:,} bytes"
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"{too_big} (Content-Length {int(length):,})")
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise FetchError(url, f"the server sent a compressed body (Content-Encoding {encoding}) that was not asked for")
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        try:
            chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
        except TimeoutError:
            raise FetchError(url, f"the download stalled for {timeout:g} seconds (time-out)") from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(url, f"the connection broke during the download ({type(error).__name__})") from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        deadline.check()
    if size > max_bytes:
        raise FetchError(url, too_big)
    has_type = bool(response.headers.get("Content-Type", "").strip())
    return Download(
        url=response.geturl(),
        content_type=response.headers.get_content_type() if has_type else "",
        charset=response.headers.get_content_charset(),
        data=b"".join(chunks),
    )
