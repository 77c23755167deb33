"""Output records to a JSON Lines file, written so that a stopped run can be resumed.

Records go to a JSON Lines file under a temporary name (``out.jsonl.part``), one
whole line per record, flushed as it is written; the file is renamed to its real
name only when every record is in it. A run that is killed leaves the finished
records in the ``.part`` file, and ``resume=True`` continues from there.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from summarize._validation import fail
from summarize.errors import OutputBusyError, OutputError
from summarize.io.records import json_line

__all__ = ["PARTIAL_SUFFIX", "Output", "open_output", "output_key", "partial_path", "record_key", "record_line"]

#: Suffix of the output file while a run is writing it.
PARTIAL_SUFFIX = ".part"


def record_line(record: Mapping[str, object]) -> bytes:
    """A record as one line of JSON Lines output: UTF-8 JSON and a newline.

    A lone surrogate (which a JSON input can hold, as ``"\\ud800"``, but UTF-8
    cannot) is written as its JSON escape, so it reads back as it came in.

    Examples
    --------
    >>> from summarize.io.output import record_line
    >>> record_line({"id": "é", "error": "no text"})
    b'{"id": "\\xc3\\xa9", "error": "no text"}\\n'
    >>> record_line({"id": "\\ud800"})
    b'{"id": "\\\\ud800"}\\n'
    """
    # Every character outside JSON's strings is ASCII, so a backslash escape can only land inside a string.
    return json_line(record).encode("utf-8", errors="backslashreplace")


def record_key(identifier: object) -> str:
    """The key under which a record id is remembered for resuming (its JSON text)."""
    return json.dumps(identifier, sort_keys=True, ensure_ascii=False)


def partial_path(output: str | Path) -> Path:
    """Where the records of ``output`` are written until the run is complete.

    Examples
    --------
    >>> from summarize.io.output import partial_path
    >>> partial_path("runs/out.jsonl").as_posix()
    'runs/out.jsonl.part'
    """
    path = Path(output)
    return path.with_name(path.name + PARTIAL_SUFFIX)


class Output:
    """Where output records go: a JSON Lines file (via its ``.part`` file) or a stream.

    Made by :func:`open_output`. Each :meth:`write` puts one whole line out at
    once and flushes it; :meth:`commit` marks the output complete.
    """

    def __init__(
        self,
        name: str,
        stream: BinaryIO,
        done: set[str],
        path: Path | None,
        partial: Path | None,
        *,
        reopened: bool = False,
        special: bool = False,
    ) -> None:
        self.name = name
        #: The keys (:func:`record_key`) of the records already in the output.
        self.done = done
        #: The number of records written by this run.
        self.written = 0
        self._stream = stream
        self._path = path
        self._partial = partial
        self._kept = len(done)
        # Resuming from a complete output, moved to the .part file to append to it.
        self._reopened = reopened
        # A pipe or a device written in place: closed at the end, never renamed.
        self._special = special

    def write(self, record: Mapping[str, object]) -> None:
        """Append one record as one line."""
        self.write_lines(record_line(record), 1)

    def write_lines(self, lines: bytes, records: int) -> None:
        """Append ``records`` records already encoded by :func:`record_line`, with one write, and flush."""
        view = memoryview(lines)
        try:
            while view:
                count = self._stream.write(view)
                view = view[count if count is not None else len(view) :]
            self._stream.flush()
        except BrokenPipeError:
            if self._partial is None:
                raise  # the reader of standard output went away
            raise OutputError(f"{self.name}: cannot be written (broken pipe)") from None
        except OSError as error:
            raise OutputError(f"{self.name}: cannot be written ({error.strerror or error})") from None
        self.written += records

    def commit(self) -> None:
        """Every record is written: make the file durable and give it its real name."""
        if self._special:
            self._close_special()
            return
        if self._path is None or self._partial is None:
            return
        try:
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.replace(self._partial, self._path)
        except OSError as error:
            raise OutputError(f"{self._path}: cannot be written ({error.strerror or error})") from None

    def abandon(self) -> None:
        """The run stopped early: keep the ``.part`` file if it holds any record, else remove it."""
        if self._special:
            self._close_special()
            return
        if self._partial is None:
            return
        self._stream.close()
        if self.written == 0 and self._reopened and self._path is not None:
            os.replace(self._partial, self._path)  # nothing added: the complete output is as it was
        elif self._kept + self.written == 0:
            self._partial.unlink(missing_ok=True)

    def _close_special(self) -> None:
        try:
            self._stream.close()
        except OSError as error:
            raise OutputError(f"{self.name}: cannot be written ({error.strerror or error})") from None

    @property
    def partial(self) -> Path | None:
        """The file holding the records while the run is not complete (None for a stream)."""
        return self._partial


def output_key(record: Mapping[str, object]) -> str | None:
    """The key of an output record of ``summarize batch``: :func:`record_key` of its id (None without one)."""
    return record_key(record["id"]) if "id" in record else None


def open_output(
    output: str | Path | None,
    *,
    resume: bool = False,
    key: Callable[[Mapping[str, object]], str | None] = output_key,
) -> Output:
    """Open where the output records go.

    Parameters
    ----------
    output : str, Path or None
        A file, or None (or ``"-"``) for standard output. Records go to the file's
        ``.part`` file (see :func:`partial_path`), which is renamed to ``output``
        when the run is complete; an existing ``output`` stays until then. The
        ``.part`` file is locked while it is written (``flock``), so a second run
        on the same output stops with an :class:`OutputError`. An existing output
        that is not a regular file (a pipe, ``/dev/stdout``, a device) is written
        in place, never replaced.
    resume : bool
        Keep the records already written, by a run that was stopped (in the
        ``.part`` file) or that completed (in ``output``), and append to them. A
        last line cut short by a kill is dropped. Their keys are in
        :attr:`Output.done`.
    key : callable
        With ``resume``, the key of each record already written, or None if the
        line is not a record of this kind of output (default
        :func:`output_key`, of its ``"id"``).

    Raises
    ------
    OutputBusyError
        If another run is writing the same output now (an :class:`OutputError`).
    OutputError
        If the file cannot be written, or, with ``resume``, the existing file is
        not summarize's output.
    InvalidParameterError
        If ``resume`` is not a bool, or is asked with standard output, a pipe or a device.
    """
    if not isinstance(resume, bool):
        raise fail("resume", "a bool", resume)
    if output is None or str(output) == "-":
        if resume:
            raise fail("resume", "False when the output is standard output (resuming needs an output file)", resume)
        return Output("<stdout>", sys.stdout.buffer, set(), None, None)
    path = Path(output)
    partial = partial_path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; name an output file")
    if (path.exists() and not path.is_file()) or path.absolute().parts[1:2] in (("dev",), ("proc",)):
        # /dev/stdout is a link to a regular file when standard output is redirected to
        # one: replacing it would replace the link (as root, the device itself).
        return _special_output(path, resume=resume)
    done: set[str] = set()
    reopened = False
    try:
        # Opened without truncating, and locked before anything is read or cut: a
        # second run on the same output stops here instead of mixing its lines in.
        stream = _open_locked(path, partial)
        try:
            if resume and partial.stat().st_size:
                done = _completed(partial, key)
            elif resume and path.exists():
                done = _completed(path, key)
                os.replace(path, partial)
                reopened = True
                stream.close()  # it locked the empty .part file that the output just replaced
                stream = _open_locked(path, partial)
            if not resume:
                os.ftruncate(stream.fileno(), 0)
            os.lseek(stream.fileno(), 0, os.SEEK_END)
        except BaseException:
            stream.close()
            if reopened:
                os.replace(partial, path)
            raise
    except OSError as error:
        if isinstance(error, OutputError):
            raise
        raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from None
    return Output(str(path), stream, done, path, partial, reopened=reopened)


def _open_locked(path: Path, partial: Path) -> BinaryIO:
    """``partial`` opened for writing (created, not truncated), with an exclusive lock held while it is open."""
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT, 0o666)
    try:
        _lock(descriptor)
    except BlockingIOError:
        os.close(descriptor)
        raise OutputBusyError(
            f"{path}: another run is writing this output now ({partial} is locked); "
            "wait for it to finish, or write to another file"
        ) from None
    except BaseException:
        os.close(descriptor)
        raise
    return open(descriptor, "wb", buffering=0)


def _lock(descriptor: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        return
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _special_output(path: Path, *, resume: bool) -> Output:
    """Output to a file that is not a regular file (a pipe, ``/dev/stdout``, a terminal): written in place.

    Never replaced by a regular file, nor given a ``.part`` file: writing to it is what is meant.
    """
    if resume:
        raise fail("resume", "False when the output is not a regular file (a pipe or a device)", resume)
    try:
        stream = path.open("ab", buffering=0)
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from None
    return Output(str(path), stream, set(), None, None, special=True)


def _completed(path: Path, key: Callable[[Mapping[str, object]], str | None]) -> set[str]:
    """The keys of the records in an earlier output; a last line cut short is dropped."""
    done: set[str] = set()
    end = 0
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            found = key(record) if isinstance(record, dict) else None
            if found is None:
                raise OutputError(
                    f"{path}: line {number} is not a record written by summarize; "
                    "not resuming into it (remove it, or write to another file)"
                )
            done.add(found)
            end += len(line)
    if end < path.stat().st_size:
        os.truncate(path, end)
    return done
