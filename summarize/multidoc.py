"""Several documents, one summary: the names of the multi-document API, kept where they were.

A group of documents runs the one pipeline of a single text
(:func:`summarize.analysis.analyze_group`): the sentences of all the documents
make one term matrix (so the IDF of ``lexrank`` and ``bm25`` is over the whole
group, as in LexRank's multi-document summaries), one similarity graph and one
PageRank. When the ranker counts the news lead, each document's opening sentence
ranks above the other sentences (:func:`summarize.rankers.ranking_keys`). The
selection takes sentences from any document, passing over those that repeat a
sentence already chosen: the same fact reported by several sources is chosen once.

Use :func:`summarize.summarize_documents`, or
:meth:`summarize.Summarizer.summarize_documents` to summarise many groups with
the same options. :class:`DocumentsOptions` is deprecated.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.functions import summarize_documents
from summarize.pipeline import Summarizer
from summarize.selection import DEFAULT_DIVERSITY, DEFAULT_REDUNDANCY
from summarize.types import DocumentSentence, MultiSummary, Summary

__all__ = [
    "DEFAULT_DIVERSITY",
    "DEFAULT_REDUNDANCY",
    "DocumentSentence",
    "DocumentsOptions",
    "MultiSummary",
    "summarize_documents",
]


@dataclass(frozen=True, kw_only=True)
class DocumentsOptions(Summarizer):
    """Deprecated: a :class:`~summarize.Summarizer` with the defaults of :func:`summarize_documents`.

    Use ``Summarizer(redundancy=0.5, ...)`` and its
    :meth:`~summarize.Summarizer.summarize_documents`, which takes every option
    (``damping``, ``max_iter``, ``tol`` and ``sparse`` too). Making one warns
    (:class:`DeprecationWarning`); its :meth:`summarize` takes the documents, as
    it did.
    """

    redundancy: float | None = DEFAULT_REDUNDANCY

    def __post_init__(self) -> None:
        warnings.warn(
            "DocumentsOptions is deprecated: use summarize.Summarizer(redundancy=0.5, ...) and its "
            "summarize_documents(texts, ids=...) method",
            DeprecationWarning,
            stacklevel=3,
        )
        super().__post_init__()

    # The deprecated signature: the documents, not one text or path (one reason it is deprecated).
    def summarize(self, texts: Sequence[str], *, ids: Sequence[str] | None = None) -> Summary:  # type: ignore[override]
        """:func:`summarize_documents` of ``texts`` (and ``ids``) with these options."""
        return self.summarize_documents(texts, ids=ids)
