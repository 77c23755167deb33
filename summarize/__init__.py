"""summarize: fast, offline extractive summarisation with TextRank.

The package is in layers. The pipeline core sits at the top level, one module per
stage (``sentences``, ``terms``, ``similarity``, ``graph``, ``ranking``,
``selection``) composed by ``pipeline``; :mod:`summarize.io` reads documents,
corpora and URLs and writes records and pages; :mod:`summarize.batch` runs many
documents on worker processes or a Dask cluster. The layers depend on the core,
never the other way.

Importing the package loads none of them: each public name is imported when it is
first used (:pep:`562`), so ``import summarize`` is quick, and a plain summary never
loads the network stack, the worker pools or Dask.

>>> import summarize
>>> summary = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=1)
>>> summary[0].text
'Cats and dogs play.'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from summarize._version import __version__
from summarize.errors import (
    ConvergenceError,
    FetchError,
    FieldError,
    InputError,
    InvalidParameterError,
    MissingDependencyError,
    OutputBusyError,
    OutputError,
    ReadLimitError,
    SchedulerError,
    SummarizeError,
    TextTooLongError,
    TooManySentencesError,
    WorkerError,
)
from summarize.types import DocumentSentence, MultiSummary, ScoredSentence, Sentence, Summary

if TYPE_CHECKING:
    from summarize.batch import BatchReport, summarize_corpus, summarize_dask, summarize_many, summarize_records
    from summarize.functions import keywords, rank_sentences, summarize, summarize_documents, to_networkx
    from summarize.io.documents import Document, load_document, read_document
    from summarize.io.render import to_html, to_markdown
    from summarize.keyphrases import Keyword
    from summarize.languages import LANGUAGES, detect_language
    from summarize.pipeline import Analysis, Summarizer
    from summarize.rankers import DEFAULT_RANKER, RANKERS, Ranker
    from summarize.sentences import split_sentences

# Each public name that is imported on first use, and the module that defines it.
_LAZY = {
    "Analysis": "summarize.pipeline",
    "Summarizer": "summarize.pipeline",
    "keywords": "summarize.functions",
    "rank_sentences": "summarize.functions",
    "summarize": "summarize.functions",
    "summarize_documents": "summarize.functions",
    "to_networkx": "summarize.functions",
    "Keyword": "summarize.keyphrases",
    "LANGUAGES": "summarize.languages",
    "detect_language": "summarize.languages",
    "DEFAULT_RANKER": "summarize.rankers",
    "RANKERS": "summarize.rankers",
    "Ranker": "summarize.rankers",
    "split_sentences": "summarize.sentences",
    "Document": "summarize.io.documents",
    "load_document": "summarize.io.documents",
    "read_document": "summarize.io.documents",
    "to_html": "summarize.io.render",
    "to_markdown": "summarize.io.render",
    "BatchReport": "summarize.batch",
    "summarize_corpus": "summarize.batch",
    "summarize_dask": "summarize.batch",
    "summarize_many": "summarize.batch",
    "summarize_records": "summarize.batch",
}

__all__ = [
    "DEFAULT_RANKER",
    "LANGUAGES",
    "RANKERS",
    "Analysis",
    "BatchReport",
    "ConvergenceError",
    "Document",
    "DocumentSentence",
    "FetchError",
    "FieldError",
    "InputError",
    "InvalidParameterError",
    "Keyword",
    "MissingDependencyError",
    "MultiSummary",
    "OutputBusyError",
    "OutputError",
    "Ranker",
    "ReadLimitError",
    "SchedulerError",
    "ScoredSentence",
    "Sentence",
    "SummarizeError",
    "Summarizer",
    "Summary",
    "TextTooLongError",
    "TooManySentencesError",
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
    "summarize_documents",
    "summarize_many",
    "summarize_records",
    "to_html",
    "to_markdown",
    "to_networkx",
]


def __getattr__(name: str) -> object:
    """Import a public name on first use, and keep it (:pep:`562`)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
