"""Reading a document in a child process, within limits of memory and time.

PDF files are parsed by PDFium, native code: a file built to exhaust memory (form
objects that draw each other thousands of times, a content stream compressed twice
that inflates to gigabytes) makes it abort the whole process, and no Python
``except`` can catch that. So :func:`~summarize.io.documents.load_document` reads
a PDF file in a child process, a fresh interpreter, whose address space and CPU
time are capped by the operating system (``RLIMIT_AS`` and ``RLIMIT_CPU``) and
which is killed at a deadline. A crash, a bomb or a parser that never ends becomes
one :class:`~summarize.errors.ReadLimitError` naming the file, and the caller (one
command, or a batch run that writes an error record and goes on) is unharmed.

Starting the child costs about 0.2 s; it is kept and reads the next PDF files too
(a short one in about 10 ms), and replaced after a crash. The DOCX and HTML
extractors can run the same way (:func:`extract_isolated`), but are read in the
calling process: their parsers' work is bounded in Python (see
:mod:`summarize.io.docx` and :mod:`summarize.io.html`), and trafilatura takes a
second to start. ``ReadLimits(isolated=False)`` reads a PDF in the calling
process instead, without limits.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO

from summarize._validation import check_float, check_int, fail
from summarize.blocks import Block
from summarize.errors import InputError, MissingDependencyError, ReadLimitError
from summarize.io.urls import MAX_SECONDS

__all__ = ["DEFAULT_MEMORY", "DEFAULT_SECONDS", "ReadLimits", "block_of_json", "block_to_json", "extract_isolated"]

#: The address space of the process that reads one document (1.5 GiB): a 2,000-page
#: report takes a fifth of it.
DEFAULT_MEMORY = 1536 * 2**20
#: The time one document may take to read, in seconds (CPU time, and the time
#: until the reading process is killed, plus a few seconds for it to start).
DEFAULT_SECONDS = 30.0

# The least memory that can be asked for: the interpreter and the extractor's imports.
_MIN_MEMORY = 2**26
# Seconds the child gets beyond ``seconds`` to start (import the extractor) before it is killed.
_START_SECONDS = 5.0
# The exit status of a child that ran out of memory in Python code (MemoryError).
OUT_OF_MEMORY = 3
# Bytes of the child's standard error kept for a message, when it fails without saying why.
_STDERR_KEPT = 2000
# The optional module each format needs, and the feature and extra that name it.
_NEEDS = {
    "pdf": ("pypdfium2", "reading PDF files", "pdf"),
    "html": ("trafilatura", "reading HTML", "html"),
}
_KINDS = {"pdf": "PDF file", "docx": "Word file", "html": "HTML page"}


@dataclass(frozen=True, kw_only=True, slots=True)
class ReadLimits:
    """Limits on reading one PDF file (or a DOCX or HTML document, with :func:`extract_isolated`).

    Attributes
    ----------
    memory : int
        Bytes of address space of the process that reads the document (default
        1.5 GiB, :data:`DEFAULT_MEMORY`; at least 64 MiB).
    seconds : float
        Seconds of CPU time it may take (default 30, :data:`DEFAULT_SECONDS`); it is
        killed once this much time, plus 5 s to start, has passed.
    isolated : bool
        Read in a child process within these limits (default True). False reads in
        the calling process without limits, as for a trusted document.

    Examples
    --------
    >>> ReadLimits(memory=4 * 2**30, seconds=120).seconds
    120.0
    """

    memory: int = DEFAULT_MEMORY
    seconds: float = DEFAULT_SECONDS
    isolated: bool = True

    def __post_init__(self) -> None:
        check_int("memory", self.memory, minimum=_MIN_MEMORY)
        seconds = check_float("seconds", self.seconds, low=0.0, high=MAX_SECONDS, low_open=True)
        object.__setattr__(self, "seconds", seconds)
        if not isinstance(self.isolated, bool):
            raise fail("isolated", "a bool", self.isolated)


def check_limits(limits: object) -> ReadLimits:
    """Return ``limits``, or the default :class:`ReadLimits` for None."""
    if limits is None:
        return ReadLimits()
    if not isinstance(limits, ReadLimits):
        raise fail("limits", "a summarize.io.limits.ReadLimits or None", limits)
    return limits


@dataclass(frozen=True, kw_only=True, slots=True)
class Extracted:
    """What an extractor found: the text, the title, and the blocks of its structure (None without)."""

    text: str
    title: str | None
    blocks: tuple[Block, ...] | None = None


def extract_isolated(
    form: str,
    data: bytes,
    *,
    name: str,
    limits: ReadLimits,
    url: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Extracted:
    """The text and title of a document of ``form`` ("pdf", "docx" or "html", UTF-8 bytes), read within ``limits``.

    Raises
    ------
    ReadLimitError
        If reading needs more memory or time than allowed, or the reader crashes.
    InputError, MissingDependencyError
        As the extractor raises them.
    """
    needed = _NEEDS.get(form)
    if needed is not None and not _importable(needed[0]):
        raise MissingDependencyError(needed[1], needed[0], needed[2])
    if not limits.isolated or not sys.executable:
        return extract(form, data, name=name, url=url, progress=progress)
    kind = _KINDS.get(form, "document")
    try:
        reader = _take_reader(limits)
    except OSError as error:  # no process can be started (too many open files, ...)
        raise InputError(f"{name}: the {kind} reader process cannot be started ({error})") from None
    try:
        answer = reader.read({"form": form, "name": name, "url": url}, data, progress)
        if answer is not None:
            return _answer(answer, name)
        status, timed_out, said = reader.status, reader.timed_out, reader.said()
    finally:
        _give_back(reader)
    if timed_out or status == -signal.SIGKILL or status == -getattr(signal, "SIGXCPU", -1):
        raise ReadLimitError(
            f"{name}: reading the {kind} took more than {limits.seconds:g} s, the limit "
            "(ReadLimits.seconds); the file is hostile or damaged, or too big for the limit",
            name=name,
            limit="time",
        )
    if status == OUT_OF_MEMORY:
        raise ReadLimitError(
            f"{name}: reading the {kind} needs more than {_size(limits.memory)} of memory, the limit "
            "(ReadLimits.memory); the file is hostile or damaged, or too big for the limit",
            name=name,
            limit="memory",
        )
    if status is not None and status < 0:
        signame = _signal_name(-status)
        raise ReadLimitError(
            f"{name}: the {kind} reader crashed ({signame}), most likely on reaching the memory limit of "
            f"{_size(limits.memory)} (ReadLimits.memory); the file is hostile or damaged, or too big for the limit",
            name=name,
            limit="crash",
        )
    raise InputError(f"{name}: the {kind} reader failed (exit status {status}{': ' + said if said else ''})")


class _Reader:
    """A child process that reads documents one after another, within limits.

    It is started once and kept, as starting one costs about 0.2 s, twenty times the
    reading of a short PDF. The child caps its address space once, and its CPU time
    before each document (the time used so far, plus ``seconds``); it retires
    (exits after its answer) after :data:`summarize.io._child`'s 200 documents or once
    its memory has grown past half the cap, so that what one document leaves behind
    never counts against the next. A reader that crashed, was killed or retired is
    replaced by a new one at the next document.
    """

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.child = subprocess.Popen(
            [sys.executable, "-m", "summarize.io._child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_child_environment(),
        )
        self.lines: queue.Queue[bytes] = queue.Queue()
        self.errors = bytearray()
        self.status: int | None = None
        self.timed_out = False
        self.retired = False
        stdin, stdout, stderr = self.child.stdin, self.child.stdout, self.child.stderr
        if stdin is None or stdout is None or stderr is None:  # never: all three are pipes
            self.child.kill()
            raise OSError("the reader process could not be started")
        self.stdin = stdin
        self.threads = [
            threading.Thread(target=_lines, args=(stdout, self.lines), daemon=True, name="summarize-reader-out"),
            threading.Thread(target=_tail, args=(stderr, self.errors), daemon=True, name="summarize-reader-err"),
        ]
        for thread in self.threads:
            thread.start()
        self.streams = (stdin, stdout, stderr)
        with suppress(OSError):  # a child that failed to start: its first read says why
            self.stdin.write(json.dumps({"memory": limits.memory, "seconds": limits.seconds}).encode() + b"\n")
            self.stdin.flush()

    @property
    def usable(self) -> bool:
        return self.status is None and not self.retired and self.child.poll() is None

    def read(
        self, header: dict[str, object], data: bytes, progress: Callable[[int, int], None] | None
    ) -> dict[str, object] | None:
        """The child's answer for one document, or None if it died or was killed (see :attr:`status`)."""
        deadline = time.monotonic() + self.limits.seconds + _START_SECONDS
        try:
            self.stdin.write(json.dumps({**header, "size": len(data)}).encode() + b"\n")
            self.stdin.write(data)
            self.stdin.flush()
        except OSError:  # it died already
            self._ended()
            return None
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.timed_out = True
                self._ended()
                return None
            if not line:
                self._ended()
                return None
            if line.startswith(b"P "):
                if progress is not None:
                    done, total = map(int, line.split()[1:3])
                    progress(done, total)
                continue
            answer: dict[str, object] = json.loads(line)
            self.retired = bool(answer.pop("retire", False))
            return answer

    def _ended(self) -> None:
        self.child.kill()
        self.status = self.child.wait()
        for thread in self.threads:
            thread.join(timeout=1.0)

    def said(self) -> str:
        lines = bytes(self.errors).decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def close(self) -> None:
        """End the child (it exits when its standard input closes), and release the pipes."""
        with suppress(OSError):
            self.stdin.close()
        try:
            self.status = self.child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.child.kill()
            self.status = self.child.wait()
        for thread in self.threads:
            thread.join(timeout=1.0)
        for stream in self.streams[1:]:
            stream.close()


_READERS: dict[ReadLimits, _Reader] = {}
_READERS_LOCK = threading.Lock()


def _take_reader(limits: ReadLimits) -> _Reader:
    """The kept reader for ``limits``, or a new one (also for a caller in another thread meanwhile)."""
    with _READERS_LOCK:
        reader = _READERS.pop(limits, None)
    if reader is not None and not reader.usable:
        reader.close()
        reader = None
    if reader is None:
        _at_exit()
        reader = _Reader(limits)
    return reader


def _give_back(reader: _Reader) -> None:
    """Keep a reader that can read again (one per limits), close any other."""
    if reader.usable:
        with _READERS_LOCK:
            kept = _READERS.setdefault(reader.limits, reader)
        if kept is reader:
            return
    reader.close()


@cache
def _at_exit() -> None:
    """Close the kept readers when the interpreter exits (registered once)."""
    atexit.register(_close_readers)


def _close_readers() -> None:
    with _READERS_LOCK:
        readers = list(_READERS.values())
        _READERS.clear()
    for reader in readers:
        reader.close()


def extract(
    form: str,
    data: bytes,
    *,
    name: str,
    url: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Extracted:
    """The text and title of a document of ``form``, read in this process."""
    if form == "pdf":
        from summarize.io.pdf import extract_pdf

        pdf = extract_pdf(data, name=name, progress=progress)
        return Extracted(text=pdf.text, title=pdf.title, blocks=pdf.blocks)
    if form == "docx":
        from summarize.io.docx import extract_docx

        docx = extract_docx(data, name=name)
        return Extracted(text=docx.text, title=docx.title, blocks=docx.blocks)
    if form == "html":
        from summarize.io.html import extract_article

        article = extract_article(data.decode("utf-8", "surrogatepass"), url=url, name=name)
        return Extracted(text=article.text, title=article.title, blocks=article.blocks)
    raise fail("form", "one of 'pdf', 'docx', 'html'", form)


def _importable(module: str) -> bool:
    if module in sys.modules:
        return sys.modules[module] is not None
    from importlib.util import find_spec

    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _child_environment() -> dict[str, str]:
    """This environment, with the folder that holds this summarize package first on the child's path."""
    root = str(Path(__file__).resolve().parent.parent.parent)
    environment = dict(os.environ)
    paths = [root, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def _lines(stream: IO[bytes], lines: queue.Queue[bytes]) -> None:
    try:
        for line in stream:
            lines.put(line)
    finally:
        lines.put(b"")


def _tail(stream: IO[bytes], kept: bytearray) -> None:
    while True:
        chunk = stream.read(65536)
        if not chunk:
            return
        kept.extend(chunk)
        del kept[:-_STDERR_KEPT]


def _answer(answer: dict[str, object], name: str) -> Extracted:
    if "text" in answer:
        title = answer.get("title")
        listed = answer.get("blocks")
        blocks = None if not isinstance(listed, list) else tuple(block_of_json(item) for item in listed)
        return Extracted(text=str(answer["text"]), title=None if title is None else str(title), blocks=blocks)
    if answer.get("error") == "MissingDependencyError":
        raise MissingDependencyError(str(answer["feature"]), str(answer["package"]), str(answer["extra"]))
    raise InputError(str(answer.get("message", f"{name}: cannot be read")))


def _size(memory: int) -> str:
    return f"{memory / 2**30:g} GiB" if memory >= 2**30 else f"{memory / 2**20:g} MiB"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def block_to_json(block: Block) -> list[object]:
    """A block as the child process sends it: ``[kind, start, end, level, trail]``."""
    return [block.kind, block.start, block.end, block.level, list(block.trail)]


def block_of_json(item: object) -> Block:
    """The block the child process sent (see :func:`block_to_json`)."""
    if not isinstance(item, list) or len(item) != 5:
        raise InputError(f"the document reader sent a block it should not: {item!r:.80}")
    kind, start, end, level, trail = item
    return Block(kind=str(kind), start=int(start), end=int(end), level=int(level), trail=tuple(map(str, trail)))
