"""Candidate keyphrases that are noun phrases, and how the word graph of their words is ranked and scored.

Used by :func:`summarize.keyphrases.extract_keywords` in the languages with word
classes (:mod:`summarize.wordclasses`): candidates are runs of nouns and adjectives
(:func:`noun_phrases`), PageRank restarts at rare and, in long texts, early words
(:func:`restart_weights`), and candidates score by their words (:func:`phrase_scores`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from summarize.matrices import Matrix
from summarize.terms import Token

__all__ = [
    "COMMON_RARITY",
    "LONG_TEXT_WORDS",
    "MAX_PHRASE_WORDS",
    "NounPhrases",
    "cooccurrences",
    "noun_phrases",
    "phrase_scores",
    "restart_weights",
]

#: Word graphs of noun phrases of more words than this are scipy sparse matrices
#: (faster than dense ones past a few hundred words).
DENSE_MAX_PHRASE_WORDS = 400
#: Longest keyphrase, in words: a longer run of nouns and adjectives is cut.
MAX_PHRASE_WORDS = 5
#: Texts of this many words or more are long (papers, reports): early words and
#: frequent phrases count more (:func:`restart_weights`, :func:`phrase_scores`).
LONG_TEXT_WORDS = 300
#: Exponent of a word's rarity in PageRank's restart.
RARITY_POWER = 3.0
#: In long texts, a phrase's score is divided by its length to this power ...
LONG_LENGTH_POWER = 0.25
#: ... and multiplied by its number of occurrences as a candidate to this power.
LONG_COUNT_POWER = 0.5
#: Adjectives less rare than this (:func:`summarize.wordclasses.rarity`: as common as
#: one word in 3,000 or more, such as "new", "large", "different") do not start or
#: end a keyphrase: "public library", not "new public library".
COMMON_RARITY = 2.5
# The classes of summarize.wordclasses, and "C" for a common adjective: those that may
# be part of a noun phrase, those trimmed from its end, and those trimmed from its start.
_PHRASE_CLASSES = frozenset("NAPGC")
_MODIFIERS = frozenset("APGC")
_VERBAL = frozenset("PGC")
# Languages whose adjectives mostly follow the noun ("bibliothèque municipale"): their
# noun phrases may end with an adjective or participle.
_ADJECTIVES_AFTER = frozenset({"french", "italian", "portuguese", "romanian", "spanish"})


@dataclass(frozen=True, kw_only=True, slots=True)
class NounPhrases:
    """The noun phrases of a text and the word sequence of its graph (made by :func:`noun_phrases`).

    Attributes
    ----------
    candidates : dict
        Each candidate (the tuple of its words' terms) and the forms it has in the text.
    first : dict
        Each candidate's position of first occurrence, in words.
    runs : list of list of str
        Every occurrence of a candidate, as its terms (for the counts).
    vertices : list of str
        The terms of the nouns, adjectives and participles, in order of first occurrence.
    surfaces : list of str
        The first form of each vertex in the text, lower-cased (for its rarity).
    sequence : list of int
        The vertices in the order of the text, one entry per occurrence.
    positions : list of float
        For each vertex, the sum over its occurrences of 1 / (position in words, from 1).
    words : int
        The number of words of the text.
    """

    candidates: dict[tuple[str, ...], Counter[str]]
    first: dict[tuple[str, ...], int]
    runs: list[list[str]]
    vertices: list[str]
    surfaces: list[str]
    sequence: list[int]
    positions: list[float]
    words: int

    @property
    def long_text(self) -> bool:
        """Whether the text is long (:data:`LONG_TEXT_WORDS` words or more): a paper, a report."""
        return self.words >= LONG_TEXT_WORDS


def noun_phrases(sentences: Sequence[Sequence[Token]], texts: Sequence[str], *, language: str) -> NounPhrases:
    """The candidate keyphrases of a text's sentences: runs of nouns and adjectives.

    ``sentences`` are the words of each text of ``texts`` (such as
    :func:`summarize.keyphrases.sentence_words` gives them), those that cannot be part
    of a keyword with the term ``""`` (stop words, fillers, numbers: see
    :func:`summarize.keyphrases.is_candidate`).

    A candidate is a run of words, with nothing but spaces between them, whose class
    (:func:`summarize.wordclasses.word_class`) is noun, adjective, participle or
    gerund, and whose term is not ``""``, cut where a term repeats
    (so that no phrase holds a word twice, as in "UDDI Local Registry UDDI Local
    Registry") and after :data:`MAX_PHRASE_WORDS` words; then modifiers are trimmed
    from its end (it ends with a noun, as keyphrases do; in the languages whose
    adjectives follow the noun, only participles, gerunds and common adjectives are),
    and participles, gerunds and common adjectives (:data:`COMMON_RARITY`) from its
    start ("providing adaptive resource management", "new public library"). A run
    without a noun is no candidate. Each candidate stands for its terms, so that
    inflections and cases are one candidate.

    Examples
    --------
    >>> from summarize.keyphrases import sentence_words
    >>> from summarize.nounphrases import noun_phrases
    >>> texts = ["We study simulated annealing of new linear constraint systems."]
    >>> found = noun_phrases(sentence_words(texts), texts, language="english")
    >>> [" ".join(key) for key in found.candidates]
    ['studi simul anneal', 'linear constraint system']
    """
    from summarize.wordclasses import rarity, word_classifier

    classify = word_classifier(language)
    trimmed = _VERBAL if language in _ADJECTIVES_AFTER else _MODIFIERS
    candidates: dict[tuple[str, ...], Counter[str]] = {}
    first: dict[tuple[str, ...], int] = {}
    runs: list[list[str]] = []
    index: dict[str, int] = {}
    surfaces: list[str] = []
    sequence: list[int] = []
    positions: list[float] = []
    position = 0
    for words, text in zip(sentences, texts, strict=True):
        run: list[tuple[Token, str]] = []  # words and their classes
        for word in words:
            position += 1
            if not word.term:  # a stop word, filler or number
                if run:
                    _add_run(run, trimmed, text, position, candidates, first, runs)
                continue
            surface = text[word.start : word.end]
            kind = classify(surface)
            if kind == "A" and COMMON_RARITY and rarity([surface], language)[0] < COMMON_RARITY:
                kind = "C"
            if kind not in _PHRASE_CLASSES:
                if run:
                    _add_run(run, trimmed, text, position, candidates, first, runs)
                continue
            if run and (not word.joined or len(run) >= MAX_PHRASE_WORDS or any(w.term == word.term for w, _ in run)):
                _add_run(run, trimmed, text, position, candidates, first, runs)
            run.append((word, kind))
            vertex = index.setdefault(word.term, len(index))
            if vertex == len(positions):
                positions.append(0.0)
                surfaces.append(surface.lower())
            positions[vertex] += 1.0 / position
            sequence.append(vertex)
        if run:
            _add_run(run, trimmed, text, position + 1, candidates, first, runs)
    return NounPhrases(
        candidates=candidates,
        first=first,
        runs=runs,
        vertices=list(index),
        surfaces=surfaces,
        sequence=sequence,
        positions=positions,
        words=position,
    )


def _add_run(
    run: list[tuple[Token, str]],
    trimmed: frozenset[str],
    text: str,
    position: int,
    candidates: dict[tuple[str, ...], Counter[str]],
    first: dict[tuple[str, ...], int],
    runs: list[list[str]],
) -> None:
    """Record a run of words that ends before word ``position`` as a candidate, trimmed; empty the run.

    Words of the classes ``trimmed`` are trimmed from its end, participles and gerunds
    from its start; a run with no noun left gives no candidate.
    """
    end = len(run)
    while end and run[end - 1][1] in trimmed:
        end -= 1
    start = 0
    while start < end and run[start][1] in _VERBAL:
        start += 1
    kept = run[start:end]
    if any(kind == "N" for _, kind in kept):
        key = tuple(word.term for word, _ in kept)
        candidates.setdefault(key, Counter())[" ".join(text[kept[0][0].start : kept[-1][0].end].split())] += 1
        first.setdefault(key, position - len(run) + start)
        runs.append(list(key))
    run.clear()


def cooccurrences(sequence: Sequence[int], n: int, window: int, *, dense_max: int = DENSE_MAX_PHRASE_WORDS) -> Matrix:
    """The word graph: 1 between vertices within ``window`` places of each other in ``sequence``.

    Each distance's pairs are coded as one integer and made unique at once, so that
    memory grows with the words of the text, not with the words times the window.
    """
    words = np.asarray(sequence, dtype=np.int64)
    codes = [np.empty(0, dtype=np.int64)]
    for distance in range(1, window):
        first, second = words[:-distance], words[distance:]
        apart = first != second
        low, high = np.minimum(first[apart], second[apart]), np.maximum(first[apart], second[apart])
        codes.append(np.unique(low * n + high))
    low, high = np.divmod(np.unique(np.concatenate(codes)), max(n, 1))
    rows, cols = np.concatenate([low, high]), np.concatenate([high, low])
    if n <= dense_max:
        dense = np.zeros((n, n))
        dense[rows, cols] = 1.0
        return dense
    import scipy.sparse

    return scipy.sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


def restart_weights(found: NounPhrases, *, language: str, long_text: bool) -> npt.NDArray[np.float64]:
    """PageRank's restart distribution over the vertices: rare words, and in long texts early ones.

    Notes
    -----
    With :math:`r_w` the rarity of word :math:`w` in the language
    (:func:`summarize.wordclasses.rarity`) and, in long texts, :math:`p_w = \\sum_i
    1 / i` over the positions :math:`i` (in words, from 1) where :math:`w` occurs
    (PositionRank [1]_; :math:`p_w = 1` in short texts), the restart probability is
    proportional to :math:`p_w \\, r_w^3` (:data:`RARITY_POWER`).

    References
    ----------
    .. [1] Florescu, C. and Caragea, C. (2017). PositionRank: an unsupervised approach
       to keyphrase extraction from scholarly documents. Proceedings of ACL 2017,
       1105-1115.
    """
    from summarize.wordclasses import rarity

    weights = np.array(rarity(found.surfaces, language)) ** RARITY_POWER
    if long_text:
        weights *= np.array(found.positions)
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def phrase_scores(
    found: NounPhrases, scores: npt.NDArray[np.float64], *, long_text: bool
) -> dict[tuple[str, ...], float]:
    """Each candidate's score: the sum of its words' PageRank scores, in long texts weighed by count and length.

    Notes
    -----
    A candidate of :math:`n` words :math:`w_1 \\dots w_n` that occurs :math:`c` times
    as a candidate scores :math:`\\sum_i s(w_i)` in a short text (TextRank's sum, [1]_)
    and :math:`c^{1/2} \\, n^{-1/4} \\sum_i s(w_i)` in a long one, where frequent
    short phrases are the keyphrases and the sum alone prefers long rare runs.

    References
    ----------
    .. [1] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.
    """
    score_of = dict(zip(found.vertices, scores.tolist(), strict=True))
    found_scores = {}
    for key, forms in found.candidates.items():
        total = sum(map(score_of.__getitem__, key))
        if long_text:
            total *= sum(forms.values()) ** LONG_COUNT_POWER / len(key) ** LONG_LENGTH_POWER
        found_scores[key] = total
    return found_scores
