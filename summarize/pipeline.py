"""The pipeline, composed in one place.

text -> sentences -> terms -> similarity graph -> ranking -> selection -> Summary
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import scipy.sparse

from summarize._validation import check_choice, check_float, check_int, check_text, fail
from summarize.errors import InvalidParameterError
from summarize.ranking import Matrix, pagerank
from summarize.selection import ORDERS, select
from summarize.sentences import split_sentences
from summarize.similarity import SIMILARITIES, term_matrix
from summarize.terms import Analyzer
from summarize.terms import analyzer as builtin_analyzer
from summarize.types import ScoredSentence, Sentence, Summary

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["DEFAULT_RANKER", "RANKERS", "Summarizer", "rank_sentences", "summarize", "to_networkx"]

#: The ranker used when none is named.
DEFAULT_RANKER = "textrank"

#: The names of the built-in rankers.
RANKERS = tuple(SIMILARITIES)

# Scores equal to this many decimals are ties, ranked in document order, so that
# rounding noise in the power iteration never decides a rank.
_TIE_DECIMALS = 12


@dataclass(frozen=True, kw_only=True)
class Summarizer:
    """A reusable extractive summariser holding its options.

    Options are checked when the summariser is made and cannot be changed after;
    make a variant with :func:`dataclasses.replace`.

    Parameters
    ----------
    sentences : int, optional
        Number of sentences in a summary. At most one of ``sentences``, ``ratio``
        and ``words`` may be given; with none, 3 sentences.
    ratio : float, optional
        Share of the document's sentences, in (0, 1], rounded half up, at least one.
    words : int, optional
        Word budget: the best sentences that fit in that many words together, at
        least one sentence.
    order : {"document", "score"}
        Order of the summary's sentences: as in the document (default) or best first.
    ranker : str
        Name of the ranker, one of :data:`RANKERS` (default :data:`DEFAULT_RANKER`).
    analyzer : callable, optional
        Function from a sentence to its terms; by default lower-cased word tokens
        without English stop words, Snowball-stemmed (:func:`summarize.terms.analyzer`).
    damping : float
        PageRank damping factor, in [0, 1) (default 0.85).
    max_iter : int
        Maximum number of PageRank iterations (default 100).
    tol : float
        PageRank convergence tolerance (default 1e-6).

    See Also
    --------
    summarize : the same in one call.

    Examples
    --------
    >>> from summarize import Summarizer
    >>> brief = Summarizer(sentences=1)
    >>> text = ("Cats purr. Cats and dogs are pets. Dogs bark. "
    ...         "Pets like cats and dogs need care.")
    >>> [s.text for s in brief(text)]
    ['Cats and dogs are pets.']
    """

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    order: str = "document"
    ranker: str = DEFAULT_RANKER
    analyzer: Analyzer | None = None
    damping: float = 0.85
    max_iter: int = 100
    tol: float = 1e-6

    def __post_init__(self) -> None:
        check_int("sentences", self.sentences, minimum=1, optional=True)
        check_float("ratio", self.ratio, low=0.0, high=1.0, low_open=True, optional=True)
        check_int("words", self.words, minimum=1, optional=True)
        budgets = {name: getattr(self, name) for name in ("sentences", "ratio", "words")}
        given = {name: value for name, value in budgets.items() if value is not None}
        if len(given) > 1:
            got = " and ".join(f"{name}={value!r}" for name, value in given.items())
            raise InvalidParameterError(
                f"The 'sentences', 'ratio' and 'words' parameters are mutually exclusive: give at most one. "
                f"Got {got} instead."
            )
        check_choice("order", self.order, ORDERS)
        check_choice("ranker", self.ranker, RANKERS)
        if self.analyzer is not None and not callable(self.analyzer):
            raise fail("analyzer", "a callable from a sentence to its terms, or None", self.analyzer)
        check_float("damping", self.damping, low=0.0, high=1.0, high_open=True)
        check_int("max_iter", self.max_iter, minimum=1)
        check_float("tol", self.tol, low=0.0, high=float("inf"), low_open=True)

    def __call__(self, text: str) -> Summary:
        """Summarise ``text``; the same as :meth:`summarize`."""
        return self.summarize(text)

    def summarize(self, text: str) -> Summary:
        """The best sentences of ``text`` within the budget, in the order asked for.

        An empty or blank text gives an empty summary.
        """
        ranked = self.rank(text)
        return Summary(select(ranked, sentences=self.sentences, ratio=self.ratio, words=self.words, order=self.order))

    def rank(self, text: str) -> tuple[ScoredSentence, ...]:
        """Every sentence of ``text``, scored and ranked, in document order."""
        sentences, _, scores = self._analyse(text)
        return _ranked(sentences, scores)

    def graph(self, text: str) -> nx.Graph:
        """The sentence similarity graph of ``text`` as a networkx graph.

        Nodes are sentence indices, with the attributes ``index``, ``text``,
        ``start``, ``end``, ``fragment``, ``score`` and ``rank``; edges carry the
        similarity as ``weight``. Fragments are nodes without edges.
        """
        import networkx as nx

        sentences, weights, scores = self._analyse(text)
        graph = nx.Graph()
        for sentence in _ranked(sentences, scores):
            graph.add_node(
                sentence.index,
                index=sentence.index,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                fragment=sentence.fragment,
                score=sentence.score,
                rank=sentence.rank,
            )
        body = _body(sentences)
        coo = scipy.sparse.coo_matrix(weights)
        for row, col, weight in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
            if row < col and weight > 0:
                graph.add_edge(body[row].index, body[col].index, weight=weight)
        return graph

    def _analyse(self, text: str) -> tuple[tuple[Sentence, ...], Matrix, npt.NDArray[np.float64]]:
        """Split, weigh and score: the sentences, the body's edge weights and every sentence's score."""
        sentences = split_sentences(check_text(text))
        body = _body(sentences)
        analyze = self.analyzer or builtin_analyzer()
        weights = SIMILARITIES[self.ranker](term_matrix([analyze(sentence.text) for sentence in body]))
        body_scores = pagerank(weights, alpha=self.damping, max_iter=self.max_iter, tol=self.tol)
        scores = np.zeros(len(sentences))
        scores[[sentence.index for sentence in body]] = body_scores
        return sentences, weights, scores


def _body(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that take part in ranking: all but fragments, or all if all are fragments."""
    return [sentence for sentence in sentences if not sentence.fragment] or list(sentences)


def _ranked(sentences: Sequence[Sentence], scores: npt.NDArray[np.float64]) -> tuple[ScoredSentence, ...]:
    """Attach scores and ranks (1 = best; ties in document order) to sentences."""
    order = np.lexsort((np.arange(len(scores)), -np.round(scores, _TIE_DECIMALS)))
    ranks = np.empty(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return tuple(
        ScoredSentence(
            index=sentence.index,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            fragment=sentence.fragment,
            score=float(score),
            rank=int(rank),
        )
        for sentence, score, rank in zip(sentences, scores.tolist(), ranks.tolist(), strict=True)
    )


def summarize(
    text: str,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
    ranker: str = DEFAULT_RANKER,
    analyzer: Analyzer | None = None,
) -> Summary:
    """Summarise a text: its best sentences, with scores and ranks.

    Parameters
    ----------
    text : str
        The document.
    sentences, ratio, words : optional
        The summary's length, at most one of them: a number of sentences, a share
        of the document's sentences in (0, 1], or a word budget. Default: 3 sentences.
    order : {"document", "score"}
        Sentences in document order (default) or best first.
    ranker : str
        One of :data:`RANKERS`.
    analyzer : callable, optional
        Function from a sentence to its terms (see :class:`Summarizer`).

    Returns
    -------
    Summary
        A sequence of :class:`ScoredSentence`; empty for an empty or blank text,
        all sentences if the text has fewer than asked for.

    Raises
    ------
    InvalidParameterError
        If ``text`` is not a str or an option is invalid.

    Notes
    -----
    TextRank [1]_: the text is split into sentences, every pair of sentences is
    scored by the terms they share, and the sentences are ranked by weighted
    PageRank [2]_ over that graph. Fragments (headings, captions, bylines) are
    never chosen.

    References
    ----------
    .. [1] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.
    .. [2] Page, L., Brin, S., Motwani, R. and Winograd, T. (1999). The PageRank
       citation ranking: bringing order to the web. Stanford InfoLab.

    Examples
    --------
    >>> import summarize
    >>> text = ("The council approved the new park on Monday. "
    ...         "The park will open in May. "
    ...         "Residents had asked the council for a park for years. "
    ...         "Rain is expected.")
    >>> for s in summarize.summarize(text, sentences=2):
    ...     print(s.index, s.rank, s.text)
    0 1 The council approved the new park on Monday.
    2 2 Residents had asked the council for a park for years.
    """
    summarizer = Summarizer(
        sentences=sentences, ratio=ratio, words=words, order=order, ranker=ranker, analyzer=analyzer
    )
    return summarizer.summarize(text)


def rank_sentences(
    text: str, *, ranker: str = DEFAULT_RANKER, analyzer: Analyzer | None = None
) -> tuple[ScoredSentence, ...]:
    """Every sentence of a text, scored and ranked, in document order.

    Parameters and the algorithm are those of :func:`summarize`.

    Examples
    --------
    >>> import summarize
    >>> ranked = summarize.rank_sentences("Cats purr. Cats and dogs play. Dogs bark.")
    >>> [(s.index, s.rank) for s in ranked]
    [(0, 2), (1, 1), (2, 3)]
    """
    return Summarizer(ranker=ranker, analyzer=analyzer).rank(text)


def to_networkx(text: str, *, ranker: str = DEFAULT_RANKER, analyzer: Analyzer | None = None) -> nx.Graph:
    """The sentence similarity graph of a text, as a networkx graph.

    See :meth:`Summarizer.graph` for the node and edge attributes.

    Examples
    --------
    >>> import summarize
    >>> graph = summarize.to_networkx("Cats purr. Cats and dogs play. Dogs bark.")
    >>> sorted(graph.edges)
    [(0, 1), (1, 2)]
    >>> graph.nodes[1]["rank"]
    1
    """
    return Summarizer(ranker=ranker, analyzer=analyzer).graph(text)
