"""Rankers: each is a similarity, a prior and a position strength around the one PageRank.

A ranker never has a PageRank of its own. It names

- a similarity that builds the sentence graph: the name of one in
  :data:`summarize.similarity.SIMILARITIES`, or a function of your own from the
  sentence-by-term counts to a matrix (none for ``lead``, which ranks by its
  prior alone),
- a prior, the teleport distribution of personalised PageRank over sentence
  positions (uniform when absent), and
- a position strength, a function from the summary's share of the document and
  the document's number of sentences to a number in [0, 1] saying how much the
  news lead counts (0 when absent).

:data:`RANKERS` holds the built-in rankers by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from summarize.errors import InvalidParameterError
from summarize.focus import DEFAULT_FOCUS_WEIGHT, restart
from summarize.graph import orient
from summarize.matrices import Matrix, TermMatrix
from summarize.ranking import pagerank
from summarize.similarity import SIMILARITIES, Similarity

__all__ = [
    "DEFAULT_RANKER",
    "RANKERS",
    "Ranker",
    "adaptive_position",
    "opening_prior",
    "position_strength",
    "ranking_keys",
    "score_sentences",
    "weigh",
]

#: A prior: from the number of sentences to non-negative weights over their positions,
#: or None for uniform weights.
Prior = Callable[[int], npt.NDArray[np.float64] | None]

#: A position strength: from the summary's share of the document, in (0, 1], and the
#: number of candidate sentences, to [0, 1].
PositionStrength = Callable[[float, int], float]

#: The position weight is full up to this share of the document...
FULL_POSITION_SHARE = 0.3
#: ...and gone from this share on.
NO_POSITION_SHARE = 0.4
#: The position weight is full in texts of up to this many candidate sentences (news)...
FULL_POSITION_SENTENCES = 60
#: ...and gone in texts of this many or more (papers, reports, books).
NO_POSITION_SENTENCES = 120
#: In a long text, PageRank teleports to the sentence at position i with weight i to minus this power.
OPENING_EXPONENT = 0.5
#: At full position strength, a score is divided by the sentence's length in words to this power.
DENSITY_EXPONENT = 0.5
#: At full position strength, a sentence that opens with a quotation mark keeps this share of its score.
QUOTATION_WEIGHT = 0.5
#: The length and quotation weights are full for summaries of this many sentences (a news lead's) or more.
LEAD_SENTENCES = 3
#: A one-sentence summary takes this share of the position strength as the lead's direction.
ONE_SENTENCE_DIRECTION = 0.5

_OPENS_WITH_QUOTE = re.compile(r"[\"“‘«„]")


@dataclass(frozen=True, kw_only=True)
class Ranker:
    """How sentences are ranked.

    Parameters
    ----------
    name : str
        The name users pick it by.
    description : str
        One line for help texts.
    similarity : str, callable or None
        Key of :data:`~summarize.similarity.SIMILARITIES`, or a function of your own
        from the sentence-by-term counts (:func:`~summarize.similarity.term_matrix`)
        to a square matrix of non-negative edge weights (dense or
        ``scipy.sparse``); None ranks by the prior alone. A ranker with a function
        of its own needs no registry entry: pass it as ``ranker=``.
    prior : callable or None
        Teleport weights over positions for personalised PageRank, from the number
        of sentences; uniform if None or if it returns None.
    position : callable or None
        Position strength as a function of the summary's share of the document and
        the number of candidate sentences, ``position(share, sentences)``; none (0)
        if None. See :func:`score_sentences` for what it does.
    """

    name: str
    description: str
    similarity: str | Similarity | None
    prior: Prior | None = None
    position: PositionStrength | None = None

    def __post_init__(self) -> None:
        if isinstance(self.similarity, str):
            if self.similarity not in SIMILARITIES:
                allowed = f"one of {', '.join(map(repr, SIMILARITIES))}, a function, or None"
                raise InvalidParameterError(
                    f"The 'similarity' parameter of Ranker must be {allowed}. Got {self.similarity!r} instead."
                )
        elif self.similarity is not None and not callable(self.similarity):
            raise InvalidParameterError(
                "The 'similarity' parameter of Ranker must be the name of a similarity, a function from "
                f"sentence-by-term counts to a matrix, or None. Got {self.similarity!r} instead."
            )


def adaptive_position(share: float, sentences: int) -> float:
    """How much position counts for a summary taking ``share`` of a text of ``sentences`` sentences.

    The product of two ramps, each 1 up to a point, 0 from another, linear between:

    - by the summary's share: full for summaries of at most 30% of the text, where
      news puts the key facts in its first sentences; none from 40% on, where a
      summary is an extract of the whole text;
    - by the text's length: full up to 60 candidate sentences, the length of a news
      article (nine in ten of cnndm_dev's articles have fewer than 55); none from
      120 on, where the first sentences are an introduction, not a summary (the
      papers of pubmed_dev have 104 or more in nine cases out of ten).

    Examples
    --------
    >>> from summarize.rankers import adaptive_position
    >>> [adaptive_position(share, 30) for share in (0.1, 0.3, 0.35, 0.4, 0.9)]
    [1.0, 1.0, 0.5, 0.0, 0.0]
    >>> [adaptive_position(0.05, sentences) for sentences in (20, 60, 90, 120, 400)]
    [1.0, 1.0, 0.5, 0.0, 0.0]
    """
    by_share = _ramp(share, FULL_POSITION_SHARE, NO_POSITION_SHARE)
    by_length = _ramp(sentences, FULL_POSITION_SENTENCES, NO_POSITION_SENTENCES)
    return round(by_share * by_length, 12)


def opening_prior(n: int) -> npt.NDArray[np.float64] | None:
    """Teleport weights that favour the opening of a long text, softly; None (uniform) for news-length texts.

    Where :func:`adaptive_position` takes the lead's direction out of the graph of a
    long text, this puts a milder preference for the opening into PageRank's
    teleport step: the sentence at position :math:`i` (from 1) gets weight
    :math:`i^{-(1 - \\lambda)/2}`, where :math:`\\lambda` is the ramp on the text's
    length (1 up to 60 candidate sentences, 0 from 120 on). A paper's introduction
    states what the paper is about, but its findings come later.

    Examples
    --------
    >>> from summarize.rankers import opening_prior
    >>> opening_prior(60) is None
    True
    >>> opening_prior(90)[[0, 15]].round(2).tolist()
    [1.0, 0.5]
    >>> opening_prior(200)[[0, 3, 99]].round(2).tolist()
    [1.0, 0.5, 0.1]
    """
    by_length = _ramp(n, FULL_POSITION_SENTENCES, NO_POSITION_SENTENCES)
    exponent = OPENING_EXPONENT * (1 - by_length)
    if exponent == 0:
        return None
    return np.asarray(np.arange(1, n + 1, dtype=np.float64) ** -exponent, dtype=np.float64)


def _ramp(value: float, full: float, none: float) -> float:
    """1 up to ``full``, 0 from ``none`` on, linear between."""
    return min(1.0, max(0.0, (none - value) / (none - full)))


def _inverse_position(n: int) -> npt.NDArray[np.float64]:
    return 1.0 / np.arange(1, n + 1, dtype=np.float64)


def _linear_position(n: int) -> npt.NDArray[np.float64]:
    return np.arange(n, 0, -1, dtype=np.float64)


def score_sentences(
    ranker: Ranker,
    sentences: Sequence[str],
    counts: TermMatrix,
    *,
    share: float,
    damping: float = 0.85,
    max_iter: int = 100,
    tol: float = 1e-6,
    focus: npt.NDArray[np.float64] | None = None,
    focus_weight: float = DEFAULT_FOCUS_WEIGHT,
    documents: npt.NDArray[np.int64] | None = None,
    teleport: npt.NDArray[np.float64] | None = None,
) -> tuple[Matrix | None, npt.NDArray[np.float64]]:
    """Score sentences with a ranker.

    Parameters
    ----------
    ranker : Ranker
    sentences : sequence of str
        The sentences' texts.
    counts : Triplets or scipy.sparse.csr_matrix
        Their sentence-by-term counts (:func:`~summarize.similarity.term_matrix`).
    share : float
        The share of the document the summary will take, in (0, 1]; with the number
        of sentences, it sets the ranker's position strength.
    damping, max_iter, tol
        Passed to :func:`~summarize.ranking.pagerank`.
    focus : ndarray, optional
        Each sentence's similarity to a focus (:func:`~summarize.focus.focus_similarity`):
        PageRank restarts by it (:func:`~summarize.focus.restart`), with
        ``focus_weight`` of the restart, as in Biased TextRank. The graph stays
        the ranker's, but its position strength is set aside: the focus, not the
        lead, says what matters (and with several documents, the lead's direction
        would carry each opening's score to the other documents). All zeros, or
        None: no focus.
    documents : ndarray of int, optional
        For sentences of several documents ranked together (in document order),
        each sentence's document number: positions then count within each
        document. The prior is the ranker's prior over each document's sentences,
        scaled so that every document's first sentence has the same weight; the
        position strength is that of the longest document; edges are oriented
        within documents only.
    teleport : ndarray, optional
        Non-negative weights over the sentences that replace the ranker's prior
        (for documents with structure, :mod:`summarize.structure`); a focus
        still biases them.

    Returns
    -------
    weights : ndarray, scipy.sparse.csr_matrix or None
        The similarity graph's edge weights (None for a ranker without a graph).
    scores : ndarray
        Non-negative scores summing to 1 (empty for no sentences).

    Notes
    -----
    With position strength :math:`\\pi`, the similarity :math:`s_{ij}` gives an edge
    from each sentence to every earlier one with weight :math:`s_{ij}`, and to every
    later one with weight :math:`(1 - \\pi) s_{ij}`: a sentence is central when the
    sentences after it elaborate on it, as in the directed centrality of PACSUM [1]_.
    At :math:`\\pi = 0` the graph is the similarity's own (undirected when it is
    symmetric). The PageRank score :math:`x_i` [2]_ is then weighted by

    .. math:: w_i = \\ell_i^{-\\pi / 2} \\, (1 - \\pi / 2)^{q_i}

    where :math:`\\ell_i` is the sentence's length in words and :math:`q_i` is 1 when
    it opens with a quotation mark: a short summary prefers concise sentences in the
    reporter's voice. The weighted scores are normalised to sum to 1. These are the
    strengths for a summary of three sentences or more; a one-sentence summary
    orients the graph with :math:`\\pi / 2` and weighs nothing (the one sentence the
    rest of the text elaborates, however long), and a two-sentence summary weighs
    with :math:`\\pi / 2`. The default
    ranker's :math:`\\pi` (:func:`adaptive_position`) is full for a short summary of
    a news-length text and falls to 0 for a long summary or a long text, where the
    ranking is the undirected centrality of TextRank [2]_; in a long text its prior
    (:func:`opening_prior`) still favours the opening, softly.

    References
    ----------
    .. [1] Zheng, H. and Lapata, M. (2019). Sentence centrality revisited for
       unsupervised summarization. Proceedings of ACL 2019, 6236-6247.
    .. [2] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.
    """
    n = len(sentences)
    if n == 0:
        return None, np.zeros(0)
    sizes = np.bincount(documents) if documents is not None else np.array([n])
    if teleport is not None:
        prior: npt.NDArray[np.float64] | None = teleport
    else:
        prior = _prior(ranker.prior, sizes) if ranker.prior is not None else None
    biased = restart(focus, prior, weight=focus_weight) if focus is not None else None
    prior = biased if biased is not None else prior
    if ranker.similarity is None:
        weights = None
        scores = prior if prior is not None else np.ones(n)
        return weights, scores / scores.sum()

    similarity = SIMILARITIES[ranker.similarity] if isinstance(ranker.similarity, str) else ranker.similarity
    weights = similarity(counts)
    strength = position_strength(ranker, share, int(sizes.max()), focus=focus)
    direction, weighting = _strengths(strength, share, n)
    graph = orient(weights, 1 - direction, documents=documents) if direction > 0 else weights
    scores = pagerank(graph, alpha=damping, personalization=prior, max_iter=max_iter, tol=tol)
    if weighting > 0:
        scores = weigh(scores, sentences, weighting)
    return weights, scores


def weigh(scores: npt.NDArray[np.float64], sentences: Sequence[str], strength: float) -> npt.NDArray[np.float64]:
    """Scores weighted by the sentences' lengths and opening quotation marks, at ``strength``, summing to 1.

    A score is divided by the sentence's length in words to the power
    ``DENSITY_EXPONENT * strength``, and one of a sentence that opens with a
    quotation mark is multiplied by ``1 - (1 - QUOTATION_WEIGHT) * strength``
    (see :func:`score_sentences`).

    Examples
    --------
    >>> import numpy as np
    >>> from summarize.rankers import weigh
    >>> weigh(np.array([0.5, 0.5]), ['"One two three four."', "One."], 1.0).round(3).tolist()
    [0.2, 0.8]
    """
    lengths = np.array([max(len(sentence.split()), 1) for sentence in sentences], dtype=np.float64)
    quoted = np.array([_OPENS_WITH_QUOTE.match(sentence) is not None for sentence in sentences])
    weighed = scores * lengths ** (-DENSITY_EXPONENT * strength)
    weighed = np.where(quoted, weighed * (1 - (1 - QUOTATION_WEIGHT) * strength), weighed)
    return np.asarray(weighed / weighed.sum(), dtype=np.float64)


def position_strength(
    ranker: Ranker, share: float, longest: int, *, focus: npt.NDArray[np.float64] | None = None
) -> float:
    """How much the news lead counts for ``ranker``: its position strength, 0 without one or under a focus.

    ``share`` is the summary's share of the text, ``longest`` the number of
    candidate sentences of the text (of the longest, for several documents), and
    ``focus`` each sentence's similarity to a focus: a focus that matches sets the
    position strength aside, since the focus, not the lead, says what matters.

    Examples
    --------
    >>> import numpy as np
    >>> from summarize.rankers import RANKERS, position_strength
    >>> adaptive = RANKERS["adaptive"]
    >>> position_strength(adaptive, 0.1, 20), position_strength(RANKERS["textrank"], 0.1, 20)
    (1.0, 0.0)
    >>> position_strength(adaptive, 0.1, 20, focus=np.array([0.0, 0.5]))
    0.0
    """
    if ranker.position is None or (focus is not None and focus.any()):
        return 0.0
    return ranker.position(share, longest)


def ranking_keys(
    ranker: Ranker,
    scores: npt.NDArray[np.float64],
    body: Sequence[int],
    *,
    share: float,
    documents: npt.NDArray[np.int64] | None,
    focus: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.float64]:
    """What sentences are ranked by: their scores, or for several documents, each document's opening first.

    ``scores`` are the ranker's scores of every sentence of a group, ``body`` the
    positions of the candidate sentences in it and ``documents`` their document
    numbers (None for one text). When the ranker counts the news lead (its
    :func:`position_strength` is above 0, so never under a matching focus), every
    document's opening sentence ranks above the other sentences: in news writing a
    report's first sentence is its own summary of it. The keys are then tiers:
    each score over the best, plus 1 for an opening, so that maximal marginal
    relevance, which weighs scores, ranks the same way. Otherwise the keys are the
    scores.

    Examples
    --------
    >>> import numpy as np
    >>> from summarize.rankers import RANKERS, ranking_keys
    >>> scores, documents = np.array([0.1, 0.4, 0.2, 0.3]), np.array([0, 0, 1, 1])
    >>> ranking_keys(RANKERS["adaptive"], scores, [0, 1, 2, 3], share=0.25, documents=documents).round(2).tolist()
    [1.25, 1.0, 1.5, 0.75]
    >>> ranking_keys(RANKERS["textrank"], scores, [0, 1, 2, 3], share=0.25, documents=documents).tolist()
    [0.1, 0.4, 0.2, 0.3]
    """
    if documents is None or position_strength(ranker, share, int(np.bincount(documents).max()), focus=focus) <= 0:
        return scores
    openings = [body[first] for first in np.flatnonzero(np.diff(documents, prepend=-1)).tolist()]
    tiers = scores / max(float(scores.max()), 1e-300)
    tiers[openings] += 1.0
    return np.asarray(tiers, dtype=np.float64)


def _strengths(strength: float, share: float, n: int) -> tuple[float, float]:
    """The strength of the lead's direction and of the length and quotation weights, for a summary of ``share``.

    Both are the position strength for a summary of three sentences or more. A
    summary of one sentence takes half the direction and no weights: the one
    sentence the rest of the text elaborates, however long. The weights grow with
    each sentence after the first: half at two sentences.

    Examples
    --------
    >>> from summarize.rankers import _strengths
    >>> [_strengths(1.0, sentences / 20, 20) for sentences in (1, 2, 3, 8)]
    [(0.5, 0.0), (1.0, 0.5), (1.0, 1.0), (1.0, 1.0)]
    >>> _strengths(0.0, 0.05, 20)
    (0.0, 0.0)
    """
    length = max(1, round(share * n))  # the summary's sentences
    direction = strength * (ONE_SENTENCE_DIRECTION if length == 1 else 1.0)
    weighting = strength * min(1.0, (length - 1) / (LEAD_SENTENCES - 1))
    return direction, weighting


def _prior(prior: Prior, sizes: npt.NDArray[np.int64]) -> npt.NDArray[np.float64] | None:
    """A prior over each document's positions, each scaled to a maximum of 1 (None: uniform)."""
    if len(sizes) == 1:
        return prior(int(sizes[0]))
    parts = [prior(int(size)) for size in sizes if size > 0]
    if all(part is None for part in parts):
        return None
    scaled = [
        np.ones(int(size)) if part is None else part / max(float(part.max()), 1e-300)
        for size, part in zip((size for size in sizes if size > 0), parts, strict=True)
    ]
    return np.concatenate(scaled)


#: The ranker used when none is named.
DEFAULT_RANKER = "adaptive"

#: The built-in rankers by name (read-only; pass a :class:`Ranker` of your own as ``ranker=``).
RANKERS: MappingProxyType[str, Ranker] = MappingProxyType(
    {
        ranker.name: ranker
        for ranker in (
            Ranker(
                name="adaptive",
                description="position-aware centrality (cosine graph, directed towards the lead for short summaries "
                "of news-length texts)",
                similarity="cosine",
                prior=opening_prior,
                position=adaptive_position,
            ),
            Ranker(
                name="textrank",
                description="TextRank: word overlap over log lengths (Mihalcea & Tarau 2004)",
                similarity="textrank",
            ),
            Ranker(
                name="lexrank",
                description="LexRank, continuous: IDF-modified cosine (Erkan & Radev 2004)",
                similarity="lexrank",
            ),
            Ranker(
                name="lexrank-threshold",
                description="LexRank with threshold: edges where the IDF-modified cosine exceeds 0.1",
                similarity="lexrank-threshold",
            ),
            Ranker(
                name="bm25",
                description="BM25-TextRank, directed (Barrios et al. 2016)",
                similarity="bm25",
            ),
            Ranker(
                name="position",
                description="TextRank with a position prior: personalised PageRank, teleport weight 1/position",
                similarity="textrank",
                prior=_inverse_position,
            ),
            Ranker(
                name="lead",
                description="the first sentences (LEAD baseline)",
                similarity=None,
                prior=_linear_position,
            ),
        )
    }
)
