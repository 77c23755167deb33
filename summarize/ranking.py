"""Ranking: weighted PageRank over a sentence graph, implemented once.

Every PageRank-based ranker goes through :func:`pagerank`; a ranker differs only
in the graph (its similarity) and the teleport distribution (its prior).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from summarize._validation import check_float, check_int, fail
from summarize.errors import ConvergenceError
from summarize.matrices import Matrix, is_sparse

__all__ = ["pagerank"]


def pagerank(
    weights: Matrix,
    *,
    alpha: float = 0.85,
    personalization: npt.ArrayLike | None = None,
    max_iter: int = 100,
    tol: float = 1e-6,
) -> npt.NDArray[np.float64]:
    """PageRank of the nodes of a weighted graph, by power iteration.

    Parameters
    ----------
    weights : ndarray or scipy.sparse matrix, shape (n, n)
        ``weights[i, j]`` is the weight of the edge from node ``i`` to node ``j``
        (non-negative; 0 means no edge). An undirected graph has a symmetric matrix.
    alpha : float, optional
        Damping factor, the probability of following an edge rather than teleporting
        (default 0.85, as in [1]_ and [2]_).
    personalization : array_like of shape (n,), optional
        Teleport distribution (non-negative, normalised here); uniform if omitted.
        Random surfers at dangling nodes (no out-edges) also jump by it.
    max_iter : int, optional
        Maximum number of power iterations (default 100).
    tol : float, optional
        Convergence tolerance: iteration stops when the L1 change of the scores is
        below ``n * tol`` (default 1e-6), the criterion of ``networkx.pagerank``.

    Returns
    -------
    ndarray of shape (n,)
        The scores, non-negative and summing to 1.

    Raises
    ------
    ConvergenceError
        If the iteration has not converged after ``max_iter`` iterations.
    InvalidParameterError
        If a parameter is out of range or ``weights`` is not a square matrix of
        non-negative weights.

    Notes
    -----
    With :math:`P` the row-normalised weight matrix, :math:`p` the teleport
    distribution and :math:`D` the set of dangling nodes, each iteration computes

    .. math:: x \\leftarrow \\alpha \\left(P^T x + p \\sum_{i \\in D} x_i\\right) + (1 - \\alpha) p

    starting from the uniform distribution. This matches ``networkx.pagerank``
    on the same weighted graph, without building a networkx graph.

    References
    ----------
    .. [1] Page, L., Brin, S., Motwani, R. and Winograd, T. (1999). The PageRank
       citation ranking: bringing order to the web. Stanford InfoLab.
    .. [2] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.

    Examples
    --------
    >>> import numpy as np
    >>> from summarize.ranking import pagerank
    >>> star = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float)
    >>> pagerank(star).round(4).tolist()
    [0.4865, 0.2568, 0.2568]
    """
    alpha = check_float("alpha", alpha, low=0.0, high=1.0, high_open=True)
    max_iter = check_int("max_iter", max_iter, minimum=1)
    tol = check_float("tol", tol, low=0.0, high=float("inf"), low_open=True)
    weights = _check_weights(weights)
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    teleport = _teleport(personalization, n)

    out_weight = np.asarray(weights.sum(axis=1)).ravel()
    dangling = (out_weight == 0).astype(np.float64)
    scale = np.divide(alpha, out_weight, out=np.zeros(n), where=out_weight > 0)
    # x @ (alpha P), with P = diag(1 / out_weight) @ weights, as a matrix-vector product.
    if isinstance(weights, np.ndarray):
        step = np.ascontiguousarray(weights.T * scale)
    else:
        import scipy.sparse

        step = (weights.T @ scipy.sparse.diags(scale)).tocsr()
    jump = (1 - alpha) * teleport
    dangling_jump = alpha * teleport

    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = step @ last + jump + (dangling @ last) * dangling_jump
        if np.abs(x - last).sum() < n * tol:
            return np.asarray(x, dtype=np.float64)
    raise ConvergenceError(max_iter)


def _check_weights(weights: object) -> Matrix:
    """Return ``weights`` as a float array or CSR matrix after checking it is square and non-negative."""
    if isinstance(weights, np.ndarray):
        matrix: Matrix = weights.astype(np.float64, copy=False)
        values = matrix
    elif is_sparse(weights):
        import scipy.sparse

        matrix = scipy.sparse.csr_matrix(weights, dtype=np.float64)
        values = matrix.data
    else:
        raise fail("weights", "a square numpy array or scipy sparse matrix", type(weights).__name__)
    if len(matrix.shape) != 2 or matrix.shape[0] != matrix.shape[1]:
        raise fail("weights", "a square matrix", f"shape {matrix.shape}")
    if values.size and not (np.all(np.isfinite(values)) and values.min() >= 0):
        raise fail("weights", "a matrix of finite non-negative weights", "a negative or non-finite weight")
    return matrix


def _teleport(personalization: npt.ArrayLike | None, n: int) -> npt.NDArray[np.float64]:
    if personalization is None:
        return np.full(n, 1.0 / n)
    vector = np.asarray(personalization, dtype=np.float64)
    if vector.shape != (n,) or not np.all(np.isfinite(vector)) or vector.min() < 0 or vector.sum() <= 0:
        raise fail("personalization", f"{n} finite non-negative weights with a positive sum", personalization)
    return np.asarray(vector / vector.sum(), dtype=np.float64)
