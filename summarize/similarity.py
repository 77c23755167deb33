"""Similarity between sentences, computed on their term-count matrix.

A similarity is a function from the sentence-by-term count matrix (one row per
sentence) to a square matrix of non-negative edge weights with a zero diagonal:
``weights[i, j]`` is the weight of the edge from sentence ``i`` to sentence ``j``, a
vote of ``i`` for ``j``. Symmetric similarities give undirected graphs. Counts
come as a dense numpy array for ordinary texts and as a scipy CSR matrix for long
ones, and the weights come back the same way (see :mod:`summarize.matrices`). Rankers
name their similarity in :data:`SIMILARITIES`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from summarize.matrices import Matrix, TermMatrix, Triplets, column_counts, map_values, pairwise, row_sums

__all__ = [
    "SIMILARITIES",
    "Similarity",
    "bm25",
    "cosine",
    "lexrank",
    "lexrank_threshold",
    "term_matrix",
    "textrank",
]

#: A function from the sentence-by-term count matrix to sentence edge weights.
Similarity = Callable[[TermMatrix], Matrix]


def term_matrix(terms: Sequence[Sequence[str]], *, sparse: bool = False) -> TermMatrix:
    """The sentence-by-term count matrix of a document.

    Parameters
    ----------
    terms : sequence of sequences of str
        The terms of each sentence.
    sparse : bool
        Return a scipy CSR matrix (for long texts) instead of :class:`~summarize.matrices.Triplets`.

    Returns
    -------
    Triplets or scipy.sparse.csr_matrix of shape (n_sentences, n_terms)
        ``counts[i, t]`` is how often term ``t`` occurs in sentence ``i``; terms are
        numbered in order of first occurrence.

    Examples
    --------
    >>> from summarize.similarity import term_matrix
    >>> term_matrix([["cat", "sat", "cat"], ["dog"], ["cat"]]).toarray().tolist()
    [[2.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    """
    vocabulary: dict[str, int] = {}
    columns = np.array(
        [vocabulary.setdefault(term, len(vocabulary)) for sentence in terms for term in sentence], dtype=np.int64
    )
    lengths = np.array([len(sentence) for sentence in terms], dtype=np.int64)
    shape = (len(terms), len(vocabulary))
    if not sparse:
        rows = np.repeat(np.arange(shape[0], dtype=np.int64), lengths)
        cells, counts = np.unique(rows * max(shape[1], 1) + columns, return_counts=True)
        return Triplets(cells // max(shape[1], 1), cells % max(shape[1], 1), counts.astype(np.float64), shape)
    import scipy.sparse

    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    matrix = scipy.sparse.csr_matrix((np.ones(len(columns)), columns, indptr), shape=shape)
    matrix.sum_duplicates()
    return matrix


def textrank(counts: TermMatrix) -> Matrix:
    """TextRank sentence similarity of Mihalcea and Tarau (2004).

    Parameters
    ----------
    counts : Triplets or scipy.sparse.csr_matrix of shape (n, n_terms)
        Term counts per sentence, from :func:`term_matrix`.

    Returns
    -------
    ndarray or scipy.sparse.csr_matrix of shape (n, n)
        Symmetric similarities with a zero diagonal.

    Notes
    -----
    For sentences :math:`S_i` and :math:`S_j` with :math:`|S|` terms each [1]_,

    .. math:: \\mathrm{sim}(S_i, S_j) = \\frac{|\\{t : t \\in S_i \\wedge t \\in S_j\\}|}{\\log |S_i| + \\log |S_j|}

    The denominator is 0 only when both sentences have a single term; the
    similarity is then defined as the number of shared terms (1 when it is the
    same term, 0 otherwise). Sentences without terms have no edges.

    References
    ----------
    .. [1] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.

    Examples
    --------
    >>> from summarize.similarity import term_matrix, textrank
    >>> textrank(term_matrix([["cat", "sat", "mat"], ["cat", "ran"], ["dog"]])).round(3).tolist()
    [[0.0, 0.558, 0.0], [0.558, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    log_length = np.log(np.maximum(row_sums(counts), 1.0))

    def over_log_lengths(
        shared: npt.NDArray[np.float64], rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        denominator = log_length[rows] + log_length[cols]
        weights: npt.NDArray[np.float64] = np.divide(
            shared, denominator, out=np.array(shared, dtype=np.float64), where=denominator > 0
        )
        return weights

    present = _binary(counts)
    return pairwise(present, present, over_log_lengths, symmetric=True)


def cosine(counts: TermMatrix) -> Matrix:
    """Cosine similarity of the sentences' sets of terms (Salton's cosine).

    Notes
    -----
    With :math:`T_i` the set of distinct terms of sentence :math:`i`,

    .. math:: \\mathrm{sim}(S_i, S_j) = \\frac{|T_i \\cap T_j|}{\\sqrt{|T_i|\\,|T_j|}}

    the TextRank overlap with a normalisation that favours long sentences less than
    :func:`textrank`'s logarithms.

    Examples
    --------
    >>> from summarize.similarity import cosine, term_matrix
    >>> cosine(term_matrix([["cat"], ["cat", "ran", "far", "off"]])).tolist()
    [[0.0, 0.5], [0.5, 0.0]]
    """
    present = _binary(counts)
    unit = _scale_rows(present, _inverse(np.sqrt(row_sums(present))))
    return pairwise(unit, unit, symmetric=True)


def lexrank(counts: TermMatrix) -> Matrix:
    """IDF-modified cosine similarity of LexRank (Erkan and Radev 2004), continuous.

    Notes
    -----
    Sentences are tf-idf vectors with :math:`\\mathrm{idf}(t) = \\log(n / n_t)`, where
    :math:`n` is the number of sentences and :math:`n_t` the number containing
    :math:`t` (the document's sentences serve as the collection); the similarity is
    the cosine of two vectors [1]_.

    References
    ----------
    .. [1] Erkan, G. and Radev, D. R. (2004). LexRank: graph-based lexical centrality
       as salience in text summarization. Journal of Artificial Intelligence
       Research 22, 457-479.

    Examples
    --------
    >>> from summarize.similarity import lexrank, term_matrix
    >>> lexrank(term_matrix([["cat", "sat"], ["cat", "ran"], ["dog"]])).round(3).tolist()
    [[0.0, 0.12, 0.0], [0.12, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    vectors = _idf_unit_vectors(counts)
    return pairwise(vectors, vectors, symmetric=True)


#: Cosine threshold of :func:`lexrank_threshold` (Erkan and Radev's best, 0.1).
LEXRANK_THRESHOLD = 0.1


def lexrank_threshold(counts: TermMatrix) -> Matrix:
    """LexRank with a threshold: an unweighted edge wherever the IDF-modified cosine exceeds 0.1.

    Examples
    --------
    >>> from summarize.similarity import lexrank_threshold, term_matrix
    >>> lexrank_threshold(term_matrix([["cat", "sat"], ["cat", "ran"], ["dog"]])).tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """

    def above_threshold(
        cosines: npt.NDArray[np.float64], _rows: npt.NDArray[np.int64], _cols: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        return (cosines > LEXRANK_THRESHOLD).astype(np.float64)

    vectors = _idf_unit_vectors(counts)
    return pairwise(vectors, vectors, above_threshold, symmetric=True)


#: BM25 parameters of Barrios et al. (2016): term saturation, length normalisation,
#: and the share of the average IDF given to terms whose IDF is negative.
BM25_K1, BM25_B, BM25_EPSILON = 1.2, 0.75, 0.25


def bm25(counts: TermMatrix) -> Matrix:
    """BM25 similarity of BM25-TextRank (Barrios et al. 2016), directed.

    ``weights[j, i]`` is the BM25 score of sentence ``i`` as a document for sentence
    ``j`` as a query: ``j`` votes for the sentences that answer it. The matrix is not
    symmetric, so the graph is directed.

    Notes
    -----
    For query :math:`Q` (its distinct terms) and document :math:`D` with term counts
    :math:`f(t, D)` and :math:`|D|` terms, average :math:`\\overline{|D|}`,

    .. math:: \\mathrm{BM25}(Q, D) = \\sum_{t \\in Q} \\mathrm{idf}(t)
              \\frac{f(t, D)\\,(k_1 + 1)}{f(t, D) + k_1 (1 - b + b |D| / \\overline{|D|})}

    with :math:`k_1 = 1.2`, :math:`b = 0.75` and
    :math:`\\mathrm{idf}(t) = \\log((n - n_t + 0.5) / (n_t + 0.5))`. Barrios et al.'s
    correction replaces a negative IDF (a term in more than half of the sentences) by
    :math:`\\varepsilon = 0.25` times the average IDF, so that common terms still count
    a little and no weight is negative (when the average is not positive, as in a
    two-sentence text, :math:`\\varepsilon` itself is used).

    References
    ----------
    .. [1] Barrios, F., López, F., Argerich, L. and Wachenchauzer, R. (2016).
       Variations of the similarity function of TextRank for automated
       summarization. arXiv:1602.03606.

    Examples
    --------
    >>> from summarize.similarity import bm25, term_matrix
    >>> weights = bm25(term_matrix([["cat", "sat"], ["cat", "ran", "far"], ["dog", "cat"]]))
    >>> bool(weights[0, 1] != weights[1, 0])
    True
    """
    n = counts.shape[0]
    sentences_with = column_counts(counts)
    idf = np.log((n - sentences_with + 0.5) / (sentences_with + 0.5))
    average = float(idf.mean()) if idf.size else 0.0
    idf = np.where(idf < 0, BM25_EPSILON * average if average > 0 else BM25_EPSILON, idf)
    lengths = row_sums(counts)
    norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(float(lengths.mean()) if n else 1.0, 1e-12))

    def saturated(
        frequency: npt.NDArray[np.float64], rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        weights: npt.NDArray[np.float64] = frequency * (BM25_K1 + 1) / (frequency + norm[rows]) * idf[cols]
        return weights

    return pairwise(_binary(counts), map_values(counts, saturated), symmetric=False)


def _idf_unit_vectors(counts: TermMatrix) -> TermMatrix:
    idf = np.log(counts.shape[0] / np.maximum(column_counts(counts), 1))
    vectors = map_values(counts, lambda values, _rows, cols: values * idf[cols])
    return _scale_rows(vectors, _inverse(np.sqrt(row_sums(map_values(vectors, lambda values, _r, _c: values**2)))))


def _inverse(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return np.divide(1.0, values, out=np.zeros(len(values)), where=values > 0)


def _binary(counts: TermMatrix) -> TermMatrix:
    return map_values(counts, lambda values, _rows, _cols: np.ones_like(values))


def _scale_rows(matrix: TermMatrix, factors: npt.NDArray[np.float64]) -> TermMatrix:
    return map_values(matrix, lambda values, rows, _cols: values * factors[rows])


#: Similarities by name.
SIMILARITIES: dict[str, Similarity] = {
    "textrank": textrank,
    "cosine": cosine,
    "lexrank": lexrank,
    "lexrank-threshold": lexrank_threshold,
    "bm25": bm25,
}
