"""Running chunks of documents on worker processes or a Dask cluster, results in input order.

Work is split into small chunks; a bounded number of chunks is in flight at once,
so memory stays flat however long the input is. Each chunk is summarised by the
same function whether it runs in this process, on local worker processes or on a
Dask cluster, so all three give identical records.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from summarize.batch.records import output_record
from summarize.errors import SummarizeError, WorkerError
from summarize.io.corpus import Record
from summarize.io.output import record_key, record_line
from summarize.pipeline import Summarizer
from summarize.types import Summary

__all__ = [
    "Lines",
    "Workers",
    "corpus_lines",
    "ordered",
    "start_workers",
    "stopped_by_sigterm",
    "summarize_documents",
    "summarize_texts",
]

T = TypeVar("T")
R = TypeVar("R")
# The options each chunk is summarised with: a Summarizer, or summarize_documents' options.
Options = TypeVar("Options")

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


@dataclass(frozen=True)
class Lines:
    """Output records encoded as JSON Lines (by the worker that made them), and how many failed."""

    lines: bytes
    records: int
    failed: int


def summarize_texts(summarizer: Summarizer, texts: Sequence[str]) -> list[Summary]:
    return [summarizer.summarize(text) for text in texts]


def summarize_documents(summarizer: Summarizer, documents: Sequence[Record]) -> list[dict[str, object]]:
    return [output_record(document, summarizer) for document in documents]


def summarize_lines(summarizer: Summarizer, documents: Sequence[Record]) -> Lines:
    """The output lines of a chunk, encoded where they are made: the writing process only writes them."""
    records = summarize_documents(summarizer, documents)
    failed = sum("error" in record for record in records)
    return Lines(b"".join(map(record_line, records)), len(records), failed)


@dataclass(frozen=True)
class Workers:
    """Where chunks run (None: in this process), how big they are, how many are in flight."""

    executor: Executor | None
    chunk: int
    window: int


@contextmanager
def start_workers(*, jobs: int, scheduler: str | None) -> Iterator[Workers]:
    if scheduler is not None:
        from summarize.batch.cluster import connect

        client = connect(scheduler)
        try:
            threads = max(1, sum(client.nthreads().values()))
            yield Workers(client.get_executor(pure=False), _DASK_CHUNK, _TASKS_PER_WORKER * threads)
        finally:
            client.close()
        return
    if jobs == 1:
        yield Workers(None, 1, 1)
        return
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=process_context(), initializer=_start_worker)
    try:
        yield Workers(executor, _CHUNK, _TASKS_PER_WORKER * jobs)
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


@contextmanager
def stopped_by_sigterm() -> Iterator[None]:
    """While the block runs, SIGTERM stops it as Ctrl-C does (a KeyboardInterrupt).

    So a run killed by ``kill`` or a job scheduler shuts its workers down, keeps its
    finished records in the ``.part`` file, and says how to resume, instead of
    dying at once (and leaving multiprocessing to warn about leaked semaphores).
    Only in the main thread, and only where SIGTERM has its default action: a
    handler of the caller's is left alone.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def stop(_number: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def process_context() -> multiprocessing.context.BaseContext:
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


def ordered(
    workers: Workers,
    function: Callable[[Options, Sequence[T]], list[R]],
    summarizer: Options,
    items: Iterable[T],
) -> Iterator[R]:
    """``function`` over chunks of ``items``, a bounded number in flight, results in input order."""
    chunks = chunked(items, workers.chunk)
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
                yield from result(pending.popleft())
        while pending:
            yield from result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
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
    if isinstance(item, Record):
        item = item.text
    return len(item) if isinstance(item, str) else 0


def result(future: Future[R]) -> R:
    try:
        return future.result()
    except SummarizeError:
        raise
    except Exception as error:
        raise WorkerError(f"a worker failed ({type(error).__name__}: {error})") from error


def corpus_lines(
    workers: Workers, summarizer: Summarizer, documents: Iterable[Record], done: set[str]
) -> Generator[Lines | int, None, None]:
    """The output lines of the documents whose id is not in ``done``, in order; a 1 for each other one.

    With workers, the corpus is read in a thread of its own, so that finished
    records are written even while the input stalls (a pipe that is still open).
    """

    def is_done(document: Record) -> bool:
        return bool(done) and record_key(document.id) in done

    if workers.executor is None:
        for document in documents:
            yield 1 if is_done(document) else summarize_lines(summarizer, [document])
        return
    executor = workers.executor
    events: queue.Queue[Future[Lines] | int | _End] = queue.Queue()
    room = threading.Semaphore(workers.window)
    stop = threading.Event()

    def submit(chunk: list[Record]) -> None:
        room.acquire()
        if stop.is_set():
            raise _StoppedError
        events.put(executor.submit(summarize_lines, summarizer, chunk))

    def fresh() -> Iterator[Record]:
        for document in documents:
            if is_done(document):
                events.put(1)
            else:
                yield document

    def read() -> None:
        try:
            for chunk in chunked(fresh(), workers.chunk):
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
            lines = result(event)
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
