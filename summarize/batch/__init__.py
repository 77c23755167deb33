"""Many documents at once: in input order, on worker processes or a Dask cluster.

Three entry points, from the simplest:

- :func:`summarize_many`: texts in, :class:`~summarize.Summary` objects out;
- :func:`summarize_records`: records (mappings) in, output records (JSON-ready
  dicts, each with an ``"id"`` and either a ``"summary"`` or an ``"error"``) out;
- :func:`summarize_corpus`: a corpus file or folder in, a JSON Lines file out,
  resumable after a kill, one line per record or, with ``combine=True``, per group
  of records summarised together. This is ``summarize batch`` (``--combine``).

Work is split into small chunks of documents; a bounded number of chunks is in
flight at once, so memory stays flat however long the input is, and results come
back in input order. Each chunk is summarised by the same function whether it runs
in this process (``jobs=1``), on local worker processes (``jobs>1``) or on a Dask
cluster (``scheduler=``), so all three give identical records.
"""

from summarize.batch.api import summarize_corpus, summarize_many, summarize_records
from summarize.batch.cluster import summarize_dask
from summarize.batch.records import BatchReport, default_jobs

__all__ = ["BatchReport", "default_jobs", "summarize_corpus", "summarize_dask", "summarize_many", "summarize_records"]
