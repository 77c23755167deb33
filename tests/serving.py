"""``summarize serve`` as a real process on a free port of 127.0.0.1, and a small HTTP client for it.

:func:`start` runs the command with ``--port 0``, reads the port it names on
standard error, and waits for ``/health``; :func:`stop` sends Ctrl-C (SIGINT) and
waits for the process to end. The client is the standard library's.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

_SERVING = re.compile(r"serving on (http://127\.0\.0\.1:\d+)")


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    lines: list[str] = field(default_factory=list)

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start(log: Path, *options: str, timeout: float = 60.0) -> Server:
    """Start ``summarize serve --port 0 OPTIONS`` on 127.0.0.1; return once ``/health`` answers 200."""
    environment = {name: value for name, value in os.environ.items() if not name.lower().endswith("_proxy")}
    with log.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "summarize", "serve", "--host", "127.0.0.1", "--port", "0", *options],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=environment,
        )
    deadline = time.monotonic() + timeout
    url = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"summarize serve stopped: {log.read_text(encoding='utf-8')}")
        match = url or _SERVING.search(log.read_text(encoding="utf-8", errors="replace"))
        url = match if isinstance(match, str) else (match.group(1) if match else None)
        if url:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
                    if response.status == 200:
                        return Server(url, process, log)
            except OSError:
                pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"summarize serve did not answer /health in {timeout} s: {log.read_text(encoding='utf-8')}")


def stop(server: Server) -> int:
    """Ctrl-C, as a person stops it; the exit status."""
    server.process.send_signal(signal.SIGINT)
    try:
        return server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
        raise


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes

    def json(self) -> dict[str, object]:
        record = json.loads(self.body)
        assert isinstance(record, dict)
        return record


def request(
    url: str, body: bytes | None = None, *, content_type: str | None = None, headers: dict[str, str] | None = None
) -> Answer:
    sent = {**({"Content-Type": content_type} if content_type else {}), **(headers or {})}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=sent), timeout=60) as response:
            return Answer(response.status, response.headers.get("Content-Type", ""), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers.get("Content-Type", ""), error.read())


def post_json(url: str, record: object) -> Answer:
    return request(url, json.dumps(record).encode(), content_type="application/json")


def post_form(url: str, fields: dict[str, str], files: Sequence[tuple[str, bytes, str]] = ()) -> Answer:
    """A multipart/form-data POST of text ``fields`` and ``files`` (name, bytes, media type) as field ``file``."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for filename, data, media_type in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            f"Content-Type: {media_type}\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return request(url, b"".join(parts), content_type=f"multipart/form-data; boundary={boundary}")
