"""summarize: fast, offline extractive summarisation with TextRank.

>>> import summarize
>>> summary = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=1)
>>> summary[0].text
'Cats and dogs play.'
"""

from summarize.errors import ConvergenceError, InputError, InvalidParameterError, SummarizeError
from summarize.pipeline import DEFAULT_RANKER, RANKERS, Summarizer, rank_sentences, summarize, to_networkx
from summarize.sentences import split_sentences
from summarize.types import ScoredSentence, Sentence, Summary

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RANKER",
    "RANKERS",
    "ConvergenceError",
    "InputError",
    "InvalidParameterError",
    "ScoredSentence",
    "Sentence",
    "SummarizeError",
    "Summarizer",
    "Summary",
    "__version__",
    "rank_sentences",
    "split_sentences",
    "summarize",
    "to_networkx",
]
