"""The page of ``summarize serve`` in a real browser: headless Chromium, driven as a person would use it.

Chromium is started as in tests/test_browser.py (the same flags, a fresh profile)
and driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: JSON
messages ending in a NUL byte on file descriptors 3 and 4), so no package beyond
the standard library is needed. The tests type with the keyboard, choose a file,
submit the form and read the page the server answered with.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import summarize

from . import serving
from .conftest import NEWS
from .documents import PARAGRAPHS, TITLE, write_pdf
from .test_browser import CHROMIUM, FLAGS

pytest.importorskip("starlette", reason="needs the extra serve")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("SUMMARIZE_REQUIRE_BROWSER"),
    reason="needs headless Chromium, which is not installed: apt-get install chromium (.ci/run does)",
)


class Browser:
    """One Chromium tab, driven over the DevTools protocol on a pipe."""

    def __init__(self, profile: Path) -> None:
        assert CHROMIUM is not None, "Chromium is required (SUMMARIZE_REQUIRE_BROWSER is set) but not installed"
        to_browser_read, self._write = os.pipe()
        self._read, from_browser_write = os.pipe()
        flags = [flag for flag in FLAGS if not flag.startswith("--virtual-time-budget")]

        def descriptors() -> None:  # the browser reads commands on fd 3 and writes answers on fd 4
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *flags, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=descriptors,
            close_fds=False,  # the pipes' own descriptors are not inherited; 3 and 4 are
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, object]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    def _message(self) -> dict[str, object]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        assert isinstance(message, dict)
        return message

    def call(self, method: str, *, session: bool = False, **params: object) -> dict[str, object]:
        self._next += 1
        command: dict[str, object] = {"id": self._next, "method": method, "params": params}
        if session:
            command["sessionId"] = self.session
        os.write(self._write, json.dumps(command).encode() + b"\0")
        while True:
            message = self._message()
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result = message.get("result", {})
                assert isinstance(result, dict)
                return result
            self.events.append(message)

    def wait_for_load(self) -> None:
        """Wait until the tab has loaded a page (the one a form submission or a navigation opened)."""
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            self.events.append(self._message())
        self.events.clear()

    def go(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        self.wait_for_load()

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        value = result["result"]
        assert isinstance(value, dict)
        return value.get("value")

    def press(self, key: str, count: int = 1) -> None:
        codes = {"Tab": 9, "Enter": 13}
        for _ in range(count):
            for kind in ("rawKeyDown", "keyUp"):
                self.call(
                    "Input.dispatchKeyEvent",
                    session=True,
                    type=kind,
                    key=key,
                    code=key,
                    windowsVirtualKeyCode=codes[key],
                    text="\r" if key == "Enter" and kind == "rawKeyDown" else "",
                )
            if key == "Enter":
                self.call("Input.dispatchKeyEvent", session=True, type="char", key=key, text="\r")

    def type(self, text: str) -> None:
        self.call("Input.insertText", session=True, text=text)

    def focused(self) -> object:
        return self.evaluate("document.activeElement && document.activeElement.id")

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._read)
        os.close(self._write)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serving.Server]:
    server = serving.start(tmp_path_factory.mktemp("serve-page") / "stderr.log")
    try:
        yield server
    finally:
        serving.stop(server)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    tab = Browser(tmp_path / "profile")
    try:
        yield tab
    finally:
        tab.close()


def marked(browser: Browser) -> list[str]:
    """The highlighted sentences of the document view, without their rank badges."""
    texts = browser.evaluate(
        "[...document.querySelectorAll('article.document mark.top')].map(m => "
        "[...m.childNodes].filter(n => !(n.classList && n.classList.contains('rank'))).map(n => n.textContent)"
        ".join(''))"
    )
    assert isinstance(texts, list)
    return [" ".join(str(text).split()) for text in texts]


def test_paste_a_text_and_submit_with_the_keyboard(site: serving.Server, browser: Browser) -> None:
    browser.go(site.url + "/")
    browser.press("Tab")
    assert browser.focused() == "text"
    browser.type(NEWS)
    browser.press("Tab", 3)  # the web address, the file, the length
    assert browser.focused() == "length"
    browser.evaluate("document.activeElement.select()")
    browser.type("2")
    browser.press("Tab", 5)  # unit, ranker, language, focus, then the button
    assert browser.evaluate("document.activeElement.textContent") == "Summarize"
    browser.press("Enter")
    browser.wait_for_load()
    expected = [sentence.text for sentence in summarize.summarize(NEWS, sentences=2)]
    assert marked(browser) == expected
    # The ranked list has every sentence with its score, best first; the keywords are listed.
    ranks = browser.evaluate(
        "[...document.querySelectorAll('table.ranked tbody tr td:first-child')].map(t => t.textContent)"
    )
    assert ranks == [str(rank) for rank in range(1, 7)]
    keywords = browser.evaluate("[...document.querySelectorAll('ol.keywords li')].length")
    assert isinstance(keywords, int)
    assert keywords > 0
    # The form keeps what was typed, and the downloads hold the API's JSON and the Markdown.
    assert browser.evaluate("document.querySelector('#text').value") == NEWS
    download = browser.evaluate(
        "decodeURIComponent(document.querySelector('a[download$=\".json\"]').href.split(',')[1])"
    )
    record = json.loads(str(download))
    assert [s["text"] for s in record["sentences"]] == expected
    markdown = browser.evaluate("decodeURIComponent(document.querySelector('a[download$=\".md\"]').href.split(',')[1])")
    assert str(markdown).startswith("- The city council approved")


def test_upload_a_pdf(site: serving.Server, browser: Browser, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    write_pdf(pdf)
    browser.go(site.url + "/")
    document = browser.call("DOM.getDocument", session=True)["root"]
    assert isinstance(document, dict)
    node = browser.call("DOM.querySelector", session=True, nodeId=document["nodeId"], selector="#file")["nodeId"]
    browser.call("DOM.setFileInputFiles", session=True, nodeId=node, files=[str(pdf)])
    browser.evaluate("document.querySelector('button[type=submit]').click()")
    browser.wait_for_load()
    assert browser.evaluate("document.title") == f"Summary: {TITLE}"
    text = summarize.load_document(pdf).text
    assert marked(browser) == [" ".join(s.text.split()) for s in summarize.summarize(text, sentences=3)]
    assert "read as pdf" in str(browser.evaluate("document.querySelector('.facts').textContent"))
    assert PARAGRAPHS[0][:40] in str(browser.evaluate("document.querySelector('article.document').textContent"))


def test_an_error_is_shown_to_the_person(site: serving.Server, browser: Browser) -> None:
    browser.go(site.url + "/")
    browser.evaluate("document.querySelector('#url').value = 'http://127.0.0.1:9/story.html'")
    browser.evaluate("document.querySelector('button[type=submit]').click()")
    browser.wait_for_load()
    alert = browser.evaluate("document.querySelector('[role=alert]').textContent")
    assert "http://127.0.0.1:9/story.html: the host 127.0.0.1 is not a public address" in str(alert)
    assert browser.evaluate("document.querySelector('#url').value") == "http://127.0.0.1:9/story.html"
    # Nothing given at all: the page says what to give.
    browser.go(site.url + "/")
    browser.evaluate("document.querySelector('button[type=submit]').click()")
    browser.wait_for_load()
    assert "give one document" in str(browser.evaluate("document.querySelector('[role=alert]').textContent"))


def test_the_result_reads_on_a_phone(site: serving.Server, browser: Browser) -> None:
    browser.call(
        "Emulation.setDeviceMetricsOverride", session=True, width=390, height=844, deviceScaleFactor=1, mobile=True
    )
    browser.go(site.url + "/")
    browser.evaluate(f"document.querySelector('#text').value = {json.dumps(NEWS * 3)}")
    browser.evaluate("document.querySelector('button[type=submit]').click()")
    browser.wait_for_load()
    assert marked(browser)
    # Nothing is wider than the screen: no sideways scrolling.
    assert browser.evaluate("document.documentElement.scrollWidth") == 390
    assert browser.evaluate("document.querySelectorAll('script').length") == 0
