"""Downloading a URL, with the standard library only.

Every download has a connect/read time-out, a time limit for the whole download,
a maximum size and a limited number of redirects (:mod:`summarize.io.urls` holds
the defaults). The article of a downloaded page is extracted by
:mod:`summarize.io.html`.

By default only public hosts are read: a web application that passes its users'
URLs to :func:`fetch` must not let them reach the machine itself, its private
network or a cloud metadata endpoint. Each connection resolves the host, keeps only
the addresses that are global, connects to one of those very addresses and checks
the address it is connected to, so a redirect or a DNS answer that changes between
a check and the connection (DNS rebinding) cannot reach a private one.
``allow_private=True`` lifts the rule, for a person reading an intranet page.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from summarize._validation import check_float, check_int, fail
from summarize._version import __version__
from summarize.errors import FetchError
from summarize.io.urls import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_MAX_SECONDS,
    DEFAULT_TIMEOUT,
    MAX_SECONDS,
    split_credentials,
)

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
    allow_private: bool = False,
) -> Download:
    """Download a web page over HTTP or HTTPS.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` URL.
    timeout : float
        Seconds to wait for each connection and for each read from it (default
        10, at most 86,400).
    max_bytes : int
        The largest body accepted, in bytes (default 10 MiB). A larger response is
        refused as soon as its ``Content-Length`` or the bytes read so far exceed it.
    max_redirects : int
        The most redirects followed (default 5); 0 follows none.
    max_seconds : float
        Seconds the whole download may take, from the first connection to the last
        byte, redirects, status lines and headers included (default 120, at most
        86,400). At the deadline the connection is shut, however slowly the server
        sends; a connection still being made ends within one ``timeout`` more.
    allow_private : bool
        Also read hosts whose addresses are not public (default False): loopback,
        private, link-local (cloud metadata endpoints), shared, multicast and
        reserved addresses. See :func:`is_public_address`.

    Returns
    -------
    Download
        The body, the final URL and the content type the server sent.

    Raises
    ------
    FetchError
        If the URL is not http(s), its host cannot be resolved, the connection is
        refused or times out, the server answers with an HTTP error, redirects too
        often, sends more than ``max_bytes``, or takes longer than ``max_seconds``;
        and, unless ``allow_private``, if the host (of the URL or of a redirect)
        has no public address. The message starts with the URL, without any user
        name or password it holds.
    InvalidParameterError
        If an option is out of range.

    Notes
    -----
    Proxies named in the usual environment variables (``https_proxy``,
    ``no_proxy``, ...) are used, as curl and urllib use them; through a proxy, the
    host's addresses are checked before each request, but the proxy connects on its
    own (and may resolve the name again). No cookies are kept and no compressed
    encoding is asked for.
    """
    if not isinstance(url, str):
        raise fail("url", "a str", url)
    if not isinstance(allow_private, bool):
        raise fail("allow_private", "a bool", allow_private)
    url, credentials = split_credentials(url)
    check_float("timeout", timeout, low=0.0, high=MAX_SECONDS, low_open=True)
    check_int("max_bytes", max_bytes, minimum=1)
    check_int("max_redirects", max_redirects, minimum=0)
    check_float("max_seconds", max_seconds, low=0.0, high=MAX_SECONDS, low_open=True)

    deadline = _Deadline(url, max_seconds)
    with _watched(deadline):
        return _fetch(url, credentials, timeout, max_bytes, max_redirects, deadline, allow_private=allow_private)


def _fetch(
    url: str,
    credentials: str | None,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    deadline: _Deadline,
    *,
    allow_private: bool,
) -> Download:
    opener = _opener(allow_private=allow_private)
    headers = {"User-Agent": f"summarize/{__version__}", "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    current = url
    origin = ""
    for _ in range(max_redirects + 1):
        _check_url(url, current)
        origin = origin or urllib.parse.urlsplit(url).netloc  # the URL's own host, once it is known to be valid
        deadline.check()
        sent = dict(headers)
        if credentials is not None and urllib.parse.urlsplit(current).netloc == origin:
            # HTTP basic authentication, as curl does with a URL's credentials: to the URL's own host only.
            sent["Authorization"] = "Basic " + base64.b64encode(credentials.encode("utf-8")).decode("ascii")
        try:
            response = opener.open(urllib.request.Request(current, headers=sent), timeout=timeout)
        except urllib.error.HTTPError as error:
            error.close()
            if error.code not in _REDIRECTS:
                reason = f" {error.reason}" if error.reason else ""
                raise FetchError(url, f"the server answered HTTP {error.code}{reason}", status=error.code) from None
            location = error.headers.get("Location")
            if not location:
                raise FetchError(url, f"redirect (HTTP {error.code}) without a Location", status=error.code) from None
            try:
                current = split_credentials(urllib.parse.urljoin(current, location.strip()))[0]
            except ValueError as invalid:
                raise FetchError(url, f"redirected to an invalid URL {location.strip()[:200]!r} ({invalid})") from None
            continue
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
            deadline.check()  # a connection shut at the deadline fails as it can: say why
            cause = error.reason if isinstance(error, urllib.error.URLError) else error
            if isinstance(cause, _NotPublicError):
                raise FetchError(url, cause.describe(redirected=current != url)) from None
            raise FetchError(url, _describe(error, current, timeout)) from None
        with response:
            return _read(url, response, timeout=timeout, max_bytes=max_bytes, deadline=deadline)
    raise FetchError(url, f"too many redirects (more than {max_redirects})")


def _opener(*, allow_private: bool) -> urllib.request.OpenerDirector:
    """urllib's opener for http(s) without its redirect handler: a redirect comes back
    to :func:`fetch` as an ``HTTPError``, to be counted and checked there. Unless
    ``allow_private``, its connections go to public addresses only."""
    opener = urllib.request.OpenerDirector()
    handlers: tuple[urllib.request.BaseHandler, ...] = (
        (_WatchedHTTPHandler(), _WatchedHTTPSHandler())
        if allow_private
        else (_PublicHTTPHandler(), _PublicHTTPSHandler())
    )
    for handler in (
        urllib.request.ProxyHandler(),
        *handlers,
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def is_public_address(address: str) -> bool:
    """Whether an IP address is one that any host on the internet could have.

    Not public: loopback (``127.0.0.0/8``, ``::1``), private (``10/8``,
    ``172.16/12``, ``192.168/16``, ``fc00::/7``), link-local (``169.254/16``, where
    cloud metadata endpoints live, ``fe80::/10``), shared (``100.64/10``),
    multicast, reserved, unspecified and documentation ranges, and IPv6 addresses
    that embed such an IPv4 address (IPv4-mapped, 6to4, NAT64).

    Examples
    --------
    >>> from summarize.io.web import is_public_address
    >>> [is_public_address(a) for a in ("93.184.215.14", "127.0.0.1", "169.254.169.254", "::ffff:10.0.0.1")]
    [True, False, False, False]
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # the IPv4 address itself, written as IPv6
            return is_public_address(str(ip.ipv4_mapped))
        embedded = ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class _NotPublicError(OSError):
    """A host without a public address, when only public hosts may be read."""

    def __init__(self, host: str, addresses: list[str]) -> None:
        super().__init__(f"{host} has no public address")
        self.host = host
        self.addresses = addresses

    def describe(self, *, redirected: bool) -> str:
        where = f"redirected to {self.host}, which" if redirected else f"the host {self.host}"
        found = ", ".join(self.addresses[:3]) or "nothing"
        return (
            f"{where} is not a public address (it resolves to {found}); reading hosts on this machine or a private "
            "network needs --allow-private-hosts (allow_private=True in Python)"
        )


_Address = tuple[socket.AddressFamily, socket.SocketKind, int, tuple[Any, ...]]


def _public_addresses(host: str, port: int) -> list[_Address]:
    """The host's addresses that are public, resolved now; refused if it has none."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    public: list[_Address] = [
        (family, kind, proto, address) for family, kind, proto, _, address in found if _public(address)
    ]
    if not public:
        raise _NotPublicError(host, sorted({str(address[0]) for *_, address in found}))
    return public


def _public(address: tuple[Any, ...]) -> bool:
    return isinstance(address[0], str) and is_public_address(address[0])


def _connect_public(host: str, port: int, timeout: float | None) -> socket.socket:
    """A socket connected to one of ``host``'s public addresses, the very one that was checked."""
    error: OSError | None = None
    for family, kind, proto, address in _public_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            sock.connect(address)
            peer = sock.getpeername()
            if not _public(peer):  # what the kernel connected to
                raise _NotPublicError(host, [str(peer[0])])
        except OSError as failure:
            sock.close()
            if isinstance(failure, _NotPublicError):
                raise
            error = failure
            continue
        return sock
    raise error if error is not None else OSError(f"cannot connect to {host}")


class _WatchedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection shut at the download's deadline (:func:`_watched`)."""

    def connect(self) -> None:
        super().connect()
        _watch(self.sock)


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection shut at the download's deadline (:func:`_watched`)."""

    def connect(self) -> None:
        super().connect()
        _watch(self.sock)


class _PublicHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection made to a public address of its host, and to no other."""

    def connect(self) -> None:
        self.sock = _connect_public(self.host, self.port, self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        _watch(self.sock)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection made to a public address of its host, verified with the default TLS settings."""

    def connect(self) -> None:
        sock = _connect_public(self.host, self.port, self.timeout)
        _watch(sock)  # the TLS handshake too
        self.sock = _tls().wrap_socket(sock, server_hostname=self.host)
        _watch(self.sock)


@cache
def _tls() -> ssl.SSLContext:
    return ssl.create_default_context()


def _proxied(request: urllib.request.Request) -> bool:
    """Whether the request goes through a proxy; if so, its target's addresses are checked now.

    Through a proxy, the connection is the proxy's (the operator's own); the proxy
    connects to the target on its own.
    """
    target = urllib.parse.urlsplit(request.full_url)
    if request.host == target.netloc:
        return False
    _public_addresses(target.hostname or "", target.port or (443 if target.scheme == "https" else 80))
    return True


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, request: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPConnection if _proxied(request) else _PublicHTTPConnection, request)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, request: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPSConnection if _proxied(request) else _PublicHTTPSConnection, request)


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, request: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPConnection, request)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, request: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPSConnection, request)


class _Watch:
    """The sockets of one download, shut at its deadline by a timer thread.

    A socket's time-out bounds each read, not the whole: a server that sends its
    status line, ``100 Continue`` lines or headers a byte a second would keep
    ``http.client`` reading forever. Shutting the socket ends any read in progress
    (it returns at once, as if the server had closed the connection).
    """

    def __init__(self, seconds: float) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def add(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                _shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):  # closed already
        sock.shutdown(socket.SHUT_RDWR)


_WATCHES = threading.local()


@contextmanager
def _watched(deadline: _Deadline) -> Iterator[_Watch]:
    """Shut every connection this thread makes until the block ends, once ``deadline`` passes."""
    watch = _Watch(deadline.seconds)
    outer = getattr(_WATCHES, "watch", None)
    _WATCHES.watch = watch
    watch.timer.start()
    try:
        yield watch
    finally:
        watch.timer.cancel()
        _WATCHES.watch = outer


def _watch(sock: socket.socket | None) -> None:
    watch: _Watch | None = getattr(_WATCHES, "watch", None)
    if watch is not None and sock is not None:
        watch.add(sock)


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
            deadline.check()
            raise FetchError(url, f"the connection broke during the download ({type(error).__name__})") from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        deadline.check()
    deadline.check()  # the end of the body, or the connection shut at the deadline
    if size > max_bytes:
        raise FetchError(url, too_big)
    has_type = bool(response.headers.get("Content-Type", "").strip())
    return Download(
        url=response.geturl(),
        content_type=response.headers.get_content_type() if has_type else "",
        charset=response.headers.get_content_charset(),
        data=b"".join(chunks),
    )
