"""Batch records and checks: what one document's output record is, and the checks every batch entry point makes."""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from summarize._validation import check_int, fail
from summarize.errors import InvalidParameterError, SummarizeError
from summarize.io.corpus import Record
from summarize.io.records import NO_SENTENCE, summary_fields
from summarize.languages import AUTO
from summarize.pipeline import Summarizer

__all__ = [
    "BatchReport",
    "CombineReport",
    "check_fields",
    "check_jobs",
    "check_output",
    "check_picklable",
    "check_summarizer",
    "check_workers",
    "default_jobs",
    "output_record",
    "same_file",
]


@dataclass(frozen=True, kw_only=True)
class BatchReport:
    """What a :func:`~summarize.batch.summarize_corpus` run did.

    Attributes
    ----------
    summarised : int
        Records summarised by this run; with ``combine=True``, groups summarised.
    failed : int
        Records written with an ``"error"`` by this run.
    skipped : int
        Records (with ``combine=True``, output lines) not summarised again because
        the output already had them (``resume=True``).
    output : str
        Where the records are: the output file, or ``"<stdout>"``.
    failed_groups : int
        With ``combine=True``, groups written with an ``"error"``; 0 otherwise.
    combined : bool
        Whether the run summarised groups of records together (``combine=True``).
    """

    summarised: int
    failed: int
    skipped: int
    output: str
    failed_groups: int = 0
    combined: bool = False


@dataclass(frozen=True, kw_only=True)
class CombineReport(BatchReport):
    """A :class:`BatchReport` of a run that summarised groups (``combine=True``), by its older names.

    ``groups`` is :attr:`summarised` and ``failed_records`` is :attr:`failed`.
    """

    combined: bool = True

    @property
    def groups(self) -> int:
        """Groups summarised."""
        return self.summarised

    @property
    def failed_records(self) -> int:
        """Records written with an ``"error"``."""
        return self.failed


def default_jobs() -> int:
    """The number of CPUs this process may use: the default for ``jobs``."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def output_record(document: Record, summarizer: Summarizer) -> dict[str, object]:
    """The output record of one document: ``{"id", "summary"}`` or ``{"id", "error"}``.

    A document with an error, an empty or blank text, or whose summarising raises,
    gets an ``"error"`` message instead of a ``"summary"``. With ``language="auto"``,
    the record also says which language was detected: ``{"id", "language", "summary"}``;
    with a focus, whether the text matched it: ``{"id", "focus_matched", "summary"}``.
    """
    if document.error is not None or document.text is None:
        return {"id": document.id, "error": document.error or "no text"}
    if not document.text.strip():
        return {"id": document.id, "error": "empty text, nothing to summarise"}
    try:
        analysis = summarizer.analyze(document.text, blocks=document.blocks)
    except SummarizeError as error:
        return {"id": document.id, "error": str(error)}
    except Exception as error:  # one record's failure must not end a run over millions
        return {"id": document.id, "error": f"internal error: {type(error).__name__}: {error}"}
    if not analysis.sentences:
        return {"id": document.id, "error": NO_SENTENCE}
    record: dict[str, object] = {"id": document.id}
    if summarizer.language == AUTO:
        record["language"] = analysis.language
    return record | summary_fields(analysis.summary, key="summary", block_of=analysis.block_of)


def same_file(source: str | Path, output: str | Path) -> bool:
    try:
        return Path(source).resolve() == Path(output).resolve()
    except OSError:
        return False


def check_summarizer(summarizer: Summarizer | None) -> Summarizer:
    if summarizer is None:
        return Summarizer()
    if not isinstance(summarizer, Summarizer):
        raise fail("summarizer", "a summarize.Summarizer or None", summarizer)
    return summarizer


def check_output(source: str | Path, output: str | Path | None) -> None:
    """Refuse an output file that is the corpus itself (writing it would replace the corpus)."""
    if output is not None and str(output) != "-" and str(source) != "-" and same_file(source, output):
        raise fail(
            "output", "another file than the corpus (this one is the corpus: writing it would replace it)", str(output)
        )


def check_jobs(jobs: int | None) -> int:
    checked = check_int("jobs", jobs, minimum=1, optional=True)
    return default_jobs() if checked is None else checked


def check_workers(jobs: int | None, scheduler: str | None) -> int:
    """The number of local worker processes wanted (1 with a Dask scheduler), ``jobs`` and ``scheduler`` checked."""
    if scheduler is None:
        return check_jobs(jobs)
    if not isinstance(scheduler, str) or not scheduler:
        raise fail("scheduler", "the address of a Dask scheduler, such as 'tcp://host:8786', or None", scheduler)
    if jobs is not None:
        raise InvalidParameterError(
            "The 'jobs' and 'scheduler' parameters are mutually exclusive: local worker processes or a "
            f"Dask cluster. Got jobs={jobs!r} and scheduler={scheduler!r} instead."
        )
    return 1


def check_fields(text_field: str, id_field: str | None) -> None:
    if not isinstance(text_field, str) or not text_field:
        raise fail("text_field", "the name of the field holding the text, a non-empty str", text_field)
    if id_field is not None and (not isinstance(id_field, str) or not id_field):
        raise fail("id_field", "the name of the field holding the id, a non-empty str, or None", id_field)


def check_picklable(value: object, name: str = "summarizer") -> None:
    """Check that the parameter ``name``, to be sent to worker processes, can be pickled."""
    try:
        pickle.dumps(value)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        raise InvalidParameterError(
            f"The {name!r} parameter must be picklable to be sent to worker processes (jobs > 1): give a "
            f"module-level function as its analyzer, not a lambda or a local function. Got {error} instead."
        ) from None
