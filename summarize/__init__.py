"""summarize: fast, offline extractive summarisation with TextRank.

>>> import summarize
>>> summary = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=1)
>>> summary[0].text
'Cats and dogs play.'
"""

from summarize.batch import BatchReport, summarize_corpus, summarize_many, summarize_records
from summarize.dask import summarize_dask
from summarize.errors import (
    ConvergenceError,
    FieldError,
    InputError,
    InvalidParameterError,
    MissingDependencyError,
    OutputError,
    SchedulerError,
    SummarizeError,
    WorkerError,
)
from summarize.pipeline import DEFAULT_RANKER, RANKERS, Summarizer, rank_sentences, summarize, to_networkx
from summarize.sentences import split_sentences
from summarize.types import ScoredSentence, Sentence, Summary

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RANKER",
    "RANKERS",
    "BatchReport",
    "ConvergenceError",
    "FieldError",
    "InputError",
    "InvalidParameterError",
    "MissingDependencyError",
    "OutputError",
    "SchedulerError",
    "ScoredSentence",
    "Sentence",
    "SummarizeError",
    "Summarizer",
    "Summary",
    "WorkerError",
    "__version__",
    "rank_sentences",
    "split_sentences",
    "summarize",
    "summarize_corpus",
    "summarize_dask",
    "summarize_many",
    "summarize_records",
    "to_networkx",
]
