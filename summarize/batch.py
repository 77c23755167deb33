"""Many documents at once: in input order, on worker processes or a Dask cluster.

Three entry points, from the simplest:

- :func:`summarize_many`: texts in, :class:`~summarize.Summary` objects out;
- :func:`summarize_records`: records (mappings) in, output records (JSON-ready
  dicts, each with an ``"id"`` and either a ``"summary"`` or an ``"error"``) out;
- :func:`summarize_corpus`: a corpus file or folder in, a JSON Lines file out,
  resumable after a kill. This is ``summarize batch``.

Work is split into small chunks of documents; a bounded number of chunks is in
flight at once, so memory stays flat however long the input is, and results come
back in input order. Each chunk is summarised by the same function whether it runs
in this process (``jobs=1``), on local worker processes (``jobs>1``) or on a Dask
cluster (``scheduler=``), so all three give identical records.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from summarize._validation import check_int, fail
from summarize.corpus import (
    Document,
    document_from_record,
    open_corpus,
    open_output,
    record_key,
    record_line,
)
from summarize.errors import InvalidParameterError, SummarizeError, WorkerError
from summarize.languages import AUTO
from summarize.pipeline import Summarizer
from summarize.types import ScoredSentence, Summary

if TYPE_CHECKING:
    from typing import TextIO

__all__ = [
    "BatchReport",
    "default_jobs",
    "output_record",
    "sentence_record",
    "summarize_corpus",
    "summarize_many",
    "summarize_records",
]

T = TypeVar("T")
R = TypeVar("R")

# Documents per task on local worker processes: enough to make the cost of sending
# a task (a tenth of a millisecond of the main process's time) small beside the
# 1-2 ms it takes to summarise a news article, few enough that the workers finish
# together.
_CHUNK = 16
# Documents per task on a Dask cluster, where a task costs more to schedule.
_DASK_CHUNK = 32
# A task also ends once its texts reach this many characters, so that long
# documents go one or a few at a time: the workers still finish together, and
# the text held in memory stays bounded.
_CHUNK_CHARACTERS = 2**16
# Tasks in flight per worker: enough to keep every worker busy while results are
# written in order (a worker held up by a long document does not stop the
# others), and a bound on how much of the input is held in memory.
_TASKS_PER_WORKER = 8
# What the fork server imports before it forks workers: the pipeline's third-party
# dependencies, which take a second to import. Not summarize itself, nor the
# caller's __main__: Python 3.11's fork server imports them with the current folder
# first on sys.path, where another copy of summarize may be; each worker imports
# them (quickly) with the caller's sys.path instead. A missing module is skipped.
_PRELOAD = ["numpy", "scipy.sparse", "nltk"]


def default_jobs() -> int:
    """The number of CPUs this process may use: the default for ``jobs``."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def sentence_record(sentence: ScoredSentence) -> dict[str, object]:
    """A summary sentence as a JSON-ready dict: index, rank, score, text, start, end.

    Examples
    --------
    >>> import summarize
    >>> from summarize.batch import sentence_record
    >>> best = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=1)[0]
    >>> list(sentence_record(best))
    ['index', 'rank', 'score', 'text', 'start', 'end']
    """
    return {
        "index": sentence.index,
        "rank": sentence.rank,
        "score": sentence.score,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
    }


def output_record(document: Document, summarizer: Summarizer) -> dict[str, object]:
    """The output record of one document: ``{"id", "summary"}`` or ``{"id", "error"}``.

    A document with an error, an empty or blank text, or whose summarising raises,
    gets an ``"error"`` message instead of a ``"summary"``. With ``language="auto"``,
    the record also says which language was detected: ``{"id", "language", "summary"}``.
    """
    if document.error is not None or document.text is None:
        return {"id": document.id, "error": document.error or "no text"}
    if not document.text.strip():
        return {"id": document.id, "error": "empty text, nothing to summarise"}
    detected: dict[str, object] = {}
    try:
        if summarizer.language == AUTO:
            detected["language"] = language = summarizer.language_of(document.text)
            summarizer = dataclasses.replace(summarizer, language=language)
        summary = summarizer.summarize(document.text)
    except SummarizeError as error:
        return {"id": document.id, "error": str(error)}
    except Exception as error:  # one record's failure must not end a run over millions
        return {"id": document.id, "error": f"internal error: {type(error).__name__}: {error}"}
    return {"id": document.id, **detected, "summary": [sentence_record(sentence) for sentence in summary]}


def summarize_many(
    texts: Iterable[str], *, summarizer: Summarizer | None = None, jobs: int | None = None
) -> Iterator[Summary]:
    """Summarise many texts, on ``jobs`` worker processes, yielding summaries in input order.

    The texts are read as they are needed (a bounded number ahead of the summaries
    yielded), so ``texts`` can be a generator over a corpus of any size.

    Parameters
    ----------
    texts : iterable of str
        The documents.
    summarizer : Summarizer, optional
        The options (default ``Summarizer()``: 3 sentences, document order). With
        ``jobs > 1`` it is sent to the worker processes, so its ``analyzer``, if
        any, must be picklable (a module-level function, not a lambda).
    jobs : int, optional
        Number of worker processes (default: the number of CPUs,
        :func:`default_jobs`). With 1, the texts are summarised in this process.

    Yields
    ------
    Summary
        One per text, in the order of ``texts``, the same as
        ``summarizer.summarize(text)``.

    Raises
    ------
    InvalidParameterError
        If an option is invalid, or when the summary of a text that is not a str
        is reached (the summaries before it have been yielded).
    WorkerError
        If a worker process dies.

    Notes
    -----
    Worker processes start from a fork server (``spawn`` where there is none), so
    a script that calls this with ``jobs > 1`` must guard its top level with
    ``if __name__ == "__main__":``, as for any multiprocessing code. The first call
    starts the fork server, which imports the heavy dependencies once; later calls
    start their workers from it quickly.

    Examples
    --------
    >>> import summarize
    >>> from summarize import Summarizer, summarize_many
    >>> texts = ["Cats purr. Cats and dogs play. Dogs bark.", "Rain fell. Rain and wind came. Wind blew."]
    >>> summaries = list(summarize_many(texts, summarizer=Summarizer(sentences=1), jobs=1))
    >>> [len(summary) for summary in summaries]
    [1, 1]
    >>> summaries[1] == summarize.summarize(texts[1], sentences=1)
    True
    """
    summarizer = _check_summarizer(summarizer)
    jobs = _check_jobs(jobs)
    if jobs > 1:
        _check_picklable(summarizer)
    return _summaries(texts, summarizer, jobs)


def _summaries(texts: Iterable[str], summarizer: Summarizer, jobs: int) -> Iterator[Summary]:
    with _workers(jobs=jobs, scheduler=None) as workers:
        yield from _ordered(workers, _summarize_texts, summarizer, texts)


def summarize_records(
    records: Iterable[object],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    summarizer: Summarizer | None = None,
    jobs: int | None = None,
) -> Iterator[dict[str, object]]:
    """Summarise records such as parsed JSON objects, yielding output records in input order.

    Parameters
    ----------
    records : iterable
        Mappings from field names to values (read as they are needed).
    text_field : str
        The field holding the text (default ``"text"``).
    id_field : str, optional
        The field holding the id; by default ``"id"``. A record without it gets the
        id None.
    summarizer : Summarizer, optional
        The options (default ``Summarizer()``).
    jobs : int, optional
        Number of worker processes (default: the number of CPUs); 1 works in this
        process.

    Yields
    ------
    dict
        ``{"id": ..., "summary": [{"index", "rank", "score", "text", "start",
        "end"}, ...]}``, or ``{"id": ..., "error": "..."}`` for a record that is
        not a mapping, lacks the text field, whose text is not a string or is
        empty. These are the lines ``summarize batch`` writes.

    Examples
    --------
    >>> from summarize import Summarizer, summarize_records
    >>> records = [{"id": "a", "text": "Cats purr. Cats and dogs play. Dogs bark."}, {"id": "b"}, "c"]
    >>> for record in summarize_records(records, summarizer=Summarizer(sentences=2), jobs=1):
    ...     print(record["id"], record.get("error") or len(record["summary"]))
    a 2
    b no 'text' field
    None not an object with fields (got str)
    """
    summarizer = _check_summarizer(summarizer)
    jobs = _check_jobs(jobs)
    if jobs > 1:
        _check_picklable(summarizer)
    _check_fields(text_field, id_field)
    documents = (document_from_record(record, text_field=text_field, id_field=id_field) for record in records)
    return _records(documents, summarizer, jobs)


def _records(documents: Iterable[Document], summarizer: Summarizer, jobs: int) -> Iterator[dict[str, object]]:
    with _workers(jobs=jobs, scheduler=None) as workers:
        yield from _ordered(workers, _summarize_documents, summarizer, documents)


@dataclass(frozen=True, kw_only=True)
class BatchReport:
    """What a :func:`summarize_corpus` run did.

    Attributes
    ----------
    summarised : int
        Records summarised by this run.
    failed : int
        Records written with an ``"error"`` by this run.
    skipped : int
        Records not summarised again because the output already had their id
        (``resume=True``).
    output : str
        Where the records are: the output file, or ``"<stdout>"``.
    """

    summarised: int
    failed: int
    skipped: int
    output: str


def summarize_corpus(
    source: str | Path,
    *,
    output: str | Path | None = None,
    text_field: str = "text",
    id_field: str | None = None,
    encoding: str = "utf-8",
    summarizer: Summarizer | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    progress: bool = False,
) -> BatchReport:
    """Summarise a corpus into a JSON Lines file, one output record per input record, in order.

    Parameters
    ----------
    source : str or Path
        A JSON Lines file (or ``"-"`` for standard input), a ``.csv`` file with a
        header, or a folder of ``.txt`` files; see
        :func:`summarize.corpus.open_corpus`.
    output : str, Path or None
        The JSON Lines file to write; None or ``"-"`` for standard output. A file
        is written as ``output + ".part"`` and renamed to ``output`` when every
        record is in it, so ``output`` only ever holds a complete run.
    text_field, id_field : str
        The fields holding the text and the id (see
        :func:`~summarize.corpus.open_corpus`).
    encoding : str
        Encoding of the input (default UTF-8).
    summarizer : Summarizer, optional
        The options (default ``Summarizer()``).
    jobs : int, optional
        Number of local worker processes (default: the number of CPUs).
    scheduler : str, optional
        Address of a Dask scheduler (``"tcp://host:8786"``) to run on instead of
        local processes; needs ``summarize[dask]``, and summarize installed on
        every worker. Not with ``jobs``.
    resume : bool
        Keep the records of an earlier run of the same corpus into ``output``
        (finished or stopped half way) and summarise only the records whose id is
        not among them; see :func:`summarize.corpus.open_output`.
    progress : bool
        Show a progress bar on standard error (tqdm's when it is installed).

    Returns
    -------
    BatchReport
        How many records were summarised, failed, or skipped.

    Raises
    ------
    InputError, FieldError
        Before any record is written, if the corpus is missing, empty, unreadable
        or lacks the fields; a read error later on (such as a CSV file that stops
        being valid text) stops the run.
    OutputError
        If the output cannot be written.
    SchedulerError
        If the Dask scheduler cannot be reached or has no workers.
    WorkerError
        If a worker process or a Dask task fails as a whole.
    InvalidParameterError
        If an option is invalid.

    Notes
    -----
    Records are written, each as one whole line and flushed, as soon as they and
    every record before them are done. When a run stops early (an error, Ctrl-C,
    a kill), the finished records stay in the ``.part`` file; the same call with
    ``resume=True`` completes it, and the result is the same file an
    uninterrupted run writes.
    """
    summarizer = _check_summarizer(summarizer)
    _check_fields(text_field, id_field)
    if scheduler is not None:
        if not isinstance(scheduler, str) or not scheduler:
            raise fail("scheduler", "the address of a Dask scheduler, such as 'tcp://host:8786', or None", scheduler)
        if jobs is not None:
            raise InvalidParameterError(
                "The 'jobs' and 'scheduler' parameters are mutually exclusive: local worker processes or a "
                f"Dask cluster. Got jobs={jobs!r} and scheduler={scheduler!r} instead."
            )
    workers_wanted = _check_jobs(jobs) if scheduler is None else 1
    if workers_wanted > 1:
        _check_picklable(summarizer)
    if not isinstance(resume, bool):
        raise fail("resume", "a bool", resume)
    if output is not None and str(output) != "-" and str(source) != "-" and _same_file(source, output):
        raise fail("output", "another file than the corpus (it would replace the corpus)", str(output))
    with open_corpus(source, text_field=text_field, id_field=id_field, encoding=encoding, count=progress) as corpus:
        out = open_output(output, resume=resume)
        counts = _Counts()
        try:
            with ExitStack() as stack:
                workers = stack.enter_context(_workers(jobs=workers_wanted, scheduler=scheduler))
                bar = stack.enter_context(_progress_bar(total=corpus.size(), enabled=progress))
                events = stack.enter_context(closing(_corpus_records(workers, summarizer, corpus, out.done)))
                for event in events:
                    if isinstance(event, int):
                        counts.skipped += event
                        bar(event)
                    else:
                        out.write_lines(event.lines, event.records)
                        counts.failed += event.failed
                        counts.summarised += event.records - event.failed
                        bar(event.records)
        except BaseException:
            out.abandon()
            raise
        out.commit()
    return BatchReport(summarised=counts.summarised, failed=counts.failed, skipped=counts.skipped, output=out.name)


@dataclass
class _Counts:
    summarised: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class _Lines:
    """Output records encoded as JSON Lines (by the worker that made them), and how many failed."""

    lines: bytes
    records: int
    failed: int


def _corpus_records(
    workers: _Workers, summarizer: Summarizer, documents: Iterable[Document], done: set[str]
) -> Generator[_Lines | int, None, None]:
    """The output lines of the documents whose id is not in ``done``, in order; a 1 for each other one.

    With workers, the corpus is read in a thread of its own, so that finished
    records are written even while the input stalls (a pipe that is still open).
    """

    def is_done(document: Document) -> bool:
        return bool(done) and record_key(document.id) in done

    if workers.executor is None:
        for document in documents:
            yield 1 if is_done(document) else _summarize_lines(summarizer, [document])
        return
    executor = workers.executor
    events: queue.Queue[Future[_Lines] | int | _End] = queue.Queue()
    room = threading.Semaphore(workers.window)
    stop = threading.Event()

    def submit(chunk: list[Document]) -> None:
        room.acquire()
        if stop.is_set():
            raise _StoppedError
        events.put(executor.submit(_summarize_lines, summarizer, chunk))

    def fresh() -> Iterator[Document]:
        for document in documents:
            if is_done(document):
                events.put(1)
            else:
                yield document

    def read() -> None:
        try:
            for chunk in _chunks(fresh(), workers.chunk):
                submit(chunk)
            events.put(_End(None))
        except _StoppedError:
            pass
        except BaseException as error:  # handed to the main thread, which raises it
            events.put(_End(error))

    reader = threading.Thread(target=read, name="summarize-corpus-reader", daemon=True)
    reader.start()
    try:
        while True:
            event = events.get()
            if isinstance(event, _End):
                if event.error is not None:
                    raise event.error
                return
            if isinstance(event, int):
                yield event
                continue
            lines = _result(event)
            room.release()
            yield lines
    finally:
        stop.set()
        room.release()  # a reader waiting for room sees the stop
        while not events.empty():
            left = events.get_nowait()
            if isinstance(left, Future):
                left.cancel()


@dataclass(frozen=True)
class _End:
    """The reader is done: the input ended (error None) or it could not be read."""

    error: BaseException | None


class _StoppedError(Exception):
    """The main thread stopped the run: the reader ends."""


# Checks ------------------------------------------------------------------------


def _same_file(source: str | Path, output: str | Path) -> bool:
    try:
        return Path(source).resolve() == Path(output).resolve()
    except OSError:
        return False


def _check_summarizer(summarizer: Summarizer | None) -> Summarizer:
    if summarizer is None:
        return Summarizer()
    if not isinstance(summarizer, Summarizer):
        raise fail("summarizer", "a summarize.Summarizer or None", summarizer)
    return summarizer


def _check_jobs(jobs: int | None) -> int:
    checked = check_int("jobs", jobs, minimum=1, optional=True)
    return default_jobs() if checked is None else checked


def _check_fields(text_field: str, id_field: str | None) -> None:
    if not isinstance(text_field, str) or not text_field:
        raise fail("text_field", "the name of the field holding the text, a non-empty str", text_field)
    if id_field is not None and (not isinstance(id_field, str) or not id_field):
        raise fail("id_field", "the name of the field holding the id, a non-empty str, or None", id_field)


def _check_picklable(summarizer: Summarizer) -> None:
    try:
        pickle.dumps(summarizer)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        raise InvalidParameterError(
            "The 'summarizer' parameter must be picklable to be sent to worker processes (jobs > 1): give a "
            f"module-level function as its analyzer, not a lambda or a local function. Got {error} instead."
        ) from None


# Workers -------------------------------------------------------------------------


def _summarize_texts(summarizer: Summarizer, texts: Sequence[str]) -> list[Summary]:
    return [summarizer.summarize(text) for text in texts]


def _summarize_documents(summarizer: Summarizer, documents: Sequence[Document]) -> list[dict[str, object]]:
    return [output_record(document, summarizer) for document in documents]


def _summarize_lines(summarizer: Summarizer, documents: Sequence[Document]) -> _Lines:
    """The output lines of a chunk, encoded where they are made: the writing process only writes them."""
    records = _summarize_documents(summarizer, documents)
    failed = sum("error" in record for record in records)
    return _Lines(b"".join(map(record_line, records)), len(records), failed)


@dataclass(frozen=True)
class _Workers:
    """Where chunks run (None: in this process), how big they are, how many are in flight."""

    executor: Executor | None
    chunk: int
    window: int


@contextmanager
def _workers(*, jobs: int, scheduler: str | None) -> Iterator[_Workers]:
    if scheduler is not None:
        from summarize.dask import connect

        client = connect(scheduler)
        try:
            threads = max(1, sum(client.nthreads().values()))
            yield _Workers(client.get_executor(pure=False), _DASK_CHUNK, _TASKS_PER_WORKER * threads)
        finally:
            client.close()
        return
    if jobs == 1:
        yield _Workers(None, 1, 1)
        return
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_process_context(), initializer=_start_worker)
    try:
        yield _Workers(executor, _CHUNK, _TASKS_PER_WORKER * jobs)
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def _process_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from a fork server that has imported the heavy dependencies.

    Never forked from this process, which may run threads (a Dask client, a
    progress bar, the caller's own), and forking those can deadlock. The fork server
    is started once per process and imports numpy, scipy and nltk once; every worker
    starts from it in a few hundredths of a second. Where there is no fork server
    (Windows), each worker is a fresh interpreter.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _start_worker() -> None:
    """In each worker process: leave Ctrl-C to the main process, and end with it.

    The main process stops the pool on Ctrl-C. If it is killed outright, its
    workers would wait for work forever; a watcher thread ends them instead.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, name="summarize-watch-parent", daemon=True).start()


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)


def _ordered(
    workers: _Workers,
    function: Callable[[Summarizer, Sequence[T]], list[R]],
    summarizer: Summarizer,
    items: Iterable[T],
) -> Iterator[R]:
    """``function`` over chunks of ``items``, a bounded number in flight, results in input order."""
    chunks = _chunks(items, workers.chunk)
    if workers.executor is None:
        for chunk in chunks:
            yield from function(summarizer, chunk)
        return
    pending: deque[Future[list[R]]] = deque()
    try:
        for chunk in chunks:
            pending.append(workers.executor.submit(function, summarizer, chunk))
            # Results go out as soon as they are ready and in order; the input is
            # read ahead by at most a window of chunks.
            while pending and (len(pending) >= workers.window or pending[0].done()):
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size``, or fewer when their texts reach ``_CHUNK_CHARACTERS``.

    The first lists are shorter (1, 2, 4, ... items), so that the first records come
    back soon and a short input is still spread over every worker.
    """
    chunk: list[T] = []
    characters = 0
    limit = 1
    for item in items:
        chunk.append(item)
        characters += _length(item)
        if len(chunk) >= limit or characters >= _CHUNK_CHARACTERS:
            yield chunk
            chunk = []
            characters = 0
            limit = min(2 * limit, size)
    if chunk:
        yield chunk


def _length(item: object) -> int:
    """The characters of a text or a document's text (0 for anything else)."""
    if isinstance(item, Document):
        item = item.text
    return len(item) if isinstance(item, str) else 0


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except SummarizeError:
        raise
    except Exception as error:
        raise WorkerError(f"a worker failed ({type(error).__name__}: {error})") from error


# Progress ------------------------------------------------------------------------


@contextmanager
def _progress_bar(*, total: int | None, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A function to call with each number of records done: tqdm's bar, or a line of text, on stderr."""
    if not enabled:
        yield _ignore
        return
    try:
        from tqdm import tqdm
    except ImportError:
        line = _ProgressLine(total, sys.stderr)
        try:
            yield line.update
        finally:
            line.close()
        return
    with tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1) as bar:
        yield bar.update


def _ignore(_: int) -> None:
    return None


class _ProgressLine:
    """A progress line rewritten in place twice a second, for when tqdm is not installed."""

    _INTERVAL = 0.5

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self._total = total
        self._stream = stream
        self._done = 0
        self._start = time.monotonic()
        self._shown = -math.inf

    def update(self, count: int) -> None:
        self._done += count
        now = time.monotonic()
        if now - self._shown >= self._INTERVAL:
            self._show(now)

    def close(self) -> None:
        self._show(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()

    def _show(self, now: float) -> None:
        self._shown = now
        elapsed = now - self._start
        rate = f", {self._done / elapsed:.1f} docs/s" if elapsed > 0 else ""
        of = f"/{self._total}" if self._total is not None else ""
        self._stream.write(f"\r{self._done}{of} docs{rate}")
        self._stream.flush()
