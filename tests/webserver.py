"""A real HTTP server on 127.0.0.1 for the tests, serving pages written for them.

Started once per test session by the ``web`` fixture in ``conftest.py``. Each path
shows one situation a download or an extraction must handle: an article page with
navigation, cookie banner, related links and footer; redirects; errors; a slow and
a stalled response; oversized bodies; binary files; pages in other encodings.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLE_TITLE = "Council approves riverside park"

ARTICLE_PARAGRAPHS = (
    "The city council approved a new public park beside the river on Monday, ending a debate that had "
    "lasted for more than five years.",
    "The park will open next spring on the site of the old freight yard, with a playground, a community "
    "garden and a path along the water.",
    "Council members said residents had asked the council for a park on the river for years, and that the "
    "vote showed the council was listening.",
    "The project will cost about four million pounds, most of it paid by a national grant for new green "
    "spaces in cities.",
    "Some residents worried that the park would bring traffic to the quiet streets near the river, and the "
    "council promised a study of parking.",
    "Work on the park will start in the autumn, when the last freight sheds on the site have been taken down.",
)

# Boilerplate around the article: none of these words may reach the summary.
BOILERPLATE = ("cookies", "Newsletter", "Copyright", "Bakery", "Privacy", "Sport", "tracking")


def page(title: str, paragraphs: tuple[str, ...] | list[str], *, extra_head: str = "", headline: bool = True) -> str:
    """An article page as news sites write them: the article wrapped in site furniture."""
    body = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} | The Daily Example</title>
{extra_head}
<script>window.tracking = "tracking pixel";</script>
<style>body {{ font-family: serif; }}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our site.
Accept all cookies to continue reading. <button>Accept</button></div>
<header class="site-header"><nav class="menu"><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/newsletter">Newsletter</a></li></ul></nav></header>
<main>
<article>
{f"<h1>{html.escape(title)}</h1>" if headline else ""}
<p class="byline">By Jane Doe</p>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/bakery">Bakery on Main Street closes after forty years of trading in the town centre</a></li>
<li><a href="/bus">New bus route planned for the east side of the city next year</a></li>
</ul></aside>
</main>
<footer><p>Copyright 2025 The Daily Example. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
<script>document.write("tracking pixel");</script>
</body>
</html>
"""


ARTICLE_HTML = page(ARTICLE_TITLE, ARTICLE_PARAGRAPHS)

# An article whose text holds markup: it must be shown as text and never run.
HOSTILE_TITLE = "Sanitising <script> tags & onerror handlers"
HOSTILE_PARAGRAPHS = (
    'Security researchers warned that a comment field accepting <script>alert("pwned")</script> lets '
    "attackers run code in every reader's browser.",
    "The researchers said that the same comment field also accepted <img src=x "
    "onerror=\"document.body.setAttribute('data-pwned','yes')\"> as an image tag, which runs code in the browser.",
    "Escaping every character of the comment before it reaches the browser stops such attacks, the researchers said.",
    "The site fixed the comment field within a day, and the researchers said readers were not harmed.",
    "Browsers also block inline code when a page sends a strict content security policy.",
)
HOSTILE_HTML = page(HOSTILE_TITLE, HOSTILE_PARAGRAPHS)

NAV_ONLY_HTML = """<!DOCTYPE html><html><head><title>Site map</title></head><body>
<div class="cookie-banner">We use cookies. Accept all cookies to continue.</div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<footer><p>Copyright 2025 The Daily Example. All rights reserved.</p></footer>
</body></html>"""

LATIN1_PARAGRAPHS = (
    "The café on the corner of the square reopened on Friday after a year of repairs to its roof and walls.",
    "Its owner said the café had kept its old recipes, and that customers were already queueing at the door.",
    "The town’s mayor thanked the builders, who finished the work on the café two weeks early.",
)
# Declared in a <meta> tag only; the bytes are windows-1252, as "iso-8859-1" means to browsers.
LATIN1_HTML = page(
    "Café reopens",
    LATIN1_PARAGRAPHS,
    extra_head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
).replace('<meta charset="utf-8">\n', "")

PLAIN_TEXT = "\n\n".join(ARTICLE_PARAGRAPHS) + "\n"

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64

BIG_BYTES = 200_000


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        route = self.server.routes.get(self.path.split("?")[0])
        try:
            if route is None:
                self._send(404, "text/html; charset=utf-8", b"<html><body><h1>Not found</h1></body></html>")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the tests of time-outs and limits make it

    def _send(self, status: int, content_type: str | None, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _html(text: str, content_type: str = "text/html; charset=utf-8") -> Callable[[_Handler], None]:
    return lambda handler: handler._send(200, content_type, text.encode())


def _bytes(data: bytes, content_type: str | None) -> Callable[[_Handler], None]:
    return lambda handler: handler._send(200, content_type, data)


def _redirect(status: int, location: str) -> Callable[[_Handler], None]:
    return lambda handler: handler._send(status, "text/html", b"moved", {"Location": location})


def _authorization(handler: _Handler) -> None:
    """Echo the Authorization header the client sent (or "none"), as plain text."""
    handler._send(200, "text/plain; charset=utf-8", (handler.headers.get("Authorization") or "none").encode())


def _slow(handler: _Handler) -> None:
    """Answer only when the test session ends (or after 10 s): a client time-out must come first."""
    handler.server.release.wait(10)
    handler._send(200, "text/html; charset=utf-8", ARTICLE_HTML.encode())


def _article_headers(handler: _Handler) -> bytes:
    """Send the status and headers of the test article; its body, for the route to send."""
    body = ARTICLE_HTML.encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    return body


def _stalled(handler: _Handler) -> None:
    """Send the headers and the start of the body, then nothing."""
    body = _article_headers(handler)
    handler.wfile.write(body[:100])
    handler.wfile.flush()
    handler.server.release.wait(10)


def _dripping(handler: _Handler) -> None:
    """Send the body a byte every 50 ms, each within any read time-out: only a limit on the whole download ends it."""
    body = _article_headers(handler)
    for byte in body:
        if handler.server.release.wait(0.05):
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()


def _drip(handler: _Handler, data: bytes) -> None:
    """Send ``data`` a byte every 50 ms, until the test session ends."""
    for byte in data:
        if handler.server.release.wait(0.05):
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()


def _continuing(handler: _Handler) -> None:
    """``100 Continue`` interim responses, forever: http.client reads each and waits for the next."""
    _drip(handler, b"HTTP/1.1 100 Continue\r\n\r\n" * 10_000)


def _status_dripping(handler: _Handler) -> None:
    """The status line itself, a byte every 50 ms."""
    _drip(handler, b"HTTP/1.1 200 " + b"O" * 10_000 + b"K\r\n\r\n")


def _headers_dripping(handler: _Handler) -> None:
    """Headers, a byte every 50 ms, each header short and few of them (under http.client's 100-header limit)."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    _drip(handler, b"X-Slow: " + b"a" * 10_000 + b"\r\n\r\n")


def _big_streamed(handler: _Handler) -> None:
    """A body larger than the limit, with no Content-Length: only counting the bytes finds out."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>")
    chunk = b"All work and no play makes a very long page. " * 100
    for _ in range(BIG_BYTES // len(chunk) + 1):
        handler.wfile.write(chunk)
    handler.wfile.write(b"</p></body></html>")


def _big_declared(handler: _Handler) -> None:
    """A Content-Length over the limit: refused before the body is read."""
    handler._send(200, "text/html; charset=utf-8", b"x" * BIG_BYTES)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Callable[[_Handler], None]]
    release: threading.Event


def start(seed_path: Path) -> tuple[_Server, threading.Thread]:
    """Start the server on a free port of 127.0.0.1; stop it with :func:`stop`."""
    seed_lines = [line.strip() for line in seed_path.read_text(encoding="utf-8").split("\n\n") if line.strip()]
    server = _Server(("127.0.0.1", 0), _Handler)
    server.release = threading.Event()
    server.routes = {
        "/news/article.html": _html(ARTICLE_HTML),
        "/news/hostile.html": _html(HOSTILE_HTML),
        "/news/seed.html": _html(page(seed_lines[1], seed_lines[2:])),
        "/news/nav-only.html": _html(NAV_ONLY_HTML),
        "/news/latin1.html": _bytes(LATIN1_HTML.encode("cp1252"), "text/html"),
        "/news/xhtml": _html(ARTICLE_HTML, "application/xhtml+xml"),
        "/news/untyped.html": _bytes(ARTICLE_HTML.encode(), None),
        "/news/plain": _html(PLAIN_TEXT, "text/plain; charset=utf-8"),
        "/story": _redirect(302, "/news/article.html"),
        "/loop": _redirect(302, "/loop"),
        "/to-ftp": _redirect(302, "ftp://127.0.0.1/article.html"),
        "/to-bad-ipv6": _redirect(302, "http://[::1"),
        "/continuing": _continuing,
        "/status-dripping": _status_dripping,
        "/headers-dripping": _headers_dripping,
        "/no-location": lambda handler: handler._send(302, "text/html", b"moved"),
        "/server-error": lambda handler: handler._send(500, "text/html", b"<h1>oops</h1>"),
        "/slow": _slow,
        "/stalled": _stalled,
        "/dripping": _dripping,
        "/big-streamed": _big_streamed,
        "/big-declared": _big_declared,
        "/image.png": _bytes(PNG, "image/png"),
        "/download.bin": _bytes(b"\x00\x01\x02binary" * 100, "application/octet-stream"),
        "/whoami": _authorization,
    }
    port = server.server_address[1]
    server.routes["/story-permanent"] = _redirect(301, f"http://127.0.0.1:{port}/story")
    server.routes["/whoami-elsewhere"] = _redirect(302, f"http://localhost:{port}/whoami")
    thread = threading.Thread(target=server.serve_forever, name="test-web-server", daemon=True)
    thread.start()
    return server, thread


def stop(server: _Server, thread: threading.Thread) -> None:
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
