"""Similarity between sentences, computed on their term-count matrix.

A similarity is a function from the sentence-by-term count matrix (scipy CSR,
one row per sentence) to a square matrix of non-negative edge weights with a zero
diagonal. Rankers name their similarity in :data:`SIMILARITIES`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse

__all__ = ["SIMILARITIES", "Similarity", "term_matrix", "textrank"]

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


#: Similarities by name.
SIMILARITIES: dict[str, Similarity] = {"textrank": textrank}
