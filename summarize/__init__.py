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
    FetchError,
    FieldError,
    InputError,
    InvalidParameterError,
    MissingDependencyError,
    OutputError,
    SchedulerError,
    SummarizeError,
    TextTooLongError,
    WorkerError,
)
from summarize.keyphrases import Keyword
from summarize.languages import LANGUAGES, detect_language
from summarize.pipeline import Summarizer, keywords, rank_sentences, summarize, to_networkx
from summarize.rankers import DEFAULT_RANKER, RANKERS, Ranker
from summarize.reading import Document, load_document, read_document
from summarize.render import to_html, to_markdown
from summarize.sentences import split_sentences
from summarize.types import ScoredSentence, Sentence, Summary

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RANKER",
    "LANGUAGES",
    "RANKERS",
    "BatchReport",
    "ConvergenceError",
    "Document",
    "FetchError",
    "FieldError",
    "InputError",
    "InvalidParameterError",
    "Keyword",
    "MissingDependencyError",
    "OutputError",
    "Ranker",
    "SchedulerError",
    "ScoredSentence",
    "Sentence",
    "SummarizeError",
    "Summarizer",
    "Summary",
    "TextTooLongError",
    "WorkerError",
    "__version__",
    "detect_language",
    "keywords",
    "load_document",
    "rank_sentences",
    "read_document",
    "split_sentences",
    "summarize",
    "summarize_corpus",
    "summarize_dask",
    "summarize_many",
    "summarize_records",
    "to_html",
    "to_markdown",
    "to_networkx",
]
