"""Similarity between sentences, computed on their term-count matrix.

A similarity is a function from the sentence-by-term count matrix (scipy CSR,
one row per sentence) to a square matrix of non-negative edge weights with a zero
diagonal: ``weights[i, j]`` is the weight of the edge from sentence ``i`` to
sentence ``j``, a vote of ``i`` for ``j``. Symmetric similarities give undirected
graphs. Rankers name their similarity in :data:`SIMILARITIES`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse

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
Similarity = Callable[[scipy.sparse.csr_matrix], scipy.sparse.csr_matrix]


def term_matrix(terms: Sequence[Sequence[str]]) -> scipy.sparse.csr_matrix:
    """The sentence-by-term count matrix of a document.

    Parameters
    ----------
    terms : sequence of sequences of str
        The terms of each sentence.

    Returns
    -------
    scipy.sparse.csr_matrix of shape (n_sentences, n_terms)
        ``counts[i, t]`` is how often term ``t`` occurs in sentence ``i``; terms are
        numbered in order of first occurrence.

    Examples
    --------
    >>> from summarize.similarity import term_matrix
    >>> term_matrix([["cat", "sat", "cat"], ["dog"], ["cat"]]).toarray().tolist()
    [[2.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    """
    vocabulary: dict[str, int] = {}
    columns = [vocabulary.setdefault(term, len(vocabulary)) for sentence in terms for term in sentence]
    indptr = np.zeros(len(terms) + 1, dtype=np.int64)
    np.cumsum([len(sentence) for sentence in terms], out=indptr[1:])
    counts = scipy.sparse.csr_matrix(
        (np.ones(len(columns)), np.asarray(columns, dtype=np.int64), indptr),
        shape=(len(terms), len(vocabulary)),
    )
    counts.sum_duplicates()
    return counts


def textrank(counts: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
    """TextRank sentence similarity of Mihalcea and Tarau (2004).

    Parameters
    ----------
    counts : scipy.sparse.csr_matrix of shape (n, n_terms)
        Term counts per sentence, from :func:`term_matrix`.

    Returns
    -------
    scipy.sparse.csr_matrix of shape (n, n)
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
    >>> weights = textrank(term_matrix([["cat", "sat", "mat"], ["cat", "ran"], ["dog"]]))
    >>> weights.toarray().round(3).tolist()
    [[0.0, 0.558, 0.0], [0.558, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    present = counts.copy()
    present.data[:] = 1.0
    shared = (present @ present.T).tocoo()
    log_length = np.log(np.maximum(np.asarray(counts.sum(axis=1)).ravel(), 1.0))
    keep = shared.row != shared.col
    rows, cols, overlap = shared.row[keep], shared.col[keep], shared.data[keep]
    denominator = log_length[rows] + log_length[cols]
    weights = np.divide(overlap, denominator, out=overlap.copy(), where=denominator > 0)
    n = counts.shape[0]
    return scipy.sparse.csr_matrix((weights, (rows, cols)), shape=(n, n))


def cosine(counts: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
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
    >>> cosine(term_matrix([["cat"], ["cat", "ran", "far", "off"]])).toarray().tolist()
    [[0.0, 0.5], [0.5, 0.0]]
    """
    present = _binary(counts)
    sizes = np.asarray(present.sum(axis=1)).ravel()
    scale = scipy.sparse.diags(np.divide(1.0, np.sqrt(sizes), out=np.zeros(len(sizes)), where=sizes > 0))
    return _without_diagonal(scale @ (present @ present.T) @ scale)


def lexrank(counts: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
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
    >>> lexrank(term_matrix([["cat", "sat"], ["cat", "ran"], ["dog"]])).toarray().round(3).tolist()
    [[0.0, 0.12, 0.0], [0.12, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    n = counts.shape[0]
    document_frequency = np.asarray(_binary(counts).sum(axis=0)).ravel()
    idf = np.log(n / np.maximum(document_frequency, 1))
    vectors = counts @ scipy.sparse.diags(idf)
    norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
    scale = scipy.sparse.diags(np.divide(1.0, norms, out=np.zeros(n), where=norms > 0))
    return _without_diagonal(scale @ (vectors @ vectors.T) @ scale)


#: Cosine threshold of :func:`lexrank_threshold` (Erkan and Radev's best, 0.1).
LEXRANK_THRESHOLD = 0.1


def lexrank_threshold(counts: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
    """LexRank with a threshold: an unweighted edge wherever the IDF-modified cosine exceeds 0.1.

    Examples
    --------
    >>> from summarize.similarity import lexrank_threshold, term_matrix
    >>> lexrank_threshold(term_matrix([["cat", "sat"], ["cat", "ran"], ["dog"]])).toarray().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    similar = lexrank(counts)
    similar.data = (similar.data > LEXRANK_THRESHOLD).astype(np.float64)
    similar.eliminate_zeros()
    return similar


#: BM25 parameters of Barrios et al. (2016): term saturation, length normalisation,
#: and the share of the average IDF given to terms whose IDF is negative.
BM25_K1, BM25_B, BM25_EPSILON = 1.2, 0.75, 0.25


def bm25(counts: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
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
    document_frequency = np.asarray(_binary(counts).sum(axis=0)).ravel()
    idf = np.log((n - document_frequency + 0.5) / (document_frequency + 0.5))
    average = float(idf.mean()) if idf.size else 0.0
    idf = np.where(idf < 0, BM25_EPSILON * average if average > 0 else BM25_EPSILON, idf)
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    average_length = float(lengths.mean()) if n else 1.0
    saturation = counts.tocoo()
    frequency = saturation.data
    norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[saturation.row] / max(average_length, 1e-12))
    saturation.data = frequency * (BM25_K1 + 1) / (frequency + norm) * idf[saturation.col]
    return _without_diagonal(_binary(counts) @ saturation.tocsr().T)


def _binary(counts: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
    present = counts.copy()
    present.data = np.ones_like(present.data)
    return present


def _without_diagonal(weights: scipy.sparse.spmatrix) -> scipy.sparse.csr_matrix:
    weights = scipy.sparse.csr_matrix(weights)
    weights = weights - scipy.sparse.diags(weights.diagonal())
    weights.eliminate_zeros()
    return scipy.sparse.csr_matrix(weights)


#: Similarities by name.
SIMILARITIES: dict[str, Similarity] = {
    "textrank": textrank,
    "cosine": cosine,
    "lexrank": lexrank,
    "lexrank-threshold": lexrank_threshold,
    "bm25": bm25,
}
