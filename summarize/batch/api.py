"""The batch entry points: many texts, records or a whole corpus, summarised in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

from summarize._validation import fail
from summarize.batch.progress import progress_bar
from summarize.batch.records import (
    BatchReport,
    check_fields,
    check_jobs,
    check_output,
    check_picklable,
    check_summarizer,
    check_workers,
)
from summarize.batch.workers import (
    corpus_lines,
    ordered,
    start_workers,
    stopped_by_sigterm,
    summarize_documents,
    summarize_texts,
)
from summarize.io.corpus import Record, open_corpus, record_from_mapping
from summarize.io.limits import ReadLimits
from summarize.io.output import open_output
from summarize.pipeline import Summarizer
from summarize.types import Summary

__all__ = ["BatchReport", "summarize_corpus", "summarize_many", "summarize_records"]


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
    summarizer = check_summarizer(summarizer)
    jobs = check_jobs(jobs)
    if jobs > 1:
        check_picklable(summarizer)
    return _summaries(texts, summarizer, jobs)


def _summaries(texts: Iterable[str], summarizer: Summarizer, jobs: int) -> Iterator[Summary]:
    with start_workers(jobs=jobs, scheduler=None) as workers:
        yield from ordered(workers, summarize_texts, summarizer, texts)


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
    summarizer = check_summarizer(summarizer)
    jobs = check_jobs(jobs)
    if jobs > 1:
        check_picklable(summarizer)
    check_fields(text_field, id_field)
    documents = (record_from_mapping(record, text_field=text_field, id_field=id_field) for record in records)
    return _records(documents, summarizer, jobs)


def _records(documents: Iterable[Record], summarizer: Summarizer, jobs: int) -> Iterator[dict[str, object]]:
    with start_workers(jobs=jobs, scheduler=None) as workers:
        yield from ordered(workers, summarize_documents, summarizer, documents)


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
    combine: bool = False,
    group_field: str | None = None,
    limits: ReadLimits | None = None,
) -> BatchReport:
    """Summarise a corpus into a JSON Lines file, one output record per input record (or group), in order.

    Parameters
    ----------
    source : str or Path
        A JSON Lines file (or ``"-"`` for standard input), a ``.csv`` file with a
        header, or a folder of ``.txt`` files; see
        :func:`summarize.io.corpus.open_corpus`.
    output : str, Path or None
        The JSON Lines file to write; None or ``"-"`` for standard output. A file
        is written as ``output + ".part"`` and renamed to ``output`` when every
        record is in it, so ``output`` only ever holds a complete run.
    text_field, id_field : str
        The fields holding the text and the id (see
        :func:`~summarize.io.corpus.open_corpus`).
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
        not among them; see :func:`summarize.io.output.open_output`.
    progress : bool
        Show a progress bar on standard error (tqdm's when it is installed).
    combine : bool
        Summarise the records together instead, one output line per group:
        ``{"group", "documents", "language", "languages", "sentences"}``, each
        sentence with its record's id as ``"document"`` (see
        :func:`summarize.batch.combine.summarize_groups`). The default options are
        then those of :func:`~summarize.summarize_documents` (``redundancy=0.5``).
    group_field : str, optional
        With ``combine``: the field whose value groups the records, one summary
        per group; None puts every record in one group.
    limits : ReadLimits, optional
        The memory and time reading each PDF file of a folder may take, in a child
        process (default ``ReadLimits()``: 1.5 GiB, 30 s); a file past them gets a
        record with an error, and the run goes on.

    Returns
    -------
    BatchReport
        How many records (or groups) were summarised, failed, or skipped.

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
    a kill; SIGTERM is taken as Ctrl-C, in the main thread, unless the caller
    handles it), the finished records stay in the ``.part`` file; the same call with
    ``resume=True`` completes it, and the result is the same file an
    uninterrupted run writes.
    """
    if not isinstance(combine, bool):
        raise fail("combine", "a bool", combine)
    if group_field is not None and not combine:
        raise fail("group_field", "None unless combine=True", group_field)
    if combine:
        from summarize.batch.combine import combine_corpus

        return combine_corpus(
            source,
            output=output,
            text_field=text_field,
            id_field=id_field,
            group_field=group_field,
            encoding=encoding,
            options=summarizer,
            jobs=jobs,
            scheduler=scheduler,
            resume=resume,
            progress=progress,
            limits=limits,
        )
    summarizer = check_summarizer(summarizer)
    check_fields(text_field, id_field)
    workers_wanted = check_workers(jobs, scheduler)
    if workers_wanted > 1:
        check_picklable(summarizer)
    check_output(source, output)
    with (
        stopped_by_sigterm(),
        open_corpus(
            source, text_field=text_field, id_field=id_field, encoding=encoding, count=progress, limits=limits
        ) as corpus,
    ):
        out = open_output(output, resume=resume)
        counts = _Counts()
        try:
            with ExitStack() as stack:
                workers = stack.enter_context(start_workers(jobs=workers_wanted, scheduler=scheduler))
                bar = stack.enter_context(progress_bar(total=corpus.size(), enabled=progress))
                events = stack.enter_context(closing(corpus_lines(workers, summarizer, corpus, out.done)))
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
