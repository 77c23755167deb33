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

Starting the child costs about 0.2 s, little beside a long PDF. The DOCX and HTML
extractors can run the same way (:func:`extract_isolated`), but are read in the
calling process: their parsers' work is bounded in Python (see
:mod:`summarize.io.docx` and :mod:`summarize.io.html`), and trafilatura takes a
second to start. ``ReadLimits(isolated=False)`` reads a PDF in the calling
process instead, without limits.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from summarize._validation import check_float, check_int, fail
from summarize.errors import InputError, MissingDependencyError, ReadLimitError

__all__ = ["DEFAULT_MEMORY", "DEFAULT_SECONDS", "ReadLimits", "extract_isolated"]

#: The address space of the process that reads one document (1.5 GiB): a 2,000-page
#: report takes a fifth of it.
DEFAULT_MEMORY = 1536 * 2**20
#: The time one document may take to read, in seconds (CPU time, and the time
#: until the reading process is killed, plus a few seconds for it to start).
DEFAULT_SECONDS = 30.0

# The least memory that can be asked for: the interpreter and the extractor's imports.
_MIN_MEMORY = 2**26
# The longest time that can be asked for (a day).
_MAX_SECONDS = 86_400.0
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
        seconds = check_float("seconds", self.seconds, low=0.0, high=_MAX_SECONDS, low_open=True)
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
    """What an extractor found: the text and the title."""

    text: str
    title: str | None


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
    header = {"form": form, "name": name, "url": url, "memory": limits.memory, "seconds": limits.seconds}
    child = subprocess.Popen(
        [sys.executable, "-m", "summarize.io._child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_child_environment(),
    )
    stdin, stdout, stderr = child.stdin, child.stdout, child.stderr
    if stdin is None or stdout is None or stderr is None:  # never: all three are pipes
        child.kill()
        raise InputError(f"{name}: the reader process could not be started")
    lines: queue.Queue[bytes] = queue.Queue()
    errors = bytearray()
    threads = [
        threading.Thread(target=_send, args=(stdin, json.dumps(header).encode() + b"\n", data), daemon=True),
        threading.Thread(target=_lines, args=(stdout, lines), daemon=True),
        threading.Thread(target=_tail, args=(stderr, errors), daemon=True),
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + limits.seconds + _START_SECONDS
    answer: dict[str, object] | None = None
    timed_out = False
    try:
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                timed_out = True
                break
            if not line:
                break
            if line.startswith(b"P "):
                if progress is not None:
                    done, total = map(int, line.split()[1:3])
                    progress(done, total)
                continue
            answer = json.loads(line)
            break
    finally:
        if timed_out or answer is None:
            child.kill()
        status = child.wait()
        for thread in threads:
            thread.join(timeout=1.0)
        for stream in (stdin, stdout, stderr):
            stream.close()
    if answer is not None:
        return _answer(answer, name)
    kind = _KINDS.get(form, "document")
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
    if status < 0:
        signame = _signal_name(-status)
        raise ReadLimitError(
            f"{name}: the {kind} reader crashed ({signame}), most likely on reaching the memory limit of "
            f"{_size(limits.memory)} (ReadLimits.memory); the file is hostile or damaged, or too big for the limit",
            name=name,
            limit="crash",
        )
    said = bytes(errors).decode("utf-8", "replace").strip().splitlines()
    raise InputError(f"{name}: the {kind} reader failed (exit status {status}{': ' + said[-1] if said else ''})")


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
        return Extracted(text=pdf.text, title=pdf.title)
    if form == "docx":
        from summarize.io.docx import extract_docx

        docx = extract_docx(data, name=name)
        return Extracted(text=docx.text, title=docx.title)
    if form == "html":
        from summarize.io.html import extract_article

        article = extract_article(data.decode("utf-8", "surrogatepass"), url=url, name=name)
        return Extracted(text=article.text, title=article.title)
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


def _send(stream: IO[bytes], header: bytes, data: bytes) -> None:
    try:
        stream.write(header)
        stream.write(data)
        stream.close()
    except OSError:  # the child ended before reading it all
        pass


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
        return Extracted(text=str(answer["text"]), title=None if title is None else str(title))
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
