"""Several documents, one summary, for a corpus: one summary per group of records, on worker processes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarize._validation import fail
from summarize.batch.progress import progress_bar
from summarize.batch.records import CombineReport, check_fields, check_output, check_picklable, check_workers
from summarize.batch.workers import ordered, start_workers, stopped_by_sigterm
from summarize.errors import SummarizeError
from summarize.io.corpus import Record, open_corpus
from summarize.io.limits import ReadLimits
from summarize.io.output import open_output, record_key
from summarize.io.records import documents_record
from summarize.pipeline import Summarizer
from summarize.selection import DEFAULT_REDUNDANCY

__all__ = ["CombineReport", "Group", "combine_corpus", "combined_key", "group_record", "summarize_groups"]


@dataclass(frozen=True)
class Group:
    """The records of one group, in input order, and the value of their group field."""

    value: object
    records: tuple[Record, ...]


def summarize_groups(
    records: Iterable[Record],
    *,
    options: Summarizer | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    done: Collection[str] = frozenset(),
) -> Iterator[dict[str, object]]:
    """One output record per group of records, in order of each group's first record.

    The records of a group (the same :attr:`~summarize.io.corpus.Record.group`;
    all of them when no group field was named) are summarised together by
    :func:`summarize.summarize_documents` with ``options``; see
    :func:`group_record` for what each group gives. A record that cannot be read
    gives ``{"id", "error"}``, first, and takes no part. The whole corpus is read
    (and held in memory) before the first group is summarised.

    Parameters
    ----------
    records : iterable of Record
        The corpus's records (:func:`summarize.io.corpus.open_corpus`).
    options : Summarizer, optional
        The options of each summary (default: those of
        :func:`~summarize.summarize_documents`, ``Summarizer(redundancy=0.5)``).
    jobs : int, optional
        Number of worker processes summarising groups side by side (default: the
        number of CPUs, and never more than the number of groups); with 1, the
        groups are summarised in this process. Results come in the same order
        either way.
    scheduler : str, optional
        Address of a Dask scheduler (``"tcp://host:8786"``) to run on instead of
        local processes, as for :func:`~summarize.batch.summarize_corpus`. Not
        with ``jobs``.
    done : collection of str
        The keys (:func:`combined_key`) of output records already written by an
        earlier run: those records are not made again, so that the rest can be
        appended to that run's output.

    Raises
    ------
    InvalidParameterError
        If ``options`` is not a :class:`~summarize.Summarizer`,
        ``jobs`` is not an int >= 1, both ``jobs`` and ``scheduler`` are given,
        or the options cannot be sent to worker processes (an analyzer that is a
        lambda).
    SchedulerError
        If the Dask scheduler cannot be reached or has no workers.
    WorkerError
        If a worker process dies.

    Examples
    --------
    >>> from summarize.io.corpus import Record
    >>> from summarize import Summarizer
    >>> records = [Record(id=7, text="Cats purr. Dogs bark.", group=1), Record(id=8, text="Cats purr.", group=1)]
    >>> record = next(summarize_groups(records, options=Summarizer(sentences=2, redundancy=0.5), jobs=1))
    >>> record["documents"], [(s["document"], s["text"]) for s in record["sentences"]]
    ([7, 8], [(7, 'Cats purr.'), (7, 'Dogs bark.')])
    """
    if options is None:
        options = Summarizer(redundancy=DEFAULT_REDUNDANCY)
    if not isinstance(options, Summarizer):
        raise fail("options", "a summarize.Summarizer or None", options)
    jobs = check_workers(jobs, scheduler)
    if jobs > 1:
        check_picklable(options, "options")
    return _group_records(records, options, jobs, scheduler, done)


def combine_corpus(
    source: str | Path,
    *,
    output: str | Path | None = None,
    text_field: str = "text",
    id_field: str | None = None,
    group_field: str | None = None,
    encoding: str = "utf-8",
    options: Summarizer | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    progress: bool = False,
    limits: ReadLimits | None = None,
) -> CombineReport:
    """Summarise the records of a corpus together into a JSON Lines file, one line per group.

    The counterpart of :func:`~summarize.batch.summarize_corpus` for
    :func:`summarize_groups`: the same corpus, output (written as ``output +
    ".part"`` and renamed when complete), ``resume``, workers and progress bar,
    with the records grouped by ``group_field`` (all of them in one group when
    None). ``limits`` bound the reading of each PDF file of a folder, as there.
    Raises as :func:`~summarize.batch.summarize_corpus` does.
    """
    check_fields(text_field, id_field)
    check_output(source, output)
    with (
        stopped_by_sigterm(),
        open_corpus(
            source,
            text_field=text_field,
            id_field=id_field,
            encoding=encoding,
            group_field=group_field,
            count=progress,
            limits=limits,
        ) as corpus,
    ):
        out = open_output(output, resume=resume, key=combined_key)
        groups = failed_records = failed_groups = 0
        try:
            lines = summarize_groups(corpus, options=options, jobs=jobs, scheduler=scheduler, done=out.done)
            with progress_bar(total=corpus.size(), enabled=progress) as bar:
                for line in lines:
                    out.write(line)
                    groups += "sentences" in line
                    failed_records += "id" in line
                    failed_groups += "group" in line and "error" in line
                    documents = line.get("documents")
                    bar(len(documents) if isinstance(documents, list) else 1)  # records done
        except BaseException:
            out.abandon()
            raise
        out.commit()
    return CombineReport(
        summarised=groups, failed=failed_records, failed_groups=failed_groups, skipped=len(out.done), output=out.name
    )


def combined_key(record: Mapping[str, object]) -> str | None:
    """The key of an output record of :func:`summarize_groups`, for resuming; None for any other line.

    Examples
    --------
    >>> combined_key({"group": [1, 2], "documents": [], "sentences": []}), combined_key({"id": 7, "error": "?"})
    ('group [1, 2]', 'id 7')
    """
    if "group" in record:
        return "group " + record_key(record["group"])
    if "id" in record and "error" in record:
        return "id " + record_key(record["id"])
    return None


def _group_records(
    records: Iterable[Record], options: Summarizer, jobs: int, scheduler: str | None, done: Collection[str]
) -> Iterator[dict[str, object]]:
    groups: dict[str, tuple[object, list[Record]]] = {}
    for record in records:
        if record.error is not None or record.text is None:
            if "id " + record_key(record.id) not in done:
                yield {"id": record.id, "error": record.error or "no text"}
            continue
        key = record_key(record.group)  # JSON values such as lists are not hashable
        groups.setdefault(key, (record.group, []))[1].append(record)
    found = [Group(value, tuple(members)) for key, (value, members) in groups.items() if "group " + key not in done]
    if not found:
        return
    with start_workers(jobs=min(jobs, len(found)), scheduler=scheduler) as workers:
        yield from ordered(workers, summarize_chunk, options, found)


def summarize_chunk(options: Summarizer, groups: Sequence[Group]) -> list[dict[str, object]]:
    """The output records of a chunk of groups (what a worker process runs)."""
    return [group_record(group, options) for group in groups]


def group_record(group: Group, options: Summarizer) -> dict[str, object]:
    """The output record of one group.

    ``{"group", "documents", "language", "languages", "sentences": [{"document",
    "index", "rank", "score", "text", "start", "end"}]}``: ``documents`` are the
    records' ids as given (a JSON number stays a number), or their positions in
    the group, from 0, when an id repeats or is missing (None); each sentence's
    ``document`` is one of them. ``languages`` has each record's language, and
    ``language`` their common one (None when they differ); with a focus,
    ``focus_matched`` (before ``sentences``) says whether the group matched it. A group that cannot be
    summarised, or that has no sentence, gives ``{"group", "documents", "error"}``.
    """
    ids: list[object] = [member.id for member in group.records]
    if any(identifier is None for identifier in ids) or len({record_key(i) for i in ids}) != len(ids):
        ids = list(range(len(ids)))
    try:
        analysis = options.analyze_documents(
            [member.text or "" for member in group.records], blocks=[member.blocks for member in group.records]
        )
        summary = analysis.summary
    except SummarizeError as error:
        return {"group": group.value, "documents": ids, "error": str(error)}
    except Exception as error:  # one group's failure must not end the run
        return {"group": group.value, "documents": ids, "error": f"internal error: {type(error).__name__}: {error}"}
    if not summary:
        return {"group": group.value, "documents": ids, "error": "no sentence to summarise in any record"}
    return {"group": group.value, **documents_record(summary, ids, block_of=analysis.block_of)}
