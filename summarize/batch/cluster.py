"""Summaries on a Dask cluster, partition by partition: the same records as a local run.

Needs the ``dask`` extra (``pip install "summarize[dask]"``); nothing here imports
Dask until it is used. :func:`summarize_dask` maps over a ``dask.bag.Bag`` of
records or a ``dask.dataframe.DataFrame``, one task per partition, with the very
function the local run uses, so a cluster and a laptop give identical records.
``summarize batch --scheduler ADDRESS`` (:func:`summarize.summarize_corpus` with
``scheduler=``) instead reads the corpus on the calling machine and sends it to the
cluster in chunks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from summarize._validation import fail
from summarize.batch.records import check_fields, check_summarizer, output_record
from summarize.errors import FieldError, InvalidParameterError, MissingDependencyError, SchedulerError
from summarize.io.corpus import record_from_mapping
from summarize.pipeline import Summarizer

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    from distributed import Client

__all__ = ["connect", "summarize_dask"]


def summarize_dask(
    collection: dask.bag.Bag | dask.dataframe.DataFrame,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    summarizer: Summarizer | None = None,
) -> dask.bag.Bag:
    """Summarise a Dask collection partition by partition, lazily, into a bag of output records.

    Parameters
    ----------
    collection : dask.bag.Bag or dask.dataframe.DataFrame
        A bag of records (mappings, such as ``json.loads`` of JSON Lines), or a
        data frame with one document per row.
    text_field : str
        The field (column) holding the text (default ``"text"``).
    id_field : str, optional
        The field (column) holding the id; by default ``"id"``. A bag record
        without it gets the id None; a data frame row, its index label.
    summarizer : Summarizer, optional
        The options (default ``Summarizer()``).

    Returns
    -------
    dask.bag.Bag
        One output record per input record, partition for partition and in order:
        ``{"id", "summary"}`` or ``{"id", "error"}``, exactly what
        :func:`summarize.summarize_records` (and ``summarize batch``) give. Nothing
        runs until it is computed.

    Raises
    ------
    FieldError
        If a data frame has no column ``text_field`` (or ``id_field``, when named).
    MissingDependencyError
        If Dask is not installed.

    Examples
    --------
    >>> import dask.bag as db
    >>> from summarize import Summarizer, summarize_records
    >>> from summarize import summarize_dask
    >>> records = [{"id": 1, "text": "Cats purr. Cats and dogs play. Dogs bark."}, {"id": 2, "text": " "}]
    >>> bag = db.from_sequence(records, npartitions=2)
    >>> summaries = summarize_dask(bag, summarizer=Summarizer(sentences=1))
    >>> computed = summaries.compute(scheduler="sync")
    >>> computed[1]
    {'id': 2, 'error': 'empty text, nothing to summarise'}
    >>> computed == list(summarize_records(records, summarizer=Summarizer(sentences=1), jobs=1))
    True
    """
    summarizer = check_summarizer(summarizer)
    check_fields(text_field, id_field)
    try:
        import dask.bag
        from dask.delayed import delayed
    except ImportError:
        raise MissingDependencyError("summarising a Dask collection", "dask", "dask") from None
    if isinstance(collection, dask.bag.Bag):
        task = partial(_summarize_partition, summarizer=summarizer, text_field=text_field, id_field=id_field)
        summaries: dask.bag.Bag = collection.map_partitions(task)
        return summaries
    if _is_dataframe(collection):
        columns = list(collection.columns)
        for field, parameter in ((text_field, "text_field"), (id_field, "id_field")):
            if field is not None and field not in columns:
                listed = ", ".join(repr(column) for column in columns)
                raise FieldError(
                    f"the data frame has no {field!r} column (its columns: {listed})", parameter=parameter, field=field
                )
        frame_task = partial(_summarize_frame, summarizer=summarizer, text_field=text_field, id_field=id_field)
        summarize_part = delayed(frame_task, pure=True)
        frames: dask.bag.Bag = dask.bag.from_delayed([summarize_part(part) for part in collection.to_delayed()])
        return frames
    raise fail("collection", "a dask.bag.Bag or a dask.dataframe.DataFrame", type(collection).__name__)


def _is_dataframe(collection: object) -> bool:
    try:
        import dask.dataframe
    except ImportError:  # no pandas: then it cannot be a data frame either
        return False
    return isinstance(collection, dask.dataframe.DataFrame)


def _summarize_partition(
    records: Iterable[object], *, summarizer: Summarizer, text_field: str, id_field: str | None
) -> list[dict[str, object]]:
    return [
        output_record(record_from_mapping(record, text_field=text_field, id_field=id_field), summarizer)
        for record in records
    ]


class _Frame(Protocol):
    """What is used of a pandas data frame (pandas has no type information)."""

    @property
    def index(self) -> _Index: ...

    def to_dict(self, orient: str) -> list[dict[str, object]]: ...


class _Index(Protocol):
    def tolist(self) -> Sequence[object]: ...


def _summarize_frame(
    frame: _Frame, *, summarizer: Summarizer, text_field: str, id_field: str | None
) -> list[dict[str, object]]:
    rows = frame.to_dict(orient="records")
    labels = frame.index.tolist()
    return [
        output_record(record_from_mapping(row, text_field=text_field, id_field=id_field, position=label), summarizer)
        for row, label in zip(rows, labels, strict=True)
    ]


def connect(address: str) -> Client:
    """A client of the Dask scheduler at ``address``, once it has at least one worker.

    The wait is Dask's connect timeout (``distributed.comm.timeouts.connect``,
    30 s unless configured, for example with the environment variable
    ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``).

    Raises
    ------
    SchedulerError
        If the scheduler cannot be reached, or has no worker within the timeout.
    InvalidParameterError
        If ``address`` is not the address of a scheduler (``tcp://host:port``).
    MissingDependencyError
        If ``dask[distributed]`` is not installed.
    """
    try:
        import dask.config
        from dask.utils import parse_timedelta
        from distributed import Client
        from distributed.comm.addressing import get_address_host_port
    except ImportError:
        raise MissingDependencyError("running on a Dask scheduler", "distributed", "dask") from None
    try:
        # Checked first: a Client that fails on a malformed address hangs at exit.
        get_address_host_port(address)
    except ValueError as error:
        raise InvalidParameterError(
            "The 'scheduler' parameter must be the address of a Dask scheduler, such as 'tcp://host:8786'. "
            f"Got {address!r} instead ({error})."
        ) from None
    timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="seconds")
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, ValueError, TypeError) as error:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({error})") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as error:
        client.close()
        raise SchedulerError(f"the Dask scheduler at {address} has no workers ({error})") from None
    return client
