"""Focused summaries: how much each sentence is about a focus, as PageRank's restart vector.

A focus (a question, a few keywords, a paragraph) biases the ranking towards the
sentences about it, as Biased TextRank does (Kazemi, Pérez-Rosas and Mihalcea 2020):
the random surfer of PageRank restarts at a sentence with a probability that
follows the sentence's similarity to the focus, instead of uniformly, so sentences
about the focus and the sentences central among them rank first. Centrality still
counts: the surfer follows the graph's edges with the damping probability (0.85),
and :data:`DEFAULT_FOCUS_WEIGHT` of the restart goes by the focus, the rest as the
ranker's own prior (uniform for most rankers).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["DEFAULT_FOCUS_WEIGHT", "focus_similarity", "restart"]

#: The share of PageRank's restart that goes by similarity to the focus (the rest by the ranker's prior).
DEFAULT_FOCUS_WEIGHT = 0.9


def focus_similarity(sentences: Sequence[Iterable[str]], focus: Iterable[str]) -> npt.NDArray[np.float64]:
    """The cosine of each sentence's term set with the focus's term set.

    Parameters
    ----------
    sentences : sequence of iterables of str
        Each sentence's terms, as the analyzer gives them.
    focus : iterable of str
        The focus's terms, from the same analyzer.

    Returns
    -------
    ndarray
        One similarity in [0, 1] per sentence; all 0 when the focus shares no term
        with the text (or has none).

    Examples
    --------
    >>> from summarize.focus import focus_similarity
    >>> focus_similarity([["park", "open"], ["bakeri", "close"], ["park"]], ["park"]).round(3).tolist()
    [0.707, 0.0, 1.0]
    """
    wanted = frozenset(focus)
    scores = np.zeros(len(sentences))
    if not wanted:
        return scores
    for position, terms in enumerate(sentences):
        own = frozenset(terms)
        shared = len(own & wanted)
        if shared:
            scores[position] = shared / math.sqrt(len(own) * len(wanted))
    return scores


def restart(
    similarity: npt.NDArray[np.float64], prior: npt.NDArray[np.float64] | None, *, weight: float
) -> npt.NDArray[np.float64] | None:
    """PageRank's restart distribution for a focus: ``weight`` by similarity, the rest by the prior.

    Returns None when no sentence is similar to the focus: the ranking is then the
    ranker's own, unfocused.

    Notes
    -----
    With :math:`f_i` the similarity of sentence :math:`i` to the focus and
    :math:`p_i` the ranker's prior (uniform if it has none), both normalised to sum
    to 1, and :math:`w` the focus weight, the restart probability is

    .. math:: r_i = w \\, f_i + (1 - w) \\, p_i

    Examples
    --------
    >>> import numpy as np
    >>> from summarize.focus import restart
    >>> restart(np.array([1.0, 0.0, 1.0, 0.0]), None, weight=0.5).tolist()
    [0.375, 0.125, 0.375, 0.125]
    >>> restart(np.zeros(3), None, weight=0.5) is None
    True
    """
    total = float(similarity.sum())
    if total <= 0:
        return None
    n = len(similarity)
    base = np.full(n, 1.0 / n) if prior is None else prior / float(prior.sum())
    return np.asarray(weight * similarity / total + (1 - weight) * base, dtype=np.float64)
