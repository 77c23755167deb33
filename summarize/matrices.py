"""Sentence-by-term matrices and their pairwise products: dense for ordinary texts, sparse for long ones.

Every similarity of :mod:`summarize.similarity` is built from these operations, and
the sentence graph (:mod:`summarize.graph`) is the matrix of pairwise weights they give.

A text of up to :data:`DENSE_MAX_SENTENCES` candidate sentences keeps its
sentence-by-term matrix as :class:`Triplets` and gets a dense numpy array of edge
weights: every pair of sentences that shares a term is found through the terms
(an inverted index), with numpy alone, so a news article's graph costs tens of
microseconds and never waits for BLAS threads. A longer text gets scipy sparse
matrices built block by block, where

- a term found in more than :data:`COMMON_TERM_SHARE` of the sentences (and in more
  than :data:`COMMON_TERM_MIN_SENTENCES`), or in more than
  :data:`COMMON_TERM_MAX_SENTENCES` whatever the text's length, links no pair of
  sentences, since it would link a great many of them and says little about any
  pair (the fixed bound keeps the pairs each sentence is compared with bounded, so
  that the products grow linearly, not with the square of the text), and
- each sentence keeps only its :data:`NEIGHBOURS` strongest edges (a symmetric
  similarity keeps an edge that either end kept),

so time and memory grow about linearly with the text rather than with its square.
Both paths compute the same similarities; for a text short enough that no edge is
dropped they give the same graph (the tests check it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import scipy.sparse

__all__ = [
    "COMMON_TERM_MAX_SENTENCES",
    "COMMON_TERM_MIN_SENTENCES",
    "COMMON_TERM_SHARE",
    "DENSE_MAX_SENTENCES",
    "NEIGHBOURS",
    "Matrix",
    "TermMatrix",
    "Triplets",
    "column_counts",
    "is_sparse",
    "map_values",
    "pairwise",
    "row_sums",
]

#: Edge weights: a dense float array (ordinary texts) or a scipy CSR matrix (long texts).
Matrix: TypeAlias = "npt.NDArray[np.float64] | scipy.sparse.csr_matrix"

#: Texts with more candidate sentences than this take the sparse path.
DENSE_MAX_SENTENCES = 1000
#: In the sparse path, each sentence keeps this many of its strongest edges.
NEIGHBOURS = 50
#: In the sparse path, a term in more than this share of the sentences links none...
COMMON_TERM_SHARE = 0.01
#: ...provided it is in more than this many sentences.
COMMON_TERM_MIN_SENTENCES = 200
#: In the sparse path, a term in more than this many sentences links none, however long the text.
COMMON_TERM_MAX_SENTENCES = 1000

# Rows of the sparse path's products computed at a time (bounds their memory).
_BLOCK_ROWS = 1024

#: An elementwise function of a pair's raw product and the pair's row and column
#: indices (arrays that broadcast against it), giving the pair's weight.
Combine = Callable[[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.float64]]


@dataclass(frozen=True, eq=False)
class Triplets:
    """A small sentence-by-term matrix as (row, column, value) triplets.

    Each (row, column) appears at most once. Operations are plain numpy on the three
    arrays, which for a few hundred entries is far cheaper than scipy.sparse.
    """

    rows: npt.NDArray[np.int64]
    cols: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]
    shape: tuple[int, int]

    def toarray(self) -> npt.NDArray[np.float64]:
        """The matrix as a dense array."""
        dense = np.zeros(self.shape)
        dense[self.rows, self.cols] = self.values
        return dense


#: A sentence-by-term matrix: :class:`Triplets` (ordinary texts) or scipy CSR (long texts).
TermMatrix: TypeAlias = "Triplets | scipy.sparse.csr_matrix"


def is_sparse(matrix: object) -> bool:
    """Whether ``matrix`` is a scipy sparse matrix (the long-text path).

    scipy is imported only by the long-text path: until it is, nothing is sparse.
    """
    sparse = sys.modules.get("scipy.sparse")
    return sparse is not None and bool(sparse.issparse(matrix))


def map_values(
    matrix: TermMatrix,
    function: Callable[
        [npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.float64]
    ],
) -> TermMatrix:
    """A matrix with the same entries, each value replaced by ``function(values, rows, cols)``."""
    if isinstance(matrix, Triplets):
        return Triplets(matrix.rows, matrix.cols, function(matrix.values, matrix.rows, matrix.cols), matrix.shape)
    import scipy.sparse

    csr = scipy.sparse.csr_matrix(matrix, dtype=np.float64, copy=True)
    rows = np.repeat(np.arange(csr.shape[0], dtype=np.int64), np.diff(csr.indptr))
    csr.data = function(csr.data, rows, csr.indices.astype(np.int64))
    return csr


def row_sums(matrix: TermMatrix) -> npt.NDArray[np.float64]:
    """The sum of each row."""
    if isinstance(matrix, Triplets):
        return np.bincount(matrix.rows, weights=matrix.values, minlength=matrix.shape[0]).astype(np.float64)
    return np.asarray(matrix.sum(axis=1), dtype=np.float64).ravel()


def column_counts(matrix: TermMatrix) -> npt.NDArray[np.float64]:
    """The number of entries in each column (for counts: how many sentences have the term)."""
    columns = matrix.cols if isinstance(matrix, Triplets) else matrix.indices
    return np.bincount(columns, minlength=matrix.shape[1]).astype(np.float64)


def pairwise(left: TermMatrix, right: TermMatrix, combine: Combine | None = None, *, symmetric: bool) -> Matrix:
    """Edge weights ``combine(left @ right.T)`` between sentences, without self-loops.

    Parameters
    ----------
    left, right : Triplets or scipy.sparse.csr_matrix, shape (n, n_terms)
        Sentence-by-term matrices (the same kind).
    combine : callable, optional
        Turns the raw products into weights (see :data:`Combine`); identity if None.
    symmetric : bool
        Whether weight(i, j) equals weight(j, i); the sparse path then keeps an edge
        that either of its ends keeps.

    Returns
    -------
    ndarray or scipy.sparse.csr_matrix of shape (n, n)
        Dense for :class:`Triplets`. For sparse input, pruned as the module describes.
    """
    if isinstance(left, Triplets) and isinstance(right, Triplets):
        dense = _inverted_index_product(left, right)
        size = dense.shape[0]
        if combine is not None:
            dense = combine(dense, np.arange(size)[:, None], np.arange(size)[None, :])
        np.fill_diagonal(dense, 0.0)
        return dense
    return _sparse_pairwise(left, right, combine, symmetric)


def _inverted_index_product(left: Triplets, right: Triplets) -> npt.NDArray[np.float64]:
    """``left @ right.T`` as a dense array, by pairing the entries that share a column."""
    size = left.shape[0]
    order = np.argsort(right.cols, kind="stable")
    right_rows, right_values = right.rows[order], right.values[order]
    per_column = np.bincount(right.cols, minlength=right.shape[1])
    column_start = np.concatenate(([0], np.cumsum(per_column)[:-1]))
    partners = per_column[left.cols]  # how many right entries each left entry meets
    total = int(partners.sum())
    first = np.cumsum(partners) - partners
    left_entry = np.repeat(np.arange(len(left.cols)), partners)
    right_entry = np.repeat(column_start[left.cols] - first, partners) + np.arange(total)
    cells = left.rows[left_entry] * size + right_rows[right_entry]
    products = left.values[left_entry] * right_values[right_entry]
    product = np.bincount(cells, weights=products, minlength=size * size).astype(np.float64)
    return product.reshape(size, size)


def _sparse_pairwise(
    left: scipy.sparse.csr_matrix,
    right: scipy.sparse.csr_matrix,
    combine: Combine | None,
    symmetric: bool,
) -> scipy.sparse.csr_matrix:
    import scipy.sparse

    size = left.shape[0]
    sentences_with = np.bincount(right.indices, minlength=right.shape[1])
    limit = min(max(COMMON_TERM_MIN_SENTENCES, COMMON_TERM_SHARE * size), COMMON_TERM_MAX_SENTENCES)
    rare = scipy.sparse.diags((sentences_with <= limit).astype(np.float64))
    left, right_t = left @ rare, (right @ rare).T.tocsr()
    rows_kept, cols_kept, weights_kept = [], [], []
    for start in range(0, size, _BLOCK_ROWS):
        block = scipy.sparse.csr_matrix(left[start : start + _BLOCK_ROWS] @ right_t)
        rows = np.repeat(np.arange(start, start + block.shape[0], dtype=np.int64), np.diff(block.indptr))
        cols = block.indices.astype(np.int64)
        weights = np.asarray(block.data, dtype=np.float64)
        if combine is not None:
            weights = combine(weights, rows, cols)
        weights[(rows == cols) | ~(weights > 0)] = 0.0
        keep = _strongest_per_row(block.indptr, cols, weights, NEIGHBOURS)
        rows_kept.append(rows[keep])
        cols_kept.append(cols[keep])
        weights_kept.append(weights[keep])
    graph = scipy.sparse.csr_matrix(
        (np.concatenate(weights_kept), (np.concatenate(rows_kept), np.concatenate(cols_kept))),
        shape=(size, size),
    )
    if symmetric:
        graph = scipy.sparse.csr_matrix(graph.maximum(graph.T))
    return graph


def _strongest_per_row(
    indptr: npt.NDArray[np.int32], cols: npt.NDArray[np.int64], weights: npt.NDArray[np.float64], count: int
) -> npt.NDArray[np.bool_]:
    """Mask of each row's ``count`` largest positive weights (equal weights: lower column first).

    Rows with at most ``count`` positive weights keep them all at once; only the
    rows with more are partitioned, one at a time.
    """
    keep = weights > 0
    row_of = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    positive = np.bincount(row_of[keep], minlength=len(indptr) - 1)
    for row in np.flatnonzero(positive > count):
        begin, end = int(indptr[row]), int(indptr[row + 1])
        row_weights = weights[begin:end]
        kth = -np.partition(-row_weights, count - 1)[count - 1]
        above = row_weights > kth
        tied = np.flatnonzero(row_weights == kth)
        tied = tied[np.argsort(cols[begin:end][tied], kind="stable")][: count - int(above.sum())]
        chosen = above
        chosen[tied] = True
        keep[begin:end] = chosen
    return keep
