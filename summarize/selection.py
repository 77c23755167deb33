"""Selection: which ranked sentences make the summary, and in what order."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt

from summarize.types import ScoredSentence, Sentence

if TYPE_CHECKING:
    import scipy.sparse

__all__ = [
    "DEFAULT_DIVERSITY",
    "DEFAULT_REDUNDANCY",
    "DEFAULT_SENTENCES",
    "ORDERS",
    "budget_share",
    "candidates",
    "select",
]

#: Summary length when no budget is given.
DEFAULT_SENTENCES = 3

#: Weight of redundancy in maximal marginal relevance: none by default, for one text
#: and for several documents, where the redundancy threshold alone keeps
#: near-duplicates out (see docs/multidoc.md).
DEFAULT_DIVERSITY = 0.0

#: Cosine of term sets above which a sentence repeats one already chosen and is passed
#: over: the default of :func:`summarize.summarize_documents`, where several sources
#: report the same fact (one text has no threshold by default).
DEFAULT_REDUNDANCY = 0.5

#: The orders a summary can be given in.
ORDERS = ("document", "score")


S = TypeVar("S", bound=Sentence)


def candidates(sentences: Sequence[S]) -> list[S]:
    """The sentences a summary may choose: all but fragments, or all if every one is a fragment."""
    return [sentence for sentence in sentences if not sentence.fragment] or list(sentences)


def budget_share(
    document: Sequence[Sentence],
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> float:
    """The share of the document's candidate sentences (or words) a summary will take, in (0, 1].

    ``document`` holds the sentences; the budget is a number of ``sentences``, a
    ``ratio`` or a number of ``words``, as for :func:`select` (by default
    :data:`DEFAULT_SENTENCES`).

    Examples
    --------
    >>> from summarize import split_sentences
    >>> from summarize.selection import budget_share
    >>> document = split_sentences("One two. Three four. Five six seven eight.")
    >>> budget_share(document, sentences=1), budget_share(document, words=4)
    (0.3333333333333333, 0.5)
    """
    pool = candidates(document)
    if not pool:
        return 1.0
    if ratio is not None:
        return ratio
    if words is not None:
        total = sum(len(sentence.text.split()) for sentence in pool)
        return min(1.0, words / max(total, 1))
    count = DEFAULT_SENTENCES if sentences is None else sentences
    return min(1.0, count / len(pool))


def select(
    ranked: Sequence[ScoredSentence],
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
    diversity: float = 0.0,
    similarity: scipy.sparse.csr_matrix | None = None,
    redundancy: float | None = None,
    groups: Sequence[int] | npt.NDArray[np.int64] | None = None,
    min_per_group: int = 0,
) -> tuple[ScoredSentence, ...]:
    """Choose the best sentences within a budget.

    Parameters
    ----------
    ranked : sequence of ScoredSentence
        Every sentence of the document, in document order, with its rank.
    sentences : int, optional
        Number of sentences to choose (all of them if the document has fewer).
    ratio : float, optional
        Share of the document's sentences to choose, rounded half up to a whole
        number, at least one.
    words : int, optional
        Word budget: the best sentences whose words (whitespace-separated) fit in
        it together, taken in rank order, skipping any that would overflow it; at
        least the best sentence even if it alone is longer.
    order : {"document", "score"}
        Give the chosen sentences in document order or best first.
    diversity : float
        Weight of redundancy in maximal marginal relevance, in [0, 1): 0 takes
        sentences by rank alone; higher values pass over sentences similar to
        those already chosen.
    similarity : scipy.sparse.csr_matrix, optional
        Similarity between sentences, indexed by sentence index; needed when
        ``diversity`` is above 0 or ``redundancy`` is given.
    redundancy : float, optional
        A sentence whose similarity to one already chosen exceeds this is never
        chosen, so the summary may be shorter than its budget; None (default)
        chooses any.
    groups : sequence of int, optional
        Each sentence's group (for several documents, its document), indexed by
        sentence index; needed when ``min_per_group`` is above 0.
    min_per_group : int
        At least this many sentences of each group (all its candidates, if it has
        fewer): each group's best, in the order sentences are taken, come before
        the rest fills the budget, which they may exceed. A group whose sentences
        all repeat ones already chosen (``redundancy``) still gets its best ones,
        by rank. 0 (default): no minimum.

    Returns
    -------
    tuple of ScoredSentence

    Notes
    -----
    At most one budget may be given; with none, :data:`DEFAULT_SENTENCES`. Budgets
    count the candidate sentences only: fragments (headings, captions) are never
    chosen, unless every sentence of the document is a fragment.

    Maximal marginal relevance [1]_ takes, one at a time, the sentence with the
    highest :math:`(1 - d)\\,x_i / \\max_j x_j - d \\max_{k \\in S} \\mathrm{sim}(i, k)`,
    where :math:`d` is ``diversity``, :math:`x` the scores and :math:`S` the
    sentences chosen so far.

    References
    ----------
    .. [1] Carbonell, J. and Goldstein, J. (1998). The use of MMR, diversity-based
       reranking for reordering documents and producing summaries. Proceedings of
       SIGIR 1998, 335-336.
    """
    pool = candidates(ranked)
    by_rank = sorted(pool, key=lambda sentence: sentence.rank)
    best_first: Iterable[ScoredSentence] = by_rank
    if (diversity > 0 or redundancy is not None) and similarity is not None and by_rank:
        best_first = _marginal_relevance_order(by_rank, diversity, similarity, redundancy)
    reserved: list[ScoredSentence] = []
    if min_per_group > 0 and groups is not None and by_rank:
        taken = list(best_first)
        reserved, rest = _each_group(taken, by_rank, groups, min_per_group)
        position = {sentence.index: number for number, sentence in enumerate(taken)}
        best_first = rest
    if words is not None:
        used = sum(len(sentence.text.split()) for sentence in reserved)
        chosen = reserved + _fit_words(best_first, words - used, at_least_one=not reserved)
    else:
        if ratio is not None:
            count = max(1, math.floor(ratio * len(pool) + 0.5))
        else:
            count = DEFAULT_SENTENCES if sentences is None else sentences
        chosen = reserved + list(islice(best_first, max(0, count - len(reserved))))
    if order == "document":
        chosen.sort(key=lambda sentence: sentence.index)
    elif reserved:  # in the order they were taken; a group's best passed over as redundant, after them
        chosen.sort(key=lambda sentence: (position.get(sentence.index, len(position)), sentence.rank))
    return tuple(chosen)


def _each_group(
    taken: list[ScoredSentence],
    by_rank: list[ScoredSentence],
    groups: Sequence[int] | npt.NDArray[np.int64],
    minimum: int,
) -> tuple[list[ScoredSentence], list[ScoredSentence]]:
    """The first ``minimum`` sentences of each group in the order they are ``taken`` (topped up by rank), and the rest.

    Examples
    --------
    >>> from summarize.selection import _each_group
    >>> from summarize.types import ScoredSentence
    >>> ranked = [ScoredSentence(index=i, text="x.", start=0, end=2, score=1 / (i + 1), rank=i + 1) for i in range(4)]
    >>> reserved, rest = _each_group(ranked, ranked, [0, 0, 0, 1], 1)
    >>> [s.index for s in reserved], [s.index for s in rest]
    ([0, 3], [1, 2])
    """
    counts: dict[int, int] = {}
    reserved: list[ScoredSentence] = []
    rest: list[ScoredSentence] = []
    for sentence in taken:
        group = int(groups[sentence.index])
        if counts.get(group, 0) < minimum:
            reserved.append(sentence)
            counts[group] = counts.get(group, 0) + 1
        else:
            rest.append(sentence)
    seen = {sentence.index for sentence in taken}
    for sentence in by_rank:  # the groups whose sentences were passed over as repeats
        group = int(groups[sentence.index])
        if sentence.index not in seen and counts.get(group, 0) < minimum:
            reserved.append(sentence)
            counts[group] = counts.get(group, 0) + 1
    return reserved, rest


def _marginal_relevance_order(
    best_first: list[ScoredSentence],
    diversity: float,
    similarity: scipy.sparse.csr_matrix,
    redundancy: float | None = None,
) -> Iterator[ScoredSentence]:
    """Yield sentences in order of maximal marginal relevance (ties by rank), as many as are taken.

    With ``redundancy``, sentences more similar than that to one yielded are dropped.
    """
    indices = np.array([sentence.index for sentence in best_first])
    scores = np.array([sentence.score for sentence in best_first])
    relevance = (1 - diversity) * scores / max(float(scores.max()), 1e-300)
    overlap = np.zeros(len(best_first))
    remaining = np.ones(len(best_first), dtype=bool)
    while remaining.any():
        gain = np.where(remaining, relevance - diversity * overlap, -np.inf)
        pick = int(np.argmax(gain))  # first maximum: the best-ranked of equal gains
        yield best_first[pick]
        remaining[pick] = False
        row = similarity.getrow(indices[pick]).toarray().ravel()
        overlap = np.maximum(overlap, row[indices])
        if redundancy is not None:
            remaining &= overlap <= redundancy


def _fit_words(best_first: Iterable[ScoredSentence], budget: int, *, at_least_one: bool = True) -> list[ScoredSentence]:
    chosen: list[ScoredSentence] = []
    first: ScoredSentence | None = None
    used = 0
    for sentence in best_first:
        first = first or sentence
        length = len(sentence.text.split())
        if used + length <= budget:
            chosen.append(sentence)
            used += length
            if used == budget:
                break
    return chosen or ([first] if first is not None and at_least_one else [])
