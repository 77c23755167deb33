"""Selection: which ranked sentences make the summary, and in what order."""

from __future__ import annotations

import math
from collections.abc import Sequence

from summarize.types import ScoredSentence

__all__ = ["DEFAULT_SENTENCES", "ORDERS", "select"]

#: Summary length when no budget is given.
DEFAULT_SENTENCES = 3

#: The orders a summary can be given in.
ORDERS = ("document", "score")


def select(
    ranked: Sequence[ScoredSentence],
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
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

    Returns
    -------
    tuple of ScoredSentence

    Notes
    -----
    At most one budget may be given; with none, :data:`DEFAULT_SENTENCES`. Budgets
    count the candidate sentences only: fragments (headings, captions) are never
    chosen, unless every sentence of the document is a fragment.
    """
    candidates = [sentence for sentence in ranked if not sentence.fragment] or list(ranked)
    best_first = sorted(candidates, key=lambda sentence: sentence.rank)
    if words is not None:
        chosen = _fit_words(best_first, words)
    else:
        if ratio is not None:
            count = max(1, math.floor(ratio * len(candidates) + 0.5))
        else:
            count = DEFAULT_SENTENCES if sentences is None else sentences
        chosen = best_first[:count]
    if order == "document":
        chosen.sort(key=lambda sentence: sentence.index)
    return tuple(chosen)


def _fit_words(best_first: list[ScoredSentence], budget: int) -> list[ScoredSentence]:
    chosen: list[ScoredSentence] = []
    used = 0
    for sentence in best_first:
        length = len(sentence.text.split())
        if used + length <= budget:
            chosen.append(sentence)
            used += length
    return chosen or best_first[:1]
